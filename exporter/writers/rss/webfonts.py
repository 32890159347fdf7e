"""Fonts for the web edition: every character checked, then subset per issue.

Which text is set in which font role mirrors the stylesheet (``_css.py`` for
articles, ``site_css.py`` for the site's own parts). The plan comes from
``fonts.coverage``: a character no configured face can draw stops the build
with an error naming it and its article, never a box on the reader's screen.
When fonts are embedded, each role's characters are subset from the face the
plan chose and written as WOFF2 with one ``@font-face`` per face and its
``unicode-range``. The subsets keep only the layout features a browser uses
for horizontal Chinese (``ccmp`` joins ——, ``halt``/``chws`` serve
``text-spacing-trim``) and have the language's ``locl`` forms mapped in
directly: keeping ``locl`` would pull in the Japanese, Korean and
Traditional forms of every ideograph and double the download.
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from ...cache import cached_bytes, content_key
from ...diagnostics import Reporter
from ...errors import Location
from ...fonts.coverage import FontPlan, TextCollector, plan_fonts
from ...fonts.registry import FontFace, FontSet
from ...fonts.subset import subset_face
from ...model import Article, Figure, Issue, ListBlock, Notice, Paragraph, Quote, Run, Subhead
from .urls import FONTS

# CSS family and weight of each embedded role. The serif's bold face is the
# bold weight of the same family, so <strong> in body text gets real bold.
FAMILIES = {
    "body": ("issue-body", "normal"),
    "body-bold": ("issue-body", "bold"),
    "heading": ("issue-heading", "bold"),
    "caption": ("issue-caption", "normal"),
}
EMBEDDED = {role: family for role, (family, _weight) in FAMILIES.items()}
WEB_FEATURES = ("ccmp", "chws", "halt")
WEBFONT_VERSION = "3"  # 3: Brotli quality 9, glyf not transformed
BROTLI_QUALITY = 9


def collect_text(
    issue: Issue, chrome: Iterable[tuple[str, str]], headings: Iterable[tuple[str, str]]
) -> TextCollector:
    """Every character the web edition sets, by font role. ``chrome`` is the
    site's own text in the body face, ``headings`` its text in the heading
    face, both as (field, text) so that a missing glyph names its field."""
    collector = TextCollector()
    for field, text in chrome:
        collector.add("body", text, Location(field=field))
    for field, text in headings:
        collector.add("heading", text, Location(field=field))
    for page, article in issue.articles():
        _collect_article(collector, article, Location(article=article.id))
        collector.add("heading", article.section, Location(article=article.id, field="section"))
    return collector


def _collect_article(collector: TextCollector, article: Article, where: Location) -> None:
    def add(role: str, text: str, field: str) -> None:
        collector.add(role, text, Location(where.file, where.article, field))

    add("heading", article.title, "title")
    # The issue index and the pager repeat headline, kicker, subtitle and lead in the body face.
    add("body", article.title + article.kicker + article.subtitle + "…", "title")
    add("body-bold", article.subtitle, "subtitle")
    add("caption", article.byline, "byline")
    if article.dateline is not None:
        add("body-bold", article.dateline.text, "dateline.text")
        add("body", article.dateline.text, "dateline.text")
    for index, block in enumerate(article.blocks):
        field = f"blocks[{index}]"
        if isinstance(block, Paragraph):
            _collect_runs(add, block.runs, "body", field)
        elif isinstance(block, Subhead):
            add("body-bold", block.text, field)
        elif isinstance(block, Quote):
            for paragraph in block.paragraphs:
                add("caption", paragraph.text, field)
        elif isinstance(block, ListBlock):
            for item in block.items:
                _collect_runs(add, item.runs, "body", field)
        elif isinstance(block, Notice):
            add("heading", block.title, f"{field}.title")
            add("body", "".join(block.paragraphs) + block.title, field)
        elif isinstance(block, Figure):
            add("caption", block.caption + block.credit, field)
            add("body", block.caption + block.credit, field)  # a picture-only lead becomes the summary


def _collect_runs(add, runs: tuple[Run, ...], role: str, field: str) -> None:
    for run in runs:
        add("body-bold" if run.strong else role, run.text, field)


def plan_web_fonts(collector: TextCollector, fonts: FontSet, reporter: Reporter) -> FontPlan:
    return plan_fonts(collector, fonts, reporter)


def font_files(plan: FontPlan, language: str) -> tuple[str, dict[str, bytes]]:
    """The issue's ``fonts.css`` and its WOFF2 files (name -> bytes); glyphs
    take the forms of ``language`` (a BCP 47 tag such as zh-CN)."""
    rules: list[str] = []
    files: dict[str, bytes] = {}
    for role in sorted(r for r in plan.faces if r in FAMILIES):
        family, weight = FAMILIES[role]
        by_face: dict[FontFace, set[int]] = defaultdict(set)
        for char, face in plan.faces[role].items():
            by_face[face].add(ord(char))
        primary = next((f for f in by_face if f.role == role), None)
        if primary is not None and primary.covers(0x20):
            by_face[primary].add(0x20)  # word spaces from the same face as the words
        for face in sorted(by_face, key=lambda f: (f.role != role, f.key)):
            data = _woff2(face, by_face[face], language)
            name = f"{role}-{hashlib.sha256(data).hexdigest()[:12]}.woff2"
            files[name] = data
            rules.append(
                "@font-face {\n"
                f'  font-family: "{family}";\n'
                f'  src: url("{FONTS}/{name}") format("woff2");\n'
                f"  font-weight: {weight};\n"
                "  font-style: normal;\n"
                "  font-display: swap;\n"
                f"  unicode-range: {unicode_range(by_face[face])};\n"
                "}\n"
            )
    return "".join(rules), files


def unicode_range(points: Iterable[int]) -> str:
    """``U+4E00-4E01, U+4E03``: the code points as CSS ranges."""
    ranges: list[list[int]] = []
    for point in sorted(set(points)):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in ranges)


def _woff2(face: FontFace, points: set[int], language: str) -> bytes:
    key = content_key(WEBFONT_VERSION, face.key, language, ",".join(map(str, sorted(points))))
    return cached_bytes(
        "webfont", key,
        lambda: _compress(subset_face(face, points, features=WEB_FEATURES, localize=language)),
    )


def _compress(font_bytes: bytes) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.woff2 import WOFF2FlavorData

    font = TTFont(io.BytesIO(font_bytes), recalcTimestamp=False)
    # The head table's dates are the face's own, whatever a subsetting step
    # wrote there: the bytes never depend on the clock.
    font["head"].modified = font["head"].created
    font.flavor = "woff2"
    # No glyf/loca transform for TrueType faces (WOFF2's null transform): fontTools
    # does it in Python, ten times the time of the rest, for files 12 % smaller.
    font.flavorData = WOFF2FlavorData(transformedTables=())
    out = io.BytesIO()
    with _brotli_quality(BROTLI_QUALITY):
        font.save(out)
    return out.getvalue()


@contextmanager
def _brotli_quality(quality: int) -> Iterator[None]:
    """fontTools' WOFF2 writer at the given Brotli quality.

    fontTools always asks for Brotli's default, quality 11: for the body face
    of a daily issue (2,400 characters, 1.3 MB) that is 4 to 7 seconds, more
    than the whole build, and each new issue needs new subsets. Quality 9
    takes 0.2 s for files 8 % larger. fontTools has no option for it, so its
    module's ``brotli`` is stood in for while the font is written."""
    from fontTools.ttLib import woff2

    real = woff2.brotli

    class Brotli:
        MODE_GENERIC, MODE_TEXT, MODE_FONT = real.MODE_GENERIC, real.MODE_TEXT, real.MODE_FONT
        decompress = staticmethod(real.decompress)

        @staticmethod
        def compress(data: bytes, mode: int = real.MODE_GENERIC, **_ignored) -> bytes:
            return real.compress(data, mode=mode, quality=quality)

    woff2.brotli = Brotli
    try:
        yield
    finally:
        woff2.brotli = real
