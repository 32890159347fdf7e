"""Writing a set line as PDF text operators.

``TextWriter.line`` walks the line's atoms once and writes one ``TJ`` array
per line and font. Marks are drawn inside their boxes, possibly compressed;
``——`` as two dashes scaled to one em each so that they join into one 2-em
rule; ``……`` as two ellipses at one-em pitch; ``·`` and ``／`` centred in
half an em; a space at a line end takes no room but is kept for copying.

Justification stretch is the line's ``Tc`` (character spacing). Fixed amounts
(a Han-Latin gap, a mark's removed blank) are folded into the advance of the
glyph before them through width variants (``fonts.EmbeddedFont.code``), and
so is any gap after a Latin glyph or a General Punctuation mark (“ ” …):
text extraction then sees neighbouring glyphs touching, never a gap it would
read as a space. What is left are small ``TJ`` corrections.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ...typography import linebreak as lb
from ...typography import spacing as sp
from .typeset_break import NO_SQUEEZE, Line
from .typeset_prepare import Prepared

UNITS = 1000.0
UNITS_INT = 1000
DASH_OVERLAP = 0.02  # em: neighbouring dashes overlap a hair so no seam shows
LATIN_GAP_LIMIT = 0.08  # em: a larger gap after a Latin glyph goes into its advance
EXACT = 0.001  # points: closer than this needs no correction

HAN, OPEN, CLOSE, PAUSE_MARK = lb.HAN, lb.OPEN, lb.CLOSE, lb.PAUSE_MARK
WORD, SPACE, OTHER, CONNECTOR = lb.WORD, lb.SPACE, lb.OTHER, lb.CONNECTOR
DASH_PAIR, ELLIPSIS_PAIR = lb.DASH_PAIR, lb.ELLIPSIS_PAIR
_NOT_HAN = re.compile(b"[^\x00]")


def gap_count(p: Prepared, line: Line) -> int:
    """The junctions of ``line`` that justification widens."""
    return sum(p.stretch_after[line.start:line.end - 1])


class TextWriter:
    """Collects the text operators of one flowable's lines (one text object)."""

    def __init__(self, fonts, doc):
        self.fonts = fonts
        self.doc = doc
        self.ops: list[str] = ["BT"]
        self._font = None
        self._size = None
        self._color = None
        self._tc = 0.0
        self._tz = 1.0
        self._embedded: dict = {}
        self._origin: tuple[float, float] | None = None
        self._tables: dict[int, tuple[dict, dict, dict, dict]] = {}  # see _font_tables
        self._moves: dict[tuple[float, float], str] = {}

    def _font_of(self, face):
        found = self._embedded.get(id(face))
        if found is None or found[0] is not face:
            found = self._embedded[id(face)] = (face, self.fonts.embedded(face))
        return found[1]

    def _select(self, face, size: float, h: float, color: str, arr: list[str]):
        """Switch font, size, scaling or colour; returns the font and the fresh TJ array."""
        font = self._font_of(face)
        if font is self._font and size == self._size and h == self._tz and color == self._color:
            return font, arr
        ops = self.ops
        if arr:
            ops.append(_tj(arr))
            arr = []
        if font is not self._font or size != self._size:
            ops.append(f"{font.internal_name(self.doc)} {_n(size)} Tf")
            self._font, self._size = font, size
        if h != self._tz:
            ops.append(f"{_n(h * 100)} Tz")
            self._tz = h
        if color != self._color:
            ops.append(_rgb(color))
            self._color = color
        return font, arr

    def paragraph(self, p: Prepared, lines, left: float, y: float, leading: float, align: str,
                  colors) -> None:
        """Draw ``lines`` of ``p``, the first baseline at ``y``, one ``leading`` apart:
        justified lines spread to their measure, the others placed by ``align``.

        A line that is one run of one-em glyphs in the current font (most body
        lines) is written here directly; any other goes through ``line``."""
        runnable, gap_after, kinds, stops = p.runnable, p.gap_after, p.kinds, p.run_stops
        starts, faces, text, sizes, span_of = p.starts, p.faces, p.text, p.sizes, p.span_of
        ops = self.ops
        doc = self.doc
        plain = None  # the current font's glyph codes without brackets
        for line in lines:
            x = 0.0
            if line.justified:
                stretch = line.stretch if line.stretch > 0 else 0.0
            else:
                stretch = 0.0
                if align == "center":
                    x = (line.width - natural_width(p, line)) / 2
                elif align == "right":
                    x = line.width - natural_width(p, line)
            s, last = line.start, line.end - 1
            start = starts[s]
            size = sizes[s]
            face = faces[start]
            kind = kinds[last]
            # a run to the end, or to a mark ending the line (set alone: it loses its blank)
            end_mark = kind == CLOSE or kind == PAUSE_MARK
            run_end = last - 1 if end_mark else last
            if (line.trim or line.squeeze is not NO_SQUEEZE or not runnable[s]
                    or run_end < s or (s < last and gap_after[s])
                    or stops[bisect_left(stops, s)] < run_end
                    or (end_mark and (faces[starts[last]] is not face or sizes[last] != size
                                      or span_of[last] != span_of[s]))):
                self.line(p, line, left + x, y, stretch, colors)
                plain = None
                y -= leading
                continue
            # the same operators ``line`` would write for these glyphs
            color = colors[span_of[s]]
            switch = face is not self._face or size != self._size or self._tz != 1.0 or color != self._color
            font = self._font_of(face) if switch else self._font
            chars = text[start:starts[run_end] + 1]
            if plain is None or switch:
                plain = font.plain_codes(doc)
            codes = chars.translate(plain)
            if len(codes) != 4 * len(chars):  # a glyph of another width, or shared by several characters
                self.line(p, line, left + x, y, stretch, colors)
                y -= leading
                continue
            shift = ""
            gx = 0.0
            offset = line.x0
            if offset > EXACT or offset < -EXACT:
                moved = round(offset * UNITS / size)
                if moved:
                    shift = str(-moved)
                gx = 0.0 + moved * size * 1.0 / UNITS
            if end_mark:
                codes += self._end_mark(p, line, font, size, stretch, gx + len(chars) * (size + stretch))
            self._start_line(left + x, y, stretch)
            if switch:  # the first line of the text, or another font: as ``line`` selects it
                self._select(face, size, 1.0, color, [])
                self._face = face
            ops.append(f"[{shift}<{codes}>] TJ")
            y -= leading

    def _start_line(self, x0: float, y: float, stretch: float) -> None:
        """Move to a line's start and set its character spacing (Tc)."""
        ops = self.ops
        if self._origin is None:
            ops.append(f"1 0 0 1 {_n(x0)} {_n(y)} Tm")
        else:  # relative to the last line's start: most lines move by one leading
            key = (x0 - self._origin[0], y - self._origin[1])
            move = self._moves.get(key)
            if move is None:
                move = self._moves[key] = f"{_n(key[0])} {_n(key[1])} Td"
            ops.append(move)
        self._origin = (x0, y)
        if stretch != self._tc:
            ops.append(f"{_n(stretch)} Tc")
            self._tc = stretch

    def _end_mark(self, p: Prepared, line: Line, font, size: float, stretch: float, pen: float) -> str:
        """The codes of a line's final mark after a run ending at ``pen``: placed
        and narrowed as ``_glyphs`` and ``line`` do ('>' and '<' where a move comes between)."""
        last = line.end - 1
        x = line.x0 + (last - line.start) * (p.box[line.start] + stretch)
        if not p.stretch_after[last - 1]:
            x -= stretch
        cl, cr = p.cut_left[last], sp.MARK_BLANK * size
        char = p.text[p.starts[last]]
        adv = font.advances[char] * size
        origin = x - cl + 0.0
        fold = x + size - cl - cr + 0.0 - (origin + adv)
        shift = ""
        diff = origin - pen
        if diff > EXACT or diff < -EXACT:
            move = round(diff * UNITS / (size * 1.0))
            if move:
                shift = f">{-move}<"
        natural = font.char_widths.get(char)
        if natural is None:
            natural = font.glyph_widths[0]
        width = natural
        if fold:
            width = round(natural + fold * UNITS / (size * 1.0))
        if width == natural:
            code = font.hexmap(self.doc).get(char) or font.code_tag(self.doc, char)
        else:
            code = font.code_tag(self.doc, char, width)
        return shift + code[1:-1]

    def line(self, p: Prepared, line: Line, x0: float, y: float, stretch: float, colors) -> None:
        """Draw ``line`` of ``p`` with its left edge at ``x0`` and baseline at ``y``,
        adding ``stretch`` at each widened junction; ``colors[span]`` fill colours."""
        ops = self.ops
        self._start_line(x0, y, stretch)
        tc = stretch
        arr: list[str] = []
        doc = self.doc
        pen = 0.0
        # the current font, size, scaling and colour, kept in locals for the loop
        cur_face, cur_size, cur_h, cur_color = self._face, self._size, self._tz, self._color
        font = self._font
        if font is not None:
            hexmap, widths, tags, plain = self._font_tables(font)
        glyphs = _one_run(p, line) or self._glyphs(p, line, stretch)
        count = len(glyphs)
        for i in range(count):
            face, char, gx, h, fold, size, span = glyphs[i]
            scale = h or 1.0
            color = colors[span]
            if face is not cur_face or size != cur_size or scale != cur_h or color != cur_color:
                font, arr = self._select(face, size, scale, color, arr)
                cur_face, cur_size, cur_h, cur_color = face, size, scale, color
                hexmap, widths, tags, plain = self._font_tables(font)
            diff = gx - pen
            if diff > EXACT or diff < -EXACT:
                move = round(diff * UNITS / (size * scale))
                if move:
                    arr.append(str(-move))
                gx = pen + move * size * scale / UNITS  # where the glyph really goes
            else:
                gx = pen
            if not h:  # a run of Han characters, one em plus Tc each
                codes = char.translate(plain)
                if len(codes) == 4 * len(char):
                    arr.append("<" + codes + ">")
                else:
                    if font.em_chars.issuperset(char):  # a glyph shared by several characters
                        arr.append("".join(hexmap.get(c) or font.code_tag(doc, c) for c in char))
                    else:  # a glyph of another width among them: keep each on the em grid
                        arr.extend(font.code_tag(doc, c, UNITS_INT) for c in char)
                pen = gx + len(char) * (size + tc)
                continue
            natural = widths.get(char)
            if natural is None:
                natural = font.glyph_widths[0]
            width = natural
            if fold:
                width = round(natural + fold * UNITS / (size * h))
            if char < "\u2e80" and i + 1 < count:
                # Readers take a gap of 0.15 em after a Latin glyph or a General
                # Punctuation mark for a space: fold the whole gap, Tc included,
                # into the advance, in steps of 0.01 em to keep variants few.
                target = glyphs[i + 1][2]
                if target - (gx + width / UNITS * size * h) > LATIN_GAP_LIMIT * size:
                    width = int(round((target - gx) / h * UNITS / size, -1))
            if width == natural:
                code = hexmap.get(char) or font.code_tag(doc, char)
            else:
                code = tags.get((char, width)) or font.code_tag(doc, char, width)
            arr.append(code)
            pen = gx + (width / UNITS * size + tc) * h
        self._face = cur_face
        if arr:
            ops.append(_tj(arr))

    _face = None

    def _font_tables(self, font) -> tuple[dict, dict, dict, dict]:
        """The font's codes by character, natural widths, variant codes and one-em
        codes without brackets (for this document)."""
        found = self._tables.get(id(font))
        if found is None:
            doc = self.doc
            found = self._tables[id(font)] = (font.hexmap(doc), font.char_widths, font.state(doc).tags,
                                              font.plain_codes(doc))
        return found

    def _glyphs(self, p: Prepared, line: Line, stretch: float) -> list[tuple]:
        """(face, char, x, hscale, fold, size, span) for each glyph of ``line``,
        ``x`` from the line's left edge with justification, ``fold`` the points
        to add to the glyph's advance to reach the next box."""
        kinds, sizes, starts, ends, text = p.kinds, p.sizes, p.starts, p.ends, p.text
        faces, span_of, boxes = p.faces, p.span_of, p.box
        cut_left, cut_right, gaps_after, stretch_after = p.cut_left, p.cut_right, p.gap_after, p.stretch_after
        s, e = line.start, line.end
        last = e - 1
        shares = line.squeeze
        squeezed = any(shares)
        fonts = self.fonts
        out = []
        append = out.append
        x = line.x0
        stops = p.run_stops
        runnable = p.runnable
        # in a squeezed line only Han characters are sure to keep their em: runs are of them
        others = _NOT_HAN.search if squeezed else None
        line_kinds = bytes(kinds[s:e]) if squeezed else b""
        k = s - 1
        while k < last:
            k += 1
            kind = kinds[k]
            start = starts[k]
            size = sizes[k]
            box = boxes[k]
            gap = gaps_after[k] if k < last else 0.0
            if not gap and (kind == HAN if squeezed else runnable[k]) and not (k == s and line.trim):
                # a run of one-em atoms with nothing cut, each one em plus the line's
                # Tc: drawn as one string (h = 0 marks a run)
                j = stops[bisect_left(stops, k)]
                if others is not None:
                    found = others(line_kinds, k - s)
                    if found is not None and s + found.start() - 1 < j:
                        j = s + found.start() - 1
                if j >= last:
                    j = last
                    if kinds[j] == CLOSE or kinds[j] == PAUSE_MARK:
                        j -= 1  # a mark ending the line loses its blank: set alone
                if j >= k:
                    append((faces[start], text[start:starts[j] + 1], x, 0.0, 0.0, size, span_of[k]))
                    x += (j - k + 1) * (box + stretch)
                    if not (j < last and stretch_after[j]):
                        x -= stretch
                    k = j
                    continue
            cl, cr = cut_left[k], cut_right[k]
            if squeezed:
                level = p.squeeze_level[k]
                if level >= 0 and shares[level]:
                    amount = p.squeeze[k] * shares[level]
                    if kind == OPEN:
                        cl += amount
                    elif kind == SPACE:
                        box -= amount
                    else:
                        cr += amount
                if gap and shares[sp.SQUEEZE_GAPS]:
                    gap -= (gap - sp.HAN_LATIN_GAP_MIN * size) * shares[sp.SQUEEZE_GAPS]
            if k == last and (kind == CLOSE or kind == PAUSE_MARK):
                cr = sp.MARK_BLANK * size
            if k == s and line.trim:
                cl = sp.MARK_BLANK * size
            face = faces[start]
            span = span_of[k]
            char = text[start]
            if kind == HAN or kind == OTHER or kind == CONNECTOR:
                append((face, char, x, 1.0, gap, size, span))
            elif kind == OPEN or kind == CLOSE or kind == PAUSE_MARK:
                adv = self._font_of(face).advances[char] * size
                # GB-style: an opening mark's ink at the right of its em, the others' at the left
                origin = x - cl + (size - adv if kind == OPEN else 0.0)
                append((face, char, origin, 1.0, x + size - cl - cr + gap - (origin + adv), size, span))
            elif kind == WORD:
                cx = x
                for i in range(start, ends[k]):
                    c = text[i]
                    append((faces[i], c, cx, 1.0, gap if i == ends[k] - 1 else 0.0, size, span))
                    cx += self._font_of(faces[i]).advances[c] * size
            elif kind == DASH_PAIR or kind == ELLIPSIS_PAIR:
                pitch = box / (ends[k] - start)
                for i in range(start, ends[k]):
                    _scaled(append, fonts, faces[i], text[i], x + (i - start) * pitch, pitch, size, span,
                            kind == DASH_PAIR, gap if i == ends[k] - 1 else 0.0)
            elif kind == SPACE:
                char = "\u3000" if char == "\u3000" else " "
                adv = self._font_of(face).advances[char] * size
                if k == last:  # kept for copying text, but taking no room
                    append((face, char, x, 1.0, -adv, size, span))
                    break
                append((face, char, x, 1.0, box - adv + gap, size, span))
            else:  # interpunct, separator: centred in half an em
                adv = self._font_of(face).advances[char] * size
                append((face, char, x + (box - adv) / 2, 1.0, (box - adv) / 2 + gap, size, span))
            x += box - cl - cr + gap
            if k < last and stretch_after[k]:
                x += stretch
        return out

    def finish(self) -> str:
        if self._tz != 1.0:
            self.ops.append("100 Tz")
        if self._tc:
            self.ops.append("0 Tc")
        self.ops.append("ET")
        return "\n".join(self.ops)


def _one_run(p: Prepared, line: Line) -> list[tuple] | None:
    """The glyphs of a line that is one run from end to end (most lines of a
    body column: Han characters only, or ending with one), as ``_glyphs`` would
    give them; None for any other line."""
    s, last = line.start, line.end - 1
    if line.trim or line.squeeze is not NO_SQUEEZE or not p.runnable[s] or (s < last and p.gap_after[s]):
        return None
    kind = p.kinds[last]
    if kind == CLOSE or kind == PAUSE_MARK:
        return None  # the mark ending the line loses its blank: set alone
    stops = p.run_stops
    if stops[bisect_left(stops, s)] < last:
        return None
    start = p.starts[s]
    return [(p.faces[start], p.text[start:p.starts[last] + 1], line.x0, 0.0, 0.0, p.sizes[s], p.span_of[s])]


def natural_width(p: Prepared, line: Line) -> float:
    """The width the line's boxes take before justification (a squeezed line: its measure)."""
    return min(line.natural, line.width) if any(line.squeeze) else line.natural


def _scaled(append, fonts, face, char, x, pitch, size, span, is_dash, gap):
    """One glyph of a pair, scaled so that its ink (a dash) or its advance
    (an ellipsis) fills ``pitch``."""
    font = fonts.embedded(face)
    natural = font.advances[char] * size
    if is_dash and char == "\u2014":
        left, right = font.ink(char)
        ink = (right - left) * size
        if ink <= 0:
            ink, left = natural, 0.0
        h = (pitch + DASH_OVERLAP * size) / ink
        origin = x - DASH_OVERLAP * size / 2 - left * size * h
        append((face, char, origin, h, (x + pitch) - (origin + natural * h) + gap, size, span))
        return
    h = pitch / natural if natural > 0 else 1.0
    append((face, char, x, h, gap, size, span))


def _tj(arr: list[str]) -> str:
    """A ``TJ`` operator; neighbouring glyph strings ``<…><…>`` are joined into one
    (the same glyphs at the same places, a fifth less content to compress)."""
    return f"[{''.join(arr).replace('><', '')}] TJ"


def _n(value: float) -> str:
    """A number for a content stream: at most three decimals, no trailing zeros."""
    text = f"{value:.3f}"
    if text.endswith(".000"):
        text = text[:-4]
        return "0" if text == "-0" else text
    return text.rstrip("0")


@lru_cache(maxsize=64)  # a handful of colours, set at every change of colour
def _rgb(color: str) -> str:
    color = color.lstrip("#")
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return f"{_n(r)} {_n(g)} {_n(b)} rg"
