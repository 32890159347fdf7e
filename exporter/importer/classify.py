"""What a line of text can be, judged on the line alone.

These are the line-level tests the segmenter and the paragraph builder
combine with context: could it be a headline, a subtitle (副题), a byline,
a dateline standing alone, a list item?
"""

from __future__ import annotations

import re

from ..structure.byline import parse_byline
from ..structure.dateline import is_dateline, parse_dateline
from .text import (
    HEADING_MAX, LIST_MARKER, SUBHEAD_MAX, balanced, dangling_end, ends_question, ends_sentence, han_count,
    reads_as_sentence,
)

_SUBTITLE = re.compile(r"^(?:——|—|--|──|－－|⸺)(?=[\u4e00-\u9fff“《])")
_BULLET_TITLE = re.compile(r"^[■◆●▲★☆□◇]\s*")
SUBTITLE_MAX = 80


def is_subtitle(text: str) -> bool:
    """A deck line: ——我国社会工作取得新成效、开创新局面."""
    return bool(_SUBTITLE.match(text)) and len(text) <= SUBTITLE_MAX and "。" not in text[:-1]


def is_byline(text: str) -> bool:
    return parse_byline(text) is not None


def is_dateline_only(text: str) -> bool:
    """A dateline on a line of its own, perhaps in brackets: 新华社北京1月25日电, （据新华社电）."""
    core = text.strip()
    if core[:1] in "（(" and core[-1:] in "）)":
        core = core[1:-1]
    return is_dateline(core)


def starts_with_dateline(text: str) -> bool:
    parsed = parse_dateline(text)
    return parsed is not None and len(parsed.text) < len(text.strip())


def is_list_item(text: str) -> bool:
    return bool(LIST_MARKER.match(text))


def heading_text(text: str) -> str:
    """A headline without the bullet some papers set before brief titles (■ …)."""
    return _BULLET_TITLE.sub("", text).strip()


def could_be_headline(text: str) -> bool:
    """Short, balanced, no sentence inside, not ending on a word that needs more."""
    text = heading_text(text)
    if not (2 <= len(text) <= HEADING_MAX) or han_count(text) < max(2, len(text) / 3):
        return False
    if ends_sentence(text) and not (ends_question(text) and len(text) <= 30):
        return False
    if "。" in text or not balanced(text) or dangling_end(text) or reads_as_sentence(text):
        return False
    return not (is_byline(text) or parse_dateline(text) or is_list_item(text) or is_subtitle(text))


def could_be_subhead(text: str) -> bool:
    """A 小标题: like a headline, shorter, and never ending in punctuation."""
    if len(text) > SUBHEAD_MAX or ends_sentence(text) or ends_question(text):
        return False
    plain = heading_text(text)
    if "。" in plain or not balanced(plain) or dangling_end(plain) or han_count(plain) < 4:
        return False
    if reads_as_sentence(plain):
        return False
    return not (is_byline(plain) or parse_dateline(plain) or is_subtitle(plain))
