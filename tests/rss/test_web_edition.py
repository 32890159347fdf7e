"""The web edition in headless Chromium, and every link of the site checked."""

from __future__ import annotations

import functools
import shutil
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from lxml import html as lxml_html
from PIL import Image

from tests.support.browser import browser, open_page

PAGES = ["index.html", "2026-01-26/index.html", "2026-01-26/p01-06.html", "2026-01-26/p01-07.html"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(example_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(example_site.out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_in_chromium(chromium, served, path, tmp_path):
    page, report = open_page(chromium, served + path)
    try:
        page.evaluate("document.fonts.ready.then(() => true)")
        assert report.console_errors == []
        assert report.failed_requests == []
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        broken = page.evaluate(
            "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        )
        assert broken == []
        unresolved = [url for url in page.evaluate(
            "Array.from(document.querySelectorAll('a[href], link[href], img[src]')).map(e => e.href || e.src)"
        ) if url.startswith(served) and _status(url) != 200]
        assert unresolved == []
        fonts = page.evaluate("Array.from(document.fonts).filter(f => f.status === 'error').map(f => f.family)")
        assert fonts == []
        shot = tmp_path / "page.png"
        page.screenshot(path=str(shot), full_page=True)
        with Image.open(shot) as image:
            low, high = image.convert("L").getextrema()
            assert high - low > 150  # text was drawn, not a blank page
    finally:
        page.close()


@pytest.mark.parametrize("path", [*PAGES[1:], "2026-01-26/p01-01.html"])
def test_every_glyph_comes_from_the_embedded_fonts(chromium, served, path):
    """No character falls back to a font of the reader's machine: the issue's
    subset fonts hold them all (so a reader without CJK fonts sees no box)."""
    page, _report = open_page(chromium, served + path)
    try:
        page.evaluate("document.fonts.ready.then(() => true)")
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "body *"})["nodeIds"]
        system, glyphs = {}, 0
        for node in nodes:
            for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                glyphs += font["glyphCount"]
                if not font["isCustomFont"]:
                    system[font["familyName"]] = system.get(font["familyName"], 0) + font["glyphCount"]
        assert glyphs > 100
        assert system == {}
    finally:
        page.close()


def test_each_kind_of_text_is_set_in_its_face(chromium, served):
    """Headlines in the sans, captions in the kai, body in the serif, and bold
    text (subtitle, subheads, datelines) in the serif's real bold face."""
    page, _report = open_page(chromium, served + "2026-01-26/p01-01.html")
    try:
        page.evaluate("document.fonts.ready.then(() => true)")
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]

        def faces(selector: str) -> set[str]:
            found = set()
            for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
                for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                    assert font["isCustomFont"], (selector, font)  # the subset, not the system's
                    found.add(font["postScriptName"])
            assert found, selector
            return found

        assert faces("h1.title") == {"NotoSansCJKsc-Bold"}
        assert faces("article > p:not(.dateline-end)") == {"NotoSerifCJKsc-Regular"}
        assert faces("p.byline") == {"LXGWWenKai-Regular"}
        for bold in ("p.subtitle", "h2.subhead", "p.dateline-end"):
            assert faces(bold) == {"NotoSerifCJKsc-Bold"}, bold
    finally:
        page.close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(urldefrag(url)[0], timeout=10) as response:
            return response.status
    except OSError:
        return 0


# ---------------------------------------------------------------- every link of a whole site


def broken_links(root: Path, base: str) -> list[str]:
    """Every href/src of every HTML page under ``root`` that does not resolve
    to a file of the site (or, for #fragments, to an element id)."""
    broken = []
    pages = {p.relative_to(root).as_posix(): lxml_html.fromstring(p.read_bytes()) for p in root.rglob("*.html")}
    for name, tree in sorted(pages.items()):
        for element, _attribute, link, _pos in tree.iterlinks():
            url = urljoin(base + name, link)
            if not url.startswith(base):
                if not urlsplit(link).scheme:
                    broken.append(f"{name}: {link} leaves the site")
                continue  # a link to another site is not ours to check
            target, fragment = urldefrag(url[len(base):])
            target = target or name
            if target.endswith("/"):
                target += "index.html"
            if not (root / urlsplit(target).path).is_file():
                broken.append(f"{name}: {link}")
            elif fragment and target in pages and not pages[target].xpath(f"//*[@id='{fragment}']"):
                broken.append(f"{name}: {link} (no #{fragment})")
    return broken


def test_every_link_of_the_example_site_resolves(example_site):
    assert len(list(example_site.out.rglob("*.html"))) == 9
    assert broken_links(example_site.out, example_site.base) == []


def test_every_link_of_the_archive_site_resolves(archive_site):
    assert broken_links(archive_site.out, archive_site.base) == []


def test_the_link_checker_finds_a_broken_link(example_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(example_site.out, site)
    (site / "2026-01-26" / "p01-02.html").unlink()
    assert any("p01-02.html" in b for b in broken_links(site, example_site.base))
