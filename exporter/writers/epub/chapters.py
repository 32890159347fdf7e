"""The XHTML content documents: articles, title page and cover page.

Articles are rendered by the shared ``ArticleRenderer`` (the web edition
uses the same one); this module only wraps them in documents. Serialised
without pretty-printing: indentation added between inline elements would
become visible spaces in Chinese text.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree
from lxml.builder import ElementMaker

from ...diagnostics import Reporter
from ...errors import Location
from ...model import Article, Figure, Issue
from ...typography.labels import Labels
from .._xhtml import XHTML_NS, ArticleRenderer
from .css import STYLESHEET
from .documents import Document, element_id
from .images import BookImage, ImageCatalog
from .labels import BookLabels, issue_line

EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
E = ElementMaker(namespace=XHTML_NS, nsmap={None: XHTML_NS, "epub": EPUB_NS})
FROM_TEXT = "../"  # content documents live in text/, one level below the package folder


def xhtml(title: str, language: str, body: Iterable[etree._Element], body_class: str = "") -> bytes:
    root = E.html(
        E.head(
            E.meta(charset="utf-8"),
            E.title(title),
            E.link(rel="stylesheet", type="text/css", href=FROM_TEXT + STYLESHEET),
        ),
        E.body(*body),
        lang=language,
    )
    root.set(XML_LANG, language)
    if body_class:
        root[1].set("class", body_class)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


class ChapterMaker:
    """Article documents, with pictures pointing at the book's copies."""

    def __init__(self, issue: Issue, labels: Labels, words: BookLabels, images: ImageCatalog,
                 reporter: Reporter):
        self.issue = issue
        self.labels = labels
        self.words = words
        self.images = images
        self.reporter = reporter
        self.renderer = ArticleRenderer(self._image_src, xhtml=True, title_level=1)

    def _image_src(self, figure: Figure) -> str:
        return FROM_TEXT + self.images.image_for(figure).file_name

    def document(self, document: Document, articles: tuple[Article, ...]) -> bytes:
        """``articles`` are the document's articles as the book shows them (links adapted)."""
        body: list[etree._Element] = []
        page = document.page
        if document.opens_page:
            label = E.p(E.span(self.labels.page_label(page.number, page.label), {"class": "page-number"}),
                        {"class": "page-label"})
            if page.section.strip():
                label.append(E.span(page.section.strip(), {"class": "page-section"}))
            body.append(label)
        for article in articles:
            element = self.renderer.article(article, element_id(article))
            self._complete_images(element, article)
            body.append(element)
        return xhtml(document.title, self.issue.publication.language, body)

    def _complete_images(self, element: etree._Element, article: Article) -> None:
        """Alt text on every picture, and its pixel size where the model has none."""
        figures = iter(article.figures)
        for img in element.iter(f"{{{XHTML_NS}}}img"):
            figure = next(figures)
            image: BookImage = self.images.image_for(figure)
            if not (img.get("alt") or "").strip():
                img.set("alt", f"{self.words.picture}：{article.title}")
                self.reporter.warning(
                    "epub.no-alt",
                    "picture has neither alt text nor caption; its alt text names the article",
                    Location(article=article.id, field=f"blocks[{article.blocks.index(figure)}].alt"),
                )
            if img.get("width") is None:
                img.set("width", str(image.width))
                img.set("height", str(image.height))


def title_page(issue: Issue, labels: Labels, words: BookLabels) -> bytes:
    pub = issue.publication
    parts = [
        E.h1(pub.name, {"class": "masthead"}),
        E.p(issue_line(issue, labels), {"class": "issue-line"}),
    ]
    if issue.edition.strip():
        parts.append(E.p(issue.edition.strip(), {"class": "edition"}))
    parts.append(E.p(words.page_count.format(n=len(issue.pages)), {"class": "page-count"}))
    if pub.publisher.strip():
        parts.append(E.p(pub.publisher, {"class": "publisher"}))
    for code in pub.codes:
        parts.append(E.p(f"{code.label} {code.value}".strip(), {"class": "codes"}))
    if pub.copyright.strip():
        parts.append(E.p(pub.copyright, {"class": "copyright"}))
    section = E.section({"class": "titlepage", f"{{{EPUB_NS}}}type": "titlepage"}, *parts)
    return xhtml(words.title_page, pub.language, [section])


def cover_page(issue: Issue, labels: Labels, words: BookLabels, cover: BookImage) -> bytes:
    alt = cover_alt(issue, labels, words)
    img = E.img(src=FROM_TEXT + cover.file_name, alt=alt, width=str(cover.width), height=str(cover.height))
    section = E.section({f"{{{EPUB_NS}}}type": "cover"}, img)
    return xhtml(words.cover, issue.publication.language, [section], body_class="cover")


def cover_alt(issue: Issue, labels: Labels, words: BookLabels) -> str:
    text = f"{words.cover}：{issue.publication.name.strip()}，{issue_line(issue, labels)}"
    lead = next((a for _, a in issue.articles()), None)
    if lead is not None:
        text += f"。{words.lead_story}：{lead.title.strip()}"
    return text

