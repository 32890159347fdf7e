"""Each recognition and repair rule, on synthetic pages of a local paper (tests/importer/data).

city-p2.txt and city-p3.txt are pages 2 and 3: running heads (one inside a
line, one between the halves of a sentence), a kicker, a 本报讯 story, a story
with a subtitle and byline that jumps to page 3 under a repeated short
headline, a caption between the halves of a sentence with empty photo slots,
list items without full stops, a classifieds block with 招聘 and 注销公告, a
Xinhua brief with its dateline at the end. gb18030-page.txt is a front page
in GB18030 with its masthead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from exporter.errors import InputError
from exporter.importer import PageText, import_pages
from exporter.importer import report as r
from exporter.model import ArticleKind, DatelinePosition, Figure, Notice, Paragraph, Subhead

from tests.support.corpus import SEED_PAGE

from .conftest import DATA, article, import_files


def test_pages_take_number_section_editor_and_date_from_their_running_heads(city_import):
    issue = city_import.issue
    assert [(p.number, p.display_label, p.section, p.editor) for p in issue.pages] == [
        (2, "第2版", "城事", "林晓"), (3, "第3版", "城事", "林晓")]
    assert issue.date == dt.date(2026, 3, 9)
    heads = city_import.report.of_kind(r.DROPPED_HEADER)
    assert [(e.file, e.line) for e in heads] == [("city-p2.txt", 1), ("city-p2.txt", 40), ("city-p3.txt", 7)]


def test_kicker_above_a_headline_and_a_local_dateline(city_import):
    story = article(city_import, "良田")
    assert (story.kicker, story.title) == ("聚焦春耕生产", "城郊万亩良田里机声隆隆农事忙")
    assert story.dateline.text == "本报讯（记者 陈思远 通讯员 黄立）"
    assert story.dateline.reporters == ("陈思远", "黄立")
    assert story.dateline.position is DatelinePosition.START
    assert story.blocks[0].text.startswith("连日来")
    assert story.kind is ArticleKind.BRIEF


def test_subtitle_byline_caption_list_and_subhead(city_import):
    story = article(city_import, "老旧小区")
    assert story.subtitle == "——我市今年将完成120个小区改造任务"
    assert story.byline == "本报记者 周明 实习生 郑洁"
    kinds = [type(b).__name__ for b in story.blocks]
    assert kinds[:9] == ["Paragraph", "Paragraph", "Figure", "Paragraph", "Paragraph", "Paragraph", "Paragraph",
                         "Subhead", "Paragraph"]
    # the caption fell between the halves of a quoted sentence, after three blank lines
    assert story.blocks[1].text.endswith("歇好几回，现在电梯装好了，我也能天天下楼遛弯了。”她笑着说。")
    figure = story.blocks[2]
    assert (figure.caption, figure.credit) == ("居民在新加装的电梯前交流使用体会。", "本报记者 周明 摄")
    # list items without full stops stay apart, and so does the subhead after them
    assert [b.text for b in story.blocks[4:7]] == ["一是更新老化的供水、供电和燃气管线", "二是加装电梯和无障碍设施",
                                                   "三是增设停车位和充电桩"]
    assert story.blocks[7] == Subhead("多方筹资破解资金难题")


def test_running_heads_inside_a_line_and_inside_a_sentence_are_dropped_and_the_text_joined(city_import):
    story = article(city_import, "老旧小区")
    texts = [b.text for b in story.blocks if isinstance(b, Paragraph)]
    assert any("并引导专业机构参与后续管理。" in t for t in texts)
    assert any("全市已有46个小区实现了专业化物业管理" in t for t in texts)
    assert not any("责任编辑" in t or "星期一" in t or "第3版" in t for t in texts)
    joins = city_import.report.of_kind(r.JOINED_FRAGMENT)
    assert any("已有" in e.message and "across a running head" in e.message for e in joins)


def test_a_story_that_jumps_is_one_article(city_import):
    story = article(city_import, "老旧小区")
    texts = [b.text for b in story.blocks if isinstance(b, Paragraph)]
    # the sentence cut by the jump is whole again, without the marks
    assert "其中42个小区已进场施工，预计6月底前全部开工。" in texts[-3]
    assert texts[-1] == "“房子还是那个房子，日子却越过越舒坦了。”居民张大伯说。"
    assert not any("转第" in t or "接第" in t for t in texts)
    page3 = city_import.issue.pages[1]
    assert [a.title for a in page3.articles] == ["新能源汽车下乡活动启动"]  # the continuation moved
    report = city_import.report
    assert any("continued from city-p2.txt:42 to city-p3.txt:3" in e.message for e in report.of_kind(r.JOINED_JUMP))
    assert any("小区改造" in e.message for e in report.of_kind(r.DROPPED_MARKER))


def test_a_headline_repeated_after_the_jump_mark_is_dropped_too():
    page3 = (DATA / "city-p3.txt").read_text("utf-8").replace("小区改造\n\n（上接第2版）", "（上接第2版）\n\n小区改造\n\n")
    pages = [PageText("city-p2.txt", (DATA / "city-p2.txt").read_text("utf-8")), PageText("city-p3.txt", page3)]
    result = import_pages(pages, publication="江城日报")
    story = article(result, "老旧小区")
    assert not any(isinstance(b, Subhead) and b.text == "小区改造" for b in story.blocks)
    assert "其中42个小区已进场施工，预计6月底前全部开工。" in story.blocks[-3].text
    assert any("小区改造" in e.message for e in result.report.of_kind(r.DROPPED_MARKER))


def test_classifieds_with_hiring_and_deregistration_notices(city_import):
    ads = article(city_import, "分类广告")
    assert ads.kind is ArticleKind.NOTICE
    assert ads.blocks[0] == Paragraph.plain("广告热线：0755-83000000")
    notices = [b for b in ads.blocks if isinstance(b, Notice)]
    assert [n.title for n in notices] == ["招聘", "注销公告"]
    assert notices[0].paragraphs[0].endswith("联系电话：13800000000")
    assert notices[1].paragraphs[-1] == "特此公告。"


def test_closing_dateline_and_byline_of_a_wire_brief(city_import):
    brief = article(city_import, "新能源汽车")
    assert brief.byline == "新华社记者 孙涛"
    assert brief.dateline.text == "新华社南昌3月9日电"
    assert brief.dateline.position is DatelinePosition.END
    assert all(isinstance(b, Paragraph) for b in brief.blocks) and len(brief.blocks) == 2


def test_briefs_under_a_label_a_photo_story_and_a_commentary():
    result = import_files("world-p3.txt", publication="江城日报")
    articles = [a for _, a in result.issue.articles()]
    assert [(a.kicker, a.title, a.kind.value) for a in articles] == [
        ("国际简讯", "日本众议院通过新年度预算案", "brief"),  # the label over the first brief, its ■ taken off
        ("", "欧盟就农业补贴改革达成一致", "brief"),
        ("", "冰雪节开幕", "photo"),
        ("", "为民办实事要办到群众心坎上", "brief"),
    ]
    photo = articles[2].blocks
    assert len(photo) == 1 and photo[0].caption.startswith("新华社哈尔滨1月26日电")
    assert photo[0].credit == "新华社记者 王建威 摄"
    assert articles[3].byline == "本报评论员"
    page = result.issue.pages[0]
    assert (page.number, page.section, page.editor) == (3, "国际新闻", "陈平")


def test_masthead_gives_name_date_issue_number_and_codes(gb_import):
    issue = gb_import.issue
    assert issue.publication.name == "江城晚报"
    assert issue.date == dt.date(2026, 3, 10)
    assert issue.number == 8124
    assert [(c.label, c.value) for c in issue.publication.codes] == [
        ("国内统一连续出版物号", "CN 42-0000"), ("邮发代号", "38-00")]
    titles = [a.title for _, a in issue.articles()]
    assert titles == ["全市中小学今起开展春季安全教育周活动", "城南新建口袋公园对外开放"]
    assert [a.dateline.reporters for _, a in issue.articles()] == [("吴静",), ("方华",)]


def test_a_gb18030_page_read_without_its_encoding_is_refused_with_a_hint():
    with pytest.raises(InputError) as error:
        import_files("gb18030-page.txt")
    assert "--encoding gb18030" in str(error.value)


def test_without_a_date_or_a_name_the_import_asks_for_them():
    with pytest.raises(InputError) as error:  # the seed page has no running head and no masthead
        import_pages([PageText("page-1.txt", SEED_PAGE.read_text("utf-8"))])
    fields = sorted(p.location.field for p in error.value.problems)
    assert fields == ["--date", "--publication"]


def test_date_option_wins_over_the_running_head_with_a_warning():
    result = import_files("city-p2.txt", "city-p3.txt", date=dt.date(2026, 3, 10), publication="江城日报")
    assert result.issue.date == dt.date(2026, 3, 10)
    assert any("differs from the date in the running head" in e.message for e in result.report.of_kind(r.WARNING))


def test_a_jump_without_its_continuation_keeps_the_text_and_warns():
    result = import_files("city-p2.txt", publication="江城日报")
    story = article(result, "老旧小区")
    assert story.blocks[-1].text.endswith("其中42个小区已进场施工，")
    warnings = [e.message for e in result.report.of_kind(r.WARNING)]
    assert any("continuation was not found" in w for w in warnings)
    assert any("without closing punctuation" in w for w in warnings)


def test_a_page_of_running_heads_only_is_an_error():
    with pytest.raises(InputError, match="no text"):
        import_pages([PageText("p.txt", "2026年3月9日 星期一  责任编辑：林晓  第2版\n\n第2版\n")], publication="x")


def test_figures_get_placeholder_images_named_after_their_article(city_import):
    figures = [b for _, a in city_import.issue.articles() for b in a.blocks if isinstance(b, Figure)]
    assert [f.image for f in figures] == ["images/p02-02-1.png"]
    assert figures[0].alt == figures[0].caption
    assert len(city_import.report.of_kind(r.PLACEHOLDER_IMAGE)) == 1
