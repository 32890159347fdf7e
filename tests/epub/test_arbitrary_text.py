"""Arbitrary issues never crash the writer: it writes a valid EPUB with all
the text, or stops with a named, located error and leaves no file behind.

Text is drawn from the whole of Unicode the model accepts, or from a
newspaper-like alphabet (so that most examples succeed and their output is
checked); paragraphs may be very long, optional fields empty, headlines
2,000 characters. Fonts embedded or not: without them, characters no
configured font has are the reader's business, so the build must succeed.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from exporter.build import build_loaded
from exporter.diagnostics import Reporter
from exporter.errors import FontError, InputError
from exporter.load import LoadedIssue
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
from exporter.themes import load_theme
from exporter.writers.epub import EpubWriter
from tests.epub.expect import article_elements, book_tokens, model_tokens
from tests.epub.reading import Epub

NEWSPAPER = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "，。、：；！？“”‘’（）《》——……·％０１２３456789ABCabcxyz .,:%-/éü　"
)
newspaper_text = st.text(alphabet=NEWSPAPER, max_size=40)
any_text = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20).filter(
    lambda t: forbidden_character(t) is None
)
GOOD_IMAGES = ["images/photo.jpg", "images/chart.bmp"]
BAD_IMAGES = ["images/missing.png", "images/broken.jpg"]
HREFS = ["https://news.example.cn/a?b=1&c=二", "/local/page.html", "mailto:desk@example.cn",
         "javascript:void(0)", "#anchor", "http://例子.中国/路 径", "http://[bad", "ftp://x.y/z"]


class Strategies:
    """The strategies of one issue: its alphabet and whether pictures may be broken."""

    def __init__(self, exotic: bool, bad_images: bool):
        text = st.one_of(newspaper_text, any_text) if exotic else newspaper_text
        long_text = st.builds(lambda piece, times: (piece or "字") * times, newspaper_text, st.integers(1, 400))
        self.text = text
        self.nonblank = st.one_of(text, long_text).filter(str.strip)
        self.headline = st.one_of(self.nonblank, st.builds(lambda t: (t * 2000)[:2000], self.nonblank))
        hrefs = st.one_of(st.none(), st.sampled_from(HREFS), text)
        runs = st.lists(st.builds(Run, text, st.booleans(), st.booleans(), hrefs), min_size=1, max_size=4)
        paragraph = st.builds(lambda r: Paragraph(tuple(r)), runs)
        self.image = st.sampled_from(GOOD_IMAGES + (BAD_IMAGES if bad_images else []))
        self.block = st.one_of(
            paragraph,
            st.builds(Paragraph.plain, long_text),
            st.builds(Subhead, text),
            st.builds(lambda ps: Quote(tuple(ps)), st.lists(paragraph, min_size=1, max_size=2)),
            st.builds(Figure, self.image, text, text, text),
            st.builds(lambda t, ls: Notice(t, tuple(ls)), text, st.lists(text, max_size=3)),
            st.builds(lambda items, ordered: ListBlock(tuple(items), ordered),
                      st.lists(paragraph, min_size=1, max_size=3), st.booleans()),
        )
        self.dateline = st.one_of(
            st.none(), st.builds(Dateline, self.nonblank, position=st.sampled_from(list(DatelinePosition)))
        )


@st.composite
def articles(draw, s: Strategies, number: int) -> Article:
    lead = draw(st.one_of(st.builds(Paragraph.plain, s.nonblank), st.builds(Figure, s.image)))
    return Article(
        id=f"{draw(st.from_regex(r'[A-Za-z0-9][A-Za-z0-9._-]{0,8}', fullmatch=True))}-{number}",
        title=draw(s.headline),
        kind=draw(st.sampled_from(list(ArticleKind))),
        kicker=draw(s.text),
        subtitle=draw(s.text),
        byline=draw(s.text),
        dateline=draw(s.dateline),
        blocks=(lead, *draw(st.lists(s.block, max_size=4))),
    )


@st.composite
def issues(draw) -> Issue:
    s = Strategies(exotic=draw(st.sampled_from([False, False, True])),
                   bad_images=draw(st.sampled_from([False, False, False, True])))
    counter = iter(range(1000))
    pages = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        count = draw(st.integers(0, 3))
        pages.append(Page(number, section=draw(s.text), label=draw(st.sampled_from(["", f"A{number}"])),
                          articles=tuple(draw(articles(s, next(counter))) for _ in range(count))))
    return Issue(
        publication=Publication(name=draw(s.nonblank.map(lambda t: t[:60])), publisher=draw(s.text),
                                copyright=draw(s.text),
                                base_url=draw(st.sampled_from(["", "https://news.example.cn/"]))),
        date=draw(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31))),
        pages=tuple(pages),
        number=draw(st.one_of(st.none(), st.integers(1, 99999))),
        edition=draw(s.text),
    )


@pytest.fixture(scope="module")
def workspace(example_dir, tmp_path_factory):
    """An issue folder with pictures (one of them broken), and a private font cache."""
    root = tmp_path_factory.mktemp("arbitrary")
    (root / "images").mkdir()
    (root / "images" / "photo.jpg").write_bytes((example_dir / "images" / "k303-platform.jpg").read_bytes())
    Image.new("RGB", (30, 20), "#884422").save(root / "images" / "chart.bmp")
    (root / "images" / "broken.jpg").write_bytes(b"\xff\xd8 not really a JPEG")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXPORTER_CACHE_DIR", str(root / "cache"))
        yield root


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(issue=issues(), embed=st.booleans())
def test_any_issue_gives_a_valid_epub_or_a_named_error(workspace, issue, embed):
    if validate_issue(issue):
        event("refused by the model")
        return  # the model refuses it before any writer runs
    out = Path(tempfile.mkdtemp(dir=workspace))
    settings_ = {} if embed else {"embed_fonts": "false"}
    result = build_loaded(LoadedIssue(issue, workspace, {}), [EpubWriter], out, settings_, load_theme("print"),
                          Reporter())
    left = sorted(os.listdir(out))
    if "epub" in result.failures:
        error = result.failures["epub"]
        event(f"stopped with {type(error).__name__}")
        assert isinstance(error, (FontError, InputError)), repr(error)  # not a bug wrapped as WriterError
        assert error.problems and all(str(p.location) for p in error.problems)
        if isinstance(error, FontError):
            assert embed, "without embedded fonts the reader's fonts decide: no FontError"
        assert left == []  # no partial file
        return
    event("EPUB written" + (" with fonts" if embed else " without fonts"))
    (path,) = result.outputs["epub"]
    assert left == [path.name]
    check_book(Epub(path), issue)


def check_book(epub: Epub, issue: Issue) -> None:
    with zipfile.ZipFile(epub.path) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.testzip() is None
    for item in epub.documents():
        epub.xml(item.href)  # well-formed
    elements = article_elements(epub)
    assert [e.get("id") for _, e in elements] == [f"a-{a.id}" for _, a in issue.articles()]
    for (_, element), (_, article) in zip(elements, issue.articles()):
        assert book_tokens(element) == model_tokens(article), article.id
    assert [text for depth, text, _ in epub.nav_links() if depth == 2] == [a.title for _, a in issue.articles()]
