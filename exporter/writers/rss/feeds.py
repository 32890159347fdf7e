"""RSS 2.0 and Atom 1.0 through feedgen, with order and dates made explicit.

feedgen's defaults are overridden where they would make the output depend on
the build: entries are appended in the order given (``add_entry`` prepends
by default), every date is set (the defaults are "now"), and the RFC 822
dates of RSS are written by our own extension with ``email.utils`` rather
than by ``strftime``, whose day and month names follow the process locale.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from email.utils import format_datetime

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from lxml import etree
from lxml import html as lxml_html
from lxml.html import defs as lxml_defs

from .entries import FeedItem
from .urls import absolute

GENERATOR = "cjk-news-exporter"


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    site_url: str  # the web edition's front page
    rss_url: str
    atom_url: str
    feed_id: str
    language: str  # e.g. zh-cn
    author: str
    rights: str
    updated: dt.datetime  # the newest issue's fixed timestamp
    logo_url: str
    logo_size: tuple[int, int] | None
    icon_url: str


def rfc822(moment: dt.datetime) -> str:
    """``Mon, 26 Jan 2026 00:00:00 +0800`` in any locale."""
    return format_datetime(moment)


# ---------------------------------------------------------------- RSS 2.0


class _RssDates(BaseExtension):
    """Writes lastBuildDate itself (feedgen's would be formatted by strftime)."""

    def __init__(self) -> None:
        self.last_build: dt.datetime | None = None

    def extend_rss(self, feed):
        channel = feed[0]
        node = channel.find("lastBuildDate")
        if node is None:
            node = xml_elem("lastBuildDate", channel)
        node.text = rfc822(self.last_build)
        return feed


class _RssEntryDates(BaseEntryExtension):
    def __init__(self) -> None:
        self.published: dt.datetime | None = None

    def extend_rss(self, item):
        xml_elem("pubDate", item).text = rfc822(self.published)
        return item


def rss_feed(channel: Channel, items: list[FeedItem], base: str, contents: dict[str, str] | None = None
             ) -> bytes:
    """``contents``: each item's HTML with absolute URLs, by guid (``absolute_contents``)."""
    contents = contents if contents is not None else absolute_contents(items, base)
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.register_extension("newsdates", _RssDates, _RssEntryDates, atom=False, rss=True)
    fg.title(channel.title)
    # feedgen takes the channel <link> from the last link given: self first.
    fg.link(href=channel.rss_url, rel="self", type="application/rss+xml")
    fg.link(href=channel.site_url, rel="alternate")
    fg.description(channel.description)
    fg.language(channel.language)
    fg.generator(GENERATOR)
    if channel.rights:
        fg.copyright(channel.rights)
    width, height = channel.logo_size or (None, None)
    fg.image(
        url=channel.logo_url, title=channel.title, link=channel.site_url,
        width=str(width) if width else None, height=str(height) if height else None,
    )
    fg.lastBuildDate(channel.updated)
    fg.newsdates.last_build = channel.updated
    for item in items:
        fe = fg.add_entry(order="append")
        link = absolute(base, item.path)
        fe.title(item.title)
        fe.link(href=link)
        fe.guid(item.guid, permalink=False)
        # RSS descriptions are read as HTML: plain text is escaped once more.
        fe.description(html.escape(item.summary or item.title, quote=False))
        fe.content(contents[item.guid])
        for category in item.categories:
            fe.category(term=category)
        if item.enclosure is not None:
            fe.enclosure(
                url=absolute(base, item.enclosure.path),
                length=str(item.enclosure.length),
                type=item.enclosure.type,
            )
        if item.creator:
            fe.dc.dc_creator(item.creator)
        fe.newsdates.published = item.published_at
    return fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


# ---------------------------------------------------------------- Atom 1.0


class _AtomEntryLinks(BaseEntryExtension):
    """Writes the entry's links itself: feedgen 1.0 drops rel, type and length
    of entry links (python-feedgen issue #135), which would turn the
    enclosure into a second alternate link."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []

    def extend_atom(self, entry):
        for attributes in self.links:
            xml_elem("link", entry, **attributes)
        return entry


def atom_feed(channel: Channel, items: list[FeedItem], base: str, contents: dict[str, str] | None = None
              ) -> bytes:
    contents = contents if contents is not None else absolute_contents(items, base)
    fg = FeedGenerator()
    fg.id(channel.feed_id)
    fg.title(channel.title)
    fg.subtitle(channel.description)
    fg.updated(channel.updated)
    fg.author(name=channel.author)
    fg.link(href=channel.site_url, rel="alternate", type="text/html")
    fg.link(href=channel.atom_url, rel="self", type="application/atom+xml")
    fg.language(channel.language)
    fg.generator(GENERATOR)
    fg.register_extension("newslinks", BaseExtension, _AtomEntryLinks, atom=True, rss=False)
    fg.logo(channel.logo_url)
    fg.icon(channel.icon_url)
    if channel.rights:
        fg.rights(channel.rights)
    for item in items:
        fe = fg.add_entry(order="append")
        link = absolute(base, item.path)
        fe.id(item.guid)
        fe.title(item.title)
        fe.updated(item.published_at)
        fe.published(item.published_at)
        if item.creator:
            fe.author(name=item.creator)
        fe.newslinks.links.append({"href": link, "rel": "alternate", "type": "text/html"})
        if item.summary:
            fe.summary(item.summary, type="text")
        fe.content(contents[item.guid], type="html")
        for category in item.categories:
            fe.category(term=category)
        if item.enclosure is not None:
            fe.newslinks.links.append({
                "href": absolute(base, item.enclosure.path),
                "rel": "enclosure",
                "type": item.enclosure.type,
                "length": str(item.enclosure.length),
            })
    return fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def absolute_contents(items: list[FeedItem], base: str) -> dict[str, str]:
    """Each item's HTML with absolute URLs, by guid: made once for both feeds."""
    return {item.guid: absolute_html(item.content, absolute(base, item.path)) for item in items}


def absolute_html(fragment: str, page_url: str) -> str:
    """The article HTML with every URL resolved against its page, as a feed
    reader (which has no page) needs it. Most articles have neither a picture
    nor a link: their HTML (lxml's, which reads back as written) is kept as it is."""
    if not any(attribute in fragment for attribute in _URL_MARKERS):
        return fragment
    root = lxml_html.fragment_fromstring(fragment)
    root.make_links_absolute(page_url, resolve_base_href=False)
    return etree.tostring(root, method="html", encoding="unicode")


# Where a URL can stand in HTML, as lxml's make_links_absolute looks for one:
# the link attributes, and url() or @import in styles.
_URL_MARKERS = tuple(f"{name}=" for name in sorted(lxml_defs.link_attrs)) + ("url(", "@import")
