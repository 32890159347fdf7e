"""Drawing the later pages in a helper process gives the same file as drawing
them all in one; a helper that fails or dies does not lose a page."""

from __future__ import annotations

import os

import pytest

from exporter.errors import Location, WriterError
from exporter.writers.pdf import parallel
from exporter.writers.pdf.document import Document
from exporter.writers.pdf.parallel import helper_start

from .conftest import build_pdf


def plan_outline(pages):
    """What a page plan says, without the set text: where each block stands and where it jumps."""
    return [
        (p.page_index, p.continuation, [(b.article_id, b.column, b.span, b.row, b.rows, b.starts, b.ends,
                                         b.jump_in, b.jump_out) for b in p.blocks])
        for p in pages
    ]


@pytest.mark.parametrize("fixture", ["daily_pdf", "daily_ereader_pdf"])
def test_pages_drawn_in_a_helper_give_the_same_file(fixture, request, daily_issue, tmp_path):
    alone = request.getfixturevalue(fixture)
    style = alone.document.context.theme.name
    shared = build_pdf(daily_issue, style, tmp_path, jobs=2)
    assert shared.document.helper_start is not None
    assert 0 < shared.document.pages_drawn_apart < len(shared.regions)
    assert shared.path.read_bytes() == alone.path.read_bytes()
    assert shared.regions == alone.regions
    assert plan_outline(shared.document.pages) == plan_outline(alone.document.pages)


def test_the_pages_of_a_helper_that_dies_are_drawn_by_the_writer(daily_pdf, daily_issue, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "_run", lambda work, pipe: os._exit(1))  # in the forked helper
    shared = build_pdf(daily_issue, "print", tmp_path, jobs=2)
    assert shared.document.helper_start is not None and shared.document.pages_drawn_apart == 0
    assert shared.path.read_bytes() == daily_pdf.path.read_bytes()
    assert plan_outline(shared.document.pages) == plan_outline(daily_pdf.document.pages)


def test_without_a_process_to_be_had_the_writer_draws_every_page(daily_pdf, daily_issue, tmp_path, monkeypatch):
    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(parallel.os, "fork", no_fork)
    shared = build_pdf(daily_issue, "print", tmp_path, jobs=2)
    assert shared.document.helper_start is not None and shared.document.pages_drawn_apart == 0
    assert shared.path.read_bytes() == daily_pdf.path.read_bytes()


def test_an_error_in_the_helper_is_the_writers_and_nothing_is_written(daily_issue, tmp_path, monkeypatch):
    def fails(self, start, receive, canvas_options):
        raise WriterError("part of the article does not fit on a page", Location(article="p20-01"))

    monkeypatch.setattr(Document, "_draw_apart", fails)
    with pytest.raises(WriterError, match="does not fit") as caught:
        build_pdf(daily_issue, "print", tmp_path, jobs=2)
    assert caught.value.problems[0].location.article == "p20-01"
    assert not list(tmp_path.glob("*.pdf"))


def test_an_error_in_the_writers_own_part_stops_the_helper(daily_issue, tmp_path, monkeypatch):
    from exporter.writers.pdf import document

    plan_issue = document.plan_issue

    def fails_from_the_start(grid, pages, start=0):
        if start == 0:
            raise WriterError("part of the article does not fit on a page", Location(article="p01-01"))
        return plan_issue(grid, pages, start)

    monkeypatch.setattr(document, "plan_issue", fails_from_the_start)
    started = []
    helper_init = parallel.Helper.__init__

    def remember(self, work):
        helper_init(self, work)
        started.append(self.pid)

    monkeypatch.setattr(parallel.Helper, "__init__", remember)
    with pytest.raises(WriterError, match="does not fit"):
        build_pdf(daily_issue, "print", tmp_path, jobs=2)
    assert len(started) == 1 and started[0]
    with pytest.raises(ChildProcessError):  # the helper was ended and reaped: no process is left
        os.waitpid(started[0], os.WNOHANG)
    assert not list(tmp_path.glob("*.pdf"))


def test_the_helper_takes_its_share_of_the_text_from_the_end():
    page = parallel.MIN_TEXT // 4
    start = helper_start([page] * 24, jobs=2)
    assert parallel.HELPER_SHARE * 24 <= 24 - start < parallel.HELPER_SHARE * 24 + 1  # whole pages
    assert helper_start([page, page, page, page, 100 * page], jobs=2) == 4
    assert helper_start([100 * page, page, page, page, page], jobs=2) == 1  # the first page always stays here
    assert helper_start([page] * 24, jobs=1) is None
    assert helper_start([page] * (parallel.MIN_MODEL_PAGES - 1), jobs=2) is None
    assert helper_start([10] * 24, jobs=2) is None  # too little text to be worth a process
