"""Splitting an article file into its YAML front matter and Markdown body."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import InputError, Location

# libyaml's loader when PyYAML was built with it: ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# a key of the top-level mapping: at the start of its line (nested keys are indented)
_TOP_LEVEL_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")


def split_front_matter(text: str, file: str) -> tuple[dict[str, Any], str, int]:
    """(fields, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputError(
            "the article has no front matter: it must start with a line '---'", Location(file, line=1)
        )
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise InputError("the front matter is not closed by a line '---'", Location(file, line=1))
    header = "\n".join(lines[1:end])
    try:
        fields = yaml.load(header, Loader=_LOADER) if header.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"malformed YAML in the front matter: {problem}", Location(file, line=line)) from None
    if not isinstance(fields, dict):
        raise InputError("the front matter must be a mapping of 'key: value' lines", Location(file, line=2))
    return fields, "\n".join(lines[end + 1 :]), end + 2


def key_lines(text: str) -> dict[str, int]:
    """The line (from 1) of each top-level key of the front matter of ``text``,
    as ``split_front_matter`` reads it; a key written twice keeps its last line, as YAML does."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        match = _TOP_LEVEL_KEY.match(line)
        if match is not None:
            lines[match[1]] = number
    return lines
