"""TrueType (glyf) fonts for the PDF, whose embedding needs TrueType outlines.

Noto CJK ships CFF outlines. The face is first subset with HarfBuzz to the
characters needed (milliseconds), then the subset's cubic outlines are
converted to quadratic ones with fontTools' cu2qu. Two disk caches keep this
cheap: the whole result, by face and character set (a rebuild of the same
issue converts nothing), and each converted glyph, by face and character
(the next issue of an archive converts only the characters it adds).
"""

from __future__ import annotations

import io
import marshal
from typing import Iterable

from ..cache import cache_dir, cached_bytes, content_key
from .registry import FontFace
from .subset import subset_face

CONVERTER_VERSION = "3"
MAX_ERROR_EM = 1 / 1000  # cu2qu tolerance, in em: far below what print can show


def truetype_subset(face: FontFace, codepoints: Iterable[int]) -> bytes:
    """A TrueType-outline font with the glyphs for ``codepoints``."""
    points = sorted(set(codepoints))
    subset = subset_face(face, points)
    if not face.is_cff:
        return subset
    key = content_key(CONVERTER_VERSION, face.key, ",".join(map(str, points)))
    return cached_bytes("truetype", key, lambda: cff_to_truetype(subset, GlyphCache(face.key)))


class GlyphCache:
    """Converted glyphs of one face, by the character they draw, kept on disk.

    Entries are ``(glyf data, points, contours)``. Concurrent builds may each
    add glyphs; the last to write wins, and what another lost is converted
    again when next needed.
    """

    def __init__(self, face_key: str):
        self.path = cache_dir() / "truetype-glyphs" / f"{content_key(CONVERTER_VERSION, face_key)[:32]}"
        try:
            self.glyphs: dict = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            self.glyphs = {}
        self.added = 0

    def get(self, key):
        return self.glyphs.get(key)

    def put(self, key, entry) -> None:
        self.glyphs[key] = entry
        self.added += 1

    def save(self) -> None:
        if not self.added:
            return
        import os
        import tempfile

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(self.glyphs))
            os.replace(tmp, self.path)
        except BaseException:
            os.unlink(tmp)
            raise


def cff_to_truetype(data: bytes, cache: GlyphCache | None = None) -> bytes:
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    font = TTFont(io.BytesIO(data))
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    max_err = font["head"].unitsPerEm * MAX_ERROR_EM
    drawn = {}  # glyph name -> the character it draws: the cache key
    for cp, name in sorted(font.getBestCmap().items(), reverse=True):
        drawn[name] = cp
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    most_points = most_contours = 0
    for name in order:
        key = drawn.get(name, name)
        entry = cache.get(key) if cache is not None else None
        if entry is None:
            entry = _convert(glyph_set, name, glyf, max_err)
            if cache is not None:
                cache.put(key, entry)
        glyph_data, points, contours = entry
        glyf.glyphs[name] = Glyph(glyph_data)
        most_points = max(most_points, points)
        most_contours = max(most_contours, contours)
    if cache is not None:
        cache.save()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                 "maxComponentDepth", "maxCompositePoints", "maxCompositeContours"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxPoints, maxp.maxContours = most_points, most_contours
    maxp.numGlyphs = len(order)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and PDF needs none
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = False  # the glyphs carry their bounds; head keeps the face's
    font.recalcTimestamp = False  # same input, same bytes: head keeps the face's dates
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _convert(glyph_set, name: str, glyf, max_err: float) -> tuple[bytes, int, int]:
    """One CFF glyph as compiled TrueType glyph data, with its point and contour counts."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    recording = DecomposingRecordingPen(glyph_set)
    glyph_set[name].draw(recording)
    pen = TTGlyphPen(None)
    recording.replay(Cu2QuPen(pen, max_err, reverse_direction=True))
    glyph = pen.glyph()
    if glyph.numberOfContours == 0:
        return b"", 0, 0
    data = glyph.compile(glyf, recalcBBoxes=True)
    return data, len(glyph.coordinates), glyph.numberOfContours
