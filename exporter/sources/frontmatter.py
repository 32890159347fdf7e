"""Splitting an article file into its YAML front matter and Markdown body."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import InputError, Location

# libyaml's loader when PyYAML was built with it: ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
