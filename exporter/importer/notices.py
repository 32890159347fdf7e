"""The classified-ads block (分类广告): its label, hotline and notices.

A block opens with its label (分类广告, often run together with a slogan:
``分类广告小投入大回报``), a hotline (广告热线：…) or a notice title followed
by notice text; it holds notices (遗失声明, 招聘, 注销公告, 招租 …), each a
short title line and the lines under it.
"""

from __future__ import annotations

import re

from .text import ends_sentence

LABELS = ("分类广告", "分类信息", "信息广场", "便民信息", "广而告之", "广告专版")
DEFAULT_TITLE = "分类广告"
_LABEL = re.compile(rf"^(?P<label>{'|'.join(LABELS)})[\s\u3000]*(?P<rest>.*)$")
_HOTLINE = re.compile(
    r"^(?:广告|刊登|业务|服务|咨询|办理|订版)?(?:热线|电话)[\s\u3000]*[：:]?[\s\u3000]*[\d\s\-—－、/，,]{5,}$"
)
_TITLE_WORDS = (
    "遗失声明", "作废声明", "声明", "公告", "启事", "招聘", "诚聘", "急聘", "招租", "出租", "转让", "出售", "求购",
    "寻人", "通告", "公示", "拍卖", "挂失", "征集", "通知", "招商", "招标", "求职",
)
_TITLE = re.compile(rf"^[^。！？；，,]{{0,22}}(?:{'|'.join(_TITLE_WORDS)})$")
_NOTICE_TEXT = re.compile(
    r"作废|特此公告|特此声明|特此通知|联系电话|联系人|电话[：:]|地址[：:]|债权人|注销|岗位|待遇|薪资|面议|租金"
    r"|有意者|报名|遗失|统一社会信用代码|营业执照"
)


def split_label(text: str) -> tuple[str, str] | None:
    """(label, the text run on after it) for a line that opens the block."""
    match = _LABEL.match(text)
    if match is None:
        return None
    return match.group("label"), match.group("rest").strip()


def is_hotline(text: str) -> bool:
    return bool(_HOTLINE.match(text))


def is_notice_title(text: str) -> bool:
    return len(text) <= 24 and not ends_sentence(text) and bool(_TITLE.match(text))


def looks_like_notice_text(text: str) -> bool:
    return bool(_NOTICE_TEXT.search(text))
