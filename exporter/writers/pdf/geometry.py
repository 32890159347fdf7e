"""Where things go on a PDF page, in points (ReportLab's y grows upwards).

The text area is a grid: ``columns`` columns with gutters, and rows one body
line (the body style's leading) high, counted from the top of the text area.
The running head sits in the top margin, the folio in the bottom margin.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from math import ceil

from ...themes import PageGeometry, Theme
from ...themes.theme import MM
from .layout import Grid

BOX_PADDING = 2.0 * MM  # inside the rule of a boxed block (the classified ads)


@dataclass(frozen=True)
class PdfGeometry(PageGeometry):
    """The theme's page, with the grid its body leading makes."""

    leading: float  # one grid row: the body leading
    masthead_height: float  # on the first page, above the first row of articles

    @classmethod
    def from_theme(cls, theme: Theme) -> "PdfGeometry":
        page = theme.page
        masthead = theme.style("masthead")
        info = theme.style("running-head")
        # the name, then a band of three small lines (date, issue number, codes) and the rules
        masthead_height = masthead.leading + 3 * info.leading + 3 * MM if page.masthead else 0.0
        return cls(**{f.name: getattr(page, f.name) for f in fields(page)},
                   leading=theme.style("body").leading, masthead_height=masthead_height)

    # ---------------------------------------------------------- the grid

    @property
    def text_height(self) -> float:
        return self.height - self.margin_top - self.margin_bottom

    @property
    def rows(self) -> int:
        return int(self.text_height / self.leading + 1e-6)

    @property
    def masthead_rows(self) -> int:
        return ceil(self.masthead_height / self.leading - 1e-6) if self.masthead_height else 0

    def grid(self) -> Grid:
        return Grid(self.columns, self.rows, self.masthead_rows, self.leading, flow=self.columns == 1)

    def span_width(self, span: int) -> float:
        return span * self.column_width + (span - 1) * self.gutter

    def box_column_width(self, span: int) -> float:
        """Column width inside a boxed block of ``span`` columns."""
        inner = self.span_width(span) - 2 * BOX_PADDING
        return (inner - (span - 1) * self.gutter) / span

    # ---------------------------------------------------------- positions

    def left(self, page_number: int) -> float:
        """x of the text area: the inner margin is on the left of odd (right-hand) pages."""
        return self.margin_inner if page_number % 2 == 1 else self.margin_outer

    @property
    def top(self) -> float:
        """y of the top of the text area."""
        return self.height - self.margin_top

    def column_x(self, page_number: int, column: int) -> float:
        return self.left(page_number) + column * (self.column_width + self.gutter)

    def row_y(self, row: int) -> float:
        """y of the top of ``row``."""
        return self.top - row * self.leading
