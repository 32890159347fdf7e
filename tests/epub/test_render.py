"""Headless Chromium (Debian's) renders articles of the unpacked EPUB: no
console errors, nothing failed to load, every character drawn with an
embedded face (the browser's own report of the fonts it used), the right
face for each part, justified body text with a 2-em indent, ink on the page."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from tests.support.browser import browser, file_url, open_page

STATE = """() => {
  const body = document.querySelector('article p:not(.kicker):not(.subtitle):not(.byline)');
  const style = getComputedStyle(body);
  const title = getComputedStyle(document.querySelector('h1.title'));
  return {
    loaded: [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/"/g, '')),
    failed: [...document.fonts].filter(f => f.status === 'error').map(f => f.family),
    textAlign: style.textAlign,
    textIndent: parseFloat(style.textIndent),
    fontSize: parseFloat(style.fontSize),
    bodyFamily: style.fontFamily,
    titleFamily: title.fontFamily,
    lang: document.documentElement.lang,
    text: document.body.innerText.length,
  };
}"""


@pytest.fixture(scope="module")
def unpacked(example_epub, tmp_path_factory):
    folder = tmp_path_factory.mktemp("epub-unpacked")
    with zipfile.ZipFile(example_epub) as archive:
        archive.extractall(folder)
    return folder


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def rendered(chromium, unpacked, tmp_path_factory):
    """(state, report, screenshot PNG) for two articles: with a figure, and with subheads."""
    shots = tmp_path_factory.mktemp("epub-screens")
    results = {}
    for name in ("p01-06", "p01-01"):
        page, report = open_page(chromium, file_url(unpacked / "EPUB" / "text" / f"{name}.xhtml"),
                                 width=560, height=900)
        page.evaluate("document.fonts.ready.then(() => true)")
        state = page.evaluate(STATE)
        png = page.screenshot(full_page=False)
        (shots / f"{name}.png").write_bytes(png)
        results[name] = (state, report, png)
        page.close()
    return results


@pytest.mark.parametrize("name", ["p01-06", "p01-01"])
def test_article_renders_without_errors(rendered, name):
    state, report, _ = rendered[name]
    assert report.console_errors == [] and report.failed_requests == []
    assert state["failed"] == []
    assert state["lang"] == "zh-CN"
    assert state["text"] > 500


@pytest.mark.parametrize("name", ["p01-06", "p01-01"])
def test_embedded_faces_are_used(rendered, name):
    state, _, _ = rendered[name]
    assert "Noto Serif CJK SC Subset" in state["loaded"]
    assert "Noto Sans CJK SC Subset" in state["loaded"]  # the headline
    assert state["bodyFamily"].startswith('"Noto Serif CJK SC Subset"')
    assert state["titleFamily"].startswith('"Noto Sans CJK SC Subset"')


def test_body_is_justified_with_two_em_indent(rendered):
    state, _, _ = rendered["p01-01"]
    assert state["textAlign"] == "justify"
    assert state["textIndent"] == pytest.approx(2 * state["fontSize"])


def test_screenshot_shows_text(rendered):
    _, _, png = rendered["p01-06"]
    image = Image.open(io.BytesIO(png)).convert("L")
    dark = sum(count for count, level in image.getcolors(256) if level < 100)
    assert dark > 0.02 * image.width * image.height  # a page of text, not a blank one


def platform_fonts(page) -> dict[tuple[str, str], set[tuple[str, str, bool]]]:
    """(tag, class) -> {(family, PostScript name, embedded?)}: the fonts Chromium drew each element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]
    used: dict[tuple[str, str], set[tuple[str, str, bool]]] = {}
    for node in _elements_in_body(root):
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        if fonts:
            attributes = dict(zip(node.get("attributes", [])[::2], node.get("attributes", [])[1::2]))
            key = (node["localName"], attributes.get("class", ""))
            used.setdefault(key, set()).update(
                (f["familyName"], f.get("postScriptName", ""), f["isCustomFont"]) for f in fonts
            )
    return used


def _elements_in_body(node: dict, inside: bool = False):
    """Every element below <body> in the DOM tree CDP returned (``body *``)."""
    for child in node.get("children", []):
        if child.get("nodeType") != 1:  # elements only
            continue
        if inside:
            yield child
        yield from _elements_in_body(child, inside or child.get("localName") == "body")


DOCUMENTS = ["text/p01-06.xhtml", "text/p01-01.xhtml", "text/p01-07.xhtml", "nav.xhtml", "text/titlepage.xhtml"]


@pytest.fixture(scope="module")
def fonts_used(chromium, unpacked):
    used = {}
    for name in DOCUMENTS:
        page, _ = open_page(chromium, file_url(unpacked / "EPUB" / name), width=560, height=900)
        page.evaluate("document.fonts.ready.then(() => true)")
        used[name] = platform_fonts(page)
        page.close()
    return used


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_character_is_drawn_with_an_embedded_face(fonts_used, name):
    system = {key: fonts for key, fonts in fonts_used[name].items() if any(not f[2] for f in fonts)}
    assert fonts_used[name] and not system, system


def test_each_part_is_set_in_its_face(fonts_used):
    used = fonts_used["text/p01-06.xhtml"]
    faces = {key: {postscript for _, postscript, _ in fonts} for key, fonts in used.items()}
    assert faces[("h1", "title")] == {"NotoSansCJKsc-Bold"}
    assert faces[("span", "caption")] == faces[("span", "credit")] == {"LXGWWenKai-Regular"}
    assert faces[("span", "dateline")] == {"NotoSerifCJKsc-Bold"}
    assert "NotoSerifCJKsc-Regular" in faces[("p", "")]  # (the bold of a dateline counts for its paragraph)
