"""Articles as (X)HTML elements, shared by the EPUB and the web edition / feed.

One renderer so that an article reads the same in the e-book, on the web
page and in a feed reader. Class names are the vocabulary of the theme CSS:

    article.article[.kind-brief|…]
      header: p.kicker, h1.title, p.subtitle, p.byline
      p (first) starts with span.dateline when the dateline stood at the start
      h2.subhead, blockquote, ul/ol, figure > img + figcaption(span.caption, span.credit)
      section.notice > h3.notice-title + p
      p.dateline.dateline-end when it stood at the end

The text is the model's text, unchanged: no spaces or indent characters are
added for layout (the CSS does that).
"""

from __future__ import annotations

from typing import Callable

from lxml import etree
from lxml.builder import ElementMaker

from ..model import (
    Article,
    Block,
    DatelinePosition,
    Figure,
    ListBlock,
    Notice,
    Paragraph,
    Quote,
    Run,
    Subhead,
)

XHTML_NS = "http://www.w3.org/1999/xhtml"
# Element makers keep no state of their own, and each holds a reference cycle:
# one of each for every renderer, not one per renderer (the web edition makes one per page).
_XHTML_MAKER = ElementMaker(namespace=XHTML_NS, nsmap={None: XHTML_NS})
_HTML_MAKER = ElementMaker()

ImageSource = Callable[[Figure], str]


class ArticleRenderer:
    """Renders articles as elements, in the XHTML namespace or in none (HTML)."""

    def __init__(self, image_src: ImageSource, *, xhtml: bool = True, title_level: int = 1):
        self.E = _XHTML_MAKER if xhtml else _HTML_MAKER
        self.image_src = image_src
        self.title_tag = f"h{title_level}"
        self.subhead_tag = f"h{min(title_level + 1, 6)}"
        self.notice_tag = f"h{min(title_level + 2, 6)}"

    # ---------------------------------------------------------- article

    def article(self, article: Article, element_id: str | None = None) -> etree._Element:
        E = self.E
        root = E.article(E.header(*self.header(article)), {"class": f"article kind-{article.kind.value}"})
        if element_id:
            root.set("id", element_id)
        for element in self.body(article):
            root.append(element)
        return root

    def header(self, article: Article) -> list[etree._Element]:
        E = self.E
        parts = []
        if article.kicker:
            parts.append(E.p(article.kicker, {"class": "kicker"}))
        parts.append(getattr(E, self.title_tag)(article.title, {"class": "title"}))
        if article.subtitle:
            parts.append(E.p(article.subtitle, {"class": "subtitle"}))
        if article.byline:
            parts.append(E.p(article.byline, {"class": "byline"}))
        return parts

    def body(self, article: Article) -> list[etree._Element]:
        elements = [self.block(b) for b in article.blocks]
        dateline = article.dateline
        if dateline is not None:
            span = self.E.span(dateline.text, {"class": "dateline"})
            if dateline.position is DatelinePosition.START:
                first = next((e for e, b in zip(elements, article.blocks) if isinstance(b, Paragraph)), None)
                if first is None:
                    elements.insert(0, self.E.p(span, {"class": "dateline-only"}))
                else:
                    span.tail = first.text
                    first.text = None
                    first.insert(0, span)
            else:
                elements.append(self.E.p(dateline.text, {"class": "dateline dateline-end"}))
        return elements

    # ---------------------------------------------------------- blocks

    def block(self, block: Block) -> etree._Element:
        E = self.E
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, Subhead):
            return getattr(E, self.subhead_tag)(block.text, {"class": "subhead"})
        if isinstance(block, Quote):
            return E.blockquote(*[self.paragraph(p) for p in block.paragraphs])
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, Notice):
            section = E.section({"class": "notice"})
            if block.title:
                section.append(getattr(E, self.notice_tag)(block.title, {"class": "notice-title"}))
            for line in block.paragraphs:
                section.append(E.p(line))
            return section
        if isinstance(block, ListBlock):
            tag = E.ol if block.ordered else E.ul
            items = []
            for item in block.items:
                li = E.li()
                self.fill_runs(li, item.runs)
                items.append(li)
            return tag(*items)
        raise TypeError(f"no XHTML rendering for {type(block).__name__}")

    def paragraph(self, paragraph: Paragraph, css_class: str | None = None) -> etree._Element:
        p = self.E.p()
        if css_class:
            p.set("class", css_class)
        self.fill_runs(p, paragraph.runs)
        return p

    def fill_runs(self, parent: etree._Element, runs: tuple[Run, ...]) -> None:
        E = self.E
        last: etree._Element | None = None
        for run in runs:
            if run.is_plain:
                if last is None:
                    parent.text = (parent.text or "") + run.text
                else:
                    last.tail = (last.tail or "") + run.text
                continue
            element: etree._Element | None = None
            if run.strong:
                element = E.strong(run.text)
            if run.emphasis:
                element = E.em(element) if element is not None else E.em(run.text)
            if run.href is not None:
                element = E.a(element if element is not None else run.text, href=run.href)
            parent.append(element)
            last = element

    def figure(self, figure: Figure) -> etree._Element:
        E = self.E
        img = E.img(src=self.image_src(figure), alt=figure.alt or figure.caption)
        if figure.width and figure.height:
            img.set("width", str(figure.width))
            img.set("height", str(figure.height))
        root = E.figure(img)
        if figure.caption or figure.credit:
            caption = E.figcaption()
            if figure.caption:
                caption.append(E.span(figure.caption, {"class": "caption"}))
            if figure.credit:
                caption.append(E.span(figure.credit, {"class": "credit"}))
            root.append(caption)
        return root


def article_text(element: etree._Element) -> str:
    """All the text of an element, as a reader would copy it."""
    return "".join(element.itertext())
