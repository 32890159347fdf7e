"""Diagnostics: things worth telling the user that do not stop the build.

A diagnostic has a stable code (``font.fallback``, ``text.punctuation``), a
severity and a location. The reporter collapses repeats of the same code and
message so that one missing character gives one line, not one per use.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import TextIO

from .errors import Location


class Severity(IntEnum):
    INFO = 10
    WARNING = 20
    ERROR = 30


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    severity: Severity = Severity.INFO
    location: Location = field(default_factory=Location)

    def __str__(self) -> str:
        where = str(self.location)
        head = f"{self.severity.name.lower()}[{self.code}]"
        return f"{head} {where}: {self.message}" if where else f"{head} {self.message}"


class Reporter:
    """Collects diagnostics in order; repeats are counted, not repeated."""

    def __init__(self) -> None:
        self._counts: Counter[Diagnostic] = Counter()

    def report(self, diagnostic: Diagnostic) -> None:
        self._counts[diagnostic] += 1

    def info(self, code: str, message: str, location: Location | None = None) -> None:
        self.report(Diagnostic(code, message, Severity.INFO, location or Location()))

    def warning(self, code: str, message: str, location: Location | None = None) -> None:
        self.report(Diagnostic(code, message, Severity.WARNING, location or Location()))

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return list(self._counts)

    def count(self, diagnostic: Diagnostic) -> int:
        return self._counts[diagnostic]

    def by_code(self, code: str) -> list[Diagnostic]:
        return [d for d in self._counts if d.code == code]

    def print(self, stream: TextIO = sys.stderr, minimum: Severity = Severity.INFO) -> None:
        for diagnostic, n in self._counts.items():
            if diagnostic.severity >= minimum:
                suffix = f" (×{n})" if n > 1 else ""
                print(f"{diagnostic}{suffix}", file=stream)


class LocatingReporter(Reporter):
    """Reports into ``inner``, each location completed by ``locate``: a writer
    knows the article and field it was setting, the loader which file held them."""

    def __init__(self, inner: Reporter, locate: Callable[[Location], Location]) -> None:
        self._counts = inner._counts  # one record: what is reported here is the inner reporter's
        self._locate = locate

    def report(self, diagnostic: Diagnostic) -> None:
        super().report(replace(diagnostic, location=self._locate(diagnostic.location)))
