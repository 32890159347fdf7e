"""The issue manifest: ``issue.toml`` (written by editors) or ``issue.json``.

``issue.json`` is the interchange form of generated corpora (see the bench
README): ``paper``, ``date``, ``issue_number`` and ``pages`` with their
articles' files. ``issue.toml`` says the same in a form that is easy to write
and review; it is described in docs/source-format.md.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem
from ..model import Publication, PublicationCode
from .encoding import read_text

MANIFEST_NAMES = ("issue.toml", "issue.json")


@dataclass
class PageEntry:
    number: int
    section: str
    label: str
    editor: str
    files: list[str]
    # Per file: what the manifest already says of the article (issue.json's images).
    hints: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Manifest:
    path: Path
    publication: Publication
    date: dt.date
    number: int | None
    edition: str
    pages: list[PageEntry]


def find_manifest(root: Path) -> Path:
    if not root.exists():
        raise InputError("issue folder not found", Location(str(root)))
    if not root.is_dir():
        raise InputError("not a folder: give the issue folder", Location(str(root)))
    for name in MANIFEST_NAMES:
        if (root / name).is_file():
            return root / name
    raise InputError(
        f"no issue manifest: the folder needs {' or '.join(MANIFEST_NAMES)}", Location(str(root))
    )


def read_manifest(path: Path, encoding: str | None = None) -> Manifest:
    text = read_text(path, encoding)
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"malformed TOML: {exc}", Location(str(path))) from None
        return _from_toml(data, path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg}", Location(str(path), line=exc.lineno)) from None
    return _from_json(data, path)


class _Fields:
    """Typed access to a mapping, collecting every problem with its field path."""

    def __init__(self, data: Any, path: Path, prefix: str, problems: list[Problem], strict: bool):
        self.data = data if isinstance(data, dict) else {}
        self.path, self.prefix, self.problems = path, prefix, problems
        if not isinstance(data, dict):
            self.error("", "must be a table of fields")
        self.known: set[str] = set()
        self.strict = strict

    def error(self, name: str, message: str) -> None:
        dotted = f"{self.prefix}{name}" if name else self.prefix.rstrip(".")
        self.problems.append(Problem(message, Location(str(self.path), field=dotted)))

    def get(self, name: str, kind: type | tuple[type, ...], default: Any = None, required: bool = False) -> Any:
        self.known.add(name)
        if name not in self.data:
            if required:
                self.error(name, "is required but missing")
            return default
        value = self.data[name]
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            self.error(name, f"must be {expected}, not {type(value).__name__}")
            return default
        return value

    def finish(self, allowed_extra: tuple[str, ...] = ()) -> None:
        if not self.strict:
            return
        for name in sorted(set(self.data) - self.known - set(allowed_extra)):
            self.error(name, "unknown field")


def _date(value: Any, fields: _Fields, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        fields.error(name, f"{value!r} is not a date (YYYY-MM-DD)")
        return dt.date(1970, 1, 1)


def _publication(table: Any, path: Path, prefix: str, problems: list[Problem], strict: bool) -> Publication:
    f = _Fields(table, path, prefix, problems, strict)
    codes = []
    for i, code in enumerate(f.get("codes", list, [])):
        c = _Fields(code, path, f"{prefix}codes[{i}].", problems, strict)
        codes.append(PublicationCode(c.get("label", str, "", True), c.get("value", str, "", True)))
        c.finish()
    publication = Publication(
        name=f.get("name", str, "", required=True),
        language=f.get("language", str, "zh-CN"),
        timezone=f.get("timezone", str, "Asia/Shanghai"),
        publisher=f.get("publisher", str, ""),
        base_url=f.get("base_url", str, ""),
        codes=tuple(codes),
        copyright=f.get("copyright", str, ""),
        slug=f.get("slug", str, ""),
    )
    f.finish()
    return publication


def _from_toml(data: dict[str, Any], path: Path) -> Manifest:
    problems: list[Problem] = []
    top = _Fields(data, path, "", problems, strict=True)
    top.get("format", str, "newspaper-issue")
    top.get("format_version", int, 1)
    publication = _publication(top.get("publication", dict, {}, required=True), path, "publication.", problems, True)
    date = _date(top.get("date", (str, dt.date), "", required=True), top, "date")
    number = top.get("number", int)
    edition = top.get("edition", str, "")
    pages = []
    for i, page in enumerate(top.get("pages", list, [], required=True)):
        p = _Fields(page, path, f"pages[{i}].", problems, strict=True)
        pages.append(
            PageEntry(
                number=p.get("number", int, i + 1),
                section=p.get("section", str, ""),
                label=p.get("label", str, ""),
                editor=p.get("editor", str, ""),
                files=[str(x) for x in p.get("articles", list, [], required=True)],
            )
        )
        p.finish()
    top.finish()
    if problems:
        raise InputError(problems)
    return Manifest(path, publication, date, number, edition, pages)


def _from_json(data: Any, path: Path) -> Manifest:
    problems: list[Problem] = []
    top = _Fields(data, path, "", problems, strict=False)
    if top.get("format", str, "newspaper-issue") != "newspaper-issue":
        top.error("format", "must be 'newspaper-issue'")
    publication = _publication(top.get("paper", dict, {}, required=True), path, "paper.", problems, False)
    date = _date(top.get("date", str, "", required=True), top, "date")
    number = top.get("issue_number", int)
    edition = top.get("edition", str, "")
    pages = []
    for i, page in enumerate(top.get("pages", list, [], required=True)):
        p = _Fields(page, path, f"pages[{i}].", problems, strict=False)
        files, hints = [], {}
        for j, entry in enumerate(p.get("articles", list, [], required=True)):
            a = _Fields(entry, path, f"pages[{i}].articles[{j}].", problems, strict=False)
            file = a.get("file", str, "", required=True)
            files.append(file)
            hints[file] = {"images": a.get("images", list, [])}
        pages.append(
            PageEntry(
                number=p.get("number", int, i + 1),
                section=p.get("section", str, ""),
                label=p.get("label", str, ""),
                editor=p.get("editor", str, ""),
                files=files,
                hints=hints,
            )
        )
    if problems:
        raise InputError(problems)
    return Manifest(path, publication, date, number, edition, pages)
