"""Zip archives (DOCX, EPUB, the zip of article documents), the same bytes for
the same content.

Python's ``zipfile`` compresses each entry with a new compressor (about
70 µs even for a 500-byte part, four times a one-shot ``zlib.compress``) and
cannot take an entry compressed beforehand. The Word writer makes over a
hundred documents that share most of their parts (styles, settings, font
table, numbering, relationships), so an ``Entry`` is compressed once and
copied into every archive that holds it.

What is written is the plain zip format (PKWARE APPNOTE 6.3, no zip64: every
archive here is far below 4 GB): for each entry a local header and its data,
then the central directory. Names are UTF-8 (flag bit 11 when not ASCII);
every entry carries the one timestamp given; no extra fields (OCF requires
none on the EPUB's ``mimetype``).
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from ..cache import cached_bytes, content_key

STORED, DEFLATED = 0, 8
VERSION = 20  # 2.0: deflate, the oldest reader that can open everything here
UTF8_NAME = 0x800
DOS, UNIX = 0, 3  # the "made by" system: DOS attributes are the same on every system
UNIX_FILE = 0o100644 << 16  # a regular file, rw-r--r--
ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest time a zip entry can carry
# Deflate gains next to nothing on data compressed already: a news photo's
# JPEG of 1.8 MB comes out 0.1 % smaller, for 48 ms at level 6. ``packed``
# deflates a slice from the middle of larger data first, at level 1, and
# stores the data when that slice shrinks by less than 5 %.
PROBE_FROM = 64 * 1024
PROBE_SIZE = 32 * 1024
WORTH_DEFLATING = 0.95  # deflated size / size, at most


@dataclass(frozen=True)
class Entry:
    """One archive member, as it is stored (compressed or not)."""

    name: str
    data: bytes  # the bytes in the archive
    method: int
    crc: int
    size: int  # uncompressed

    @classmethod
    def deflated(cls, name: str, content: bytes, level: int = 6) -> Entry:
        return cls(name, zlib.compress(content, level, -15), DEFLATED, zlib.crc32(content), len(content))

    @classmethod
    def deflated_once(cls, name: str, content: bytes, level: int = 6) -> Entry:
        """As ``deflated``, the compressed bytes kept in the cache by content: for
        large parts that come back build after build (a font subset of 800 KB
        takes 30 ms to compress, and a few to look up)."""
        key = content_key("deflate", str(level), content)
        data = cached_bytes("deflated", key, lambda: zlib.compress(content, level, -15))
        return cls(name, data, DEFLATED, zlib.crc32(content), len(content))

    @classmethod
    def packed(cls, name: str, content: bytes, level: int = 6) -> Entry:
        """For data that may be compressed already (pictures): deflated, or stored
        when the probe says deflate would gain little. The probe reads the content
        only, so the same bytes are always packed the same way."""
        if len(content) >= PROBE_FROM:
            middle = len(content) // 2
            probe = content[middle - PROBE_SIZE // 2:middle + PROBE_SIZE // 2]
            if len(zlib.compress(probe, 1, -15)) > WORTH_DEFLATING * len(probe):
                return cls.stored(name, content)
        return cls.deflated(name, content, level)

    @classmethod
    def stored(cls, name: str, content: bytes) -> Entry:
        return cls(name, content, STORED, zlib.crc32(content), len(content))


def dos_time(when: dt.datetime) -> tuple[int, int]:
    """(time, date) of the wall time of ``when`` in its own zone; zip cannot go before 1980."""
    t = max(when.replace(tzinfo=None), ZIP_EPOCH)
    return t.hour << 11 | t.minute << 5 | t.second // 2, (t.year - 1980) << 9 | t.month << 5 | t.day


def zip_bytes(entries: Iterable[Entry], when: dt.datetime, system: int = DOS) -> bytes:
    """The archive of ``entries`` in the given order, every one dated ``when``."""
    time, date = dos_time(when)
    attributes = UNIX_FILE if system == UNIX else 0
    body: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    names: set[str] = set()
    for entry in entries:
        if entry.name in names:
            raise ValueError(f"two zip entries named {entry.name!r}")
        names.add(entry.name)
        name = entry.name.encode("utf-8")
        flags = 0 if entry.name.isascii() else UTF8_NAME
        common = struct.pack("<HHHHHIII", VERSION, flags, entry.method, time, date, entry.crc,
                             len(entry.data), entry.size)
        local = b"PK\x03\x04" + common + struct.pack("<HH", len(name), 0) + name
        directory.append(b"PK\x01\x02" + struct.pack("<H", system << 8 | VERSION) + common
                         + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, attributes, offset) + name)
        body += (local, entry.data)
        offset += len(local) + len(entry.data)
    central = b"".join(directory)
    count = len(directory)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(central), offset, 0)
    return b"".join(body) + central + end
