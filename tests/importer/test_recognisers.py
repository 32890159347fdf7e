"""The line-level recognisers, each with cases that must match and cases that must not."""

from __future__ import annotations

import datetime as dt

import pytest

from exporter.importer.classify import could_be_headline, could_be_subhead, is_subtitle
from exporter.importer.headers import find_inline_head, is_paper_name, parse_running_head
from exporter.importer.jumps import page_key, split_jump_in, split_jump_out
from exporter.importer.notices import is_hotline, is_notice_title, split_label
from exporter.importer.segment import split_headline
from exporter.importer.text import balanced, dangling_end, ends_sentence
from exporter.importer.typos import find_typos
from exporter.importer.words import Vocabulary
from exporter.structure.byline import parse_byline
from exporter.structure.credits import is_credit, split_credit
from exporter.structure.dateline import is_dateline, parse_dateline


@pytest.mark.parametrize("text, agency, place, date, reporters", [
    ("新华社日内瓦1月24日电(记者王其冰)世界卫生组织", "新华社", "日内瓦", "1月24日", ("王其冰",)),
    ("本报讯（记者 张三 通讯员 李四）近日", "本报", "", "", ("张三", "李四")),
    ("本报北京1月25日讯 记者", "本报", "北京", "1月25日", ()),
    ("新华社华盛顿2025年12月3日电 （记者 李四）", "新华社", "华盛顿", "2025年12月3日", ("李四",)),
    ("据新华社电", "据新华社", "", "", ()),
    ("某某晚报讯（记者 王五）", "某某晚报", "", "", ("王五",)),
    ("新华社广州1月25日电(记者毛鑫、王瑞平)1月25日", "新华社", "广州", "1月25日", ("毛鑫", "王瑞平")),
])
def test_datelines(text, agency, place, date, reporters):
    parsed = parse_dateline(text)
    assert (parsed.agency, parsed.place, parsed.date, parsed.reporters) == (agency, place, date, reporters)


@pytest.mark.parametrize("text", ["新华社记者近日走进国家电网", "本报今日推出电视节目", "某某晚报讯近日", "互联网讯息",
                                  "据报道，今天"])
def test_sentences_that_are_not_datelines(text):
    assert parse_dateline(text) is None


def test_a_whole_line_dateline():
    assert is_dateline("新华社北京1月25日电") and not is_dateline("新华社北京1月25日电 北京时间")


@pytest.mark.parametrize("text, expected", [
    ("新华社记者", "新华社记者"), ("本报记者 张三 通讯员 李四", "本报记者 张三 通讯员 李四"),
    ("■本报记者 张三", "本报记者 张三"), ("文/本报记者 张三 图/本报记者 李四", "文/本报记者 张三 图/本报记者 李四"),
    ("（记者 张三）", "记者 张三"), ("本报评论员", "本报评论员"), ("本报驻京记者 王五", "本报驻京记者 王五"),
    ("记者手记", None), ("记者探访新春市场", None), ("新华社记者 吴鲁 摄", None), ("世卫组织:美国决定退出", None),
])
def test_bylines(text, expected):
    assert parse_byline(text) == expected


@pytest.mark.parametrize("text, caption, credit", [
    ("市民在K303次列车旁拍照留念。新华社记者 吴鲁 摄", "市民在K303次列车旁拍照留念。", "新华社记者 吴鲁 摄"),
    ("市民拍照留念新华社记者吴鲁摄", "市民拍照留念", "新华社记者吴鲁摄"),
    ("市民拍照留念（李四 摄）", "市民拍照留念", "李四 摄"),
    ("活动现场。新华社发", "活动现场。", "新华社发"),
    ("展览现场。新华社发（王五摄）", "展览现场。", "新华社发（王五摄）"),
    ("全景图。 本报通讯员 赵六 摄", "全景图。", "本报通讯员 赵六 摄"),
    ("工作人员正在拍摄", "工作人员正在拍摄", ""),
    ("新华社记者 吴鲁 摄", "新华社记者 吴鲁 摄", ""),
])
def test_photo_credits(text, caption, credit):
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize("line, kind, caption, credit", [
    ("图为市民在广场上参加活动。", "caption", "图为市民在广场上参加活动。", ""),
    ("上图：新建成的口袋公园。本报记者 张三 摄", "caption", "上图：新建成的口袋公园。", "本报记者 张三 摄"),
    ("市民在车旁拍照留念。新华社记者 吴鲁 摄", "caption", "市民在车旁拍照留念。", "新华社记者 吴鲁 摄"),
    ("图书馆今天开放。", "text", "图书馆今天开放。", ""),
])
def test_caption_lines(line, kind, caption, credit):
    from exporter.importer.report import ImportReport
    from exporter.importer.units import page_units

    unit = page_units(line, "p.txt", ImportReport()).units[0]
    assert (unit.kind, unit.text, unit.credit) == (kind, caption, credit)


def test_a_credit_on_its_own_line_under_a_caption_in_a_photo_slot_joins_it():
    from exporter.importer.report import ImportReport
    from exporter.importer.units import page_units

    page = "正文第一段。\n\n\n\n市民在车旁留影。\n新华社记者 吴鲁 摄\n\n正文第二段。"
    units = page_units(page, "p.txt", ImportReport()).units
    assert [(u.kind, u.text, u.credit) for u in units] == [
        ("text", "正文第一段。", ""), ("caption", "市民在车旁留影。", "新华社记者 吴鲁 摄"), ("text", "正文第二段。", "")]


def test_a_credit_on_a_line_of_its_own():
    assert is_credit("新华社记者 吴鲁 摄") and is_credit("（新华社记者 吴鲁 摄）")
    assert not is_credit("市民拍照 张三 摄") and not is_credit("张三 摄")


@pytest.mark.parametrize("text, date, page, editor, section", [
    ("2026年1月26日 星期一", dt.date(2026, 1, 26), (None, ""), "", ""),
    ("2025年10月27日 星期一  责任编辑：张三 第2版", dt.date(2025, 10, 27), (2, "第2版"), "张三", ""),
    ("要闻 第1版 责任编辑：李四 美编：王五", None, (1, "第1版"), "李四", "要闻"),
    ("A3 国际 2026年1月26日 星期一", dt.date(2026, 1, 26), (None, "A3"), "", "国际"),
    ("二〇二六年一月二十六日 星期一 农历乙巳年腊月初八", dt.date(2026, 1, 26), (None, ""), "", ""),
])
def test_running_heads(text, date, page, editor, section):
    head = parse_running_head(text)
    assert (head.date, head.page, head.editor, head.section) == (date, page, editor, section)


@pytest.mark.parametrize("text", ["示例日报", "社会工作事关党长期执政", "凝心聚力推动社会工作高质量发展",
                                  "2025年3月5日下午，习近平总书记到会"])
def test_lines_that_are_not_running_heads(text):
    assert parse_running_head(text) is None


def test_a_head_inside_a_line_is_found_only_when_set_off_and_strong():
    line = "通过书记论坛、线上“疑难 2025年10月27日 星期一 责任编辑：张三 第2版 把脉”、网上预约"
    start, end, head = find_inline_head(line)
    assert line[:start].rstrip() + line[end:].lstrip() == "通过书记论坛、线上“疑难把脉”、网上预约"
    assert head.editor == "张三"
    assert find_inline_head("2025年3月5日 下午，习近平总书记到会") is None
    assert is_paper_name("示例日报") and not is_paper_name("分类广告")


def test_jump_marks():
    assert split_jump_out("示范带动员工（下转第3版）")[0] == "示范带动员工"
    assert split_jump_out("（转A3版）")[1].key == "A3"
    jump, rest = split_jump_in("（上接第二版）把脉”、网上")
    assert (jump.key, rest) == ("2", "把脉”、网上")
    assert split_jump_out("见第3版相关报道。") is None
    assert page_key("第三版") == page_key("3版") == "3" and page_key("A03") == "A3"


def test_classified_lines():
    assert split_label("分类广告小投入大回报") == ("分类广告", "小投入大回报")
    assert split_label("分类管理") is None
    assert is_hotline("广告热线:2963992 2963993") and not is_hotline("广告热线开通以来")
    assert is_notice_title("遗失声明") and is_notice_title("某某贸易有限公司注销公告") and is_notice_title("招聘")
    assert not is_notice_title("现声明作废。")


def test_sentence_ends_quotes_and_dangling_words():
    assert ends_sentence("急需处；") and ends_sentence("生活。”") and ends_sentence("（完）")
    assert not ends_sentence("我和无数的‘我’") and not ends_sentence("有152.")
    assert not balanced("线上“疑难") and balanced("“绿皮火车”")
    assert dangling_end("而是为了更") and dangling_end("驿站现已") and not dangling_end("激动不已")
    assert not dangling_end("加拉加斯等地")


def test_headline_and_subhead_shapes():
    assert could_be_headline("世卫组织:美国决定退出世卫的理由“不实”")
    assert could_be_headline("为何一票难求？")
    assert not could_be_headline("通过书记论坛、线上“疑难")
    assert not could_be_headline("声明说，世卫组织对美国的决定")
    assert could_be_subhead("工作重心下沉,国家治理的基层基础进一步夯实")
    assert not could_be_subhead("新征程上，深刻把握做好新时代社会工作的总体要求，坚定")
    assert is_subtitle("——我国社会工作取得新成效、开创新局面") and not is_subtitle("——")


@pytest.mark.parametrize("lines, expected", [
    (["凝心聚力推动社会工作高质量发展"], ("", "凝心聚力推动社会工作高质量发展", "")),
    (["告别最后一班始发“绿皮火车”", "百年广州站全面迈入高铁时代"],
     ("", "告别最后一班始发“绿皮火车” 百年广州站全面迈入高铁时代", "")),
    (["聚焦春耕生产", "城郊万亩良田里机声隆隆农事忙"], ("聚焦春耕生产", "城郊万亩良田里机声隆隆农事忙", "")),
    (["坚定信心 真抓实干", "奋力推进高质量发展"], ("坚定信心 真抓实干", "奋力推进高质量发展", "")),
    (["今年经济运行稳中向好", "前三季度国内生产总值同比增长，就业物价总体稳定"],
     ("", "今年经济运行稳中向好", "前三季度国内生产总值同比增长，就业物价总体稳定")),
])
def test_headline_lines_split_into_kicker_title_and_deck(lines, expected):
    assert split_headline(lines) == expected


def test_words_of_the_pages_tell_a_cut_word_from_a_chance_pair():
    vocabulary = Vocabulary([
        "把诉求转化为数据。", "成果转化率提高。", "加强社会治理。", "社会各界参与。", "加强团结。", "转化工作推进。",
        "社会保障更加有力。", "社区服务中心开放。", "强化基层组织。", "增强发展信心。", "坚强有力的领导。", "报社记者采访。",
        "国家强大起来。", "人民群众满意。", "6日开幕。", "各地广泛设立服务站点。", "社会工作者队伍壮大。",
    ])
    assert "转化" in vocabulary and "强社" not in vocabulary
    assert "9日" in vocabulary  # digits meet as 0


def test_misprints_are_found_with_their_exceptions():
    assert [t.right for _, t in find_typos("北约盟国土兵在阿富汗")] == ["士兵"]
    assert find_typos("本土兵力部署") == []
    assert [t.wrong for _, t in find_typos("周末来玩，末来可期")] == ["末来"]
