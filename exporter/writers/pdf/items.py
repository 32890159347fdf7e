"""Flowables as column items: whole lines of a block's grid, drawn from their top.

``LinesItem`` is a paragraph, or a range of its lines. Splitting it is
arithmetic on line numbers; the paragraph is cut (``Flowable.split``) only
when a range is drawn, so the planner can try many column heights for free.
``StackItem`` is a fixed stack of flowables (a figure with its caption, a
subhead, a headline group) padded to whole lines so that what follows it
stays on the grid.
"""

from __future__ import annotations

from math import ceil
from typing import Sequence

EPSILON = 1e-3


class LineSource:
    """A paragraph set at one width, cut into ranges of its lines on demand.

    The paragraph's own leading may differ from the block's grid unit (a long
    headline set in the flow): a range of ``count`` lines then takes
    ``ceil(count * leading / unit)`` grid lines, and what follows stays on the grid.
    """

    def __init__(self, flowable, width: float, unit: float):
        self.flowable = flowable
        self.width = width
        self.unit = unit
        _, height = flowable.wrap(width, 1e9)
        self.leading = getattr(getattr(flowable, "style", None), "leading", unit)
        self.count = max(1, round(height / self.leading))
        self._tails = {0: flowable}  # first line -> the paragraph from that line on

    def grid_lines(self, count: int) -> int:
        return max(1, ceil(count * self.leading / self.unit - EPSILON))

    def tail(self, start: int):
        if start not in self._tails:
            base = max(s for s in self._tails if s < start)
            parts = self._tails[base].split(self.width, (start - base) * self.leading + EPSILON)
            self._tails[start] = parts[1]
        return self._tails[start]

    def piece(self, start: int, count: int):
        """A flowable drawing the paragraph's lines ``[start, start + count)``."""
        tail = self.tail(start)
        if start + count >= self.count:
            return tail
        return tail.split(self.width, count * self.leading + EPSILON)[0]


class LinesItem:
    """Lines ``[start, start + count)`` of a paragraph at one column width."""

    floating = False

    def __init__(
        self,
        source: LineSource,
        start: int = 0,
        count: int | None = None,
        *,
        keep_with_next: bool = False,
        furniture: bool = False,
        kind: str = "text",
    ):
        self.source = source
        self.start = start
        self.count = source.count - start if count is None else count
        self.lines = source.grid_lines(self.count)  # height in the block's grid lines
        self.keep_with_next = keep_with_next
        self.furniture = furniture
        self.kind = kind

    @classmethod
    def of(cls, flowable, width: float, unit: float, **options) -> "LinesItem":
        return cls(LineSource(flowable, width, unit), **options)

    @property
    def breakable(self) -> bool:
        return self.count > 1

    def split(self, lines: int) -> tuple["LinesItem", "LinesItem"] | None:
        """At most ``lines`` grid lines, and the rest."""
        count = int(lines * self.source.unit / self.source.leading + EPSILON)
        if count <= 0 or count >= self.count:
            return None
        options = {"furniture": self.furniture, "kind": self.kind}
        head = LinesItem(self.source, self.start, count, **options)
        rest = LinesItem(
            self.source, self.start + count, self.count - count, keep_with_next=self.keep_with_next, **options
        )
        return head, rest

    def draw(self, canvas, x: float, top: float) -> None:
        flowable = self.source.piece(self.start, self.count)
        _, height = flowable.wrap(self.source.width, 1e9)
        flowable.drawOn(canvas, x, top - height)

    @property
    def text(self) -> str:
        return getattr(self.source.piece(self.start, self.count), "text", "")


class StackItem:
    """Flowables set one under the other, never split, padded to whole lines."""

    breakable = False

    def __init__(
        self,
        flowables: Sequence,
        width: float,
        unit: float,
        *,
        space_before: float = 0.0,
        space_after: float = 0.0,
        keep_with_next: bool = False,
        furniture: bool = False,
        gaps: Sequence[float] = (),
        floating: bool = False,
        kind: str = "text",
    ):
        self.flowables = list(flowables)
        self.floating = floating
        self.kind = kind  # "text" or "figure": what the region it is drawn in holds
        self.width = width
        self.unit = unit
        self.space_before = space_before
        self.keep_with_next = keep_with_next
        self.furniture = furniture
        self.gaps = list(gaps) or [0.0] * len(self.flowables)  # space above each flowable
        self.heights = [f.wrap(width, 1e9)[1] for f in self.flowables]
        content = space_before + sum(self.heights) + sum(self.gaps) + space_after
        self.lines = max(1, ceil(content / unit - EPSILON))
        self.height = self.lines * unit

    def split(self, lines: int) -> None:
        return None

    def draw(self, canvas, x: float, top: float) -> None:
        y = top - self.space_before
        for flowable, height, gap in zip(self.flowables, self.heights, self.gaps):
            y -= gap + height
            flowable.wrap(self.width, 1e9)  # a shared flowable may last have been set at another width
            flowable.drawOn(canvas, x, y)

    @property
    def text(self) -> str:
        return "".join(getattr(f, "text", "") for f in self.flowables)
