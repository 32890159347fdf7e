"""Writing an issue as an issue folder: ``issue.toml``, ``articles/<id>.md``, ``images/``.

The inverse of ``issue_folder``: ``load_issue(write_folder(issue, dest))``
gives back the issue, for any issue whose text is normalised (the reader
normalises what it reads). Markdown and YAML characters in the text are
escaped; an issue the format cannot say exactly (a notice outside a notice
article, an empty alt text under a caption …) is refused with an error that
names the article and the field, rather than written differently.

The folder is written beside its destination under a temporary name, read
back and compared with the issue, and only then renamed into place, so that
nothing half-written is ever left at ``dest``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ..errors import InputError, Location, ModelError, Problem, WriterError
from ..model import (
    Article, ArticleKind, Block, Dateline, Figure, Issue, ListBlock, Notice, Page, Paragraph, Quote, Run, Subhead,
    validate_issue,
)
from ..structure.credits import split_credit
from ..transforms.normalize import normalize_article
from .article_file import _dateline as read_dateline

PLACEHOLDER_GREY = 200
PLACEHOLDER_SIZE = (1200, 800)

_LINKS = MarkdownIt("commonmark")
# Characters with a Markdown meaning anywhere in a line, and at its start.
_INLINE_SPECIAL = set("\\`*_[]<>&#!{}")  # { }: an attribute block after a link or picture
_LINE_START_SPECIAL = set("-+=~|>")
_ATTR_FORBIDDEN = set('"{}\\')


@dataclass(frozen=True)
class FolderResult:
    path: Path
    placeholders: tuple[str, ...]  # images written as grey placeholders (relative to the folder)


def write_folder(issue: Issue, dest: Path, *, images_from: Path | None = None, force: bool = False) -> FolderResult:
    """Write ``issue`` as an issue folder at ``dest``.

    Figures whose image exists under ``images_from`` are copied; the others
    get a flat grey placeholder of the figure's size. ``dest`` must not exist
    or be empty, unless ``force`` replaces it.
    """
    problems = validate_issue(issue) + list(_unsayable(issue))
    if problems:
        raise ModelError(problems)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())) and not force:
        raise InputError("the output folder exists and is not empty: choose another or replace it (--force)",
                         Location(str(dest)))
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        placeholders = _write(issue, staging, images_from)
        _check_round_trip(issue, staging)
        _replace(staging, dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return FolderResult(dest, placeholders)


def _replace(staging: Path, dest: Path) -> None:
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}-old-", dir=dest.parent))
        old.rmdir()
        dest.rename(old)
        staging.rename(dest)
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    else:
        staging.rename(dest)


def _check_round_trip(issue: Issue, folder: Path) -> None:
    """Read the folder back: anything that does not come back as written is a bug here."""
    from ..load import load_issue

    loaded = _without_sizes(load_issue(folder).issue)
    expected = _without_sizes(_normalized(issue))
    if loaded == expected:
        return
    for (_, want), (_, got) in zip(expected.articles(), loaded.articles()):
        if want != got:
            raise WriterError(f"article {want.id} does not read back as written: this is a bug")
    raise WriterError("the issue's metadata does not read back as written: this is a bug")


def _normalized(issue: Issue) -> Issue:
    pages = tuple(replace(p, articles=tuple(normalize_article(a)[0] for a in p.articles)) for p in issue.pages)
    return replace(issue, pages=pages)


def _without_sizes(issue: Issue) -> Issue:
    """Figure sizes come from the image files, not from the text: leave them out of the comparison."""
    def article(a: Article) -> Article:
        blocks = tuple(replace(b, width=None, height=None) if isinstance(b, Figure) else b for b in a.blocks)
        return replace(a, blocks=blocks)

    pages = tuple(replace(p, articles=tuple(article(a) for a in p.articles)) for p in issue.pages)
    return replace(issue, pages=pages)


# ---------------------------------------------------------------- files


def _write(issue: Issue, root: Path, images_from: Path | None) -> tuple[str, ...]:
    (root / "articles").mkdir()
    names = _file_names(issue)
    placeholders: list[str] = []
    for page in issue.pages:
        for article in page.articles:
            text = article_markdown(article, page)
            (root / names[article.id]).write_text(text, encoding="utf-8")
            for figure in article.figures:
                if _copy_image(figure, root, images_from):
                    continue
                if figure.image not in placeholders:
                    _placeholder(root / figure.image, figure)
                    placeholders.append(figure.image)
    (root / "issue.toml").write_text(issue_toml(issue, names), encoding="utf-8")
    return tuple(placeholders)


def _file_names(issue: Issue) -> dict[str, str]:
    ids = [a.id for _, a in issue.articles()]
    unique = len({i.casefold() for i in ids}) == len(ids)
    return {i: f"articles/{i}.md" if unique else f"articles/{n:03d}-{i}.md" for n, i in enumerate(ids, 1)}


def _copy_image(figure: Figure, root: Path, images_from: Path | None) -> bool:
    if images_from is None or not (images_from / figure.image).is_file():
        return False
    target = root / figure.image
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(images_from / figure.image, target)
    return True


def _placeholder(path: Path, figure: Figure) -> None:
    from PIL import Image

    size = (figure.width, figure.height) if figure.width and figure.height else PLACEHOLDER_SIZE
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", size, PLACEHOLDER_GREY).save(path, format="PNG", optimize=True)


# ---------------------------------------------------------------- issue.toml


def issue_toml(issue: Issue, names: dict[str, str]) -> str:
    pub = issue.publication
    out = [
        "# The issue manifest: publication, date, and the pages with their articles in reading order.",
        'format = "newspaper-issue"',
        "format_version = 1",
        f"date = {issue.date.isoformat()}",
    ]
    if issue.number is not None:
        out.append(f"number = {issue.number}")
    out += [f"edition = {_toml(issue.edition)}", "", "[publication]"]
    for name in ("name", "language", "timezone", "publisher", "base_url", "slug", "copyright"):
        out.append(f"{name} = {_toml(getattr(pub, name))}")
    codes = ", ".join(f"{{ label = {_toml(c.label)}, value = {_toml(c.value)} }}" for c in pub.codes)
    out.append(f"codes = [{codes}]")
    for page in issue.pages:
        out += ["", "[[pages]]", f"number = {page.number}"]
        for name in ("section", "label", "editor"):
            out.append(f"{name} = {_toml(getattr(page, name))}")
        out.append("articles = [")
        out += [f"  {_toml(names[a.id])}," for a in page.articles]
        out.append("]")
    return "\n".join(out) + "\n"


def _toml(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except that DEL must be escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007F")


# ---------------------------------------------------------------- articles


def article_markdown(article: Article, page: Page) -> str:
    fields: dict[str, Any] = {"id": article.id, "kind": article.kind.value}
    for name in ("kicker", "title", "subtitle", "byline"):
        if getattr(article, name) or name == "title":
            fields[name] = getattr(article, name)
    if article.dateline is not None:
        fields["dateline"] = _dateline_value(article.dateline)
    if article.section != page.section:
        fields["section"] = article.section
    header = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1 << 30, default_flow_style=False)
    body = "\n\n".join(_block_markdown(b, i, article) for i, b in enumerate(article.blocks))
    return f"---\n{header}---\n\n{body}\n"


def _dateline_value(dateline: Dateline) -> Any:
    """The shortest front-matter value that reads back as ``dateline``."""
    full = {"text": dateline.text, "position": dateline.position.value, "agency": dateline.agency,
            "place": dateline.place, "date": dateline.date, "reporters": list(dateline.reporters)}
    for value in (dateline.text, {"text": dateline.text, "position": dateline.position.value}, full):
        if read_dateline(value, _ignore) == dateline:
            return value
    return full  # _unsayable has refused the issue already


def _block_markdown(block: Block, index: int, article: Article) -> str:
    if isinstance(block, Paragraph):
        return render_runs(block.runs)
    if isinstance(block, Subhead):
        return "## " + _escape(block.text, line_start=True)
    if isinstance(block, Notice):
        lines = ["## " + _escape(block.title, line_start=True)]
        lines += [render_runs((Run(p),)) for p in block.paragraphs]
        return "\n\n".join(lines)
    if isinstance(block, Quote):
        return "\n>\n".join("> " + render_runs(p.runs) for p in block.paragraphs)
    if isinstance(block, ListBlock):
        marker = _list_marker(block, index, article)
        return "\n".join(f"{marker} {render_runs(item.runs)}" for item in block.items)
    if isinstance(block, Figure):
        return _figure_markdown(block)
    raise TypeError(f"not a block: {block!r}")


def _list_marker(block: ListBlock, index: int, article: Article) -> str:
    """A list right after another of its kind needs the other marker, or Markdown joins them."""
    previous = article.blocks[index - 1] if index else None
    joined = isinstance(previous, ListBlock) and previous.ordered == block.ordered
    alternate = joined and _list_marker(previous, index - 1, article) in ("-", "1.")
    if block.ordered:
        return "1)" if alternate else "1."
    return "*" if alternate else "-"


def _figure_markdown(figure: Figure) -> str:
    caption = _escape(figure.caption, line_start=False)
    title = ' "' + _escape(figure.credit, line_start=False).replace('"', '\\"') + '"' if figure.credit else ""
    alt = "" if figure.alt == figure.caption else f'{{alt="{figure.alt}"}}'
    return f"![{caption}](../{figure.image}{title}){alt}"


# ---------------------------------------------------------------- inline text


def render_runs(runs: tuple[Run, ...]) -> str:
    """Runs as one line of Markdown: links outermost, then strong (**) and emphasis (_)."""
    tokens: list[tuple[str, str]] = []  # ("text", s), ("mark", "**" or "_") or ("link", "[" or "](…)")
    groups: list[list[Run]] = []
    for run in runs:
        if groups and groups[-1][0].href == run.href:
            groups[-1].append(run)
        else:
            groups.append([run])
    for group in groups:
        href = group[0].href
        if href is not None:
            tokens.append(("link", "["))
        tokens += _styled(group)
        if href is not None:
            tokens.append(("link", f"](<{href}>)"))
    return _render_tokens(tokens)


def _styled(runs: list[Run]) -> list[tuple[str, str]]:
    marks = {"strong": "**", "emphasis": "_"}
    tokens: list[tuple[str, str]] = []
    stack: list[str] = []
    for i, run in enumerate(runs):
        wanted = {name for name in marks if getattr(run, name)}
        keep = 0
        while keep < len(stack) and stack[keep] in wanted:
            keep += 1
        for name in reversed(stack[keep:]):
            tokens.append(("mark", marks[name]))
        stack = stack[:keep]
        # open the style that lasts longer first, so that it can stay open
        for name in sorted(wanted - set(stack), key=lambda n: -_lasting(runs, i, n)):
            tokens.append(("mark", marks[name]))
            stack.append(name)
        tokens.append(("text", run.text))
    for name in reversed(stack):
        tokens.append(("mark", marks[name]))
    return tokens


def _lasting(runs: list[Run], start: int, name: str) -> int:
    count = 0
    for run in runs[start:]:
        if not getattr(run, name):
            break
        count += 1
    return count


def _render_tokens(tokens: list[tuple[str, str]]) -> str:
    """Text escaped; a character touching a mark is written as a character reference.

    CommonMark decides whether ** opens or closes from the characters around
    it, and Chinese text next to “ or ” defeats it (中**“引”**文 is not bold).
    With &#x…; on both sides the marks always work.
    """
    out = []
    for i, (kind, value) in enumerate(tokens):
        if kind != "text":
            out.append(value)
            continue
        before = i > 0 and tokens[i - 1][0] == "mark"
        after = i + 1 < len(tokens) and tokens[i + 1][0] == "mark"
        out.append(_escape(value, line_start=i == 0, ref_first=before, ref_last=after))
    return "".join(out)


def _escape(text: str, line_start: bool, ref_first: bool = False, ref_last: bool = False) -> str:
    """Markdown-special characters escaped; spaces at the edges as references (Markdown strips them)."""
    out = []
    last = len(text) - 1
    for i, char in enumerate(text):
        if (i == 0 and ref_first) or (i == last and ref_last) or ((i == 0 or i == last) and char.isspace()):
            out.append(f"&#x{ord(char):X};")
        elif char in _INLINE_SPECIAL or (line_start and i == 0 and char in _LINE_START_SPECIAL):
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    return _escape_list_number(escaped) if line_start else escaped


def _escape_list_number(text: str) -> str:
    """``1. `` or ``1) `` at a line's start would open an ordered list."""
    digits = len(text) - len(text.lstrip("0123456789"))
    if 0 < digits <= 9 and text[digits : digits + 1] in (".", ")"):
        return text[:digits] + "\\" + text[digits:]
    return text


# ---------------------------------------------------------------- what cannot be said


def _unsayable(issue: Issue) -> Iterator[Problem]:
    """Problems for content the source format would read back differently."""
    for page in issue.pages:
        for article in page.articles:
            for field, message in _article_unsayable(article, page):
                yield Problem(message, Location("", article.id, field))


def _article_unsayable(article: Article, page: Page) -> Iterator[tuple[str, str]]:
    if article.section != page.section and not article.section:
        yield "section", "an empty section under a page with one cannot be written (the page's would be read)"
    for name in ("kicker", "title", "subtitle", "byline", "section"):
        value = getattr(article, name)
        if value != value.strip() and (name != "section" or value != page.section):
            yield name, "spaces at the start or end of a field cannot be written"
    if article.dateline is not None and read_dateline(_dateline_value(article.dateline), _ignore) != article.dateline:
        yield "dateline", "an empty agency, place or date that the dateline's text gives cannot be written"
    notices = article.kind is ArticleKind.NOTICE
    for i, block in enumerate(article.blocks):
        where = f"blocks[{i}]"
        if isinstance(block, Notice) and not notices:
            yield where, "a notice can only stand in an article of kind 'notice'"
        if isinstance(block, Subhead) and notices:
            yield where, "a subhead cannot stand in an article of kind 'notice' (## there opens a notice)"
        if isinstance(block, Paragraph) and notices and _follows_notice(article.blocks, i):
            yield where, "a paragraph after a notice would be read as part of the notice"
        for text_field, text in _block_texts(block):
            if not text.strip():
                yield f"{where}.{text_field}", "an empty paragraph or item cannot be written"
        for text_field, text in _stripped_texts(block):
            if text != text.strip():
                yield f"{where}.{text_field}", "spaces at the start or end of this text cannot be written"
        if isinstance(block, Paragraph):
            for j, run in enumerate(block.runs):
                if run.href is not None and not _plain_url(run.href):
                    yield f"{where}.runs[{j}].href", f"link {run.href!r} is not a plain URL (spaces, non-ASCII or <>)"
        if isinstance(block, Figure):
            yield from _figure_unsayable(block, where)


def _ignore(*_: object) -> None:
    return None


def _follows_notice(blocks: tuple[Block, ...], i: int) -> bool:
    """The reader adds a paragraph to the notice it follows (over other such paragraphs)."""
    j = i - 1
    while j >= 0 and isinstance(blocks[j], Paragraph):
        j -= 1
    return j >= 0 and isinstance(blocks[j], Notice)


def _plain_url(href: str) -> bool:
    return _LINKS.validateLink(href) and _LINKS.normalizeLink(href) == href and not any(c in href for c in "<>")


def _stripped_texts(block: Block) -> Iterator[tuple[str, str]]:
    """Texts the reader strips: headings, captions, credits and alt texts."""
    if isinstance(block, Subhead):
        yield "text", block.text
    elif isinstance(block, Notice):
        yield "title", block.title
    elif isinstance(block, Figure):
        yield "caption", block.caption
        yield "credit", block.credit
        if block.alt != block.caption:
            yield "alt", block.alt


def _block_texts(block: Block) -> Iterator[tuple[str, str]]:
    if isinstance(block, Paragraph):
        yield "runs", block.text
    elif isinstance(block, Quote):
        for j, p in enumerate(block.paragraphs):
            yield f"paragraphs[{j}]", p.text
    elif isinstance(block, ListBlock):
        for j, item in enumerate(block.items):
            yield f"items[{j}]", item.text
    elif isinstance(block, Notice):
        for j, line in enumerate(block.paragraphs):
            yield f"paragraphs[{j}]", line


def _figure_unsayable(figure: Figure, where: str) -> Iterator[tuple[str, str]]:
    target = "../" + figure.image
    if _LINKS.normalizeLink(target) != target or any(c in figure.image for c in " ()<>"):
        yield f"{where}.image", f"image path {figure.image!r} must be plain ASCII without spaces or brackets"
    if not figure.credit and split_credit(figure.caption)[1]:
        yield f"{where}.credit", "an empty credit under a caption that ends like one cannot be written"
    if figure.alt != figure.caption:
        if not figure.alt.strip():
            yield f"{where}.alt", "an empty alt text under a caption cannot be written (the caption is read)"
        elif any(c in _ATTR_FORBIDDEN for c in figure.alt):
            yield f"{where}.alt", 'alt text cannot contain " { } or a backslash in the source format'
