"""Issues made in code, and a build of one with the feed writer alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from exporter.build import BuildResult, build_loaded, resolve_writers
from exporter.diagnostics import Reporter
from exporter.load import LoadedIssue
from exporter.model import Article, Figure, Issue, Page, Paragraph, Publication, Run
from exporter.themes import load_theme

BASE = "https://news.example.test/paper/"


def make_issue(*articles: Article, name: str = "测试日报", date: dt.date = dt.date(2026, 2, 3), **publication) -> Issue:
    publication.setdefault("base_url", BASE)
    publication.setdefault("slug", "test-daily")
    return Issue(
        publication=Publication(name=name, **publication),
        date=date,
        pages=(Page(number=1, section="要闻", articles=articles),),
        number=100,
    )


def article(id: str = "a1", title: str = "标题", *paragraphs: str, **fields) -> Article:
    blocks = fields.pop("blocks", None)
    if blocks is None:
        blocks = tuple(Paragraph((Run(p),)) for p in (paragraphs or ("正文。",)))
    return Article(id=id, title=title, blocks=tuple(blocks), **fields)


def figure(image: str, caption: str = "图片说明。", credit: str = "记者 某某 摄") -> Figure:
    return Figure(image=image, caption=caption, credit=credit, width=640, height=427)


def build_issue(issue: Issue, root: Path, out: Path, **settings: str) -> tuple[BuildResult, Reporter]:
    """Build with the rss writer; failures are returned, not raised."""
    reporter = Reporter()
    classes = resolve_writers(["rss"], settings)
    result = build_loaded(LoadedIssue(issue, root, {}), classes, out, settings, load_theme("print"), reporter)
    return result, reporter
