"""Turning a paragraph's styled spans into measured atoms, once per paragraph.

The result, ``Prepared``, keeps parallel plain lists (one entry per atom), so
that line breaking for any column width is additions and bisections over
prefix sums, not per-character objects. Widths are in points.

Per atom: its kind (``exporter.typography.linebreak``), the span it belongs
to, its box width, the blank already removed on each side by pair
compression (§4), the Han-Latin gap after it (§5), how much more it can give
when a line must be squeezed and at which level, whether justification may
widen the junction after it, and the cost of a break after it. Per
character: the face that draws it.

Classifying is done on whole strings (``linebreak.atomize``); the junction
rules are found with patterns over the bytes of atom kinds, so Python only
loops over the few atoms that need something.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import repeat
from operator import is_not
from typing import Sequence

from ...typography import linebreak as lb
from ...typography import spacing as sp

EMERGENCY_PENALTY = 50.0  # breaking inside a word longer than the line

# box width in em by kind; None: measured from the font
_FIXED_EM = [sp.fixed_width(kind) for kind in range(12)]
# Patterns over the bytes of atom kinds (the junction rules are spacing's).
_WORDS = sp.WORD_AT
_PAIR_AC = sp.FIRST_MARK_BLANK
_PAIR_BB = sp.SECOND_MARK_BLANK
_CONNECTORS = sp.CONNECTOR_AT
_LATIN_RUN = sp.LATIN_JUNCTION
_SQUEEZABLE = re.compile(b"[\x01\x02\x03\x0a]")
_MEASURED = re.compile(b"[\x07\x09\x0a\x0b]")  # connectors, words, spaces, others: font widths


@dataclass
class Prepared:
    text: str
    starts: list[int]  # char offset of each atom
    ends: list[int]
    kinds: list[int]
    span_of: list[int]  # index into spans
    sizes: list[float]  # font size of each atom (pt)
    box: list[float]  # the atom's box with nothing removed (pt)
    cut_left: list[float]  # blank removed on the left by pair compression (pt)
    cut_right: list[float]
    gap_after: list[float]  # Han-Latin gap after the atom (pt)
    squeeze: list[float]  # what the atom's own blank (or space) can still give (pt)
    squeeze_level: list[int]  # -1: none
    penalty_after: list[float | None]  # break cost after the atom; None: forbidden; last: 0
    stretch_after: list[bool]  # may justification widen the junction after the atom?
    faces: list  # per character: the FontFace drawing it
    eff: list[float]  # the atom's width in running text: box - cuts + gap after (pt)
    tight: list[float]  # eff with everything squeezable removed (pt)
    gap_room: list[float]  # what the gap after the atom can give (pt)
    one_face: bool  # every character drawn with the same face
    run_stops: list[int] | None = None  # sorted: atoms after which a run ends (see _run_stops)
    runnable: bytes = b""  # 1 for atoms that may be drawn in a run
    codes: bytes = b""  # ``kinds`` as bytes, for patterns over them

    def __len__(self) -> int:
        return len(self.kinds)

    def count_letters(self, start: int, stop: int) -> int:
        """Han characters, Latin letters and digits in atoms [start, stop) (for 孤字)."""
        total = 0
        for k in range(start, stop):
            if self.kinds[k] == lb.HAN:
                total += 1
            elif self.kinds[k] in (lb.WORD, lb.OTHER):
                total += sum(1 for c in self.text[self.starts[k]:self.ends[k]] if c.isalnum())
        return total


def prepare(spans: Sequence, base_size: float, fonts) -> Prepared:
    """Measure ``spans`` (objects with ``text``, ``role``, ``size``) with ``fonts`` (PdfFonts)."""
    text = "".join(s.text for s in spans)
    atoms = lb.atomize(text)
    penalty = lb.penalties(text, atoms)
    starts, ends, kinds = atoms.starts, atoms.ends, atoms.kinds
    faces: list = []
    bounds: list[int] = []  # char offset where each span starts
    for span in spans:
        bounds.append(len(faces))
        faces.extend(_faces(fonts, span.role, span.text))
    n = len(kinds)
    firsts = atoms.firsts
    codes = atoms.codes
    if len(spans) > 1:
        _split_at_spans(starts, ends, kinds, penalty, bounds[1:])
        n = len(kinds)
        codes = bytes(kinds)
        firsts = "".join(map(text.__getitem__, starts))
        span_of = [bisect_right(bounds, s) - 1 for s in starts]
        sizes = [spans[i].size or base_size for i in span_of]
    else:
        span_of = [0] * n
        sizes = [(spans[0].size or base_size) if spans else base_size] * n
    if len(spans) > 1:
        box = [f * s if f is not None else 0.0 for f, s in zip(map(_FIXED_EM.__getitem__, kinds), sizes)]
    else:
        by_kind = [f * sizes[0] if f is not None else 0.0 for f in _FIXED_EM] if n else []
        box = list(map(by_kind.__getitem__, kinds))
    for m in _MEASURED.finditer(codes):
        k = m.start()
        box[k] = sizes[k] * sum(_advance(fonts, faces[i], text[i]) for i in range(starts[k], ends[k]))
    zeros = [0.0] * n
    p = Prepared(text, starts, ends, kinds, span_of, sizes, box, zeros[:], zeros[:], zeros[:],
                 zeros[:], [-1] * n, penalty, [True] * n, faces, box[:], [], zeros[:],
                 _one_face(faces), codes=codes)
    gaps, flat = _junctions(p, firsts)
    p.run_stops = _run_stops(p, len(spans) > 1, gaps, flat, fonts)
    return p




def _run_stops(p: Prepared, many_spans: bool, gaps: list[int], flat: list[int], fonts) -> list[int]:
    """Atoms after which a *run* must end. A run is a stretch of atoms each one
    em wide with nothing cut (Han characters, marks not compressed), drawn as
    one string. It ends before and after any other atom (a word, a compressed
    mark …), where the junction is not stretched, around a gap, and where the
    span or the face changes. Sets ``p.runnable``."""
    n = len(p.kinds)
    codes = bytearray(p.codes)
    for m in _PAIR_AC.finditer(codes):  # a compressed mark is no run member
        codes[m.start()] = lb.OTHER
    for m in _PAIR_BB.finditer(codes):
        codes[m.start() + 1] = lb.OTHER
    # the faces by identity (hashing a FontFace hashes all its fields)
    faces = {id(f): f for f in p.faces}.values() if not p.one_face else p.faces[:1]
    odd = set()
    for face in faces:  # marks drawn narrower than an em (proportional quotes) are placed one by one
        odd |= fonts.narrow_marks(face)
    if odd and not odd.isdisjoint(p.text):
        for m in _MARK.finditer(codes):
            if p.text[p.starts[m.start()]] in odd:
                codes[m.start()] = lb.OTHER
    p.runnable = codes.translate(_RUNNABLE)
    stops = {n - 1}
    for m in _NOT_RUNNABLE.finditer(codes):
        stops.add(m.start())
        stops.add(m.start() - 1)
    stops.update(flat)
    stops.update(gaps)
    stops.update(k - 1 for k in gaps)
    if many_spans or not p.one_face:
        faces, starts, span_of = p.faces, p.starts, p.span_of
        stops.update(k for k in range(n - 1)
                     if span_of[k] != span_of[k + 1] or faces[starts[k]] is not faces[starts[k + 1]])
    stops.discard(-1)
    return sorted(stops)


_RUNNABLE = bytes(1 if kind in (lb.HAN, lb.OPEN, lb.CLOSE, lb.PAUSE_MARK) else 0 for kind in range(256))
_NOT_RUNNABLE = re.compile(b"[^\x00-\x03]")
_MARK = re.compile(b"[\x01-\x03]")


def _one_face(faces: list) -> bool:
    """Is every character drawn with the same face? By identity, stopping at the first
    other face (comparing faces by value compares all their fields)."""
    return not faces or not any(map(is_not, faces, repeat(faces[0])))


def _faces(fonts, role: str, text: str) -> list:
    face = fonts.uniform_face(role, text)
    if face is not None:
        return [face] * len(text)
    table = fonts.role_faces(role)
    try:
        return list(map(table.__getitem__, text))
    except KeyError:
        return [table.get(c) or fonts.face_for(role, c) for c in text]


def _advance(fonts, face, char: str) -> float:
    try:
        return fonts.advance(face, char)
    except KeyError:
        if char.isspace() or char == "\u00a0":
            return fonts.advance(face, " ")
        return 0.0  # zero-width format characters (ZWSP, joiners) take no room


def _split_at_spans(starts, ends, kinds, penalty, cuts: list[int]) -> None:
    """Atoms cut where a style changes inside them; the pieces stay glued."""
    for cut in reversed(cuts):
        k = bisect_right(starts, cut) - 1
        if k < 0 or starts[k] == cut or ends[k] <= cut:
            continue
        starts.insert(k + 1, cut)
        ends.insert(k, cut)
        kinds.insert(k, kinds[k])
        penalty.insert(k, lb.FORBIDDEN)


def _junctions(p: Prepared, firsts: str) -> tuple[list[int], list[int]]:
    """Gaps, pair compression, stretchability and squeezes; returns the atoms
    followed by a gap and those whose junction is not stretched."""
    codes = p.codes
    n = len(codes)
    if not n:
        return [], []
    sizes, eff = p.sizes, p.eff
    gaps = []
    for m in _WORDS.finditer(codes):
        w = m.start()
        for k in (w - 1, w):  # the junctions on each side of the word
            if 0 <= k < n - 1 and codes[k if k < w else k + 1] == lb.HAN:
                size = min(sizes[k], sizes[k + 1])
                p.gap_after[k] = sp.HAN_LATIN_GAP * size
                p.gap_room[k] = (sp.HAN_LATIN_GAP - sp.HAN_LATIN_GAP_MIN) * size
                eff[k] += sp.HAN_LATIN_GAP * size
                gaps.append(k)
    for m in _PAIR_AC.finditer(codes):
        k = m.start()
        cut = p.cut_right[k] = sp.MARK_BLANK * sizes[k]
        eff[k] -= cut
    for m in _PAIR_BB.finditer(codes):
        k = m.start() + 1
        cut = p.cut_left[k] = sp.MARK_BLANK * sizes[k]
        eff[k] -= cut
    stretch = p.stretch_after
    flat = [m.start() for m in _LATIN_RUN.finditer(codes)]
    for m in _CONNECTORS.finditer(codes):
        flat.append(m.start())
        if m.start():
            flat.append(m.start() - 1)
    flat += lb.glued_junctions(codes, firsts)  # a mark on its base, joined characters: no spacing
    for k in flat:
        stretch[k] = False
    stretch[n - 1] = False
    _squeezes(p, codes, firsts)
    p.tight = tight = eff[:]  # less what can be squeezed: only marks and spaces can be
    squeeze = p.squeeze
    for m in _SQUEEZABLE.finditer(codes):
        k = m.start()
        if squeeze[k]:
            tight[k] -= squeeze[k]
    for k in gaps:
        tight[k] -= p.gap_room[k]
    return gaps, flat


def _squeezes(p: Prepared, codes: bytes, firsts: str) -> None:
    """What each mark's blank (and each space) can give when a line is squeezed."""
    kinds, sizes = p.kinds, p.sizes
    if p.sizes.count(p.sizes[0]) == len(p.sizes):
        half = sp.MARK_BLANK * sizes[0]
        p.squeeze = list(map([room * half for room in _ROOM_BY_KIND].__getitem__, kinds))
        p.squeeze_level = list(map(_LEVEL_BY_KIND.__getitem__, kinds))
        for m in _STOPS.finditer(firsts):
            k = m.start()
            if kinds[k] == lb.PAUSE_MARK:
                p.squeeze_level[k] = sp.SQUEEZE_STOPS
        for m in _PAIR_AC.finditer(codes):
            p.squeeze[m.start()] -= p.cut_right[m.start()]
        for m in _PAIR_BB.finditer(codes):
            p.squeeze[m.start() + 1] -= p.cut_left[m.start() + 1]
    else:
        for m in _SQUEEZABLE.finditer(codes):
            k = m.start()
            kind = kinds[k]
            cut = p.cut_left[k] if kind == lb.OPEN else p.cut_right[k]
            p.squeeze[k] = sp.MARK_BLANK * sizes[k] - cut
            p.squeeze_level[k] = sp.squeeze_level(kind, firsts[k])
    for m in _SPACES.finditer(codes):
        k = m.start()
        p.squeeze[k] = max(p.box[k] - sp.SPACE_MIN * sizes[k], 0.0)
        p.squeeze_level[k] = sp.SQUEEZE_SPACES
    if kinds[0] == lb.OPEN:  # a paragraph's opening mark keeps its place in the 2-em indent
        p.squeeze[0] = 0.0
    for m in _PAIRS.finditer(codes):  # fully compressed by their pair: nothing left
        for k in (m.start(), m.start() + 1):
            if p.squeeze[k] <= 0:
                p.squeeze[k] = 0.0
                p.squeeze_level[k] = -1
    if p.squeeze[0] <= 0:
        p.squeeze_level[0] = -1


_ROOM_BY_KIND = [1.0 if kind in sp.MARKS else 0.0 for kind in range(12)]  # in half-blanks
_LEVEL_BY_KIND = [sp.squeeze_level(kind, "，") if kind in sp.MARKS else -1 for kind in range(12)]
_STOPS = re.compile("[" + "".join(sorted(sp.STOP_LIKE)) + "]")
_SPACES = re.compile(b"\x0a")
_PAIRS = re.compile(b"[\x01\x02\x03](?=[\x01\x02\x03])")


def explode(p: Prepared, k: int, fonts) -> None:
    """Split atom ``k`` (a word wider than the line) into characters that may
    break anywhere, at a cost, preferring breaks after ``/ - . ? & _``."""
    chars = p.text[p.starts[k]:p.ends[k]]
    m = len(chars)
    if m < 2:
        return
    start = p.starts[k]
    size = p.sizes[k]
    last_penalty, last_gap, last_stretch = p.penalty_after[k], p.gap_after[k], p.stretch_after[k]
    replacement = {
        "starts": [start + i for i in range(m)],
        "ends": [start + i + 1 for i in range(m)],
        "kinds": [lb.OTHER] * m,
        "span_of": [p.span_of[k]] * m,
        "sizes": [size] * m,
        "box": [size * _advance(fonts, p.faces[start + i], c) for i, c in enumerate(chars)],
        "cut_left": [0.0] * m,
        "cut_right": [0.0] * m,
        "gap_after": [0.0] * (m - 1) + [last_gap],
        "squeeze": [0.0] * m,
        "squeeze_level": [-1] * m,
        "penalty_after": [
            EMERGENCY_PENALTY / 5 if c in "/-.?&_=" else EMERGENCY_PENALTY for c in chars[:-1]
        ] + [last_penalty],
        "stretch_after": [True] * (m - 1) + [last_stretch],
    }
    boxes = replacement["box"]
    replacement["eff"] = boxes[:-1] + [boxes[-1] + last_gap]
    replacement["gap_room"] = [0.0] * (m - 1) + [p.gap_room[k]]
    replacement["tight"] = boxes[:-1] + [boxes[-1] + last_gap - p.gap_room[k]]
    for name, values in replacement.items():
        getattr(p, name)[k:k + 1] = values
    p.one_face = _one_face(p.faces)
    p.codes = bytes(p.kinds)
    p.run_stops = _run_stops(p, True, [i for i, g in enumerate(p.gap_after) if g],
                             [i for i, ok in enumerate(p.stretch_after) if not ok], fonts)
