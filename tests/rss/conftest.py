"""Builds shared by the feed tests: the example issue, and three generated
issues built one after the other into the same site."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from exporter.load import load_issue
from exporter.model import Issue
from tests.conftest import run_build

ARCHIVE_BASE = "https://paper.example.org/daily/"
ARCHIVE_DATES = ("2026-01-26", "2026-01-27", "2026-01-28")


@dataclass
class Site:
    out: Path
    base: str
    issues: list[Issue]  # in the order they were built

    def file(self, url: str) -> Path:
        """The file behind one of the site's absolute URLs."""
        assert url.startswith(self.base), url
        return self.out / url[len(self.base):]


def build_site(source: Path, out: Path, **settings: str) -> None:
    run_build(source, "rss", out, **settings)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory, example_dir) -> Site:
    """The example issue, with its fonts embedded (the web edition as shipped)."""
    out = tmp_path_factory.mktemp("rss-example")
    build_site(example_dir, out)
    issue = load_issue(example_dir).issue
    return Site(out, issue.publication.base_url, [issue])


def archive_sources(archive_issues: Path) -> list[Path]:
    return [archive_issues / date for date in ARCHIVE_DATES]


@pytest.fixture(scope="session")
def archive_site(tmp_path_factory, archive_issues) -> Site:
    """Three consecutive issues built in date order into one folder."""
    out = tmp_path_factory.mktemp("rss-archive")
    sources = archive_sources(archive_issues)
    for source in sources:
        build_site(source, out, base_url=ARCHIVE_BASE, embed_fonts="false")
    return Site(out, ARCHIVE_BASE, [load_issue(s).issue for s in sources])


def copy_site(site: Site, target: Path) -> Site:
    shutil.copytree(site.out, target)
    return Site(target, site.base, list(site.issues))


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path -> bytes)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
