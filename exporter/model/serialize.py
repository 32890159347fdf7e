"""The model as JSON: ``issue_to_json`` and ``issue_from_json`` are inverses.

The JSON carries ``schema_version``; ``issue.schema.json`` beside this module is
the published schema. Loading checks the data against it first and reports
every violation with the article and the field it concerns.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import Location, ModelError, Problem
from .article import Article, ArticleKind, Dateline, DatelinePosition
from .blocks import Block, Figure, ListBlock, Notice, Paragraph, Quote, Run, Subhead
from .issue import SCHEMA_VERSION, Issue, Page, Publication, PublicationCode

# ---------------------------------------------------------------- to JSON


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    pub = issue.publication
    return {
        "schema_version": SCHEMA_VERSION,
        "publication": {
            "name": pub.name,
            "language": pub.language,
            "timezone": pub.timezone,
            "publisher": pub.publisher,
            "base_url": pub.base_url,
            "codes": [{"label": c.label, "value": c.value} for c in pub.codes],
            "copyright": pub.copyright,
            "slug": pub.slug,
        },
        "date": issue.date.isoformat(),
        "number": issue.number,
        "edition": issue.edition,
        "pages": [_page_to_dict(page) for page in issue.pages],
    }


def _page_to_dict(page: Page) -> dict[str, Any]:
    return {
        "number": page.number,
        "section": page.section,
        "label": page.label,
        "editor": page.editor,
        "articles": [article_to_dict(a) for a in page.articles],
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    dateline = article.dateline
    return {
        "id": article.id,
        "kind": article.kind.value,
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "dateline": None
        if dateline is None
        else {
            "text": dateline.text,
            "agency": dateline.agency,
            "place": dateline.place,
            "date": dateline.date,
            "reporters": list(dateline.reporters),
            "position": dateline.position.value,
        },
        "section": article.section,
        "blocks": [block_to_dict(b) for b in article.blocks],
    }


def _runs(paragraph: Paragraph) -> list[dict[str, Any]]:
    out = []
    for run in paragraph.runs:
        item: dict[str, Any] = {"text": run.text}
        if run.emphasis:
            item["emphasis"] = True
        if run.strong:
            item["strong"] = True
        if run.href is not None:
            item["href"] = run.href
        out.append(item)
    return out


def block_to_dict(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "runs": _runs(block)}
    if isinstance(block, Subhead):
        return {"type": "subhead", "text": block.text}
    if isinstance(block, Quote):
        return {"type": "quote", "paragraphs": [_runs(p) for p in block.paragraphs]}
    if isinstance(block, Figure):
        return {
            "type": "figure",
            "image": block.image,
            "caption": block.caption,
            "credit": block.credit,
            "alt": block.alt,
            "width": block.width,
            "height": block.height,
        }
    if isinstance(block, Notice):
        return {"type": "notice", "title": block.title, "paragraphs": list(block.paragraphs)}
    if isinstance(block, ListBlock):
        return {"type": "list", "ordered": block.ordered, "items": [_runs(i) for i in block.items]}
    raise TypeError(f"not a block: {block!r}")


def issue_to_json(issue: Issue) -> str:
    """Stable JSON text: same issue, same bytes."""
    return json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# ---------------------------------------------------------------- from JSON


@lru_cache(maxsize=1)
def issue_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("issue.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = issue_schema()
    return jsonschema.Draft202012Validator(schema)


def schema_problems(data: Any, file: str = "") -> list[Problem]:
    """Every violation of the published schema, located by article and field."""
    problems = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path))):
        article, field = _locate(data, list(error.path))
        problems.append(Problem(_message(error), Location(file, article, field)))
    return problems


def _message(error: Any) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is required but missing")
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field")
    return error.message


def _locate(data: Any, path: list[Any]) -> tuple[str, str]:
    """Turn a JSON path into (article id, dotted field) for messages."""
    article = ""
    if len(path) >= 4 and path[0] == "pages" and path[2] == "articles":
        try:
            article = str(data["pages"][path[1]]["articles"][path[3]].get("id", ""))
        except (LookupError, TypeError, AttributeError):
            article = ""
        if not article:
            article = f"#{path[3] + 1} of page {path[1] + 1}"
        path = path[4:]
    field = ""
    for part in path:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return article, field


def issue_from_dict(data: Any, file: str = "") -> Issue:
    problems = schema_problems(data, file)
    if problems:
        raise ModelError(problems)
    if data["schema_version"] != SCHEMA_VERSION:
        raise ModelError(
            f"schema_version {data['schema_version']} is not supported (this is {SCHEMA_VERSION})",
            Location(file, field="schema_version"),
        )
    pub = data["publication"]
    publication = Publication(
        name=pub["name"],
        language=pub["language"],
        timezone=pub["timezone"],
        publisher=pub["publisher"],
        base_url=pub["base_url"],
        codes=tuple(PublicationCode(c["label"], c["value"]) for c in pub["codes"]),
        copyright=pub["copyright"],
        slug=pub["slug"],
    )
    pages = tuple(
        Page(
            number=p["number"],
            section=p["section"],
            label=p["label"],
            editor=p["editor"],
            articles=tuple(article_from_dict(a) for a in p["articles"]),
        )
        for p in data["pages"]
    )
    return Issue(
        publication=publication,
        date=dt.date.fromisoformat(data["date"]),
        pages=pages,
        number=data["number"],
        edition=data["edition"],
    )


def article_from_dict(a: dict[str, Any]) -> Article:
    d = a["dateline"]
    dateline = (
        None
        if d is None
        else Dateline(
            text=d["text"],
            agency=d["agency"],
            place=d["place"],
            date=d["date"],
            reporters=tuple(d["reporters"]),
            position=DatelinePosition(d["position"]),
        )
    )
    return Article(
        id=a["id"],
        kind=ArticleKind(a["kind"]),
        kicker=a["kicker"],
        title=a["title"],
        subtitle=a["subtitle"],
        byline=a["byline"],
        dateline=dateline,
        section=a["section"],
        blocks=tuple(block_from_dict(b) for b in a["blocks"]),
    )


def _paragraph(runs: list[dict[str, Any]]) -> Paragraph:
    return Paragraph(
        tuple(
            Run(
                r["text"],
                emphasis=r.get("emphasis", False),
                strong=r.get("strong", False),
                href=r.get("href"),
            )
            for r in runs
        )
    )


def block_from_dict(b: dict[str, Any]) -> Block:
    kind = b["type"]
    if kind == "paragraph":
        return _paragraph(b["runs"])
    if kind == "subhead":
        return Subhead(b["text"])
    if kind == "quote":
        return Quote(tuple(_paragraph(p) for p in b["paragraphs"]))
    if kind == "figure":
        return Figure(
            image=b["image"],
            caption=b["caption"],
            credit=b["credit"],
            alt=b["alt"],
            width=b["width"],
            height=b["height"],
        )
    if kind == "notice":
        return Notice(b["title"], tuple(b["paragraphs"]))
    if kind == "list":
        return ListBlock(tuple(_paragraph(i) for i in b["items"]), ordered=b["ordered"])
    raise ValueError(f"unknown block type {kind!r}")  # unreachable: the schema names every type


def issue_from_json(text: str, file: str = "") -> Issue:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelError(
            f"not valid JSON: {exc.msg}", Location(file, line=exc.lineno)
        ) from None
    return issue_from_dict(data, file)
