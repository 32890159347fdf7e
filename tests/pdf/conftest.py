"""PDFs built once per session and the means to read them back.

``BuiltPdf`` carries what a test needs besides the file: the issue, the page
plan and the regions where each article's text was drawn, so that text can be
read back per article with PyMuPDF and compared with the model.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from exporter.memory import collector_paused
from exporter.diagnostics import Reporter
from exporter.fonts.registry import FontSet
from exporter.load import load_issue
from exporter.model import Issue
from exporter.themes import load_theme
from exporter.writers.base import BuildContext
from exporter.writers.pdf import PdfOptions, output_name
from exporter.writers.pdf.document import Document, prepare_document
from exporter.writers.pdf.render import Region


@dataclass
class BuiltPdf:
    path: Path
    issue: Issue
    document: Document
    regions: list[list[Region]]  # per PDF page
    reporter: Reporter


def build_pdf(source: Path | Issue, style: str, out: Path, root: Path | None = None, jobs: int = 1) -> BuiltPdf:
    """Build with the writer's own stages, keeping the plan (the CLI path is tested separately);
    ``jobs`` above 1 lets the writer draw later pages in a helper process."""
    if isinstance(source, Issue):
        issue, root = source, root or out
    else:
        loaded = load_issue(source)
        issue, root = loaded.issue, loaded.root
    theme = load_theme(style)
    reporter = Reporter()
    out.mkdir(parents=True, exist_ok=True)
    context = BuildContext(root, out, out, theme, FontSet(theme), reporter, PdfOptions(), jobs=jobs)
    with collector_paused():  # as the build runs every writer
        document = prepare_document(issue, context)
        path = out / output_name(issue, theme.name)
        regions = document.write(path)
    return BuiltPdf(path, issue, document, regions, reporter)


@pytest.fixture(scope="session")
def example_pdf(example_dir, tmp_path_factory) -> BuiltPdf:
    return build_pdf(example_dir, "print", tmp_path_factory.mktemp("pdf-example"))


@pytest.fixture(scope="session")
def example_ereader_pdf(example_dir, tmp_path_factory) -> BuiltPdf:
    return build_pdf(example_dir, "ereader", tmp_path_factory.mktemp("pdf-example-ereader"))


@pytest.fixture(scope="session")
def daily_pdf(daily_issue, tmp_path_factory) -> BuiltPdf:
    return build_pdf(daily_issue, "print", tmp_path_factory.mktemp("pdf-daily"))


@pytest.fixture(scope="session")
def daily_ereader_pdf(daily_issue, tmp_path_factory) -> BuiltPdf:
    return build_pdf(daily_issue, "ereader", tmp_path_factory.mktemp("pdf-daily-ereader"))


# ---------------------------------------------------------------- reading back


@dataclass(frozen=True)
class Char:
    char: str
    x: float  # centre of the glyph box
    y: float  # a point inside the glyph (baseline less a third of the size), from the page top
    baseline: float
    size: float
    font: str


def page_chars(page) -> list[Char]:
    """Every character PyMuPDF reads on a page, with its position."""
    out = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for ch in span["chars"]:
                    x0, _, x1, _ = ch["bbox"]
                    _, oy = ch["origin"]
                    out.append(
                        Char(ch["c"], (x0 + x1) / 2, oy - span["size"] / 3, oy, span["size"], span["font"])
                    )
    return out


class PageChars:
    """A page's characters sorted from the top, for fast lookups by rectangle."""

    def __init__(self, chars: list[Char]):
        self.chars = sorted(chars, key=lambda c: c.y)
        self.ys = [c.y for c in self.chars]

    def within(self, x0: float, top: float, x1: float, bottom: float, slack: float = 0.5) -> list[Char]:
        lo, hi = bisect_left(self.ys, top - slack), bisect_right(self.ys, bottom + slack)
        return [c for c in self.chars[lo:hi] if x0 - slack <= c.x <= x1 + slack]


@lru_cache(maxsize=8)
def pdf_chars(path: Path) -> tuple[PageChars, ...]:
    """Every page's characters (read once per file: several tests look at the same PDFs)."""
    with open_pdf(path) as doc:
        return tuple(PageChars(page_chars(page)) for page in doc)


def in_reading_order(chars: list[Char]) -> str:
    return "".join(c.char for c in sorted(chars, key=lambda c: (round(c.baseline, 1), c.x)))


def region_text(chars: PageChars, region: Region) -> str:
    """The text in a region, line by line from the top, each line from the left."""
    return in_reading_order(chars.within(region.x0, region.top, region.x1, region.bottom))


def squeeze(text: str) -> str:
    """Text without whitespace: spacing is layout, and PyMuPDF may read wide gaps as spaces."""
    return "".join(text.split())


def open_pdf(path: Path):
    import pymupdf

    return pymupdf.open(str(path))
