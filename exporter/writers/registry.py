"""Writers are found through the ``exporter.writers`` entry-point group.

The built-in writers register there exactly as a third-party package would,
and are imported only when asked for, so a missing optional library disables
one writer, not the tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points

from ..errors import UsageError
from .base import Writer

GROUP = "exporter.writers"


@dataclass(frozen=True)
class WriterInfo:
    name: str
    entry_point: EntryPoint

    def load(self) -> type[Writer]:
        cls = self.entry_point.load()
        if not (isinstance(cls, type) and issubclass(cls, Writer)):
            raise UsageError(f"entry point {self.entry_point.value!r} for writer {self.name!r} is not a Writer")
        return cls


def available_writers() -> dict[str, WriterInfo]:
    return dict(_scan_entry_points())


@cache  # reading every installed package's metadata takes some milliseconds
def _scan_entry_points() -> dict[str, WriterInfo]:
    found: dict[str, WriterInfo] = {}
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        if ep.name in found and found[ep.name].entry_point.value != ep.value:
            raise UsageError(
                f"two writers are registered as {ep.name!r}: {found[ep.name].entry_point.value} and {ep.value}"
            )
        found[ep.name] = WriterInfo(ep.name, ep)
    return found


def get_writer(name: str) -> type[Writer]:
    writers = available_writers()
    if name not in writers:
        known = ", ".join(sorted(writers)) or "none"
        raise UsageError(f"no writer named {name!r}; installed writers: {known}")
    cls = writers[name].load()
    missing = cls.missing_requirements()
    if missing:
        hint = f" (pip install 'cjk-news-exporter[{cls.extra}]')" if cls.extra else ""
        raise UsageError(f"writer {name!r} needs {', '.join(missing)}{hint}")
    return cls


def usable_writers() -> list[str]:
    """Names of the installed writers whose libraries are importable."""
    names = []
    for name, info in available_writers().items():
        try:
            if not info.load().missing_requirements():
                names.append(name)
        except (UsageError, ImportError):
            continue
    return names
