"""Every piece of text the e-book shows, with the font role that sets it.

The roles follow the stylesheet: ``_css.reflow_css`` for the articles (title
in the heading face, subtitle, dateline and subheads in the bold serif,
byline, quotes and captions in the Kai face, the rest in the body face) and
``css.book_css`` for the e-book's own pages. Each piece carries its
location, so a character no font has is reported with its article and field.
"""

from __future__ import annotations

from ...errors import Location
from ...fonts.coverage import TextCollector
from ...model import Article, Figure, Issue, ListBlock, Notice, Paragraph, Quote, Subhead
from ...typography.labels import Labels
from .documents import Document
from .labels import BookLabels, book_title, issue_line, page_title

BODY = "body"
BOLD = "body-bold"
HEADING = "heading"
CAPTION = "caption"


class BookText:
    """Collects (role, text, where); every piece also goes to the body role,
    so the embedded body face can stand in for any other face."""

    def __init__(self) -> None:
        self.collector = TextCollector()

    def add(self, role: str, text: str, where: Location) -> None:
        if text:
            self.collector.add(role, text, where)
            if role != BODY:
                self.collector.add(BODY, text, where)


def collect_text(issue: Issue, documents: list[Document], labels: Labels, words: BookLabels) -> BookText:
    text = BookText()
    _furniture(text, issue, labels, words)
    for document in documents:
        page = document.page
        where = Location(field=f"pages[{issue.pages.index(page)}]")
        if document.opens_page:
            text.add(HEADING, page_title(page.number, page.label, page.section, labels), where)
        for article in document.articles:
            _article(text, article)
    return text


def _furniture(text: BookText, issue: Issue, labels: Labels, words: BookLabels) -> None:
    """Title page, navigation and landmarks."""
    pub = issue.publication
    text.add(HEADING, pub.name, Location(field="publication.name"))
    text.add(BODY, book_title(issue, labels), Location(field="publication.name"))
    text.add(BODY, issue_line(issue, labels), Location(field="date"))
    text.add(BOLD, issue.edition, Location(field="edition"))
    text.add(BODY, pub.publisher, Location(field="publication.publisher"))
    text.add(BODY, pub.copyright, Location(field="publication.copyright"))
    for i, code in enumerate(pub.codes):
        text.add(BODY, code.label, Location(field=f"publication.codes[{i}].label"))
        text.add(BODY, code.value, Location(field=f"publication.codes[{i}].value"))
    text.add(HEADING, labels.contents, Location())  # the heading of the contents page
    for word in (words.cover, words.title_page, words.body, words.landmarks,
                 words.page_count.format(n=len(issue.pages))):
        text.add(BODY, word, Location())
    for i, page in enumerate(issue.pages):  # pages are bold in the contents
        text.add(BOLD, page_title(page.number, page.label, page.section, labels), Location(field=f"pages[{i}]"))


def _article(text: BookText, article: Article) -> None:
    def at(field: str) -> Location:
        return Location(article=article.id, field=field)

    text.add(BODY, article.kicker, at("kicker"))
    text.add(HEADING, article.title, at("title"))
    text.add(BODY, article.title, at("title"))  # navigation and the cover list it in other faces
    text.add(BOLD, article.subtitle, at("subtitle"))
    text.add(CAPTION, article.byline, at("byline"))
    if article.dateline is not None:
        text.add(BOLD, article.dateline.text, at("dateline.text"))
    for i, block in enumerate(article.blocks):
        where = f"blocks[{i}]"
        if isinstance(block, Paragraph):
            _runs(text, block, BODY, at(where))
        elif isinstance(block, Subhead):
            text.add(BOLD, block.text, at(where))
        elif isinstance(block, Quote):
            for j, paragraph in enumerate(block.paragraphs):
                _runs(text, paragraph, CAPTION, at(f"{where}.paragraphs[{j}]"))
        elif isinstance(block, Figure):
            text.add(CAPTION, block.caption, at(f"{where}.caption"))
            text.add(CAPTION, block.credit, at(f"{where}.credit"))
        elif isinstance(block, Notice):
            text.add(HEADING, block.title, at(f"{where}.title"))
            for j, line in enumerate(block.paragraphs):
                text.add(BODY, line, at(f"{where}.paragraphs[{j}]"))
        elif isinstance(block, ListBlock):
            for j, item in enumerate(block.items):
                _runs(text, item, BODY, at(f"{where}.items[{j}]"))


def _runs(text: BookText, paragraph: Paragraph, role: str, where: Location) -> None:
    for run in paragraph.runs:
        # Bold body text is set in the bold serif (same family, bold weight).
        text.add(BOLD if run.strong and role == BODY else role, run.text, where)
