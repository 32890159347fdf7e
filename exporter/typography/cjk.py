"""Character classes of Chinese text, from the typography specification §2.

The single source of truth for "is this a pause mark, an opening bracket, a
Han character …": the normaliser, the line breaker and every writer ask here.
"""

from __future__ import annotations

# A  pause/stop marks (点号)
PAUSE = frozenset("、，。．：；！？")
# B  opening marks
OPENING = frozenset("“‘（《〈「『【〔〖［｛")
# C  closing marks
CLOSING = frozenset("”’）》〉」』】〕〗］｝")
# D  inseparable marks (as pairs): the 破折号 and the 省略号
DASH = "\u2014"
TWO_EM_DASH = "\u2e3a"
ELLIPSIS = "\u2026"
MIDLINE_ELLIPSIS = "\u22ef"
INSEPARABLE_PAIRS = ("——", "……", "⋯⋯")
# E  interpunct (间隔号) and its look-alikes
INTERPUNCT = "\u00b7"
INTERPUNCT_VARIANTS = frozenset("\u00b7\u30fb\u2027")
# F  connectors
CONNECTORS = frozenset("\u2014\uff5e\u301c\u2013\u2010")
# G  separator
SEPARATOR = frozenset("／")
# H  prefix signs, I  suffix signs
PREFIX_SIGNS = frozenset("￥¥$＄£￡€#＃")
SUFFIX_SIGNS = frozenset("%％‰℃°′″")

FULLWIDTH_MARKS = PAUSE | OPENING | CLOSING | SEPARATOR | frozenset("—…⋯～·・‧")

# Line-start and line-end prohibitions (§3), as sets of single characters.
# A single connector dash may not start a line; the pair —— may (see linebreak).
LINE_START_PROHIBITED = (
    PAUSE | CLOSING | INTERPUNCT_VARIANTS | CONNECTORS | SEPARATOR | SUFFIX_SIGNS
    | frozenset("々〃,.;:!?)]}")
)
LINE_END_PROHIBITED = OPENING | SEPARATOR | PREFIX_SIGNS | frozenset("([{")


def is_han(char: str) -> bool:
    """Class J: CJK ideographs (with extensions), 〇, 々 and 〃."""
    cp = ord(char)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3134F
        or 0xF900 <= cp <= 0xFAFF
        or char in "〇々〃"
    )


def is_latin(char: str) -> bool:
    """Class K: ASCII letters and digits, and Latin-1 letters."""
    cp = ord(char)
    return (
        char.isascii() and char.isalnum()
    ) or (0xC0 <= cp <= 0x24F and cp not in (0xD7, 0xF7))


def is_fullwidth_mark(char: str) -> bool:
    return char in FULLWIDTH_MARKS


def is_cjk(char: str) -> bool:
    """Han or a full-width mark: text that makes ASCII punctuation next to it wrong."""
    return is_han(char) or char in FULLWIDTH_MARKS


def is_compressible(char: str) -> bool:
    """Marks whose em box has a blank half that compression may remove (A, B, C)."""
    return char in PAUSE or char in OPENING or char in CLOSING
