"""Reading issue folders: the editors' format (issue.toml) and generated corpora (issue.json)."""

import json

from exporter.diagnostics import Reporter
from exporter.load import load_issue
from exporter.model import ArticleKind, DatelinePosition, Figure, Notice, Paragraph, Subhead


def test_example_issue_structure(example_dir):
    loaded = load_issue(example_dir)
    issue = loaded.issue
    assert issue.publication.name == "示例日报"
    assert issue.date.isoformat() == "2026-01-26" and issue.number == 9523
    assert [c.value for c in issue.publication.codes] == ["CN 44-0000", "45-00"]
    (page,) = issue.pages
    assert page.display_label == "第1版" and page.section == "要闻"
    ids = [a.id for a in page.articles]
    assert ids == [f"p01-0{i}" for i in range(1, 8)]
    lead = page.articles[0]
    assert lead.subtitle.startswith("——") and lead.byline == "新华社记者"
    assert lead.dateline.position is DatelinePosition.END and lead.dateline.place == "北京"
    assert [b.text for b in lead.blocks if isinstance(b, Subhead)] == [
        "管理服务向“新”，党在新兴领域的号召力凝聚力影响力不断增强",
        "工作重心下沉，国家治理的基层基础进一步夯实",
        "共建共治共享，中国式现代化的力量源泉更加充盈",
    ]
    brief = page.articles[2]
    assert brief.kind is ArticleKind.BRIEF
    assert brief.dateline.reporters == ("张玉亮", "杨钰晨") and brief.dateline.agency == "新华社"
    feature = page.articles[5]
    figures = [b for b in feature.blocks if isinstance(b, Figure)]
    assert [f.credit for f in figures] == ["新华社记者 吴鲁 摄"] * 2
    assert figures[0].image == "images/k303-platform.jpg" and figures[0].width == 640
    assert figures[0].alt and figures[0].alt != figures[0].caption
    notices = [b for b in page.articles[6].blocks if isinstance(b, Notice)]
    assert [n.title for n in notices] == ["遗失声明", "遗失声明"]
    assert loaded.files["p01-06"].endswith("articles/p01-06.md")


def test_generated_corpus_is_read_with_its_counts(small_issue):
    reporter = Reporter()
    issue = load_issue(small_issue, reporter=reporter).issue
    meta = json.loads((small_issue / "issue.json").read_text("utf-8"))
    assert issue.number == meta["issue_number"] and issue.publication.name == meta["paper"]["name"]
    listed = [a for p in meta["pages"] for a in p["articles"]]
    read = [a for _, a in issue.articles()]
    assert [a.id for a in read] == [a["id"] for a in listed]
    for article, entry in zip(read, listed):
        paragraphs = [b for b in article.blocks if isinstance(b, (Paragraph, Subhead))]
        if entry["kind"] != "classified":
            assert len([b for b in paragraphs if isinstance(b, Paragraph)]) == entry["paragraphs"]
            assert len([b for b in paragraphs if isinstance(b, Subhead)]) == entry["subheads"]
        assert len(article.figures) == len(entry["images"])
    classified = read[-1]
    assert classified.kind is ArticleKind.NOTICE and all(isinstance(b, Notice) for b in classified.blocks)
    # the generated text carries ASCII punctuation: it is normalised, and the reporter says so
    assert not any("," in a.body_text() for a in read)
    assert reporter.by_code("text.normalized")


def test_body_markdown_inlines_and_line_joins(tmp_path, example_dir):
    from tests.sources.helpers import write_issue

    root = write_issue(tmp_path, body="第一行\n第二行，*强调*和**加粗**，[链接](https://example.cn/x)。\nLatin\nwords")
    (article,) = [a for _, a in load_issue(root).issue.articles()]
    (para,) = article.blocks
    assert para.text == "第一行第二行，强调和加粗，链接。Latin words"
    styled = {r.text: (r.emphasis, r.strong, r.href) for r in para.runs}
    assert styled["强调"] == (True, False, None)
    assert styled["加粗"] == (False, True, None)
    assert styled["链接"] == (False, False, "https://example.cn/x")
