"""The package with ebooklib: metadata, manifest, spine, navigation and NCX.

ebooklib writes the OPF, the EPUB 3 navigation document (table of contents
and landmarks) and the NCX for older readers. Content documents are given
to it as finished XHTML (plain items), so that its HTML re-parsing never
touches the text. Where ebooklib falls short it is worked around here: a
random identifier by default (set from the issue), dcterms:modified from
the clock (given the issue's time), a visible landmarks list (hidden when
the archive is made) and wall-clock zip entries (``archive.package`` zips
what ebooklib wrote).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from lxml import etree

from ...model import Issue
from ...typography.labels import Labels
from . import archive
from .chapters import EPUB_NS
from .css import STYLESHEET
from .documents import Document, element_id
from .fonts import Embedding
from .images import BookImage, ImageCatalog
from .labels import BookLabels, book_title, page_title

XHTML = "application/xhtml+xml"
NAV_FILE = "nav.xhtml"
NCX_FILE = "toc.ncx"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
COVER_PAGE = "text/cover.xhtml"
TITLE_PAGE = "text/titlepage.xhtml"


@dataclass
class BookParts:
    """Everything that goes into the package, already made."""

    documents: list[Document]
    chapters: dict[str, bytes]  # file name -> XHTML
    title_page: bytes
    cover_page: bytes
    cover: BookImage
    images: ImageCatalog
    css: str
    embedding: Embedding | None


def book_identifier(issue: Issue) -> str:
    """The same issue gets the same identifier on every build: a name-based UUID."""
    pub, edition = issue.publication.name.strip(), issue.edition.strip()
    name = f"newspaper-issue:{pub}\x1f{edition}\x1f{issue.date.isoformat()}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def make_book(issue: Issue, labels: Labels, words: BookLabels, parts: BookParts):
    from ebooklib import epub

    book = epub.EpubBook()
    _metadata(book, issue, labels, words, parts)
    book.set_cover(parts.cover.file_name, parts.cover.data, create_page=False)
    cover_page = _document(epub, "cover", COVER_PAGE, parts.cover_page)
    title_page = _document(epub, "titlepage", TITLE_PAGE, parts.title_page)
    nav = epub.EpubNav(uid="nav", file_name=NAV_FILE, title=labels.contents)
    nav.add_link(href=STYLESHEET, rel="stylesheet", type="text/css")
    chapters = [_document(epub, d.item_id, d.file_name, parts.chapters[d.file_name]) for d in parts.documents]
    for item in [cover_page, title_page, nav, epub.EpubNcx(file_name=NCX_FILE), *chapters]:
        book.add_item(item)
    book.add_item(epub.EpubItem(uid="css", file_name=STYLESHEET, media_type="text/css",
                                content=parts.css.encode("utf-8")))
    for font in parts.embedding.fonts if parts.embedding else ():
        book.add_item(epub.EpubItem(uid=font.item_id, file_name=font.file_name, media_type=font.media_type,
                                    content=font.data))
    for image in parts.images:
        book.add_item(epub.EpubImage(uid=image.item_id, file_name=image.file_name, media_type=image.media_type,
                                     content=image.data))
    book.spine = [cover_page, title_page, nav, *chapters]
    book.toc = _toc(epub, issue, labels, words, parts.documents)
    book.guide = _landmarks(labels, words, parts.documents)
    return book


def write_book(book, modified: dt.datetime, words: BookLabels) -> dict[str, bytes]:
    """The package's files as ebooklib writes them (name -> bytes, in its order)."""
    from ebooklib import epub

    class Writer(epub.EpubWriter):
        """ebooklib's writer, handing its entries over instead of zipping them
        (``archive.package`` zips them once, with fixed dates and order): its
        ``write`` without the zip file, which it stamps with the clock."""

        def write(self) -> None:
            self.out = archive.EntryCollector()
            self._write_container()
            self._write_opf()
            self._write_items()

    options = {
        "mtime": modified.astimezone(dt.UTC),
        "epub3_pages": False,
        "landmark_title": words.landmarks,
        "play_order": {"enabled": True, "start_from": 1},
        "raise_exceptions": True,
    }
    writer = Writer("", book, options)
    writer.process()
    writer.write()
    return writer.out.entries


def finish_entry(name: str, data: bytes) -> bytes:
    """Last touches to what ebooklib wrote."""
    if name.endswith("/" + NAV_FILE):
        return _hide_landmarks(data)
    if name.endswith("/" + NCX_FILE):
        return _ncx_depth(data)
    return data


def _hide_landmarks(data: bytes) -> bytes:
    """Landmarks are for reading systems, not a list to show on the contents page."""
    root = etree.fromstring(data)
    for nav in root.iter("{http://www.w3.org/1999/xhtml}nav"):
        if nav.get(f"{{{EPUB_NS}}}type") == "landmarks":
            nav.set("hidden", "hidden")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


def _ncx_depth(data: bytes) -> bytes:
    """ebooklib writes dtb:depth 0; older readers size their contents view by it."""
    root = etree.fromstring(data)
    point = f"{{{NCX_NS}}}navPoint"
    depth = max((sum(1 for _ in p.iterancestors(point)) + 1 for p in root.iter(point)), default=1)
    for meta in root.iter(f"{{{NCX_NS}}}meta"):
        if meta.get("name") == "dtb:depth":
            meta.set("content", str(depth))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _document(epub, uid: str, file_name: str, content: bytes):
    # A plain item: ebooklib's EpubHtml would re-parse and re-serialise the XHTML.
    return epub.EpubItem(uid=uid, file_name=file_name, media_type=XHTML, content=content)


def _metadata(book, issue: Issue, labels: Labels, words: BookLabels, parts: BookParts) -> None:
    pub = issue.publication
    book.set_identifier(book_identifier(issue))
    book.set_title(book_title(issue, labels))
    book.set_language(pub.language)
    book.add_metadata("DC", "date", issue.date.isoformat())
    if pub.publisher.strip():
        book.add_metadata("DC", "publisher", pub.publisher.strip())
    book.add_author(pub.publisher.strip() or pub.name.strip(), uid="creator")
    if pub.copyright.strip():
        book.add_metadata("DC", "rights", pub.copyright.strip())

    def meta(value: str, **attrs: str) -> None:
        book.add_metadata(None, "meta", value, attrs)

    meta(pub.name.strip(), property="belongs-to-collection", id="collection")
    meta("series", refines="#collection", property="collection-type")
    if issue.number is not None:
        meta(str(issue.number), refines="#collection", property="group-position")
    has_pictures = any(True for _ in parts.images)  # the figures; the cover is not content
    _accessibility(meta, has_pictures)
    # Kindle reads the writing mode from here (horizontal, left to right).
    book.add_metadata(None, "meta", "", {"name": "primary-writing-mode", "content": "horizontal-lr"})


def _accessibility(meta, has_pictures: bool) -> None:
    meta("textual", property="schema:accessMode")
    if has_pictures:
        meta("visual", property="schema:accessMode")
    meta("textual", property="schema:accessModeSufficient")
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if has_pictures:
        features.append("alternativeText")
    for feature in features:
        meta(feature, property="schema:accessibilityFeature")
    meta("none", property="schema:accessibilityHazard")
    summary = "本电子版为可重排的文字版，按报纸版次和阅读顺序编排，目录按版面和文章两级导航"
    summary += "；每幅图片都有替代文字，图片说明和署名随图给出。" if has_pictures else "。"
    meta(summary, property="schema:accessibilitySummary")


def _toc(epub, issue: Issue, labels: Labels, words: BookLabels, documents: list[Document]) -> list:
    """Pages (第1版 要闻) and, under each, its articles in reading order."""
    toc: list = []
    for page in issue.pages:
        page_documents = [d for d in documents if d.page is page]
        if not page_documents:
            continue
        first = page_documents[0]
        # The page points at its first document's start (the page label), the
        # articles at their own elements: distinct targets, as the NCX needs.
        section = epub.Section(page_title(page.number, page.label, page.section, labels), href=first.file_name)
        links = [
            epub.Link(d.href(a), a.title, f"nav-{element_id(a)}") for d in page_documents for a in d.articles
        ]
        toc.append((section, links))
    if not toc:  # an issue without articles still needs a table of contents
        toc.append(epub.Link(TITLE_PAGE, words.title_page, "nav-titlepage"))
    return toc


def _landmarks(labels: Labels, words: BookLabels, documents: list[Document]) -> list[dict]:
    landmarks = [
        {"type": "cover", "href": COVER_PAGE, "title": words.cover},
        {"type": "toc", "href": NAV_FILE, "title": labels.contents},
    ]
    if documents:
        first = documents[0]
        landmarks.append({"type": "text", "href": first.file_name, "title": words.body})
    return landmarks
