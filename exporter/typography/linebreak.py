"""Where Chinese text may break into lines (typography specification §3).

``atomize`` cuts a paragraph into *atoms*: the pieces a line breaker moves as
a whole. An atom is one Han character or mark, a whole Latin word or number
with the signs that belong to it (``K303``, ``2580.2``, ``18.4%``, ``￥100``,
a URL), a ``——`` or ``……`` pair, or a space.

``penalties`` says what a break after each atom costs: ``FORBIDDEN`` (None)
for the line-start and line-end prohibitions of §3, a small cost where the
spec advises against a break (a number and its Han unit, a continuation line
starting with ``——``), else nothing. ``break_penalty`` answers the same for
one pair of neighbours.

The work is done on whole strings (``str.translate`` to class codes, regular
expressions over them), not character by character in Python: a daily issue
has 200,000 characters. This module knows no output format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cjk import (
    ATTACHED,
    CLOSING,
    CONNECTORS,
    INTERPUNCT_VARIANTS,
    JOINING,
    LINE_END_PROHIBITED,
    LINE_START_PROHIBITED,
    OPENING,
    PAUSE,
    SEPARATOR,
    is_han,
)

# Atom kinds. Small ints: kept in plain lists and in bytes for pattern matching.
HAN = 0  # a Han character or another ideographic, full-width letter
OPEN = 1  # class B
CLOSE = 2  # class C
PAUSE_MARK = 3  # class A
DASH_PAIR = 4  # —— (or ⸺)
ELLIPSIS_PAIR = 5  # …… (or ⋯⋯)
INTERPUNCT = 6  # class E
CONNECTOR = 7  # class F, a single —, ～ …
SEPARATOR_MARK = 8  # class G ／
WORD = 9  # a Latin word, a number, a URL, with attached signs
SPACE = 10
OTHER = 11  # any other single character (symbols, stray ASCII punctuation)

KIND_NAMES = (
    "han", "open", "close", "pause", "dash", "ellipsis", "interpunct",
    "connector", "separator", "word", "space", "other",
)

FORBIDDEN = None  # no break here, ever
NUMBER_UNIT_PENALTY = 1.0  # `82|个`: allowed, avoided when it costs nothing
DASH_START_PENALTY = 3.0  # a continuation line starting with —— or …… (advisory)

_LATIN = r"A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TOKEN = re.compile(
    # URLs and e-mail addresses (ASCII only, so a following Han ends them)
    r"(?P<url>(?:https?|ftp)://[\x21-\x7e]+"
    r"|www\.[A-Za-z0-9-]+(?:\.[\x21-\x7e]+)+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    # words and numbers: internal . , : ' ’ / - _ keep them whole (2580.2, 10:30,
    # HAW-4, it’s); prefix and suffix signs belong to the number (￥100, 18.4%)
    rf"|(?P<word>[￥¥$＄£￡€#＃]?(?:[-−+](?=[0-9]))?[{_LATIN}]+(?:[.,:'’/\-_][{_LATIN}]+)*[%％‰℃°′″]*)"
    # the inseparable pairs
    r"|(?P<dash>——|\u2e3a)|(?P<ellipsis>……|⋯⋯)"
)
_URL_TRAILING = ",.;:!?)'\""
_TOKEN_KIND = {"url": WORD, "word": WORD, "dash": DASH_PAIR, "ellipsis": ELLIPSIS_PAIR}


def char_kind(char: str) -> int:
    """The atom kind of a character standing alone."""
    if char in PAUSE:
        return PAUSE_MARK
    if char in OPENING:
        return OPEN
    if char in CLOSING:
        return CLOSE
    if char in INTERPUNCT_VARIANTS:
        return INTERPUNCT
    if char in CONNECTORS:
        return CONNECTOR
    if char in SEPARATOR:
        return SEPARATOR_MARK
    if char.isspace():
        return SPACE
    if is_han(char) or _is_ideographic(char):
        return HAN
    return OTHER


def _is_ideographic(char: str) -> bool:
    """Kana, bopomofo, CJK symbols and full-width forms: set like Han, one em each."""
    cp = ord(char)
    return (
        0x3040 <= cp <= 0x30FF or 0x3100 <= cp <= 0x31FF or 0x3200 <= cp <= 0x33FF
        or 0xFF01 <= cp <= 0xFF5E or 0x2E80 <= cp <= 0x2FDF
    )


_TOKEN_START_CHARS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-−￥¥$＄£￡€#＃—⸺…⋯"
    + "".join(chr(c) for c in range(0xC0, 0x250) if c not in (0xD7, 0xF7))
)
_TOKEN_START = re.compile("[" + re.escape(_TOKEN_START_CHARS) + "]")  # where a token may begin
_START_PROHIBITED = re.compile("[" + re.escape("".join(sorted(LINE_START_PROHIBITED))) + "]")
_END_PROHIBITED = re.compile("[" + re.escape("".join(sorted(LINE_END_PROHIBITED))) + "]")


@dataclass
class Atoms:
    """Parallel lists, one entry per atom, and each atom's first and last characters."""

    starts: list[int]
    ends: list[int]
    kinds: list[int]
    firsts: str
    lasts: str
    codes: bytes = b""  # the kinds as bytes, for patterns over them

    def __len__(self) -> int:
        return len(self.kinds)


def atomize(text: str) -> Atoms:
    """The atoms of ``text``, in order, covering every character exactly once.

    Tokens (words, numbers, URLs, the pairs) are found by one scan of the
    whole text; every character between them is an atom of its own, its kind
    read from a table by ``str.translate``. Python loops over tokens only."""
    starts: list[int] = []
    kinds = bytearray()
    firsts: list[str] = []
    lasts: list[str] = []
    codes = text.translate(_KIND_CODES).encode("latin-1")
    pos = 0
    candidate = _TOKEN_START.search
    token_at = _TOKEN.match
    start = candidate(text)
    while start is not None:
        found = token_at(text, start.start())
        if found is None:  # a character that may start a token but does not: an atom alone
            start = candidate(text, start.start() + 1)
            continue
        at, end = found.span()
        group = found.lastgroup
        if group == "url":  # sentence punctuation after a URL is not part of it
            end = at + len(found.group().rstrip(_URL_TRAILING))
        if at > pos:  # single characters up to the token
            starts.extend(range(pos, at))
            kinds += codes[pos:at]
            firsts.append(text[pos:at])
            lasts.append(text[pos:at])
        starts.append(at)
        kinds.append(_TOKEN_KIND[group])
        firsts.append(text[at])
        lasts.append(text[end - 1])
        pos = end
        start = candidate(text, pos)
    if pos < len(text):
        starts.extend(range(pos, len(text)))
        kinds += codes[pos:]
        firsts.append(text[pos:])
        lasts.append(text[pos:])
    ends = starts[1:] + [len(text)]
    return Atoms(starts, ends, list(kinds), "".join(firsts), "".join(lasts), bytes(kinds))


class _KindCodes(dict):
    """Code point -> its atom kind as a one-character string, for ``str.translate``."""

    def __missing__(self, cp: int) -> str:
        value = self[cp] = chr(char_kind(chr(cp)))
        return value


_KIND_CODES = _KindCodes()


_SPACES = re.compile(b"\x0a")
_PAIRS = re.compile(b"[\x04\x05]")
_NUMBER_UNIT = re.compile(b"(?=\x09\x00)")
_NUMBER = re.compile(r"[^A-Za-z\u00c0-\u024f]*[0-9][^A-Za-z\u00c0-\u024f]*")
_NOT_AFTER = (WORD, DASH_PAIR, ELLIPSIS_PAIR)
_OTHERS = re.compile(b"\x0b")


def penalties(text: str, atoms: Atoms) -> list[float | None]:
    """``out[k]``: the cost of a line break after atom ``k`` (the last: 0)."""
    n = len(atoms)
    out: list[float | None] = [0.0] * n
    if n == 0:
        return out
    kinds = atoms.kinds
    codes = atoms.codes or bytes(kinds)
    for m in _PAIRS.finditer(codes, 1):  # a line starting with —— or …… (advisory)
        out[m.start() - 1] = DASH_START_PENALTY
    for m in _START_PROHIBITED.finditer(atoms.firsts):
        k = m.start()
        if k and kinds[k] not in _NOT_AFTER:
            out[k - 1] = FORBIDDEN
    for m in _END_PROHIBITED.finditer(atoms.lasts):
        k = m.start()
        if kinds[k] != WORD:
            out[k] = FORBIDDEN
    for m in _SPACES.finditer(codes, 1):  # a space stays at the end of its line
        out[m.start() - 1] = FORBIDDEN
    for k in glued_junctions(codes, atoms.firsts):  # a combining mark, a joiner …: with its neighbour
        out[k] = FORBIDDEN
    for m in _NUMBER_UNIT.finditer(codes):  # `82|个`: allowed, avoided
        k = m.start()
        if out[k] is not None and _NUMBER.fullmatch(text, atoms.starts[k], atoms.ends[k]):
            out[k] = NUMBER_UNIT_PENALTY
    out[n - 1] = 0.0
    return out


def glued_junctions(codes: bytes, firsts: str) -> list[int]:
    """The atoms ``k`` whose junction with atom ``k + 1`` is no break and no gap:
    the next atom is ``ATTACHED`` (a combining mark, a variation selector …) or
    atom ``k`` is ``JOINING`` (a zero-width joiner …). ``codes`` are the atoms'
    kinds, ``firsts`` their first characters. Such characters are atoms of kind
    OTHER, which are rare: only those atoms are looked at."""
    glued = []
    last = len(codes) - 1
    for m in _OTHERS.finditer(codes):
        k = m.start()
        char = firsts[k]
        if k and char in ATTACHED:
            glued.append(k - 1)
        if k < last and char in JOINING:
            glued.append(k)
    return glued


def break_penalty(text: str, index: int) -> float | None:
    """The cost of a line break between ``text[:index]`` and ``text[index:]``;
    ``FORBIDDEN`` (None) inside an atom or where §3 forbids it."""
    atoms = atomize(text)
    if index <= 0 or index >= len(text):
        return 0.0
    try:
        k = atoms.starts.index(index)
    except ValueError:
        return FORBIDDEN
    return penalties(text, atoms)[k - 1]
