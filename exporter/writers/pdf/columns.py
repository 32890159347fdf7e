"""Filling a block's columns with items, and balancing their bottoms.

Everything here counts lines of the block's grid: an item is a whole number
of lines tall (paragraphs are, and figures and subheads are padded to the
grid), so finding the balanced height of a block is arithmetic on line
counts, not trial typesetting.
"""

from __future__ import annotations

from math import ceil
from typing import NamedTuple, Protocol, Sequence


class Item(Protocol):
    """Something set in a column: a paragraph (or part of one), a subhead, a figure."""

    lines: int  # height in lines of the block's grid
    breakable: bool  # may be split between lines
    floating: bool  # a picture: may wait for the next column while text goes on
    keep_with_next: bool  # a subhead never ends a column
    furniture: bool  # jump lines and repeated headlines: not the article's text

    def split(self, lines: int) -> tuple["Item", "Item"] | None:
        """The first ``lines`` lines and the rest, or None if it cannot break there."""


class Fragment(NamedTuple):
    """An item placed in a column, ``line`` lines below the column's top."""

    item: Item
    line: int


Column = list[Fragment]


def fill_columns(items: Sequence[Item], count: int, height: int) -> tuple[list[Column], list[Item]]:
    """Pour ``items`` into ``count`` columns of ``height`` lines; return the columns and what is left."""
    return fill_heights(items, [height] * count)


def fill_heights(items: Sequence[Item], heights: Sequence[int]) -> tuple[list[Column], list[Item]]:
    """Pour ``items`` into columns of the given heights; return the columns and what is left.

    A floating item (a picture) that does not fit the rest of a column waits
    for the top of the next one while the text goes on filling this column,
    as newspapers place photos; one taller than a whole column goes to the rest.
    """
    queue = list(items)
    waiting: list[Item] = []  # floats for the top of the next column
    columns: list[Column] = []
    for height in heights:
        column: Column = []
        used = 0
        while waiting and waiting[0].lines <= height - used:
            column.append(Fragment(waiting[0], used))
            used += waiting.pop(0).lines
        while queue and used < height:
            item = queue[0]
            room = height - used
            if waiting and getattr(item, "floating", False):
                waiting.append(queue.pop(0))  # pictures keep their order among themselves
                continue
            if item.lines <= room:
                if item.keep_with_next and column and not _starts(queue[1:], room - item.lines):
                    break  # a subhead goes to the top of the next column with its text
                column.append(Fragment(item, used))
                used += item.lines
                queue.pop(0)
                continue
            parts = item.split(room) if item.breakable else None
            if parts is not None:
                first, rest = parts
                column.append(Fragment(first, used))
                used += first.lines
                queue[0] = rest
                break
            if getattr(item, "floating", False) and len(queue) > 1:
                waiting.append(queue.pop(0))  # the text after it fills this column first
                continue
            break
        columns.append(column)
    return columns, waiting + queue


def _starts(following: Sequence[Item], room: int) -> bool:
    """Whether the item after a keep-with-next item can show at least a line in ``room``."""
    if not following:
        return True
    nxt = following[0]
    return room > 0 and (nxt.lines <= room or (nxt.breakable and nxt.split(room) is not None))


def total_lines(items: Sequence[Item]) -> int:
    return sum(item.lines for item in items)


def balance(items: Sequence[Item], count: int, limit: int) -> tuple[list[Column], int, list[Item]]:
    """The lowest column height (at most ``limit``) that holds ``items`` in ``count`` columns.

    Returns the columns, their height and what did not fit within ``limit``.
    Starts from the average and grows a line at a time: figures and
    keep-with-next subheads may need a line or two more than the average.
    """
    if not items:
        return [[] for _ in range(count)], 0, []
    total = total_lines(items)
    tallest_whole = max((i.lines for i in items if not i.breakable), default=1)
    height = min(limit, max(tallest_whole, ceil(total / count)))
    short = height * count - total
    if 0 < short < count:  # the first columns a line longer than the others, if that works
        columns, rest = fill_heights(items, [height] * (count - short) + [height - 1] * short)
        if not rest:
            return columns, height, rest
    while True:
        columns, rest = fill_columns(items, count, height)
        if not rest or height >= limit:
            return columns, height, rest
        height += 1


def used_height(columns: Sequence[Column]) -> int:
    return max((f.line + f.item.lines for column in columns for f in column), default=0)
