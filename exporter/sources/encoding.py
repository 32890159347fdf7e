"""Reading source text files: UTF-8, or another encoding only when asked.

GB18030 (and its subsets GBK and GB2312) is common in Chinese newsrooms. A
file that is not UTF-8 but decodes as GB18030 gets an error that says so and
how to read it (``--encoding gb18030``); it is never guessed silently.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError, Location


def read_text(path: Path, encoding: str | None = None, *, label: str | None = None) -> str:
    where = Location(label or str(path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", where) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", where) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", where) from None
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", Location(field="--encoding")) from None
        try:
            return _clean(data.decode(encoding))
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not valid {encoding} at byte {exc.start}", where
            ) from None
    try:
        return _clean(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = ""
        if _decodes_as(data, "gb18030"):
            hint = " It looks like GB18030 (GBK/GB2312): convert it to UTF-8 or pass --encoding gb18030."
        raise InputError(
            f"not UTF-8 (invalid byte 0x{data[exc.start]:02X} at offset {exc.start}).{hint}",
            Location(where.file, line=line),
        ) from None


def _decodes_as(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    # GB18030 decodes almost any byte string; require it to yield Han text.
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _clean(text: str) -> str:
    """Drop a byte-order mark and unify line ends."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")
