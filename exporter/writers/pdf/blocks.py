"""An article as what a newspaper block sets: paragraphs with their styles, and pictures.

This module decides *what* is set and in which style (kicker, headline,
subtitle and byline over the block; the dateline as a bold run opening the
first paragraph or as a line at the end; subheads in bold; captions in the
Kai face with the credit under them; notices small). It makes plain specs,
before any font is registered, so that the writer can collect every
character it will set and plan the fonts first. ``content.py`` turns the
specs into measured column items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ...errors import Location
from ...model import (
    Article,
    ArticleKind,
    DatelinePosition,
    Figure,
    ListBlock,
    Notice,
    Paragraph,
    Quote,
    Run,
    Subhead,
)
from ...themes import Theme
from ...typography.labels import list_marker
from .text import ParaStyle, TextSpan

# How a model kind is laid out.
LEAD, STORY, BRIEF, NOTICE = "lead", "story", "brief", "notice"


@dataclass(frozen=True)
class Para:
    """A paragraph to set: styled spans and a paragraph style."""

    spans: tuple[TextSpan, ...]
    style: ParaStyle
    tag: str  # body, subhead, caption … (what kind of text it is)
    keep_with_next: bool = False
    source: str = ""  # the model field it comes from, for error messages

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Picture:
    """A figure: the image file, its pixel shape, and the caption and credit under it."""

    path: Path
    aspect: float  # height / width
    caption: Para | None
    credit: Para | None
    alt: str


Body = Para | Picture


@dataclass(frozen=True)
class HeaderPart:
    """One line group of the headline: kicker, title, subtitle or byline."""

    tag: str
    text: str

    @property
    def source(self) -> str:
        return "title" if self.tag == "title" else self.tag


@dataclass
class ArticleSpec:
    article: Article
    layout: str  # LEAD, STORY, BRIEF or NOTICE
    header: list[HeaderPart]
    body: list[Body]
    front: bool  # on the first page (the lead there gets the largest headline)
    location: Location = field(default_factory=Location)

    @property
    def boxed(self) -> bool:
        return self.layout == NOTICE


class Styles:
    """Paragraph styles from the theme's text styles."""

    def __init__(self, theme: Theme):
        self.theme = theme
        self.color = theme.color("text")
        self._made: dict[tuple, ParaStyle] = {}

    def para(self, name: str, **options) -> ParaStyle:
        key = (name, *sorted(options.items()))
        found = self._made.get(key)  # made once: the layout asks for the same styles thousands of times
        if found is None:
            style = self.theme.style(name)
            options.setdefault("color", self.color)
            found = self._made[key] = ParaStyle(role=style.font, size=style.size, leading=style.leading,
                                                **options)
        return found

    def role(self, name: str) -> str:
        return self.theme.style(name).font

    def size(self, name: str) -> float:
        return self.theme.style(name).size

    # the styles of the parts of an article

    def body(self) -> ParaStyle:
        return self.para("body", align="justify", first_indent_em=2.0)

    def headline(self, name: str) -> ParaStyle:
        return self.para(name, align="center")

    def header(self, tag: str, headline: str) -> ParaStyle:
        if tag == "title":
            return self.headline(headline)
        return self.para(tag, align="center")


def layout_kind(article: Article, index: int) -> str:
    if article.kind is ArticleKind.NOTICE:
        return NOTICE
    if index == 0:
        return LEAD
    if article.kind is ArticleKind.BRIEF:
        return BRIEF
    return STORY


def article_spec(
    article: Article,
    index: int,
    front: bool,
    styles: Styles,
    image_path: Callable[[str], Path],
    image_size: Callable[[Path], tuple[int, int]],
) -> ArticleSpec:
    """What is set for ``article``, the ``index``-th of its page."""
    kind = layout_kind(article, index)
    header = [
        HeaderPart(tag, text)
        for tag, text in (
            ("kicker", article.kicker),
            ("title", article.title),
            ("subtitle", article.subtitle),
            ("byline", article.byline),
        )
        if text
    ]
    maker = _BodyMaker(article, styles, kind, image_path, image_size)
    return ArticleSpec(article, kind, header, list(maker.blocks()), front, Location(article=article.id))


class _BodyMaker:
    def __init__(self, article: Article, styles: Styles, kind: str, image_path, image_size):
        self.article = article
        self.styles = styles
        self.notice = kind == NOTICE
        self.image_path = image_path
        self.image_size = image_size

    def blocks(self) -> Iterator[Body]:
        dateline = self.article.dateline
        opening = (
            dateline.text if dateline is not None and dateline.position is DatelinePosition.START else ""
        )
        for index, block in enumerate(self.article.blocks):
            where = f"blocks[{index}]"
            if opening and isinstance(block, Paragraph):
                yield self.paragraph(block.runs, where, lead_in=opening)
                opening = ""
                continue
            yield from self.block(block, where)
        if opening:  # a dateline with no paragraph to open: a line of its own
            yield self.paragraph((), "dateline.text", lead_in=opening)
        if dateline is not None and dateline.position is DatelinePosition.END and dateline.text:
            yield self.paragraph((Run(dateline.text, strong=True),), "dateline.text")

    def block(self, block, where: str) -> Iterator[Body]:
        styles = self.styles
        if isinstance(block, Paragraph):
            yield self.paragraph(block.runs, where)
        elif isinstance(block, Subhead):
            yield Para(
                (TextSpan(block.text, styles.role("subhead")),),
                styles.para("subhead", align="center"),
                "subhead",
                keep_with_next=True,
                source=where,
            )
        elif isinstance(block, Quote):
            for j, paragraph in enumerate(block.paragraphs):
                yield self.paragraph(
                    paragraph.runs, f"{where}.paragraphs[{j}]", role=styles.role("caption"), tag="quote"
                )
        elif isinstance(block, Figure):
            yield self.picture(block, where)
        elif isinstance(block, Notice):
            if block.title:
                yield Para(
                    (TextSpan(block.title, styles.role("notice-title")),),
                    styles.para("notice-title", align="center"),
                    "notice-title",
                    keep_with_next=True,
                    source=f"{where}.title",
                )
            for j, line in enumerate(block.paragraphs):
                if line:
                    yield Para(
                        (TextSpan(line, styles.role("notice")),),
                        styles.para("notice", align="justify"),
                        "notice",
                        source=f"{where}.paragraphs[{j}]",
                    )
        elif isinstance(block, ListBlock):
            for j, item in enumerate(block.items):
                marker = Run(list_marker(block.ordered, j + 1))
                yield self.paragraph((marker, *item.runs), f"{where}.items[{j}]", tag="list-item")
        else:  # the model's block set is closed; a new type must be handled here
            raise TypeError(f"no PDF rendering for {type(block).__name__}")

    def paragraph(
        self,
        runs: tuple[Run, ...],
        where: str,
        *,
        lead_in: str = "",
        role: str | None = None,
        tag: str = "body",
    ) -> Para:
        styles = self.styles
        name = "notice" if self.notice else "body"
        base = role or styles.role(name)
        spans = []
        if lead_in:
            spans.append(TextSpan(lead_in, styles.role("dateline"), size=styles.size(name)))
        for run in runs:
            if not run.text:
                continue
            if run.strong:
                spans.append(TextSpan(run.text, styles.role("dateline")))  # the bold body face
            elif run.emphasis:
                spans.append(TextSpan(run.text, styles.role("caption")))  # Kai: the Chinese italic
            else:
                spans.append(TextSpan(run.text, base))
        if self.notice:
            return Para(tuple(spans), styles.para("notice", align="justify"), "notice", source=where)
        return Para(tuple(spans), styles.body(), tag, source=where)

    def picture(self, figure: Figure, where: str) -> Picture:
        styles = self.styles
        path = self.image_path(figure.image)
        width, height = figure.width, figure.height
        if not (width and height):
            width, height = self.image_size(path)
        caption = credit = None
        if figure.caption:
            caption = Para(
                (TextSpan(figure.caption, styles.role("caption")),),
                styles.para("caption", align="left"),
                "caption",
                source=f"{where}.caption",
            )
        if figure.credit:
            credit = Para(
                (TextSpan(figure.credit, styles.role("credit")),),
                styles.para("credit", align="right"),
                "credit",
                source=f"{where}.credit",
            )
        return Picture(path, height / width, caption, credit, figure.alt)


HEADLINE_STYLES = ("lead-headline", "headline", "brief-headline")


def spec_texts(spec: ArticleSpec, styles: Styles) -> Iterator[tuple[str, str, str]]:
    """Every (font role, text, model field) the spec can set, for font planning before drawing."""
    for part in spec.header:
        names = HEADLINE_STYLES if part.tag == "title" else (part.tag,)
        for name in names:
            yield styles.role(name), part.text, part.source
    for body in spec.body:
        paras = [body] if isinstance(body, Para) else [p for p in (body.caption, body.credit) if p]
        for para in paras:
            for span in para.spans:
                yield span.role or para.style.role, span.text, para.source
