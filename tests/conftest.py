"""Shared fixtures: the example issue, generated issues, and a build helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.build import build
from exporter.diagnostics import Reporter
from tests.support.corpus import EXAMPLE, make_corpus


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def small_issue(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.getbasetemp() / "corpus-small", "--preset", "small")


@pytest.fixture(scope="session")
def daily_issue(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.getbasetemp() / "corpus-daily", "--preset", "daily")


@pytest.fixture(scope="session")
def archive_issues(tmp_path_factory) -> Path:
    """Three consecutive generated daily issues (small ones), in OUT/<date>/."""
    return make_corpus(
        tmp_path_factory.getbasetemp() / "corpus-archive",
        "--preset", "small", "--pages", "3", "--issues", "3", "--start-date", "2026-01-26",
    )


def run_build(source: Path, formats: str, out: Path, **settings: str):
    """Build and fail the test on any writer failure; returns (outputs, reporter)."""
    reporter = Reporter()
    result = build(source, formats.split(","), out, settings, reporter=reporter)
    assert not result.failures, {k: str(v) for k, v in result.failures.items()}
    return result.outputs, reporter
