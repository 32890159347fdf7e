"""The writer interface. Writers translate the model; they never edit its text.

A writer describes itself in class attributes, so the registry and the CLI
can list and check it without running it. It writes its files into
``context.staging``; the build moves them into the output folder only when
the writer has finished, so a failure never leaves half a file behind.
"""

from __future__ import annotations

import datetime as dt
import os
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from ..diagnostics import Reporter
from ..errors import UsageError
from ..fonts.registry import FontSet
from ..model import Issue
from ..themes import Theme


@dataclass(frozen=True)
class WriterOptions:
    """Options common to every writer; a writer may subclass to add its own."""

    @classmethod
    def from_settings(cls, settings: dict[str, str], writer: str) -> "WriterOptions":
        """Build from ``-O name=value`` settings, converting each to its field's type."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in settings:
                values[f.name] = _convert(settings[f.name], f.type, f"{writer}: option {f.name}")
        return cls(**values)

    @classmethod
    def names(cls) -> set[str]:
        return {f.name for f in fields(cls)}


def _convert(raw: str, kind: Any, where: str) -> Any:
    kind = kind if isinstance(kind, str) else getattr(kind, "__name__", str(kind))
    kind = kind.removesuffix(" | None")  # an optional field: None means "the theme decides"
    try:
        if kind == "bool":
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        raise UsageError(f"{where}: {raw!r} is not a valid {kind}") from None
    return raw


@dataclass
class BuildContext:
    """What a writer needs besides the issue."""

    source_root: Path  # the issue folder: figure paths are relative to it
    out_dir: Path  # the final output folder (read it, never write it)
    staging: Path  # write here; files are moved to out_dir on success
    theme: Theme
    fonts: FontSet
    reporter: Reporter
    options: WriterOptions
    settings: dict[str, str] = field(default_factory=dict)
    # processes the build may use: a writer that can share out its own work (the PDF's
    # pages) may start helpers when this is above 1
    jobs: int = 1

    def image_path(self, relative: str) -> Path:
        return self.source_root / relative


class Writer(ABC):
    name: ClassVar[str]  # the -f name: pdf, epub, docx, rss, json
    description: ClassVar[str]
    media_type: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()  # modules that must be importable
    extra: ClassVar[str] = ""  # the pip extra that installs them
    relative_cost: ClassVar[float] = 1.0  # work compared with other writers, for scheduling
    Options: ClassVar[type[WriterOptions]] = WriterOptions

    @classmethod
    def missing_requirements(cls) -> list[str]:
        import importlib.util

        return [m for m in cls.requires if importlib.util.find_spec(m) is None]

    @classmethod
    def warm_up(cls) -> None:
        """Import what ``write`` will need. Called in a worker process, for the
        writer it takes first, while the issue is still being read, so that
        imports overlap with loading."""

    @abstractmethod
    def write(self, issue: Issue, context: BuildContext) -> list[Path]:
        """Write the outputs into ``context.staging``; return their paths."""


# ------------------------------------------------------------------ helpers


def issue_basename(issue: Issue) -> str:
    """``<slug>-<date>``: the stem of every output file of an issue."""
    return f"{issue.publication.slug or 'issue'}-{issue.date.isoformat()}"


def issue_datetime(issue: Issue) -> dt.datetime:
    """The timestamp stamped into outputs: SOURCE_DATE_EPOCH when set, else
    midnight of the issue date in the publication's time zone. Never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    try:
        zone = ZoneInfo(issue.publication.timezone)
    except Exception:  # an unknown zone name: China Standard Time is the default
        zone = dt.timezone(dt.timedelta(hours=8))
    return dt.datetime.combine(issue.date, dt.time(0, 0), tzinfo=zone)
