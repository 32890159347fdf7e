"""LibreOffice opens every Word copy of the example issue and prints the model's text.

All documents go through one ``soffice --convert-to pdf`` run with a private
profile (``example_pdfs``); the PDFs are then read with PyMuPDF.
"""

from __future__ import annotations

import subprocess

import pymupdf
import pytest

from .expected import article_document, article_paragraphs, squeeze
from .pdftext import differences, pdf_lines
from .test_documents import article_files_by_id

MM = 72 / 25.4


def test_every_document_converts_to_pdf(example_pdfs):
    for document, pdf in example_pdfs.items():
        with pymupdf.open(pdf) as opened:
            assert opened.page_count >= 1, document.name
            assert all(round(p.rect.width) == 595 and round(p.rect.height) == 842 for p in opened), document.name


def test_each_article_pdf_shows_exactly_the_articles_text(example_build, example_pdfs):
    copyright = example_build.issue.publication.copyright
    lost = 0
    for article, path in article_files_by_id(example_build).values():
        expected = "".join(text for _, text in article_document(article, copyright))
        unexplained, hung = differences(expected, pdf_lines(example_pdfs[path]))
        assert not unexplained, (article.id, unexplained)
        lost += hung
    assert lost <= 5  # LibreOffice's hung marks (see pdftext.py): a handful, never text


def test_the_whole_issue_pdf_shows_every_article_in_order(example_build, example_pdfs):
    issue = example_build.issue
    cover = [issue.publication.name, "2026年1月26日 星期一 第9523期",
             *(f"{c.label} {c.value}" for c in issue.publication.codes), issue.publication.publisher]
    body = "".join(f"第{page.number}版{page.section}" + "".join(
        t for article in page.articles for _, t in article_paragraphs(article)) for page in issue.pages)
    unexplained, _ = differences("".join(cover) + body + issue.publication.copyright,
                                 pdf_lines(example_pdfs[example_build.whole]))
    assert not unexplained
    with pymupdf.open(example_pdfs[example_build.whole]) as document:
        # the cover stands alone; page 1 of the paper starts a new page
        first, second = (squeeze(document[i].get_text()) for i in (0, 1))
        assert "第1版" not in first and second.startswith("第1版要闻")


def test_body_paragraphs_start_two_characters_in_from_the_margin(example_build, example_pdfs):
    """Measured on the page: A4, 31.8 mm left margin, first line indented by 2 × 10.5 pt."""
    article, path = article_files_by_id(example_build)["p01-01"]
    starts = {p.text[:8] for p in article.blocks if hasattr(p, "runs") and len(p.text) > 40}
    margin = 31.8 * MM
    found = 0
    with pymupdf.open(example_pdfs[path]) as document:
        for page in document:
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    chars = [c for span in line["spans"] for c in span["chars"]]
                    text = "".join(c["c"] for c in chars)
                    if text[:8] in starts:
                        found += 1
                        assert chars[0]["bbox"][0] == pytest.approx(margin + 21, abs=1.0), text[:8]
                    elif chars and chars[0]["c"].strip():
                        assert chars[0]["bbox"][0] >= margin - 1.0, text[:8]
    assert found >= len(starts) - 2  # a paragraph start may not be its own line's start only if cut


def test_a_page_renders_to_an_image(example_build, example_pdfs, tmp_path):
    """pdftoppm draws the first page of an article: ink in the text area, none in the margins."""
    from PIL import Image

    _, path = article_files_by_id(example_build)["p01-04"]
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(example_pdfs[path]),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        gray = image.convert("L")
        width, height = gray.size
        left, top, right, _ = _ink_box(gray)
    assert left >= width * 31.8 / 210 - 3 and right <= width * (1 - 31.8 / 210) + 3
    assert top >= height * 25.4 / 297 - 3
    assert right - left > width * 0.5  # justified lines fill the measure


def _ink_box(gray):
    inverted = gray.point(lambda v: 255 if v < 160 else 0)
    return inverted.getbbox()
