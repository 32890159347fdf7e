"""Body blocks of an article and the inline runs inside paragraphs.

The set of block types is closed: every writer handles every one of them.
Text is stored as the reader should see it (normalised Unicode, no layout
characters); how it is drawn is the writers' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one set of attributes.

    A run with no attribute set is plain text; ``href`` makes it a link.
    """

    text: str
    emphasis: bool = False
    strong: bool = False
    href: str | None = None

    @property
    def is_plain(self) -> bool:
        return not (self.emphasis or self.strong or self.href)


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @classmethod
    def plain(cls, text: str) -> "Paragraph":
        return cls((Run(text),))


@dataclass(frozen=True)
class Subhead:
    """A 小标题 inside a long article."""

    text: str


@dataclass(frozen=True)
class Quote:
    """A set-off quotation (block quote) of one or more paragraphs."""

    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Figure:
    """A picture with its caption (图片说明) and credit (… 摄).

    ``image`` is a path relative to the issue folder, using ``/``.
    ``width``/``height`` are pixel sizes when known.
    """

    image: str
    caption: str = ""
    credit: str = ""
    alt: str = ""
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Notice:
    """One classified notice (遗失声明, 招聘 …): a title and its lines."""

    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.paragraphs)


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Paragraph, ...]
    ordered: bool = False


Block = Union[Paragraph, Subhead, Quote, Figure, Notice, ListBlock]

BLOCK_TYPES: tuple[type, ...] = (Paragraph, Subhead, Quote, Figure, Notice, ListBlock)
