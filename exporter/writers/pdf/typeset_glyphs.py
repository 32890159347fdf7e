"""Width variants of glyphs, appended to a TrueType font program.

A variant is a composite glyph with one component, the original glyph at
offset zero, and its own advance width. The typesetter draws a glyph
followed by a fixed gap (Han-Latin spacing) or missing its blank (a
compressed mark) with a variant whose advance includes that amount. Text
extractors then see neighbouring glyphs touching, so they neither invent a
space nor report an overlap, and every glyph still maps to its character
through ``ToUnicode``. (A second CID mapping to the same glyph would not do:
readers such as MuPDF keep one width per glyph.)

The patch works on the table bytes: ``glyf``, ``loca`` (rewritten long),
``hmtx`` (rewritten with one metric per glyph), ``hhea``, ``maxp``, ``head``.
"""

from __future__ import annotations

import struct
from array import array

_COMPOSITE_FLAGS = 0x0001 | 0x0002  # ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES


def add_variants(data: bytes, variants: list[tuple[int, int]]) -> bytes:
    """``data`` with one composite glyph appended per (glyph id, advance in font units)."""
    if not variants:
        return data
    tables = _read_tables(data)
    head = bytearray(tables["head"])
    hhea = bytearray(tables["hhea"])
    maxp = bytearray(tables["maxp"])
    glyf = bytearray(tables["glyf"])
    long_loca = struct.unpack(">h", head[50:52])[0] == 1
    count = struct.unpack(">H", maxp[4:6])[0]
    loca = _offsets(tables["loca"], count, long_loca)
    metrics_count = struct.unpack(">H", hhea[34:36])[0]
    advances, bearings = _metrics(tables["hmtx"], metrics_count, count)
    del glyf[loca[count]:]
    glyf.extend(b"\0" * (-len(glyf) % 4))
    loca[count] = len(glyf)  # the first variant starts aligned
    for gid, advance in variants:
        start, end = loca[gid], loca[gid + 1]
        if end > start:  # an empty glyph (a space) needs no outline
            bounds = glyf[start + 2:start + 10]
            glyf.extend(struct.pack(">h", -1) + bounds)
            glyf.extend(struct.pack(">HHhh", _COMPOSITE_FLAGS, gid, 0, 0))
            glyf.extend(b"\0" * (-len(glyf) % 4))
        loca.append(len(glyf))
        advances.append(advance)
        bearings.append(bearings[gid])
    total = count + len(variants)
    struct.pack_into(">h", head, 50, 1)  # long loca
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
    struct.pack_into(">H", hhea, 34, total)
    struct.pack_into(">H", hhea, 10, min(max(advances), 0xFFFF))
    struct.pack_into(">H", maxp, 4, total)
    if len(maxp) >= 32:  # version 1.0: make room for one-level composites
        depth, elements = struct.unpack(">HH", maxp[28:32])
        points, contours, c_points, c_contours = struct.unpack(">HHHH", maxp[6:14])
        struct.pack_into(">HH", maxp, 10, max(c_points, points), max(c_contours, contours))
        struct.pack_into(">HH", maxp, 28, depth + 1 if depth else 1, max(elements, 1))
    hmtx = array("h")
    for adv, lsb in zip(advances, bearings):
        hmtx.append(adv - 0x10000 if adv > 0x7FFF else adv)
        hmtx.append(lsb)
    tables.update(
        head=bytes(head), hhea=bytes(hhea), maxp=bytes(maxp), glyf=bytes(glyf),
        loca=_be(array("I", loca)), hmtx=_be(hmtx),
    )
    return _write_tables(tables)


def _read_tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = data[offset:offset + length]
    return tables


def _offsets(loca: bytes, count: int, long_loca: bool) -> list[int]:
    values = array("I" if long_loca else "H")
    values.frombytes(loca[: (count + 1) * values.itemsize])
    if _LITTLE:
        values.byteswap()
    return [v if long_loca else v * 2 for v in values]


def _metrics(hmtx: bytes, metrics_count: int, count: int) -> tuple[list[int], list[int]]:
    pairs = array("H")
    pairs.frombytes(hmtx[: 4 * metrics_count])
    rest = array("h")
    rest.frombytes(hmtx[4 * metrics_count: 4 * metrics_count + 2 * (count - metrics_count)])
    if _LITTLE:
        pairs.byteswap()
        rest.byteswap()
    advances = list(pairs[0::2])
    bearings = [v - 0x10000 if v > 0x7FFF else v for v in pairs[1::2]]
    advances.extend([advances[-1]] * len(rest))
    bearings.extend(rest)
    return advances, bearings


def _be(values: array) -> bytes:
    if _LITTLE:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words = array("I")
    words.frombytes(padded)
    if _LITTLE:
        words.byteswap()
    return sum(words) & 0xFFFFFFFF


def _write_tables(tables: dict[str, bytes], sfnt_version: bytes = b"\x00\x01\x00\x00") -> bytes:
    tags = sorted(tables)
    count = len(tags)
    power = 1
    while power * 2 <= count:
        power *= 2
    header = sfnt_version + struct.pack(">HHHH", count, power * 16, power.bit_length() - 1,
                                        count * 16 - power * 16)
    offset = 12 + 16 * count
    directory, bodies = [], []
    for tag in tags:
        body = tables[tag]
        directory.append(struct.pack(">4sIII", tag.encode("latin-1"), _checksum(body), offset, len(body)))
        padded = body + b"\0" * (-len(body) % 4)
        bodies.append(padded)
        offset += len(padded)
    font = bytearray(header + b"".join(directory) + b"".join(bodies))
    adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    head_at = 12 + 16 * count + sum(len(b) for t, b in zip(tags, bodies) if t < "head")
    struct.pack_into(">I", font, head_at + 8, adjustment)
    return bytes(font)


_LITTLE = array("H", [1]).tobytes()[0] == 1
