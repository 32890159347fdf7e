"""Where everything lives in the web edition, and its absolute URLs.

Layout of the output folder (one site, any number of issues built into it)::

    index.html               the latest issues, newest first
    style.css                the theme's reflowable CSS plus the site's own
    rss.xml, atom.xml        the rolling feeds
    feed-state.json          the feed's memory: the items of every issue built here
    logo.png, icon.png       the feed image (masthead) and the square icon
    <key>/index.html         one issue, by page and section (<key> = the issue date)
    <key>/<article-id>.html  one page per article
    <key>/images/…           the issue's pictures
    <key>/fonts.css, fonts/  the fonts subset to the issue's characters

Every path here is built from ASCII-safe parts (dates, article ids, sanitised
image names), so a relative path is also a valid URL path.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from ...errors import InputError, Location, UsageError
from ...model import Issue, Publication

RSS = "rss.xml"
ATOM = "atom.xml"
STATE = "feed-state.json"
STYLE = "style.css"
SITE_INDEX = "index.html"
LOGO = "logo.png"
ICON = "icon.png"
ISSUE_INDEX = "index.html"
FONTS_CSS = "fonts.css"
IMAGES = "images"
FONTS = "fonts"

# Names under which every item id is minted (uuid5); never change it, or every guid changes.
GUID_NAMESPACE = uuid.UUID("6f0c7c55-8a6e-5b4e-9b1e-2f4d3c1a7e21")


def issue_key(issue: Issue) -> str:
    """The issue's folder name: its date, plus the edition when there is one."""
    key = issue.date.isoformat()
    if issue.edition:
        ascii_name = re.sub(r"[^a-z0-9]+", "-", issue.edition.lower()).strip("-")
        key += "-" + (ascii_name or hashlib.sha256(issue.edition.encode("utf-8")).hexdigest()[:8])
    return key


def article_file(article_id: str) -> str:
    """The page of an article inside its issue folder. Ids are unique and
    URL-safe; only ``index`` would clash with the issue index."""
    stem = article_id + "@" if article_id.lower() == "index" else article_id
    return f"{stem}.html"


def article_path(key: str, article_id: str) -> str:
    return f"{key}/{article_file(article_id)}"


def publication_id(publication: Publication) -> str:
    """What identifies the publication in guids and in the feed state."""
    return publication.slug or publication.name


def item_guid(publication: Publication, key: str, article_id: str) -> str:
    """A guid that does not depend on the base URL: moving the site keeps it."""
    name = f"{publication_id(publication)}/{key}/{article_id}"
    return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, name)}"


def feed_id(publication: Publication) -> str:
    return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, publication_id(publication) + '/feed')}"


def resolve_base_url(option: str, publication: Publication) -> str:
    """The site's absolute base URL, ending in ``/``: ``--base-url`` wins over
    the publication's. Refused when missing or not an absolute http(s) URL."""
    if option:
        return normalise_base_url(option, lambda why: UsageError(f"--base-url {option!r}: {why}"))
    if publication.base_url:
        return normalise_base_url(
            publication.base_url,
            lambda why: InputError(
                f"base URL {publication.base_url!r}: {why}", Location(field="publication.base_url")
            ),
        )
    raise InputError(
        "the web edition and its feeds need absolute links: set base_url in the publication "
        "metadata, or pass --base-url",
        Location(field="publication.base_url"),
    )


def normalise_base_url(raw: str, error) -> str:
    if raw != raw.strip() or any(c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in raw):
        raise error("a URL may not contain spaces or control characters")
    try:
        parts = urlsplit(raw)
        host = parts.hostname or ""
        port = parts.port
    except ValueError as exc:
        raise error(f"not a URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise error("it must be an absolute http:// or https:// URL")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise error("a base URL may not carry a query, a fragment or credentials")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise error(f"host {host!r} is not a valid domain name") from None
    if ":" in ascii_host:  # an IPv6 literal keeps its brackets
        ascii_host = f"[{ascii_host}]"
    elif not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?", ascii_host):
        raise error(f"host {host!r} is not a valid domain name")
    netloc = ascii_host + (f":{port}" if port is not None else "")
    # An IRI path becomes a URI path; existing %XX escapes are kept.
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme, netloc, path, "", ""))


def absolute(base: str, path: str) -> str:
    return urljoin(base, path)
