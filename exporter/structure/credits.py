"""Photo credits (… 摄) at the end of a caption."""

from __future__ import annotations

import re

# 新华社记者 吴鲁 摄 / 本报记者 张三摄 / （李四 摄） / 王五/摄 / 新华社发
_CREDIT = re.compile(
    r"[\s　]*[（(]?"
    r"(?P<credit>(?:[\u4e00-\u9fff]{0,8}(?:记者|通讯员|特约摄影|摄影记者|摄影))?"
    r"[\s　]*[\u4e00-\u9fff·]{2,12}(?:[\s　、][\u4e00-\u9fff·]{2,6}){0,3}[\s　]*/?[\s　]*(?:摄|供图|制图)"
    r"|(?:新华社|中新社|[\u4e00-\u9fff]{2,6}社)发(?:（[^）]{1,20}）)?)"
    r"[）)]?$"
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
