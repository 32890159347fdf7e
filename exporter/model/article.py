"""Articles (稿件): the headline group, the dateline and the body."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .blocks import Block, Figure, ListBlock, Notice, Paragraph, Quote, Subhead


class ArticleKind(str, Enum):
    NEWS = "news"
    BRIEF = "brief"
    FEATURE = "feature"
    PHOTO = "photo"
    NOTICE = "notice"  # a block of classified notices (分类广告)


class DatelinePosition(str, Enum):
    START = "start"  # 新华社日内瓦1月24日电（记者王其冰） before the first paragraph
    END = "end"  # 新华社北京1月25日电 after the last paragraph


@dataclass(frozen=True)
class Dateline:
    """A 电头 as printed (``text``) and its parts where they are known."""

    text: str
    agency: str = ""
    place: str = ""
    date: str = ""
    reporters: tuple[str, ...] = ()
    position: DatelinePosition = DatelinePosition.START


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    kind: ArticleKind = ArticleKind.NEWS
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""
    dateline: Dateline | None = None
    blocks: tuple[Block, ...] = ()
    section: str = ""

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Figure))

    @property
    def lead_paragraph(self) -> Paragraph | None:
        return next((b for b in self.blocks if isinstance(b, Paragraph)), None)

    def body_text(self) -> str:
        """The running text of the body, without captions, in reading order."""
        return "".join(_block_text(b) for b in self.blocks if not isinstance(b, Figure))


def _block_text(block: Block) -> str:
    if isinstance(block, (Paragraph, Quote, Notice)):
        return (block.title if isinstance(block, Notice) else "") + block.text
    if isinstance(block, Subhead):
        return block.text
    if isinstance(block, ListBlock):
        return "".join(item.text for item in block.items)
    return ""
