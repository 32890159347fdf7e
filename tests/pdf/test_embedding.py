"""The fonts and pictures inside the PDF, read back from the file.

Noto CJK's CFF outlines are embedded as HarfBuzz subsets them (CIDFontType0,
OpenType ``FontFile3``), TrueType faces as ``FontFile2``. Every glyph the
typesetter appended as a width variant must have the same advance in the
three places a reader may look: the PDF's ``/W`` array, the font's ``hmtx``
and, for CFF, the glyph's own charstring. PNG pictures are embedded with
their own compressed rows and must decode to the file's pixels.
"""

from __future__ import annotations

import io
import re

import pytest
from fontTools.misc.psCharStrings import T2WidthExtractor
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from exporter.fonts.subset import subset_face
from exporter.writers.pdf.cff import cid_program
from exporter.writers.pdf.images import draw_image
from tests.pdf.conftest import open_pdf


def descendant_fonts(path) -> list[dict]:
    """Per Type 0 font: its CIDFont's subtype, font file key and subtype, /W widths, program."""
    out = []
    with open_pdf(path) as doc:
        seen = set()
        for page in doc:
            for xref, _ext, kind, basefont, *_rest in page.get_fonts(full=True):
                if xref in seen or kind != "Type0":
                    continue
                seen.add(xref)
                cid = int(doc.xref_get_key(xref, "DescendantFonts")[1].strip("[]").split()[0])
                descriptor = int(doc.xref_get_key(cid, "FontDescriptor")[1].split()[0])
                key = next(k for k in ("FontFile2", "FontFile3") if doc.xref_get_key(descriptor, k)[0] == "xref")
                file_xref = int(doc.xref_get_key(descriptor, key)[1].split()[0])
                out.append({
                    "name": basefont,
                    "subtype": doc.xref_get_key(cid, "Subtype")[1],
                    "file": key,
                    "file_subtype": doc.xref_get_key(file_xref, "Subtype")[1],
                    "gid_map": doc.xref_get_key(cid, "CIDToGIDMap")[1],
                    "default_width": int(doc.xref_get_key(cid, "DW")[1]),
                    "widths": parse_widths(doc.xref_get_key(cid, "W")[1]),
                    "program": doc.xref_stream(file_xref),
                })
    return out


def parse_widths(text: str) -> dict[int, int]:
    """``/W [c [w1 w2 …] …]`` as code -> width."""
    out, tokens = {}, re.findall(r"\[|\]|-?\d+(?:\.\d+)?", text)[1:-1]
    i = 0
    while i < len(tokens):
        first = int(tokens[i])
        assert tokens[i + 1] == "["
        j = i + 2
        while tokens[j] != "]":
            out[first + j - i - 2] = round(float(tokens[j]))
            j += 1
        i = j + 1
    return out


@pytest.fixture(scope="module")
def daily_fonts(daily_pdf):
    return descendant_fonts(daily_pdf.path)


def test_cff_faces_are_embedded_as_they_are_and_truetype_as_truetype(daily_fonts):
    kinds = {re.sub(r"^[A-Z]{6}\+", "", f["name"]): (f["subtype"], f["file"], f["file_subtype"], f["gid_map"])
             for f in daily_fonts}
    assert kinds["NotoSerifCJKsc-Regular"] == ("/CIDFontType0", "FontFile3", "/OpenType", "null")
    assert kinds["NotoSansCJKsc-Bold"] == ("/CIDFontType0", "FontFile3", "/OpenType", "null")
    assert kinds["LXGWWenKai-Regular"] == ("/CIDFontType2", "FontFile2", "null", "/Identity")


def test_cids_are_glyph_ids_and_variants_have_one_width_everywhere(daily_fonts):
    variants = 0
    for embedded in daily_fonts:
        font = TTFont(io.BytesIO(embedded["program"]))
        order = font.getGlyphOrder()
        scale = 1000 / font["head"].unitsPerEm
        cff = font["CFF "].cff.topDictIndex[0] if "CFF " in font else None
        if cff is not None:  # the charset is the identity: the codes drawn are glyph ids
            assert all(name == f"cid{gid:05d}" for gid, name in enumerate(order) if gid)
        gid_of = {name: gid for gid, name in enumerate(order)}
        cmap_gids = {gid_of[name] for name in font.getBestCmap().values()}
        for gid, name in enumerate(order):
            pdf_width = embedded["widths"].get(gid, embedded["default_width"])
            assert round(font["hmtx"][name][0] * scale) == pdf_width, (embedded["name"], gid)
            if cff is not None:
                charstring = cff.CharStrings[name]
                extractor = T2WidthExtractor([], [], charstring.private.nominalWidthX,
                                             charstring.private.defaultWidthX)
                extractor.execute(charstring)
                assert round(extractor.width * scale) == pdf_width, (embedded["name"], gid)
            variants += gid not in cmap_gids and gid > 0
    assert variants > 100  # the daily issue needs hundreds (compressed marks, Han-Latin gaps)


def test_a_cff_variant_draws_its_glyphs_outline(fonts_for_cff):
    _face, data = fonts_for_cff
    original = TTFont(io.BytesIO(data))
    order = original.getGlyphOrder()
    variants = [(gid, 300 + 7 * gid) for gid in range(1, len(order))]
    rebuilt = TTFont(io.BytesIO(cid_program(data, variants)))
    new_order = rebuilt.getGlyphOrder()
    assert len(new_order) == 2 * len(order) - 1
    old_set, new_set = original.getGlyphSet(), rebuilt.getGlyphSet()
    for i, (gid, advance) in enumerate(variants):
        a, b, c = RecordingPen(), RecordingPen(), RecordingPen()
        old_set[order[gid]].draw(a)
        new_set[new_order[gid]].draw(b)
        new_set[new_order[len(order) + i]].draw(c)
        assert a.value == b.value == c.value
        assert rebuilt["hmtx"][new_order[len(order) + i]][0] == advance
        assert rebuilt["hmtx"][new_order[gid]] == original["hmtx"][order[gid]]
    assert rebuilt.getBestCmap() == {cp: f"cid{order.index(g):05d}" for cp, g in original.getBestCmap().items()}


@pytest.fixture(scope="module")
def fonts_for_cff():
    from exporter.fonts.registry import FontSet
    from exporter.themes import load_theme

    face = FontSet(load_theme("print")).face("body")
    return face, subset_face(face, [ord(c) for c in "中文，。“”——……K303 "])


# ---------------------------------------------------------------- pictures


@pytest.mark.parametrize("mode", ["RGB", "L", "P", "1", "RGBA", "LA"])
def test_pictures_decode_to_their_pixels(tmp_path, mode):
    image = Image.new("RGB", (37, 23))
    image.putdata([((x * 7) % 256, (y * 11) % 256, (x * y) % 256) for y in range(23) for x in range(37)])
    if mode in ("RGBA", "LA"):
        image = image.convert(mode)
        image.putalpha(200)
    else:
        image = image.convert(mode)
    path = tmp_path / f"{mode}.png"
    image.save(path)
    pdf = tmp_path / f"{mode}.pdf"
    canvas = Canvas(str(pdf), pagesize=(100, 100))
    draw_image(canvas, str(path), 10, 10, 74, 46)
    draw_image(canvas, str(path), 10, 60, 37, 23)  # the same file twice: embedded once
    canvas.save()
    import pymupdf

    with open_pdf(pdf) as doc:
        images = doc[0].get_images(full=True)
        assert len({xref for xref, *_ in images}) == 1
        xref = images[0][0]
        pixmap = pymupdf.Pixmap(doc, xref)
        if pixmap.alpha:
            pixmap = pymupdf.Pixmap(pixmap, 0)
        if pixmap.colorspace and pixmap.colorspace.n == 1 and mode not in ("L", "1", "LA"):
            pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
        passthrough = "DecodeParms" in doc.xref_object(xref)
        boxes = doc[0].get_image_rects(xref)
    expected = image.convert("RGB" if mode in ("RGB", "P", "RGBA") else "L")
    got = Image.frombytes("RGB" if pixmap.n == 3 else "L", (pixmap.width, pixmap.height), pixmap.samples)
    assert got.size == expected.size and got.tobytes() == expected.tobytes()
    assert passthrough == (mode in ("RGB", "L", "P", "1"))  # transparency takes ReportLab's way
    assert sorted((round(r.width), round(r.height)) for r in boxes) == [(37, 23), (74, 46)]
