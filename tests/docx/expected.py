"""What a Word copy must contain, written down from the model alone.

Kept apart from the writer's own plan (``exporter.writers.docx.content``) so
that the tests check the writer against the brief, not against itself.
"""

from __future__ import annotations

from exporter.model import Article, DatelinePosition, Figure, ListBlock, Notice, Paragraph, Quote, Subhead


def article_paragraphs(article: Article) -> list[tuple[str, str]]:
    """(style id, text) of each paragraph the article's document must show, in order."""
    head = [(style, text) for style, text in (
        ("Kicker", article.kicker), ("Heading2", article.title),
        ("Deck", article.subtitle), ("Byline", article.byline)) if text]
    body: list[tuple[str, str]] = []
    first_paragraph = None
    for block in article.blocks:
        if isinstance(block, Paragraph):
            if block.text:
                if first_paragraph is None:
                    first_paragraph = len(body)
                body.append(("BodyText", block.text))
        elif isinstance(block, Subhead):
            if block.text:
                body.append(("Heading3", block.text))
        elif isinstance(block, Quote):
            body += [("Quote", p.text) for p in block.paragraphs if p.text]
        elif isinstance(block, ListBlock):
            style = "ListNumber" if block.ordered else "ListBullet"
            body += [(style, item.text) for item in block.items if item.text]
        elif isinstance(block, Figure):
            body.append(("Figure", ""))
            if block.caption:
                body.append(("Caption", block.caption))
            if block.credit:
                body.append(("Credit", block.credit))
        elif isinstance(block, Notice):
            if block.title:
                body.append(("NoticeTitle", block.title))
            body += [("Notice", line) for line in block.paragraphs if line]
        else:
            raise AssertionError(f"a block type the tests do not know: {block!r}")
    dateline = article.dateline
    if dateline is not None and dateline.text:
        if dateline.position is DatelinePosition.END:
            body.append(("Dateline", dateline.text))
        elif first_paragraph is None:
            body.insert(0, ("BodyText", dateline.text))
        else:
            style, text = body[first_paragraph]
            body[first_paragraph] = (style, dateline.text + text)
    return head + body


def article_document(article: Article, copyright: str) -> list[tuple[str, str]]:
    """The paragraphs of an article's own document: the article, then the copyright line."""
    return article_paragraphs(article) + ([("Credit", copyright)] if copyright else [])


def article_characters(article: Article) -> int:
    """字数: the non-space characters of everything the document shows of the article."""
    return sum(1 for _, text in article_paragraphs(article) for char in text if not char.isspace())


def squeeze(text: str) -> str:
    """Text without any white space, to compare what a PDF shows line by line."""
    return "".join(text.split())
