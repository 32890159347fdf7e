"""Chinese text on ReportLab: the typesetter every text block of the PDF uses.

Public API (the PDF layout builds on these; nothing else here is public):

``TextSpan(text, role, size=None, color=None)``
    A piece of a paragraph in one style. ``role`` is a font role of the theme
    ("body", "body-bold", "heading", "caption", "sans").

``ParaStyle(role, size, leading, align="justify", first_indent_em=0.0, ...)``
    How a paragraph is set. ``align`` is "justify" (body text: every line but
    the last flush on both edges), "left", "center" or "right" (headlines,
    bylines, captions: natural spacing). ``first_indent_em=2.0`` for body
    paragraphs. ``space_before``/``space_after`` (points) are part of the
    flowable's height; keep them multiples of the body leading to stay on the
    baseline grid.

``CJKParagraph(spans, style, fonts, tag=None)``
    A ReportLab Flowable. Its height is always a whole number of leadings
    plus its spaces, so body lines of a block sit on one baseline grid; the
    first baseline lies ``baseline_offset(style)`` below its top. ``split``
    cuts between lines and never loses or doubles text; the piece after a
    split continues the paragraph (no indent, no space before).
    ``lines_for(width)`` gives the set lines (for column balancing: height =
    ``len(lines) * leading``), ``text`` the paragraph's text (of this piece,
    after a split), ``tag`` whatever the layout attached (an article id).

``measure_text(spans, style, fonts) -> float``
    The natural width in points of the spans set on one line (with the
    Han-Latin gaps and the compression of adjacent marks).

``draw_text(canvas, x, y, spans, style, fonts, width=None)``
    Draws the spans as one line with its baseline at ``y``: from ``x``
    ("left"), centred or right-aligned in ``[x, x + width]``, or justified to
    ``width``. For mastheads, running heads, folios and jump lines.

``baseline_offset(style) -> float``
    Distance from the top of a line box to its baseline: the em box centred
    in the leading.

The rules themselves (what may start or end a line, how marks compress,
the Han-Latin gap) live in ``exporter.typography``; the algorithm in
``typeset_prepare`` (atoms and their widths), ``typeset_break`` (choosing
breaks) and ``typeset_draw`` (glyph placement and PDF operators).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Sequence

from reportlab.platypus.flowables import Flowable

from ...typography.linebreak import WORD
from .typeset_break import Breaker, Line
from .typeset_draw import TextWriter, gap_count
from .typeset_prepare import Prepared, explode, prepare

__all__ = [
    "CJKParagraph", "Line", "ParaStyle", "TextSpan", "baseline_offset", "draw_text", "measure_text",
]

EM_BOX_TOP = 0.88  # the ideographic em box spans -0.12 .. 0.88 em around the baseline
_WORD = re.compile(bytes([WORD]))  # only words are wider than their characters


@dataclass(frozen=True)
class TextSpan:
    """A piece of a paragraph in one style."""

    text: str
    role: str  # font role: "body", "body-bold", "heading", "caption", "sans"
    size: float | None = None  # None: the paragraph's size
    color: str | None = None  # None: the paragraph's colour


@dataclass(frozen=True)
class ParaStyle:
    role: str
    size: float
    leading: float
    align: str = "justify"  # "justify" | "left" | "center" | "right"
    first_indent_em: float = 0.0  # 2.0 for body paragraphs
    color: str = "#000000"
    space_before: float = 0.0
    space_after: float = 0.0
    keep_single_char_last_line: bool = False  # False = avoid 孤字 (spec §7)


def codes_document(canvas):
    """What hands out font names and glyph codes for ``canvas``: its document, or
    the placeholders of a canvas drawing pages apart (``parallel.RecordingCanvas``)."""
    return getattr(canvas, "deferred_codes", None) or canvas._doc


def baseline_offset(style: ParaStyle) -> float:
    return (style.leading - style.size) / 2 + EM_BOX_TOP * style.size


class _Setter:
    """A paragraph's atoms and the breakers for the widths asked so far."""

    def __init__(self, spans: Sequence[TextSpan], style: ParaStyle, fonts):
        self.spans = tuple(spans)
        self.style = style
        self.fonts = fonts
        self.prepared = prepare(self.spans, style.size, fonts)
        self._by_width: dict[float, tuple[Prepared, Breaker]] = {}
        self._breaker: Breaker | None = None  # of ``prepared``, for the widths that break no word

    def for_width(self, width: float) -> tuple[Prepared, Breaker]:
        """The atoms to break at ``width``: words wider than a line are split
        into characters (this only adds atom boundaries, never moves one)."""
        key = round(width, 3)
        found = self._by_width.get(key)
        if found is None:
            p = self.prepared
            # a word wider than a full line (or than the indented first line, when it opens
            # the paragraph) cannot be set whole
            first = width - self.style.first_indent_em * self.style.size
            wide = [k for k in (m.start() for m in _WORD.finditer(p.codes))
                    if p.box[k] > (first if k == 0 else width) and p.ends[k] - p.starts[k] > 1]
            if wide:
                p = _copy(p)
                for k in reversed(wide):
                    explode(p, k, self.fonts)
                found = (p, Breaker(p))
            else:  # the same atoms as at other widths: one breaker serves them all
                if self._breaker is None:
                    self._breaker = Breaker(p)
                found = (p, self._breaker)
            self._by_width[key] = found
        return found

    def colors(self) -> list[str]:
        return [span.color or self.style.color for span in self.spans]


def _copy(p: Prepared) -> Prepared:
    return Prepared(**{name: (list(value) if isinstance(value, list) else value)
                       for name, value in vars(p).items()})


class CJKParagraph(Flowable):
    """A paragraph of Chinese text set by the rules of the typography spec.

    A piece of a split paragraph covers the characters ``[start, stop)`` of
    the paragraph's text; the head piece keeps the lines it was set with.
    """

    def __init__(self, spans: Sequence[TextSpan], style: ParaStyle, fonts, *, tag: str | None = None):
        super().__init__()
        self.style = style
        self.fonts = fonts
        self.tag = tag
        self._setter = _Setter(spans, style, fonts)
        self._start = 0
        self._stop = len(self._setter.prepared.text)
        self._keep_after = True  # the space after (dropped at the foot of a column)
        self._kept: tuple[float, Prepared, tuple[Line, ...]] | None = None
        self._set_lines: tuple[Prepared, tuple[Line, ...]] | None = None

    # ------------------------------------------------------------ contract

    @property
    def spans(self) -> tuple[TextSpan, ...]:
        return self._setter.spans

    @property
    def text(self) -> str:
        """The text of this paragraph (of this piece, after a split)."""
        return self._setter.prepared.text[self._start:self._stop]

    def lines_for(self, width: float) -> list[Line]:
        """The set lines of this paragraph (piece) at ``width`` points."""
        return list(self._set(width)[1])

    # ------------------------------------------------------------ Flowable

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self._set_lines = self._set(availWidth)
        self.height = self._height(len(self._set_lines[1]))
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        p, lines = self._set(availWidth)
        fit = int((availHeight - self._space_before() + 1e-6) // self.style.leading)
        if fit <= 0 or not lines:
            return []
        if fit >= len(lines):  # the lines fit, the space after does not: drop it
            return [self._piece(self._start, self._stop, availWidth, p, lines, keep_after=False)]
        cut = lines[fit].text_start
        return [
            self._piece(self._start, cut, availWidth, p, lines[:fit], keep_after=False),
            self._piece(cut, self._stop, availWidth, None, None, keep_after=self._keep_after),
        ]

    def drawOn(self, canvas, x, y, _sW=0):
        """Draw with the flowable's bottom left at ``(x, y)``: one text object in
        page coordinates (no graphics state pushed, no translation)."""
        self.canv = canvas
        try:
            self._draw_at(x, y)
        finally:
            del self.canv

    def draw(self):
        self._draw_at(0.0, 0.0)

    def _draw_at(self, left: float, bottom: float) -> None:
        if self._set_lines is None:
            return
        p, lines = self._set_lines
        if not lines:
            return
        style = self.style
        writer = TextWriter(self.fonts, codes_document(self.canv))
        colors = self._setter.colors()
        y = bottom + self.height - self._space_before() - baseline_offset(style)
        writer.paragraph(p, lines, left, y, style.leading, style.align, colors)
        self.canv._code.append("q\n" + writer.finish() + "\nQ")

    # ------------------------------------------------------------ internals

    def _set(self, width: float) -> tuple[Prepared, tuple[Line, ...]]:
        if self._kept is not None and abs(self._kept[0] - width) < 0.01:
            return self._kept[1], self._kept[2]
        p, breaker = self._setter.for_width(width)
        style = self.style
        first = _atom_at(p, self._start)
        stop = _atom_at(p, self._stop)
        lines = tuple(breaker.lines(
            width, style.first_indent_em * style.size, first, stop,
            justify=style.align == "justify",
            avoid_orphan=not style.keep_single_char_last_line,
            at_spaces=style.align == "center",
        ))
        return p, lines

    def _space_before(self) -> float:
        return self.style.space_before if self._start == 0 else 0.0

    def _height(self, count: int) -> float:
        ends = self._stop == len(self._setter.prepared.text)
        after = self.style.space_after if ends and self._keep_after else 0.0
        return self._space_before() + count * self.style.leading + after

    def _piece(self, start, stop, width, p, lines, keep_after) -> "CJKParagraph":
        piece = CJKParagraph.__new__(CJKParagraph)
        Flowable.__init__(piece)
        piece.style, piece.fonts, piece.tag = self.style, self.fonts, self.tag
        piece._setter = self._setter
        piece._start, piece._stop = start, stop
        piece._keep_after = keep_after
        piece._kept = (width, p, tuple(lines)) if lines is not None else None
        piece._set_lines = None
        return piece


def _atom_at(p: Prepared, offset: int) -> int:
    """The index of the atom starting at ``offset`` (len(p) at the text's end)."""
    if offset >= len(p.text):
        return len(p)
    k = bisect_left(p.starts, offset)
    return k


# ---------------------------------------------------------------- single lines


def _single_line(spans: Sequence[TextSpan], style: ParaStyle, fonts):
    setter = _Setter(spans, style, fonts)
    p = setter.prepared
    if not len(p):
        return setter, p, None
    breaker = Breaker(p)
    natural, _room, _trim = breaker.metrics(0, len(p), False)
    line = Line(0, len(p), 0, len(p.text), p.text, 0.0, 0.0, natural, natural, 0.0, (0.0,) * 5,
                True, True, False)
    return setter, p, line


def measure_text(spans: Sequence[TextSpan], style: ParaStyle, fonts) -> float:
    """The natural width (points) of ``spans`` set on one line."""
    _setter, _p, line = _single_line(spans, style, fonts)
    return line.natural if line else 0.0


def draw_text(canvas, x: float, y: float, spans: Sequence[TextSpan], style: ParaStyle, fonts,
              width: float | None = None) -> float:
    """Draw ``spans`` as one line with its baseline at ``y``; returns the width set.

    With ``width``, ``style.align`` places the line in ``[x, x + width]``
    ("justify" spreads it to the full width)."""
    setter, p, line = _single_line(spans, style, fonts)
    if line is None:
        return 0.0
    natural = line.natural
    stretch = 0.0
    if width is not None:
        room = width - natural
        if style.align == "center":
            x += room / 2
        elif style.align == "right":
            x += room
        elif style.align == "justify" and room > 0:
            gaps = gap_count(p, line)
            stretch = room / gaps if gaps else 0.0
    writer = TextWriter(fonts, codes_document(canvas))
    writer.line(p, line, x, y, stretch, setter.colors())
    canvas._code.append("q\n" + writer.finish() + "\nQ")
    return natural + stretch * gap_count(p, line)
