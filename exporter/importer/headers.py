"""Page headers, footers and masthead lines (版头, 眉线, 报头).

A running head is a line made only of head items: the date and weekday, the
editors (责任编辑：…, 美编 …), the page (第2版, A3), the issue number
(第9523期), publication codes (CN 44-0000, 邮发代号), the paper's name, the
section name, the weather. It is dropped from the text, and what it says
(date, page, section, editor) goes into the issue's metadata.

A head can also land inside a line of text (``…线上“疑难 2026年1月26日 星期一
责任编辑：张三 第2版 把脉”…``): a run of at least two strong head items set
off by spaces is cut out of the line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..structure.names import HAN, NAME
from .numbers import parse_number

_N = r"[\d一二三四五六七八九十〇零]"
_DATE = re.compile(
    rf"(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_N}{{1,3}})\s*月\s*(?P<d>{_N}{{1,3}})\s*日"
)
_WEEKDAY = re.compile(r"(?:星期|周|礼拜)(?P<w>[一二三四五六日天])")
_LUNAR = re.compile(
    rf"农历[{HAN}]{{2,12}}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
    r"(?:[正一二三四五六七八九十冬腊]{1,2}月)?(?:初|十|廿|二十|三十)[一二三四五六七八九十]?"
)
_ROLE = re.compile(
    r"(?P<role>责任编辑|责编|本版编辑|编辑|美术编辑|美编|版式设计|版式|设计|校对|审校|图片编辑|图编|视觉设计"
    rf"|视觉|审读|值班编委|版面编辑)\s*[：:]?\s*(?P<names>{NAME}(?:、{NAME})*)"
)
_PAGE = re.compile(r"第\s*(?P<n>[\d一二三四五六七八九十]{1,3})\s*版|(?P<letter>[A-H])\s*(?P<ln>\d{1,2})(?:\s*版)?")
_ISSUE = re.compile(r"总?第\s*(?P<issue>\d{1,6})\s*期|今日\s*\d{1,3}\s*版|本期\s*\d{1,3}\s*版")
_CODE = re.compile(
    r"(?P<label>国内统一连续出版物号|国内统一刊号|邮发代号|ISSN|CN)\s*[：:]?\s*"
    r"(?P<value>(?:CN\s*)?\d{1,4}\s*[-－]\s*\d{1,4}[\dX]?(?:/[A-Z]{1,3})?)"
)
_URL = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+){1,3}(?:/[!-~]*)?")
_WEATHER = re.compile(
    r"(?:晴|多云|阴|小雨|中雨|大雨|暴雨|阵雨|雷阵雨|雨夹雪|小雪|中雪|大雪)(?:转[\u4e00-\u9fff]{1,4})?\s*"
    r"-?\d{1,2}\s*[～~—\-至]\s*-?\d{1,2}\s*℃"
)
_PAPER = re.compile(
    rf"[{HAN}]{{2,8}}(?:日报|晚报|早报|晨报|时报|商报|都市报|青年报|法治报|经济报|导报|周报|快报)"
)
_SECTION = re.compile(rf"[{HAN}]{{2,6}}(?:·[{HAN}]{{2,6}})?")
_SEPARATOR = re.compile(r"[\s|｜/／•·]+")

# Item kinds; the strong ones make a line a head on their own.
STRONG = ("date", "role", "page", "issue", "code")
_ITEMS = (
    ("date", _DATE), ("weekday", _WEEKDAY), ("lunar", _LUNAR), ("role", _ROLE), ("page", _PAGE),
    ("issue", _ISSUE), ("code", _CODE), ("weather", _WEATHER), ("url", _URL),
)
_WEEKDAYS = "一二三四五六日"


@dataclass
class RunningHead:
    text: str
    items: list[tuple[str, re.Match[str]]] = field(default_factory=list)

    def values(self, kind: str) -> list[re.Match[str]]:
        return [m for k, m in self.items if k == kind]

    @property
    def strong(self) -> int:
        return sum(1 for k, _ in self.items if k in STRONG)

    @property
    def date(self) -> dt.date | None:
        for match in self.values("date"):
            year, month, day = (parse_number(match.group(g)) for g in ("y", "m", "d"))
            try:
                return dt.date(year, month, day)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return None
        return None

    @property
    def weekday(self) -> int | None:
        days = self.values("weekday")
        if not days:
            return None
        char = days[0].group("w")
        return 6 if char == "天" else _WEEKDAYS.index(char)

    @property
    def editor(self) -> str:
        for match in self.values("role"):
            if match.group("role") in ("责任编辑", "责编", "本版编辑", "编辑", "版面编辑"):
                return match.group("names").strip()
        return ""

    @property
    def page(self) -> tuple[int | None, str]:
        """(page number, label as printed) from 第3版 or A3."""
        for match in self.values("page"):
            if match.group("n"):
                return parse_number(match.group("n")), re.sub(r"\s+", "", match.group())
            label = match.group("letter") + str(int(match.group("ln")))
            return None, label
        return None, ""

    @property
    def issue_number(self) -> int | None:
        for match in self.values("issue"):
            if match.group("issue"):
                return int(match.group("issue"))
        return None

    @property
    def codes(self) -> list[tuple[str, str]]:
        out = []
        for match in self.values("code"):
            label = match.group("label")
            value = re.sub(r"\s+", " ", match.group("value")).replace("－", "-")
            if label == "CN":
                label, value = "国内统一连续出版物号", "CN " + value.removeprefix("CN ").strip()
            out.append((label, value))
        return out

    @property
    def paper(self) -> str:
        found = self.values("paper")
        return found[0].group() if found else ""

    @property
    def section(self) -> str:
        found = self.values("section")
        return found[0].group() if found else ""


def _item_at(text: str, pos: int) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in _ITEMS:
        match = pattern.match(text, pos)
        if match and _ends_item(text, match.end()):
            return kind, match
    return None


def _ends_item(text: str, end: int) -> bool:
    """An item must end at a separator, the end of the line or the start of another item."""
    if end >= len(text) or _SEPARATOR.match(text, end):
        return True
    return any(p.match(text, end) for _, p in _ITEMS)


def parse_running_head(text: str) -> RunningHead | None:
    """The line as a running head, or None when it holds anything else."""
    head = RunningHead(text)
    pos = 0
    weak = 0
    while pos < len(text):
        sep = _SEPARATOR.match(text, pos)
        if sep:
            pos = sep.end()
            continue
        item = _item_at(text, pos)
        if item is None:
            for kind, pattern in (("paper", _PAPER), ("section", _SECTION)):
                match = pattern.match(text, pos)
                if match and _ends_item(text, match.end()):
                    item = (kind, match)
                    weak += 1
                    break
        if item is None:
            return None
        head.items.append(item)
        pos = item[1].end()
    if not head.items or weak > 2 or head.strong == 0:
        return None
    return head


def is_paper_name(text: str) -> bool:
    """A line that is only a newspaper's name (示例日报): the masthead of page 1."""
    return bool(_PAPER.fullmatch(text.strip()))


def find_inline_head(text: str) -> tuple[int, int, RunningHead] | None:
    """A run of head items set off by spaces inside a line of text: (start, end, head)."""
    for start in [0] + [m.end() for m in re.finditer(r"\s+", text)]:
        head = RunningHead("")
        pos, end = start, start
        while pos < len(text):
            sep = _SEPARATOR.match(text, pos)
            item = _item_at(text, sep.end() if sep else pos)
            if item is None:
                break
            head.items.append(item)
            pos = end = item[1].end()
        strong = head.strong
        if strong >= 2 and (end == len(text) or text[end].isspace()) and (start, end) != (0, len(text)):
            head.text = text[start:end].strip()
            return start, end, head
    return None
