"""File names for the per-article documents that every partner's system accepts.

``01-02-委内瑞拉代总统呼吁各党派展开政治对话.docx``: page, position on the
page, headline. Windows refuses ``<>:"/\\|?*``, control characters, a
trailing dot or space and the device names (CON, NUL, COM1 …); Linux and
macOS limit a name to 255 bytes of UTF-8, about 80 Han characters. The
headline part is cut to ``TITLE_CHARS`` characters and 150 bytes, which
leaves room for the folder when the zip is unpacked.
"""

from __future__ import annotations

import re
import unicodedata

TITLE_CHARS = 40
TITLE_BYTES = 150
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def article_filename(page_number: int, order: int, title: str, fallback: str) -> str:
    """``PP-NN-<headline>.docx``, the headline made safe; ``fallback`` (the
    article id) when nothing of the headline is left."""
    stem = safe_stem(title) or safe_stem(fallback) or "article"
    return f"{page_number:02d}-{order:02d}-{stem}.docx"


def safe_stem(text: str) -> str:
    """``text`` as (part of) a file name on Windows, macOS and Linux."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if _WINDOWS_FORBIDDEN.match(char) or category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            continue
        kept.append(" " if category == "Zs" else char)
    stem = re.sub(r" +", " ", "".join(kept)).strip(" ")
    stem = _cut(stem)
    stem = stem.rstrip(". ")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return stem


def _cut(stem: str) -> str:
    stem = stem[:TITLE_CHARS]
    while len(stem.encode("utf-8")) > TITLE_BYTES:
        stem = stem[:-1]
    # never end on a combining mark cut from its base
    while stem and unicodedata.combining(stem[-1]):
        stem = stem[:-1]
    return stem
