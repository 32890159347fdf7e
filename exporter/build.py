"""Building an issue into the requested formats.

All writers are found and their options checked before any work starts.
Each writer writes into its own staging folder inside the output folder;
only a writer that finished has its files moved into place (a rename), so an
error never leaves a partial file where the user looks for output.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Reporter
from .errors import ExporterError, UsageError, WriterError
from .fonts.registry import FontSet
from .load import LoadedIssue, load_issue
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
) -> BuildResult:
    settings = dict(settings or {})
    reporter = reporter or Reporter()
    classes = resolve_writers(formats, settings)
    theme = load_theme(settings.get("style", "print"))
    loaded = load_issue(source, encoding, reporter)
    return build_loaded(loaded, classes, out_dir, settings, theme, reporter)


def build_loaded(loaded: LoadedIssue, classes, out_dir, settings, theme, reporter) -> BuildResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    fonts = FontSet(theme)
    result = BuildResult()
    for cls in classes:
        staging = Path(tempfile.mkdtemp(prefix=f".{cls.name}-staging-", dir=out_dir))
        try:
            options = cls.Options.from_settings(settings, cls.name)
            context = BuildContext(
                loaded.root, out_dir, staging, theme, fonts, reporter, options, settings, loaded.files
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
    return result


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
