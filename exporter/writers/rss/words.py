"""The web edition's own words, in Chinese (data, not logic). Dates, issue
numbers and page labels come from ``typography.labels``, shared by every writer."""

from __future__ import annotations

LATEST_ISSUES = "往期报纸"
ISSUE_CONTENTS = "本期目录"
SUBSCRIBE = "订阅"
PREVIOUS_ARTICLE = "上一篇"
NEXT_ARTICLE = "下一篇"
PAGE_NAVIGATION = "翻页"


def feed_description(name: str) -> str:
    return f"《{name}》电子版全文"


def articles_count(n: int) -> str:
    return f"{n}篇"
