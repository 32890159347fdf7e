"""Building an issue into the requested formats.

All writers are found and their options checked before any work starts.
Each writer writes into its own staging folder inside the output folder;
only a writer that finished has its files moved into place (a rename), so an
error never leaves a partial file where the user looks for output.

With ``jobs`` > 1 the writers are grouped by their relative cost so that the
cores finish together: this process runs the lightest group, forked worker
processes the others. The workers start before the issue is read, and import
their writers and find their fonts meanwhile; the loaded issue is sent to them.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Reporter
from .errors import ExporterError, UsageError, WriterError
from .fonts.registry import FontSet
from .load import LoadedIssue, load_issue
from .memory import collector_paused, ends_without_freeing
from .themes import load_theme
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
    theme = load_theme(settings.get("style", "print"))
    groups = _schedule(classes, jobs)
    if not _can_fork(groups):
        loaded = load_issue(source, encoding, reporter)
        return build_loaded(loaded, classes, out_dir, settings, theme, reporter, jobs)
    # The issue and what the writers make live until the build ends (see ``memory``).
    with collector_paused():
        with WorkerGroup(groups[:-1], settings, theme, jobs) as workers:
            # the workers read a share of the articles while this process reads the rest
            loaded = load_issue(source, encoding, reporter, workers.spread)
            out_dir.mkdir(parents=True, exist_ok=True)
            result = workers.run(loaded, out_dir, classes, groups[-1], reporter)
        del loaded  # before the collector runs again: its first pass need not walk the issue
    return result


def default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 4))


def build_loaded(loaded: LoadedIssue, classes, out_dir, settings, theme, reporter, jobs: int = 1) -> BuildResult:
    with collector_paused():  # see ``memory``
        return _build_loaded(loaded, classes, out_dir, settings, theme, reporter, jobs)


def _build_loaded(loaded: LoadedIssue, classes, out_dir, settings, theme, reporter, jobs: int) -> BuildResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    groups = _schedule(classes, jobs)
    if _can_fork(groups):
        with WorkerGroup(groups[:-1], settings, theme, jobs) as workers:
            return workers.run(loaded, out_dir, classes, groups[-1], reporter)
    fonts = FontSet(theme)
    result = BuildResult()
    for cls in classes:
        _run_writer(cls, loaded, out_dir, settings, theme, fonts, reporter, result, jobs)
    return result


def _can_fork(groups) -> bool:
    return len(groups) > 1 and "fork" in multiprocessing.get_all_start_methods()


class WorkerGroup:
    """One forked process per group of writers. Each imports its writers and
    finds its fonts as soon as it starts, may be given a share of the issue's
    articles to read (``spread``), receives the loaded issue through a pipe
    (pickled: some milliseconds), runs its writers and sends back their
    results. This process runs one more group itself meanwhile. The workers are
    forked while the collector is paused, and keep it so (see ``memory``)."""

    def __init__(self, groups: list[list[type[Writer]]], settings: dict[str, str], theme, jobs: int):
        self.groups = groups
        self.settings, self.theme, self.jobs = settings, theme, jobs
        context = multiprocessing.get_context("fork")
        self.workers = []
        for group in groups:
            ours, theirs = context.Pipe()
            process = context.Process(
                target=_worker, args=([cls.name for cls in group], theirs, settings, theme, jobs), daemon=True
            )
            process.start()
            theirs.close()
            self.workers.append((process, ours))

    def __enter__(self) -> "WorkerGroup":
        return self

    def __exit__(self, *exc) -> None:
        for process, pipe in self.workers:
            if process.is_alive():
                try:
                    pipe.send(None)  # nothing to do: the issue could not be read
                except OSError:
                    pass
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
            pipe.close()

    def spread(self, function, items, weights) -> list:
        """``[function(item) for item in items]``, in shares of about equal weight:
        the first computed here, one by each worker meanwhile. A share a worker
        could not compute (it raised, or died) is computed here, so that any
        error is raised in this process as it would be without workers."""
        shares = split_by_weight(list(items), list(weights), len(self.workers) + 1)
        asked = []
        for (_, pipe), share in zip(self.workers, shares[1:]):
            try:
                pipe.send(("map", function, share))
                asked.append(True)
            except Exception:  # the worker is gone, or the function cannot be pickled: do it here
                asked.append(False)
        results = [function(item) for item in shares[0]]
        for (_, pipe), share, ok in zip(self.workers, shares[1:], asked):
            part = None
            if ok:
                try:
                    part = pipe.recv()
                except EOFError:  # the worker died; ``run`` reports it
                    pass
            results.extend(part if part is not None else (function(item) for item in share))
        return results

    def run(self, loaded: LoadedIssue, out_dir: Path, classes, own: list[type[Writer]],
            reporter: Reporter) -> BuildResult:
        """All writers' results: the workers' groups, and ``own`` run here."""
        for _, pipe in self.workers:
            try:
                pipe.send(("build", loaded, out_dir))
            except OSError:  # that worker is gone; recv below reports it
                pass
        result = BuildResult()
        fonts = FontSet(self.theme)
        for cls in own:
            _run_writer(cls, loaded, out_dir, self.settings, self.theme, fonts, reporter, result, self.jobs)
        for (process, pipe), group in zip(self.workers, self.groups):
            try:
                part, diagnostics = pipe.recv()
            except EOFError:  # the worker died (killed, out of memory)
                error = WriterError(f"the process running {', '.join(c.name for c in group)} ended unexpectedly")
                part, diagnostics = BuildResult(failures={cls.name: error for cls in group}), []
            for diagnostic, count in diagnostics:
                for _ in range(count):
                    reporter.report(diagnostic)
            result.outputs.update(part.outputs)
            result.failures.update(part.failures)
        # Report in the order the writers were asked for, whichever process ran them.
        order = [cls.name for cls in classes]
        result.outputs = {name: result.outputs[name] for name in order if name in result.outputs}
        result.failures = {name: result.failures[name] for name in order if name in result.failures}
        return result


def _worker(names: list[str], pipe, settings, theme, jobs: int) -> None:
    ends_without_freeing()
    classes = [get_writer(name) for name in names]
    for cls in classes:
        cls.warm_up()
    fonts = FontSet(theme)
    fonts.locate_all()  # while the issue is read
    job = pipe.recv()
    while job is not None and job[0] == "map":
        _, function, items = job
        try:
            pipe.send([function(item) for item in items])
        except Exception:  # the parent computes this share again, and reports what fails
            pipe.send(None)
        job = pipe.recv()
    if job is None:
        return
    _, loaded, out_dir = job
    reporter = Reporter()
    result = BuildResult()
    for cls in classes:
        _run_writer(cls, loaded, out_dir, settings, theme, fonts, reporter, result, jobs)
    pipe.send((result, [(d, reporter.count(d)) for d in reporter.diagnostics]))
    # The work is sent: end now, leaving the issue and what the writers made to
    # the system rather than freeing them object by object (see ``memory``).
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)


def split_by_weight(items: list, weights: list[float], parts: int) -> list[list]:
    """``items`` in ``parts`` runs, in order, of about equal total weight (some may be empty)."""
    total = sum(weights) or 1.0
    shares: list[list] = [[] for _ in range(parts)]
    running = 0.0
    for item, weight in zip(items, weights):
        # the share the middle of this item falls in
        index = min(int((running + weight / 2) / total * parts), parts - 1)
        shares[index].append(item)
        running += weight
    return shares


def _schedule(classes, jobs: int) -> list[list[type[Writer]]]:
    """Writers in at most ``jobs`` groups of about equal cost (longest first)."""
    groups: list[list[type[Writer]]] = [[] for _ in range(max(1, min(jobs, len(classes))))]
    loads = [0.0] * len(groups)
    for cls in sorted(classes, key=lambda c: -c.relative_cost):
        i = loads.index(min(loads))
        groups[i].append(cls)
        loads[i] += cls.relative_cost
    return [g for g in groups if g]


def _run_writer(cls, loaded, out_dir, settings, theme, fonts, reporter, result: BuildResult,
                jobs: int = 1) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{cls.name}-staging-", dir=out_dir))
    try:
        options = cls.Options.from_settings(settings, cls.name)
        context = BuildContext(
            loaded.root, out_dir, staging, theme, fonts, reporter, options, settings, loaded.files, jobs
        )
        written = cls().write(loaded.issue, context)
        result.outputs[cls.name] = publish(staging, out_dir, written)
    except ExporterError as error:
        result.failures[cls.name] = error
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
