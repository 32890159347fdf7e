"""Building an archive of issues: in parallel, resumable, with one rolling feed.

Layout of the output folder:

    OUT/editions/   the PDF, EPUB and DOCX files of every issue (named by issue)
    OUT/site/       the web edition and the feeds (the rss writer's folder), shared
                    by all issues, so that its feed rolls over the whole archive
    OUT/.batch-state.json   what was built from which source, for resuming

An issue is skipped when its source files, the formats, the settings and the
exporter's version hash to what the state file says was built, and those
outputs still exist. Issues build in worker processes; the rss writer, which
reads and rewrites the shared feed state, runs under a file lock so only one
worker updates the site at a time. A failing issue is reported and the others
go on.
"""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import __version__
from .build import build_loaded, resolve_writers
from .cache import content_key
from .diagnostics import Reporter
from .errors import ExporterError, InputError, Location
from .load import load_issue
from .sources.manifest import MANIFEST_NAMES
from .themes import load_theme

SITE_WRITERS = ("rss",)  # writers whose output folder is shared by the whole archive
STATE_FILE = ".batch-state.json"


@dataclass
class IssueOutcome:
    source: str
    status: str  # built, skipped, failed
    outputs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    key: str = ""


@dataclass
class BatchResult:
    outcomes: list[IssueOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def find_issues(archive: Path) -> list[Path]:
    """The issue folders of an archive, in date order (folder name order)."""
    if not archive.is_dir():
        raise InputError("archive folder not found", Location(str(archive)))
    listing = archive / "archive.json"
    if listing.is_file():
        try:
            entries = json.loads(listing.read_text("utf-8"))["issues"]
            folders = [archive / entry["dir"] for entry in entries]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"malformed archive listing: {exc}", Location(str(listing))) from None
    else:
        folders = [p for p in archive.iterdir() if p.is_dir() and any((p / m).is_file() for m in MANIFEST_NAMES)]
    if any((archive / m).is_file() for m in MANIFEST_NAMES):
        folders.append(archive)  # the archive is itself one issue
    return sorted(dict.fromkeys(folders), key=lambda p: p.name)


def source_key(issue_dir: Path, formats: list[str], settings: dict[str, str]) -> str:
    """A hash of everything an issue's outputs are made from."""
    parts: list[bytes | str] = [__version__, json.dumps(sorted(formats)), json.dumps(settings, sort_keys=True)]
    for path in sorted(p for p in issue_dir.rglob("*") if p.is_file()):
        parts.append(path.relative_to(issue_dir).as_posix())
        parts.append(path.read_bytes())
    return content_key(*parts)


def run_batch(
    archive: Path,
    out_dir: Path,
    formats: list[str],
    settings: dict[str, str],
    jobs: int = 1,
    progress: Callable[[IssueOutcome], None] | None = None,
) -> BatchResult:
    resolve_writers(formats, settings)  # wrong formats or options stop here, before any work
    issues = find_issues(archive)
    out_dir.mkdir(parents=True, exist_ok=True)
    state = _read_state(out_dir)
    result = BatchResult()
    todo: list[tuple[Path, str]] = []
    for issue_dir in issues:
        key = source_key(issue_dir, formats, settings)
        previous = state.get(str(issue_dir.resolve()))
        if previous and previous["key"] == key and all((out_dir / p).exists() for p in previous["outputs"]):
            outcome = IssueOutcome(str(issue_dir), "skipped", previous["outputs"], key=key)
            result.outcomes.append(outcome)
            if progress:
                progress(outcome)
        else:
            todo.append((issue_dir, key))

    def finished(outcome: IssueOutcome) -> None:
        result.outcomes.append(outcome)
        if outcome.status == "built":
            state[str(Path(outcome.source).resolve())] = {"key": outcome.key, "outputs": outcome.outputs}
            _write_state(out_dir, state)
        if progress:
            progress(outcome)

    if jobs <= 1 or len(todo) <= 1:
        for issue_dir, key in todo:
            finished(build_one_issue(issue_dir, key, out_dir, formats, settings))
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [pool.submit(build_one_issue, d, k, out_dir, formats, settings) for d, k in todo]
            for future in as_completed(futures):
                finished(future.result())
    result.outcomes.sort(key=lambda o: o.source)
    return result


def build_one_issue(issue_dir: Path, key: str, out_dir: Path, formats: list[str], settings: dict[str, str]) -> IssueOutcome:
    """All formats of one issue: editions first, then the shared site under its lock."""
    outcome = IssueOutcome(str(issue_dir), "built", key=key)
    try:
        reporter = Reporter()
        loaded = load_issue(issue_dir, reporter=reporter)
        theme = load_theme(settings.get("style", "print"))
        editions = [f for f in formats if f not in SITE_WRITERS]
        site = [f for f in formats if f in SITE_WRITERS]
        for names, target in ((editions, out_dir / "editions"), (site, out_dir / "site")):
            if not names:
                continue
            with _site_lock(out_dir) if target.name == "site" else _no_lock():
                built = build_loaded(loaded, resolve_writers(names, settings), target, settings, theme, reporter)
            for name, error in built.failures.items():
                outcome.errors.extend(f"{name}: {problem}" for problem in error.problems)
            for paths in built.outputs.values():
                outcome.outputs.extend(str(p.relative_to(out_dir)) for p in paths)
    except ExporterError as error:
        outcome.errors.extend(str(problem) for problem in error.problems)
    except Exception as error:  # a bug: report it with the issue, keep the batch going
        outcome.errors.append(f"{type(error).__name__}: {error}")
    if outcome.errors:
        outcome.status = "failed"
    return outcome


@contextmanager
def _site_lock(out_dir: Path) -> Iterator[None]:
    with open(out_dir / ".site.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _no_lock() -> Iterator[None]:
    yield


def _read_state(out_dir: Path) -> dict:
    path = out_dir / STATE_FILE
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError:
        return {}  # a damaged state only costs a rebuild


def _write_state(out_dir: Path, state: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".state-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(state, handle, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(tmp, out_dir / STATE_FILE)
