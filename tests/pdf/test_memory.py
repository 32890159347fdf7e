"""The PDF holds one model page's typesetting at a time, however long the issue:
a page is planned, drawn, and what it set let go before the next is planned."""

from __future__ import annotations

import gc

from exporter.writers.pdf.layout import DrawnItem, JumpLine
from exporter.writers.pdf.render import PageRenderer
from exporter.writers.pdf.text import CJKParagraph

from .conftest import build_pdf

# per article, besides its body blocks: kicker, title (set in more than one
# style while the planner tries spans), subtitle, byline, dateline, reprise
HEADER_PARAGRAPHS = 8


def test_only_the_page_being_drawn_keeps_its_paragraphs(daily_issue, tmp_path, monkeypatch):
    live: dict[int, int] = {}  # model page -> set paragraphs alive as its drawing starts
    draw_all = PageRenderer.draw_all

    def counting(renderer, canvas):
        live[renderer.pages[0].page_index] = sum(isinstance(o, CJKParagraph) for o in gc.get_objects())
        return draw_all(renderer, canvas)

    monkeypatch.setattr(PageRenderer, "draw_all", counting)
    built = build_pdf(daily_issue, "print", tmp_path)
    pages = built.issue.pages
    assert sorted(live) == list(range(len(pages)))
    for index, page in enumerate(pages):
        own = sum(len(article.blocks) + HEADER_PARAGRAPHS for article in page.articles)
        assert live[index] <= own, (index, live[index], own)
    # what all pages would hold together
    assert sum(len(article.blocks) for page in pages for article in page.articles) > 10 * max(live.values())


def test_the_kept_plan_has_sizes_not_set_text(daily_pdf):
    items = [f.item for page in daily_pdf.document.pages for b in page.blocks for c in b.columns for f in c]
    assert items and all(isinstance(item, (DrawnItem, JumpLine)) for item in items)
    assert all(block.header is None for page in daily_pdf.document.pages for block in page.blocks)
    assert all(not contents for contents in daily_pdf.document.contents)
