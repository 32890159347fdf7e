"""The issue-folder writer: load_issue(write_folder(issue)) gives the issue back.

The reader normalises what it reads (typography spec §1), so the property is
stated for normalised issues: any text the model accepts, normalised, goes
through Markdown and YAML and comes back unchanged. What the format cannot
say is refused with an error naming the article and the field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.errors import InputError, ModelError
from exporter.load import load_issue
from exporter.model import (
    Article, ArticleKind, Dateline, DatelinePosition, Figure, Issue, ListBlock, Notice, Page, Paragraph,
    Publication, PublicationCode, Quote, Run, Subhead,
)
from exporter.sources.folder_writer import article_markdown, write_folder
from exporter.structure.credits import split_credit
from exporter.structure.dateline import parse_dateline
from exporter.transforms.normalize import normalize_article
from tests.support.strategies import accepted_char

# Any accepted character, with Chinese text, its marks and Markdown's specials made common.
_CJK = st.sampled_from("中文报社记者新闻“”‘’（）《》、，。：；！？——……·　")
_MARKDOWN = st.sampled_from("\\`*_[]<>&#!-+=~|>{}()\"'. 1")
_chars = st.one_of(accepted_char, _CJK, _MARKDOWN)
text = st.text(_chars, max_size=24)
stripped = text.map(str.strip)
some = stripped.filter(bool)
URLS = ("https://example.cn/a", "https://news.example.cn/2026/01/26/p1.html?x=1&y=2", "mailto:desk@example.cn")


@st.composite
def runs(draw) -> tuple[Run, ...]:
    items: list[Run] = []
    for _ in range(draw(st.integers(1, 4))):
        run = Run(draw(st.text(_chars, min_size=1, max_size=16)), draw(st.booleans()), draw(st.booleans()),
                  draw(st.none() | st.sampled_from(URLS)))
        if items and (items[-1].emphasis, items[-1].strong, items[-1].href) == (run.emphasis, run.strong, run.href):
            continue  # the model's canonical form: neighbours differ
        items.append(run)
    return tuple(items)


paragraphs = st.builds(Paragraph, runs()).filter(lambda p: p.text.strip())


@st.composite
def figures(draw) -> Figure:
    caption = draw(stripped)
    credit = draw(stripped)
    if not credit and split_credit(caption)[1]:
        credit = "新华社记者 吴鲁 摄"
    alt = draw(st.just(caption) | some.filter(lambda s: not any(c in s for c in '"{}\\')))
    size = draw(st.integers(1, 40))
    return Figure(f"images/f{size}.png", caption, credit, alt, size, size)


body_blocks = st.one_of(
    paragraphs,
    st.builds(Subhead, some),
    st.builds(Quote, st.lists(paragraphs, min_size=1, max_size=2).map(tuple)),
    st.builds(ListBlock, st.lists(paragraphs, min_size=1, max_size=3).map(tuple), st.booleans()),
    figures(),
)
notices = st.builds(Notice, stripped, st.lists(text.filter(str.strip), max_size=3).map(tuple)).filter(
    lambda n: n.title or n.paragraphs)


@st.composite
def datelines(draw) -> Dateline | None:
    position = draw(st.sampled_from(DatelinePosition))
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return None
    if choice == 1:  # a real dateline, as the reader parses it
        place = draw(st.sampled_from(["北京", "日内瓦", "广州"]))
        who = draw(st.sampled_from(["", "（记者王其冰）", "（记者 张三 通讯员 李四）"]))
        return parse_dateline(f"新华社{place}1月{draw(st.integers(1, 31))}日电{who}", position)
    value = draw(some.filter(lambda s: parse_dateline(s) is None))
    if choice == 2:
        return Dateline(value, position=position)
    parts = draw(st.lists(some, min_size=3, max_size=3))
    return Dateline(value, *parts, reporters=tuple(draw(st.lists(some, max_size=2))), position=position)


@st.composite
def articles(draw, article_id: str, section: str) -> Article:
    kind = draw(st.sampled_from(ArticleKind))
    if kind is ArticleKind.NOTICE:
        lead = draw(st.lists(st.one_of(paragraphs, figures()), max_size=2))
        blocks = lead + draw(st.lists(notices, min_size=1, max_size=3))
    else:
        blocks = [draw(paragraphs)] + draw(st.lists(body_blocks, max_size=5))
    return Article(
        id=article_id, title=draw(some), kind=kind, kicker=draw(stripped), subtitle=draw(stripped),
        byline=draw(stripped), dateline=draw(datelines()), blocks=tuple(blocks),
        section=draw(st.just(section) | some),
    )


@st.composite
def issues(draw) -> Issue:
    ids = draw(st.lists(st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,10}\Z"), min_size=1, max_size=4, unique=True))
    pages = []
    for number, group in enumerate((ids[:2], ids[2:]), start=1):
        if not group:
            continue
        section = draw(text)
        pages.append(Page(number, section, draw(text), draw(text),
                          tuple(draw(articles(i, section)) for i in group)))
    publication = Publication(
        name=draw(some), publisher=draw(text), base_url=draw(text), copyright=draw(text), slug=draw(text),
        codes=tuple(draw(st.lists(st.builds(PublicationCode, text, text), max_size=2))),
    )
    return Issue(publication, draw(st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1))), tuple(pages),
                 draw(st.none() | st.integers(0, 10**6)), draw(text))


def normalized(issue: Issue) -> Issue:
    pages = tuple(replace(p, articles=tuple(normalize_article(a)[0] for a in p.articles)) for p in issue.pages)
    return replace(issue, pages=pages)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(issues())
def test_round_trip_through_the_source_format(tmp_path_factory, issue):
    issue = normalized(issue)
    folder = tmp_path_factory.mktemp("rt") / "issue"
    write_folder(issue, folder)
    assert load_issue(folder).issue == issue


def test_markdown_specials_and_emphasis_beside_chinese_quotes_survive(tmp_path):
    runs = (Run("中"), Run("“引用”", strong=True), Run("文 1. *星* _线_ [链](x) <b> &amp; \\ # "),
            Run("强调", emphasis=True), Run("链接", href="https://example.cn/a"), Run("{}。"))
    article = Article("a1", "标题 #1", blocks=(
        Paragraph(runs), Paragraph.plain("1. 不是列表"), Paragraph.plain("- 也不是"), Paragraph.plain("## 不是小标题"),
        Subhead("小标题 ##"), ListBlock((Paragraph.plain("一"),)), ListBlock((Paragraph.plain("二"),)),
        Figure("images/a.png", "图说 [1] *注*", "记者 张三 摄", "替代文字", 4, 3),
    ))
    issue = normalized(Issue(Publication("示例日报"), dt.date(2026, 1, 26), (Page(1, articles=(article,)),)))
    write_folder(issue, tmp_path / "issue")
    loaded = load_issue(tmp_path / "issue").issue
    assert loaded == issue
    first = loaded.pages[0].articles[0].blocks[0]
    assert [r.text for r in first.runs if r.strong] == ["“引用”"] and first.runs[-2].href == "https://example.cn/a"
    assert [type(b).__name__ for b in loaded.pages[0].articles[0].blocks[1:5]] == ["Paragraph"] * 3 + ["Subhead"]


def test_front_matter_values_are_quoted_when_yaml_would_misread_them():
    article = Article("a1", "yes", kicker="2026-01-26", subtitle="- 列表？", byline="null", blocks=(
        Paragraph.plain("正文。"),))
    text = article_markdown(article, Page(1))
    assert "title: 'yes'" in text and "kicker: '2026-01-26'" in text and "byline: 'null'" in text


@pytest.mark.parametrize("block, kind, field", [
    (Notice("遗失声明", ("作废。",)), ArticleKind.NEWS, "blocks[1]"),
    (Subhead("小标题"), ArticleKind.NOTICE, "blocks[1]"),
    (Figure("images/a b.png", "图", "记者 张三 摄", "图"), ArticleKind.NEWS, "blocks[1].image"),
    (Figure("images/a.png", "图", "记者 张三 摄", ""), ArticleKind.NEWS, "blocks[1].alt"),
    (Figure("images/a.png", "图", "记者 张三 摄", 'a "b"'), ArticleKind.NEWS, "blocks[1].alt"),
    (Paragraph((Run("链", href="https://例子.cn/a b"),)), ArticleKind.NEWS, "blocks[1].runs[0].href"),
])
def test_what_the_format_cannot_say_is_refused_naming_article_and_field(tmp_path, block, kind, field):
    article = Article("a1", "标题", kind, blocks=(Paragraph.plain("正文。"), block))
    issue = Issue(Publication("示例日报"), dt.date(2026, 1, 26), (Page(1, articles=(article,)),))
    with pytest.raises(ModelError) as error:
        write_folder(issue, tmp_path / "issue")
    assert [(p.location.article, p.location.field) for p in error.value.problems] == [("a1", field)]
    assert not (tmp_path / "issue").exists() and list(tmp_path.iterdir()) == []


def test_a_paragraph_after_a_notice_is_refused(tmp_path):
    article = Article("ads", "分类广告", ArticleKind.NOTICE,
                      blocks=(Notice("招聘", ("司机两名。",)), Paragraph.plain("广告热线：123")))
    issue = Issue(Publication("示例日报"), dt.date(2026, 1, 26), (Page(1, articles=(article,)),))
    with pytest.raises(ModelError, match="part of the notice"):
        write_folder(issue, tmp_path / "issue")


def test_an_existing_folder_is_kept_unless_forced_and_images_are_copied(tmp_path, example_dir):
    issue = load_issue(example_dir).issue
    out = tmp_path / "issue"
    out.mkdir()
    (out / "old.md").write_text("old")
    with pytest.raises(InputError, match="not empty"):
        write_folder(issue, out, images_from=example_dir)
    result = write_folder(issue, out, images_from=example_dir, force=True)
    assert result.placeholders == () and not (out / "old.md").exists()
    for figure in (f for _, a in issue.articles() for f in a.figures):
        assert (out / figure.image).read_bytes() == (example_dir / figure.image).read_bytes()
    assert load_issue(out).issue == issue
    assert sorted(p.name for p in tmp_path.iterdir()) == ["issue"]


def test_same_issue_same_bytes(tmp_path, example_dir):
    issue = load_issue(example_dir).issue
    write_folder(issue, tmp_path / "a")
    write_folder(issue, tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert Path("images/k303-platform.jpg") in files  # a placeholder stands in for each photo
