"""Subsetting a face to the characters an issue uses, with HarfBuzz.

HarfBuzz subsets a whole CJK face in a few tens of milliseconds where
fontTools takes seconds; results are cached on disk by face and character set.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..cache import cached_bytes, content_key
from .registry import FontFace

SUBSET_VERSION = "1"


def subset_face(face: FontFace, codepoints: Iterable[int], *, keep_layout: bool = False) -> bytes:
    """An OpenType font (same outline format as the face) holding ``codepoints``.

    ``keep_layout`` keeps GSUB/GPOS so that reading systems can still apply
    the font's ``locl``, ``vert`` and proportional features.
    """
    points = sorted(set(codepoints))
    key = content_key(SUBSET_VERSION, face.key, str(keep_layout), ",".join(map(str, points)))
    return cached_bytes("subset", key, lambda: _subset(str(face.path), face.index, tuple(points), keep_layout))


@lru_cache(maxsize=8)
def _hb_face(path: str, index: int):
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(path), index)


def _subset(path: str, index: int, points: tuple[int, ...], keep_layout: bool) -> bytes:
    import uharfbuzz as hb

    request = hb.SubsetInput()
    request.unicode_set.update(points)
    flags = hb.SubsetFlags.DESUBROUTINIZE
    if not keep_layout:
        flags |= hb.SubsetFlags.NO_LAYOUT_CLOSURE
        drop = request.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
        for tag in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"):
            drop.add(_tag(tag))
    request.flags = flags
    result = hb.subset(_hb_face(path, index), request)
    if result is None:
        raise RuntimeError(f"HarfBuzz could not subset {path} (face {index})")
    return result.blob.data


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")
