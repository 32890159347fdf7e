"""Links inside an e-book: only what a reading system can follow.

A relative link in a source article points into the web edition; inside the
EPUB it would point at a file that is not there (an EPUBCheck error), so it
is made absolute with the publication's base URL. A link that still cannot
be followed keeps its text and loses the link, with a diagnostic.
Non-ASCII characters and spaces are percent-encoded.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote, urljoin, urlsplit

from ...diagnostics import Reporter
from ...errors import Location
from ...model import Article, Block, ListBlock, Paragraph, Quote, Run

WEB_SCHEMES = ("http", "https")
_SAFE = "!#$&'()*+,/:;=?@[]~%"


def book_href(href: str, base_url: str) -> str | None:
    """``href`` as an absolute URL a reader can open, or None."""
    href = href.strip()
    if not href:
        return None
    try:
        scheme = urlsplit(href).scheme.lower()
        if not scheme and base_url.strip():
            href = urljoin(base_url.strip(), href)
            scheme = urlsplit(href).scheme.lower()
    except ValueError:  # e.g. an unclosed [IPv6] host
        return None
    if scheme in WEB_SCHEMES:
        return _web_url(href)
    if scheme == "mailto":
        address = href[len("mailto:"):]
        return "mailto:" + quote(address, safe="@.+-_") if "@" in address.strip("@") else None
    return None


def _web_url(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port  # raises ValueError on a bad port
        ascii_host = host.encode("idna").decode("ascii") if host else ""
    except (ValueError, UnicodeError):
        return None
    if not ascii_host or not all(c.isalnum() or c in ".-" for c in ascii_host):
        return None
    netloc = ascii_host + (f":{port}" if port is not None else "")
    path = quote(parts.path, safe=_SAFE)
    query = quote(parts.query, safe=_SAFE)
    fragment = quote(parts.fragment, safe=_SAFE)
    return f"{parts.scheme.lower()}://{netloc}{path}" + (f"?{query}" if query else "") + (
        f"#{fragment}" if fragment else ""
    )


def with_book_links(article: Article, base_url: str, reporter: Reporter) -> Article:
    """The article with every link made followable, or unlinked (text kept)."""

    def run(r: Run, field: str) -> Run:
        if r.href is None:
            return r
        target = book_href(r.href, base_url)
        if target is None:
            reporter.warning(
                "epub.link-dropped",
                f"link {r.href!r} cannot be followed from an e-book; its text is kept without the link",
                Location(article=article.id, field=field),
            )
        return r if target == r.href else replace(r, href=target)

    def paragraph(p: Paragraph, field: str) -> Paragraph:
        return Paragraph(tuple(run(r, f"{field}.runs[{j}].href") for j, r in enumerate(p.runs)))

    def block(b: Block, where: str) -> Block:
        if isinstance(b, Paragraph):
            return paragraph(b, where)
        if isinstance(b, Quote):
            return Quote(tuple(paragraph(p, f"{where}.paragraphs[{j}]") for j, p in enumerate(b.paragraphs)))
        if isinstance(b, ListBlock):
            return replace(b, items=tuple(paragraph(p, f"{where}.items[{j}]") for j, p in enumerate(b.items)))
        return b

    if not any(_has_links(b) for b in article.blocks):
        return article
    return replace(article, blocks=tuple(block(b, f"blocks[{i}]") for i, b in enumerate(article.blocks)))


def _has_links(block: Block) -> bool:
    paragraphs: tuple[Paragraph, ...] = ()
    if isinstance(block, Paragraph):
        paragraphs = (block,)
    elif isinstance(block, Quote):
        paragraphs = block.paragraphs
    elif isinstance(block, ListBlock):
        paragraphs = block.items
    return any(r.href is not None for p in paragraphs for r in p.runs)
