"""A process that builds issue after issue (exporter batch) keeps only the
current issue's fonts registered with ReportLab."""

from reportlab.pdfbase import pdfmetrics

from exporter.writers.pdf.fonts import FONT_PREFIX
from tests.conftest import run_build


def _ours() -> set[str]:
    return {name for name in pdfmetrics._fonts if name.startswith(FONT_PREFIX)}


def test_fonts_of_earlier_builds_are_forgotten(tmp_path, example_dir, small_issue):
    run_build(example_dir, "pdf", tmp_path / "a")
    first = _ours()
    run_build(small_issue, "pdf", tmp_path / "b")
    second = _ours()
    assert first and second and not (first & second)  # different characters, different subsets
    assert len(second) <= 6  # one font per face of one build
    assert all(name.encode("ascii") not in pdfmetrics._dynFaceNames for name in first)
    run_build(small_issue, "pdf", tmp_path / "c")
    assert _ours() == second  # a rebuild of the same issue keeps and reuses its own
