"""Imports shared by the importer tests: the seed page and the synthetic pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from exporter.importer import ImportResult, PageText, import_pages
from exporter.sources.encoding import read_text
from tests.support.corpus import EXAMPLE, SEED_PAGE

DATA = Path(__file__).parent / "data"
SEED_DATE = dt.date(2026, 1, 26)


def import_files(*names: str, encoding: str | None = None, **options) -> ImportResult:
    pages = [PageText(name, read_text(DATA / name, encoding)) for name in names]
    return import_pages(pages, **options)


@pytest.fixture(scope="session")
def seed_import() -> ImportResult:
    return import_pages([PageText("page-1.txt", read_text(SEED_PAGE))], SEED_DATE, "示例日报")


@pytest.fixture(scope="session")
def example_issue():
    from exporter.load import load_issue

    return load_issue(EXAMPLE).issue


@pytest.fixture(scope="session")
def city_import() -> ImportResult:
    """Pages 2 and 3 of a local paper: running heads, a jump, a caption, classifieds."""
    return import_files("city-p2.txt", "city-p3.txt", publication="江城日报")


@pytest.fixture(scope="session")
def gb_import() -> ImportResult:
    """A front page in GB18030 with its masthead: date, name and issue number come from it."""
    return import_files("gb18030-page.txt", encoding="gb18030")


def article(result: ImportResult, title_part: str):
    found = [a for _, a in result.issue.articles() if title_part in a.title]
    assert len(found) == 1, [a.title for _, a in result.issue.articles()]
    return found[0]
