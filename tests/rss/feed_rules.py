"""The rules of the W3C Feed Validation Service that can be checked offline.

``rss_problems`` and ``atom_problems`` return ``(rule, message)`` pairs; an
empty list means the feed keeps every rule below. Rule names follow the
validator's documentation (validator.w3.org/feed/docs/).

RSS 2.0
  rss-root                 <rss version="2.0"> with exactly one <channel>
  missing-element          channel title, link, description; image url, title, link
  absolute-url             every URL (links, image, enclosure, self link, permalink guids) is absolute http(s)
  rfc822-date              pubDate and lastBuildDate are RFC 822 dates with 4-digit years,
                           English names and the right day of the week
  self-link                one atom:link rel="self" whose href is the feed's own URL, with its MIME type
  duplicate-guid           no two items share a guid
  guid-permalink           a guid without isPermaLink="false" is a full URL
  item-title-or-description  every item has a title or a description
  enclosure                url, a positive integer length and a MIME type
  language                 an RFC 1766 / ISO 639 language code
  image-size               image width at most 144, height at most 400
  image-link               the image's link and title are the channel's
  undefined-element        only RSS 2.0 elements and declared extension namespaces
  author-and-creator       an item does not carry both author and dc:creator
  empty-category           categories have text
  content-relative-url     content:encoded has no relative URL (there is no base to resolve it)
  dangerous-content        content has no script, iframe, event handler or javascript: URL

Atom 1.0
  missing-element          feed and entries have id, title and updated
  rfc3339-date             updated and published are RFC 3339 date-times
  self-link                a link rel="self" whose href is the feed's own URL
  alternate-link           the feed and every entry link to their HTML page (rel="alternate", text/html)
  missing-author           the feed, or else every entry, has an author with a name
  duplicate-id, id-uri     entry ids are unique absolute IRIs
  absolute-url             links, icon and logo are absolute http(s)
  enclosure                enclosure links carry a positive length and a MIME type
  published-after-updated  an entry is not updated before it is published
  text-type                title/summary/content types are text, html or xhtml
  content-relative-url, dangerous-content   as for RSS, for html content
  language                 xml:lang is a language code
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"(\d{4}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d ([+-]\d{4}|GMT|UT)$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
MIME = re.compile(r"^[a-z]+/[a-zA-Z0-9.+-]+$")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

CHANNEL_ELEMENTS = {
    "title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate",
    "lastBuildDate", "category", "generator", "docs", "cloud", "ttl", "image", "rating", "textInput",
    "skipHours", "skipDays", "item", f"{{{ATOM_NS}}}link",
}
ITEM_ELEMENTS = {
    "title", "link", "description", "author", "category", "comments", "enclosure", "guid", "pubDate", "source",
    f"{{{CONTENT_NS}}}encoded", f"{{{DC_NS}}}creator",
}

Problems = list[tuple[str, str]]


def is_absolute(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url


def rss_problems(xml: bytes, own_url: str) -> Problems:
    problems: Problems = []
    add = lambda rule, message: problems.append((rule, message))  # noqa: E731
    root = etree.fromstring(xml)
    channels = root.findall("channel")
    if root.tag != "rss" or root.get("version") != "2.0" or len(channels) != 1:
        add("rss-root", f"root {root.tag} version {root.get('version')} with {len(channels)} channels")
        return problems
    channel = channels[0]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            add("missing-element", f"channel has no {name}")
    _check_url(add, channel.findtext("link"), "channel link")
    for child in channel:
        if child.tag not in CHANNEL_ELEMENTS:
            add("undefined-element", f"channel element {child.tag}")
    for name in ("lastBuildDate", "pubDate"):
        for node in channel.findall(name):
            _check_rfc822(add, node.text, f"channel {name}")
    language = channel.findtext("language")
    if language is not None and not LANGUAGE.match(language):
        add("language", f"language {language!r}")
    _check_self_link(add, channel.findall(f"{{{ATOM_NS}}}link"), own_url, "application/rss+xml")
    _check_image(add, channel)

    seen: set[str] = set()
    for index, item in enumerate(channel.findall("item")):
        where = f"item {index + 1}"
        for child in item:
            if child.tag not in ITEM_ELEMENTS:
                add("undefined-element", f"{where}: element {child.tag}")
        if not (item.findtext("title") or item.findtext("description")):
            add("item-title-or-description", where)
        if item.find("link") is not None:
            _check_url(add, item.findtext("link"), f"{where} link")
        guid = item.find("guid")
        if guid is not None:
            if guid.text in seen:
                add("duplicate-guid", f"{where}: {guid.text}")
            seen.add(guid.text or "")
            if guid.get("isPermaLink", "true") != "false" and not is_absolute(guid.text):
                add("guid-permalink", f"{where}: {guid.text!r} is a permalink guid but not a URL")
        for node in item.findall("pubDate"):
            _check_rfc822(add, node.text, f"{where} pubDate")
        for enclosure in item.findall("enclosure"):
            _check_url(add, enclosure.get("url"), f"{where} enclosure")
            _check_length_type(add, enclosure.get("length"), enclosure.get("type"), f"{where} enclosure")
        if item.find("author") is not None and item.find(f"{{{DC_NS}}}creator") is not None:
            add("author-and-creator", where)
        for category in item.findall("category"):
            if not (category.text or "").strip():
                add("empty-category", where)
        for content in item.findall(f"{{{CONTENT_NS}}}encoded"):
            _check_html(add, content.text or "", where)
    return problems


def atom_problems(xml: bytes, own_url: str) -> Problems:
    problems: Problems = []
    add = lambda rule, message: problems.append((rule, message))  # noqa: E731
    root = etree.fromstring(xml)
    a = lambda name: f"{{{ATOM_NS}}}{name}"  # noqa: E731
    if root.tag != a("feed"):
        add("missing-element", f"root is {root.tag}, not atom:feed")
        return problems
    lang = root.get(XML_LANG)
    if lang is not None and not LANGUAGE.match(lang):
        add("language", f"xml:lang {lang!r}")
    _check_required(add, root, a, "feed")
    _check_self_link(add, root.findall(a("link")), own_url, "application/atom+xml")
    if not any(l.get("rel", "alternate") == "alternate" and l.get("type") == "text/html" for l in root.findall(a("link"))):
        add("alternate-link", "the feed has no alternate link to its HTML page")
    for name in ("icon", "logo"):
        for node in root.findall(a(name)):
            _check_url(add, node.text, f"feed {name}")
    for link in root.findall(a("link")):
        _check_url(add, link.get("href"), "feed link")
    feed_author = any((x.findtext(a("name")) or "").strip() for x in root.findall(a("author")))

    seen: set[str] = set()
    for index, entry in enumerate(root.findall(a("entry"))):
        where = f"entry {index + 1}"
        _check_required(add, entry, a, where)
        entry_id = entry.findtext(a("id")) or ""
        if entry_id in seen:
            add("duplicate-id", f"{where}: {entry_id}")
        seen.add(entry_id)
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", entry_id):
            add("id-uri", f"{where}: {entry_id!r}")
        links = entry.findall(a("link"))
        for link in links:
            _check_url(add, link.get("href"), f"{where} link")
            if link.get("rel") == "enclosure":
                _check_length_type(add, link.get("length"), link.get("type"), f"{where} enclosure")
        if not any(l.get("rel", "alternate") == "alternate" for l in links) and entry.find(a("content")) is None:
            add("alternate-link", f"{where} has neither an alternate link nor content")
        if not feed_author and not any((x.findtext(a("name")) or "").strip() for x in entry.findall(a("author"))):
            add("missing-author", where)
        published, updated = entry.findtext(a("published")), entry.findtext(a("updated"))
        if published and updated and RFC3339.match(published) and RFC3339.match(updated):
            if dt.datetime.fromisoformat(updated) < dt.datetime.fromisoformat(published):
                add("published-after-updated", where)
        for name in ("title", "summary", "content"):
            for node in entry.findall(a(name)):
                kind = node.get("type", "text")
                if kind not in ("text", "html", "xhtml"):
                    add("text-type", f"{where} {name} type {kind!r}")
                if name == "content" and kind == "html":
                    _check_html(add, node.text or "", where)
    return problems


# ---------------------------------------------------------------- helpers


def _check_url(add, url: str | None, where: str) -> None:
    if not is_absolute(url):
        add("absolute-url", f"{where}: {url!r}")


def _check_rfc822(add, text: str | None, where: str) -> None:
    match = RFC822.match(text or "")
    if not match:
        add("rfc822-date", f"{where}: {text!r}")
        return
    if DAYS[parsedate_to_datetime(text).weekday()] != match.group(1):
        add("rfc822-date", f"{where}: {text!r} names the wrong day of the week")


def _check_self_link(add, links, own_url: str, media_type: str) -> None:
    selves = [l for l in links if l.get("rel") == "self"]
    if len(selves) != 1:
        add("self-link", f"{len(selves)} self links")
        return
    if selves[0].get("href") != own_url:
        add("self-link", f"self link {selves[0].get('href')!r} is not the feed's URL {own_url!r}")
    if selves[0].get("type") != media_type:
        add("self-link", f"self link type {selves[0].get('type')!r}, not {media_type}")


def _check_image(add, channel) -> None:
    image = channel.find("image")
    if image is None:
        return
    for name in ("url", "title", "link"):
        if not (image.findtext(name) or "").strip():
            add("missing-element", f"image has no {name}")
    _check_url(add, image.findtext("url"), "image url")
    _check_url(add, image.findtext("link"), "image link")
    for name, limit in (("width", 144), ("height", 400)):
        value = image.findtext(name)
        if value is not None and (not value.isdigit() or not 0 < int(value) <= limit):
            add("image-size", f"image {name} {value!r} (at most {limit})")
    if image.findtext("link") != channel.findtext("link") or image.findtext("title") != channel.findtext("title"):
        add("image-link", "the image's link or title differs from the channel's")


def _check_length_type(add, length: str | None, media_type: str | None, where: str) -> None:
    if not (length or "").isdigit() or int(length) <= 0:
        add("enclosure", f"{where}: length {length!r}")
    if not MIME.match(media_type or ""):
        add("enclosure", f"{where}: type {media_type!r}")


def _check_required(add, node, a, where: str) -> None:
    for name in ("id", "title", "updated"):
        if not (node.findtext(a(name)) or "").strip():
            add("missing-element", f"{where} has no {name}")
    for name in ("updated", "published"):
        for child in node.findall(a(name)):
            if not RFC3339.match(child.text or ""):
                add("rfc3339-date", f"{where} {name}: {child.text!r}")


def _check_html(add, markup: str, where: str) -> None:
    if not markup.strip():
        return
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("script", "iframe", "object", "embed"):
            add("dangerous-content", f"{where}: <{element.tag}>")
        for name, value in element.attrib.items():
            if name.startswith("on"):
                add("dangerous-content", f"{where}: {name} handler")
            if name in ("href", "src"):
                if value.strip().lower().startswith("javascript:"):
                    add("dangerous-content", f"{where}: {value!r}")
                elif not urlsplit(value).scheme:
                    add("content-relative-url", f"{where}: {name}={value!r}")
