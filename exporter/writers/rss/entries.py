"""An article as a feed item: what the rolling feed remembers of it.

An item is plain data (JSON in the feed state) and keeps no absolute URL:
paths are relative to the site root and the article HTML keeps the relative
URLs of its page, so the same items serve any base URL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any, Callable

from ...model import Article, Figure, ListBlock, Notice, Page, Quote
from ...model.article import DatelinePosition
from ...typography.cjk import CLOSING, OPENING, PAUSE

SENTENCE_END = frozenset("。！？")
ELLIPSIS = "……"


@dataclass(frozen=True)
class Enclosure:
    path: str  # relative to the site root
    length: int  # bytes
    type: str  # MIME type


@dataclass(frozen=True)
class FeedItem:
    guid: str
    issue: str  # the issue key (folder name)
    order: int  # position in the issue's reading order
    path: str  # the article page, relative to the site root
    title: str
    published: str  # ISO 8601 with the publication's UTC offset
    creator: str
    categories: tuple[str, ...]
    summary: str  # plain text
    content: str  # the article as HTML; URLs relative to its page
    enclosure: Enclosure | None

    @property
    def published_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.published)

    def sort_key(self) -> tuple:
        """Newest first; within one issue, reading order."""
        return (-self.published_at.timestamp(), _descending(self.issue), self.order)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["categories"] = list(self.categories)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "FeedItem":
        enclosure = data.get("enclosure")
        return cls(
            guid=str(data["guid"]),
            issue=str(data["issue"]),
            order=int(data["order"]),
            path=str(data["path"]),
            title=str(data["title"]),
            published=str(data["published"]),
            creator=str(data["creator"]),
            categories=tuple(str(c) for c in data["categories"]),
            summary=str(data["summary"]),
            content=str(data["content"]),
            enclosure=None if enclosure is None else Enclosure(
                str(enclosure["path"]), int(enclosure["length"]), str(enclosure["type"])
            ),
        )


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text) + (1,)


def make_item(
    article: Article,
    page: Page,
    *,
    order: int,
    issue_key: str,
    guid: str,
    path: str,
    published: dt.datetime,
    content: str,
    enclosure: Callable[[Figure], Enclosure] | None,
    summary_chars: int,
) -> FeedItem:
    lead_figure = article.figures[0] if article.figures else None
    section = article.section if article.section.strip() else page.section
    return FeedItem(
        guid=guid,
        issue=issue_key,
        order=order,
        path=path,
        title=article.title,
        published=published.isoformat(),
        creator=creator(article),
        categories=(section,) if section.strip() else (),
        summary=summarise(lead_text(article), summary_chars),
        content=content,
        enclosure=enclosure(lead_figure) if enclosure and lead_figure else None,
    )


def creator(article: Article) -> str:
    """The byline; for agency copy without one, the reporters of the dateline."""
    if article.byline.strip():
        return article.byline
    reporters = [r for r in article.dateline.reporters if r.strip()] if article.dateline else []
    return "、".join(reporters)


def lead_text(article: Article) -> str:
    """The lead paragraph as the reader sees it, with a leading dateline."""
    lead = article.lead_paragraph
    text = lead.text if lead is not None else _first_text(article)
    dateline = article.dateline
    if dateline is not None and dateline.position is DatelinePosition.START and lead is not None:
        text = dateline.text + text
    return text.strip()


def _first_text(article: Article) -> str:
    for block in article.blocks:
        if isinstance(block, Quote) and block.text.strip():
            return block.paragraphs[0].text
        if isinstance(block, ListBlock) and block.items:
            return block.items[0].text
        if isinstance(block, Notice):
            return block.paragraphs[0] if block.paragraphs else block.title
        if isinstance(block, Figure) and (block.caption or block.credit):
            return block.caption or block.credit
    return ""


def summarise(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters; otherwise its longest
    prefix ending a sentence (。！？ and any closing marks after it), or,
    when no sentence ends early enough, a cut marked with an ellipsis."""
    if limit <= 0 or len(text) <= limit:
        return text
    end = 0
    for i, char in enumerate(text[:limit]):
        if char in SENTENCE_END:
            j = i + 1
            while j < len(text) and text[j] in CLOSING:
                j += 1
            if j <= limit:
                end = j
    if end >= limit // 3:
        return text[:end]
    cut = text[: max(limit - len(ELLIPSIS), 1)].rstrip("".join(PAUSE | OPENING) + " —…")
    return (cut or text[: max(limit - len(ELLIPSIS), 1)]) + ELLIPSIS
