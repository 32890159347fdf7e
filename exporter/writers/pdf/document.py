"""One PDF from one issue: specs, font plan, page plan, then drawing.

``prepare_document`` checks what can fail on bad input (a missing or
unreadable picture, a character no font has) and readies each article's
content; ``Document.write`` plans and draws the pages, a model page at a
time, and returns, per page, the regions where each article's text was set
(what tests read back). When the build may use more than one process, a long
issue's later pages are planned and drawn by a helper process meanwhile
(``parallel``); the file is the same either way. Nothing is written before
the whole document is made.
"""

from __future__ import annotations

import os
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ...errors import InputError, Location
from ...fonts.coverage import TextCollector, plan_fonts
from ...model import Figure, Issue
from ...typography.labels import Labels, labels_for
from ..base import BuildContext
from .blocks import ArticleSpec, Styles, article_spec, spec_texts
from .content import ArticleContent, Factory
from .furniture import page_texts
from .geometry import PdfGeometry
from .layout import PlannedPage, drawn, plan_issue
from .masthead import masthead_lines
from .metadata import apply_metadata
from .parallel import DrawnPart, Helper, RecordingCanvas, helper_start, replay
from .render import PageRenderer, Region

# Continuation pages beyond this count still work; their labels' numerals are planned up to here.
PLANNED_CONTINUATIONS = 9


@dataclass
class Document:
    issue: Issue
    context: BuildContext
    labels: Labels
    geometry: PdfGeometry
    styles: Styles
    factory: Factory
    contents: list[list[ArticleContent]]  # per model page; emptied as its pages are drawn
    pages: list[PlannedPage]  # every PDF page drawn so far, as drawn (``layout.drawn``)
    helper_start: int | None = None  # the first model page a helper plans and draws
    pages_drawn_apart: int = 0  # PDF pages the helper drew (0: all drawn here)

    def write(self, path: Path) -> list[list[Region]]:
        with binary_streams():
            return self._write(path)

    def _write(self, path: Path) -> list[list[Region]]:
        from reportlab.pdfgen.canvas import Canvas

        g = self.geometry
        fonts = self.factory.fonts
        roles = fonts.plan.faces  # the roles the issue sets text in; the body's unless there is no body text
        role = self.styles.role("body") if self.styles.role("body") in roles else sorted(roles)[0]
        canvas_options = dict(
            pagesize=(g.width, g.height),
            invariant=1,
            pageCompression=1,
            initialFontName=fonts.font_name(self.context.fonts.face(role)),  # never ReportLab's Helvetica
            initialFontSize=self.styles.size("body"),
            initialLeading=g.leading,
            lang=self.issue.publication.language or "zh-CN",
        )
        canvas = Canvas(str(path), **canvas_options)
        apply_metadata(canvas, self.issue, self.labels, self.context.theme.name)
        if self.helper_start is None:
            regions = self._draw_by_page(canvas)
        else:
            regions = self._draw_shared(canvas, canvas_options)
        if self.outline:
            canvas.showOutline()
        canvas.save()
        return regions

    @property
    def outline(self) -> bool:
        return getattr(self.context.options, "outline", True)

    def _draw(self, canvas, pages: list[PlannedPage], first_index: int) -> list[list[Region]]:
        renderer = PageRenderer(
            self.issue, pages, self.geometry, self.factory, self.styles, self.labels,
            outline=self.outline, first_index=first_index,
        )
        renderer.draw_all(canvas)
        return renderer.regions

    def _draw_by_page(self, canvas, start: int = 0) -> list[list[Region]]:
        """Plan and draw the model pages from ``start`` on one at a time, letting go
        of what each set once it is drawn: memory holds one page's typesetting,
        however many pages the issue has (91 MB for the 96-page weekend issue, not 358)."""
        grid, regions = self.geometry.grid(), []
        for index in range(start, len(self.contents)):
            pages = plan_issue(grid, self.contents[index:index + 1], index)
            regions += self._draw(canvas, pages, len(self.pages))
            self.pages += drawn(pages, len(self.pages))
            self.contents[index] = []
            self.factory.forget()
        return regions

    def _draw_shared(self, canvas, canvas_options: dict) -> list[list[Region]]:
        """Plan and draw the first part here while a helper does the rest (``parallel``).
        The first part is planned whole before it is drawn: the helper's page numbers
        follow from its length."""
        start, grid = self.helper_start, self.geometry.grid()
        helper = Helper(lambda receive: self._draw_apart(start, receive, canvas_options))
        try:
            pages = plan_issue(grid, self.contents[:start])
            helper.send(len(pages))  # where its pages begin
            regions = self._draw(canvas, pages, 0)
            self.pages = drawn(pages)
            part = helper.result()
        finally:
            helper.close()
        if part is None:  # the helper did not finish: its pages are drawn here
            regions += self._draw_by_page(canvas, start)
        else:
            replay(canvas, part.records, part.entries)
            self.pages_drawn_apart = len(part.records)
            regions += part.regions
            self.pages += part.pages
        return regions

    def _draw_apart(self, start: int, receive, canvas_options: dict) -> DrawnPart:
        """In the helper: plan model pages ``start`` on, wait to hear how many PDF
        pages come before them, and draw them for ``replay``."""
        pages = plan_issue(self.geometry.grid(), self.contents[start:], start)
        offset = receive()
        canvas = RecordingCanvas(os.devnull, **canvas_options)
        regions = self._draw(canvas, pages, offset)
        return DrawnPart(canvas.records, canvas.deferred_codes.entries, regions, drawn(pages, offset))


@contextmanager
def binary_streams():
    """How ReportLab encodes the page streams, for exactly as long as it draws and saves:

    - no ASCII85: ReportLab wraps every stream (pages, pictures) in it by default,
      with a pure-Python encoder that took a third of the writing time, for 7-bit
      channels no PDF travels over now;
    - Flate at zlib's level 3, not 6: the daily issue's page streams come out 10 %
      larger (40 KB in a file of 1.5 MB) in half the time, 25 ms less in saving,
      the PDF's last step."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    saved = rl_config.useA85, pdfdoc.PDFZCompress
    rl_config.useA85 = 0
    pdfdoc.PDFZCompress = _FLATE_LEVEL_3
    try:
        yield
    finally:
        rl_config.useA85, pdfdoc.PDFZCompress = saved


class _Flate:
    pdfname = "FlateDecode"  # what ReportLab's filter writes in the stream's dictionary

    def __init__(self, level: int):
        self.level = level

    def encode(self, data) -> bytes:
        return zlib.compress(data.encode("utf-8") if isinstance(data, str) else data, self.level)


_FLATE_LEVEL_3 = _Flate(3)


def prepare_document(issue: Issue, context: BuildContext) -> Document:
    from .fonts import PdfFonts

    labels = labels_for(issue.publication.language, context.reporter)
    styles = Styles(context.theme)
    geometry = PdfGeometry.from_theme(context.theme)
    specs = article_specs(issue, context, styles)
    collector = TextCollector()
    for role, text, where in planned_texts(issue, specs, styles, labels):
        collector.add(role, text, where)
    plan = plan_fonts(collector, context.fonts, context.reporter)
    factory = Factory(PdfFonts(plan, context.fonts), geometry, styles)
    contents = [[ArticleContent(spec, factory) for spec in page] for page in specs]
    weights = [sum(len(text) for spec in page for _, text, _ in spec_texts(spec, styles)) for page in specs]
    start = helper_start(weights, context.jobs)
    return Document(issue, context, labels, geometry, styles, factory, contents, [], start)


def article_specs(issue: Issue, context: BuildContext, styles: Styles) -> list[list[ArticleSpec]]:
    def image_path(relative: str) -> Path:
        return context.image_path(relative)

    out = []
    for page_index, page in enumerate(issue.pages):
        specs = []
        for index, article in enumerate(page.articles):
            for block_index, block in enumerate(article.blocks):
                if isinstance(block, Figure):
                    check_image(image_path(block.image), article.id, f"blocks[{block_index}].image")
            specs.append(article_spec(article, index, page_index == 0, styles, image_path, image_size))
        out.append(specs)
    return out


def check_image(path: Path, article_id: str, field: str) -> None:
    where = Location(str(path), article_id, field)
    if not path.is_file():
        raise InputError("the picture file does not exist", where)
    try:
        image_size(path)
    except Exception as error:  # Pillow and ReportLab raise many kinds
        raise InputError(f"the picture cannot be read: {error}", where) from None


@lru_cache(maxsize=256)
def image_size(path: Path) -> tuple[int, int]:
    from reportlab.lib.utils import ImageReader

    width, height = ImageReader(str(path)).getSize()
    if width <= 0 or height <= 0:
        raise ValueError(f"the picture has no size ({width}×{height})")
    return width, height


def planned_texts(
    issue: Issue, specs: list[list[ArticleSpec]], styles: Styles, labels: Labels
) -> Iterator[tuple[str, str, Location]]:
    """Every (font role, text, where) the PDF may set: articles, then furniture."""
    for page in specs:
        for spec in page:
            for role, text, field in spec_texts(spec, styles):
                yield role, text, Location(article=spec.article.id, field=field)
            yield (
                styles.role("brief-headline"),
                spec.article.title + "…",
                Location(article=spec.article.id, field="title"),
            )
    head, folio, jump = styles.role("running-head"), styles.role("folio"), styles.role("credit")
    pub = issue.publication
    # the fields themselves first, so that a character no font has is reported where it was typed
    fields = [
        ("publication.name", pub.name),
        ("publication.publisher", pub.publisher),
        ("edition", issue.edition),
    ]
    for i, code in enumerate(pub.codes):
        fields += [
            (f"publication.codes[{i}].label", code.label),
            (f"publication.codes[{i}].value", code.value),
        ]
    for i, page in enumerate(issue.pages):
        fields += [(f"pages[{i}].{name}", getattr(page, name)) for name in ("label", "section", "editor")]
    for field, text in fields:
        yield head, text, Location(field=field)
    yield styles.role("masthead"), pub.name, Location(field="publication.name")
    for line in masthead_lines(issue, labels):
        yield head, line, Location(field="publication")
    numerals = labels.numerals + "十"
    for index, page in enumerate(issue.pages):
        where = Location(field=f"pages[{index}]")
        label = labels.page_label(page.number, page.label)
        names = [label, labels.continuation(label, 1), labels.continuation(label, 2), numerals]
        furniture = page_texts(issue, page, label, labels)
        for text in (*names, *furniture.inner_choices(), furniture.outer):
            yield head, text, where
        for text in names:
            yield folio, text, where
            yield jump, labels.jump_out(text) + labels.jump_in(text), where
