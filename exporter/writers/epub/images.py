"""The pictures of the issue as e-book resources.

Each figure's file is copied once, under a name made from where it first
appears (images/p01-06-1.jpg), with the media type of what the file really
is, not of its extension. JPEG, PNG, GIF and WebP are EPUB core media types
and are copied byte for byte; any other raster format Pillow reads is
converted to PNG (lossless), with a diagnostic.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...diagnostics import Reporter
from ...errors import InputError, Location
from ...model import Article, Figure
from .documents import Document

IMAGE_DIR = "images"

# Pillow format -> (extension, media type) for the core media types.
CORE_FORMATS = {
    "JPEG": (".jpg", "image/jpeg"),
    "PNG": (".png", "image/png"),
    "GIF": (".gif", "image/gif"),
    "WEBP": (".webp", "image/webp"),
}


@dataclass(frozen=True)
class BookImage:
    file_name: str  # relative to the package folder
    item_id: str
    media_type: str
    data: bytes
    width: int
    height: int


class ImageCatalog:
    """Figure path (as in the model) -> the image in the book."""

    def __init__(self) -> None:
        self.by_source: dict[str, BookImage] = {}

    def __iter__(self):
        return iter(self.by_source.values())

    def image_for(self, figure: Figure) -> BookImage:
        return self.by_source[figure.image]


def collect_images(
    documents: list[Document], image_path: Callable[[str], Path], reporter: Reporter
) -> ImageCatalog:
    catalog = ImageCatalog()
    for document in documents:
        for article in document.articles:
            count = 0
            for index, block in enumerate(article.blocks):
                if not isinstance(block, Figure) or block.image in catalog.by_source:
                    continue
                count += 1
                path = image_path(block.image)
                where = Location(str(path), article.id, f"blocks[{index}].image")
                stem = f"p{document.page.number:02d}-{article_position(document, article):02d}-{count}"
                catalog.by_source[block.image] = _book_image(path, stem, where, reporter)
    return catalog


def article_position(document: Document, article: Article) -> int:
    """1-based position of the article on its page (stable across builds)."""
    return next(i for i, a in enumerate(document.page.articles, 1) if a is article)


def _book_image(path: Path, stem: str, where: Location, reporter: Reporter) -> BookImage:
    from PIL import Image, UnidentifiedImageError

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("image file not found", where) from None
    except OSError as exc:
        raise InputError(f"image file cannot be read: {exc.strerror or exc}", where) from None
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format or ""
            size = image.size
            if image_format not in CORE_FORMATS:
                data = _as_png(image)
                reporter.info(
                    "epub.image-converted",
                    f"{image_format or 'unknown'} image converted to PNG (not an EPUB core media type)",
                    where,
                )
                image_format = "PNG"
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise InputError(f"not a readable image: {exc}", where) from None
    extension, media_type = CORE_FORMATS[image_format]
    return BookImage(
        file_name=f"{IMAGE_DIR}/{stem}{extension}",
        item_id=f"img-{stem}",
        media_type=media_type,
        data=data,
        width=size[0],
        height=size[1],
    )


def _as_png(image) -> bytes:
    if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
