"""The fonts of one PDF build, embedded as CID-keyed fonts.

``PdfFonts`` takes the ``FontPlan`` a writer made with
``exporter.fonts.coverage.plan_fonts`` (every character of the issue checked
against the theme's faces, fallbacks included) and registers one font per
face with ReportLab. Each is the face's HarfBuzz subset
(``exporter.fonts.subset.subset_face``: made once per face and character
set, cached on disk by content hash), embedded whole as a Type 0 font with
two-byte glyph codes (``Identity-H``), one ``/W`` width array and a
``ToUnicode`` map, so copying and searching give back the model's text. A
CID-keyed CFF subset (Noto CJK) is embedded as it is, as a CIDFontType0 with
an OpenType ``FontFile3`` (``cff``): nothing is converted. TrueType faces
(LXGW WenKai) are CIDFontType2 with ``FontFile2``; a CFF face that is not
CID-keyed is converted to TrueType first (``exporter.fonts.truetype``).

Why not ReportLab's ``TTFont``: it re-subsets the font in Python into
256-glyph pieces (slow for 3,000 Han characters), reads no CFF, and cannot
give one glyph two advance widths. The typesetter needs that: a glyph
followed by a Han-Latin gap or set compressed is drawn as a *variant* whose
advance includes the gap (or lacks the mark's blank): a glyph appended to
the font program (a composite glyph in TrueType, ``typeset_glyphs``; a copy
of the charstring in CFF, ``cff``), mapped to the same character in
``ToUnicode``, so text extraction sees no gap, hence no invented space, and
no overlap.

The registered fonts also work with ``canvas.setFont``/``drawString`` (ReportLab
treats them as its own "dynamic" fonts), without the CJK spacing rules:
for Chinese text use ``exporter.writers.pdf.text``.
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass
from weakref import WeakKeyDictionary, ref

from ...cache import cached_bytes, content_key
from ...fonts.coverage import FORMAT_CHARACTERS, INVISIBLE, FontPlan
from ...fonts.registry import FontFace, FontSet
from ...fonts.subset import subset_face
from ...fonts.truetype import truetype_subset
from ...typography.cjk import CLOSING, OPENING, PAUSE, SOFT_HYPHEN
from .cff import cid_program, is_cid_keyed
from .typeset_glyphs import add_variants

UNITS = 1000  # PDF glyph space: widths are given per 1000 em
PROGRAM_VERSION = "3"  # of the embedded programs (3: CFF embedded as it is)
_MARKS = PAUSE | OPENING | CLOSING


# the tables EmbeddedFont reads (fontTools imports a table's module when it is first read)
FONT_TABLES = ("head", "hhea", "hmtx", "maxp", "cmap", "OS/2", "glyf", "loca", "DSIG")


def import_font_tables() -> None:
    from fontTools.ttLib import getTableModule

    for tag in FONT_TABLES:
        getTableModule(tag)


class PdfFonts:
    """Registers, once per build, TrueType subsets (exporter.fonts.truetype.truetype_subset)
    of every face in a FontPlan with ReportLab; deterministic font names."""

    def __init__(self, plan: FontPlan, fonts: FontSet):
        from reportlab.pdfbase import pdfmetrics

        self.plan = plan
        self.fonts = fonts
        self._fonts: dict[str, EmbeddedFont] = {}
        self._role_faces: dict[str, dict[str, FontFace]] = {}
        self._by_face: dict[int, tuple[FontFace, EmbeddedFont]] = {}
        self._uniform: dict[str, tuple[FontFace, re.Pattern | None]] = {}
        wanted: dict[str, tuple[FontFace, set[int]]] = {}
        for face, points in plan.codepoints_by_face().items():
            wanted.setdefault(face.key, (face, set()))[1].update(points)
        for role in plan.faces:  # every role's own face draws spaces and digits of folios
            face = fonts.face(role)
            wanted.setdefault(face.key, (face, set()))[1].add(0x20)
        names = {}
        for key in sorted(wanted):
            face, points = wanted[key]
            points = [point for point in sorted(points | {0x20}) if face.covers(point)]
            names[key] = (face, points, f"{FONT_PREFIX}{content_key(key, ','.join(map(str, points)))[:16]}")
        _forget_fonts_except({name for _, _, name in names.values()})
        for key, (face, points, name) in names.items():
            font = _registered(name)
            if font is None:
                font = EmbeddedFont(name, face, font_program(face, points))
                pdfmetrics.registerFont(font)
            self._fonts[key] = font

    def font_name(self, face: FontFace) -> str:
        """The name to use with ``canvas.setFont``."""
        return self.embedded(face).fontName

    def advance(self, face: FontFace, char: str) -> float:
        """The advance width of ``char`` in ``face``, in em."""
        return self.embedded(face).advances[char]

    def face_for(self, role: str, char: str) -> FontFace:
        """The face that draws ``char`` in ``role`` (a fallback face when the
        role's own face lacks it), as the plan decided. Spaces and other
        invisible characters belong to the role's own face."""
        if char in INVISIBLE:
            return self.fonts.face(role)
        return self.plan.face_for(role, char)

    def role_faces(self, role: str) -> dict[str, FontFace]:
        """Character -> face for ``role``: the plan's choices, plus the role's own
        face for spaces and the invisible characters the plan leaves out."""
        table = self._role_faces.get(role)
        if table is None:
            table = dict(self.plan.faces.get(role, {}))
            own = self.fonts.face(role)
            for char in INVISIBLE:
                table.setdefault(char, own)
            self._role_faces[role] = table
        return table

    def uniform_face(self, role: str, text: str) -> FontFace | None:
        """The role's own face when it draws every character of ``text`` (most text:
        one pattern match instead of a look-up per character); else None."""
        found = self._uniform.get(role)
        if found is None:
            own = self.fonts.face(role)
            chars = [c for c, face in self.role_faces(role).items() if face is own]
            pattern = re.compile("[" + re.escape("".join(sorted(chars))) + "]*") if chars else None
            found = self._uniform[role] = (own, pattern)
        own, pattern = found
        return own if pattern is not None and pattern.fullmatch(text) else None

    def narrow_marks(self, face: FontFace) -> frozenset[str]:
        """Pause, opening and closing marks whose glyph in ``face`` is not one em wide."""
        return self.embedded(face).narrow_marks

    def embedded(self, face: FontFace) -> "EmbeddedFont":
        """The registered font object, for the typesetter's glyph codes."""
        found = self._by_face.get(id(face))  # by identity: ``face.key`` is computed on each call
        if found is None or found[0] is not face:
            found = self._by_face[id(face)] = (face, self._fonts[face.key])
        return found[1]


def font_program(face: FontFace, points: list[int]) -> bytes:
    """The subset to embed: a CID-keyed CFF subset as HarfBuzz makes it, anything
    else with TrueType outlines."""
    if face.is_cff:
        data = subset_face(face, points)
        if is_cid_keyed(data):
            return data
    return truetype_subset(face, points)


FONT_PREFIX = "CJK"


def _forget_fonts_except(keep: set[str]) -> None:
    """Drop the subsets earlier builds in this process registered with ReportLab.

    ReportLab's font registry is global and has no way to unregister; a process
    that builds issue after issue (``exporter batch``) would otherwise keep
    every issue's fonts. A rebuild of the same issue keeps its own.
    """
    from reportlab.pdfbase import pdfmetrics

    for name in [n for n in pdfmetrics._fonts if n.startswith(FONT_PREFIX) and n not in keep]:
        del pdfmetrics._fonts[name]
        # dynamic fonts are also remembered by face name (as ReportLab's own TTFont does it)
        pdfmetrics._dynFaceNames.pop(name.encode("ascii"), None)


def _registered(name: str):
    from reportlab.pdfbase import pdfmetrics

    # (``getFont`` of an unknown name first parses every AFM file ReportLab ships)
    return pdfmetrics.getFont(name) if name in pdfmetrics.getRegisteredFontNames() else None


@dataclass(frozen=True)
class _FaceName:
    """What ReportLab's font registry reads from ``font.face``."""

    name: bytes


class EmbeddedFont:
    """One face's subset, embedded as a Type 0 font over a CIDFontType2 (TrueType)
    or a CIDFontType0 (CID-keyed CFF).

    Codes are two-byte glyph ids. Ids from ``glyph_count`` up are variants
    (another width, or another character for a glyph that several characters
    share), allocated per document as drawing asks and appended to the font
    program when the document is saved.
    """

    _dynamicFont = 1  # ReportLab: ask us for codes and names, call addObjects at the end
    _multiByte = 1
    shapable = False

    def __init__(self, name: str, face: FontFace, data: bytes):
        from fontTools.ttLib import TTFont

        self.fontName = name
        self.source = face
        self.data = data
        self.face = _FaceName(name.encode("ascii"))
        font = TTFont(io.BytesIO(data), lazy=True)
        upem = font["head"].unitsPerEm
        self.scale = UNITS / upem
        # glyphs named by number: fontTools would otherwise parse the CFF charset or post names
        order = [f"g{i}" for i in range(font["maxp"].numGlyphs)]
        font.setGlyphOrder(order)
        self.glyph_count = len(order)
        metrics = font["hmtx"].metrics
        self.glyph_widths = [round(metrics[g][0] * self.scale) for g in order]
        gid_of = {g: i for i, g in enumerate(order)}
        self.gids: dict[str, int] = {}
        for cp, glyph in sorted(font.getBestCmap().items()):
            self.gids[chr(cp)] = gid_of[glyph]
        self.char_widths = {c: self.glyph_widths[g] for c, g in self.gids.items()}  # 1/1000 em
        # A format character the face lacks is drawn as its blank glyph at zero
        # width: nothing shows, and the text copied out still holds it. So is
        # the soft hyphen, whose own glyph is a hyphen: no line breaks at it.
        blank = self.gids.get(" ")
        if blank is not None:
            for char in (FORMAT_CHARACTERS - self.gids.keys()) | {SOFT_HYPHEN}:
                self.gids[char] = blank
                self.char_widths[char] = 0
        self.advances = {c: w / UNITS for c, w in self.char_widths.items()}
        self.em_chars = frozenset(c for c, w in self.char_widths.items() if w == UNITS)
        self.narrow_marks = (frozenset(self.gids) - self.em_chars) & _MARKS
        self._glyf = font["glyf"] if "glyf" in font else None
        self.is_cff = "CFF " in font
        self._extents = None  # HarfBuzz's glyph bounds, for CFF outlines
        self._order = order
        head, hhea = font["head"], font["hhea"]
        os2 = font["OS/2"] if "OS/2" in font else None
        self.ascent = round(hhea.ascent * self.scale)
        self.descent = round(hhea.descent * self.scale)
        self.cap_height = round((getattr(os2, "sCapHeight", 0) or hhea.ascent) * self.scale)
        self.bbox = [round(v * self.scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)]
        self.data_key = content_key(data)
        self.tag = _subset_tag(self.data_key)
        ps_name = _postscript_name(data) or name
        self.base_name = f"{self.tag}+{''.join(c for c in ps_name if c.isalnum() or c in '-_')}"
        # the first character of each glyph: what ToUnicode says the glyph is
        self.glyph_chars: dict[int, str] = {}
        for char, gid in self.gids.items():
            self.glyph_chars.setdefault(gid, char)
        self._states: WeakKeyDictionary = WeakKeyDictionary()
        self._last: tuple[ref, _DocState] | None = None  # the document being drawn, and its state
        self._inks: dict[str, tuple[float, float]] = {}

    # --------------------------------------------------------------- metrics

    def ink(self, char: str) -> tuple[float, float]:
        """Left and right ink edges of ``char``'s glyph, in em (asked for every dash drawn)."""
        found = self._inks.get(char)
        if found is None:
            found = self._inks[char] = self._ink(char)
        return found

    def _ink(self, char: str) -> tuple[float, float]:
        gid = self.gids[char]
        if self.is_cff:
            if self._extents is None:
                import uharfbuzz as hb

                self._extents = hb.Font(hb.Face(self.data))
            extents = self._extents.get_glyph_extents(gid)
            if extents is None or extents.width == 0:
                return 0.0, 0.0
            left = extents.x_bearing
            return left * self.scale / UNITS, (left + extents.width) * self.scale / UNITS
        if self._glyf is None:
            return 0.0, self.glyph_widths[gid] / UNITS
        glyph = self._glyf[self._order[gid]]
        if not hasattr(glyph, "xMin"):
            return 0.0, 0.0
        return glyph.xMin * self.scale / UNITS, glyph.xMax * self.scale / UNITS

    def glyph_advance(self, char: str) -> int:
        """The natural advance of ``char``'s glyph, in 1/1000 em."""
        return self.char_widths.get(char, self.glyph_widths[0])

    def stringWidth(self, text: str, size: float, encoding: str | None = None) -> float:
        return size * sum(self.advances.get(c, 0.0) for c in text)

    # --------------------------------------------------------------- codes

    def state(self, doc) -> "_DocState":
        last = self._last
        if last is not None and last[0]() is doc:  # asked thousands of times while one document is drawn
            return last[1]
        state = self._states.get(doc)
        if state is None:
            state = self._states[doc] = _DocState(self.glyph_count)
        self._last = (ref(doc), state)
        return state

    def code(self, doc, char: str, width: int | None = None) -> int:
        """The code drawing ``char``; with ``width`` (1/1000 em), a code whose
        advance is that width."""
        gid, natural, own = self._glyph(char, width)
        if own:
            return gid
        return self.state(doc).variant(gid, natural if width is None else width, char)

    def _glyph(self, char: str, width: int | None) -> tuple[int, int, bool]:
        """``char``'s glyph id, its natural width, and whether the glyph id itself is
        the code (the character's own glyph at its natural width) or a variant is."""
        gid = self.gids.get(char, 0)
        natural = self.char_widths.get(char, self.glyph_widths[gid])
        return gid, natural, (width is None or width == natural) and self.glyph_chars.get(gid) == char

    def hexmap(self, doc) -> dict[str, str]:
        """``<code>`` of each character drawn with its own glyph at its natural width."""
        state = self.state(doc)
        if state.hexmap is None:
            chars = self.glyph_chars
            state.hexmap = {c: "<%04X>" % g for c, g in self.gids.items() if chars[g] == c}
        return state.hexmap

    def plain_codes(self, doc) -> dict[int, str]:
        """``hexmap`` of the characters one em wide, without the brackets, by code
        point: ``run.translate(plain_codes)`` is a run's codes as one string. Any
        other character is missing: it is left as it is, so a run holding one
        comes out shorter than four digits per character (its run is set otherwise)."""
        state = self.state(doc)
        if state.plain is None:
            em = self.em_chars
            state.plain = {ord(c): code[1:-1] for c, code in self.hexmap(doc).items() if c in em}
        return state.plain

    def hex(self, doc, char: str, width: int | None = None) -> str:
        return "%04X" % self.code(doc, char, width)

    def code_tag(self, doc, char: str, width: int | None = None) -> str:
        """``<code>`` for ``code(doc, char, width)``, remembered per document. For
        ``DeferredCodes`` a variant's code is a placeholder (see there)."""
        tags = self.state(doc).tags
        key = (char, width)
        found = tags.get(key)
        if found is None:
            if type(doc) is DeferredCodes and not self._glyph(char, width)[2]:
                found = tags[key] = f"<{doc.placeholder(self.fontName, char, width)}>"
            else:
                found = tags[key] = f"<{self.code(doc, char, width):04X}>"
        return found

    # ReportLab's canvas.drawString path
    def splitString(self, text: str, doc, encoding: str = "utf-8"):
        if isinstance(text, bytes):
            text = text.decode(encoding)
        codes = [self.code(doc, c) for c in text if c not in INVISIBLE or c == " "]
        return [(0, b"".join(c.to_bytes(2, "big") for c in codes))]

    def getSubsetInternalName(self, subset: int, doc) -> str:
        if type(doc) is DeferredCodes:
            return doc.placeholder(self.fontName)
        state = self.state(doc)
        if state.internal_name is None:
            state.internal_name = f"F{len(doc.fontMapping) + 1}"
            doc.fontMapping[self.fontName] = "/" + state.internal_name
            doc.delayedFonts.append(self)
        return "/" + state.internal_name

    def internal_name(self, doc) -> str:
        """The resource name (``/F3``) to use in content streams of ``doc``."""
        return self.getSubsetInternalName(0, doc)

    def addObjects(self, doc) -> None:
        """Write the font objects into ``doc`` (ReportLab calls this on save)."""
        from reportlab.pdfbase import pdfdoc

        state = self.state(doc)
        variants = [(g, round(w / self.scale)) for g, w, _c in state.variants]
        with_variants = cid_program if self.is_cff else add_variants
        packed = cached_bytes(  # compressing 3,000 Han glyphs takes a while: once per variant set
            "pdf-font-program", content_key(PROGRAM_VERSION, self.tag, self.data_key, repr(variants)),
            lambda: _pack(with_variants(self.data, variants)),
        )
        length = int.from_bytes(packed[:4], "big")
        program = pdfdoc.PDFStream(content=packed[4:])
        program.dictionary["Filter"] = pdfdoc.PDFName("FlateDecode")
        if self.is_cff:
            program.dictionary["Subtype"] = pdfdoc.PDFName("OpenType")
        else:
            program.dictionary["Length1"] = length
        descriptor = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("FontDescriptor"),
            "FontName": pdfdoc.PDFName(self.base_name),
            "Flags": 4,  # symbolic: glyphs outside the standard Latin set
            "FontBBox": pdfdoc.PDFArray(self.bbox),
            "ItalicAngle": 0,
            "Ascent": self.ascent,
            "Descent": self.descent,
            "CapHeight": self.cap_height,
            "StemV": 80,
            "FontFile3" if self.is_cff else "FontFile2": doc.Reference(program, f"FontFile:{self.fontName}"),
        })
        cid_font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"),
            "Subtype": pdfdoc.PDFName("CIDFontType0" if self.is_cff else "CIDFontType2"),
            "BaseFont": pdfdoc.PDFName(self.base_name),
            "CIDSystemInfo": pdfdoc.PDFDictionary({
                "Registry": pdfdoc.PDFString("Adobe"),
                "Ordering": pdfdoc.PDFString("Identity"),
                "Supplement": 0,
            }),
            "FontDescriptor": doc.Reference(descriptor, f"FontDescriptor:{self.fontName}"),
            "DW": UNITS,
            "W": pdfdoc.PDFArray(_width_array(self.glyph_widths + [w for _g, w, _c in state.variants])),
        })
        if not self.is_cff:  # a CIDFontType0 finds glyphs through its charset, made the identity
            cid_font["CIDToGIDMap"] = pdfdoc.PDFName("Identity")
        to_unicode = pdfdoc.PDFStream(content=self._to_unicode(state))
        to_unicode.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])  # compressed
        font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"),
            "Subtype": pdfdoc.PDFName("Type0"),
            "BaseFont": pdfdoc.PDFName(self.base_name),
            "Encoding": pdfdoc.PDFName("Identity-H"),
            "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font, f"CIDFont:{self.fontName}")]),
            "ToUnicode": doc.Reference(to_unicode, f"ToUnicode:{self.fontName}"),
        })
        ref = doc.Reference(font, state.internal_name)
        doc.idToObject["BasicFonts"].dict[state.internal_name] = ref
        del self._states[doc]
        self._last = None

    def _to_unicode(self, state: "_DocState") -> bytes:
        """The compressed ``ToUnicode`` CMap: the glyphs' characters, then the
        variants'; made once per font and variant set, like the program."""
        variant_chars = [char for _g, _w, char in state.variants]

        def make() -> bytes:
            chars = dict(self.glyph_chars)
            for i, char in enumerate(variant_chars):
                chars[self.glyph_count + i] = char
            return zlib.compress(_to_unicode_cmap(chars))  # the level ReportLab's own streams have

        key = content_key(PROGRAM_VERSION, self.data_key, repr(variant_chars))
        return cached_bytes("pdf-to-unicode", key, make)


class DeferredCodes:
    """Stands in for the document while pages are drawn apart from it (in a helper
    process): what depends on the order of drawing, a font's resource name
    (``/F3``, numbered by first use) and its variant codes (handed out as asked),
    is written as a placeholder. ``Resolver`` puts the real ones in, asking the
    document for them in the order they appear, so that the pages come out as
    if they had been drawn into the document itself."""

    MARK = "\x00"  # never in a content stream otherwise (text is in hexadecimal strings)

    def __init__(self) -> None:
        self.entries: list[tuple] = []  # (font name,) or (font name, char, width)
        self._index: dict[tuple, str] = {}

    def placeholder(self, *entry) -> str:
        found = self._index.get(entry)
        if found is None:
            found = self._index[entry] = f"{self.MARK}{len(self.entries)}{self.MARK}"
            self.entries.append(entry)
        return found


class Resolver:
    """Puts ``doc``'s names and codes in for the placeholders of a ``DeferredCodes``
    (whose ``entries`` these are), asking ``doc`` for them in the order they appear
    in the texts given, call after call."""

    def __init__(self, entries: list[tuple], doc):
        self.entries = entries
        self.doc = doc
        self._done: dict[str, str] = {}

    def __call__(self, texts: list[str]) -> list[str]:
        mark = DeferredCodes.MARK
        return [_PLACEHOLDER.sub(self._real, text) if mark in text else text for text in texts]

    def _real(self, match: re.Match) -> str:
        found = self._done.get(match.group(1))
        if found is None:
            from reportlab.pdfbase import pdfmetrics

            entry = self.entries[int(match.group(1))]
            font = pdfmetrics.getFont(entry[0])
            if len(entry) == 1:
                found = font.internal_name(self.doc)
            else:
                found = font.code_tag(self.doc, entry[1], entry[2])[1:-1]
            self._done[match.group(1)] = found
        return found


_PLACEHOLDER = re.compile("\x00([0-9]+)\x00")


class _DocState:
    """Per document: the resource name and the variant codes handed out."""

    def __init__(self, glyph_count: int):
        self.glyph_count = glyph_count
        self.internal_name: str | None = None
        self.hexmap: dict[str, str] | None = None
        self.plain: dict[str, str] | None = None
        self.tags: dict[tuple[str, int | None], str] = {}  # see EmbeddedFont.code_tag
        self.variants: list[tuple[int, int, str]] = []  # (gid, width, char) by id - glyph_count
        self._codes: dict[tuple[int, int, str], int] = {}

    def variant(self, gid: int, width: int, char: str) -> int:
        key = (gid, width, char)
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = self.glyph_count + len(self.variants)
            if code > 0xFFFF:
                raise OverflowError("more than 65,535 glyphs and variants in one font")
            self.variants.append(key)
        return code


def _postscript_name(data: bytes) -> str | None:
    """The font's PostScript name (HarfBuzz: fontTools' name table drags in its
    OpenType layout classes, a tenth of a second to import)."""
    import uharfbuzz as hb

    return hb.Face(data).get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME)


def _pack(program: bytes) -> bytes:
    """The program's length (4 bytes) and its Flate-compressed bytes."""
    return len(program).to_bytes(4, "big") + zlib.compress(program, 6)


def _subset_tag(digest: str) -> str:
    """Six capital letters naming a subset (PDF 32000 §9.6.4), from its content."""
    value = int(digest[:12], 16)
    letters = []
    for _ in range(6):
        value, rest = divmod(value, 26)
        letters.append(chr(ord("A") + rest))
    return "".join(letters)


def _width_array(widths: list[int]) -> list:
    """``/W`` in runs of consecutive codes, leaving out the default (one em)."""
    from reportlab.pdfbase import pdfdoc

    out: list = []
    run_start, run = None, []
    for code, width in enumerate(widths + [UNITS]):
        if width != UNITS:
            if run_start is None:
                run_start = code
            run.append(width)
        elif run_start is not None:
            out.extend([run_start, pdfdoc.PDFArray(run)])
            run_start, run = None, []
    return out


def _to_unicode_cmap(chars: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    items = sorted(chars.items())
    for i in range(0, len(items), 100):  # at most 100 entries per block
        block = items[i : i + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{code:04X}> <{char.encode('utf-16-be').hex().upper()}>" for code, char in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
