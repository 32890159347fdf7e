"""CFF font programs embedded as they come from HarfBuzz (CIDFontType0, FontFile3).

Noto CJK ships CID-keyed CFF outlines. Converting them to TrueType costs
seconds per face; embedding the subset's CFF does not, and PDF readers draw
it natively. Two things are rewritten, on the bytes of the ``CFF `` table:

* the charset becomes the identity (glyph ``i`` is CID ``i``), because a
  CIDFontType0 finds glyphs by CID through the charset (PDF 32000 §9.7.4.2)
  while the typesetter's codes are glyph ids, as for TrueType;
* width variants (see ``typeset_glyphs``) are appended as copies of their
  glyph's charstring, with their own advance in ``hmtx``.

Only the Top DICT, the charset, FDSelect, the CharStrings and Font DICT
indexes and the Private DICT offsets are rebuilt; names, strings, global
subroutines, hints and outlines are copied byte for byte.
"""

from __future__ import annotations

import struct
from array import array

from .typeset_glyphs import _be, _metrics, _read_tables, _write_tables

# Top DICT and Font DICT operators (two-byte ones as 1200 + second byte)
ROS, CID_COUNT, FD_ARRAY, FD_SELECT = 1230, 1234, 1236, 1237
CHARSET, CHARSTRINGS, PRIVATE, SUBRS, NOMINAL_WIDTH = 15, 17, 18, 19, 21


def is_cid_keyed(data: bytes) -> bool:
    """Is ``data`` an OpenType font whose ``CFF `` table is CID-keyed?"""
    cff = _read_tables(data).get("CFF ")
    if not cff:
        return False
    try:
        return ROS in dict(_parse_dict(_CffTables(cff).top))
    except (IndexError, struct.error, ValueError):
        return False


def cid_program(data: bytes, variants: list[tuple[int, int]]) -> bytes:
    """``data`` (OpenType, CID-keyed CFF) with identity CIDs and one glyph appended per
    (glyph id, advance in font units)."""
    tables = _read_tables(data)
    cff = _CffTables(tables["CFF "])
    count = len(cff.charstrings)
    tables["CFF "] = cff.rebuilt(variants)
    if variants:
        hhea, maxp = bytearray(tables["hhea"]), bytearray(tables["maxp"])
        metrics_count = struct.unpack(">H", hhea[34:36])[0]
        advances, bearings = _metrics(tables["hmtx"], metrics_count, count)
        for gid, advance in variants:
            advances.append(advance)
            bearings.append(bearings[gid])
        total = count + len(variants)
        struct.pack_into(">H", hhea, 34, total)
        struct.pack_into(">H", hhea, 10, min(max(advances), 0xFFFF))
        struct.pack_into(">H", maxp, 4, total)
        hmtx = array("h")
        for adv, lsb in zip(advances, bearings):
            hmtx.append(adv - 0x10000 if adv > 0x7FFF else adv)
            hmtx.append(lsb)
        tables.update(hhea=bytes(hhea), maxp=bytes(maxp), hmtx=_be(hmtx))
    head = bytearray(tables["head"])
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set when the tables are written
    tables["head"] = bytes(head)
    return _write_tables(tables, sfnt_version=b"OTTO")


class _CffTables:
    """The parts of a CID-keyed CFF table (Adobe Technical Note 5176)."""

    def __init__(self, cff: bytes):
        self.cff = cff
        header_size = cff[2]
        self.header = cff[:header_size]
        names_end = _index_end(cff, header_size)
        self.names = cff[header_size:names_end]
        top_items, top_end = _index(cff, names_end)
        self.top = top_items[0]
        strings_end = _index_end(cff, top_end)
        self.strings = cff[top_end:strings_end]
        subrs_end = _index_end(cff, strings_end)
        self.global_subrs = cff[strings_end:subrs_end]
        top = dict(_parse_dict(self.top))
        self.top_ops = top
        self.charstrings, _ = _index(cff, _int(top[CHARSTRINGS]))
        self.fd_of = _fd_select(cff, _int(top[FD_SELECT]), len(self.charstrings)) if FD_SELECT in top else None
        self.font_dicts = _index(cff, _int(top[FD_ARRAY]))[0] if FD_ARRAY in top else []

    def rebuilt(self, copies: list[tuple[int, int]]) -> bytes:
        """The table with identity CIDs and, for each (glyph id, advance) of ``copies``,
        a copy of the glyph's charstring with that advance."""
        if self.fd_of is None:
            raise ValueError("not a CID-keyed CFF font")
        nominal = [_nominal_width(self.cff, font_dict) for font_dict in self.font_dicts]
        charstrings = self.charstrings + [
            _with_width(self.charstrings[gid], advance, nominal[self.fd_of[gid]]) for gid, advance in copies
        ]
        fd_of = self.fd_of + [self.fd_of[gid] for gid, _advance in copies]
        total = len(charstrings)
        charset = bytes([2]) + struct.pack(">HH", 1, total - 2) if total > 1 else bytes([0])
        fd_select = _fd_select_ranges(fd_of)
        charstrings_index = _index_bytes(charstrings)
        # Font DICTs name their Private DICT by (size, offset): the offsets are known only once
        # everything before them is placed, so they are written with fixed-size numbers.
        privates = []
        for font_dict in self.font_dicts:
            ops = dict(_parse_dict(font_dict))
            size, offset = (_ints(ops[PRIVATE]) if PRIVATE in ops else (0, 0))
            private = self.cff[offset:offset + size]
            private_ops = dict(_parse_dict(private))
            subrs = b""
            if SUBRS in private_ops:  # local subroutines: placed right after their Private DICT
                start = offset + _int(private_ops[SUBRS])
                subrs = self.cff[start:_index_end(self.cff, start)]
                kept = [(op, value) for op, value in _parse_dict(private) if op != SUBRS]
                size = len(_dict_bytes(kept + [(SUBRS, _fixed(0))]))
                private = _dict_bytes(kept + [(SUBRS, _fixed(size))])
            privates.append((font_dict, private, subrs))
        top = [(op, value) for op, value in _parse_dict(self.top)
               if op not in (CHARSET, CHARSTRINGS, FD_SELECT, FD_ARRAY, CID_COUNT)]
        # ROS must come first in a CIDFont's Top DICT
        top.sort(key=lambda item: item[0] != ROS)

        def top_dict(charset_at: int, select_at: int, strings_at: int, array_at: int) -> bytes:
            return _dict_bytes(top + [
                (CID_COUNT, _fixed(total)), (CHARSET, _fixed(charset_at)), (FD_SELECT, _fixed(select_at)),
                (CHARSTRINGS, _fixed(strings_at)), (FD_ARRAY, _fixed(array_at)),
            ])

        head = len(self.header) + len(self.names)
        top_index_size = len(_index_bytes([top_dict(0, 0, 0, 0)]))  # fixed-size numbers: same size later
        charset_at = head + top_index_size + len(self.strings) + len(self.global_subrs)
        select_at = charset_at + len(charset)
        strings_at = select_at + len(fd_select)
        array_at = strings_at + len(charstrings_index)

        def font_dicts(private_at: int) -> list[bytes]:
            out = []
            for font_dict, private, _subrs in privates:
                ops = [(op, value) for op, value in _parse_dict(font_dict) if op != PRIVATE]
                out.append(_dict_bytes(ops + [(PRIVATE, _fixed(len(private)) + _fixed(private_at))]))
                private_at += len(private) + len(_subrs)
            return out

        array_size = len(_index_bytes(font_dicts(0)))
        private_at = array_at + array_size
        parts = [
            self.header, self.names, _index_bytes([top_dict(charset_at, select_at, strings_at, array_at)]),
            self.strings, self.global_subrs, charset, fd_select, charstrings_index,
            _index_bytes(font_dicts(private_at)),
        ]
        for _font_dict, private, subrs in privates:
            parts += [private, subrs]
        return b"".join(parts)


# ---------------------------------------------------------------- charstrings

# Type 2 operators that end the operands before them (a width may lead the first)
_HINTS = frozenset((1, 3, 18, 23))  # hstem, vstem, hstemhm, vstemhm: pairs of numbers
_MASKS = frozenset((19, 20))  # hintmask, cntrmask: pairs (implied vstems)
_MOVES = {21: 2, 22: 1, 4: 1, 14: 0}  # rmoveto, hmoveto, vmoveto, endchar


def _with_width(charstring: bytes, advance: int, nominal: int) -> bytes:
    """The charstring drawing the same outline with ``advance`` as its width: readers
    take a CFF glyph's advance from its charstring, not only from ``hmtx``."""
    count, i = 0, 0
    first_number_end = None
    while i < len(charstring):
        b0 = charstring[i]
        if b0 == 28:
            step = 3
        elif b0 == 255:
            step = 5
        elif b0 >= 247:
            step = 2
        elif b0 >= 32:
            step = 1
        else:  # the first operator
            if b0 in _HINTS or b0 in _MASKS:
                has_width = count % 2 == 1
            elif b0 in _MOVES:
                has_width = count > _MOVES[b0] if b0 != 14 else count in (1, 5)
            else:
                has_width = False
            rest = charstring[first_number_end:] if has_width else charstring
            return _number(advance - nominal) + rest
        i += step
        count += 1
        if first_number_end is None:
            first_number_end = i
    return _number(advance - nominal) + charstring


def _number(value: int) -> bytes:
    """An integer in a Type 2 charstring."""
    if -107 <= value <= 107:
        return bytes([value + 139])
    if 108 <= value <= 1131:
        value -= 108
        return bytes([(value >> 8) + 247, value & 0xFF])
    if -1131 <= value <= -108:
        value = -value - 108
        return bytes([(value >> 8) + 251, value & 0xFF])
    return b"\x1c" + struct.pack(">h", value)


def _nominal_width(cff: bytes, font_dict: bytes) -> int:
    """nominalWidthX of a Font DICT's Private DICT (0 when it has none)."""
    ops = dict(_parse_dict(font_dict))
    if PRIVATE not in ops:
        return 0
    size, offset = _ints(ops[PRIVATE])
    private = dict(_parse_dict(cff[offset:offset + size]))
    return _int(private[NOMINAL_WIDTH]) if NOMINAL_WIDTH in private else 0


# ---------------------------------------------------------------- INDEX and DICT


def _index(data: bytes, at: int) -> tuple[list[bytes], int]:
    """The items of the INDEX at ``at`` and where it ends."""
    count = struct.unpack(">H", data[at:at + 2])[0]
    if count == 0:
        return [], at + 2
    size = data[at + 2]
    start = at + 3
    offsets = [int.from_bytes(data[start + i * size:start + (i + 1) * size], "big") for i in range(count + 1)]
    base = start + (count + 1) * size - 1
    items = [data[base + offsets[i]:base + offsets[i + 1]] for i in range(count)]
    return items, base + offsets[-1]


def _index_end(data: bytes, at: int) -> int:
    count = struct.unpack(">H", data[at:at + 2])[0]
    if count == 0:
        return at + 2
    size = data[at + 2]
    last = at + 3 + count * size
    return last + size - 1 + int.from_bytes(data[last:last + size], "big")


def _index_bytes(items: list[bytes]) -> bytes:
    if not items:
        return b"\x00\x00"
    offsets = [1]
    for item in items:
        offsets.append(offsets[-1] + len(item))
    size = 1 if offsets[-1] < 1 << 8 else 2 if offsets[-1] < 1 << 16 else 3 if offsets[-1] < 1 << 24 else 4
    head = struct.pack(">HB", len(items), size) + b"".join(o.to_bytes(size, "big") for o in offsets)
    return head + b"".join(items)


def _parse_dict(data: bytes) -> list[tuple[int, bytes]]:
    """(operator, its operands' bytes) in order; two-byte operators as 1200 + b1."""
    out, operands, i = [], bytearray(), 0
    while i < len(data):
        b0 = data[i]
        if b0 <= 21:
            if b0 == 12:
                op, i = 1200 + data[i + 1], i + 2
            else:
                op, i = b0, i + 1
            out.append((op, bytes(operands)))
            operands = bytearray()
            continue
        if b0 == 28:
            length = 3
        elif b0 == 29:
            length = 5
        elif b0 == 30:  # a real: nibbles up to an 0xf
            length = 1
            while True:
                byte = data[i + length]
                length += 1
                if byte & 0x0F == 0x0F or byte >> 4 == 0x0F:
                    break
        elif 247 <= b0 <= 254:
            length = 2
        else:
            length = 1
        operands += data[i:i + length]
        i += length
    return out


def _dict_bytes(ops: list[tuple[int, bytes]]) -> bytes:
    out = bytearray()
    for op, operands in ops:
        out += operands
        out += bytes([12, op - 1200]) if op >= 1200 else bytes([op])
    return bytes(out)


def _ints(operands: bytes) -> list[int]:
    values, i = [], 0
    while i < len(operands):
        b0 = operands[i]
        if b0 == 28:
            values.append(struct.unpack(">h", operands[i + 1:i + 3])[0])
            i += 3
        elif b0 == 29:
            values.append(struct.unpack(">i", operands[i + 1:i + 5])[0])
            i += 5
        elif 32 <= b0 <= 246:
            values.append(b0 - 139)
            i += 1
        elif 247 <= b0 <= 250:
            values.append((b0 - 247) * 256 + operands[i + 1] + 108)
            i += 2
        elif 251 <= b0 <= 254:
            values.append(-(b0 - 251) * 256 - operands[i + 1] - 108)
            i += 2
        else:
            raise ValueError(f"not an integer operand ({b0})")
    return values


def _int(operands: bytes) -> int:
    return _ints(operands)[-1]


def _fixed(value: int) -> bytes:
    """An integer operand in five bytes, whatever its value (offsets placed later)."""
    return b"\x1d" + struct.pack(">i", value)


def _fd_select(data: bytes, at: int, count: int) -> list[int]:
    kind = data[at]
    if kind == 0:
        return list(data[at + 1:at + 1 + count])
    if kind == 3:
        ranges = struct.unpack(">H", data[at + 1:at + 3])[0]
        out: list[int] = []
        for i in range(ranges):
            first, fd = struct.unpack(">HB", data[at + 3 + 3 * i:at + 6 + 3 * i])
            following = struct.unpack(">H", data[at + 6 + 3 * i:at + 8 + 3 * i])[0]
            out.extend([fd] * (following - first))
        return out[:count]
    raise ValueError(f"FDSelect format {kind} is not supported")


def _fd_select_ranges(fd_of: list[int]) -> bytes:
    """FDSelect format 3: runs of glyphs sharing a Font DICT."""
    ranges = []
    for gid, fd in enumerate(fd_of):
        if not ranges or ranges[-1][1] != fd:
            ranges.append((gid, fd))
    body = b"".join(struct.pack(">HB", first, fd) for first, fd in ranges)
    return struct.pack(">BH", 3, len(ranges)) + body + struct.pack(">H", len(fd_of))
