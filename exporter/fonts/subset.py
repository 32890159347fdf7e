"""Subsetting a face to the characters an issue uses, with HarfBuzz.

HarfBuzz subsets a whole CJK face in a few tens of milliseconds where
fontTools takes seconds; results are cached on disk by face and character set.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..cache import cached_bytes, content_key
from .registry import FontFace

SUBSET_VERSION = "2"  # 2: localized forms, features; no clock time in head


def subset_face(
    face: FontFace,
    codepoints: Iterable[int],
    *,
    keep_layout: bool = False,
    features: Iterable[str] | None = None,
    localize: str | None = None,
) -> bytes:
    """An OpenType font (same outline format as the face) holding ``codepoints``.

    ``keep_layout`` keeps GSUB/GPOS so that reading systems can still apply
    the font's ``locl``, ``vert`` and proportional features. ``features``
    keeps the layout tables with only the named features (and the glyphs they
    reach): ``ccmp`` for the joined 2-em dash and ``halt`` for punctuation
    trimming cost little, where ``locl`` alone doubles a CJK subset (it
    reaches the Japanese, Korean and Traditional forms of every ideograph).
    ``localize`` (a language such as ``zh-Hans``) maps each character to the
    glyph ``locl`` gives it in that language, so the subset needs no ``locl``:
    in Noto CJK SC the em dash becomes full-width and —— one 2-em line.
    """
    points = sorted(set(codepoints))
    tags = tuple(sorted(set(features))) if features is not None else None
    parts = [SUBSET_VERSION, face.key, str(keep_layout), ",".join(map(str, points))]
    if tags is not None:
        parts.append("features=" + ",".join(tags))
    if localize:
        parts.append("localize=" + localize)
    key = content_key(*parts)

    def make() -> bytes:
        return _subset(str(face.path), face.index, tuple(points), keep_layout, tags, localize)

    return cached_bytes("subset", key, make)


@lru_cache(maxsize=8)
def _hb_face(path: str, index: int):
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(path), index)


def _subset(
    path: str,
    index: int,
    points: tuple[int, ...],
    keep_layout: bool,
    features: tuple[str, ...] | None = None,
    localize: str | None = None,
) -> bytes:
    import uharfbuzz as hb

    request = hb.SubsetInput()
    request.unicode_set.update(points)
    localized = _localized_glyphs(path, index, points, localize) if localize else {}
    request.glyph_set.update(localized.values())
    flags = hb.SubsetFlags.DESUBROUTINIZE
    if features is not None:
        kept = request.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG)
        kept.clear()
        for name in features:
            kept.add(_tag(name))
        drop = request.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
        for tag in ("BASE", "vhea", "vmtx", "VORG"):
            drop.add(_tag(tag))
    elif not keep_layout:
        flags |= hb.SubsetFlags.NO_LAYOUT_CLOSURE
        drop = request.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
        for tag in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"):
            drop.add(_tag(tag))
    request.flags = flags
    plan = hb.SubsetPlan(_hb_face(path, index), request)
    result = plan.execute()
    if result is None:
        raise RuntimeError(f"HarfBuzz could not subset {path} (face {index})")
    data = result.blob.data
    if localized:
        new_gid = plan.old_to_new_glyph_mapping
        data = _remap_cmap(data, {cp: new_gid[old] for cp, old in localized.items()})
    return data


def _localized_glyphs(path: str, index: int, points: tuple[int, ...], language: str) -> dict[int, int]:
    """Character -> glyph where ``locl`` for ``language`` differs from the cmap.

    Shaped as Han text, as a browser shapes punctuation between ideographs."""
    import uharfbuzz as hb

    face = _hb_face(path, index)
    font = hb.Font(face)
    cmap = face.unicodes  # only characters the face has
    out: dict[int, int] = {}
    for cp in points:
        if cp not in cmap or 0x3400 <= cp <= 0x9FFF or 0x20000 <= cp:
            continue  # ideographs keep their SC/TC/JP shape by the face chosen, not by locl
        glyphs = []
        for feats in ({}, {"locl": False}):
            buf = hb.Buffer()
            buf.add_codepoints([cp])
            buf.direction, buf.script, buf.language = "ltr", "Hani", language
            hb.shape(font, buf, feats)
            glyphs.append([info.codepoint for info in buf.glyph_infos])
        if glyphs[0] != glyphs[1] and len(glyphs[0]) == 1:
            out[cp] = glyphs[0][0]
    return out


def _remap_cmap(data: bytes, glyph_of: dict[int, int]) -> bytes:
    """``data`` with the given characters mapped to the given glyph ids.

    Only the cmap table is decoded and rebuilt; the outlines are copied as
    they are (glyph names are stand-ins: a cmap stores glyph ids)."""
    import io

    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True, recalcTimestamp=False)  # same input, same bytes
    names = [f"g{i}" for i in range(font["maxp"].numGlyphs)]
    font.setGlyphOrder(names)
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp, gid in glyph_of.items():
                if cp in table.cmap:
                    table.cmap[cp] = names[gid]
    out = io.BytesIO()
    font.save(out, reorderTables=False)
    return out.getvalue()


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")
