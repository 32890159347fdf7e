"""The normalized model as JSON, for pipelines and tests."""

from __future__ import annotations

from pathlib import Path

from ..model import Issue, issue_to_json
from .base import BuildContext, Writer, issue_basename


class JsonWriter(Writer):
    name = "json"
    description = "the normalized issue model as JSON (schema: exporter/model/issue.schema.json)"
    media_type = "application/json"

    def write(self, issue: Issue, context: BuildContext) -> list[Path]:
        path = context.staging / f"{issue_basename(issue)}.json"
        path.write_text(issue_to_json(issue), encoding="utf-8")
        return [path]
