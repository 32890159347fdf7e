"""The issue: publication metadata, the date and the pages in order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from .article import Article

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class PublicationCode:
    """An identifier printed in the masthead: CN 11-0000, ISSN 1000-0000, 邮发代号 1-1."""

    label: str
    value: str


@dataclass(frozen=True)
class Publication:
    name: str
    language: str = "zh-CN"
    timezone: str = "Asia/Shanghai"
    publisher: str = ""
    base_url: str = ""
    codes: tuple[PublicationCode, ...] = ()
    copyright: str = ""
    slug: str = ""  # a short ASCII name for files and URLs; defaults from base_url or "issue"


@dataclass(frozen=True)
class Page:
    number: int
    section: str = ""
    label: str = ""  # 第3版 or A3; writers use display_label
    editor: str = ""  # 责任编辑
    articles: tuple[Article, ...] = ()

    @property
    def display_label(self) -> str:
        return self.label or f"第{self.number}版"


@dataclass(frozen=True)
class Issue:
    publication: Publication
    date: dt.date
    pages: tuple[Page, ...]
    number: int | None = None  # 第9523期
    edition: str = ""

    def articles(self) -> Iterator[tuple[Page, Article]]:
        """Every article with its page, in reading order."""
        for page in self.pages:
            for article in page.articles:
                yield page, article

    def find_article(self, article_id: str) -> Article | None:
        return next((a for _, a in self.articles() if a.id == article_id), None)
