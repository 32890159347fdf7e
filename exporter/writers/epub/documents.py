"""Which XHTML document each article goes into, and the names of things.

One document per article, in reading order, except that consecutive briefs
of a page share one: a reader pages through a column of 简讯 as it would in
print, instead of turning a screen after every three paragraphs. Names are
made from page numbers and positions, so the same issue always gives the
same file names and ids, whatever its article ids look like.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Article, ArticleKind, Issue, Page

TEXT_DIR = "text"


@dataclass(frozen=True)
class Document:
    """One XHTML content document of the edition."""

    file_name: str  # relative to the package folder: text/p01-02.xhtml
    item_id: str  # the manifest id
    page: Page
    articles: tuple[Article, ...]
    opens_page: bool  # the first document of its page: it carries the page label

    def href(self, article: Article) -> str:
        """Where navigation points for ``article``: its element inside this document."""
        return f"{self.file_name}#{element_id(article)}"

    @property
    def title(self) -> str:
        return self.articles[0].title


def element_id(article: Article) -> str:
    """An XML ID for the article element: article ids may start with a digit, IDs may not."""
    return f"a-{article.id}"


def plan_documents(issue: Issue) -> list[Document]:
    documents: list[Document] = []
    for page in issue.pages:
        groups = _groups(page.articles)
        for position, (index, articles) in enumerate(groups):
            name = f"p{page.number:02d}-{index + 1:02d}"
            documents.append(
                Document(
                    file_name=f"{TEXT_DIR}/{name}.xhtml",
                    item_id=f"doc-{name}",
                    page=page,
                    articles=tuple(articles),
                    opens_page=position == 0,
                )
            )
    return documents


def _groups(articles: tuple[Article, ...]) -> list[tuple[int, list[Article]]]:
    """(index of the first article, articles) for each document of a page."""
    groups: list[tuple[int, list[Article]]] = []
    for index, article in enumerate(articles):
        previous = groups[-1][1][-1] if groups else None
        if previous is not None and previous.kind is ArticleKind.BRIEF and article.kind is ArticleKind.BRIEF:
            groups[-1][1].append(article)
        else:
            groups.append((index, [article]))
    return groups
