"""Recognising a 电头 (dateline) and taking it apart.

Forms handled, with full-width or ASCII brackets:

    新华社日内瓦1月24日电（记者王其冰）
    新华社北京1月25日电
    本报讯（记者 张三 通讯员 李四）
    本报北京1月25日讯  中新网3月2日电  据新华社电

An agency not on the known list (``某某晚报``) counts only with a date or the
reporters' bracket, and a place never contains a role word, so that a
sentence such as ``新华社记者近日走进国家电网`` is not taken for a dateline.
"""

from __future__ import annotations

import re

from ..model import Dateline, DatelinePosition
from .names import GENERIC_AGENCY, HAN, KNOWN_AGENCY, ROLE_WORDS

# Role words that precede names inside the dateline's brackets or a byline.
ROLES = tuple(sorted(ROLE_WORDS, key=len, reverse=True))

_DATE = r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日"
_WHO = r"(?:[\s\u3000]*[（(](?P<who>[^（）()]{1,40})[）)])"
_DATELINE = re.compile(
    rf"^(?P<agency>(?:据)?(?:{KNOWN_AGENCY}|(?P<generic>{GENERIC_AGENCY})))"
    rf"(?P<place>[{HAN}·]{{0,8}}?)"
    rf"(?P<date>{_DATE})?"
    r"(?P<verb>电|讯)"
    rf"{_WHO}?"
)
_NOT_A_PLACE = re.compile("记者|通讯员|今日|今天|近日|昨日|昨天|日前")


def parse_dateline(text: str, position: DatelinePosition = DatelinePosition.START) -> Dateline | None:
    """The dateline at the start of ``text``, or None if it does not start with one."""
    match = _DATELINE.match(text)
    if match is None or not _plausible(match, text):
        return None
    return Dateline(
        text=match.group().strip(),
        agency=match.group("agency"),
        place=match.group("place"),
        date=match.group("date") or "",
        reporters=split_names(match.group("who") or ""),
        position=position,
    )


def _plausible(match: re.Match[str], text: str) -> bool:
    place, dated, who = match.group("place"), match.group("date"), match.group("who")
    if _NOT_A_PLACE.search(place):
        return False
    if dated or who:
        return True
    if match.group("generic") or place:
        # 某某晚报讯 and 本报北京讯 stand before a space or the end of the line;
        # 本报今日推出电视… and 互联网讯息 run on into Han text.
        after = text[match.end() : match.end() + 1]
        return not ("\u4e00" <= after <= "\u9fff")
    return True


def is_dateline(text: str) -> bool:
    """True when the whole of ``text`` is one dateline."""
    parsed = parse_dateline(text.strip())
    return parsed is not None and parsed.text == text.strip()


def split_names(text: str) -> tuple[str, ...]:
    """Names from ``记者张玉亮 杨钰晨`` or ``记者 张三 通讯员 李四`` or ``毛鑫、王瑞平``."""
    for role in ROLES:
        text = text.replace(role, " ")
    return tuple(name for name in re.split(r"[\s\u3000、，,]+", text) if name)
