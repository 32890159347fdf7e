"""Drawing the page plan on a ReportLab canvas, page after page.

Everything drawn comes from the plan: a block's headline group at its top,
its columns' items at their lines, jump lines whose page labels are known
only now that every page is planned.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Issue
from ...typography.labels import Labels
from .blocks import Styles
from .columns import Fragment
from .furniture import Furniture, page_texts
from .geometry import BOX_PADDING, PdfGeometry
from .layout import JumpLine, PlacedBlock, PlannedPage
from .masthead import Masthead
from .text import baseline_offset


@dataclass(frozen=True)
class Region:
    """A rectangle of a page holding one kind of text, for readers of the plan (tests)."""

    article_id: str
    kind: str  # "header", "text", "figure" (the article's); "jump", "reprise" (furniture)
    x0: float
    top: float  # distance from the top of the page (PDF viewers' and PyMuPDF's y)
    x1: float
    bottom: float


def page_labels(issue: Issue, pages: list[PlannedPage], labels: Labels, flow: bool = False) -> list[str]:
    """The printed label of every planned page: 第3版, 第3版（续）, 第3版（续二）…
    On a one-column page, where the text simply runs on, every page of 第3版 is 第3版."""
    out = []
    for page in pages:
        model = issue.pages[page.page_index]
        label = labels.page_label(model.number, model.label)
        out.append(label if page.continuation == 0 or flow else labels.continuation(label, page.continuation))
    return out


class PageRenderer:
    def __init__(
        self,
        issue: Issue,
        pages: list[PlannedPage],
        geometry: PdfGeometry,
        factory,
        styles: Styles,
        labels: Labels,
        outline: bool = True,
        first_index: int = 0,
    ):
        self.issue = issue
        self.pages = pages
        self.first_index = first_index  # the document's index of pages[0] (pages may be drawn in parts)
        self.geometry = geometry
        self.factory = factory
        self.styles = styles
        self.labels = labels
        self.outline = outline
        self.page_labels = page_labels(issue, pages, labels, flow=geometry.columns == 1)
        theme = styles.theme
        self.furniture = Furniture(geometry, factory, styles, theme.color("rule"))
        self.masthead = Masthead(geometry, factory.fonts, styles, theme.color("rule"), theme.color("accent"))
        self.regions: list[list[Region]] = []

    def draw_all(self, canvas) -> None:
        started: set[str] = set()
        for index, page in enumerate(self.pages, self.first_index):
            number = index + 1
            model = self.issue.pages[page.page_index]
            label = self.page_labels[index - self.first_index]
            canvas.addPageLabel(index, prefix=label)
            if page.continuation == 0 and self.outline:
                canvas.bookmarkPage(f"page-{index}", fit="XYZ", left=0, top=self.geometry.height)
                title = " ".join(t for t in (label, model.section) if t)
                canvas.addOutlineEntry(title, f"page-{index}", level=0, closed=False)
            self.furniture.running_head(canvas, number, page_texts(self.issue, model, label, self.labels))
            if page.masthead:
                self.masthead.draw(canvas, number, self.issue, self.labels)
            first_row = self.geometry.masthead_rows if page.masthead else 0
            self.furniture.block_rules(canvas, number, page, first_row)
            regions: list[Region] = []
            for block in page.blocks:
                if block.starts and block.article_id not in started and self.outline:
                    started.add(block.article_id)
                    top = self.geometry.row_y(first_row + block.row)
                    key = f"article-{block.article_id}"
                    canvas.bookmarkPage(key, fit="XYZ", left=0, top=top + self.geometry.leading)
                    canvas.addOutlineEntry(self._article_title(block.article_id), key, level=1)
                regions += self.draw_block(canvas, number, block, first_row)
            self.regions.append(regions)
            canvas.showPage()

    def _article_title(self, article_id: str) -> str:
        article = self.issue.find_article(article_id)
        return article.title if article is not None else article_id

    def draw_block(self, canvas, number: int, block: PlacedBlock, first_row: int) -> list[Region]:
        g = self.geometry
        x = g.column_x(number, block.column)
        top = g.row_y(first_row + block.row)
        pad = BOX_PADDING if block.boxed else 0.0
        regions = []
        if block.header is not None:
            block.header.draw(canvas, x + pad, top - pad)
            kind = "header" if block.starts else "reprise"
            bottom = top - block.header_rows * g.leading
            regions.append(self._region(block.article_id, kind, x, top, x + g.span_width(block.span), bottom))
        body_top = top - block.header_rows * g.leading - pad
        column_width = g.box_column_width(block.span) if block.boxed else g.column_width
        for index, column in enumerate(block.columns):
            cx = x + pad + index * (column_width + g.gutter)
            regions += self.draw_column(canvas, block, column, cx, body_top, column_width)
        return regions

    def draw_column(
        self, canvas, block: PlacedBlock, column: list[Fragment], x: float, top: float, width: float
    ) -> list[Region]:
        """Draw a column's fragments; one region per fragment, in reading order."""
        regions = []
        for fragment in column:
            y = top - fragment.line * block.unit
            item = fragment.item
            bottom = y - item.lines * block.unit
            if isinstance(item, JumpLine):
                target = block.jump_out if item.direction == "out" else block.jump_in
                if target is None:
                    continue
                label = self.page_labels[target]
                text = self.labels.jump_out(label) if item.direction == "out" else self.labels.jump_in(label)
                baseline = y - baseline_offset(self.styles.body())  # on the body's grid line
                align = "right" if item.direction == "out" else "left"
                self.furniture.line(canvas, text, "credit", align, x, baseline, width)
                regions.append(self._region(block.article_id, "jump", x, y, x + width, bottom))
                continue
            item.draw(canvas, x, y)
            regions.append(self._region(block.article_id, item.kind, x, y, x + width, bottom))
        return regions

    def _region(self, article_id: str, kind: str, x0: float, top: float, x1: float, bottom: float) -> Region:
        height = self.geometry.height
        return Region(article_id, kind, x0, height - top, x1, height - bottom)
