"""An article body in Markdown, as model blocks.

The subset of Markdown an article may use:

* paragraphs (one or more lines; a line break between Chinese characters
  joins without a space), ``*emphasis*``, ``**strong**``, ``[links](url)``;
* ``## 小标题`` — a subhead; in a notice article, the title of a notice;
* ``> quotation`` — a set-off quote;
* ``- item`` / ``1. item`` — a list;
* a picture as a paragraph of its own:
  ``![caption](../images/a.jpg "credit"){alt="text for screen readers"}``;
  without a title the credit is split off the caption's end (``… 新华社记者 吴鲁 摄``).

Anything else (HTML, code, rules, tables) is refused with its line number:
nothing in the source is ever dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin

from ..errors import Location, Problem
from ..model import Block, Figure, ListBlock, Notice, Paragraph, Quote, Run, Subhead
from ..structure.credits import split_credit
from ..typography.cjk import is_cjk

_PARSER = MarkdownIt("commonmark", {"html": False}).use(attrs_plugin)

ImageResolver = Callable[[str, Location], tuple[str, int | None, int | None] | None]


@dataclass
class BodyContext:
    file: str
    article: str
    line_offset: int  # line number of the body's first line in the file
    resolve_image: ImageResolver
    notices: bool  # ## starts a notice, not a subhead
    problems: list[Problem]

    def where(self, token: Token | None, field: str = "body") -> Location:
        line = None
        if token is not None and token.map:
            line = token.map[0] + self.line_offset
        return Location(self.file, self.article, field, line)


def parse_body(text: str, ctx: BodyContext) -> tuple[tuple[Block, ...], tuple[int, ...]]:
    """The body's blocks, and the line of the file where each begins."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the parser counts lines
    if _WHOLE_DOCUMENT.search(text):
        return merge_notices(parse_markdown(text, ctx))
    return merge_notices(_blocks(text, ctx))


def merge_notices(found: Iterable[tuple[int, Block]]) -> tuple[tuple[Block, ...], tuple[int, ...]]:
    """Paragraphs after a notice's title belong to that notice (which begins at its title)."""
    blocks: list[Block] = []
    lines: list[int] = []
    for line, block in found:
        if isinstance(block, Paragraph) and blocks and isinstance(blocks[-1], Notice):
            notice = blocks[-1]
            blocks[-1] = Notice(notice.title, notice.paragraphs + (block.text,))
        else:
            blocks.append(block)
            lines.append(line)
    return tuple(blocks), tuple(lines)


# Markup whose meaning can reach across blank lines (fences, HTML, link
# reference definitions): a body with any of it is parsed whole.
_WHOLE_DOCUMENT = re.compile(r"\]:|```|~~~|<")

# A line that Markdown reads as plain paragraph text whatever surrounds it: no
# character that could open markup, no block marker at its start, no indent and
# no trailing blank (a hard break). Most lines of a news article are such.
_PLAIN_LINE = re.compile(r"(?![-+=>#*_]|\d{1,9}[.)])[^\s\\`*_\[\]!<>&#|~{}\x00]"
                         r"(?:[^\t\r\n\f\v\\`*_\[\]!<>&#|~{}\x00]*[^\s\\`*_\[\]!<>&#|~{}\x00])?")


def _blocks(text: str, ctx: BodyContext) -> Iterator[tuple[int, Block]]:
    """The body's blocks in order, each with the line of the file where it begins.
    Chunks between blank lines made only of plain lines become paragraphs
    directly; the rest goes to the Markdown parser, consecutive chunks together
    (a list or a quote may span blank lines)."""
    pending: list[str] = []  # Markdown not yet parsed: chunks, blank lines between
    pending_from = 0  # the line number of its first line
    chunk: list[str] = []
    for number, line in enumerate([*text.split("\n"), ""]):
        if line.strip(" \t"):  # blank for Markdown: spaces and tabs only (not U+3000)
            chunk.append(line)
        elif not chunk:
            if pending:
                pending.append(line)
        elif all(_PLAIN_LINE.fullmatch(c) for c in chunk) or _plain_heading(chunk):
            if pending:
                yield from parse_markdown("\n".join(pending), ctx, pending_from)
                pending = []
            line_number = ctx.line_offset + number - len(chunk)
            if chunk[0][0] == "#":
                title = chunk[0].lstrip("#").strip()
                yield line_number, Notice(title, ()) if ctx.notices else Subhead(title)
            else:
                yield line_number, Paragraph((Run(_join_lines(chunk)),))
            chunk = []
        else:
            if not pending:
                pending_from = number - len(chunk)
            pending.extend(chunk)
            pending.append(line)
            chunk = []
    if pending:
        yield from parse_markdown("\n".join(pending), ctx, pending_from)


def _plain_heading(chunk: list[str]) -> bool:
    """``## 小标题`` alone in its chunk, its text plain."""
    if len(chunk) != 1 or not chunk[0].startswith("#"):
        return False
    marks, _, title = chunk[0].partition(" ")
    return 0 < len(marks) <= 6 and marks == "#" * len(marks) and bool(_PLAIN_LINE.fullmatch(title.strip()))


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as Markdown joins them: without a space where
    a Chinese character meets the break (as ``_paragraph`` joins soft breaks)."""
    text = lines[0]
    for line in lines[1:]:
        joiner = "" if is_cjk(text[-1]) or is_cjk(line[0]) else " "
        text += joiner + line
    return text


def parse_markdown(text: str, ctx: BodyContext, first_line: int = 0) -> Iterator[tuple[int, Block]]:
    """The blocks of ``text`` as the Markdown parser reads it, each with the line
    of the file where it begins; ``first_line`` is the line of ``text`` in the body."""
    if first_line:
        ctx = replace(ctx, line_offset=ctx.line_offset + first_line)
    tokens = _PARSER.parse(text)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        line = token.map[0] + ctx.line_offset if token.map else ctx.line_offset
        if token.type == "heading_open":
            title = _plain(tokens[i + 1], ctx)
            yield line, Notice(title, ()) if ctx.notices else Subhead(title)
            i += 3
        elif token.type == "paragraph_open":
            block = _paragraph_or_figure(tokens[i + 1], ctx)
            if block is not None:
                yield line, block
            i += 3
        elif token.type == "blockquote_open":
            end = _closing(tokens, i)
            paragraphs = tuple(
                _paragraph(tokens[j + 1], ctx)
                for j in range(i + 1, end)
                if tokens[j].type == "paragraph_open"
            )
            yield line, Quote(paragraphs)
            i = end + 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            end = _closing(tokens, i)
            items = tuple(
                _paragraph(tokens[j + 1], ctx)
                for j in range(i + 1, end)
                if tokens[j].type == "paragraph_open"
            )
            yield line, ListBlock(items, ordered=token.type == "ordered_list_open")
            i = end + 1
        else:
            ctx.problems.append(
                Problem(f"Markdown {_describe(token)} is not allowed in an article", ctx.where(token))
            )
            i = _closing(tokens, i) + 1 if token.nesting == 1 else i + 1


def _closing(tokens: list[Token], start: int) -> int:
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _describe(token: Token) -> str:
    names = {
        "hr": "a horizontal rule",
        "code_block": "an indented code block (a line starting with four spaces?)",
        "fence": "a code block",
        "html_block": "HTML",
        "table_open": "a table",
    }
    return names.get(token.type, f"'{token.type}'")


def _paragraph_or_figure(inline: Token, ctx: BodyContext) -> Block | None:
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())
                and c.type not in ("softbreak", "hardbreak")]
    if len(children) == 1 and children[0].type == "image":
        return _figure(children[0], inline, ctx)
    return _paragraph(inline, ctx)


def _figure(image: Token, inline: Token, ctx: BodyContext) -> Figure | None:
    src = str(image.attrs.get("src", ""))
    where = ctx.where(inline, "image")
    resolved = ctx.resolve_image(src, where)
    if resolved is None:
        return None
    path, width, height = resolved
    caption_text = "".join(c.content for c in image.children or [])
    title = str(image.attrs.get("title", "") or "")
    if title:
        caption, credit = caption_text.strip(), title.strip()
    else:
        caption, credit = split_credit(caption_text)
    # markdown-it keeps the bracket text as children and leaves "alt" empty
    # unless an {alt="…"} attribute gives one; the caption is the fallback.
    alt = str(image.attrs.get("alt", "") or "").strip() or caption
    return Figure(path, caption, credit, alt, width, height)


def _paragraph(inline: Token, ctx: BodyContext) -> Paragraph:
    runs: list[Run] = []
    emphasis = strong = 0
    href: str | None = None
    children = inline.children or []
    for index, child in enumerate(children):
        kind = child.type
        if kind in ("text", "code_inline"):
            _append(runs, Run(child.content, emphasis > 0, strong > 0, href))
        elif kind in ("softbreak", "hardbreak"):
            before = runs[-1].text[-1:] if runs else ""
            after = _next_char(children, index)
            joiner = "" if (before and is_cjk(before)) or (after and is_cjk(after)) else " "
            if joiner:
                _append(runs, Run(joiner, emphasis > 0, strong > 0, href))
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
        elif kind == "link_close":
            href = None
        elif kind == "image":
            ctx.problems.append(
                Problem("a picture must stand in a paragraph of its own", ctx.where(inline))
            )
        else:
            ctx.problems.append(Problem(f"Markdown '{kind}' is not allowed here", ctx.where(inline)))
    return Paragraph(tuple(runs))


def _next_char(children: list[Token], index: int) -> str:
    for child in children[index + 1 :]:
        if child.content:
            return child.content[0]
    return ""


def _append(runs: list[Run], run: Run) -> None:
    if not run.text:
        return
    if runs and (runs[-1].emphasis, runs[-1].strong, runs[-1].href) == (run.emphasis, run.strong, run.href):
        runs[-1] = Run(runs[-1].text + run.text, run.emphasis, run.strong, run.href)
    else:
        runs.append(run)


def _plain(inline: Token, ctx: BodyContext) -> str:
    return _paragraph(inline, ctx).text.strip()
