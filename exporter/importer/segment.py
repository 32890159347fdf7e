"""Cutting a page's units into article segments.

An article starts at a headline group: one or more short headline lines,
perhaps a subtitle (——…), a byline, captions, then the body. A group of
short lines is a headline (and not a subhead or a cut paragraph) when

* a dateline opens the text after it (新华社日内瓦1月24日电…), or it holds a
  subtitle, a byline or a dateline line of its own, or a caption with its
  own dateline follows it (a photo story); or
* the story before it has ended (a closing dateline, a jump-out mark, the
  start of the page) and text follows; or
* it has two or more short headline lines without pauses (，、；) after a
  finished paragraph, and the last of them does not run on into the next
  line.

A jump-in mark after a group makes the group a repeated headline and the
segment a continuation. The classified-ads block is a segment of its own
that runs to the end of the page, or to the next headline that a dateline,
byline or subtitle confirms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Dateline, DatelinePosition
from ..structure.byline import parse_byline
from ..structure.dateline import parse_dateline
from .classify import (
    could_be_headline, heading_text, is_byline, is_dateline_only, is_subtitle, starts_with_dateline,
)
from .jumps import Jump
from .notices import is_hotline, is_notice_title, looks_like_notice_text, split_label
from .text import ends_sentence, starts_continuation, tight
from .words import Vocabulary
from .units import CAPTION, JUMP_IN, JUMP_OUT, TEXT, Unit

END_DATELINE = "end-dateline"
END_BYLINE = "end-byline"
GROUP_MAX = 6  # lines in a headline group


@dataclass
class Head:
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    dateline: Dateline | None = None
    units: list[Unit] = field(default_factory=list)
    captions: list[Unit] = field(default_factory=list)  # captions that stood among the lines


@dataclass
class Segment:
    page: int  # index of the page in the import
    head: Head | None = None
    units: list[Unit] = field(default_factory=list)
    notice: bool = False
    jump_in: Jump | None = None
    jump_in_unit: Unit | None = None
    jump_out: Jump | None = None
    jump_out_unit: Unit | None = None
    ended: bool = False

    @property
    def has_text(self) -> bool:
        return any(u.kind == TEXT for u in self.units)

    @property
    def first_unit(self) -> Unit | None:
        units = (self.head.units if self.head else []) + self.units
        return units[0] if units else self.jump_in_unit

    def last_text(self) -> Unit | None:
        return next((u for u in reversed(self.units) if u.kind == TEXT), None)


@dataclass
class Floating:
    """A caption between two stories; which one it belongs to is decided later."""

    unit: Unit
    after: int  # index of the segment before it (-1: none)


class _Segmenter:
    def __init__(self, units: list[Unit], page: int, words: Vocabulary | None):
        self.units, self.page, self.words = units, page, words or Vocabulary()
        self.segments: list[Segment] = []
        self.floating: list[Floating] = []
        self.current: Segment | None = None

    @property
    def ended(self) -> bool:
        return self.current is None or self.current.ended

    def start(self, segment: Segment) -> Segment:
        if self.current is not None:
            self.current.ended = True
        self.segments.append(segment)
        self.current = segment
        return segment

    def run(self) -> list[Segment]:
        i = 0
        while i < len(self.units):
            i = self.step(i)
        return self.segments

    def step(self, i: int) -> int:
        unit = self.units[i]
        if unit.kind == CAPTION:
            if self.ended:
                self.floating.append(Floating(unit, len(self.segments) - 1))
            else:
                self.current.units.append(unit)
            return i + 1
        if unit.kind == JUMP_OUT:
            if self.current is not None and not self.current.ended:
                self.current.jump_out, self.current.jump_out_unit = unit.jump, unit
                self.current.ended = True
            return i + 1
        if unit.kind == JUMP_IN:
            self.start(Segment(self.page, jump_in=unit.jump, jump_in_unit=unit))
            return i + 1
        in_notices = self.current is not None and self.current.notice and not self.current.ended
        if not in_notices and opens_notices(self.units, i):
            self.start(Segment(self.page, notice=True))
            in_notices = True
        else:
            head, end = headline_group(self.units, i, self.ended or in_notices, self.current, self.words)
            if head is not None and (not in_notices or _confirmed(head, self.units, end)):
                segment = self.start(Segment(self.page, head=head, units=list(head.captions)))
                if end < len(self.units) and self.units[end].kind == JUMP_IN:
                    segment.jump_in, segment.jump_in_unit = self.units[end].jump, self.units[end]
                    end += 1
                return end
        if self.ended:
            self.start(Segment(self.page))
        current = self.current
        assert current is not None
        if not current.notice and current.has_text:
            if is_dateline_only(unit.text):
                current.units.append(Unit(END_DATELINE, unit.text, unit.line, unit.gap,
                                          heads_before=unit.heads_before))
                current.ended = True
                return i + 1
            if _end_byline(unit.text):
                current.units.append(Unit(END_BYLINE, unit.text, unit.line, unit.gap,
                                          heads_before=unit.heads_before))
                current.ended = True
                return i + 1
        current.units.append(unit)
        return i + 1


def _end_byline(text: str) -> bool:
    """（记者 张三） or （本报记者 张三 李四）: a byline in brackets closing a story."""
    text = text.strip()
    return text[:1] in "（(" and text[-1:] in "）)" and parse_byline(text) is not None


def _confirmed(head: Head, units: list[Unit], end: int) -> bool:
    """A headline confirmed by a subtitle, byline or dateline (not only by its position)."""
    if head.subtitle or head.byline or head.dateline:
        return True
    return _opens_with_dateline(units, _index_of(units, _next_text(units, end)))


def _index_of(units: list[Unit], unit: Unit | None) -> int:
    return next((k for k, u in enumerate(units) if u is unit), -1)


def _opens_with_dateline(units: list[Unit], k: int) -> bool:
    """The text at ``k`` opens with a dateline, perhaps one that a column break cut (新华社茂名1月|25日电)."""
    if k < 0 or units[k].kind != TEXT:
        return False
    text = units[k].text
    if starts_with_dateline(text):
        return True
    following = _next_text(units, k + 1)
    if following is None or len(text) > 16:
        return False
    parsed = parse_dateline(text + following.text)
    return parsed is not None and len(parsed.text) > len(text)


def _next_text(units: list[Unit], start: int) -> Unit | None:
    for unit in units[start:]:
        if unit.kind == CAPTION:
            continue
        return unit if unit.kind == TEXT else None
    return None


def opens_notices(units: list[Unit], i: int) -> bool:
    text = units[i].text
    if split_label(text) is not None or is_hotline(text):
        return True
    if is_notice_title(text):
        following = _next_text(units, i + 1)
        return following is not None and looks_like_notice_text(following.text) and \
            not starts_with_dateline(following.text)
    return False


def headline_group(units: list[Unit], i: int, after_end: bool, current: Segment | None,
                   words: Vocabulary | None = None) -> tuple[Head | None, int]:
    """The headline group starting at ``i`` and the index after it, or (None, i)."""
    words = words or Vocabulary()
    roles: list[tuple[str, Unit]] = []
    captions: list[Unit] = []  # captions between the group's lines: they go to its body
    order = {"head": 0, "sub": 1, "by": 2, "dateline": 3}
    j, end = i, i
    photo = False
    while j < len(units) and len(roles) < GROUP_MAX:
        unit = units[j]
        if unit.kind == CAPTION:
            if roles and parse_dateline(unit.text) is not None:
                photo = True  # a caption with its own dateline under a headline: a photo story
                break
            captions.append(unit)
            j += 1
            continue
        if unit.kind != TEXT:
            break
        role = _role(unit.text)
        if role is None or (roles and order[role] < order[roles[-1][0]]) or _opens_with_dateline(units, j):
            break
        if role == "head" and roles and unit.gap >= 3:
            break  # a wide gap between two short lines: not one headline
        roles.append((role, unit))
        j = end = j + 1  # captions after the last line of the group belong to the body
        if role == "dateline":
            break
    if not any(role == "head" for role, _ in roles):
        return None, i
    following = _next_text(units, end)
    heads = [u for role, u in roles if role == "head"]
    strong = photo or any(role != "head" for role, _ in roles) or \
        _opens_with_dateline(units, _index_of(units, following)) or (end < len(units) and units[end].kind == JUMP_IN)
    if not strong:
        if following is None and not (end < len(units) and units[end].kind == CAPTION):
            return None, i
        if not after_end:
            last = current.last_text() if current else None
            finished = last is None or ends_sentence(last.text)
            runs_on = following is not None and (
                starts_continuation(following.text) or heads[-1].text[-1:] + following.text[:1] in words)
            if len(heads) < 2 or not finished or runs_on or not all(tight(u.text) for u in heads):
                return None, i
    head = _head(roles)
    head.captions = [c for c in captions if units.index(c) < end]
    return head, end


def _role(text: str) -> str | None:
    if is_subtitle(text):
        return "sub"
    if is_byline(text) and not _end_byline(text):
        return "by"
    if is_dateline_only(text):
        return "dateline"
    if could_be_headline(text):
        return "head"
    return None


def _head(roles: list[tuple[str, Unit]]) -> Head:
    head = Head(units=[u for _, u in roles])
    heads = [heading_text(u.text) for role, u in roles if role == "head"]
    subs = [u.text for role, u in roles if role == "sub"]
    bylines = [parse_byline(u.text) or u.text for role, u in roles if role == "by"]
    datelines = [u.text for role, u in roles if role == "dateline"]
    head.kicker, head.title, deck = split_headline(heads)
    head.subtitle = " ".join(([deck] if deck else []) + subs)
    head.byline = " ".join(bylines)
    if datelines:
        text = datelines[0].strip("（）()")
        head.dateline = parse_dateline(text, DatelinePosition.START) or Dateline(text=text)
    return head


def split_headline(lines: list[str]) -> tuple[str, str, str]:
    """(kicker, title, deck) from the headline lines of a group.

    One line is the title. Of two, the first is a kicker (引题) when it is
    marked as one (it ends with a colon or dash, holds two phrases set apart
    by a space, or is a short label over a much longer line); the second is
    a deck when it reads like one (it has pauses the first has not, or is
    much longer); otherwise the two are one headline broken over two lines,
    joined by a space. Three or more: kicker, title, deck.
    """
    if len(lines) == 1:
        return "", lines[0], ""
    if len(lines) == 2:
        first, second = lines
        if _kicker_cue(first, second):
            return first, second, ""
        if _deck_cue(first, second):
            return "", first, second
        return "", f"{first} {second}", ""
    return lines[0], lines[1], " ".join(lines[2:])


def _kicker_cue(first: str, second: str) -> bool:
    if first.endswith(("：", ":", "——")):
        return True
    if " " in first.strip() or "\u3000" in first.strip():
        return True
    return len(first) <= 8 and len(second) >= 1.5 * len(first)


def _deck_cue(first: str, second: str) -> bool:
    pauses = "，、；,;"
    if any(c in second for c in pauses) and not any(c in first for c in pauses):
        return True
    return len(second) >= 1.5 * len(first) + 4


def segment_page(
    units: list[Unit], page: int, words: Vocabulary | None = None
) -> tuple[list[Segment], list[Floating]]:
    """The page's stories in order, and the captions found between two of them.

    ``words`` are the words of the pages' own text (see ``words``): a
    headline line whose last character makes one with the next line's first
    is a cut sentence, not a headline.
    """
    segmenter = _Segmenter(units, page, words)
    segments = segmenter.run()
    return segments, segmenter.floating
