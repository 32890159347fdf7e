"""One issue to EPUB bytes: plan, check fonts, render, package, fix the archive.

Everything is made in memory first; the writer writes the file only when
all of it succeeded, so an error never leaves a partial EPUB.
"""

from __future__ import annotations

import re

from ...errors import InputError, Location
from ...model import Issue
from ...typography.labels import labels_for
from ..base import BuildContext, issue_datetime
from . import archive
from .chapters import ChapterMaker, cover_page, title_page
from .cover import draw_cover
from .css import book_css
from .documents import plan_documents
from .fonts import embed, plan_book_fonts
from .images import collect_images
from .labels import book_labels
from .links import with_book_links
from .package import BookParts, finish_entry, make_book, write_book
from .text import collect_text

# BCP 47, loosely: what EPUBCheck accepts as a well-formed language tag.
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def build_epub(issue: Issue, context: BuildContext, embed_fonts: bool) -> bytes:
    language = issue.publication.language
    if not LANGUAGE_TAG.match(language):
        raise InputError(f"{language!r} is not a language tag such as zh-CN",
                         Location(field="publication.language"))
    reporter = context.reporter
    labels = labels_for(language, reporter)
    words = book_labels(labels)
    documents = plan_documents(issue)

    text = collect_text(issue, documents, labels, words)
    plan = plan_book_fonts(text, context.fonts, reporter, strict=embed_fonts)
    embedding = embed(plan, language) if embed_fonts and plan is not None else None

    images = collect_images(documents, context.image_path, reporter)
    base_url = issue.publication.base_url
    maker = ChapterMaker(issue, labels, words, images, reporter)
    chapters = {
        d.file_name: maker.document(d, tuple(with_book_links(a, base_url, reporter) for a in d.articles))
        for d in documents
    }
    cover = draw_cover(issue, labels, words, context.theme, context.fonts, reporter)
    parts = BookParts(
        documents=documents,
        chapters=chapters,
        title_page=title_page(issue, labels, words),
        cover_page=cover_page(issue, labels, words, cover),
        cover=cover,
        images=images,
        css=book_css(context.theme, embedding),
        embedding=embedding,
    )
    book = make_book(issue, labels, words, parts)
    when = issue_datetime(issue)
    return archive.package(write_book(book, when, words), when, finish_entry)
