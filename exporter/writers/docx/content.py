"""The issue as the paragraphs of a Word document: a visitor over the model.

Each block becomes paragraphs with a named style and runs with (at most) a
character style; nothing here knows python-docx, so the same plan is used to
check fonts, to count characters and to write the document. The text is the
model's text, unchanged: no spaces, indents or numbers are added for layout
(styles do that).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import Location, WriterError
from ...model import (
    Article,
    Block,
    DatelinePosition,
    Figure,
    Issue,
    ListBlock,
    Notice,
    Page,
    Paragraph,
    Quote,
    Run,
    Subhead,
)
from ...typography.labels import Labels
from . import styles as S


@dataclass(frozen=True)
class Span:
    """A run of text with an optional character style and link target."""

    text: str
    style: str | None = None
    href: str | None = None


@dataclass(frozen=True)
class Para:
    """One Word paragraph: a style and its runs, or a picture."""

    style: str
    spans: tuple[Span, ...] = ()
    figure: Figure | None = None
    list_id: str | None = None  # the numbered list an item belongs to
    where: Location = field(default_factory=Location)

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class ArticleContent:
    """An article's paragraphs, and the closing lines that are not its text."""

    article: Article
    page: Page
    order: int  # 1-based position on its page
    body: tuple[Para, ...]
    closing: tuple[Para, ...]

    @property
    def paragraphs(self) -> tuple[Para, ...]:
        return self.body + self.closing


def article_content(article: Article, page: Page, order: int, copyright: str) -> ArticleContent:
    closing = (Para(S.CREDIT, (Span(copyright),), where=Location(field="publication.copyright")),)
    return ArticleContent(article, page, order, tuple(ArticleVisitor(article).paragraphs()),
                          closing if copyright else ())


def issue_parts(issue: Issue, labels: Labels, articles: list[ArticleContent]) -> list[Para | ArticleContent]:
    """The whole issue: a cover, then each page under its heading with its
    articles (``articles``: every article's content, in reading order), then
    the copyright."""
    pub = issue.publication
    contents = iter(articles)
    paras: list[Para | ArticleContent] = [
        Para(S.MASTHEAD, (Span(pub.name),), where=Location(field="publication.name"))
    ]
    info = labels.long_date(issue.date)
    if issue.number is not None:
        info += " " + labels.issue(issue.number)
    if issue.edition:
        info += " " + issue.edition
    paras.append(Para(S.ISSUE_INFO, (Span(info),), where=Location(field="date")))
    for index, code in enumerate(pub.codes):
        paras.append(Para(S.ISSUE_INFO, (Span(f"{code.label} {code.value}"),),
                          where=Location(field=f"publication.codes[{index}]")))
    if pub.publisher:
        paras.append(Para(S.ISSUE_INFO, (Span(pub.publisher),), where=Location(field="publication.publisher")))
    for index, page in enumerate(issue.pages):
        heading = labels.page_label(page.number, page.label)
        if page.section:
            heading += " " + page.section
        paras.append(Para(S.PAGE_HEADING, (Span(heading),), where=Location(field=f"pages[{index}]")))
        paras.extend(next(contents) for _ in page.articles)
        if page.editor:
            paras.append(Para(S.CREDIT, (Span(labels.edited_by(page.editor)),),
                              where=Location(field=f"pages[{index}].editor")))
    if pub.copyright:
        paras.append(Para(S.CREDIT, (Span(pub.copyright),), where=Location(field="publication.copyright")))
    return paras


class ArticleVisitor:
    """Blocks to paragraphs: ``visit_<block type>`` for each type of the model."""

    def __init__(self, article: Article):
        self.article = article

    def where(self, field_name: str) -> Location:
        return Location(article=self.article.id, field=field_name)

    def paragraphs(self) -> list[Para]:
        a = self.article
        out = []
        for style, text, name in ((S.KICKER, a.kicker, "kicker"), (S.HEADLINE, a.title, "title"),
                                  (S.DECK, a.subtitle, "subtitle"), (S.BYLINE, a.byline, "byline")):
            if text:
                out.append(Para(style, (Span(text),), where=self.where(name)))
        body: list[Para] = []
        first_paragraph = None
        for index, block in enumerate(a.blocks):
            if first_paragraph is None and isinstance(block, Paragraph) and block.text:
                first_paragraph = len(body)
            body.extend(self.visit(block, index))
        dateline = a.dateline
        if dateline is not None and dateline.text:
            run = Span(dateline.text, S.DATELINE_RUN)
            if dateline.position is DatelinePosition.END:
                body.append(Para(S.DATELINE, (Span(dateline.text),), where=self.where("dateline")))
            elif first_paragraph is None:
                body.insert(0, Para(S.BODY, (run,), where=self.where("dateline")))
            else:
                lead = body[first_paragraph]
                body[first_paragraph] = Para(lead.style, (run, *lead.spans), where=lead.where)
        return out + body

    def visit(self, block: Block, index: int) -> list[Para]:
        method = getattr(self, f"visit_{type(block).__name__.lower()}", None)
        if method is None:
            raise WriterError(f"the Word writer has no rendering for a {type(block).__name__} block",
                              self.where(f"blocks[{index}]"))
        return method(block, f"blocks[{index}]")

    def visit_paragraph(self, block: Paragraph, where: str) -> list[Para]:
        if not block.text:
            return []  # nothing to show: an empty paragraph would only be a blank line
        return [Para(S.BODY, spans(block.runs), where=self.where(where))]

    def visit_subhead(self, block: Subhead, where: str) -> list[Para]:
        return [Para(S.SUBHEAD, (Span(block.text),), where=self.where(where))] if block.text else []

    def visit_quote(self, block: Quote, where: str) -> list[Para]:
        return [Para(S.QUOTE, spans(p.runs), where=self.where(f"{where}.paragraphs[{i}]"))
                for i, p in enumerate(block.paragraphs) if p.text]

    def visit_listblock(self, block: ListBlock, where: str) -> list[Para]:
        style = S.LIST_NUMBER if block.ordered else S.LIST_BULLET
        list_id = f"{self.article.id}/{where}" if block.ordered else None
        return [Para(style, spans(item.runs), list_id=list_id, where=self.where(f"{where}.items[{i}]"))
                for i, item in enumerate(block.items) if item.text]

    def visit_figure(self, block: Figure, where: str) -> list[Para]:
        out = [Para(S.FIGURE, figure=block, where=self.where(f"{where}.image"))]
        if block.caption:
            out.append(Para(S.CAPTION, (Span(block.caption),), where=self.where(f"{where}.caption")))
        if block.credit:
            out.append(Para(S.CREDIT, (Span(block.credit),), where=self.where(f"{where}.credit")))
        return out

    def visit_notice(self, block: Notice, where: str) -> list[Para]:
        out = []
        if block.title:
            out.append(Para(S.NOTICE_TITLE, (Span(block.title),), where=self.where(f"{where}.title")))
        out.extend(Para(S.NOTICE, (Span(line),), where=self.where(f"{where}.paragraphs[{i}]"))
                   for i, line in enumerate(block.paragraphs) if line)
        return out


def spans(runs: tuple[Run, ...]) -> tuple[Span, ...]:
    """Inline runs as spans. A run carries one character style: strong wins over
    emphasis; a link keeps its own style only when it has no other."""
    out = []
    for run in runs:
        if not run.text:
            continue
        style = S.STRONG if run.strong else S.EMPHASIS if run.emphasis else None
        href = run.href or None
        if href and style is None:
            style = S.HYPERLINK
        out.append(Span(run.text, style, href))
    return tuple(out)
