"""The seed page, imported, against its hand-reviewed version in examples/seed-page.

The example differs from a perfect import in exactly these ways, which the
comparison allows and nothing else:

* the editor fixed the misprint 土兵 → 士兵 in one paragraph (the importer
  flags it and keeps it);
* the editor added the photo files, their alt texts (hence image, alt, width,
  height of figures) and the publication's metadata (publisher, codes,
  number, the page's section 要闻 and so the articles' section).
"""

from __future__ import annotations

import re

from exporter.importer import report as r
from exporter.model import ArticleKind, DatelinePosition, Figure, Notice, Paragraph, Subhead
from exporter.structure.credits import ends_with_credit
from exporter.typography.cjk import CLOSING

from .conftest import SEED_DATE

FIXED_TYPO = ("土兵", "士兵")


def _allowed(block):
    """A block of the example as the importer should have made it."""
    if isinstance(block, Paragraph):
        return Paragraph.plain(block.text.replace(FIXED_TYPO[1], FIXED_TYPO[0]))
    if isinstance(block, Figure):
        return (block.caption, block.credit)
    return block


def _imported(block):
    return (block.caption, block.credit) if isinstance(block, Figure) else block


def test_every_article_field_and_block_matches_the_reviewed_example(seed_import, example_issue):
    got = [a for _, a in seed_import.issue.articles()]
    want = [a for _, a in example_issue.articles()]
    assert [a.title for a in got] == [a.title for a in want]
    for mine, theirs in zip(got, want):
        for field in ("id", "kind", "kicker", "title", "subtitle", "byline", "dateline"):
            assert getattr(mine, field) == getattr(theirs, field), (mine.id, field)
        assert [_imported(b) for b in mine.blocks] == [_allowed(b) for b in theirs.blocks], mine.id
    assert seed_import.issue.date == SEED_DATE == example_issue.date


def test_the_only_text_difference_is_the_flagged_misprint(seed_import, example_issue):
    differing = [
        (x.text, y.text)
        for (_, a), (_, b) in zip(seed_import.issue.articles(), example_issue.articles())
        for x, y in zip(a.blocks, b.blocks)
        if isinstance(x, Paragraph) and x != y
    ]
    assert len(differing) == 1
    mine, theirs = differing[0]
    assert FIXED_TYPO[0] in mine and mine.replace(*FIXED_TYPO) == theirs
    flags = seed_import.report.of_kind(r.POSSIBLE_TYPO)
    assert [(e.article, FIXED_TYPO[0] in e.message, FIXED_TYPO[1] in e.message) for e in flags] == [
        ("p01-03", True, True)
    ]


def test_long_article_structure(seed_import):
    lead = seed_import.issue.pages[0].articles[0]
    assert lead.title == "凝心聚力推动社会工作高质量发展"
    assert lead.subtitle == "——我国社会工作取得新成效、开创新局面"
    assert lead.byline == "新华社记者"
    assert lead.dateline is not None and lead.dateline.position is DatelinePosition.END
    assert (lead.dateline.text, lead.dateline.agency, lead.dateline.place, lead.dateline.date) == (
        "新华社北京1月25日电", "新华社", "北京", "1月25日")
    subheads = [b.text for b in lead.blocks if isinstance(b, Subhead)]
    assert subheads == [
        "管理服务向“新”，党在新兴领域的号召力凝聚力影响力不断增强",
        "工作重心下沉，国家治理的基层基础进一步夯实",
        "共建共治共享，中国式现代化的力量源泉更加充盈",
    ]
    # the paragraphs ending in ； stay apart (four of them, one per province)
    semicolon = [b.text for b in lead.blocks if isinstance(b, Paragraph) and b.text.endswith("；")]
    assert len(semicolon) == 4


def test_briefs_have_their_opening_datelines_and_reporters(seed_import):
    briefs = [a for a in seed_import.issue.pages[0].articles if a.kind is ArticleKind.BRIEF]
    assert [(a.dateline.place, a.dateline.reporters) for a in briefs] == [
        ("日内瓦", ("王其冰",)), ("奥斯陆", ("张玉亮", "杨钰晨")), ("加拉加斯", ("田睿",)), ("大马士革", ("冀泽",)),
    ]
    for brief in briefs:
        assert brief.dateline.position is DatelinePosition.START
        assert brief.dateline.text.endswith("）") and "(" not in brief.dateline.text
        assert not brief.blocks[0].text.startswith("新华社")  # taken out of the first paragraph


def test_feature_two_line_headline_and_lifted_captions(seed_import):
    feature = seed_import.issue.pages[0].articles[5]
    assert feature.kind is ArticleKind.FEATURE
    assert feature.title == "告别最后一班始发“绿皮火车” 百年广州站全面迈入高铁时代"
    kinds = [type(b).__name__ for b in feature.blocks]
    assert kinds == ["Figure", "Paragraph", "Paragraph", "Paragraph", "Paragraph", "Figure", "Paragraph", "Paragraph"]
    figures = feature.figures
    assert [f.credit for f in figures] == ["新华社记者 吴鲁 摄"] * 2
    # the second caption cut a sentence in two: it now follows the whole paragraph
    before = feature.blocks[4].text
    assert "开出最后一列“绿皮火车”" in before and before.endswith("打拼成了生活。”")
    assert feature.dateline.reporters == ("毛鑫", "王瑞平")


def test_classifieds_block(seed_import):
    ads = seed_import.issue.pages[0].articles[-1]
    assert ads.kind is ArticleKind.NOTICE and ads.title == "分类广告"
    assert [type(b).__name__ for b in ads.blocks] == ["Paragraph", "Paragraph", "Notice", "Notice"]
    assert [b.text for b in ads.blocks[:2]] == ["小投入大回报", "广告热线：2963992 2963993"]
    assert [b.title for b in ads.blocks if isinstance(b, Notice)] == ["遗失声明", "遗失声明"]
    assert ads.blocks[3].paragraphs[0].startswith("王素芬同志遗失")


def test_no_paragraph_stays_broken_and_no_caption_stays_inside_one(seed_import):
    for _, a in seed_import.issue.articles():
        if a.kind is ArticleKind.NOTICE:
            continue
        for block in a.blocks:
            if isinstance(block, Paragraph):
                text = block.text.rstrip("".join(CLOSING))
                assert text[-1] in "。！？；…", (a.id, block.text[-20:])
                assert not ends_with_credit(block.text) and " 摄" not in block.text


def test_report_lists_each_repair(seed_import):
    report = seed_import.report
    joins = report.of_kind(r.JOINED_FRAGMENT)
    assert len(joins) == 7
    assert any("疑难" in e.message and "把脉" in e.message for e in joins)
    assert any("across a caption" in e.message for e in joins)
    assert len(report.of_kind(r.LIFTED_CAPTION)) == 2
    assert len(report.of_kind(r.PLACEHOLDER_IMAGE)) == 2
    punctuation = report.of_kind(r.PUNCTUATION)
    assert {e.article for e in punctuation} == {f"p01-0{i}" for i in range(1, 8)}
    total = sum(int(n) for e in punctuation for n in re.findall(r"×(\d+)", e.message))
    assert total > 200  # every ASCII comma, colon and bracket of the page, counted
    assert all("," not in b.text and "(" not in b.text
               for _, a in seed_import.issue.articles() for b in a.blocks if isinstance(b, Paragraph))
