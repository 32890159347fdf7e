"""Package metadata, the cover, determinism of the archive, and size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import time
import zipfile

from PIL import Image

from exporter.build import build_loaded
from exporter.diagnostics import Reporter
from exporter.load import load_issue
from exporter.themes import load_theme
from exporter.writers.base import issue_datetime
from exporter.writers.epub import EpubWriter
from tests.epub.conftest import build_epub
from tests.epub.reading import NS, Epub

MB = 1024 * 1024


def test_metadata_describes_the_issue(example, example_dir):
    issue = load_issue(example_dir).issue
    assert example.metadata("dc:title") == ["示例日报 2026年1月26日"]
    assert example.metadata("dc:date") == ["2026-01-26"]
    assert example.metadata("dc:publisher") == ["示例日报社"]
    assert example.metadata("dc:language") == ["zh-CN"]
    (identifier,) = example.metadata("dc:identifier")
    assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", identifier)
    unique = example.opf.get("unique-identifier")
    assert example.opf.find(f"opf:metadata/dc:identifier[@id='{unique}']", NS).text == identifier
    modified = issue_datetime(issue).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert example.meta_property("dcterms:modified") == [modified] == ["2026-01-25T16:00:00Z"]


def test_issue_belongs_to_the_publication_collection(example):
    assert example.meta_property("belongs-to-collection") == ["示例日报"]
    refines = {
        e.get("property"): e.text
        for e in example.opf.iterfind("opf:metadata/opf:meta[@refines='#collection']", NS)
    }
    assert refines == {"collection-type": "series", "group-position": "9523"}


def test_accessibility_metadata(example, stress):
    assert example.meta_property("schema:accessMode") == ["textual", "visual"]
    assert "alternativeText" in example.meta_property("schema:accessibilityFeature")
    assert {"structuralNavigation", "tableOfContents"} <= set(example.meta_property("schema:accessibilityFeature"))
    assert example.meta_property("schema:accessibilityHazard") == ["none"]
    (summary,) = example.meta_property("schema:accessibilitySummary")
    assert "替代文字" in summary
    assert stress.meta_property("schema:accessibilityHazard") == ["none"]


def test_identifier_is_stable_per_issue_and_differs_between_issues(example, example_dir, tmp_path):
    loaded = load_issue(example_dir)
    next_day = dataclasses.replace(loaded, issue=dataclasses.replace(loaded.issue, date=dt.date(2026, 1, 27)))
    result = build_loaded(next_day, [EpubWriter], tmp_path, {}, load_theme("print"), Reporter())
    other = Epub(result.outputs["epub"][0])
    assert other.metadata("dc:identifier") != example.metadata("dc:identifier")
    assert other.metadata("dc:title") == ["示例日报 2026年1月27日"]
    again = Epub(build_epub(example_dir, tmp_path / "again"))
    assert again.metadata("dc:identifier") == example.metadata("dc:identifier")


def test_two_builds_are_byte_identical(example_dir, tmp_path, monkeypatch):
    """Cold caches both times (fonts subset afresh), and on different seconds
    of the clock, so that no wall-clock time can hide anywhere."""
    started = time.monotonic()
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "cache-1"))
    first = build_epub(example_dir, tmp_path / "1")
    time.sleep(max(0.0, 1.1 - (time.monotonic() - started)))
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "cache-2"))
    second = build_epub(example_dir, tmp_path / "2")
    assert second.read_bytes() == first.read_bytes()


def test_a_warm_cache_gives_the_same_bytes(example_epub, example_dir, tmp_path):
    assert build_epub(example_dir, tmp_path).read_bytes() == example_epub.read_bytes()


def test_archive_is_deterministic_and_ocf_conformant(example_epub):
    data = example_epub.read_bytes()
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"  # first, uncompressed
    with zipfile.ZipFile(example_epub) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert infos[0].extra == b""
        assert [i.filename for i in infos[1:3]] == ["META-INF/container.xml", "EPUB/content.opf"]
        assert {i.date_time for i in infos} == {(2026, 1, 26, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        # deflated, but for the cover: a PNG that deflate would shrink by less than 5 % (``Entry.packed``)
        stored = [i.filename for i in infos[1:] if i.compress_type == zipfile.ZIP_STORED]
        assert stored == ["EPUB/images/cover.png"]
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos[1:] if i.filename not in stored)


def test_source_date_epoch_sets_every_timestamp(example_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    book = Epub(build_epub(example_dir, tmp_path))
    assert book.meta_property("dcterms:modified") == ["2026-01-01T00:00:00Z"]
    assert {i.date_time for i in book.zip.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_cover_image_is_declared_and_drawn(example):
    covers = [i for i in example.manifest.values() if "cover-image" in i.properties.split()]
    assert len(covers) == 1
    with Image.open(io.BytesIO(example.read(covers[0].href))) as image:
        assert image.format == "PNG" and image.size == (1600, 2400)
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=1 << 16)
    # the masthead is in the accent red, the headline in near-black: both drawn
    assert any(r > 150 and g < 60 and b < 60 for _, (r, g, b) in colours)
    assert any(r < 60 and g < 60 and b < 60 for _, (r, g, b) in colours)
    cover_page = example.xml(example.spine[0].href)
    img = cover_page.find(".//x:img", NS)
    assert "示例日报" in img.get("alt") and "凝心聚力推动社会工作高质量发展" in img.get("alt")


def test_title_page_names_the_issue(example):
    root = example.xml(example.spine[1].href)
    text = ["".join(p.itertext()) for p in root.iter(f"{{{NS['x']}}}p", f"{{{NS['x']}}}h1")]
    assert text[0] == "示例日报"
    assert "2026年1月26日 星期一 第9523期" in text
    assert "国内统一连续出版物号 CN 44-0000" in text


def test_daily_issue_is_small(daily_epub, daily):
    assert daily_epub.stat().st_size < 5 * MB
    pictures = sum(daily.zip.getinfo(i.href).compress_size for i in daily.manifest.values()
                   if i.media_type.startswith("image/"))
    assert daily_epub.stat().st_size - pictures < 4 * MB  # text, styles and fonts alone
