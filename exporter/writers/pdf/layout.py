"""The page plan: which article goes where on which PDF page.

A model page is planned before it is drawn, from line counts alone; what is
kept of the plan once drawn (``drawn``) can be inspected and tested. A
page's text area is a grid of ``rows`` (body lines) by ``columns``. Articles
become *blocks*, rectangles of whole columns and rows, set in horizontal
*tiers* in reading order: a tier is a band of the page holding blocks side
by side, short ones (briefs) perhaps stacked in a narrow slot;
``choose_tiers`` picks them by cost. Inside a block the headline group spans
all its columns and the body is poured through them with balanced bottoms
(see ``columns.py``).

When a model page holds more text than its PDF page, every article still
starts on it (space is shared out by ``share_rows``) and what does not fit
continues on continuation pages (第3版（续）), with jump lines at both ends.
In a one-column style (the e-reader) articles simply flow on to the next
page, as in a book: no jump lines.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import lru_cache
from math import ceil
from typing import Protocol, Sequence

from ...errors import Location, WriterError
from .columns import Column, Fragment, Item, balance, fill_columns, total_lines

MAX_TIER = 5  # articles in one tier (side by side, or briefs stacked)
STACK_SHARE = 0.75  # a stack of short articles is at most this share of a page
MIN_LEGS = 3  # body lines per column a block shows at least before it may be cut
JUMP_LINES = 1  # a jump line takes one line of the block's grid


class Content(Protocol):
    """An article (or the rest of one) as the typesetter measured it."""

    article_id: str
    kind: str  # "lead", "story", "brief" or "notice"
    unit: float  # line height of the block's grid, in points
    pad_rows: int  # extra page rows a boxed block needs for its frame

    def spans(self, columns: int) -> Sequence[int]:
        """The column spans this article may take on a page of ``columns`` columns."""

    def preferred_span(self, columns: int) -> int:
        """The span a newsroom would give it: the lead widest, briefs narrow."""

    def header(self, span: int) -> Item | None:
        """The headline group across ``span`` columns, in page rows; None when it is set in the flow."""

    def body(self, span: int) -> list[Item]:
        """The column items for a block ``span`` columns wide (the headline too when it is in the flow)."""

    def reprise(self, span: int) -> Item | None:
        """The headline repeated over a continued part (furniture), in page rows."""


@dataclass(frozen=True)
class JumpLine:
    """A line kept for （下转第X版） or （上接第X版）: furniture, written once all pages are known."""

    direction: str  # "in" at the top of a continued part, "out" at the foot of a cut one
    lines: int = 1
    furniture: bool = True
    breakable: bool = False
    floating: bool = False

    @property
    def keep_with_next(self) -> bool:
        return self.direction == "in"

    def split(self, lines: int) -> None:
        return None


@dataclass
class Piece:
    """What is left of an article to place: its content and the items not yet placed."""

    content: Content
    items: list[Item] | None = None  # None: nothing placed yet (the article starts here)
    span: int | None = None  # the span its items were measured for
    continued_from: int | None = None  # index of the planned page holding the previous part
    origin: "PlacedBlock | None" = None  # the block whose jump line points here

    @property
    def starts(self) -> bool:
        return self.items is None


@dataclass
class PlacedBlock:
    """An article's rectangle on one page and what it shows there."""

    article_id: str
    column: int  # first column
    span: int  # columns
    row: int  # first row
    rows: int  # height in page rows
    header: Item | None  # across the block, at its top
    header_rows: int
    columns: list[Column]  # body, lines of the block's grid below the header
    unit: float
    starts: bool  # the article starts here (the header is the article's own)
    ends: bool  # the article ends here
    boxed: bool = False
    jump_in: int | None = None  # planned page index of the previous part
    jump_out: int | None = None  # planned page index of the next part
    tier: tuple[int, int] = (0, 0)  # first row and rows of the tier it stands in


@dataclass
class PlannedPage:
    page_index: int  # index of the model page in the issue
    continuation: int  # 0 for the page itself, 1 for its first continuation page …
    rows: int  # rows of the text area
    columns: int
    masthead: bool
    blocks: list[PlacedBlock] = field(default_factory=list)


@dataclass(frozen=True)
class DrawnItem:
    """What a plan keeps of an item once it is drawn: its size and kind, not its set text."""

    lines: int
    kind: str
    breakable: bool
    floating: bool
    keep_with_next: bool
    furniture: bool

    def split(self, lines: int) -> None:
        return None


def drawn(pages: list[PlannedPage], offset: int = 0) -> list[PlannedPage]:
    """The plan of ``pages`` once drawn, numbered as in the document (the first
    is page ``offset``): where every block and fragment stands, without the set
    text, which is let go or stays in the helper that drew it."""

    def shifted(index: int | None) -> int | None:
        return None if index is None else index + offset

    def kept(item: Item) -> Item:
        if isinstance(item, JumpLine):
            return item
        return DrawnItem(item.lines, getattr(item, "kind", "text"), item.breakable, item.floating,
                         item.keep_with_next, item.furniture)

    return [
        replace(page, blocks=[
            replace(
                block,
                header=None,
                columns=[[Fragment(kept(f.item), f.line) for f in column] for column in block.columns],
                jump_in=shifted(block.jump_in),
                jump_out=shifted(block.jump_out),
            )
            for block in page.blocks
        ])
        for page in pages
    ]


@dataclass(frozen=True)
class Grid:
    columns: int
    rows: int  # rows of an ordinary page's text area
    masthead_rows: int  # rows the masthead takes on the first page
    leading: float  # one page row, in points
    flow: bool  # one column: articles run on, no jump lines


# ---------------------------------------------------------------- sizes


@dataclass
class Arrangement:
    """A piece set at one span: header, balanced columns, the rows it takes."""

    span: int
    header: Item | None
    header_rows: int
    items: list[Item]
    columns: list[Column]
    body_lines: int
    rest: list[Item]
    rows: int


class Measure:
    """Natural and cut arrangements of pieces, cached per piece and span."""

    def __init__(self, grid: Grid):
        self.grid = grid
        self._natural: dict[tuple[int, int], tuple[Piece, Arrangement]] = {}

    def parts(self, piece: Piece, span: int) -> tuple[Item | None, list[Item]]:
        if piece.items is None:
            return piece.content.header(span), piece.content.body(span)
        if self.grid.flow:
            return None, list(piece.items)
        return piece.content.reprise(span), [JumpLine("in"), *piece.items]

    def natural(self, piece: Piece, span: int) -> Arrangement:
        key = (id(piece), span)
        if key not in self._natural:  # the piece is kept in the entry: its id stays unique
            header, items = self.parts(piece, span)
            columns, height, _ = balance(items, span, 1 << 20)
            self._natural[key] = (piece, self._arrangement(piece, span, header, items, columns, height, []))
        return self._natural[key][1]

    def cut(self, piece: Piece, span: int, rows: int) -> Arrangement:
        """The piece in ``rows`` page rows: as much as fits, with room for a jump line."""
        header, items = self.parts(piece, span)
        header_rows = header.lines if header is not None else 0
        room = self.lines_in(piece, rows - header_rows - piece.content.pad_rows)
        jump = 0 if self.grid.flow else JUMP_LINES
        columns, height, rest = balance(items, span, room)
        if rest and jump:
            columns, rest = fill_columns(items, span, room - jump)
            columns[-1].append(Fragment(JumpLine("out"), room - jump))
            height = room
        return self._arrangement(piece, span, header, items, columns, height, rest)

    def lines_in(self, piece: Piece, rows: int) -> int:
        """Lines of the piece's grid that fit in ``rows`` page rows."""
        return int(rows * self.grid.leading / piece.content.unit + 1e-6)

    def rows_for(self, piece: Piece, lines: int) -> int:
        return ceil(lines * piece.content.unit / self.grid.leading - 1e-6)

    def _arrangement(self, piece, span, header, items, columns, height, rest) -> Arrangement:
        header_rows = header.lines if header is not None else 0
        rows = header_rows + self.rows_for(piece, height) + piece.content.pad_rows
        return Arrangement(span, header, header_rows, items, columns, height, rest, rows)

    def minimum(self, piece: Piece, span: int) -> int:
        """Rows below which a piece is not started on a page: header and a few lines
        (all of its first item when that cannot be split: a picture)."""
        natural = self.natural(piece, span)
        jump = 0 if self.grid.flow else JUMP_LINES
        shown = MIN_LEGS
        items = [i for i in natural.items if not i.floating] or natural.items  # a picture may wait
        if items:
            lead_in = items[0].lines if isinstance(items[0], JumpLine) and len(items) > 1 else 0
            head = items[1] if lead_in else items[0]
            shown = lead_in + (head.lines if not head.breakable else min(head.lines, MIN_LEGS))
            shown = max(shown, MIN_LEGS)
        legs = min(natural.body_lines, shown + jump)
        return min(natural.rows, natural.header_rows + self.rows_for(piece, legs) + piece.content.pad_rows)


# ---------------------------------------------------------------- tiers


@dataclass
class Tier:
    """A band of the page: slots side by side, each one block wide; a narrow slot may
    hold several short articles stacked (briefs)."""

    slots: list[list[Piece]]
    spans: list[int]
    cost: float = 0.0

    @property
    def pieces(self) -> list[Piece]:
        return [piece for slot in self.slots for piece in slot]

    def slot_rows(self, measure: Measure) -> list[int]:
        return [
            sum(measure.natural(p, span).rows for p in slot) for slot, span in zip(self.slots, self.spans)
        ]

    def natural_rows(self, measure: Measure) -> int:
        return max(self.slot_rows(measure))

    def minimum_rows(self, measure: Measure) -> int:
        """Rows in which every article of the tier starts: stacked ones whole but the last."""
        return max(
            sum(measure.natural(p, span).rows for p in slot[:-1]) + measure.minimum(slot[-1], span)
            for slot, span in zip(self.slots, self.spans)
        )


@lru_cache(maxsize=64)
def compositions(total: int, parts: int) -> tuple[tuple[int, ...], ...]:
    """Every way to write ``total`` as ``parts`` positive whole numbers, in order."""
    cuts = itertools.combinations(range(1, total), parts - 1)
    return tuple(tuple(b - a for a, b in zip((0, *c), (*c, total))) for c in cuts)


def choose_tiers(pieces: Sequence[Piece], measure: Measure, lead: bool) -> list[Tier]:
    """Group ``pieces`` (in order) into tiers, choosing slots and spans, at the least cost.

    Dynamic programming over the reading order: a tier is up to five
    consecutive pieces in slots whose spans fill the page's width. The cost is
    the blank area left under shorter slots plus penalties for ungainly shapes.
    """
    count = len(pieces)
    best: list[tuple[float, list[Tier]]] = [(0.0, [])] + [(float("inf"), [])] * count
    for end in range(1, count + 1):
        for start in range(max(0, end - MAX_TIER), end):
            if best[start][0] == float("inf"):
                continue
            tier = _best_tier(list(pieces[start:end]), measure, lead and start == 0)
            if tier is None:
                continue
            total = best[start][0] + tier.cost
            if total < best[end][0]:
                best[end] = (total, best[start][1] + [tier])
    return best[count][1]


def _best_tier(group: list[Piece], measure: Measure, has_lead: bool) -> Tier | None:
    columns = measure.grid.columns
    best: Tier | None = None
    for sizes in (c for parts in range(1, len(group) + 1) for c in compositions(len(group), parts)):
        if len(sizes) > columns or (has_lead and sizes[0] > 1):  # the lead stands alone
            continue
        slots, start = [], 0
        for size in sizes:
            slots.append(group[start : start + size])
            start += size
        allowed = [set.intersection(*(set(_spans(p, columns)) for p in slot)) for slot in slots]
        candidates = list(compositions(columns, len(slots)))
        if len(slots) == 1 and not any(c[0] in allowed[0] for c in candidates) and allowed[0]:
            candidates = [(max(allowed[0]),)]  # a box that keeps its width: the rest of the row stays empty
        for spans in candidates:
            fits = (s in a and _may_stack(slot, s, measure) for s, a, slot in zip(spans, allowed, slots))
            if not all(fits):
                continue
            cost = _tier_cost(slots, list(spans), measure, has_lead)
            if best is None or cost < best.cost:
                best = Tier(slots, list(spans), cost)
    return best


def _may_stack(slot: list[Piece], span: int, measure: Measure) -> bool:
    """Short articles stack in a narrow slot, never so tall that the stack would not fit a page."""
    if len(slot) == 1:
        return True
    grid = measure.grid
    if 2 * span > grid.columns:  # checked first: it spares typesetting the slot at this span
        return False
    return sum(measure.natural(p, span).rows for p in slot) <= STACK_SHARE * grid.rows


def _spans(piece: Piece, columns: int) -> Sequence[int]:
    if piece.span is not None and piece.content.pad_rows:  # a box's rest keeps the width it was measured at
        return [min(piece.span, columns)]
    return piece.content.spans(columns)


def _tier_cost(slots: list[list[Piece]], spans: list[int], measure: Measure, has_lead: bool) -> float:
    grid = measure.grid
    heights = [sum(measure.natural(p, s).rows for p in slot) for slot, s in zip(slots, spans)]
    height = max(heights)
    cost = sum(s * (height - h) for s, h in zip(spans, heights))  # blank under shorter slots
    cost += (grid.columns - sum(spans)) * height * 2  # a row left partly empty
    for slot, span in zip(slots, spans):
        cost += (len(slot) - 1) * span * 2  # the rule between stacked articles
        for piece in slot:
            a = measure.natural(piece, span)
            cost += abs(span - piece.content.preferred_span(grid.columns)) * a.rows * 0.5
            legs = a.rows - a.header_rows
            if a.body_lines and legs < 6:  # text spread too thin: a few lines across many columns
                cost += (6 - legs) * span * 3
            if legs > grid.rows * 0.6:  # a long narrow strip
                cost += (legs - grid.rows * 0.6) * span
    if has_lead:  # the lead story is the widest block on the page
        if spans[0] < max(spans) or spans[0] < min(grid.columns, 4):
            cost += 40 * grid.columns
    return cost + 2 * grid.columns  # a tier's rules and headline cost space: prefer fewer


# ---------------------------------------------------------------- pages


def share_rows(
    naturals: Sequence[int], minimums: Sequence[int], weights: Sequence[float], rows: int
) -> list[int]:
    """Heights for tiers that together need more than ``rows``: short tiers keep their
    natural height, long ones are capped at a common level (scaled by weight)."""
    low, high = 0.0, float(max(naturals))
    for _ in range(40):
        level = (low + high) / 2
        if sum(_capped(n, m, w, level) for n, m, w in zip(naturals, minimums, weights)) <= rows:
            low = level
        else:
            high = level
    heights = [_capped(n, m, w, low) for n, m, w in zip(naturals, minimums, weights)]
    spare = rows - sum(heights)
    for i in sorted(range(len(heights)), key=lambda i: -weights[i]):  # whole rows left by rounding
        grow = min(spare, naturals[i] - heights[i])
        heights[i] += grow
        spare -= grow
    return heights


def _capped(natural: int, minimum: int, weight: float, level: float) -> int:
    return min(natural, max(minimum, int(level * weight)))


class Planner:
    """Plans every PDF page of an issue from the contents of its model pages."""

    def __init__(self, grid: Grid):
        self.grid = grid
        self.measure = Measure(grid)
        self.pages: list[PlannedPage] = []

    def plan_model_page(self, page_index: int, contents: Sequence[Content], first: bool) -> list[PlannedPage]:
        queue = [Piece(c) for c in contents]
        continuation = 0
        made: list[PlannedPage] = []
        while queue or continuation == 0:
            masthead = first and continuation == 0
            rows = self.grid.rows - (self.grid.masthead_rows if masthead else 0)
            page = PlannedPage(page_index, continuation, rows, self.grid.columns, masthead)
            self.pages.append(page)
            made.append(page)
            before = _progress(queue)
            queue = self._fill(page, queue, share=continuation == 0 and not self.grid.flow)
            if queue and _progress(queue) == before and page.rows == self.grid.rows:
                article = queue[0].content.article_id
                raise WriterError(
                    f"part of the article does not fit on a page ({self.grid.rows} lines)",
                    Location(article=article),
                )
            continuation += 1
        return made

    def _fill(self, page: PlannedPage, queue: list[Piece], share: bool) -> list[Piece]:
        """Place tiers of ``queue`` on ``page``; return the pieces left for the next page."""
        measure = self.measure
        tiers = choose_tiers(queue, measure, lead=page.continuation == 0)
        naturals = [t.natural_rows(measure) for t in tiers]
        if share and sum(naturals) > page.rows:
            return self._fill_shared(page, tiers, naturals)
        row, left = 0, []
        for index, (tier, natural) in enumerate(zip(tiers, naturals)):
            room = page.rows - row
            if natural <= room:
                self._place(page, tier, row, natural)
                row += natural
                continue
            if tier.minimum_rows(measure) <= room or row == 0:  # a fresh page always takes something
                left += self._place(page, tier, row, room)
                index += 1
            for later in tiers[index:]:
                left += later.pieces
            break
        return left

    def _fill_shared(self, page: PlannedPage, tiers: list[Tier], naturals: list[int]) -> list[Piece]:
        """Every tier that can start on the page does, all sharing its height."""
        measure = self.measure
        minimums = [t.minimum_rows(measure) for t in tiers]
        kept = len(tiers)
        while kept > 1 and sum(minimums[:kept]) > page.rows:
            kept -= 1
        weights = [1.0] * kept
        heights = share_rows(naturals[:kept], minimums[:kept], weights, page.rows)
        row, left = 0, []
        for tier, height in zip(tiers[:kept], heights):
            left += self._place(page, tier, row, min(height, page.rows - row))
            row += height
        for tier in tiers[kept:]:
            left += tier.pieces
        return left

    def _place(self, page: PlannedPage, tier: Tier, row: int, rows: int) -> list[Piece]:
        """Put a tier's slots at ``row``, ``rows`` high; return, in reading order, the rests
        of cut articles and the stacked articles that did not get to start."""
        left: list[Piece] = []
        column = 0
        for slot, span in zip(tier.slots, tier.spans):
            top = row
            for index, piece in enumerate(slot):
                room = row + rows - top
                natural = self.measure.natural(piece, span)
                if natural.rows > room and (index > 0 and room < self.measure.minimum(piece, span)):
                    left += slot[index:]  # the rest of the stack waits for the next page
                    break
                shape = natural if natural.rows <= room else self.measure.cut(piece, span, room)
                block = self._block(page, piece, shape, column, top, room, (row, rows))
                if not block.ends:
                    left.append(Piece(piece.content, shape.rest, span, len(self.pages) - 1, block))
                top += block.rows
            column += span
        return left

    def _block(
        self,
        page: PlannedPage,
        piece: Piece,
        shape: Arrangement,
        column: int,
        row: int,
        room: int,
        tier: tuple[int, int],
    ) -> PlacedBlock:
        ends = not shape.rest
        block = PlacedBlock(
            article_id=piece.content.article_id,
            column=column,
            span=shape.span,
            row=row,
            rows=shape.rows if ends else room,
            header=shape.header,
            header_rows=shape.header_rows,
            columns=shape.columns,
            unit=piece.content.unit,
            starts=piece.starts,
            ends=ends,
            boxed=piece.content.pad_rows > 0,
            jump_in=None if self.grid.flow else piece.continued_from,
            tier=tier,
        )
        if piece.origin is not None and not self.grid.flow:
            piece.origin.jump_out = len(self.pages) - 1
        page.blocks.append(block)
        return block


def _progress(queue: Sequence[Piece]) -> tuple:
    return tuple(
        (id(p.content), len(p.items) if p.items is not None else -1, total_lines(p.items) if p.items else 0)
        for p in queue
    )


def plan_issue(grid: Grid, pages: Sequence[Sequence[Content]], start: int = 0) -> list[PlannedPage]:
    """Every PDF page: the model pages in order, each followed by its continuation pages.
    ``pages`` may be a part of the issue's, the first being model page ``start``:
    a model page is planned on its own, so parts can be planned apart."""
    planner = Planner(grid)
    for index, contents in enumerate(pages, start):
        planner.plan_model_page(index, contents, first=index == 0)
    return planner.pages
