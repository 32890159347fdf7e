"""Any text the model accepts gives a valid Word document or a named error, never a partial file."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from exporter.build import build_loaded
from exporter.diagnostics import Reporter
from exporter.errors import ExporterError, FontError, InputError
from exporter.fonts.registry import FontSet
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
    Quote,
    Run,
    Subhead,
    validate_issue,
)
from exporter.model.validate import forbidden_character
from exporter.sources.issue_folder import LoadedIssue
from exporter.themes import load_theme
from exporter.writers.docx import DocxWriter

from .expected import article_document
from .reading import NS, part

THEME = load_theme("print")
PUBLICATION = Publication(name="测试日报", publisher="测试日报社", slug="ceshi",
                          copyright="测试日报社版权所有。")


@pytest.fixture(scope="module")
def picture_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("docx-pictures")
    (root / "images").mkdir()
    Image.new("RGB", (40, 30), (20, 90, 40)).save(root / "images" / "wide.png")
    Image.new("RGB", (20, 400), (200, 30, 40)).save(root / "images" / "tall.jpg")
    Image.new("RGB", (30, 30), (10, 10, 200)).save(root / "images" / "photo.webp")
    (root / "images" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    return root


def issue_of(*articles: Article, date=dt.date(2026, 1, 26)) -> Issue:
    return Issue(PUBLICATION, date, (Page(1, "要闻", articles=tuple(articles)),), number=1)


def write(issue: Issue, root: Path, out: Path, **settings_: str):
    """Run the Word writer as the build does; (outputs, failure, reporter)."""
    reporter = Reporter()
    result = build_loaded(LoadedIssue(issue, root, {}), [DocxWriter], out, dict(settings_), THEME, reporter)
    return result.outputs.get("docx"), result.failures.get("docx"), reporter


def assert_nothing_left(out: Path) -> None:
    assert list(out.iterdir()) == [], [p.name for p in out.iterdir()]


# ------------------------------------------------------------------ strategies

def model_text(alphabet: st.SearchStrategy[str], min_size=0, max_size=60) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=min_size, max_size=max_size).filter(lambda t: forbidden_character(t) is None)


# Every character the model accepts (it refuses controls, surrogates and noncharacters).
ANY_CHARACTER = st.characters(blacklist_categories=("Cs", "Cc")).filter(lambda c: forbidden_character(c) is None)

def _borrowed_han(count: int = 3) -> str:
    """Han characters the body face lacks and the caption face has: they take a fallback face."""
    fonts = FontSet(THEME)
    missing = fonts.face("caption").codepoints - fonts.face("body").codepoints
    return "".join(chr(c) for c in sorted(missing) if 0x3400 <= c <= 0x2FFFF)[:count]


# Han, marks and Latin as a newsroom types them, and rare Han from a fallback face.
NEWS_CHARACTER = st.one_of(
    st.sampled_from("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"),
    st.sampled_from("，。、：；！？“”‘’（）《》——……·"),
    st.sampled_from("abcXYZ0123456789 .-%"),
    st.sampled_from(_borrowed_han()),
)


def _drawable() -> list[str]:
    """Every character some face of the theme can draw and the model accepts: Han,
    kana, hangul, Latin, Greek, Cyrillic, symbols, combining marks, spaces …"""
    fonts = FontSet(THEME)
    covered = set().union(*(fonts.face(role).codepoints for role in THEME.font_roles))
    return [chr(c) for c in sorted(covered) if c > 0x20 and forbidden_character(chr(c)) is None]


DRAWABLE_CHARACTER = st.sampled_from(_drawable())


def paragraphs_of(alphabet) -> st.SearchStrategy[Paragraph]:
    run = st.builds(Run, model_text(alphabet, max_size=40), st.booleans(), st.booleans(),
                    st.one_of(st.none(), st.just("https://example.cn/新闻 a?b=1"), st.just("")))
    return st.builds(lambda runs: Paragraph(tuple(runs)), st.lists(run, min_size=1, max_size=3))


def blocks_of(alphabet) -> st.SearchStrategy:
    text = model_text(alphabet)
    return st.one_of(
        paragraphs_of(alphabet),
        st.builds(Subhead, text),
        st.builds(lambda ps: Quote(tuple(ps)), st.lists(paragraphs_of(alphabet), min_size=1, max_size=2)),
        st.builds(lambda items, ordered: ListBlock(tuple(items), ordered),
                  st.lists(paragraphs_of(alphabet), min_size=1, max_size=3), st.booleans()),
        st.builds(Figure, st.sampled_from(["images/wide.png", "images/tall.jpg"]), text, text, text),
        st.builds(lambda title, lines: Notice(title, tuple(lines)), text, st.lists(text, max_size=3)),
    )


def articles_of(alphabet) -> st.SearchStrategy[Article]:
    text = model_text(alphabet)
    dateline = st.one_of(st.none(), st.builds(Dateline, model_text(alphabet, min_size=1),
                                              position=st.sampled_from(list(DatelinePosition))))
    return st.builds(
        Article,
        id=st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
        title=model_text(alphabet, min_size=1, max_size=80),
        kind=st.sampled_from(list(ArticleKind)),
        kicker=text, subtitle=text, byline=text, section=text,
        dateline=dateline,
        blocks=st.lists(blocks_of(alphabet), min_size=1, max_size=6).map(tuple),
    )


def check_documents(issue: Issue, outputs: list[Path]) -> None:
    """Every file opens; each article's document shows exactly the article's text."""
    (whole,) = [p for p in outputs if p.suffix == ".docx"]
    docx.Document(str(whole))
    (archive,) = [p for p in outputs if p.suffix == ".zip"]
    with zipfile.ZipFile(archive) as opened:
        assert opened.testzip() is None
        names = opened.namelist()
    article = issue.pages[0].articles[0]
    (name,) = names
    document = docx.Document(str(whole.parent / name))
    got = [(p.style.style_id, p.text) for p in document.paragraphs]
    assert got == article_document(article, PUBLICATION.copyright)


# ------------------------------------------------------------------ properties

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(article=articles_of(NEWS_CHARACTER))
def test_news_text_of_any_shape_gives_complete_documents(article, picture_root, tmp_path_factory):
    assert_complete_documents(article, picture_root, tmp_path_factory)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(article=articles_of(DRAWABLE_CHARACTER))
def test_any_character_the_fonts_can_draw_gives_complete_documents(article, picture_root, tmp_path_factory):
    assert_complete_documents(article, picture_root, tmp_path_factory)


def assert_complete_documents(article, picture_root, tmp_path_factory) -> None:
    """The article (when the model accepts it) gives every document, complete."""
    issue = issue_of(article)
    assume(not validate_issue(issue))
    outputs, failure, _ = write(issue, picture_root, tmp_path_factory.mktemp("out"))
    assert failure is None, str(failure)
    check_documents(issue, outputs)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(article=articles_of(ANY_CHARACTER))
def test_any_unicode_the_model_accepts_gives_documents_or_a_named_font_error(article, picture_root,
                                                                          tmp_path_factory):
    issue = issue_of(article)
    assume(not validate_issue(issue))
    out = tmp_path_factory.mktemp("out")
    outputs, failure, _ = write(issue, picture_root, out)
    if failure is None:
        check_documents(issue, outputs)
    else:
        assert isinstance(failure, FontError), f"{type(failure).__name__}: {failure}"
        assert "no configured font can draw" in str(failure) and f"article {article.id}" in str(failure)
        assert_nothing_left(out)


def test_a_2000_character_headline_and_a_very_long_paragraph(picture_root, tmp_path):
    headline = "长标题测试" * 400
    body = "这是一个很长的段落，用来测试。" * 2000  # 30,000 characters
    article = Article("long", headline, blocks=(Paragraph.plain(body),))
    _, failure, _ = write(issue_of(article), picture_root, tmp_path)
    assert failure is None, str(failure)
    (name,) = [p.name for p in (tmp_path / "ceshi-2026-01-26-articles").iterdir()]
    assert len(name.encode("utf-8")) <= 255 and name.startswith("01-01-长标题测试")
    document = docx.Document(str(tmp_path / "ceshi-2026-01-26-articles" / name))
    assert [p.text for p in document.paragraphs] == [headline, body, PUBLICATION.copyright]
    assert document.core_properties.title == headline[:254] + "…"  # Word's 255-character limit


def test_empty_optional_fields_are_left_out(picture_root, tmp_path):
    article = Article("bare", "标题", blocks=(Paragraph.plain("正文。"), Paragraph(()),
                                            Figure("images/wide.png")))
    outputs, failure, _ = write(issue_of(article), picture_root, tmp_path)
    assert failure is None, str(failure)
    check_documents(issue_of(article), outputs)


def test_a_missing_picture_names_the_file_the_article_and_the_field(picture_root, tmp_path):
    article = Article("pic", "标题", blocks=(Paragraph.plain("正文。"), Figure("images/none.jpg", "说明")))
    _, failure, _ = write(issue_of(article), picture_root, tmp_path)
    assert isinstance(failure, InputError)
    message = str(failure)
    assert "none.jpg" in message and "article pic" in message and "field blocks[1].image" in message
    assert_nothing_left(tmp_path)


def test_a_damaged_picture_is_a_named_error(picture_root, tmp_path):
    article = Article("bad", "标题", blocks=(Figure("images/broken.jpg"),))
    _, failure, _ = write(issue_of(article), picture_root, tmp_path)
    assert isinstance(failure, InputError) and "broken.jpg" in str(failure) and "article bad" in str(failure)
    assert_nothing_left(tmp_path)


def test_a_webp_picture_is_converted_and_a_tall_one_fits_the_page(picture_root, tmp_path):
    article = Article("webp", "标题", blocks=(Figure("images/photo.webp", "说明"), Figure("images/tall.jpg")))
    outputs, failure, reporter = write(issue_of(article), picture_root, tmp_path)
    assert failure is None, str(failure)
    assert reporter.by_code("docx.picture-converted")
    document = docx.Document(str(outputs[0]))
    square, tall = document.inline_shapes
    section = document.sections[0]
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert square.width == square.height
    assert tall.height <= text_height * 0.7 + 12700 and tall.height / tall.width == pytest.approx(20, rel=0.01)
    with zipfile.ZipFile(outputs[0]) as opened:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in opened.namelist())


def test_a_character_missing_from_the_style_font_is_set_in_a_fallback_face(picture_root, tmp_path):
    fonts = FontSet(THEME)
    body, caption = fonts.face("body"), fonts.face("caption")
    borrowed = next(chr(c) for c in sorted(caption.codepoints - body.codepoints) if 0x3400 <= c <= 0x2FFFF)
    # the theme's fallback order decides which face draws it
    family = next(f.family for f in fonts.fallback_faces() if ord(borrowed) in f.codepoints)
    assert family != body.family
    article = Article("rare", "标题", blocks=(Paragraph.plain(f"生僻字{borrowed}在此。"),))
    outputs, failure, reporter = write(issue_of(article), picture_root, tmp_path)
    assert failure is None, str(failure)
    assert reporter.by_code("font.fallback")
    document = part(outputs[0], "word/document.xml")
    (run,) = [r for r in document.iterfind(".//w:r", NS) if r.findtext("w:t", namespaces=NS) == borrowed]
    fonts_element = run.find("w:rPr/w:rFonts", NS)
    assert fonts_element.get(f"{{{NS['w']}}}eastAsia") == family
    assert "".join(t.text for t in document.iterfind(".//w:t", NS)).count(f"生僻字{borrowed}在此。") == 1


def test_a_character_no_font_has_stops_the_writer_with_its_name(picture_root, tmp_path):
    fonts = FontSet(THEME)
    covered = set().union(*(fonts.face(role).codepoints for role in THEME.font_roles))
    missing = next(chr(c) for c in (0x1F600, 0x1FA90, 0xE000, 0x10FFFD, 0x16A0) if c not in covered)
    article = Article("emoji", "标题", blocks=(Paragraph.plain(f"表情{missing}。"),))
    _, failure, _ = write(issue_of(article), picture_root, tmp_path)
    assert isinstance(failure, FontError)
    assert f"U+{ord(missing):04X}" in str(failure) and "article emoji" in str(failure)
    assert_nothing_left(tmp_path)


def test_every_block_and_inline_type(picture_root, tmp_path):
    runs = (Run("普通"), Run("强调", emphasis=True), Run("加粗", strong=True), Run("链接", href="https://例子.cn/a b"))
    article = Article(
        "all", "标题", kicker="引题", subtitle="副题", byline="记者 王某",
        dateline=Dateline("本报北京1月25日电", position=DatelinePosition.START),
        blocks=(Paragraph(runs), Subhead("小标题"), Quote((Paragraph.plain("引文一。"), Paragraph.plain("引文二。"))),
                ListBlock((Paragraph.plain("第一"), Paragraph.plain("第二")), ordered=True),
                ListBlock((Paragraph.plain("甲"),), ordered=False),
                ListBlock((Paragraph.plain("再一"), Paragraph.plain("再二")), ordered=True),
                Figure("images/wide.png", "图片说明。", "记者 李某 摄", "替代文字"),
                Notice("遗失声明", ("某某遗失某物。",))),
    )
    outputs, failure, _ = write(issue_of(article), picture_root, tmp_path)
    assert failure is None, str(failure)
    check_documents(issue_of(article), outputs)
    document = docx.Document(str(outputs[0]))
    first = next(p for p in document.paragraphs if p.style.style_id == "BodyText")
    assert [r.style.style_id for r in first.runs] == ["DatelineChar", "DefaultParagraphFont", "Emphasis", "Strong"]
    (link,) = first.hyperlinks
    assert link.text == "链接" and link.address == "https://%E4%BE%8B%E5%AD%90.cn/a%20b"
    numbered = [p for p in document.paragraphs if p.style.style_id == "ListNumber"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2] == ids[3]  # the second numbered list starts again at 1
    numbering = part(outputs[0], "word/numbering.xml")
    for num_id in set(ids):
        (start,) = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val",
                                   namespaces=NS)
        assert start == "1"


def test_output_is_replaced_only_when_a_build_succeeds(picture_root, tmp_path):
    good = Article("ok", "标题", blocks=(Paragraph.plain("正文。"),))
    _, failure, _ = write(issue_of(good), picture_root, tmp_path)
    assert failure is None
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    bad = Article("ok", "标题", blocks=(Figure("images/none.jpg"),))
    _, failure, _ = write(issue_of(bad), picture_root, tmp_path)
    assert isinstance(failure, ExporterError)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    shutil.rmtree(tmp_path / "ceshi-2026-01-26-articles")
