"""The print PDF read back as a reader sees it: text, furniture, metadata, outline."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.build import build
from exporter.diagnostics import Reporter
from exporter.errors import FontError
from exporter.model import (
    Article,
    ArticleKind,
    Dateline,
    DatelinePosition,
    Figure,
    Issue,
    ListBlock,
    Notice,
    Page,
    Paragraph,
    Publication,
    PublicationCode,
    Quote,
    Run,
    Subhead,
    issue_to_json,
)
from exporter.themes.theme import MM
from exporter.typography.labels import SIMPLIFIED, list_marker
from tests.support.strategies import any_text, some_text
from tests.pdf.measure import measure_pdf
from tests.pdf.conftest import (
    BuiltPdf,
    build_pdf,
    in_reading_order,
    open_pdf,
    pdf_chars,
    region_text,
    squeeze,
)

ARTICLE_KINDS = ("header", "text")


# ---------------------------------------------------------------- the model's text


def expected_text(article: Article) -> str:
    """The article's text in reading order as the PDF sets it, pictures aside."""
    parts = [article.kicker, article.title, article.subtitle, article.byline]
    dateline = article.dateline
    opening = dateline.text if dateline is not None and dateline.position is DatelinePosition.START else ""
    for block in article.blocks:
        if isinstance(block, Paragraph):
            parts.append(opening + block.text)
            opening = ""
        elif isinstance(block, Subhead):
            parts.append(block.text)
        elif isinstance(block, Quote):
            parts.extend(p.text for p in block.paragraphs)
        elif isinstance(block, Notice):
            parts.append(block.title + "".join(block.paragraphs))
        elif isinstance(block, ListBlock):
            parts.extend(list_marker(block.ordered, n) + item.text for n, item in enumerate(block.items, 1))
    parts.append(opening)
    if dateline is not None and dateline.position is DatelinePosition.END:
        parts.append(dateline.text)
    return squeeze("".join(parts))


def expected_figures(article: Article) -> str:
    """Captions and credits, in order (a picture may float a little ahead of the text)."""
    return squeeze("".join(b.caption + b.credit for b in article.blocks if isinstance(b, Figure)))


def read_articles(built: BuiltPdf) -> tuple[dict[str, str], dict[str, str]]:
    """Per article: its text (headline group and body, in plan order) and its pictures' texts."""
    texts: dict[str, list[str]] = defaultdict(list)
    figures: dict[str, list[str]] = defaultdict(list)
    pages = pdf_chars(built.path)
    assert len(pages) == len(built.regions)
    for chars, regions in zip(pages, built.regions):
        for region in regions:
            if region.kind in ARTICLE_KINDS:
                texts[region.article_id].append(region_text(chars, region))
            elif region.kind == "figure":
                figures[region.article_id].append(region_text(chars, region))
    joined = {k: squeeze("".join(v)) for k, v in texts.items()}
    return joined, {k: squeeze("".join(v)) for k, v in figures.items()}


def assert_articles_read_back(built: BuiltPdf) -> None:
    texts, figures = read_articles(built)
    for _, article in built.issue.articles():
        assert texts.get(article.id, "") == expected_text(article), article.id
        assert figures.get(article.id, "") == expected_figures(article), article.id


def assert_nothing_outside_the_plan(built: BuiltPdf) -> None:
    """Every character lies in a planned region or in the margins and masthead (furniture)."""
    g = built.document.geometry
    pages = zip(pdf_chars(built.path), built.regions, built.document.pages)
    for number, (chars, regions, planned) in enumerate(pages, 1):
        masthead = g.margin_top + (g.masthead_rows * g.leading if planned.masthead else 0.0)
        body = chars.within(0, masthead, g.width, g.height - g.margin_bottom, slack=0)
        owned = {id(c) for r in regions for c in chars.within(r.x0, r.top, r.x1, r.bottom, slack=1)}
        stray = [c for c in body if id(c) not in owned and not c.char.isspace()]  # spaces: PyMuPDF's guesses
        assert not stray, f"page {number}: {in_reading_order(stray)[:40]!r} is outside every block"


# ---------------------------------------------------------------- text


@pytest.mark.parametrize("name", ["example_pdf", "example_ereader_pdf"])
def test_the_example_reads_back_article_by_article(name, request):
    built = request.getfixturevalue(name)
    assert_articles_read_back(built)
    assert_nothing_outside_the_plan(built)


@pytest.mark.parametrize("name", ["daily_pdf", "daily_ereader_pdf"])
def test_a_daily_issue_reads_back_article_by_article(name, request):
    built = request.getfixturevalue(name)
    assert_articles_read_back(built)
    assert_nothing_outside_the_plan(built)


def test_continued_articles_are_read_back_whole_with_jump_lines(daily_pdf):
    """Articles that go on to a continuation page: both parts read back (above), and each
    cut carries （下转…） with the label of the page where the rest stands, which starts
    with （上接…） naming the page it came from."""
    pages = daily_pdf.document.pages
    labels = [page_label(daily_pdf, i) for i in range(len(pages))]
    cut = [(i, b) for i, p in enumerate(pages) for b in p.blocks if not b.ends]
    assert len(cut) >= 24  # the daily issue overflows every model page
    texts = pdf_chars(daily_pdf.path)
    for index, block in cut:
        jumps = [r for r in daily_pdf.regions[index] if r.kind == "jump" and r.article_id == block.article_id]
        out = [region_text(texts[index], r) for r in jumps]
        assert SIMPLIFIED.jump_out(labels[block.jump_out]) in out, (index, block.article_id, out)
        later = [
            r
            for r in daily_pdf.regions[block.jump_out]
            if r.kind == "jump" and r.article_id == block.article_id
        ]
        back = [region_text(texts[block.jump_out], r) for r in later]
        assert SIMPLIFIED.jump_in(labels[index]) in back, (block.article_id, back)
    assert any("（续）" in label for label in labels)


def page_label(built: BuiltPdf, index: int) -> str:
    page = built.document.pages[index]
    model = built.issue.pages[page.page_index]
    label = SIMPLIFIED.page_label(model.number, model.label)
    return label if page.continuation == 0 else SIMPLIFIED.continuation(label, page.continuation)


# ---------------------------------------------------------------- furniture


def margin_texts(built: BuiltPdf) -> list[tuple[str, str]]:
    """Per page: (text in the top margin, text in the bottom margin)."""
    g = built.document.geometry
    out = []
    for chars in pdf_chars(built.path):
        top = in_reading_order(chars.within(0, -1, g.width, g.margin_top, slack=0))
        bottom = in_reading_order(chars.within(0, g.height - g.margin_bottom, g.width, g.height + 1, slack=0))
        out.append((top, bottom))
    return out


def test_page_one_has_the_masthead(example_pdf):
    g = example_pdf.document.geometry
    band = pdf_chars(example_pdf.path)[0].within(
        0, g.margin_top, g.width, g.margin_top + g.masthead_rows * g.leading
    )
    text = in_reading_order(band)
    for wanted in ("示例日报", "2026年1月26日", "星期一", "第9523期", "CN 44-0000", "邮发代号 45-00"):
        assert squeeze(wanted) in squeeze(text), wanted
    name_size = max(c.size for c in band if c.char in "示例日报")
    assert name_size >= 3 * example_pdf.document.styles.size("body")  # the name is large


@pytest.mark.parametrize("name", ["example_pdf", "daily_pdf", "example_ereader_pdf"])
def test_every_page_has_a_running_head_and_folio(name, request):
    built = request.getfixturevalue(name)
    margins = margin_texts(built)
    assert len(margins) == len(built.document.pages)
    flow = built.document.geometry.columns == 1
    for index, (top, bottom) in enumerate(margins):
        model = built.issue.pages[built.document.pages[index].page_index]
        label = page_label(built, index) if not flow else SIMPLIFIED.page_label(model.number, model.label)
        assert label in top and label in bottom, (index, top, bottom)
        assert model.section in top
        assert "2026年1月26日" in top
    if not flow:
        assert "第1版（续）" in margins[1][0]  # the example's front page overflows onto a continuation page


# ---------------------------------------------------------------- metadata and outline


def test_document_information(example_pdf):
    with open_pdf(example_pdf.path) as doc:
        meta = doc.metadata
        catalog = doc.pdf_catalog()
        lang = doc.xref_get_key(catalog, "Lang")
    assert meta["title"] == "示例日报 2026年1月26日 星期一 第9523期"
    assert meta["author"] == "示例日报社"
    assert "示例日报" in meta["subject"] and "2026年1月26日" in meta["subject"]
    assert meta["creationDate"] == meta["modDate"] == "D:20260126000000+08'00'"
    assert lang == ("string", "zh-CN")


def test_dates_follow_source_date_epoch(example_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc).timestamp()))
    )
    built = build_pdf(example_dir, "print", tmp_path)
    with open_pdf(built.path) as doc:
        assert doc.metadata["creationDate"] == "D:20260201000000+00'00'"


@pytest.mark.parametrize("name", ["example_pdf", "daily_pdf"])
def test_outline_lists_every_page_and_article(name, request):
    built = request.getfixturevalue(name)
    with open_pdf(built.path) as doc:
        toc = doc.get_toc()
    pages = [(title, number) for level, title, number in toc if level == 1]
    articles = [(title, number) for level, title, number in toc if level == 2]
    assert [t for t, _ in pages] == [f"第{p.number}版 {p.section}" for p in built.issue.pages]
    assert [t for t, _ in articles] == [a.title for _, a in built.issue.articles()]
    starts = {}
    for index, planned in enumerate(built.document.pages):
        for block in planned.blocks:
            if block.starts:
                starts.setdefault(block.article_id, index + 1)
    assert [n for _, n in articles] == [starts[a.id] for _, a in built.issue.articles()]
    first_pdf_page = {}
    for index, planned in enumerate(built.document.pages):
        first_pdf_page.setdefault(planned.page_index, index + 1)
    assert [n for _, n in pages] == [first_pdf_page[i] for i in range(len(built.issue.pages))]


# ---------------------------------------------------------------- fonts


@pytest.mark.parametrize("name", ["example_pdf", "daily_pdf"])
def test_every_font_is_embedded_and_subset(name, request):
    built = request.getfixturevalue(name)
    with open_pdf(built.path) as doc:
        fonts = {f[3]: f for page in doc for f in page.get_fonts(full=True)}
    assert fonts
    for basefont, font in fonts.items():
        assert "Helvetica" not in basefont and "Times" not in basefont, basefont
        assert "+" in basefont, f"{basefont} is not a subset"
        assert font[1] not in ("n/a", ""), f"{basefont} is not embedded"


# ---------------------------------------------------------------- pages and sizes


def test_ereader_page_size_and_name(example_ereader_pdf):
    assert example_ereader_pdf.path.name == "shili-ribao-2026-01-26-ereader.pdf"
    with open_pdf(example_ereader_pdf.path) as doc:
        width, height = doc[0].rect.width, doc[0].rect.height
        assert all(p.rect.width == width and p.rect.height == height for p in doc)
    assert width == pytest.approx(90 * MM, abs=0.5) and height == pytest.approx(122 * MM, abs=0.5)


def test_print_page_size_and_name(example_pdf):
    assert example_pdf.path.name == "shili-ribao-2026-01-26.pdf"
    with open_pdf(example_pdf.path) as doc:
        assert doc[0].rect.width == pytest.approx(297 * MM, abs=0.5)
        assert doc[0].rect.height == pytest.approx(420 * MM, abs=0.5)


def test_each_model_page_starts_a_pdf_page(daily_pdf):
    firsts = [p.page_index for p in daily_pdf.document.pages if p.continuation == 0]
    assert firsts == list(range(len(daily_pdf.issue.pages)))
    indexes = [p.page_index for p in daily_pdf.document.pages]
    assert indexes == sorted(indexes)


# ---------------------------------------------------------------- the build


def test_two_builds_are_byte_identical(example_dir, tmp_path):
    digests = []
    for name in ("one", "two"):
        result = build(example_dir, ["pdf"], tmp_path / name, {"style": "print"}, reporter=Reporter())
        assert not result.failures
        (path,) = result.outputs["pdf"]
        digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
        assert sorted(p.name for p in (tmp_path / name).iterdir()) == [path.name]  # no staging left
    assert digests[0] == digests[1]


def test_a_character_no_font_has_is_a_named_error_and_no_file(tmp_path):
    article = Article(id="pua-1", title="私用区", blocks=(Paragraph.plain("正文里有一个\ue000字。"),))
    issue = Issue(
        Publication("示例日报", slug="pua"), dt.date(2026, 1, 26), (Page(1, "要闻", "", "", (article,)),)
    )
    source = tmp_path / "issue.json"
    source.write_text(issue_to_json(issue), encoding="utf-8")
    out = tmp_path / "out"
    result = build(source, ["pdf"], out, {"style": "print"}, reporter=Reporter())
    error = result.failures["pdf"]
    assert isinstance(error, FontError)
    assert "U+E000" in str(error) and "pua-1" in str(error)
    assert list(out.iterdir()) == []  # neither a partial PDF nor a staging folder


# ---------------------------------------------------------------- arbitrary text


def _covered_characters() -> list[str]:
    """Characters the fallback faces can draw, that the model accepts (no controls, no PUA)."""
    import unicodedata

    from exporter.fonts.registry import FontSet
    from exporter.model.validate import forbidden_character
    from exporter.themes import load_theme

    fonts = FontSet(load_theme("print"))
    points = set().union(*(face.codepoints for face in fonts.fallback_faces()))
    return sorted(
        chr(p)
        for p in points
        # Mn, Me: PyMuPDF does not read back a combining mark that has no base character
        # (the PDF holds it: pdftotext reads it), so marks are left to the robustness test;
        # Cf: nor a format character (a soft hyphen, a joiner) alone on its line, which
        # draws nothing: test_format_characters_leave_no_ink_and_copy_out_whole reads them
        if unicodedata.category(chr(p)) not in ("Cc", "Cs", "Co", "Cn", "Mn", "Me", "Cf")
        and forbidden_character(chr(p)) is None
    )


COVERED = _covered_characters()
NEWS = "中国社会工作新华社记者北京电日月年，。、：；！？“”‘’（）《》——……·abcXYZ0123456789 %.-/"
covered_text = st.one_of(
    st.text(st.sampled_from(NEWS), max_size=60), st.text(st.sampled_from(COVERED), max_size=30)
)
some_covered = covered_text.filter(lambda s: s.strip() != "")


@st.composite
def arbitrary_articles(draw, article_id: str, text=covered_text, some=some_covered) -> Article:
    runs = st.lists(st.builds(Run, some, st.booleans(), st.booleans()), min_size=1, max_size=3).map(tuple)
    paragraph = st.builds(Paragraph, runs)
    block = st.one_of(
        paragraph,
        paragraph,
        st.builds(Subhead, some),
        st.builds(Quote, st.lists(paragraph, min_size=1, max_size=2).map(tuple)),
        st.builds(Figure, st.sampled_from(["images/a.png", "images/tall.png"]), text, text, text),
        st.builds(Notice, text, st.lists(text, max_size=3).map(tuple)),
        st.builds(ListBlock, st.lists(paragraph, min_size=1, max_size=2).map(tuple), st.booleans()),
    )
    blocks = draw(st.lists(block, min_size=1, max_size=5))
    if not any(isinstance(b, (Figure, Paragraph)) for b in blocks):  # the model wants some body
        blocks.append(draw(paragraph))
    dateline = draw(st.none() | st.builds(Dateline, some, position=st.sampled_from(DatelinePosition)))
    return Article(
        id=article_id,
        title=draw(some),
        kind=draw(st.sampled_from(ArticleKind)),
        kicker=draw(text),
        subtitle=draw(text),
        byline=draw(text),
        dateline=dateline,
        blocks=tuple(blocks),
    )


@st.composite
def arbitrary_issues(draw, text=covered_text, some=some_covered) -> Issue:
    count = draw(st.integers(1, 4))
    articles = [draw(arbitrary_articles(f"a{i}", text, some)) for i in range(count)]
    split = draw(st.integers(0, count))
    pages = tuple(
        Page(n + 1, draw(text), "", draw(text), tuple(group))
        for n, group in enumerate([articles[:split], articles[split:]])
        if group or n == 0
    )
    publication = Publication(
        draw(some),
        publisher=draw(text),
        slug="any",
        codes=tuple(draw(st.lists(st.builds(PublicationCode, text, text), max_size=2))),
    )
    return Issue(
        publication,
        draw(st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1))),
        pages,
        draw(st.none() | st.integers(1, 10**6)),
        draw(text),
    )


@pytest.fixture(scope="module")
def picture_folder(tmp_path_factory):
    from PIL import Image

    root = tmp_path_factory.mktemp("pictures")
    (root / "images").mkdir()
    Image.new("RGB", (40, 30), (120, 160, 90)).save(root / "images" / "a.png")
    Image.new("RGB", (8, 400), (60, 60, 160)).save(root / "images" / "tall.png")  # taller than any page
    return root


def build_and_read_back(issue: Issue, root, style: str) -> BuiltPdf:
    with tempfile.TemporaryDirectory() as out:
        built = build_pdf(issue, style, Path(out), root=root)
        assert_articles_read_back(built)
        assert_nothing_outside_the_plan(built)
    return built


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(issue=arbitrary_issues(), style=st.sampled_from(["print", "ereader"]))
def test_any_text_the_fonts_cover_is_set_whole(issue, style, picture_folder):
    build_and_read_back(issue, picture_folder, style)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(issue=arbitrary_issues(text=any_text, some=some_text))
def test_any_text_the_model_accepts_is_set_or_named(issue, picture_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("any")
    source = out / "issue.json"
    source.write_text(issue_to_json(issue), encoding="utf-8")
    for name in ("images/a.png", "images/tall.png"):
        (out / "images").mkdir(exist_ok=True)
        (out / name).write_bytes((picture_folder / name).read_bytes())
    result = build(source, ["pdf"], out / "pdf", {"style": "print"}, reporter=Reporter())
    if "pdf" in result.failures:
        error = result.failures["pdf"]
        assert isinstance(error, FontError), error
        assert re.search(r"U\+[0-9A-F]{4,6}", str(error))
        assert re.search(r"article a\d|field (publication|edition|pages)", str(error)), str(error)
        assert list((out / "pdf").iterdir()) == []
    else:
        (path,) = result.outputs["pdf"]
        with open_pdf(path) as doc:
            assert doc.page_count >= len(issue.pages)


LONG = (
    "新华社北京1月25日电　社会工作事关党长期执政和国家长治久安，事关社会和谐稳定和人民生活幸福。"
    "K303次列车2580.2万件“一小时生活圈”……"
)


def _one(*articles: Article) -> Issue:
    return Issue(
        Publication("示例日报", publisher="示例日报社", slug="edge"),
        dt.date(2026, 1, 26),
        (Page(1, "要闻", "", "", tuple(articles)),),
        9523,
    )


@pytest.mark.parametrize("style", ["print", "ereader"])
def test_extreme_articles_are_set_whole(style, picture_folder):
    headline = (LONG * 40)[:2000]
    articles = [
        Article("headline", headline, blocks=(Paragraph.plain(LONG),)),
        Article(
            "long", "很长的段落", kicker="", subtitle="", byline="", blocks=(Paragraph.plain(LONG * 200),)
        ),
        Article(
            "picture", "只有图片", blocks=(Figure("images/tall.png", "图片说明" * 400, "新华社记者 吴鲁 摄"),)
        ),
        Article("subhead", "长小标题", blocks=(Subhead(LONG * 30), Paragraph.plain(LONG))),
        Article(
            "empty", "空字段", dateline=Dateline("新华社北京1月25日电"), blocks=(Figure("images/a.png"),)
        ),
    ]
    built = build_and_read_back(_one(*articles), picture_folder, style)
    assert len(built.document.pages) > 3


def test_list_items_open_with_their_number_or_bullet(picture_folder):
    steps = ListBlock((Paragraph.plain("加强基层治理。"), Paragraph.plain("完善服务网络。"),
                       Paragraph.plain("健全保障机制。")), ordered=True)
    points = ListBlock((Paragraph.plain("遗失声明"), Paragraph.plain("招聘启事")), ordered=False)
    built = build_and_read_back(_one(Article("lists", "三项举措", blocks=(steps, points))), picture_folder, "print")
    texts, _ = read_articles(built)
    assert "1.加强基层治理。2.完善服务网络。3.健全保障机制。●遗失声明●招聘启事" in texts["lists"]


def test_format_characters_leave_no_ink_and_copy_out_whole(picture_folder, tmp_path):
    # joiners, a word joiner, an emoji, an ideographic variation selector, soft hyphens
    text = ("中\u200d国\u200b人\u2060民，联系电话☎\ufe0f 010-12345678，葛\U000e0100洪先生，\u200eWHO\u200f。"
            "软\u00ad件co\u00adop测试，")
    issue = _one(Article("format", "格式字符", blocks=(Paragraph.plain(text * 5),)))
    built = build_pdf(issue, "print", tmp_path, root=picture_folder)
    assert_articles_read_back(built)
    report = measure_pdf(built.path)
    assert report.violations == []
    assert sum(g.char == "\ufe0f" for line in report.lines for g in line.glyphs) == 5
    assert sum(g.char == "\u00ad" for line in report.lines for g in line.glyphs) == 10
    assert len(report.lines) > 15  # many breaks, none beside a joined character (``attached_split``)
