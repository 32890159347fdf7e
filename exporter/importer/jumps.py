"""Jump lines (转版): ``……（下转第3版）`` and ``（上接第2版）……``.

A story continued on a later page ends with a jump-out mark and resumes
there after a jump-in mark, often under its headline repeated in short form.
Page references are reduced to a key (``3`` or ``A3``) so that 第三版, 第3版
and 3版 meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import parse_number

_LABEL = r"(?P<label>第?\s*(?:[A-H]\s*)?[\d一二三四五六七八九十]{1,3}\s*(?:版|页))"
_EXTRA = r"(?P<extra>[^（）()]{0,16})"
_OUT = re.compile(rf"[\s\u3000]*[（(]\s*(?:下转|转至|转|接下|续见)\s*{_LABEL}{_EXTRA}[）)][\s\u3000]*$")
_IN = re.compile(rf"^[\s\u3000]*[（(]\s*(?:上接|紧接|接上|接|承)\s*{_LABEL}{_EXTRA}[）)][\s\u3000]*")


@dataclass(frozen=True)
class Jump:
    key: str  # the page referred to: "3" or "A3"
    mark: str  # the mark as printed


def page_key(label: str) -> str:
    """第3版, 第三版, 3版 -> "3"; A3版, A03 -> "A3"."""
    text = re.sub(r"[\s第版页]", "", label)
    letter = text[:1] if text[:1].isalpha() and text[:1].isascii() else ""
    number = parse_number(text[len(letter):])
    return f"{letter}{number}" if number is not None else text


def split_jump_out(text: str) -> tuple[str, Jump] | None:
    """(the text before the mark, the jump) when the line ends with a jump-out mark."""
    match = _OUT.search(text)
    if match is None:
        return None
    return text[: match.start()], Jump(page_key(match.group("label")), match.group().strip())


def split_jump_in(text: str) -> tuple[Jump, str] | None:
    """(the jump, the text after the mark) when the line starts with a jump-in mark."""
    match = _IN.match(text)
    if match is None:
        return None
    return Jump(page_key(match.group("label")), match.group().strip()), text[match.end():]
