"""Page furniture: the running head, the folio, rules between articles, boxes.

The texts are set by the same typesetter as the articles (so every glyph
comes from a planned, embedded font); only the rules are drawn here.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor

from ...model import Issue, Page
from ...typography.labels import Labels
from .blocks import Para, Styles
from .geometry import BOX_PADDING, PdfGeometry
from .layout import PlacedBlock, PlannedPage
from .text import TextSpan, baseline_offset, measure_text

RULE = 0.5  # points: thin rules between articles
HEAD_RULE = 0.75


@dataclass(frozen=True)
class PageTexts:
    """What the furniture of one PDF page says."""

    label: str  # 第3版 or 第3版（续）
    section: str
    date: str  # 2026年1月26日 星期一
    short_date: str  # 2026年1月26日
    publication: str
    editor: str

    @property
    def outer(self) -> str:
        return _joined(self.label, self.section)

    def inner_choices(self) -> list[str]:
        """The running head's inner side, from the fullest to the shortest form."""
        return [
            _joined(self.publication, self.date, self.editor),
            _joined(self.date, self.editor),
            self.date,
            self.short_date,
        ]


def _joined(*parts: str) -> str:
    return "  ".join(p for p in parts if p)


def page_texts(issue: Issue, page: Page, label: str, labels: Labels) -> PageTexts:
    return PageTexts(
        label=label,
        section=page.section,
        date=labels.long_date(issue.date),
        short_date=labels.short_date(issue.date),
        publication=issue.publication.name,
        editor=labels.edited_by(page.editor) if page.editor else "",
    )


class Furniture:
    """Draws what every page carries, and the rules and boxes of its blocks."""

    def __init__(self, geometry: PdfGeometry, factory, styles: Styles, rule_color: str):
        self.geometry = geometry
        self.factory = factory
        self.styles = styles
        self.rule_color = rule_color
        self._stroke = HexColor(rule_color)  # parsed once: ReportLab parses a colour string per call
        self._widths: dict[str, float] = {}

    def width_of(self, text: str, style_name: str) -> float:
        if text not in self._widths:
            style = self.styles.para(style_name, align="left")
            self._widths[text] = measure_text([TextSpan(text, style.role)], style, self.factory.fonts)
        return self._widths[text]

    def line(
        self, canvas, text: str, style_name: str, align: str, x: float, baseline: float, width: float
    ) -> None:
        """One line of furniture with its baseline at ``baseline`` (set once per distinct text)."""
        style = self.styles.para(style_name, align=align)
        flowable = self.factory.paragraph(Para((TextSpan(text, style.role),), style, style_name))
        _, height = flowable.wrap(width, 1e9)
        flowable.drawOn(canvas, x, baseline + baseline_offset(style) - height)

    def running_head(self, canvas, number: int, texts: PageTexts) -> None:
        """Label and section on the outer side, paper and date on the inner; a rule under them."""
        g = self.geometry
        left, width = g.left(number), g.frame_width
        rule_y = g.top + g.margin_top * 0.22
        baseline = rule_y + 3.0
        if g.running_head:
            room = width - self.width_of(texts.outer, "running-head") - 12
            choices = texts.inner_choices()
            inner = next((c for c in choices if self.width_of(c, "running-head") <= room), choices[-1])
            outer_side, inner_side = ("left", "right") if number % 2 == 0 else ("right", "left")
            self.line(canvas, texts.outer, "running-head", outer_side, left, baseline, width)
            self.line(canvas, inner, "running-head", inner_side, left, baseline, width)
            self._rule(canvas, left, rule_y, left + width, rule_y, HEAD_RULE)
        folio_side = "right" if number % 2 else "left"
        self.line(canvas, texts.label, "folio", folio_side, left, g.margin_bottom * 0.4, width)

    def _rule(self, canvas, x0, y0, x1, y1, width=RULE) -> None:
        canvas.setStrokeColor(self._stroke)
        canvas.setLineWidth(width)
        canvas.line(x0, y0, x1, y1)

    def block_rules(self, canvas, number: int, page: PlannedPage, first_row: int) -> None:
        """A rule above every tier but the first, between slots side by side, and between
        articles stacked in a slot."""
        g = self.geometry
        left = g.left(number)
        drawn: set[tuple] = set()
        for block in page.blocks:
            tier_row, tier_rows = block.tier
            tier_top = g.row_y(first_row + tier_row)
            if tier_row > 0 and ("tier", tier_row) not in drawn:
                drawn.add(("tier", tier_row))
                if g.columns == 1:  # between articles on an e-reader page: a short centred rule
                    middle = left + g.frame_width / 2
                    self._rule(
                        canvas, middle - g.frame_width / 6, tier_top, middle + g.frame_width / 6, tier_top
                    )
                else:
                    self._rule(canvas, left, tier_top, left + g.frame_width, tier_top)
            if block.column > 0 and ("slot", tier_row, block.column) not in drawn:
                drawn.add(("slot", tier_row, block.column))
                x = g.column_x(number, block.column) - g.gutter / 2
                bottom = tier_top - tier_rows * g.leading
                self._rule(canvas, x, tier_top - g.leading * 0.3, x, bottom + g.leading * 0.3)
            if block.row > tier_row:  # stacked under another article in its slot
                top = g.row_y(first_row + block.row)
                x = g.column_x(number, block.column)
                self._rule(canvas, x, top, x + g.span_width(block.span), top)
            if block.boxed:
                self.box(canvas, number, block, g.row_y(first_row + block.row))

    def box(self, canvas, number: int, block: PlacedBlock, top: float) -> None:
        g = self.geometry
        x = g.column_x(number, block.column)
        inset = BOX_PADDING * 0.4
        canvas.setStrokeColor(self._stroke)
        canvas.setLineWidth(0.8)
        canvas.rect(
            x + inset,
            top - block.rows * g.leading + inset,
            g.span_width(block.span) - 2 * inset,
            block.rows * g.leading - 2 * inset,
            stroke=1,
            fill=0,
        )
