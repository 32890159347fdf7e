"""A page's lines as units: text, photo captions and jump marks.

This pass takes out what is not running text (page headers and footers,
masthead lines, heads that landed inside a sentence), cuts jump marks off
the lines they end or start, and recognises photo captions by their credit.
Everything it drops or lifts is recorded in the report. What each text unit
*is* (headline, paragraph, subhead …) is decided later, in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..structure.credits import is_credit, split_credit
from . import report as r
from .headers import RunningHead, find_inline_head, is_paper_name, parse_running_head
from .jumps import Jump, split_jump_in, split_jump_out
from .lines import Line, photo_slot_gap, split_lines
from .report import ImportReport
from .text import ends_sentence

TEXT = "text"
CAPTION = "caption"
JUMP_OUT = "jump-out"
JUMP_IN = "jump-in"

# A caption is a sentence or two; a longer line ending in a credit is text.
CAPTION_MAX = 160
# How captions without a credit open: 图为…, 上图：…, 图①：…
_CAPTION_START = re.compile(r"^(?:图为|(?:上|下|左|右|题|组)图[：:]|图[①-⑨\d][：:]|[①-⑨]图为)")


@dataclass
class Unit:
    kind: str
    text: str
    line: Line
    gap: int  # blank lines before it
    credit: str = ""
    jump: Jump | None = None
    heads_before: list[str] = field(default_factory=list)  # running heads dropped just before it

    @property
    def where(self) -> tuple[str, int]:
        return self.line.file, self.line.number


@dataclass
class PageUnits:
    file: str
    units: list[Unit]
    heads: list[RunningHead]
    paper: str  # the paper's name from a masthead line
    photo_gap: int  # blank lines that mark an empty photo slot on this page


def page_units(text: str, file: str, report: ImportReport) -> PageUnits:
    lines = split_lines(text, file)
    units: list[Unit] = []
    heads: list[RunningHead] = []
    dropped: list[str] = []
    paper = ""
    for line in lines:
        head = parse_running_head(line.text)
        if head is not None:
            heads.append(head)
            dropped.append(line.text)
            report.add(r.DROPPED_HEADER, f"dropped running head {line.text!r}", file, line.number)
            continue
        if not units and is_paper_name(line.text):
            paper = line.text
            dropped.append(line.text)
            report.add(r.DROPPED_HEADER, f"dropped masthead name {line.text!r}", file, line.number)
            continue
        text = _cut_inline_heads(line, heads, report)
        new = _units_of_line(line, text, report)
        if new:
            new[0].heads_before, dropped = dropped, []
            if _credit_of_caption_above(units, new[0]):
                new = new[1:]
            units.extend(new)
    return PageUnits(file, units, heads, paper, photo_slot_gap(lines))


def _cut_inline_heads(line: Line, heads: list[RunningHead], report: ImportReport) -> str:
    text = line.text
    while (found := find_inline_head(text)) is not None:
        start, end, head = found
        heads.append(head)
        report.add(r.DROPPED_HEADER, f"dropped running head {head.text!r} from inside the line", line.file,
                   line.number)
        before, after = text[:start].rstrip(), text[end:].lstrip()
        text = before + after
    return text


def _units_of_line(line: Line, text: str, report: ImportReport) -> list[Unit]:
    units: list[Unit] = []
    jump_in = split_jump_in(text)
    if jump_in is not None:
        jump, text = jump_in
        units.append(Unit(JUMP_IN, jump.mark, line, line.blanks_before, jump=jump))
        report.add(r.DROPPED_MARKER, f"dropped jump mark {jump.mark}", line.file, line.number)
        text = text.strip()
    jump_out = split_jump_out(text)
    tail: list[Unit] = []
    if jump_out is not None:
        text, jump = jump_out
        text = text.strip()
        tail.append(Unit(JUMP_OUT, jump.mark, line, 0, jump=jump))
        report.add(r.DROPPED_MARKER, f"dropped jump mark {jump.mark}", line.file, line.number)
    if text:
        gap = 0 if units else line.blanks_before
        caption = _caption(text)
        if caption is not None:
            units.append(Unit(CAPTION, caption[0], line, gap, credit=caption[1]))
        else:
            units.append(Unit(TEXT, text, line, gap))
    return units + tail


def _caption(text: str) -> tuple[str, str] | None:
    """(caption, credit) when the line is a photo caption: it ends with a credit, or opens
    like one (图为…, 上图：…) — then the credit may be missing."""
    if is_credit(text):
        return "", text.strip("（）() ")
    if len(text) > CAPTION_MAX:
        return None
    caption, credit = split_credit(text)
    if credit or _CAPTION_START.match(text):
        return caption, credit
    return None


def _credit_of_caption_above(units: list[Unit], unit: Unit) -> bool:
    """A credit on a line of its own, right under a short sentence standing in a photo slot:
    that sentence is the caption, and takes the credit (True when it did)."""
    if unit.kind != CAPTION or unit.text or not units:
        return False
    previous = units[-1]
    if previous.kind == TEXT and unit.gap <= 1 and len(previous.text) <= CAPTION_MAX and \
            ends_sentence(previous.text) and previous.gap >= 2:
        previous.kind, previous.credit = CAPTION, unit.credit
        return True
    return False
