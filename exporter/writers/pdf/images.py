"""Pictures on the page: PNG data embedded as it is, other files through ReportLab.

ReportLab decodes a PNG to raw pixels and compresses them again, a few
milliseconds per picture and a tenth of a second for an issue's dozens.
A PDF reads PNG's own compressed data directly (Flate with the PNG
predictors, PDF 32000 §7.4.4.4), so an opaque, non-interlaced PNG in grey,
RGB or a palette is copied chunk by chunk. Anything else (transparency,
interlacing, JPEG, which ReportLab already copies) takes ReportLab's path.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfdoc

from ...cache import content_key

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLORS = {0: 1, 2: 3, 3: 1}  # PNG colour type -> components per pixel (grey, RGB, palette index)


@dataclass(frozen=True)
class PngData:
    """What the PDF needs of a PNG: its shape, colours and compressed rows."""

    width: int
    height: int
    bits: int
    color_type: int
    palette: bytes
    data: bytes  # the IDAT chunks joined: a zlib stream of filtered rows

    @property
    def digest(self) -> str:
        return content_key("png", self.data, self.palette, repr((self.width, self.height, self.bits)))


def read_png(path: str) -> PngData | None:
    """The PNG at ``path`` if it can be embedded as it is, else None."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _read_png(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=256)
def _read_png(path: str, size: int, mtime: int) -> PngData | None:
    """(Remembered by path, size and modification time: a file changed in place is read again.)"""
    try:
        with open(path, "rb") as handle:
            blob = handle.read()
    except OSError:
        return None
    if not blob.startswith(PNG_SIGNATURE):
        return None
    pos, header, palette, parts = 8, None, b"", []
    while pos + 8 <= len(blob):
        length, kind = struct.unpack(">I4s", blob[pos:pos + 8])
        body = blob[pos + 8:pos + 8 + length]
        if len(body) != length:
            return None  # a cut file: let ReportLab report it
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            return None  # transparency needs a mask
        elif kind == b"IDAT":
            parts.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not parts:
        return None
    width, height, bits, color_type, compression, filtering, interlace = header
    if color_type not in _COLORS or compression or filtering or interlace or bits not in (1, 2, 4, 8, 16):
        return None
    if color_type == 3 and (not palette or bits == 16):
        return None
    return PngData(width, height, bits, color_type, palette, b"".join(parts))


class PngXObject(pdfdoc.PDFObject):
    """An image XObject holding a PNG's compressed rows (a ReportLab PDF object)."""

    def __init__(self, png: PngData):
        self.png = png
        self.width, self.height = png.width, png.height

    def format(self, document) -> bytes:
        png = self.png
        colors = _COLORS[png.color_type]
        if png.color_type == 3:
            entries = len(png.palette) // 3
            space = pdfdoc.PDFArray([
                pdfdoc.PDFName("Indexed"), pdfdoc.PDFName("DeviceRGB"), entries - 1,
                pdfdoc.PDFString(png.palette[:3 * entries]),
            ])
        else:
            space = pdfdoc.PDFName("DeviceGray" if colors == 1 else "DeviceRGB")
        stream = pdfdoc.PDFStream(content=png.data)
        stream.dictionary.dict.update({
            "Type": pdfdoc.PDFName("XObject"),
            "Subtype": pdfdoc.PDFName("Image"),
            "Width": png.width,
            "Height": png.height,
            "BitsPerComponent": png.bits,
            "ColorSpace": space,
            "Filter": pdfdoc.PDFName("FlateDecode"),
            "DecodeParms": pdfdoc.PDFDictionary({
                "Predictor": 15, "Colors": colors, "BitsPerComponent": png.bits, "Columns": png.width,
            }),
        })
        return stream.format(document)


def draw_image(canvas, path: str, x: float, y: float, width: float, height: float) -> None:
    """Draw the picture file at ``path`` into the box; each file is embedded once per PDF."""
    defer = getattr(canvas, "defer", None)
    if defer is not None:  # a page drawn apart: the document embeds the picture when it takes the page
        defer(draw_image, path, x, y, width, height)
        return
    png = read_png(path)
    if png is None:
        canvas.drawImage(path, x, y, width, height)
        return
    doc = canvas._doc
    name = png.digest[:32]
    reference = doc.getXObjectName(name)
    if reference not in doc.idToObject:
        doc.Reference(PngXObject(png), reference)
    canvas._currentPageHasImages = 1
    canvas._formsinuse.append(name)  # the page's resources name it
    canvas._code.append(f"q {_n(width)} 0 0 {_n(height)} {_n(x)} {_n(y)} cm /{reference} Do Q")


def _n(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")
