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



def _spans(*ranges: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(cp) for first, last in ranges for cp in range(first, last + 1))


# Format characters: they take no room and are never drawn. Joiners, the
# word joiner, the BOM, direction marks and invisible operators (text pasted
# from the web carries them); variation selectors (☎️, ideographic variants
# such as 葛󠄀), which ask for a variant a face may or may not have: without
# one, the base character is what a reader sees; the soft hyphen, where no
# line breaks (``ATTACHED``).
FORMAT_CHARACTERS = _spans(
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069),
    (0x180B, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF),
) | frozenset("\u00ad\u034f\ufeff")
# Characters that belong to the one before them: a line never breaks before
# them (UAX #14 LB7, LB9, LB11, LB30b). The format characters; combining marks
# (in the blocks Chinese text meets); emoji modifiers and tags. The soft
# hyphen is one: a break there would need a visible hyphen (§3), which no
# output draws.
ATTACHED = FORMAT_CHARACTERS | _spans(
    (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
    (0x302A, 0x302F), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F),
)
SOFT_HYPHEN = "\u00ad"
# Characters the next one belongs to: a line never breaks after them (LB8a,
# LB11): the zero-width joiner, the word joiners and the soft hyphen.
JOINING = frozenset("\u00ad\u200d\u2060\ufeff")


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
