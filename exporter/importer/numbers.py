"""Chinese numerals as printed in page labels and dates (第三版, 二〇二六年)."""

from __future__ import annotations

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def parse_number(text: str) -> int | None:
    """An integer from ASCII or full-width digits, or Chinese numerals up to 99 (or digit by digit)."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:  # 二〇二六: read digit by digit
        value = 0
        for char in text:
            value = value * 10 + _DIGITS[char]
        return value
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
