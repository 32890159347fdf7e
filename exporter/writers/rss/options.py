"""Options of the feed and web-edition writer (``-O name=value``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import WriterOptions


@dataclass(frozen=True)
class RssOptions(WriterOptions):
    # The site's address; overrides publication.base_url (also ``--base-url``).
    base_url: str = ""
    # How many items the rolling feed keeps, across every issue built into the folder.
    feed_items: int = 100
    # Longest description (summary) in characters; a longer lead is cut at a sentence end
    # (0: the whole lead paragraph).
    summary_chars: int = 300
    # Subset the theme's fonts into each issue folder (WOFF2), so no reader sees tofu.
    # When not given, the theme's [reflow] embed_fonts decides.
    embed_fonts: bool = True
    # An image file (PNG, JPEG, GIF) used as the feed logo instead of the generated masthead.
    logo: str = ""
