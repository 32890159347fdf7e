"""What the book should show, worked out from the model, and the same
pieces read back from the built book."""

from __future__ import annotations

from lxml import etree

from exporter.model import DatelinePosition, Figure, ListBlock, Notice, Paragraph, Quote, Subhead
from tests.epub.reading import NS, Epub

X = f"{{{NS['x']}}}"


def article_elements(epub: Epub) -> list[tuple[str, etree._Element]]:
    """(document path, article element) in spine order."""
    out = []
    for item in epub.spine:
        root = epub.xml(item.href)
        out.extend((item.href, a) for a in root.iter(f"{X}article"))
    return out


def page_label(page) -> str:
    printed = page.label or f"第{page.number}版"
    return f"{printed} {page.section}" if page.section else printed


def model_tokens(article) -> list[str]:
    """The article's text as separate pieces, in reading order, from the model."""
    tokens = [t for t in (article.kicker,) if t] + [article.title]
    tokens += [t for t in (article.subtitle, article.byline) if t]
    dateline = article.dateline
    lead_pending = dateline is not None and dateline.position is DatelinePosition.START
    if lead_pending and not any(isinstance(b, Paragraph) for b in article.blocks):
        tokens.append(dateline.text)
        lead_pending = False
    for block in article.blocks:
        if isinstance(block, Paragraph):
            tokens.append((dateline.text if lead_pending else "") + block.text)
            lead_pending = False
        elif isinstance(block, Subhead):
            tokens.append(block.text)
        elif isinstance(block, Quote):
            tokens += [p.text for p in block.paragraphs]
        elif isinstance(block, Figure):
            tokens += [t for t in (block.caption, block.credit) if t]
        elif isinstance(block, Notice):
            tokens += ([block.title] if block.title else []) + list(block.paragraphs)
        elif isinstance(block, ListBlock):
            tokens += [item.text for item in block.items]
    if dateline is not None and dateline.position is DatelinePosition.END:
        tokens.append(dateline.text)
    return tokens


TEXT_BLOCKS = {f"{X}{t}" for t in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li")}


def book_tokens(element: etree._Element) -> list[str]:
    """The article's text as the reader sees it, block by block."""
    tokens = []
    for e in element.iter():
        if e.tag in TEXT_BLOCKS:
            tokens.append("".join(e.itertext()))
        elif e.tag == f"{X}figcaption":
            tokens += ["".join(span.itertext()) for span in e]
    return tokens
