"""The rolling feed across three consecutive issues built into one folder."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import html as lxml_html

from exporter.load import load_issue

from .conftest import ARCHIVE_BASE, Site, archive_sources, build_site, copy_site, tree_bytes
from .feed_rules import atom_problems, rss_problems

SETTINGS = {"base_url": ARCHIVE_BASE, "embed_fonts": "false"}


def feeds(out):
    return feedparser.parse((out / "rss.xml").read_bytes()), feedparser.parse((out / "atom.xml").read_bytes())


def expected_links(site, issues) -> list[str]:
    """Newest issue first; reading order inside an issue."""
    ordered = sorted(issues, key=lambda issue: issue.date, reverse=True)
    return [f"{site.base}{i.date.isoformat()}/{a.id}.html" for i in ordered for _, a in i.articles()]


def test_the_feeds_hold_every_issue_newest_first(archive_site):
    rss, atom = feeds(archive_site.out)
    assert rss.bozo is False and atom.bozo is False
    links = expected_links(archive_site, archive_site.issues)
    assert len(links) == 45
    assert [e.link for e in rss.entries] == links
    assert [e.link for e in atom.entries] == links
    dates = [parsedate_to_datetime(e.published) for e in rss.entries]
    assert dates == sorted(dates, reverse=True)
    assert len({e.id for e in rss.entries}) == 45
    for entry in rss.entries:
        assert archive_site.file(entry.link).is_file()
        for enclosure in entry.enclosures:
            assert archive_site.file(enclosure.href).stat().st_size == int(enclosure.length)


def test_last_build_date_is_the_newest_issue(archive_site):
    rss, atom = feeds(archive_site.out)
    assert rss.feed.updated == "Wed, 28 Jan 2026 00:00:00 +0800"
    assert atom.feed.updated == "2026-01-28T00:00:00+08:00"


def test_the_archive_feeds_keep_the_validator_rules(archive_site):
    out = archive_site.out
    assert rss_problems((out / "rss.xml").read_bytes(), ARCHIVE_BASE + "rss.xml") == []
    assert atom_problems((out / "atom.xml").read_bytes(), ARCHIVE_BASE + "atom.xml") == []


def test_rebuilding_the_newest_issue_adds_no_duplicate(archive_site, archive_issues, tmp_path):
    site = copy_site(archive_site, tmp_path / "site")
    before = tree_bytes(site.out)
    build_site(archive_sources(archive_issues)[-1], site.out, **SETTINGS)
    after = tree_bytes(site.out)
    assert after == before  # same input, same bytes: nothing added, nothing lost
    rss, _ = feeds(site.out)
    assert len(rss.entries) == len({e.id for e in rss.entries}) == 45


def test_rebuilding_an_older_issue_loses_nothing(archive_site, archive_issues, tmp_path):
    site = copy_site(archive_site, tmp_path / "site")
    guids = [e.id for e in feeds(site.out)[0].entries]
    build_site(archive_sources(archive_issues)[0], site.out, **SETTINGS)
    rss, atom = feeds(site.out)
    assert [e.id for e in rss.entries] == guids
    assert [e.id for e in atom.entries] == guids
    assert [e.link for e in rss.entries] == expected_links(site, site.issues)


def test_the_order_of_builds_does_not_matter(archive_site, archive_issues, tmp_path):
    out = tmp_path / "shuffled"
    sources = archive_sources(archive_issues)
    for source in (sources[2], sources[0], sources[1]):
        build_site(source, out, **SETTINGS)
    assert tree_bytes(out) == tree_bytes(archive_site.out)


def test_guids_survive_a_move_of_the_site(archive_site, archive_issues, tmp_path):
    site = copy_site(archive_site, tmp_path / "site")
    old = feeds(site.out)[0]
    build_site(archive_sources(archive_issues)[1], site.out, base_url="https://mirror.example.net/", embed_fonts="false")
    new = feeds(site.out)[0]
    assert [e.id for e in new.entries] == [e.id for e in old.entries]
    assert [e.link for e in new.entries] == [e.link.replace(ARCHIVE_BASE, "https://mirror.example.net/")
                                            for e in old.entries]
    # Items of issues not rebuilt are re-based too: their images point at the new site.
    for entry in new.entries:
        root = lxml_html.fragment_fromstring(entry.content[0].value, create_parent="div")
        for img in root.iter("img"):
            assert img.get("src").startswith("https://mirror.example.net/")


def test_the_window_keeps_the_newest_items(archive_issues, tmp_path):
    out = tmp_path / "window"
    sources = archive_sources(archive_issues)
    for source in sources:
        build_site(source, out, feed_items="20", **SETTINGS)
    rss, atom = feeds(out)
    assert [e.link for e in rss.entries] == [e.link for e in atom.entries]
    issues = [load_issue(s).issue for s in sources]
    expected = expected_links(Site(out, ARCHIVE_BASE, issues), issues)[:20]
    assert [e.link for e in rss.entries] == expected
    # Rebuilding the oldest issue, whose items all fell out of the window, changes no item.
    before = (out / "rss.xml").read_bytes()
    build_site(sources[0], out, feed_items="20", **SETTINGS)
    assert (out / "rss.xml").read_bytes() == before


def test_the_state_is_sorted_and_complete(archive_site):
    state = json.loads((archive_site.out / "feed-state.json").read_text("utf-8"))
    assert [r["date"] for r in state["issues"]] == ["2026-01-28", "2026-01-27", "2026-01-26"]
    guids = [i["guid"] for r in state["issues"] for i in r["items"]]
    assert len(guids) == len(set(guids)) == 45
    for record in state["issues"]:
        assert not any(i["path"].startswith("http") for i in record["items"])  # no base URL kept


def test_the_site_lists_every_issue(archive_site):
    root = lxml_html.fromstring((archive_site.out / "index.html").read_bytes())
    hrefs = [a.get("href") for a in root.xpath("//ul[@class='issue-list']//a")]
    assert hrefs == [f"{d}/index.html" for d in ("2026-01-28", "2026-01-27", "2026-01-26")]
    for href in hrefs:
        assert (archive_site.out / href).is_file()


@pytest.mark.parametrize("name", ["rss.xml", "atom.xml"])
def test_every_item_links_to_its_page(archive_site, name):
    parsed = feedparser.parse((archive_site.out / name).read_bytes())
    for entry in parsed.entries:
        page = lxml_html.fromstring(archive_site.file(entry.link).read_bytes())
        assert page.xpath("string(//h1)") == entry.title
