"""One article file: YAML front matter, then the body in Markdown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem
from ..model import Article, ArticleKind, Dateline, DatelinePosition
from ..structure.dateline import parse_dateline, split_names
from .frontmatter import key_lines, split_front_matter
from .lines import SourceLines
from .markdown_body import BodyContext, ImageResolver, parse_body

# Kinds of the generated corpora, mapped onto the model's.
KIND_ALIASES = {"lead": "news", "story": "news", "classified": "notice"}
TEXT_FIELDS = ("kicker", "title", "subtitle", "byline", "section")
KNOWN_FIELDS = {"id", "page", "order", "kind", "dateline", *TEXT_FIELDS}
DATELINE_FIELDS = {"text", "agency", "place", "date", "reporters", "position"}


def read_article(
    text: str,
    file: str,
    default_id: str,
    default_section: str,
    page_number: int,
    resolve_image: ImageResolver,
    problems: list[Problem],
) -> tuple[Article, SourceLines] | None:
    """The article and where its fields and blocks begin in the file, or None
    when it is too broken to build (problems say why)."""
    try:
        fields, body, body_line = split_front_matter(text, file)
    except InputError as exc:
        problems.extend(exc.problems)
        return None
    article_id = str(fields.get("id") or default_id)
    lines = SourceLines(key_lines(text))

    def bad(field: str, message: str) -> None:
        problems.append(Problem(message, Location(file, article_id, field, lines.line_of(field))))

    for name in sorted(set(fields) - KNOWN_FIELDS):
        bad(name, "unknown field in the front matter")
    values: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = fields.get(name, "")
        if value is None:
            value = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            bad(name, f"must be text, not {type(value).__name__}")
            value = ""
        values[name] = value.strip()
    page = fields.get("page")
    if page is not None and page != page_number:
        bad("page", f"says page {page}, but the manifest lists the article on page {page_number}")

    kind_name = str(fields.get("kind") or "news")
    kind_name = KIND_ALIASES.get(kind_name, kind_name)
    try:
        kind = ArticleKind(kind_name)
    except ValueError:
        bad("kind", f"{kind_name!r} is not one of {', '.join(k.value for k in ArticleKind)}")
        kind = ArticleKind.NEWS

    dateline = _dateline(fields.get("dateline"), bad)
    body_ctx = BodyContext(file, article_id, body_line, resolve_image, kind is ArticleKind.NOTICE, problems)
    blocks, block_lines = parse_body(body, body_ctx)
    article = Article(
        id=article_id,
        kind=kind,
        kicker=values["kicker"],
        title=values["title"],
        subtitle=values["subtitle"],
        byline=values["byline"],
        dateline=dateline,
        section=values["section"] or default_section,
        blocks=blocks,
    )
    return article, replace(lines, blocks=block_lines)


def _dateline(value: Any, bad) -> Dateline | None:
    """``dateline: 新华社北京1月25日电`` or a mapping with text, position, ..."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        parsed = parse_dateline(value.strip())
        if parsed is not None and parsed.text == value.strip():
            return parsed
        return Dateline(text=value.strip())
    if not isinstance(value, dict):
        bad("dateline", "must be text or a mapping with text and position")
        return None
    for name in sorted(set(value) - DATELINE_FIELDS):
        bad(f"dateline.{name}", "unknown field")
    text = str(value.get("text") or "").strip()
    if not text:
        bad("dateline.text", "is required but missing")
        return None
    try:
        position = DatelinePosition(str(value.get("position") or "start"))
    except ValueError:
        bad("dateline.position", "must be 'start' or 'end'")
        position = DatelinePosition.START
    parsed = parse_dateline(text, position) or Dateline(text=text, position=position)
    reporters = value.get("reporters")
    if isinstance(reporters, str):
        reporters = split_names(reporters)
    elif reporters is None:
        reporters = parsed.reporters
    elif not isinstance(reporters, list):
        bad("dateline.reporters", "must be a list of names")
        reporters = ()
    return Dateline(
        text=text,
        agency=str(value.get("agency") or parsed.agency),
        place=str(value.get("place") or parsed.place),
        date=str(value.get("date") or parsed.date),
        reporters=tuple(str(r) for r in reporters),
        position=position,
    )


def default_article_id(path: Path) -> str:
    return path.stem
