"""Applying the text normalisation of the typography core to a whole article.

Sources written by hand or generated from print pages carry ASCII commas,
straight quotes and the like; the model stores what the reader should see.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Article, Block, Figure, ListBlock, Notice, Paragraph, Quote, Run, Subhead
from ..typography.normalize import normalize_text


class _Normalizer:
    def __init__(self) -> None:
        self.changes: Counter[str] = Counter()

    def text(self, value: str) -> str:
        result = normalize_text(value)
        self.changes.update(result.changes)
        return result.text

    def paragraph(self, paragraph: Paragraph) -> Paragraph:
        runs = []
        last = len(paragraph.runs) - 1
        for i, run in enumerate(paragraph.runs):
            # Edge spaces of inner runs separate words; keep them.
            lead = run.text[: len(run.text) - len(run.text.lstrip(" "))] if i > 0 else ""
            tail = run.text[len(run.text.rstrip(" ")) :] if i < last else ""
            text = lead + self.text(run.text) + tail if run.text.strip() else run.text
            runs.append(Run(text, run.emphasis, run.strong, run.href))
        return Paragraph(tuple(r for r in runs if r.text))

    def block(self, block: Block) -> Block:
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, Subhead):
            return Subhead(self.text(block.text))
        if isinstance(block, Quote):
            return Quote(tuple(self.paragraph(p) for p in block.paragraphs))
        if isinstance(block, Figure):
            return replace(block, caption=self.text(block.caption), credit=self.text(block.credit),
                           alt=self.text(block.alt))
        if isinstance(block, Notice):
            return Notice(self.text(block.title), tuple(self.text(p) for p in block.paragraphs))
        if isinstance(block, ListBlock):
            return ListBlock(tuple(self.paragraph(p) for p in block.items), block.ordered)
        raise TypeError(f"unknown block {block!r}")


def normalize_article(article: Article) -> tuple[Article, Counter[str]]:
    """The article with every text normalised, and the count of each kind of change."""
    n = _Normalizer()
    dateline = article.dateline
    if dateline is not None:
        dateline = replace(dateline, text=n.text(dateline.text))
    result = replace(
        article,
        kicker=n.text(article.kicker),
        title=n.text(article.title),
        subtitle=n.text(article.subtitle),
        byline=n.text(article.byline),
        dateline=dateline,
        blocks=tuple(n.block(b) for b in article.blocks),
    )
    return result, n.changes
