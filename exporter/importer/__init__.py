"""The raw-page importer: text extracted from laid-out print pages into the model.

``import_pages`` takes the pages' text in page order and returns the issue
and a report of every repair made (joined fragments, lifted captions,
dropped heads, joined jumps, punctuation, flagged misprints). The steps,
one module each:

* ``lines``, ``units`` — lines; running heads dropped, jump marks cut off,
  captions recognised (``headers``, ``jumps``, ``structure.credits``);
* ``segment`` — stories cut apart at headline groups (``classify``),
  classified-ads blocks (``notices``);
* ``assemble`` — pages numbered, jumps linked, bodies rebuilt (``rejoin``,
  with ``words``, the pages' own vocabulary; ``classifieds``), text
  normalised by the typography core and checked (``typos``).

Each rule is stated in the docstring of its module; ``report`` lists what
the import changed so that an editor can review it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import InputError, Location
from ..model import Issue
from .assemble import (
    PageDraft, issue_metadata, link_jumps, make_issue, number_pages, page_words, place_floating,
)
from .report import ImportReport
from .segment import segment_page
from .units import page_units


@dataclass(frozen=True)
class PageText:
    file: str  # how the report names the page (the path as given)
    text: str


@dataclass
class ImportResult:
    issue: Issue
    report: ImportReport


def import_pages(pages: list[PageText], date: dt.date | None = None, publication: str | None = None) -> ImportResult:
    """The issue made of ``pages`` (in page order), and the report of the repairs."""
    report = ImportReport()
    all_units = []
    for page in pages:
        units = page_units(page.text, page.file, report)
        if not units.units:
            raise InputError("the page has no text (only blank lines or running heads)", Location(page.file))
        all_units.append(units)
    words = page_words(all_units)
    drafts = []
    for index, units in enumerate(all_units):
        segments, floating = segment_page(units.units, index, words)
        place_floating(segments, floating, index)
        drafts.append(PageDraft(index, units, segments))
    number_pages(drafts, report)
    issue_date, publication_meta, number = issue_metadata(drafts, date, publication, report)
    stories = link_jumps(drafts, report)
    issue = make_issue(drafts, stories, issue_date, publication_meta, number, words, report)
    return ImportResult(issue, report)


__all__ = ["ImportReport", "ImportResult", "PageText", "import_pages"]
