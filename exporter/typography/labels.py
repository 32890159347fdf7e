"""Localised labels and date formats, as data keyed by language.

Every writer that prints a date, a page label or a jump line asks here, so
the PDF's running heads, the EPUB's navigation and the DOCX headers say the
same thing. A language with no table is reported and set with the
Simplified Chinese table (the house language), never with English words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..errors import Location


BULLET = "●"  # a full em, like the Han characters it stands among


def list_marker(ordered: bool, number: int) -> str:
    """What opens the ``number``-th item of a list where the format has no
    lists of its own (print): "1." or a bullet, as Chinese papers set them."""
    return f"{number}." if ordered else BULLET


@dataclass(frozen=True)
class Labels:
    language: str
    weekdays: tuple[str, ...]  # Monday first, as datetime.weekday() counts
    date: str  # str.format with y, m, d
    issue_number: str  # with n
    page: str  # with n: the label of a page that has none of its own
    page_suffix: str  # appended to labels such as "A3" to make "A3版"
    continued: str  # with label: the first continuation page
    continued_nth: str  # with label and n (a Chinese numeral): later ones
    jump_to: str  # with label: end of the part of an article continued elsewhere
    jump_from: str  # with label: start of the continued part
    contents: str
    editor: str  # with name
    numerals: str  # 〇 to 九, for 续二 and the like

    def long_date(self, date: dt.date) -> str:
        """2026年1月26日 星期一"""
        return f"{self.short_date(date)} {self.weekday(date)}"

    def short_date(self, date: dt.date) -> str:
        return self.date.format(y=date.year, m=date.month, d=date.day)

    def weekday(self, date: dt.date) -> str:
        return self.weekdays[date.weekday()]

    def issue(self, number: int) -> str:
        return self.issue_number.format(n=number)

    def page_label(self, number: int, label: str = "") -> str:
        """The printed label: the page's own (第3版, A3) or 第N版."""
        return label or self.page.format(n=number)

    def page_reference(self, label: str) -> str:
        """A label as jump lines and contents cite it: A3 becomes A3版."""
        if label.endswith(self.page_suffix) or label.endswith("）") or label.endswith(")"):
            return label
        return label + self.page_suffix

    def continuation(self, label: str, count: int) -> str:
        """The label of the ``count``-th continuation page of ``label`` (1 = 第3版（续）)."""
        if count <= 1:
            return self.continued.format(label=label)
        return self.continued_nth.format(label=label, n=self.numeral(count))

    def jump_out(self, label: str) -> str:
        """（下转第3版（续））: the reader goes on at ``label``."""
        return self.jump_to.format(label=self.page_reference(label))

    def jump_in(self, label: str) -> str:
        """（上接第3版）: the part before stood on ``label``."""
        return self.jump_from.format(label=self.page_reference(label))

    def edited_by(self, name: str) -> str:
        return self.editor.format(name=name)

    def numeral(self, n: int) -> str:
        """Chinese numerals for small counts: 2 → 二, 10 → 十, 12 → 十二, 23 → 二十三."""
        if n < 10:
            return self.numerals[n]
        tens, units = divmod(n, 10)
        if tens >= 10:
            return "".join(self.numerals[int(d)] for d in str(n))
        head = "" if tens == 1 else self.numerals[tens]
        return head + "十" + (self.numerals[units] if units else "")


SIMPLIFIED = Labels(
    language="zh-Hans",
    weekdays=("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    date="{y}年{m}月{d}日",
    issue_number="第{n}期",
    page="第{n}版",
    page_suffix="版",
    continued="{label}（续）",
    continued_nth="{label}（续{n}）",
    jump_to="（下转{label}）",
    jump_from="（上接{label}）",
    contents="目录",
    editor="责任编辑：{name}",
    numerals="〇一二三四五六七八九",
)

TRADITIONAL = Labels(
    language="zh-Hant",
    weekdays=SIMPLIFIED.weekdays,
    date=SIMPLIFIED.date,
    issue_number=SIMPLIFIED.issue_number,
    page=SIMPLIFIED.page,
    page_suffix=SIMPLIFIED.page_suffix,
    continued="{label}（續）",
    continued_nth="{label}（續{n}）",
    jump_to="（下轉{label}）",
    jump_from="（上接{label}）",
    contents="目錄",
    editor="責任編輯：{name}",
    numerals=SIMPLIFIED.numerals,
)

# BCP 47 tags (lower-cased) and the table each one reads.
_BY_TAG = {
    "zh": SIMPLIFIED,
    "zh-hans": SIMPLIFIED,
    "zh-cn": SIMPLIFIED,
    "zh-sg": SIMPLIFIED,
    "zh-hans-cn": SIMPLIFIED,
    "zh-hant": TRADITIONAL,
    "zh-tw": TRADITIONAL,
    "zh-hk": TRADITIONAL,
    "zh-mo": TRADITIONAL,
    "zh-hant-tw": TRADITIONAL,
    "zh-hant-hk": TRADITIONAL,
}


def find_labels(language: str) -> Labels | None:
    """The table for a language tag, trying shorter prefixes (zh-Hans-CN → zh-Hans → zh)."""
    parts = language.strip().lower().replace("_", "-").split("-")
    while parts:
        table = _BY_TAG.get("-".join(parts))
        if table is not None:
            return table
        parts.pop()
    return None


def labels_for(language: str, reporter: Reporter | None = None) -> Labels:
    """The table for ``language``; an unknown language is reported and gets the house table."""
    table = find_labels(language)
    if table is not None:
        return table
    if reporter is not None:
        reporter.warning(
            "labels.language",
            f"no labels for language {language!r}; dates and page labels are set in Simplified Chinese",
            Location(field="publication.language"),
        )
    return SIMPLIFIED
