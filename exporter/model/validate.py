"""Rules every issue must keep, whatever its source.

``validate_issue`` returns every problem it finds, each naming the article and
the field, so that ``exporter validate`` can print them all at once.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Iterator

from ..errors import Location, Problem
from .article import Article
from .blocks import Figure, ListBlock, Notice, Paragraph, Quote, Subhead
from .issue import Issue

ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

# Characters XML 1.0 cannot carry, or that no text should hold: every control
# character (layout belongs to the writers), surrogates and noncharacters.
_FORBIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)
# The same without the 32 noncharacters beyond the BMP, which make the pattern test
# each character ten times slower: used on text with no character beyond the BMP.
_FORBIDDEN_IN_BMP = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def forbidden_character(text: str) -> str | None:
    """A description of the first character the model refuses, or None."""
    match = (_FORBIDDEN if _BEYOND_BMP.search(text) else _FORBIDDEN_IN_BMP).search(text)
    if match is None:
        return None
    char = match.group()
    return f"character U+{ord(char):04X} at offset {match.start()} is not allowed in text"


def unsafe_image_path(path: str) -> str | None:
    """Why an image reference may not be used, or None: it must stay inside the issue."""
    if not path:
        return "the image path is empty"
    if "\\" in path or re.match(r"^[A-Za-z]:", path):
        return f"image path {path!r} must use '/' and be relative to the issue folder"
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return f"image path {path!r} is absolute; it must be relative to the issue folder"
    if ".." in posix.parts:
        return f"image path {path!r} leaves the issue folder"
    if re.match(r"^[a-z][a-z0-9+.-]*:", path):
        return f"image {path!r} is a URL; images must be files in the issue folder"
    return None


def validate_issue(issue: Issue, file_of: dict[str, str] | None = None) -> list[Problem]:
    """Every rule broken by ``issue``. ``file_of`` maps article ids to source files."""
    file_of = file_of or {}
    problems: list[Problem] = []

    def add(message: str, article: str = "", field: str = "") -> None:
        problems.append(Problem(message, Location(file_of.get(article, ""), article, field)))

    for field, value in _publication_texts(issue):
        if (why := forbidden_character(value)) is not None:
            add(why, field=field)
    if not issue.publication.name.strip():
        add("the publication has no name", field="publication.name")
    if not issue.pages:
        add("the issue has no pages", field="pages")

    seen_pages: set[int] = set()
    seen_ids: set[str] = set()
    for index, page in enumerate(issue.pages):
        where = f"pages[{index}]"
        if page.number < 1 or page.number in seen_pages:
            add(f"page number {page.number} is not positive or repeats", field=f"{where}.number")
        seen_pages.add(page.number)
        for name in ("section", "label", "editor"):
            if (why := forbidden_character(getattr(page, name))) is not None:
                add(why, field=f"{where}.{name}")
        for article in page.articles:
            if article.id in seen_ids:
                add(f"article id {article.id!r} is used twice", article.id, "id")
            seen_ids.add(article.id)
            problems.extend(
                Problem(message, Location(file_of.get(article.id, ""), article.id, field))
                for field, message in _article_problems(article)
            )
    return problems


def shown_texts(issue: Issue) -> Iterator[tuple[Location, str]]:
    """Every text of the issue that is set for a reader (not links, picture
    paths, alt text, the language, time zone, address and slug), with where it is."""
    for field, text in _publication_texts(issue):
        if field not in _NOT_SHOWN_FIELDS:
            yield Location(field=field), text
    for index, page in enumerate(issue.pages):
        for name in ("section", "label", "editor"):
            yield Location(field=f"pages[{index}].{name}"), getattr(page, name)
        for article in page.articles:
            for field, text in _article_texts(article):
                if not field.endswith(_NOT_SHOWN):
                    yield Location(article=article.id, field=field), text


_NOT_SHOWN = (".href", ".image", ".alt")
_NOT_SHOWN_FIELDS = {
    "publication.language", "publication.timezone", "publication.base_url", "publication.slug",
}


def _publication_texts(issue: Issue) -> Iterator[tuple[str, str]]:
    pub = issue.publication
    for name in ("name", "language", "timezone", "publisher", "base_url", "copyright", "slug"):
        yield f"publication.{name}", getattr(pub, name)
    for i, code in enumerate(pub.codes):
        yield f"publication.codes[{i}].label", code.label
        yield f"publication.codes[{i}].value", code.value
    yield "edition", issue.edition


def _article_problems(article: Article) -> Iterator[tuple[str, str]]:
    if not ARTICLE_ID.match(article.id):
        yield "id", (
            f"article id {article.id!r} must be 1-64 ASCII letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    if not article.title.strip():
        yield "title", "the article has no title: it is missing or empty"
    for field, text in _article_texts(article):
        if (why := forbidden_character(text)) is not None:
            yield field, why
    if not any(_has_text(block) for block in article.blocks):
        yield "body", "the article is empty: it has no paragraph, notice or picture"
    for index, block in enumerate(article.blocks):
        if isinstance(block, Figure) and (why := unsafe_image_path(block.image)) is not None:
            yield f"blocks[{index}].image", why


def _has_text(block: object) -> bool:
    if isinstance(block, Figure):
        return True
    if isinstance(block, Notice):
        return bool(block.title.strip() or block.text.strip())
    if isinstance(block, (Paragraph, Quote)):
        return bool(block.text.strip())
    if isinstance(block, ListBlock):
        return any(item.text.strip() for item in block.items)
    return False


def _article_texts(article: Article) -> Iterator[tuple[str, str]]:
    for name in ("title", "kicker", "subtitle", "byline", "section"):
        yield name, getattr(article, name)
    if article.dateline is not None:
        d = article.dateline
        for name in ("text", "agency", "place", "date"):
            yield f"dateline.{name}", getattr(d, name)
        for i, reporter in enumerate(d.reporters):
            yield f"dateline.reporters[{i}]", reporter
    for index, block in enumerate(article.blocks):
        where = f"blocks[{index}]"
        if isinstance(block, Paragraph):
            for j, run in enumerate(block.runs):
                yield f"{where}.runs[{j}].text", run.text
                if run.href is not None:
                    yield f"{where}.runs[{j}].href", run.href
        elif isinstance(block, Subhead):
            yield f"{where}.text", block.text
        elif isinstance(block, Quote):
            for j, para in enumerate(block.paragraphs):
                yield f"{where}.paragraphs[{j}]", para.text
        elif isinstance(block, Figure):
            for name in ("image", "caption", "credit", "alt"):
                yield f"{where}.{name}", getattr(block, name)
        elif isinstance(block, Notice):
            yield f"{where}.title", block.title
            for j, line in enumerate(block.paragraphs):
                yield f"{where}.paragraphs[{j}]", line
        elif isinstance(block, ListBlock):
            for j, item in enumerate(block.items):
                yield f"{where}.items[{j}]", item.text
