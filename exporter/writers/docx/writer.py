"""Writing the issue's Word documents: everything is checked, then written.

Fonts (every character), pictures (every file) and the theme's styles are
checked before the first file is made, so a problem stops the writer with
a named error and the build leaves no partial output.
"""

from __future__ import annotations

import re
from itertools import chain
from pathlib import Path

from ...model import Issue
from ...typography.labels import Labels, labels_for
from ..base import BuildContext, issue_basename, issue_datetime
from . import oxml, template
from .assemble import Skeleton
from .content import ArticleContent, Para, article_content, issue_parts
from .document import Fragment, FragmentWriter, combined
from .fonts import plan_document_fonts
from .images import Pictures
from .names import article_filename
from .package import zip_entries
from .properties import Counts, Metadata, count_text
from .styles import NUMBERED_ABSTRACT_ID, StyleBook, apply_theme


def write_issue(issue: Issue, context: BuildContext) -> list[Path]:
    options = context.options
    pub = issue.publication
    labels = labels_for(pub.language, context.reporter)
    book = StyleBook(context.theme)
    language = word_language(pub.language)
    articles = [
        article_content(article, page, order, pub.copyright)
        for page in issue.pages
        for order, article in enumerate(page.articles, start=1)
    ]
    whole = issue_parts(issue, labels, articles)
    own = [part for part in whole if isinstance(part, Para)]  # the whole issue's own: page headings …

    # Checks: every character has a face, every picture can be read, the theme fits the template.
    run_fonts = plan_document_fonts(chain(own, *(a.paragraphs for a in articles)), book, context.fonts,
                                    context.reporter)
    pictures = Pictures(context.source_root, context.reporter)
    for para in chain.from_iterable(a.body for a in articles):
        if para.figure is not None:
            pictures.get(para.figure, para.where)
    document = template.open_template(options.docx_template)
    apply_theme(document, book, context.fonts, language=language,
                east_asian_hint=options.docx_east_asian_hint,
                compress_punctuation=options.docx_compress_punctuation)
    skeleton = Skeleton(document, font_table_part(context, book), NUMBERED_ABSTRACT_ID)

    # Each article's paragraphs are made once, for the whole issue and for its own document.
    writer = FragmentWriter(book, run_fonts, pictures, options.docx_east_asian_hint,
                            skeleton.first_list_number())
    bodies = [writer.fragment(a.body) for a in articles]
    when = issue_datetime(issue)
    base = issue_basename(issue)
    counts = [count_text(a.body) for a in articles]

    in_order = iter(bodies)  # the whole issue holds the articles in the order they were made
    whole_body = combined(next(in_order) if isinstance(part, ArticleContent) else writer.fragment((part,))
                          for part in whole)
    whole_path = context.staging / f"{base}.docx"
    whole_meta = Metadata(
        title=f"{pub.name} {labels.long_date(issue.date)}",
        author=pub.publisher or pub.name,
        subject=labels.issue(issue.number) if issue.number is not None else "",
        keywords="、".join(dict.fromkeys(p.section for p in issue.pages if p.section)),
        language=language,
        identifier=base,
        company=pub.publisher,
        when=when,
        counts=sum(counts, Counts(0, 0)),
    )
    whole_path.write_bytes(skeleton.docx(whole_body, whole_meta))
    written = [whole_path]
    if not options.docx_article_files:
        return written

    folder = context.staging / f"{base}-articles"
    folder.mkdir()
    entries = []
    for content, body, count in zip(articles, bodies, counts):
        name = article_filename(content.page.number, content.order, content.article.title, content.article.id)
        closing = writer.fragment(content.closing)
        fragment = Fragment(body.paragraphs + closing.paragraphs, body.pictures, body.links, body.lists)
        data = skeleton.docx(fragment, article_metadata(issue, content, labels, language, count, when))
        (folder / name).write_bytes(data)
        entries.append((f"{folder.name}/{name}", data))
    archive = context.staging / f"{base}-articles.zip"
    # The documents are already compressed: store them.
    archive.write_bytes(zip_entries(entries, when, compress=False))
    return written + [folder, archive]


def article_metadata(issue: Issue, content: ArticleContent, labels: Labels, language: str, counts: Counts,
                     when) -> Metadata:
    pub = issue.publication
    article, page = content.article, content.page
    page_label = labels.page_label(page.number, page.label)
    return Metadata(
        title=article.title,
        author=article.byline or pub.publisher or pub.name,
        subject=f"{pub.name} {labels.short_date(issue.date)} {page_label}",
        keywords=article.section or page.section,
        language=language,
        identifier=f"{issue_basename(issue)}-{article.id}",
        company=pub.publisher,
        when=when,
        counts=counts,
        custom=(("稿件编号", article.id), ("版面", page_label)),
    )


def font_table_part(context: BuildContext, book: StyleBook) -> bytes:
    """The fonts the documents name, each with the kind Word should substitute."""
    roles = sorted({spec.role for spec in book.specs.values()} | set(context.theme.fallback_roles))
    fonts = {}
    for role in roles:
        generic = context.theme.font(role).css_fallback[-1:] or ("serif",)
        fonts.setdefault(context.fonts.face(role).family, "swiss" if generic[0] == "sans-serif" else "roman")
    return oxml.font_table(sorted(fonts.items()))


def word_language(tag: str) -> str:
    """The publication's language as Word names it (zh-CN, zh-TW …); zh-CN unless it is Chinese."""
    match = re.fullmatch(r"zh[-_](?:(Hans)|(Hant))?[-_]?([A-Za-z]{2})?", tag.strip(), re.IGNORECASE)
    if tag.strip().lower() == "zh" or match is None:
        return "zh-CN"
    _hans, hant, region = match.groups()
    if region:
        return f"zh-{region.upper()}"
    return "zh-TW" if hant else "zh-CN"
