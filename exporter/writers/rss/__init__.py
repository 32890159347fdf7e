"""The subscriber feed: RSS 2.0 and Atom 1.0 over a static web edition.

Build issue after issue into the same folder: each build adds (or replaces)
its issue's pages and refreshes the feeds, which keep the newest
``feed_items`` items of every issue built there. See ``urls.py`` for the
layout of the folder.
"""

from __future__ import annotations

from pathlib import Path

from ...model import Issue
from ..base import BuildContext, Writer
from .options import RssOptions


class RssWriter(Writer):
    name = "rss"
    description = "RSS 2.0 and Atom feeds with full text, over a static web edition (rolling across issues)"
    media_type = "application/rss+xml"
    requires = ("feedgen", "brotli")  # brotli: fontTools writes WOFF2 with it
    extra = "rss"
    Options = RssOptions
    relative_cost = 0.7

    @classmethod
    def warm_up(cls) -> None:
        import feedgen.feed  # noqa: F401  (imports the libraries the writer uses)
        import feedgen.ext.dc  # noqa: F401
        from PIL import Image, ImageDraw, ImageFont  # noqa: F401  (the site's icons)

        from ...fonts.registry import import_libraries
        from . import edition  # noqa: F401

        import_libraries()
        Image.preinit()  # Pillow's picture formats, otherwise registered at the first picture read

    def write(self, issue: Issue, context: BuildContext) -> list[Path]:
        from .edition import write_edition  # feedgen is imported only when the writer runs

        return write_edition(issue, context)


__all__ = ["RssOptions", "RssWriter"]
