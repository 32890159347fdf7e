"""Whole issues through the PDF writer score zero on every rule of spec §9.

The example issue and a generated daily issue, in the print style (six
columns) and the e-reader style (one column), are measured from the drawn
files by ``measure.py``: no prohibited line start or end, no split word,
number, —— or ……, every justified line flush, every paragraph indented,
marks compressed, the Han-Latin gap present, no lone last character, every
font embedded and subset, no .notdef glyph. The builds are made once per test run
(``tests/pdf/conftest.py``), shared with the writer's own tests.
"""

from __future__ import annotations

import pytest

from exporter.model import Paragraph
from tests.pdf.measure import measure_pdf

BUILDS = ["example_pdf", "example_ereader_pdf", "daily_pdf", "daily_ereader_pdf"]


@pytest.fixture(scope="module", params=BUILDS)
def measured(request):
    built = request.getfixturevalue(request.param)
    return built, measure_pdf(built.path)


def body_paragraphs(issue) -> list[str]:
    return [block.text for page in issue.pages for article in page.articles
            for block in article.blocks if isinstance(block, Paragraph) and block.text.strip()]


def test_no_rule_is_broken(measured):
    _built, report = measured
    assert report.failing() == {}


def test_the_checker_sees_the_body_text(measured):
    """Zero violations mean something only if the body was found: nearly every
    model paragraph comes back whole from the PDF as one measured paragraph."""
    built, report = measured
    expected = body_paragraphs(built.issue)
    found = report.paragraph_texts
    joined = "\n".join(found)
    whole = sum(1 for text in expected if text in joined)
    assert len(found) >= 0.9 * len(expected)
    assert whole >= 0.9 * len(expected), f"{whole} of {len(expected)} paragraphs read back whole"


def test_fonts_embedded_subset_and_every_glyph_drawn(measured):
    _built, report = measured
    for rule in ("font_not_embedded", "font_not_subset", "missing_glyph", "punct_not_gb_style"):
        assert report.count(rule) == 0, rule
    assert report.body_font.startswith("NotoSerifCJKsc")
