"""The PDF rule checker of the typography spec §9, measured from the drawn file.

``measure_pdf(path)`` reads every glyph with PyMuPDF (character, origin,
size, font, advance box), rebuilds lines (content order and baseline),
finds the body text (the dominant size and font), its columns (shared left
and right edges) and paragraphs (indents, short last lines, vertical gaps),
and reports each violation of a non-advisory rule of §9 with its page and
the line it is on. Nothing is taken from the typesetter: a PDF made by any
tool can be measured.

Natural advances come from the embedded fonts themselves (their ``cmap`` and
``hmtx``), because a producer may widen a glyph's advance to hold a gap;
full-width characters are one em by the spec's definition.
"""

from __future__ import annotations

import unicodedata

import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from exporter.typography.cjk import CLOSING, OPENING, PAUSE, PREFIX_SIGNS, SUFFIX_SIGNS, is_han

RULES = (
    "line_start_prohibited", "line_end_prohibited", "inseparable_split", "word_number_split",
    "ragged_right", "line_end_punct_not_compressed", "line_end_overflow", "first_line_indent",
    "single_char_last_line", "punct_pair_not_compressed", "cjk_latin_spacing",
    "halfwidth_punct_in_cjk", "quote_not_fullwidth", "missing_glyph", "font_not_embedded",
    "font_not_subset", "punct_not_gb_style",
)
ADVISORY = ("line_start_bracket_not_trimmed", "dash_ellipsis_line_start")

# §3: line-start and line-end prohibitions, as the spec lists them
START_PROHIBITED = PAUSE | CLOSING | frozenset("·・‧～〜–‐／々〃,.;:!?)]}") | SUFFIX_SIGNS
END_PROHIBITED = OPENING | frozenset("／([{") | PREFIX_SIGNS
AC_MARKS = PAUSE | CLOSING
MARKS = PAUSE | CLOSING | OPENING
GB_MARKS = "，。、：；！？"
HALFWIDTH = frozenset(',;:()!?"')
QUOTES = frozenset("“”‘’")
FULLWIDTH = MARKS | frozenset("／～")
PARAGRAPH_END = frozenset("。！？…；：”）》.!?")
JUMP_FROM = "上接第"  # the line over a continued article (上接第1版)


@dataclass(frozen=True)
class Glyph:
    char: str
    x: float  # origin
    y: float  # baseline, from the page top
    size: float
    font: str
    x1: float  # right edge of the advance box as drawn
    gid: int


@dataclass
class TextLine:
    page: int
    glyphs: list[Glyph]
    column: tuple[float, float] | None = None
    body: bool = False
    space_after: bool = False  # the line ended with a space (a break between words)
    continued: bool = False  # first line of a continued article: not a paragraph's start

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def y(self) -> float:
        return self.glyphs[0].y

    @property
    def size(self) -> float:
        return Counter(g.size for g in self.glyphs).most_common(1)[0][0]

    @property
    def start(self) -> float:
        """Where the line's ink starts: an opening mark's ink is in its right half."""
        first = self.glyphs[0]
        return first.x + (0.5 * first.size if first.char in OPENING else 0.0)

    @property
    def end(self) -> float:
        """Where the line's ink ends: a pause or closing mark's ink is in its left half."""
        last = self.glyphs[-1]
        if last.char in AC_MARKS:
            return last.x + 0.5 * last.size
        if is_fullwidth(last.char):
            return last.x + last.size
        return last.x1


@dataclass(frozen=True)
class Violation:
    rule: str
    page: int
    line: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.rule} p.{self.page}: {self.detail} in {self.line!r}"


@dataclass
class Report:
    violations: list[Violation] = field(default_factory=list)
    paragraphs: list[list[TextLine]] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)
    body_size: float = 0.0
    body_font: str = ""

    def count(self, rule: str) -> int:
        return sum(1 for v in self.violations if v.rule == rule)

    def by_rule(self) -> dict[str, list[Violation]]:
        out: dict[str, list[Violation]] = defaultdict(list)
        for v in self.violations:
            out[v.rule].append(v)
        return dict(out)

    def scores(self) -> dict[str, int]:
        return {rule: self.count(rule) for rule in RULES + ADVISORY}

    def failing(self) -> dict[str, list[str]]:
        """Non-advisory rules with violations, a few examples each."""
        return {r: [str(v) for v in vs[:5]] for r, vs in self.by_rule().items() if r in RULES}

    @property
    def paragraph_texts(self) -> list[str]:
        return ["".join(line.text + (" " if line.space_after else "") for line in para).rstrip()
                for para in self.paragraphs]


def is_fullwidth(char: str) -> bool:
    return is_han(char) or char in FULLWIDTH or 0x3000 <= ord(char) <= 0x30FF or 0xFF01 <= ord(char) <= 0xFF5E


def is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum() or 0xC0 <= ord(char) <= 0x24F


# ------------------------------------------------------------------ reading


def read_glyphs(doc) -> list[list[Glyph]]:
    """Per page, the glyphs in content order."""
    pages = []
    for page in doc:
        glyphs = []
        for span in page.get_texttrace():
            if span.get("type") == 3 or span.get("opacity", 1) == 0:
                continue  # invisible text (OCR layers) is not typesetting
            size = round(span["size"], 3)
            font = span["font"]
            for ucs, gid, origin, bbox in span["chars"]:
                glyphs.append(Glyph(chr(ucs) if ucs >= 0 else "\ufffd", origin[0], round(origin[1], 2),
                                    size, font, bbox[2], gid))
        pages.append(glyphs)
    return pages


def build_lines(pages: list[list[Glyph]]) -> list[TextLine]:
    lines = []
    for number, glyphs in enumerate(pages, 1):
        current: list[Glyph] = []
        for g in glyphs:
            if g.char.isspace() and not current:
                continue
            if current:
                prev = current[-1]
                same = abs(g.y - prev.y) < 0.3 * max(g.size, prev.size) and g.x > prev.x - 0.6 * prev.size
                if not same:
                    lines.append(_line(number, current))
                    current = []
            current.append(g)
        if current:
            lines.append(_line(number, current))
    return [line for line in lines if line.glyphs]


def _line(page: int, glyphs: list[Glyph]) -> TextLine:
    spaced = False
    while glyphs and glyphs[-1].char.isspace():
        glyphs, spaced = glyphs[:-1], True
    return TextLine(page, glyphs, space_after=spaced)


# ------------------------------------------------------------------ fonts


class FontInfo:
    """Natural advances and ink of the embedded fonts, by font name."""

    def __init__(self, doc):
        self.embedded: dict[str, bool] = {}
        self.subset: dict[str, bool] = {}
        self._fonts: dict[str, list] = defaultdict(list)
        self._seen: dict[tuple, bool] = {}
        seen = set()
        for page in doc:
            for xref, ext, _type, basefont, _name, _enc, *_rest in page.get_fonts(full=True):
                if xref in seen:
                    continue
                seen.add(xref)
                plain = basefont.split("+", 1)[1] if "+" in basefont[:7] else basefont
                self.embedded[plain] = self.embedded.get(plain, False) or ext != "n/a"
                self.subset[plain] = self.subset.get(plain, False) or (len(basefont) > 7 and basefont[6] == "+")
                if ext in ("ttf", "otf", "cff", "pfa", "pfb"):
                    try:
                        buffer = doc.extract_font(xref)[3]
                    except Exception:
                        buffer = b""
                    if buffer:
                        self._fonts[plain].append(_parsed(buffer))

    def advance(self, font: str, char: str) -> float | None:
        """The font's own advance of ``char`` in em, when its cmap knows the character."""
        for parsed in self._fonts.get(font, ()):
            value = parsed.advance(char)
            if value is not None:
                return value
        return None

    def ink(self, font: str, char: str) -> tuple[float, float] | None:
        for parsed in self._fonts.get(font, ()):
            value = parsed.ink(char)
            if value is not None:
                return value
        return None

    def notdef_copy(self, font: str, gid: int) -> bool:
        key = ("notdef", font, gid)
        if key not in self._seen:
            fonts = self._fonts.get(font, ())
            self._seen[key] = bool(fonts) and all(p.same_as_notdef(gid) for p in fonts)
        return self._seen[key]

    def ink_of_glyph(self, font: str, gid: int) -> tuple[float, float] | None:
        for parsed in self._fonts.get(font, ()):
            value = parsed.ink_gid(gid)
            if value is not None:
                return value
        return None

    def empty_glyph(self, font: str, gid: int) -> bool:
        key = ("empty", font, gid)
        if key not in self._seen:
            fonts = self._fonts.get(font, ())
            self._seen[key] = bool(fonts) and all(p.empty(gid) for p in fonts)
        return self._seen[key]


class _Parsed:
    def __init__(self, buffer: bytes):
        from fontTools.ttLib import TTFont

        self.font = TTFont(io.BytesIO(buffer), lazy=True)
        self.upem = self.font["head"].unitsPerEm if "head" in self.font else 1000
        try:
            self.cmap = self.font.getBestCmap() or {}
        except Exception:
            self.cmap = {}
        self.order = self.font.getGlyphOrder()
        self.glyph_set = self.font.getGlyphSet()
        self.buffer = buffer

    @property
    def extents(self):
        """HarfBuzz's glyph bounds: a cheap first test before drawing a CFF outline in Python."""
        if not hasattr(self, "_extents"):
            import uharfbuzz as hb

            self._extents = hb.Font(hb.Face(self.buffer))
        return self._extents

    def bounds_key(self, gid: int) -> tuple:
        e = self.extents.get_glyph_extents(gid)
        return (e.x_bearing, e.y_bearing, e.width, e.height) if e is not None else (0, 0, 0, 0)

    def advance(self, char: str) -> float | None:
        name = self.cmap.get(ord(char))
        if name is None:
            return None
        return self.font["hmtx"][name][0] / self.upem

    def ink(self, char: str) -> tuple[float, float] | None:
        from fontTools.pens.boundsPen import BoundsPen

        name = self.cmap.get(ord(char))
        if name is None:
            return None
        pen = BoundsPen(self.glyph_set)
        self.glyph_set[name].draw(pen)
        if pen.bounds is None:
            return None
        return pen.bounds[0] / self.upem, pen.bounds[2] / self.upem

    def same_as_notdef(self, gid: int) -> bool:
        """Is this glyph a copy of the .notdef box (how some producers draw a missing character)?"""
        if gid == 0 or gid >= len(self.order):
            return False
        glyf = self.font["glyf"] if "glyf" in self.font else None
        if glyf is not None:  # cheap first: the same number of contours and bounds
            a, b = glyf[self.order[gid]], glyf[self.order[0]]
            if a.numberOfContours != b.numberOfContours or getattr(a, "xMax", 0) != getattr(b, "xMax", 0):
                return False
        elif self.bounds_key(gid) != self.bounds_key(0):  # CFF: different bounds, different outline
            return False
        return self._outline(gid) == self._outline(0) and self._outline(0) != []

    @lru_cache(maxsize=None)
    def _outline(self, gid: int) -> list:
        from fontTools.pens.recordingPen import DecomposingRecordingPen

        pen = DecomposingRecordingPen(self.glyph_set)
        self.glyph_set[self.order[gid]].draw(pen)
        return pen.value

    def ink_gid(self, gid: int) -> tuple[float, float] | None:
        from fontTools.pens.boundsPen import BoundsPen

        if gid >= len(self.order):
            return None
        pen = BoundsPen(self.glyph_set)
        self.glyph_set[self.order[gid]].draw(pen)
        if pen.bounds is None:
            return None
        return pen.bounds[0] / self.upem, pen.bounds[2] / self.upem

    def empty(self, gid: int) -> bool:
        from fontTools.pens.boundsPen import BoundsPen

        if gid >= len(self.order):
            return True
        if "glyf" in self.font:
            glyph = self.font["glyf"][self.order[gid]]
            return glyph.numberOfContours == 0
        if any(self.bounds_key(gid)[2:]):  # CFF: ink has extent, so an outline is there
            return False
        pen = BoundsPen(self.glyph_set)
        self.glyph_set[self.order[gid]].draw(pen)
        return pen.bounds is None


@lru_cache(maxsize=32)
def _parsed(buffer: bytes) -> _Parsed:
    return _Parsed(buffer)


# ------------------------------------------------------------------ structure


def find_body(lines: list[TextLine]) -> tuple[float, str]:
    sizes = Counter()
    fonts = Counter()
    for line in lines:
        for g in line.glyphs:
            if is_han(g.char):
                sizes[g.size] += 1
    if not sizes:
        return 0.0, ""
    size = sizes.most_common(1)[0][0]
    for line in lines:
        for g in line.glyphs:
            if g.size == size and is_han(g.char):
                fonts[g.font] += 1
    return size, fonts.most_common(1)[0][0]


def mark_body(lines: list[TextLine], size: float, font: str) -> None:
    """Body lines: mostly at the body size, in the body font, its bold (a
    dateline), or a font that shares lines with it (a Kai emphasis)."""
    family = font.split("-")[0]
    fonts = {g.font for line in lines for g in line.glyphs if g.font.split("-")[0] == family}
    for line in lines:
        names = {g.font for g in line.glyphs if abs(g.size - size) < 0.05}
        if font in names:
            fonts |= names
    for line in lines:
        n = len(line.glyphs)
        in_body = sum(1 for g in line.glyphs if abs(g.size - size) < 0.05 and g.font in fonts)
        line.body = n > 0 and in_body >= 0.5 * n


def find_columns(lines: list[TextLine], tolerance: float) -> None:
    """Columns by shared edges, per page: each body line gets (left, right).
    A line that starts at no left edge (a centred byline) gets none, unless
    it is indented like a paragraph's first line."""
    by_page: dict[int, list[TextLine]] = defaultdict(list)
    for line in lines:
        if line.body:
            by_page[line.page].append(line)
    for page_lines in by_page.values():
        em = max(l.size for l in page_lines)
        lefts = _clusters([line.start for line in page_lines], tolerance, minimum=2)
        # indented first lines (2 em) and untrimmed opening marks (½ em) make
        # clusters just right of their column's edge: they are not edges
        lefts = [c for c in lefts if not any(tolerance < c - d <= 2.7 * em for d in lefts)]
        for left in lefts:
            members = [l for l in page_lines if _nearest_left(l.start, lefts, tolerance) == left]
            # right edges: where the justified lines end (short last lines end anywhere)
            rights = _clusters([l.end for l in members], tolerance, minimum=max(3, len(members) // 5))
            if not rights:
                rights = [max(l.end for l in members)]
            for line in members:
                fitting = [r for r in rights if r >= line.end - tolerance]
                line.column = (left, min(fitting) if fitting else max(rights))
        columns = sorted({l.column for l in page_lines if l.column})
        for line in page_lines:
            if line.column is None:
                for left, right in columns:
                    if 1.4 * em <= line.start - left <= 2.6 * em and line.end <= right + tolerance:
                        line.column = (left, right)
                        break
            elif line.start - line.column[0] > 2.6 * em:
                line.body = False  # centred or right-aligned: a signature, not running text
                line.column = None


def _nearest_left(start: float, lefts: list[float], tolerance: float) -> float | None:
    candidates = [l for l in lefts if abs(l - start) <= tolerance]
    return candidates[0] if candidates else None


def _clusters(values: list[float], tolerance: float, minimum: int) -> list[float]:
    """Values that at least ``minimum`` lines share (within ``tolerance``), most common first."""
    ordered = sorted(values)
    groups: list[list[float]] = []
    for v in ordered:
        if groups and v - groups[-1][0] <= tolerance:
            groups[-1].append(v)
        else:
            groups.append([v])
    found = [(len(g), statistics.median(g)) for g in groups if len(g) >= minimum]
    return [v for _n, v in sorted(found, key=lambda t: (-t[0], t[1]))]


def find_paragraphs(lines: list[TextLine], tolerance: float) -> list[list[TextLine]]:
    """Body lines in content order, cut into paragraphs: a line starts one
    when it is indented, when the line before it is short and ends a
    sentence, or when a vertical gap lies between them in one column."""
    body = [l for l in lines if l.body and l.column]
    jumps = [l for l in lines if JUMP_FROM in l.text and len(l.text) < 12]
    steps = Counter(
        round(b.y - a.y, 1) for a, b in zip(body, body[1:])
        if a.page == b.page and a.column == b.column and b.y > a.y
    )
    leading = steps.most_common(1)[0][0] if steps else 1.5 * (body[0].size if body else 10)
    paragraphs: list[list[TextLine]] = []
    previous: TextLine | None = None
    for line in body:
        left, right = line.column
        em = line.size
        indented = line.start - left > 1.0 * em
        new = previous is None or indented
        if not new:
            short = previous.end < previous.column[1] - max(tolerance, 0.5 * em)
            ended = short and previous.text[-1] in PARAGRAPH_END
            if previous.page == line.page and previous.column == line.column:
                gap = line.y - previous.y
                new = ended or gap > 1.5 * leading or gap < 0
            else:
                # a continued article (上接第X版) goes on with a paragraph begun elsewhere
                line.continued = _after_jump(line, jumps, leading)
                new = ended or line.continued
        if new:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        previous = line
    return paragraphs


def _after_jump(line: TextLine, jumps: list[TextLine], leading: float) -> bool:
    """Is the line the first of a continued article, right under its 上接第X版?"""
    return any(
        j.page == line.page and 0 < line.y - j.y < 2.5 * leading
        and line.column[0] - leading <= j.glyphs[0].x <= line.column[1]
        for j in jumps
    )


# ------------------------------------------------------------------ rules


def measure_pdf(path: str | Path, tolerance: float = 0.5) -> Report:
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        fonts = FontInfo(doc)
        lines = build_lines(read_glyphs(doc))
    report = Report(lines=lines)
    size, font = find_body(lines)
    report.body_size, report.body_font = size, font
    if size:
        mark_body(lines, size, font)
    _check_fonts(report, lines, fonts)
    if not size:
        return report
    find_columns(lines, tolerance)
    report.paragraphs = find_paragraphs(lines, tolerance)
    for para in report.paragraphs:
        _check_paragraph(report, para, fonts, tolerance)
    for line in lines:
        if line.body:
            _check_line(report, line, fonts)
    return report


def _v(report: Report, rule: str, line: TextLine, detail: str) -> None:
    report.violations.append(Violation(rule, line.page, line.text, detail))


def _check_fonts(report: Report, lines: list[TextLine], fonts: FontInfo) -> None:
    used = Counter(g.font for line in lines for g in line.glyphs)
    for name in sorted(used):
        if not fonts.embedded.get(name, False):
            report.violations.append(Violation("font_not_embedded", 0, "", name))
        elif not fonts.subset.get(name, False):
            report.violations.append(Violation("font_not_subset", 0, "", name))
    gb_checked = set()
    for line in lines:
        for g in line.glyphs:
            if g.gid == 0 or g.char == "\ufffd" or 0xE000 <= ord(g.char) <= 0xF8FF:
                _v(report, "missing_glyph", line, f"{g.char!r} drawn with glyph {g.gid}")
            elif _format_character(g.char):
                if not fonts.empty_glyph(g.font, g.gid):  # a joiner or selector must leave no ink
                    _v(report, "format_character_drawn", line, f"U+{ord(g.char):04X} is drawn with ink")
            elif not g.char.isspace() and fonts.empty_glyph(g.font, g.gid):
                _v(report, "missing_glyph", line, f"{g.char!r} has an empty glyph")
            elif fonts.notdef_copy(g.font, g.gid):
                _v(report, "missing_glyph", line, f"{g.char!r} is drawn with the .notdef box")
            if g.char in GB_MARKS and (g.font, g.char) not in gb_checked and line.body:
                gb_checked.add((g.font, g.char))
                ink = fonts.ink(g.font, g.char) or fonts.ink_of_glyph(g.font, g.gid)
                if ink is not None and (ink[0] + ink[1]) / 2 > 0.4:  # GB style: in the left half
                    _v(report, "punct_not_gb_style", line, f"{g.char} ink centred at {(ink[0] + ink[1]) / 2:.2f} em")


def _stretch(line: TextLine) -> float:
    """The justification spacing of a line: the typical extra between two Han characters."""
    extra = [b.x - a.x - a.size for a, b in zip(line.glyphs, line.glyphs[1:])
             if is_han(a.char) and is_han(b.char)]
    return statistics.median(extra) if extra else 0.0


def _check_line(report: Report, line: TextLine, fonts: FontInfo) -> None:
    glyphs = line.glyphs
    stretch = _stretch(line)
    for a, b in zip(glyphs, glyphs[1:]):
        em = a.size
        if (a.char in AC_MARKS and b.char in MARKS) or (a.char in OPENING and b.char in OPENING):
            if b.x - a.x - stretch > 0.95 * em:
                _v(report, "punct_pair_not_compressed", line, f"{a.char}{b.char}")
        latin_a = is_latin(a.char) or (a.char in SUFFIX_SIGNS)
        if (is_han(a.char) and is_latin(b.char)) or (latin_a and is_han(b.char)):
            natural = 1.0 if is_han(a.char) else fonts.advance(a.font, a.char)
            end = a.x + natural * em if natural is not None else a.x1
            if b.x - end < 0.1 * em:
                _v(report, "cjk_latin_spacing", line, f"{a.char}{b.char} gap {(b.x - end) / em:.2f} em")
    for i, g in enumerate(glyphs):
        if g.char in HALFWIDTH:
            near = [glyphs[j].char for j in (i - 1, i + 1) if 0 <= j < len(glyphs)]
            if any(is_han(c) for c in near):
                _v(report, "halfwidth_punct_in_cjk", line, g.char)
        if g.char in QUOTES:
            near = [glyphs[j].char for j in (i - 1, i + 1) if 0 <= j < len(glyphs)]
            if any(is_han(c) for c in near):
                natural = fonts.advance(g.font, g.char)
                if natural is None:
                    natural = (g.x1 - g.x) / g.size
                if natural < 0.75:
                    _v(report, "quote_not_fullwidth", line, f"{g.char} {natural:.2f} em")


def _check_paragraph(report: Report, para: list[TextLine], fonts: FontInfo, tolerance: float) -> None:
    first = para[0]
    left = first.column[0]
    em = first.size
    indent = first.start - left
    allowed = (2.0, 2.5) if first.glyphs[0].char in OPENING else (2.0,)
    if not first.continued and not any(abs(indent - a * em) <= 0.15 * em for a in allowed):
        _v(report, "first_line_indent", first, f"indent {indent / em:.2f} em")
    last = para[-1]
    count = sum(1 for g in last.glyphs if is_han(g.char) or g.char.isalnum())
    if count <= 1:
        _v(report, "single_char_last_line", last, f"{count} character(s) on the last line")
    for i, line in enumerate(para):
        _, right = line.column
        glyphs = line.glyphs
        if i > 0:
            _check_line_start(report, line)
            prev = para[i - 1]
            _check_break(report, prev, line)
            if line.start - line.column[0] > 0.25 * em and glyphs[0].char in OPENING:
                report.violations.append(Violation("line_start_bracket_not_trimmed", line.page, line.text))
        if line.end > right + tolerance:
            _v(report, "line_end_overflow", line, f"ends {line.end - right:.2f} pt past the edge")
        if i < len(para) - 1:
            if glyphs[-1].char in END_PROHIBITED:
                _v(report, "line_end_prohibited", line, glyphs[-1].char)
            if abs(line.end - right) > tolerance:
                _v(report, "ragged_right", line, f"ends {line.end - right:+.2f} pt from the edge")
            lastg = glyphs[-1]
            if lastg.char in AC_MARKS and abs(lastg.x + lastg.size - right) <= tolerance:
                _v(report, "line_end_punct_not_compressed", line, lastg.char)


def _check_line_start(report: Report, line: TextLine) -> None:
    text = line.text
    c = text[0]
    if c in START_PROHIBITED or (c == "—" and text[1:2] != "—") or (c == "…" and text[1:2] != "…"):
        _v(report, "line_start_prohibited", line, c)
    if text[:2] in ("——", "……"):
        report.violations.append(Violation("dash_ellipsis_line_start", line.page, text))


def _check_break(report: Report, prev: TextLine, line: TextLine) -> None:
    a, b = prev.text[-1], line.text[0]
    a2 = prev.text[-2:-1]
    if _belongs_before(b) or a in JOINERS:
        _v(report, "attached_split", line, f"U+{ord(a):04X}|U+{ord(b):04X}")
    if (a == "—" and b == "—") or (a == "…" and b == "…"):
        _v(report, "inseparable_split", line, f"{a}|{b}")
    elif (a.isdigit() and b in SUFFIX_SIGNS) or (a in PREFIX_SIGNS and b.isdigit()):
        _v(report, "inseparable_split", line, f"{a}|{b}")
    if prev.space_after:
        return
    if (is_latin(a) and is_latin(b)) or (a in ".,:" and a2.isdigit() and b.isdigit()) or (
        _url_char(a) and _url_char(b) and (a in "/.:-_?&=#%" or b in "/.:-_?&=#%")
        and (_url_char(a2) or not a2)
    ):
        _v(report, "word_number_split", line, f"{prev.text[-4:]}|{line.text[:4]}")


def _url_char(char: str) -> bool:
    """A character of a URL or another ASCII token (no spaces, no sentence marks)."""
    return char.isascii() and (char.isalnum() or char in "/.:-_?&=#%~+@")


JOINERS = "\u00ad\u200d\u2060\ufeff"  # soft hyphen, zero-width joiner, word joiners: glue to the next


def _belongs_before(char: str) -> bool:
    """A character a line may not start with, whatever the script: a combining mark,
    a format character (joiners, selectors, direction marks), an emoji modifier."""
    return unicodedata.category(char) in ("Mn", "Me", "Mc") or _format_character(char) or (
        0x1F3FB <= ord(char) <= 0x1F3FF)


def _format_character(char: str) -> bool:
    """Joiners, the word joiner, the BOM (category Cf) and variation selectors."""
    point = ord(char)
    return (unicodedata.category(char) == "Cf" or point == 0x034F or 0x180B <= point <= 0x180F
            or 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF)
