"""Embedded fonts: subset to the issue, covering every character the
documents show, with the layout features Chinese text needs; and the
switch that leaves them out."""

from __future__ import annotations

import io
import re

import pytest
from fontTools.ttLib import TTFont

from tests.epub.conftest import build_epub
from tests.epub.reading import NS, Epub

X = f"{{{NS['x']}}}"
UNDRAWN = set("\u200b\u200c\u200d\u2060\ufeff")


def shown_characters(epub: Epub) -> set[str]:
    """Every character the documents' bodies show (alt text and <title> excluded)."""
    chars: set[str] = set()
    for item in epub.documents():
        body = epub.xml(item.href).find("x:body", NS)
        chars.update("".join(body.itertext()))
    return {c for c in chars if not c.isspace() and c not in UNDRAWN}


def embedded(epub: Epub) -> dict[str, TTFont]:
    return {item.href: TTFont(io.BytesIO(epub.read(item.href))) for item in epub.fonts()}


def font_faces(epub: Epub) -> list[tuple[str, str, str]]:
    """(family, weight, zip path) of each @font-face rule of the stylesheet."""
    css_item = next(i for i in epub.manifest.values() if i.media_type == "text/css")
    css = epub.read(css_item.href).decode("utf-8")
    faces = []
    for rule in re.findall(r"@font-face\s*{([^}]*)}", css):
        family = re.search(r'font-family:\s*"([^"]+)"', rule).group(1)
        url = re.search(r'url\("([^"]+)"\)', rule).group(1)
        weight = re.search(r"font-weight:\s*(\w+)", rule).group(1)
        faces.append((family, weight, epub.resolve(url, css_item.href)))
    return faces


@pytest.mark.parametrize("name", ["example", "daily", "stress"])
def test_embedded_fonts_cover_every_character_shown(name, request):
    epub: Epub = request.getfixturevalue(name)
    fonts = embedded(epub)
    covered = set().union(*(set(map(chr, f.getBestCmap())) for f in fonts.values()))
    missing = shown_characters(epub) - covered
    assert not missing, sorted(missing)[:20]
    # the body face alone can stand in for every other face
    body = next(path for family, weight, path in font_faces(epub)
                if family == "Noto Serif CJK SC Subset" and weight == "400")
    assert shown_characters(epub) <= set(map(chr, fonts[body].getBestCmap()))


def test_fonts_are_subsets_not_whole_faces(daily):
    for path, font in embedded(daily).items():
        assert len(font.getBestCmap()) < 4000, path  # Noto CJK maps about 44,000 characters
    assert sum(daily.zip.getinfo(i.href).compress_size for i in daily.fonts()) < 2_500_000


def test_each_role_has_its_own_face_first(example):
    css_item = next(i for i in example.manifest.values() if i.media_type == "text/css")
    css = example.read(css_item.href).decode("utf-8")

    def first_family(selector: str) -> str:
        block = re.search(re.escape(selector) + r"\s*{([^}]*)}", css).group(1)
        return re.search(r'font-family:\s*"([^"]+)"', block).group(1)

    assert first_family("body") == "Noto Serif CJK SC Subset"
    assert first_family("h1.title") == "Noto Sans CJK SC Subset"
    assert first_family(".byline") == "LXGW WenKai Subset"
    families = {(family, weight) for family, weight, _ in font_faces(example)}
    assert {("Noto Serif CJK SC Subset", "400"), ("Noto Serif CJK SC Subset", "700"),
            ("Noto Sans CJK SC Subset", "700"), ("LXGW WenKai Subset", "400")} <= families
    manifest_paths = {i.href for i in example.fonts()}
    assert {path for _, _, path in font_faces(example)} == manifest_paths


def test_headline_characters_are_in_the_heading_face(example):
    heading = next(path for family, _, path in font_faces(example) if family == "Noto Sans CJK SC Subset")
    cmap = set(map(chr, embedded(example)[heading].getBestCmap()))
    titles = "".join(
        "".join(h.itertext()) for item in example.documents() for h in example.xml(item.href).iter(f"{X}h1")
        if h.get("class") == "title"
    )
    assert set(titles) - {" "} <= cmap


def test_font_format_and_layout_features(example):
    for item in example.fonts():
        font = TTFont(io.BytesIO(example.read(item.href)))
        cff = "CFF " in font
        assert item.media_type == ("font/otf" if cff else "font/ttf")
        assert item.href.endswith(".otf" if cff else ".ttf")
    body = next(path for family, weight, path in font_faces(example) if weight == "400" and "Serif" in family)
    font = embedded(example)[body]
    gsub = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
    gpos = {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
    assert "ccmp" in gsub and "locl" not in gsub and "vert" not in gsub
    assert "halt" in gpos  # punctuation trimming (text-spacing-trim)


def shaped(font_data: bytes, text: str, features=None) -> list[tuple[int, int]]:
    import uharfbuzz as hb

    font = hb.Font(hb.Face(font_data))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.language = "zh-Hans"
    hb.shape(font, buf, features or {})
    return [(info.codepoint, pos.x_advance) for info, pos in zip(buf.glyph_infos, buf.glyph_positions)]


def test_dashes_and_punctuation_shape_as_zh_hans(example):
    """—— one 2-em line, — one em (spec §4), 。” trimmed by halt, as a reader shapes them."""
    body = next(path for family, weight, path in font_faces(example) if weight == "400" and "Serif" in family)
    data = example.read(body)
    em = TTFont(io.BytesIO(data))["head"].unitsPerEm
    dash = shaped(data, "节点——普速")
    assert len(dash) == 5 and dash[2][1] == 2 * em
    assert [advance for _, advance in shaped(data, "1月—2月")][2] == em
    assert [advance for _, advance in shaped(data, "。”", {"halt": True})] == [em // 2, em // 2]


def test_embed_fonts_option_leaves_fonts_out(example_dir, tmp_path):
    book = Epub(build_epub(example_dir, tmp_path, embed_fonts="false"))
    assert book.fonts() == []
    assert font_faces(book) == []
    css_item = next(i for i in book.manifest.values() if i.media_type == "text/css")
    css = book.read(css_item.href).decode("utf-8")
    assert re.search(r'body\s*{\s*font-family:\s*"Noto Serif CJK SC", "Source Han Serif SC"', css)


def test_theme_decides_and_the_option_overrides(example_dir, tmp_path):
    style = tmp_path / "no-fonts.toml"
    style.write_text('name = "no-fonts"\nextends = "base"\n[reflow]\nembed_fonts = false\n', encoding="utf-8")
    assert Epub(build_epub(example_dir, tmp_path / "a", style=str(style))).fonts() == []
    forced = Epub(build_epub(example_dir, tmp_path / "b", style=str(style), embed_fonts="true"))
    assert len(forced.fonts()) == 4
