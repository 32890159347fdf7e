"""Greedy line filling for the few lines drawn on the cover image.

Break opportunities follow the typography specification §3 with the
character classes of ``typography.cjk``: no line starts with a closing or
pause mark, none ends with an opening mark, —— and …… stay whole, a
Latin word or a number is never split (unless it alone is wider than a line),
and combining marks and joined characters stay with their neighbours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...typography.cjk import (
    ATTACHED,
    INSEPARABLE_PAIRS,
    JOINING,
    LINE_END_PROHIBITED,
    LINE_START_PROHIBITED,
    is_cjk,
)

Measure = Callable[[str], float]
ELLIPSIS = "……"


def clusters(text: str) -> list[str]:
    """``text`` cut into pieces that a line break may never split."""
    out: list[str] = []
    for char in text:
        if out and _joins(out[-1], char):
            out[-1] += char
        elif char in LINE_START_PROHIBITED and len(out) > 1 and out[-1].isspace():
            # no break before a closing or pause mark even after a space (UAX #14, LB13)
            space = out.pop()
            out[-1] += space + char
        else:
            out.append(char)
    return out


def _joins(cluster: str, char: str) -> bool:
    last = cluster[-1]
    if char in ATTACHED or last in JOINING:  # a combining mark, a joiner … (UAX #14, LB8a, LB9, LB11)
        return True
    if cluster.rstrip()[-1:] in LINE_END_PROHIBITED:
        return True  # no break after an opening mark, even after a space (UAX #14, LB14)
    if char.isspace() or last.isspace():
        return False
    if last + char in INSEPARABLE_PAIRS or char in LINE_START_PROHIBITED or last in LINE_END_PROHIBITED:
        return True
    return not is_cjk(char) and not is_cjk(last)  # inside a Latin word, a number or a URL


@dataclass(frozen=True)
class Line:
    pieces: tuple[str, ...]
    width: float  # natural width
    last: bool  # the last line of its paragraph (never stretched)

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def wrap(text: str, width: float, measure: Measure, *, indent: float = 0.0) -> list[Line]:
    """Lines of at most ``width`` (the first ``indent`` narrower), spaces at line edges dropped.

    ``measure`` is additive: a text's width is its characters' widths plus a
    gap between some neighbours (Han and Latin), so a line's width grows piece
    by piece instead of being measured again whole (balancing wraps a title
    a dozen times)."""
    lines: list[Line] = []
    current: list[str] = []
    current_width = 0.0
    for piece in _fitting(clusters(text), width - indent, width, measure):
        limit = width - (indent if not lines else 0.0)
        # spacing between pieces (Han–Latin gaps) counts
        grown = current_width + _joined(current[-1], piece, measure) if current else measure(piece)
        if current and not piece.isspace() and grown > limit:
            lines.append(_line(current, measure, last=False))
            current = []
            grown = measure(piece)
        if not current and piece.isspace():
            continue
        current.append(piece)
        current_width = grown
    if current:
        lines.append(_line(current, measure, last=True))
    elif lines:
        lines[-1] = Line(lines[-1].pieces, lines[-1].width, True)
    return lines


def _joined(before: str, piece: str, measure: Measure) -> float:
    """What ``piece`` adds to a text ending with ``before``: its width and the gap between them."""
    a, b = before[-1], piece[0]
    return measure(piece) + measure(a + b) - measure(a) - measure(b)


def _fitting(pieces: list[str], first: float, width: float, measure: Measure) -> list[str]:
    """Pieces wider than a line split into characters, so every line fits."""
    out: list[str] = []
    for piece in pieces:
        if len(piece) > 1 and measure(piece) > min(first, width):
            out.extend(piece)
        else:
            out.append(piece)
    return out


def _line(pieces: list[str], measure: Measure, *, last: bool) -> Line:
    while pieces and pieces[-1].isspace():
        pieces = pieces[:-1]
    return Line(tuple(pieces), measure("".join(pieces)), last)


def truncate(lines: list[Line], count: int, width: float, measure: Measure) -> list[Line]:
    """At most ``count`` lines; a cut text ends with …… inside the last line."""
    if len(lines) <= count:
        return lines
    kept = list(lines[: count - 1])
    pieces = list(lines[count - 1].pieces)
    mark = measure(ELLIPSIS)
    while pieces and (measure("".join(pieces)) + mark > width or pieces[-1].isspace()
                      or pieces[-1][-1] in LINE_END_PROHIBITED):
        pieces.pop()
    pieces.append(ELLIPSIS)
    kept.append(Line(tuple(pieces), measure("".join(pieces)), True))
    return kept


def balanced(text: str, width: float, measure: Measure, max_lines: int) -> list[Line]:
    """Centred display lines of even length: the narrowest measure that
    still needs no more lines than ``width`` does (no short last line)."""
    lines = wrap(text, width, measure)
    if not 1 < len(lines) <= max_lines:
        return truncate(lines, max_lines, width, measure)
    low, high = max(line.width for line in lines) / len(lines), width
    for _ in range(12):
        middle = (low + high) / 2
        if len(wrap(text, middle, measure)) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap(text, high, measure)
