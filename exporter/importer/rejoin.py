"""Building an article's body from its units: rejoining paragraphs cut by
column and page breaks, telling subheads from cut paragraphs, and lifting
captions out as figures.

A paragraph that does not end a sentence is continued by the next text unit,
across blank lines, captions, empty photo slots, running heads and page
jumps, unless that unit starts something new (a list item after a list item,
a dateline). A short line without closing punctuation is a subhead unless
something says it was cut: it ends on a word that needs more (…而是为了更),
leaves a quote open (…线上“疑难), is followed by a caption or an empty photo
slot, its successor starts with a pause mark, or the last character of the
line and the first of the next make a two-character word that occurs
elsewhere in the pages (转|化 when 转化 is found in other lines). A caption that interrupts a
paragraph is placed after that paragraph, once it is whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, Dateline, DatelinePosition, Figure, Paragraph, Subhead
from ..structure.byline import parse_byline
from ..structure.dateline import parse_dateline
from . import report as r
from .classify import could_be_subhead, starts_with_dateline
from .report import ImportReport
from .segment import END_BYLINE, END_DATELINE
from .text import (
    LIST_MARKER, NUMBERED, balanced, dangling_end, ends_sentence, splits_number, starts_continuation, tight,
)
from .words import Vocabulary
from .units import CAPTION, TEXT, Unit

# The size given to a photo the text only captions: its placeholder's, until the photo comes.
PHOTO_SLOT = (1200, 800)


@dataclass
class _Open:
    text: str
    first: Unit
    last: Unit

    @property
    def unfinished(self) -> bool:
        return not ends_sentence(self.text)


@dataclass
class Body:
    blocks: list[Block] = field(default_factory=list)
    start_dateline: Dateline | None = None
    end_dateline: Dateline | None = None
    end_byline: str = ""


class BodyBuilder:
    def __init__(self, article_id: str, report: ImportReport, photo_gaps: dict[str, int],
                 words: Vocabulary | None = None, has_dateline: bool = False):
        self.id, self.report, self.photo_gaps = article_id, report, photo_gaps
        self.words = words or Vocabulary()  # words of the pages' own text
        self.body = Body()
        self.open: _Open | None = None
        self.pending: list[tuple[Figure, Unit]] = []
        self.between: list[str] = []
        self.seen_text = has_dateline  # a dateline in the headline group: none to look for in the text
        self.figures = 0

    # ---------------------------------------------------------------- input

    def add_units(self, units: list[Unit]) -> None:
        for k, unit in enumerate(units):
            if unit.heads_before:
                self.between.append("a running head")
            if unit.kind == CAPTION:
                self._caption(unit)
            elif unit.kind == END_DATELINE:
                self._flush()
                text = unit.text.strip().strip("（）()")
                self.body.end_dateline = parse_dateline(text, DatelinePosition.END) or Dateline(
                    text=text, position=DatelinePosition.END)
            elif unit.kind == END_BYLINE:
                self._flush()
                self.body.end_byline = parse_byline(unit.text) or unit.text
            elif unit.kind == TEXT:
                self._text(units, k)

    def jump(self, description: str) -> None:
        """The story continues on another page: the open paragraph may go on there."""
        self.between.append(description)

    def finish(self) -> Body:
        self._flush()
        return self.body

    # ---------------------------------------------------------------- text

    def _text(self, units: list[Unit], k: int) -> None:
        unit = units[k]
        text = unit.text
        if unit.gap >= self.photo_gaps.get(unit.line.file, 2):
            self.between.append(f"an empty photo slot ({unit.gap} blank lines)")
        if self.open is not None and (self.open.unfinished or starts_continuation(text)) and self._continues(unit):
            self._join(unit)
            return
        self._flush()
        self.between = []
        if not self.seen_text and (parsed := parse_dateline(text)) is not None and parsed.text == text.strip():
            self.seen_text = True  # a dateline on a line of its own, before the text
            self.body.start_dateline = parsed
            return
        if self._is_subhead(units, k, text):
            self.body.blocks.append(Subhead(text))
            return
        self.open = _Open(text, unit, unit)

    def _continues(self, unit: Unit) -> bool:
        assert self.open is not None
        if starts_with_dateline(unit.text):
            return False
        if LIST_MARKER.match(self.open.text):
            # list items that lack a full stop stay apart, unless one was plainly cut
            cut = dangling_end(self.open.text) or not balanced(self.open.text)
            return not LIST_MARKER.match(unit.text) and (cut or starts_continuation(unit.text))
        return True

    def _join(self, unit: Unit) -> None:
        assert self.open is not None
        left, right = self.open.text, unit.text
        glue = " " if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha() else ""
        across = self.between or ["blank lines"]
        kind = r.JOINED_JUMP if any(b.startswith("a jump") for b in across) else r.JOINED_FRAGMENT
        self.report.add(
            kind,
            f"joined “…{left[-10:]}” + “{right[:10]}…” (line {self.open.last.line.number} + line "
            f"{unit.line.number}, across {', '.join(dict.fromkeys(across))})",
            unit.line.file, unit.line.number, self.id,
        )
        self.open = _Open(left + glue + right, self.open.first, unit)
        self.between = []

    def _is_subhead(self, units: list[Unit], k: int, text: str) -> bool:
        if not could_be_subhead(text) or self._cut_after(units, k, text):
            return False
        following = units[k + 1]
        if could_be_subhead(following.text) and tight(following.text) and \
                not self._cut_after(units, k + 1, following.text):
            return False  # two short plain lines in a row: list items or a cut line, not a subhead
        numbered = NUMBERED.match(text) or LIST_MARKER.match(text)
        return not (numbered and LIST_MARKER.match(following.text))  # 1. after 1.: a list, not a subhead

    def _cut_after(self, units: list[Unit], k: int, text: str) -> bool:
        """True when the line at ``k`` runs on into the text after it (or nothing follows)."""
        following = units[k + 1] if k + 1 < len(units) else None
        if following is None or following.kind != TEXT:
            return True  # a caption or the end right after it: a cut line, not a subhead
        if following.heads_before or following.gap >= self.photo_gaps.get(following.line.file, 2):
            return True
        if dangling_end(text) or not balanced(text) or starts_continuation(following.text):
            return True
        if splits_number(text, following.text):
            return True
        # the two lines' edges make a word found elsewhere (转|化): one sentence
        return text[-1:] + following.text[:1] in self.words

    def _take_dateline(self) -> None:
        """The first paragraph, once whole, may open with the dateline (新华社…电（记者…）)."""
        assert self.open is not None
        self.seen_text = True
        if any(isinstance(b, (Paragraph, Subhead)) for b in self.body.blocks):
            return
        parsed = parse_dateline(self.open.text)
        if parsed is not None:  # the match starts the text, so its text is the text's start
            self.body.start_dateline = parsed
            self.open.text = self.open.text[len(parsed.text):].lstrip(" \u3000")

    # ---------------------------------------------------------------- figures

    def _caption(self, unit: Unit) -> None:
        self.figures += 1
        width, height = PHOTO_SLOT
        figure = Figure(f"images/{self.id}-{self.figures}.png", unit.text, unit.credit, unit.text, width, height)
        if self.open is not None and self.open.unfinished:
            self.pending.append((figure, unit))
            self.between.append("a caption")
        else:
            self._flush()
            self._place(figure, unit)

    def _place(self, figure: Figure, unit: Unit) -> None:
        paragraphs = sum(1 for b in self.body.blocks if isinstance(b, Paragraph))
        where = f"after paragraph {paragraphs}" if paragraphs else "before the first paragraph"
        credit = f" (credit {figure.credit})" if figure.credit else ""
        self.report.add(r.LIFTED_CAPTION, f"lifted caption “{figure.caption}”{credit} as a figure, {where}",
                        unit.line.file, unit.line.number, self.id)
        self.body.blocks.append(figure)

    def _flush(self) -> None:
        if self.open is not None and not self.seen_text:
            self._take_dateline()
        if self.open is not None:
            if self.open.unfinished and not LIST_MARKER.match(self.open.text):
                self.report.add(r.WARNING, f"paragraph ends without closing punctuation: “…{self.open.text[-12:]}”",
                                self.open.last.line.file, self.open.last.line.number, self.id)
            if self.open.text:
                self.body.blocks.append(Paragraph.plain(self.open.text))
            self.open = None
        for figure, unit in self.pending:
            self._place(figure, unit)
        self.pending = []
