"""TrueType (glyf) fonts for ReportLab, which cannot embed CFF outlines.

Noto CJK ships CFF outlines. The face is first subset with HarfBuzz to the
characters needed (milliseconds), then the subset's cubic outlines are
converted to quadratic ones with fontTools' cu2qu. The result is cached on
disk by face and character set, so a warm build does no conversion at all.
"""

from __future__ import annotations

import io
from typing import Iterable

from ..cache import cached_bytes, content_key
from .registry import FontFace
from .subset import subset_face

CONVERTER_VERSION = "1"
MAX_ERROR_EM = 1 / 1000  # cu2qu tolerance, in em: far below what print can show


def truetype_subset(face: FontFace, codepoints: Iterable[int]) -> bytes:
    """A TrueType-outline font with the glyphs for ``codepoints``."""
    points = sorted(set(codepoints))
    subset = subset_face(face, points)
    if not face.is_cff:
        return subset
    key = content_key(CONVERTER_VERSION, face.key, ",".join(map(str, points)))
    return cached_bytes("truetype", key, lambda: cff_to_truetype(subset))


def cff_to_truetype(data: bytes) -> bytes:
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(io.BytesIO(data))
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    max_err = font["head"].unitsPerEm * MAX_ERROR_EM
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        recording = DecomposingRecordingPen(glyph_set)
        glyph_set[name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"].tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(font["maxp"], attr, 0)
    font["maxp"].maxZones = 1
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and ReportLab needs none
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
