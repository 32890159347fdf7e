"""From page segments to the issue model.

Pages get their number, label, section and editor from their running heads;
stories that jump are joined with their continuations; each article's body
is rebuilt (rejoin, classifieds), its text normalised by the typography
core and checked for likely misprints; the issue takes its date and the
paper's name from the heads or from the caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import InputError, Location, ModelError, Problem
from ..model import (
    Article, ArticleKind, Block, Figure, Issue, Notice, Page, Paragraph, Publication, PublicationCode,
    Subhead, validate_issue,
)
from ..transforms.normalize import normalize_article
from . import report as r
from .classifieds import notice_article
from .classify import could_be_headline
from .headers import RunningHead
from .jumps import page_key
from .rejoin import BodyBuilder
from .report import ImportReport
from .segment import Floating, Segment
from .text import han_count
from .typos import find_typos
from .units import TEXT, PageUnits, Unit
from .words import Vocabulary

BRIEF_MAX = 600  # body characters of a brief (简讯)


@dataclass
class PageDraft:
    index: int
    units: PageUnits
    segments: list[Segment]
    number: int = 0
    label: str = ""
    section: str = ""
    editor: str = ""

    @property
    def file(self) -> str:
        return self.units.file

    @property
    def key(self) -> str:
        return page_key(self.label) if self.label else str(self.number)


@dataclass
class Story:
    """One article: its first segment and the continuations joined to it."""

    page: PageDraft
    segments: list[Segment] = field(default_factory=list)


def place_floating(segments: list[Segment], floating: list[Floating], page: int) -> None:
    """Give each caption found between two stories to the one whose words it shares."""
    for item in floating:
        before = segments[item.after] if item.after >= 0 else None
        after = segments[item.after + 1] if item.after + 1 < len(segments) else None
        if before is None and after is None:
            segments.append(Segment(page, units=[item.unit]))
            continue
        if after is None or (before is not None and _overlap(item.unit.text, before) > _overlap(item.unit.text, after)):
            before.units.append(item.unit)
        else:
            after.units.insert(0, item.unit)


def _overlap(text: str, segment: Segment) -> int:
    words = _bigrams(text)
    head = segment.head.title if segment.head else ""
    body = head + "".join(u.text for u in segment.units[:6] if u.kind == TEXT)
    return len(words & _bigrams(body))


def page_words(pages: list[PageUnits]) -> Vocabulary:
    """The pairs of characters that are words of the pages' text lines (see ``words``)."""
    return Vocabulary([u.text for page in pages for u in page.units if u.kind == TEXT])


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if han_count(text[i : i + 2]) == 2}


def number_pages(pages: list[PageDraft], report: ImportReport) -> None:
    used: set[int] = set()
    previous = 0
    for page in pages:
        heads = page.units.heads
        number, label = next(((n, lab) for h in heads for n, lab in [h.page] if lab), (None, ""))
        if number is not None and (number in used or number <= 0):
            report.add(r.WARNING, f"the running head says {label}, which another page already is: "
                       "numbered in order instead", page.file)
            number = None
        page.number = number if number is not None else previous + 1
        while page.number in used:
            page.number += 1
        used.add(page.number)
        previous = page.number
        page.label = label if label and not label.startswith("第") else ""
        page.section = next((h.section for h in heads if h.section), "")
        page.editor = next((h.editor for h in heads if h.editor), "")


def link_jumps(pages: list[PageDraft], report: ImportReport) -> list[Story]:
    claimed: set[int] = set()
    stories: list[Story] = []
    for page in pages:
        for segment in page.segments:
            if id(segment) in claimed:
                continue
            if segment.jump_in is not None:
                unit = segment.jump_in_unit
                report.add(r.WARNING, f"no story on the pages given jumps here ({segment.jump_in.mark}): "
                           "kept as a story of its own", page.file, unit.line.number if unit else None)
            story = Story(page, [segment])
            stories.append(story)
            tail = segment
            while tail.jump_out is not None:
                nxt = _continuation(pages, page_of(pages, tail), tail, story, claimed)
                if nxt is None:
                    unit = tail.jump_out_unit
                    report.add(r.WARNING, f"the story jumps to another page ({tail.jump_out.mark}) but its "
                               "continuation was not found among the pages given", page_of(pages, tail).file,
                               unit.line.number if unit else None)
                    break
                claimed.add(id(nxt))
                story.segments.append(nxt)
                tail = nxt
    return stories


def page_of(pages: list[PageDraft], segment: Segment) -> PageDraft:
    return pages[segment.page]


def _continuation(pages: list[PageDraft], source: PageDraft, segment: Segment, story: Story,
                  claimed: set[int]) -> Segment | None:
    assert segment.jump_out is not None
    targets = [p for p in pages if p.key == segment.jump_out.key and p.index != source.index]
    candidates = [
        s for p in targets for s in p.segments
        if s.jump_in is not None and id(s) not in claimed and s.jump_in.key in (source.key, str(source.number))
    ]
    if not candidates:
        return None
    title = story.segments[0].head.title if story.segments[0].head else ""
    return max(candidates, key=lambda s: len(_bigrams(title) & _bigrams(s.head.title if s.head else "")))


# ------------------------------------------------------------------ articles


def build_article(story: Story, article_id: str, pages: list[PageDraft], words: Vocabulary,
                  report: ImportReport) -> Article:
    first = story.segments[0]
    head = first.head
    if first.notice:
        title, blocks = notice_article(first.units, article_id, report)
        return Article(article_id, title, ArticleKind.NOTICE, blocks=tuple(blocks), section=story.page.section)
    gaps = {p.file: p.units.photo_gap for p in pages}
    builder = BodyBuilder(article_id, report, gaps, words, has_dateline=bool(head and head.dateline))
    for n, segment in enumerate(story.segments):
        if n:
            source = pages[story.segments[n - 1].page]
            target = pages[segment.page]
            builder.jump(f"a jump from {source.file} to {target.file}")
            _record_jump(story.segments[n - 1], segment, source, target, article_id, report)
            units = _without_repeated_headline(segment.units, head.title if head else "", target, article_id, report)
        else:
            units = segment.units
        builder.add_units(units)
    body = builder.finish()
    title = head.title if head else ""
    if not title:
        title = _title_from_text(first, body.blocks)
        line = first.first_unit.line if first.first_unit else None
        report.add(r.WARNING, f"no headline found: titled “{title}” from its first words; check it",
                   line.file if line else story.page.file, line.number if line else None, article_id)
    dateline = (head.dateline if head else None) or body.start_dateline or body.end_dateline
    return Article(
        id=article_id,
        title=title,
        kind=_kind(body.blocks),
        kicker=head.kicker if head else "",
        subtitle=head.subtitle if head else "",
        byline=(head.byline if head else "") or body.end_byline,
        dateline=dateline,
        blocks=tuple(body.blocks),
        section=story.page.section,
    )


def _record_jump(out: Segment, into: Segment, source: PageDraft, target: PageDraft, article_id: str,
                 report: ImportReport) -> None:
    out_line = out.jump_out_unit.line.number if out.jump_out_unit else None
    in_line = into.jump_in_unit.line.number if into.jump_in_unit else None
    report.add(r.JOINED_JUMP, f"continued from {source.file}:{out_line} to {target.file}:{in_line}",
               target.file, in_line, article_id)
    if into.head is not None:
        report.add(r.DROPPED_MARKER, f"dropped the repeated headline “{into.head.title}”", target.file,
                   into.head.units[0].line.number if into.head.units else None, article_id)


def _without_repeated_headline(units: list[Unit], title: str, page: PageDraft, article_id: str,
                               report: ImportReport) -> list[Unit]:
    """A continuation may repeat the headline after the jump-in mark: drop it when it echoes the title."""
    first = next((k for k, u in enumerate(units) if u.kind == TEXT), None)
    if first is None or not could_be_headline(units[first].text):
        return units
    line = _bigrams(units[first].text)
    if not line or len(line & _bigrams(title)) * 2 < len(line):
        return units
    report.add(r.DROPPED_MARKER, f"dropped the repeated headline “{units[first].text}”", page.file,
               units[first].line.number, article_id)
    return units[:first] + units[first + 1:]


def _title_from_text(segment: Segment, blocks: list[Block]) -> str:
    text = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
    if not text:
        text = next((b.caption for b in blocks if isinstance(b, Figure)), "") or "（无题）"
    for i, char in enumerate(text):
        if char in "，。！？；：,.!?;:" or i >= 20:
            return text[:i] or text[:20]
    return text


def _kind(blocks: list[Block]) -> ArticleKind:
    figures = any(isinstance(b, Figure) for b in blocks)
    text = sum(len(b.text) for b in blocks if isinstance(b, Paragraph))
    paragraphs = text > 0
    if figures and not paragraphs:
        return ArticleKind.PHOTO
    if figures:
        return ArticleKind.FEATURE
    if text <= BRIEF_MAX and not any(isinstance(b, Subhead) for b in blocks):
        return ArticleKind.BRIEF
    return ArticleKind.NEWS


def finish_article(article: Article, file: str, report: ImportReport) -> Article:
    """Normalise the punctuation (counted) and flag likely misprints."""
    article, changes = normalize_article(article)
    if changes:
        counts = ", ".join(f"{kind} ×{n}" for kind, n in sorted(changes.items()))
        report.add(r.PUNCTUATION, counts, file, article=article.id)
    for where, text in _texts(article):
        for offset, typo in find_typos(text):
            context = text[max(0, offset - 8) : offset + len(typo.wrong) + 8]
            report.add(r.POSSIBLE_TYPO, f"“{typo.wrong}” (usually “{typo.right}”) in {where}: …{context}…",
                       file, article=article.id)
    for block in article.blocks:
        if isinstance(block, Figure):
            report.add(r.PLACEHOLDER_IMAGE, f"{block.image} is a grey placeholder for the photo captioned "
                       f"“{block.caption[:20]}”: replace it with the photo", file, article=article.id)
    return article


def _texts(article: Article):
    for name in ("kicker", "title", "subtitle", "byline"):
        if getattr(article, name):
            yield name, getattr(article, name)
    for i, block in enumerate(article.blocks):
        if isinstance(block, (Paragraph, Subhead)):
            yield f"block {i + 1}", block.text
        elif isinstance(block, Figure):
            yield f"caption {i + 1}", block.caption
        elif isinstance(block, Notice):
            yield f"notice {i + 1}", block.title + "".join(block.paragraphs)


# ------------------------------------------------------------------ issue


def issue_metadata(pages: list[PageDraft], date: dt.date | None, publication: str | None,
                   report: ImportReport) -> tuple[dt.date, Publication, int | None]:
    heads: list[tuple[PageDraft, RunningHead]] = [(p, h) for p in pages for h in p.units.heads]
    problems = []
    found = next(((p, h) for p, h in heads if h.date is not None), None)
    if found is not None:
        page, head = found
        if head.weekday is not None and head.date is not None and head.date.weekday() != head.weekday:
            report.add(r.WARNING, f"the running head gives {head.date.isoformat()} but a weekday that does "
                       "not match it", page.file)
    if date is not None:
        if found is not None and found[1].date != date:
            report.add(r.WARNING, f"--date {date.isoformat()} differs from the date in the running head "
                       f"({found[1].date}): --date used", found[0].file)
        report.add(r.METADATA, f"issue date {date.isoformat()} from --date")
    elif found is not None:
        date = found[1].date
        report.add(r.METADATA, f"issue date {date.isoformat()} from the running head", found[0].file)
    else:
        problems.append(Problem("no date found in the pages' running heads: give the issue date with "
                                "--date YYYY-MM-DD", Location(field="--date")))
    paper = next((p.units.paper for p in pages if p.units.paper), "") or next(
        (h.paper for _, h in heads if h.paper), "")
    name = (publication or "").strip()
    if name:
        report.add(r.METADATA, f"publication “{name}” from --publication")
    elif paper:
        name = paper
        report.add(r.METADATA, f"publication “{name}” from the masthead")
    else:
        problems.append(Problem("no newspaper name found on the pages: give it with --publication NAME",
                                Location(field="--publication")))
    if problems:
        raise InputError(problems)
    codes = tuple(dict.fromkeys(PublicationCode(label, value) for _, h in heads for label, value in h.codes))
    number = next((h.issue_number for _, h in heads if h.issue_number is not None), None)
    assert date is not None
    return date, Publication(name=name, codes=codes), number


def make_issue(pages: list[PageDraft], stories: list[Story], date: dt.date, publication: Publication,
               number: int | None, words: Vocabulary, report: ImportReport) -> Issue:
    by_page: dict[int, list[Article]] = {p.index: [] for p in pages}
    for story in stories:
        articles = by_page[story.page.index]
        article_id = f"p{story.page.number:02d}-{len(articles) + 1:02d}"
        article = build_article(story, article_id, pages, words, report)
        articles.append(finish_article(article, story.page.file, report))
    issue = Issue(
        publication=publication,
        date=date,
        pages=tuple(Page(p.number, p.section, p.label, p.editor, tuple(by_page[p.index])) for p in pages),
        number=number,
    )
    problems = validate_issue(issue)
    if problems:
        raise ModelError(problems)
    for _, article in issue.articles():
        report.articles.append({"id": article.id, "kind": article.kind.value, "title": article.title,
                                "blocks": len(article.blocks)})
    return issue
