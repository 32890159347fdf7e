"""Recognising a 电头 (dateline) and taking it apart.

Forms handled, with full-width or ASCII brackets:

    新华社日内瓦1月24日电（记者王其冰）
    新华社北京1月25日电
    本报讯（记者 张三 通讯员 李四）
    本报北京1月25日讯  中新网3月2日电  据新华社电
"""

from __future__ import annotations

import re

from ..model import Dateline, DatelinePosition

# Role words that precede names inside the dateline's brackets or a byline.
ROLES = ("特约记者", "实习记者", "见习记者", "本报记者", "新华社记者", "记者", "通讯员", "实习生", "摄影", "编辑")

_AGENCY = r"(?:据)?(?:本报|新华社|中新社|中新网|中国新闻社|人民日报|央视新闻|央视网|[\u4e00-\u9fff]{1,6}(?:社|网|报|台))"
_DATELINE = re.compile(
    rf"^(?P<agency>{_AGENCY})"
    r"(?P<place>[\u4e00-\u9fff·]{0,12}?)"
    r"(?P<date>(?:\d{1,2}月)?\d{1,2}日)?"
    r"(?P<verb>电|讯)"
    r"(?:[（(](?P<who>[^（）()]{1,40})[）)])?"
)


def parse_dateline(text: str, position: DatelinePosition = DatelinePosition.START) -> Dateline | None:
    """The dateline at the start of ``text``, or None if it does not start with one."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    return Dateline(
        text=match.group(),
        agency=match.group("agency"),
        place=match.group("place"),
        date=match.group("date") or "",
        reporters=split_names(match.group("who") or ""),
        position=position,
    )


def is_dateline(text: str) -> bool:
    """True when the whole of ``text`` is one dateline."""
    match = _DATELINE.match(text.strip())
    return match is not None and match.end() == len(text.strip())


def split_names(text: str) -> tuple[str, ...]:
    """Names from ``记者张玉亮 杨钰晨`` or ``记者 张三 通讯员 李四`` or ``毛鑫、王瑞平``."""
    for role in ROLES:
        text = text.replace(role, " ")
    return tuple(name for name in re.split(r"[\s、，,]+", text) if name)
