"""The classified-ads block as an article of notices.

The block's label (分类广告) is the article's title; lines before the first
notice (a slogan, the 广告热线) are its paragraphs; each notice title
(遗失声明, 招聘 …) opens a Notice that takes the lines after it. Lines of a
notice that a column break cut are joined, but lines that end in a number
(a telephone) or are a field of their own (联系人：…) stay apart.
"""

from __future__ import annotations

import re

from ..model import Block, Figure, Notice, Paragraph
from . import report as r
from .notices import DEFAULT_TITLE, is_hotline, is_notice_title, split_label
from .report import ImportReport
from .rejoin import PHOTO_SLOT
from .text import balanced, dangling_end, ends_sentence, starts_continuation
from .units import CAPTION, TEXT, Unit

_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]")


def notice_article(units: list[Unit], article_id: str, report: ImportReport) -> tuple[str, list[Block]]:
    """(title, blocks) of the classified-ads article."""
    title = ""
    blocks: list[Block] = []
    lines: list[tuple[str, Unit]] = []  # the open run of text lines, to be placed
    notice_title: str | None = None
    figures = 0

    def place() -> None:
        nonlocal lines
        texts = tuple(text for text, _ in lines)
        if notice_title is not None:
            last = blocks[-1]
            assert isinstance(last, Notice)
            blocks[-1] = Notice(last.title, last.paragraphs + texts)
        else:
            blocks.extend(Paragraph.plain(text) for text in texts)
        lines = []

    for unit in units:
        if unit.kind == CAPTION:
            place()
            figures += 1
            width, height = PHOTO_SLOT
            blocks.append(Figure(f"images/{article_id}-{figures}.png", unit.text, unit.credit, unit.text,
                                 width, height))
            report.add(r.LIFTED_CAPTION, f"lifted caption “{unit.text}” as a figure", unit.line.file,
                       unit.line.number, article_id)
            notice_title = None
            continue
        if unit.kind != TEXT:
            continue
        text = unit.text
        if not title and not blocks and not lines and (label := split_label(text)) is not None:
            title, rest = label
            if rest:
                report.add(r.SPLIT_LABEL, f"split “{title}” from “{rest}”", unit.line.file, unit.line.number,
                           article_id)
                lines.append((rest, unit))
            continue
        if is_notice_title(text):
            place()
            blocks.append(Notice(text, ()))
            notice_title = text
            continue
        if lines and _cut(lines[-1][0], text):
            left, first = lines[-1]
            report.add(r.JOINED_FRAGMENT, f"joined “…{left[-10:]}” + “{text[:10]}…” (line {first.line.number} + "
                       f"line {unit.line.number})", unit.line.file, unit.line.number, article_id)
            lines[-1] = (left + text, first)
            continue
        lines.append((text, unit))
    place()
    if not title:
        title = DEFAULT_TITLE
        first = units[0] if units else None
        report.add(r.WARNING, f"the classified block has no label: titled “{title}”",
                   first.line.file if first else "", first.line.number if first else None, article_id)
    return title, blocks


def _cut(left: str, right: str) -> bool:
    """True when ``right`` continues the notice line ``left``."""
    if ends_sentence(left) or is_hotline(left) or is_hotline(right) or _FIELD.match(right):
        return False
    if dangling_end(left) or not balanced(left) or starts_continuation(right):
        return True
    last = left[-1:]
    return "\u4e00" <= last <= "\u9fff" and len(left) >= 12
