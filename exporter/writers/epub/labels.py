"""Words of the e-book's own furniture (cover, title page, landmarks).

Dates, issue numbers and page labels come from the shared table in
``typography.labels``; these few words only the EPUB needs, keyed the same
way (by the table's language).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Issue
from ...typography.labels import Labels


@dataclass(frozen=True)
class BookLabels:
    cover: str
    title_page: str
    body: str  # the landmark of the first article
    landmarks: str
    lead_story: str  # cover: the heading over the other stories
    in_this_issue: str  # cover: 本期要目
    page_count: str  # with n
    picture: str  # alt text of a picture that has none: 配图：<headline>


_SIMPLIFIED = BookLabels(
    cover="封面",
    title_page="扉页",
    body="正文",
    landmarks="导览",
    lead_story="头条",
    in_this_issue="本期要目",
    page_count="本期共{n}版",
    picture="配图",
)
_TRADITIONAL = BookLabels(
    cover="封面",
    title_page="扉頁",
    body="正文",
    landmarks="導覽",
    lead_story="頭條",
    in_this_issue="本期要目",
    page_count="本期共{n}版",
    picture="配圖",
)


def book_labels(labels: Labels) -> BookLabels:
    return _TRADITIONAL if labels.language == "zh-Hant" else _SIMPLIFIED


def book_title(issue: Issue, labels: Labels) -> str:
    """示例日报 2026年1月26日 (with the edition when there is one)."""
    parts = [issue.publication.name.strip(), labels.short_date(issue.date)]
    if issue.edition.strip():
        parts.append(issue.edition.strip())
    return " ".join(parts)


def issue_line(issue: Issue, labels: Labels) -> str:
    """2026年1月26日 星期一 第9523期"""
    parts = [labels.long_date(issue.date)]
    if issue.number is not None:
        parts.append(labels.issue(issue.number))
    return " ".join(parts)


def page_title(number: int, label: str, section: str, labels: Labels) -> str:
    """第1版 要闻: a page as navigation names it."""
    printed = labels.page_label(number, label)
    return f"{printed} {section.strip()}" if section.strip() else printed
