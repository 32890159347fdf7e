"""The issue's pictures, as the web edition serves them.

Browsers show JPEG, PNG, GIF and WebP: those are copied byte for byte.
Anything else Pillow reads (TIFF from the picture desk, BMP …) is converted
to PNG. Every picture gets a URL-safe file name whose extension matches its
format, so a web server sends the same MIME type the feed's enclosure states.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ...diagnostics import Reporter
from ...errors import InputError, Location
from ...model import Figure, Issue

WEB_FORMATS = {  # Pillow format -> (MIME type, extensions, the first is canonical)
    "JPEG": ("image/jpeg", (".jpg", ".jpeg")),
    "PNG": ("image/png", (".png",)),
    "GIF": ("image/gif", (".gif",)),
    "WEBP": ("image/webp", (".webp",)),
}
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


@dataclass(frozen=True)
class SiteImage:
    name: str  # file name inside the issue's images folder
    data: bytes
    media_type: str

    @property
    def length(self) -> int:
        return len(self.data)


def prepare_images(issue: Issue, source_root: Path, reporter: Reporter) -> dict[str, SiteImage]:
    """Figure path (as in the model) -> the picture the site serves."""
    images: dict[str, SiteImage] = {}
    taken: set[str] = set()
    for _page, article in issue.articles():
        for index, block in enumerate(article.blocks):
            if not isinstance(block, Figure) or block.image in images:
                continue
            where = Location(article=article.id, field=f"blocks[{index}].image")
            data, fmt = _read(source_root / block.image, block.image, where)
            if fmt not in WEB_FORMATS:
                data = _to_png(data)
                reporter.info("rss.image-converted", f"{block.image} ({fmt}) is served as PNG", where)
                fmt = "PNG"
            name = _unique_name(block.image, fmt, taken)
            taken.add(name.lower())
            images[block.image] = SiteImage(name, data, WEB_FORMATS[fmt][0])
    return images


def _read(path: Path, relative: str, where: Location) -> tuple[bytes, str]:
    from PIL import Image, UnidentifiedImageError

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"picture {relative!r} cannot be read: {exc.strerror or exc}", where) from None
    try:
        with Image.open(io.BytesIO(data)) as image:
            return data, str(image.format)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InputError(f"picture {relative!r} is not an image file Pillow can read ({exc})", where) from None


def _to_png(data: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image.load()
        mode = "RGBA" if "A" in image.getbands() else "RGB"
        out = io.BytesIO()
        image.convert(mode).save(out, format="PNG", optimize=False)
        return out.getvalue()


def _unique_name(relative: str, fmt: str, taken: set[str]) -> str:
    """The picture's own file name when it is URL-safe and free; else a name
    made from a hash of its path. The extension always names the format."""
    extensions = WEB_FORMATS[fmt][1]
    pure = PurePosixPath(relative)
    stem = pure.stem if pure.suffix.lower() in extensions else pure.name
    name = stem + (pure.suffix if pure.suffix.lower() in extensions else extensions[0])
    if SAFE_NAME.match(name) and name.lower() not in taken:
        return name
    digest = hashlib.sha256(relative.encode("utf-8")).hexdigest()
    for size in range(12, 65, 4):
        name = f"{digest[:size]}{extensions[0]}"
        if name.lower() not in taken:
            return name
    raise AssertionError("sha-256 prefixes collide")  # two different paths, same 256-bit hash
