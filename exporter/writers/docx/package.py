"""Zip archives that are the same bytes for the same content.

python-docx stamps each zip entry with the current time and orders parts as
it walks their relationships. A document is therefore rewritten: parts in
a fixed order (``[Content_Types].xml`` first, as Office writes it, then by
name), every entry dated with the issue's timestamp, the same compression
and the same attributes on every system.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Iterable

FIRST_PARTS = ("[Content_Types].xml", "_rels/.rels")


def zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A zip date: local wall time of ``when``; zip cannot go before 1980."""
    stamp = max(when.replace(tzinfo=None), dt.datetime(1980, 1, 1))
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second - stamp.second % 2)


def zip_entries(entries: Iterable[tuple[str, bytes]], when: dt.datetime, compress: bool = True) -> bytes:
    """A zip of ``entries`` in the given order, each dated ``when``."""
    out = io.BytesIO()
    stamp = zip_time(when)
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.create_system = 0  # MS-DOS attributes: the same bytes on Linux, macOS and Windows
            info.external_attr = 0
            archive.writestr(info, data, compress_type=method, compresslevel=6 if compress else None)
    return out.getvalue()


def package_order(names: Iterable[str]) -> list[str]:
    names = list(names)
    first = [n for n in FIRST_PARTS if n in names]
    return first + sorted(n for n in names if n not in FIRST_PARTS)


def stable_docx(saved: bytes, when: dt.datetime, replace: dict[str, bytes] | None = None) -> bytes:
    """The document python-docx saved, rewritten in a fixed order and with fixed
    dates; parts named in ``replace`` get the given content."""
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(saved)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    missing = sorted(set(replace) - set(parts))
    if missing:  # the template declares these parts; a missing one is a template error
        raise KeyError(f"the document has no part {missing[0]!r} to replace")
    parts.update(replace)
    return zip_entries(((name, parts[name]) for name in package_order(parts)), when)
