"""Building an issue into the requested formats.

All writers are found and their options checked before any work starts.
Each writer writes into its own staging folder inside the output folder;
only a writer that finished has its files moved into place (a rename), so an
error never leaves a partial file where the user looks for output.

With ``jobs`` > 1 worker processes share the build (``workers``): they start
before the issue is read and get ready meanwhile, take a share of the
articles to read once ready, and then every process takes writers from one
queue, ordered most costly first, until none is left: the workers from its
front, this process from its back.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .cache import cache_limit
from .diagnostics import LocatingReporter, Reporter
from .errors import ExporterError, UsageError, WriterError
from .fonts.registry import FontSet
from .load import LoadedIssue, load_issue
from .memory import collector_paused
from .themes import load_theme
from .workers import WorkerGroup
from .writers.base import BuildContext, Writer
from .writers.registry import get_writer


GLOBAL_SETTINGS = ("style", "base_url")


@dataclass
class BuildResult:
    outputs: dict[str, list[Path]] = field(default_factory=dict)
    failures: dict[str, ExporterError] = field(default_factory=dict)


def resolve_writers(formats: list[str], settings: dict[str, str]) -> list[type[Writer]]:
    classes = [get_writer(name) for name in dict.fromkeys(formats)]
    # Settings of the command line itself apply to whichever writers read them.
    known = set(GLOBAL_SETTINGS).union(*(cls.Options.names() for cls in classes))
    unknown = sorted(set(settings) - known)
    if unknown:
        raise UsageError(
            f"option {', '.join(unknown)} is not known to the writers {', '.join(c.name for c in classes)}"
        )
    return classes


def build(
    source: Path,
    formats: list[str],
    out_dir: Path,
    settings: dict[str, str] | None = None,
    encoding: str | None = None,
    reporter: Reporter | None = None,
    jobs: int = 1,
) -> BuildResult:
    settings = dict(settings or {})
    reporter = reporter or Reporter()
    classes = resolve_writers(formats, settings)
    cache_limit()  # a bad EXPORTER_CACHE_LIMIT is told now, not when the cache is next trimmed
    theme = load_theme(settings.get("style", "print"))
    if _worker_count(classes, jobs) == 0:
        loaded = load_issue(source, encoding, reporter)
        return build_loaded(loaded, classes, out_dir, settings, theme, reporter, jobs)
    # The issue and what the writers make live until the build ends (see ``memory``).
    with collector_paused():
        # workers that are ready take a share of the articles still to read
        return _build_in_parallel(lambda spread: load_issue(source, encoding, reporter, spread),
                                  classes, out_dir, settings, theme, reporter, jobs)


def default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 4))


def build_loaded(loaded: LoadedIssue, classes, out_dir, settings, theme, reporter, jobs: int = 1) -> BuildResult:
    with collector_paused():  # see ``memory``
        return _build_loaded(loaded, classes, out_dir, settings, theme, reporter, jobs)


def _build_loaded(loaded: LoadedIssue, classes, out_dir, settings, theme, reporter, jobs: int) -> BuildResult:
    if _worker_count(classes, jobs):
        return _build_in_parallel(lambda spread: loaded, classes, out_dir, settings, theme, reporter, jobs)
    out_dir.mkdir(parents=True, exist_ok=True)
    fonts = FontSet(theme)
    result = BuildResult()
    for cls in classes:
        _run_writer(cls, loaded, out_dir, settings, theme, fonts, reporter, result, jobs)
    return result


def _worker_count(classes, jobs: int) -> int:
    """Processes beside this one: one per writer beyond the first, within ``jobs``."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return max(0, min(jobs, len(classes)) - 1)


def _build_in_parallel(read, classes, out_dir, settings, theme, reporter, jobs: int) -> BuildResult:
    """The build with worker processes (see ``workers``); ``read(spread)`` gives the
    issue, sharing its articles out with ``spread`` if it reads them."""
    queue = _writer_queue(classes)
    setup = _writer_setup(queue, settings, theme, jobs)
    # Each process would find the fonts and read their character maps (8 ms):
    # done once here, the workers have them from the start.
    FontSet(theme).locate_all()
    with WorkerGroup(_worker_count(classes, jobs), len(queue), setup) as workers:
        loaded = read(workers.spread)
        out_dir.mkdir(parents=True, exist_ok=True)
        made, lost = workers.run(loaded, out_dir)
    return _merge(classes, queue, made, lost, reporter)


def _writer_setup(queue: list[type[Writer]], settings, theme, jobs: int):
    """What each process of a parallel build needs to run the writers of ``queue``
    (see ``workers``): the writers' imports, a font set, and a function running
    the writer at a place in the queue with its own reporter."""

    def setup(warm: bool):
        if warm:
            # A worker, while the issue is read: import what the first writer of the
            # queue needs, the one a worker takes first (see ``workers._take``). Any
            # other it takes imports what it needs then: a worker ready sooner takes
            # a share of the reading.
            queue[0].warm_up()
        fonts = FontSet(theme)
        if warm:
            fonts.locate_all()

        def run_writer(index: int, loaded: LoadedIssue, out_dir: Path):
            reporter, result = Reporter(), BuildResult()
            _run_writer(queue[index], loaded, out_dir, settings, theme, fonts, reporter, result, jobs)
            return result, [(d, reporter.count(d)) for d in reporter.diagnostics]

        return run_writer

    return setup


def _writer_queue(classes) -> list[type[Writer]]:
    """The writers most costly first: the last to be taken, in the middle, are
    quicker than the first, so that the processes finish close together."""
    return sorted(classes, key=lambda c: -c.relative_cost)


def _merge(classes, queue, made, lost, reporter: Reporter) -> BuildResult:
    """One result from the writers' own, in the order the writers were asked for
    (whichever process ran them), their diagnostics reported in that order too."""
    result = BuildResult()
    by_name = {cls.name: index for index, cls in enumerate(queue)}
    for cls in classes:
        index = by_name[cls.name]
        if index in made:
            part, diagnostics = made[index]
        else:
            error = WriterError(f"the process running {cls.name} (worker {lost[index]}) ended unexpectedly")
            part, diagnostics = BuildResult(failures={cls.name: error}), []
        for diagnostic, count in diagnostics:
            for _ in range(count):
                reporter.report(diagnostic)
        result.outputs.update(part.outputs)
        result.failures.update(part.failures)
    return result


def _run_writer(cls, loaded, out_dir, settings, theme, fonts, reporter, result: BuildResult,
                jobs: int = 1) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{cls.name}-staging-", dir=out_dir))
    # A writer locates what it reports by article and field; the source file is added here.
    reporter = LocatingReporter(reporter, loaded.locate)
    try:
        options = cls.Options.from_settings(settings, cls.name)
        context = BuildContext(loaded.root, out_dir, staging, theme, fonts, reporter, options, settings, jobs)
        written = cls().write(loaded.issue, context)
        result.outputs[cls.name] = publish(staging, out_dir, written)
    except ExporterError as error:
        result.failures[cls.name] = error.located(loaded.locate)
    except Exception as error:  # a bug in a writer: keep the other writers going
        wrapped = WriterError(f"writer {cls.name!r} failed: {type(error).__name__}: {error}")
        wrapped.__cause__ = error
        result.failures[cls.name] = wrapped
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, out_dir: Path, written: list[Path]) -> list[Path]:
    """Move everything the writer left in ``staging`` into ``out_dir``."""
    final = []
    for entry in sorted(staging.iterdir()):
        target = out_dir / entry.name
        if entry.is_dir() and target.exists():
            trash = Path(tempfile.mkdtemp(prefix=".old-", dir=out_dir))
            os.replace(target, trash / entry.name)
            os.replace(entry, target)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            os.replace(entry, target)
    for path in written:
        final.append(out_dir / path.relative_to(staging))
    return final
