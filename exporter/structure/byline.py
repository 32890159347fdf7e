"""Recognising a 署名 (byline): 新华社记者, 本报记者 张三 李四, 记者 张三 通讯员 李四.

A byline is role words (with an optional agency) followed by names, perhaps
several of them (``文/本报记者 张三 图/李四``), and nothing else: no sentence
punctuation. Decorations before it (□ ■) and brackets around it (a byline at
the end of a story, ``（记者 张三）``) are taken off.
"""

from __future__ import annotations

import re

from .names import HAN, KNOWN_AGENCY, GENERIC_AGENCY, NAMES, ROLE

_MARKERS = "□■●◆▲★☆◇○◎"
_CREDIT_PREFIX = re.compile(r"(?:文字|文图|图文|文·图|文|图|摄影|摄像|视频|制图)\s*[/／]\s*")
_SEGMENT = rf"(?:{KNOWN_AGENCY}|{GENERIC_AGENCY})?{ROLE}(?:[\s\u3000]*{NAMES})?"
_BYLINE = re.compile(rf"^{_SEGMENT}(?:[\s\u3000、，,]+(?:{_SEGMENT}|{NAMES}))*$")
# Column labels that look like a role and a name: 记者手记, 记者观察 …
_COLUMN_WORDS = re.compile(rf"记者(?:手记|观察|调查|探访|走基层|连线|笔记|札记|直击|视点|体验|来信)(?![{HAN}])")


def parse_byline(text: str) -> str | None:
    """The byline as printed (without decorations or brackets), or None."""
    core = text.strip().lstrip(_MARKERS).strip()
    if core[:1] in "（(" and core[-1:] in "）)":
        core = core[1:-1].strip()
    if not core or len(core) > 48 or _COLUMN_WORDS.search(core):
        return None
    bare = _CREDIT_PREFIX.sub(" ", core).strip()
    return core if _BYLINE.match(bare) else None


def is_byline(text: str) -> bool:
    return parse_byline(text) is not None
