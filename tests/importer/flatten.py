"""Generated issues flattened into text as print extraction gives it.

Each page gets a running head; headlines break into their lines; some
paragraphs are cut in two at a random place (a column break), sometimes with
a running head or a photo caption between the halves; captions move into
the paragraph after them. What the importer should recover is returned with
the pages: the articles with their figures placed after the paragraph that a
caption interrupted.

Cuts never fall right after the end of a sentence: there a column break and
a paragraph break look the same in text, and no reader of the text alone can
tell them apart.
"""

from __future__ import annotations

import random
from dataclasses import replace

from exporter.model import Article, ArticleKind, Figure, Issue, Notice, Paragraph, Subhead

_NO_CUT_AFTER = "。！？；：…”"


def flatten(issue: Issue, seed: int) -> tuple[list[str], dict[str, Article]]:
    rnd = random.Random(seed)
    pages, expected = [], {}
    stamp = f"{issue.date.year}年{issue.date.month}月{issue.date.day}日 星期一"
    for page in issue.pages:
        out = [f"{stamp}  责任编辑：林晓  第{page.number}版  {page.section}", "", ""]
        for a in page.articles:
            lines, blocks = _article(a, rnd, f"第{page.number}版  {page.section}  {stamp}")
            out += lines
            expected[a.id] = replace(a, blocks=tuple(blocks)) if blocks is not None else a
        pages.append("\n".join(out))
    return pages, expected


def _caption(figure: Figure) -> list[str]:
    return ["", "", f"{figure.caption} {figure.credit}".strip(), ""]


def _article(a: Article, rnd: random.Random, head: str):
    out: list[str] = []
    if a.kind is ArticleKind.NOTICE:
        out += ["分类广告", ""]
        for b in a.blocks:
            if isinstance(b, Notice):
                out += [b.title, *b.paragraphs, ""]
            elif isinstance(b, Paragraph):
                out += [b.text, ""]
        return out, None
    for text in (a.kicker, *a.title.split(" "), a.subtitle, a.byline):
        if text:
            out += [text, ""]
    blocks, waiting, first = [], [], True
    for b in a.blocks:
        if isinstance(b, Figure):
            if rnd.random() < 0.5:
                waiting.append(b)  # the caption will land inside the next paragraph
            else:
                for f in waiting + [b]:
                    out += _caption(f)
                blocks += waiting + [b]
                waiting = []
            continue
        if isinstance(b, Subhead):
            for f in waiting:
                out += _caption(f)
            blocks += waiting + [b]
            waiting = []
            out += [b.text, ""]
            continue
        text = b.text
        if first and a.dateline is not None and a.dateline.position.value == "start":
            text = a.dateline.text.replace("（", "(").replace("）", ")") + text
        first = False
        if len(text) > 30 and (waiting or rnd.random() < 0.35):
            k = rnd.randint(5, len(text) - 5)
            while text[k - 1] in _NO_CUT_AFTER or text[k] in "”’）":
                k = rnd.randint(5, len(text) - 5)
            out += [text[:k], ""]
            for f in waiting:
                out += _caption(f)
            if rnd.random() < 0.3:
                out += [head, ""]
            out += [text[k:], ""]
            blocks += [b] + waiting
        else:
            for f in waiting:
                out += _caption(f)
            out += [text, ""]
            blocks += waiting + [b]
        waiting = []
    for f in waiting:
        out += _caption(f)
    blocks += waiting
    if a.dateline is not None and a.dateline.position.value == "end":
        out += [a.dateline.text, ""]
    return out, blocks
