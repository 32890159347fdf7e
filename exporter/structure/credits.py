"""Photo credits (… 摄) at the end of a caption.

A credit is a role and names followed by 摄 (or 供图, 制图 …), or an agency's
发: ``新华社记者 吴鲁 摄``, ``本报记者 张三摄``, ``（李四 摄）``, ``王五/摄``,
``新华社发``. A credit of bare names (``张三 摄``) or of an agency not on the
known list must be set apart from the caption by a space, a bracket or the
end of a sentence, so that a sentence ending in ``…正在拍摄`` is not taken for
one.
"""

from __future__ import annotations

import re

from .names import GENERIC_AGENCY, KNOWN_AGENCY, NAMES, ROLE

_VERB = r"(?:摄影|摄|供图|制图|绘图|绘)"
_SPACE = r"[\s\u3000]*"
# What may stand right before a credit that does not start with a role word.
_BOUNDARY = r"(?<=[\s\u3000。！？!?.”’）)（(])"
_AGENCY = rf"(?:{KNOWN_AGENCY}|{_BOUNDARY}{GENERIC_AGENCY})"

_CREDIT = re.compile(
    rf"{_SPACE}(?P<open>[（(])?"
    r"(?P<credit>"
    rf"{_AGENCY}?{ROLE}{_SPACE}(?:{NAMES}){_SPACE}[/／]?{_SPACE}{_VERB}"  # 新华社记者 吴鲁 摄
    rf"|{_AGENCY}{_SPACE}{_VERB}"  # 视觉中国供图
    rf"|{_AGENCY}发(?:{_SPACE}[（(][^（）()]{{1,20}}[）)])?"  # 新华社发（张三摄）
    r"|资料图片"
    rf"|{_BOUNDARY}(?:{NAMES}){_SPACE}[/／]?{_SPACE}{_VERB}"  # 张三 摄
    r")"
    rf"(?(open)[）)]){_SPACE}$"
)


def split_credit(caption: str) -> tuple[str, str]:
    """(caption without credit, credit) — the credit is empty if there is none."""
    match = _CREDIT.search(caption)
    if match is None:
        return caption.strip(), ""
    head = caption[: match.start()].rstrip()
    if not head:  # the whole caption looks like a credit: keep it as caption text
        return caption.strip(), ""
    return head, match.group("credit").strip()


def ends_with_credit(text: str) -> bool:
    return _CREDIT.search(text) is not None


_ROLE_LED = re.compile(rf"^[（(]?(?:{KNOWN_AGENCY}|{GENERIC_AGENCY})?{ROLE}|^[（(]?{KNOWN_AGENCY}")


def is_credit(text: str) -> bool:
    """True when the whole of ``text`` is a role-led credit (a line of its own under a caption)."""
    text = text.strip()
    return bool(_ROLE_LED.match(text)) and split_credit("图。" + text)[1] == text.strip("（）()")
