"""The print-style PDF: newspaper pages set with Chinese typography, on ReportLab.

The writer works in stages, each its own module:

1. ``blocks``: every article as specs (styled paragraphs, pictures);
2. the fonts: every (font role, text) collected and planned before anything
   is drawn (a character no font has is a ``FontError`` naming it and the
   article), then embedded as subsets (``fonts``);
3. ``content`` + ``layout``: the articles measured and planned onto pages
   (blocks of columns, tiers, continuation pages) from line counts;
4. ``render``: the plan drawn, with ``masthead``, ``furniture`` and
   ``metadata`` (document information, page labels, the outline).

The default style is the 4开 print page; ``--style ereader`` sets the same
issue on a 6-inch e-reader page, one column, in ``<basename>-ereader.pdf``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...model import Issue
from ..base import BuildContext, Writer, WriterOptions, issue_basename

PRINT_STYLE = "print"


@dataclass(frozen=True)
class PdfOptions(WriterOptions):
    outline: bool = True  # the bookmark outline of pages and articles


class PdfWriter(Writer):
    name = "pdf"
    description = "print-style newspaper PDF (4开 tabloid; --style ereader for 6-inch e-readers)"
    media_type = "application/pdf"
    requires = ("reportlab", "uharfbuzz", "fontTools")
    extra = "pdf"
    Options = PdfOptions
    relative_cost = 3.0

    @classmethod
    def warm_up(cls) -> None:
        from PIL import Image

        from . import document  # noqa: F401  (imports the libraries the writer uses)
        from .fonts import import_font_tables

        import_font_tables()
        Image.preinit()  # Pillow's picture formats, otherwise registered at the first picture read

    def write(self, issue: Issue, context: BuildContext) -> list[Path]:
        from ...memory import leave_for_exit
        from .document import prepare_document

        path = context.staging / output_name(issue, context.theme.name)
        document = prepare_document(issue, context)
        document.write(path)
        leave_for_exit(document)
        return [path]


def output_name(issue: Issue, style: str) -> str:
    """``<basename>.pdf`` for the print style, ``<basename>-<style>.pdf`` for the others."""
    suffix = "" if style == PRINT_STYLE else f"-{style}"
    return f"{issue_basename(issue)}{suffix}.pdf"
