"""The EPUB e-reader edition: EPUB 3 with an NCX, for Kindle (Send to Kindle
takes EPUB), Kobo, Apple Books and phone readers.

One XHTML document per article (briefs of a page share one) in reading
order; navigation by page (第1版 要闻) and article; a cover drawn in the
issue's fonts and a title page; the theme's reflowable CSS with the body
faces embedded, subset to the issue's characters.

Options: ``-O embed_fonts=false`` leaves the fonts out (the theme's
``[reflow].embed_fonts`` is the default).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...model import Issue
from ..base import BuildContext, Writer, WriterOptions, issue_basename


@dataclass(frozen=True)
class EpubOptions(WriterOptions):
    embed_fonts: bool | None = None  # None: the theme's [reflow].embed_fonts


class EpubWriter(Writer):
    name = "epub"
    description = "EPUB 3 e-reader edition (with NCX), fonts subset and embedded"
    media_type = "application/epub+zip"
    requires = ("ebooklib",)
    extra = "epub"
    Options = EpubOptions

    @classmethod
    def warm_up(cls) -> None:
        from ebooklib import epub  # noqa: F401  (imports the libraries the writer uses)
        from PIL import Image, ImageDraw, ImageFont  # noqa: F401  (the cover)

        from ...fonts.registry import import_libraries
        from . import edition  # noqa: F401

        import_libraries()
        Image.preinit()  # Pillow's picture formats, otherwise registered at the first picture read

    def write(self, issue: Issue, context: BuildContext) -> list[Path]:
        from .edition import build_epub

        options = context.options
        embed = getattr(options, "embed_fonts", None)
        if embed is None:
            embed = bool(context.theme.section("reflow")["embed_fonts"])
        data = build_epub(issue, context, embed_fonts=embed)
        path = context.staging / f"{issue_basename(issue)}.epub"
        path.write_bytes(data)
        return [path]
