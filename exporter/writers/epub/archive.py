"""The EPUB container, rewritten so that the same issue gives the same bytes.

ebooklib stamps every zip entry with the wall-clock time. The archive it
wrote is copied entry by entry into a new one: ``mimetype`` first and
stored (OCF requires it), then ``META-INF/``, the package document and
the rest in the order ebooklib wrote them (itself fixed by the build), all
with one timestamp, fixed permissions and the same compression.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

MIMETYPE = "mimetype"
EPUB_MEDIA_TYPE = b"application/epub+zip"
ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest time a zip entry can carry

Finisher = Callable[[str, bytes], bytes]


def zip_timestamp(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """The wall time of ``when`` (in its own zone) as a zip date_time, even seconds."""
    local = when.replace(tzinfo=None)
    local = max(local, ZIP_EPOCH)
    return (local.year, local.month, local.day, local.hour, local.minute, local.second - local.second % 2)


def rewrite(archive: bytes, when: dt.datetime, finish: Finisher | None = None) -> bytes:
    """``archive`` with fixed order and timestamps; ``finish`` may edit an entry's bytes."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        names = source.namelist()
        if len(set(names)) != len(names):
            raise ValueError("the EPUB archive has duplicate entries")
        entries = [(name, source.read(name)) for name in _ordered(names, source)]
    stamp = zip_timestamp(when)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(_info(MIMETYPE, stamp), EPUB_MEDIA_TYPE, compress_type=zipfile.ZIP_STORED)
        for name, data in entries:
            if name == MIMETYPE:
                continue
            if finish is not None:
                data = finish(name, data)
            target.writestr(_info(name, stamp), data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def _ordered(names: list[str], source: zipfile.ZipFile) -> list[str]:
    package = _package_path(source)
    written = {name: i for i, name in enumerate(names)}

    def rank(name: str) -> int:
        if name == MIMETYPE:
            return 0
        if name.startswith("META-INF/"):
            return 1
        if name == package:
            return 2
        return 3

    return sorted(names, key=lambda n: (rank(n), written[n]))


def _package_path(source: zipfile.ZipFile) -> str:
    from lxml import etree

    container = etree.fromstring(source.read("META-INF/container.xml"))
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    return rootfile.get("full-path") if rootfile is not None else ""


def _info(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.create_system = 3  # Unix, whatever system builds it
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    return info
