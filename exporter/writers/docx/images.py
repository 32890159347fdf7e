"""Pictures for the Word documents: read once, checked before anything is written.

Word takes JPEG, PNG, GIF, BMP and TIFF. Any other picture Pillow can read
(WebP, for example) is converted to PNG, and said so; a missing or unreadable
file is an error naming the file, the article and the field.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.shared import Emu, Mm

from ...diagnostics import Reporter
from ...errors import InputError, Location
from ...model import Figure


@dataclass(frozen=True)
class Picture:
    data: bytes  # JPEG, PNG, GIF, BMP or TIFF
    aspect: float  # height / width, from the pixel size and resolution
    file_name: str  # image.png …: the name python-docx gives a picture read from memory
    extension: str  # png, jpg …
    content_type: str  # image/png …
    sha1: str  # of the data: the same picture is stored once per document

    def fitted(self, max_width_mm: float, max_height_mm: float) -> tuple[Emu, Emu]:
        """Width and height at the text width, shrunk to ``max_height_mm`` if taller."""
        width = Mm(max_width_mm)
        height = round(width * self.aspect)
        limit = Mm(max_height_mm)
        if height > limit:
            width, height = round(limit / self.aspect), limit
        return Emu(max(1, int(width))), Emu(max(1, int(height)))


class Pictures:
    """The pictures of an issue, by path relative to the issue folder."""

    def __init__(self, source_root: Path, reporter: Reporter):
        self.root = source_root
        self.reporter = reporter
        self._loaded: dict[str, Picture] = {}

    def get(self, figure: Figure, where: Location) -> Picture:
        if figure.image not in self._loaded:
            self._loaded[figure.image] = self._load(figure.image, where)
        return self._loaded[figure.image]

    def _load(self, relative: str, where: Location) -> Picture:
        path = self.root / relative
        located = Location(str(path), where.article, where.field)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"picture {relative!r} not found", located) from None
        except OSError as error:
            raise InputError(f"picture {relative!r} cannot be read: {error.strerror or error}", located) from None
        try:
            image = Image.from_blob(data)
        except UnrecognizedImageError:
            data = _as_png(data, relative, located)
            self.reporter.info("docx.picture-converted", f"picture {relative!r} converted to PNG for Word", located)
            image = Image.from_blob(data)
        except Exception as error:  # a truncated or corrupt header
            raise InputError(f"picture {relative!r} is damaged: {error}", located) from None
        if image.px_width <= 0 or image.px_height <= 0:
            raise InputError(f"picture {relative!r} has no size", located)
        return Picture(data, int(image.height) / int(image.width), image.filename, image.ext, image.content_type,
                       hashlib.sha1(data).hexdigest())


def _as_png(data: bytes, relative: str, where: Location) -> bytes:
    from PIL import Image as PillowImage

    try:
        with PillowImage.open(io.BytesIO(data)) as picture:
            picture.load()
            if picture.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                picture = picture.convert("RGBA")
            out = io.BytesIO()
            picture.save(out, format="PNG", optimize=False)
            return out.getvalue()
    except Exception as error:
        raise InputError(f"picture {relative!r} is not an image Word or Pillow can read ({error})", where) from None
