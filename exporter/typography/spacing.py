"""How much room Chinese marks take and what goes between atoms (spec §4-§6).

All amounts are in em. The rules, format-neutral:

* a class A, B or C mark sits in a one-em box; its *blank* half (right for
  A and C, left for B, with GB-style glyphs) may be removed ("compressed");
* ``junction`` is what lies between two neighbouring atoms: the ¼-em gap
  between Han and Latin/digits (§5), or minus ½ em where two marks meet with
  a full em of blank between their inks (§4 ``punct_pair_not_compressed``);
* ``——`` and ``……`` take exactly two em, ``·`` and ``／`` half an em;
* squeezing (push-in) follows clreq's order, never below ½ em per mark.
"""

from __future__ import annotations

import re

from .linebreak import (
    CLOSE,
    CONNECTOR,
    DASH_PAIR,
    ELLIPSIS_PAIR,
    HAN,
    INTERPUNCT,
    OPEN,
    PAUSE_MARK,
    SEPARATOR_MARK,
    SPACE,
    WORD,
)

HAN_LATIN_GAP = 0.25  # §5: xeCJK CJKecglue, Typst cjk-latin-spacing
HAN_LATIN_GAP_MIN = 0.125  # §4 squeeze limit
MARK_BLANK = 0.5  # the removable half of a full-width mark
PAIR_WIDTH = 2.0  # —— and ……
HALF_BOX = 0.5  # · and ／
SPACE_MIN = 0.25  # a word space squeezed at most to ¼ em

MARKS = frozenset((OPEN, CLOSE, PAUSE_MARK))
# marks whose blank is on the right (A and C): they compress at a line end
BLANK_RIGHT = frozenset((CLOSE, PAUSE_MARK))

# Squeeze levels, in clreq's order; each gives back at most the amounts below.
SQUEEZE_SPACES, SQUEEZE_BRACKETS, SQUEEZE_COMMAS, SQUEEZE_GAPS, SQUEEZE_STOPS = range(5)
COMMA_LIKE = frozenset("，、；：")
STOP_LIKE = frozenset("。？！．")


def fixed_width(kind: int) -> float | None:
    """The box width of an atom kind that does not depend on its font, or None."""
    if kind in MARKS or kind == HAN:
        return 1.0
    if kind in (DASH_PAIR, ELLIPSIS_PAIR):
        return PAIR_WIDTH
    if kind in (INTERPUNCT, SEPARATOR_MARK):
        return HALF_BOX
    return None


# The same rules as patterns over a bytes string of atom kinds (one byte per
# atom), for typesetters that apply them to a whole paragraph at once. Each
# pattern starts with a rare kind, so that scanning skips runs of Han fast;
# ``tests/typography`` checks them against ``junction`` and ``stretchable``.
WORD_AT = re.compile(b"\x09")  # a word: the ¼-em gap on each side where Han is
FIRST_MARK_BLANK = re.compile(b"[\x02\x03](?=[\x01\x02\x03])")  # 。” ，“ ”、: the first's blank goes
SECOND_MARK_BLANK = re.compile(b"\x01(?=\x01)")  # （“: the second's blank goes (match + 1)
CONNECTOR_AT = re.compile(b"\x07")  # no stretch on either side of a connector
LATIN_JUNCTION = re.compile(b"[\x09\x0b](?=[\x09\x0a\x0b])")  # no stretch inside Latin text


def junction(before: int, after: int) -> float:
    """What lies between two neighbouring atoms of these kinds, in em:
    a positive gap, a negative compression, or zero."""
    if (before == HAN and after == WORD) or (before == WORD and after == HAN):
        return HAN_LATIN_GAP
    if before in BLANK_RIGHT and after in MARKS:
        return -MARK_BLANK  # the first mark's right blank goes
    if before == OPEN and after == OPEN:
        return -MARK_BLANK  # the second opening mark's left blank goes
    return 0.0


# kinds set on the em grid: justification spreads space between them
_GRID = frozenset((HAN, OPEN, CLOSE, PAUSE_MARK, DASH_PAIR, ELLIPSIS_PAIR, INTERPUNCT, SEPARATOR_MARK))


def stretchable(before: int, after: int) -> bool:
    """May justification add space between these neighbours (§6)? Between
    Chinese characters and marks, and after a space; not next to a connector
    (``1949—1986``), and not between a Latin word and its own punctuation.
    Inside words and pairs there is no junction at all."""
    if before == CONNECTOR or after == CONNECTOR:
        return False
    return before == SPACE or before in _GRID or after in _GRID


def squeeze_level(kind: int, char: str) -> int | None:
    """Which squeeze level can take the blank of this atom (a mark), if any."""
    if kind == OPEN or kind == CLOSE:
        return SQUEEZE_BRACKETS
    if kind == PAUSE_MARK:
        return SQUEEZE_STOPS if char in STOP_LIKE else SQUEEZE_COMMAS
    if kind == SPACE:
        return SQUEEZE_SPACES
    return None
