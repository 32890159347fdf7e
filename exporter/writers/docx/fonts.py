"""Every character checked against the theme's fonts before anything is written.

A Word document names its fonts instead of embedding them, but a character
the named face lacks still shows as a box. So each run's characters are
planned like the PDF's (``exporter.fonts.coverage``): the style's face, or a
fallback face named on the run itself, or a ``FontError`` naming the
character and the article.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ...diagnostics import Reporter
from ...errors import Location
from ...fonts.coverage import INVISIBLE, FontPlan, TextCollector, plan_fonts
from ...fonts.registry import FontSet
from . import styles as S
from .content import Para
from .styles import StyleBook

# What Word draws before list items (the template's numbering.xml).
LIST_LABELS = {S.LIST_BULLET: "•", S.LIST_NUMBER: "0123456789."}


class RunFonts:
    """For a run: the stretches of its text and the family to name on each
    stretch whose characters are not in the style's own face (None otherwise)."""

    def __init__(self, book: StyleBook, fonts: FontSet, plan: FontPlan):
        self.book = book
        self.fonts = fonts
        self.plan = plan
        # Per role, the characters set in another family than the role's own.
        self.borrowed = {
            role: frozenset(c for c, face in chosen.items() if face.family != fonts.face(role).family)
            for role, chosen in plan.faces.items()
        }

    def stretches(self, paragraph_style: str, run_style: str | None, text: str) -> Iterator[tuple[str, str | None]]:
        role = self.book.text_role(paragraph_style, run_style)
        borrowed = self.borrowed.get(role)
        if not borrowed or borrowed.isdisjoint(text):
            yield text, None  # the usual case: the style's face has every character
            return
        own = self.fonts.face(role).family
        chosen = self.plan.faces.get(role, {})
        start, current = 0, None
        for i, char in enumerate(text):
            if char in INVISIBLE:
                continue  # spaces go with whatever surrounds them
            face = chosen.get(char)
            family = None if face is None or face.family == own else face.family
            if family != current and i > start:
                yield text[start:i], current
                start = i
            current = family
        if start < len(text):
            yield text[start:], current


def plan_document_fonts(paragraphs: Iterable[Para], book: StyleBook, fonts: FontSet,
                        reporter: Reporter) -> RunFonts:
    """Check every character of ``paragraphs``; a character no face has raises FontError."""
    collector = TextCollector()
    for para in paragraphs:
        where = para.where
        for span in para.spans:
            collector.add(book.text_role(para.style, span.style), span.text, where)
        if para.style in LIST_LABELS:
            collector.add(book.text_role(para.style, None), LIST_LABELS[para.style], Location(where.file, where.article))
    return RunFonts(book, fonts, plan_fonts(collector, fonts, reporter))
