"""The EPUB container, written so that the same issue gives the same bytes.

ebooklib writes the package files (OPF, navigation, NCX, the items) into a
zip stamped with the wall-clock time. Its entries are taken as it writes
them instead (``EntryCollector``) and zipped once here: ``mimetype`` first and
stored (OCF requires it), then ``META-INF/``, the package document and the
rest in the order ebooklib wrote them (itself fixed by the build), all with
one timestamp and fixed permissions, deflated but for pictures that deflate
would hardly shrink (``Entry.packed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from lxml import etree

from .._zip import UNIX, Entry, zip_bytes

MIMETYPE = "mimetype"
EPUB_MEDIA_TYPE = b"application/epub+zip"
FONT_EXTENSIONS = (".otf", ".ttf", ".woff", ".woff2")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")  # the core media types (``images``)

Finisher = Callable[[str, bytes], bytes]


class EntryCollector:
    """Stands in for the zip file ebooklib writes into: keeps each entry's bytes, in order."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def writestr(self, name, data, compress_type=None) -> None:
        name = name if isinstance(name, str) else name.filename  # a name or a ZipInfo
        if name in self.entries:
            raise ValueError(f"the EPUB archive has two entries named {name!r}")
        self.entries[name] = data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def close(self) -> None:
        pass


def package(entries: dict[str, bytes], when: dt.datetime, finish: Finisher | None = None) -> bytes:
    """The EPUB of ``entries`` with fixed order and timestamps; ``finish`` may edit an entry's bytes."""
    members = [Entry.stored(MIMETYPE, EPUB_MEDIA_TYPE)]
    for name in _ordered(entries):
        if name == MIMETYPE:
            continue
        data = finish(name, entries[name]) if finish is not None else entries[name]
        if name.endswith(FONT_EXTENSIONS):
            # Fonts, over half the book, come out 2 % smaller at deflate's level 6 than
            # at level 1, for twice the time; the subsets recur, and so does their deflate.
            members.append(Entry.deflated_once(name, data, level=1))
        elif name.endswith(IMAGE_EXTENSIONS):  # a photo's JPEG is compressed already
            members.append(Entry.packed(name, data, level=6))
        else:
            members.append(Entry.deflated(name, data, level=6))
    return zip_bytes(members, when, system=UNIX)


def _ordered(entries: dict[str, bytes]) -> list[str]:
    package_document = _package_path(entries)
    written = {name: i for i, name in enumerate(entries)}

    def rank(name: str) -> int:
        if name == MIMETYPE:
            return 0
        if name.startswith("META-INF/"):
            return 1
        if name == package_document:
            return 2
        return 3

    return sorted(entries, key=lambda n: (rank(n), written[n]))


def _package_path(entries: dict[str, bytes]) -> str:
    container = etree.fromstring(entries["META-INF/container.xml"])
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    return rootfile.get("full-path") if rootfile is not None else ""
