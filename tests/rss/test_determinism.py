"""Same input, same bytes: two builds, any locale, no clock."""

from __future__ import annotations

import datetime as dt
import locale
import shutil
import subprocess

import feedgen.entry
import feedgen.feed
import pytest
from lxml import etree

from .conftest import build_site, tree_bytes


def test_two_builds_are_byte_identical(example_dir, example_site, tmp_path, monkeypatch):
    # A cold cache: the fonts are subset and compressed again, not copied from the first build.
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "again"
    build_site(example_dir, out)
    first, second = tree_bytes(example_site.out), tree_bytes(out)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_dates_do_not_come_from_strftime(example_dir, example_site, tmp_path, monkeypatch):
    """feedgen formats dates with strftime under a temporarily switched
    process locale; the feed's dates must not depend on that path at all."""
    german = lambda moment: "Montag, 26. Januar 2026"  # noqa: E731
    monkeypatch.setattr(feedgen.feed, "formatRFC2822", german)
    monkeypatch.setattr(feedgen.entry, "formatRFC2822", german)
    out = tmp_path / "site"
    build_site(example_dir, out)
    assert (out / "rss.xml").read_bytes() == (example_site.out / "rss.xml").read_bytes()


@pytest.fixture(scope="module")
def chinese_locale(tmp_path_factory):
    """zh_CN.UTF-8, compiled into a private folder when the system lacks it."""
    folder = tmp_path_factory.mktemp("locales")
    if shutil.which("localedef"):
        subprocess.run(["localedef", "-i", "zh_CN", "-f", "UTF-8", str(folder / "zh_CN.UTF-8")],
                       check=False, capture_output=True)
    return folder


def test_feeds_are_the_same_under_a_chinese_locale(example_dir, example_site, tmp_path, monkeypatch,
                                                    chinese_locale):
    monkeypatch.setenv("LOCPATH", str(chinese_locale))
    saved = locale.setlocale(locale.LC_ALL)
    try:
        try:
            locale.setlocale(locale.LC_ALL, "zh_CN.UTF-8")
        except locale.Error:
            pytest.skip("no zh_CN.UTF-8 locale can be made here (localedef or its sources missing)")
        assert dt.date(2026, 1, 26).strftime("%a") != "Mon"  # the locale really is in force
        out = tmp_path / "site"
        build_site(example_dir, out)
        assert locale.setlocale(locale.LC_ALL) == "zh_CN.UTF-8"  # the build left the locale alone
    finally:
        locale.setlocale(locale.LC_ALL, saved)
    assert (out / "rss.xml").read_bytes() == (example_site.out / "rss.xml").read_bytes()
    assert (out / "atom.xml").read_bytes() == (example_site.out / "atom.xml").read_bytes()


def test_source_date_epoch_moves_only_the_build_date(example_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1769400000")  # 2026-01-26 04:00:00 UTC
    out = tmp_path / "site"
    build_site(example_dir, out, embed_fonts="false")
    channel = etree.fromstring((out / "rss.xml").read_bytes()).find("channel")
    assert channel.findtext("lastBuildDate") == "Mon, 26 Jan 2026 04:00:00 +0000"
    assert {i.findtext("pubDate") for i in channel.findall("item")} == {"Mon, 26 Jan 2026 00:00:00 +0800"}
