"""Loading an issue from any supported source."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Reporter
from .errors import Location, ModelError
from .memory import collector_paused
from .model import issue_from_json, validate_issue
from .sources.encoding import read_text
from .sources.issue_folder import LoadedIssue, Spread, load_issue_folder


def load_issue(
    path: Path, encoding: str | None = None, reporter: Reporter | None = None, spread: Spread | None = None
) -> LoadedIssue:
    """An issue folder, or a JSON file written by the json writer. ``spread`` may
    share a folder's articles out between processes (see ``issue_folder``)."""
    with collector_paused():  # the model's objects all live on
        return _load(path, encoding, reporter, spread)


def _load(path: Path, encoding: str | None, reporter: Reporter | None, spread: Spread | None) -> LoadedIssue:
    if path.is_file() and path.suffix == ".json":
        issue = issue_from_json(read_text(path, encoding), str(path))
        files = {article.id: str(path) for _, article in issue.articles()}
        problems = validate_issue(issue, files)
        if problems:
            raise ModelError(problems)
        return LoadedIssue(issue, path.parent, files, str(path))
    return load_issue_folder(path, encoding, reporter, spread)


__all__ = ["LoadedIssue", "load_issue", "Location"]
