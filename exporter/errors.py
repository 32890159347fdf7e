"""Errors the user can act on, each located by file, article and field.

Every error class carries an exit code; the CLI maps an uncaught
``ExporterError`` to that code and prints its message. Anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

# Exit codes (documented in README.md).
EXIT_OK = 0
EXIT_BUG = 1  # an unexpected error: a bug, reported with its traceback
EXIT_USAGE = 2  # the command line itself is wrong (as click reports it)
EXIT_INPUT = 3  # the input is wrong: missing file, bad syntax, bad field
EXIT_FONT = 4  # a character no configured font can draw, or a font is missing
EXIT_WRITER = 5  # a writer could not produce its output


@dataclass(frozen=True)
class Location:
    """Where a problem is: any of file, article id and field may be unknown."""

    file: str = ""
    article: str = ""
    field: str = ""
    line: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.article:
            parts.append(f"article {self.article}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)

    def with_file(self, file: str | Path) -> "Location":
        return Location(str(file), self.article, self.field, self.line)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input."""

    message: str
    location: Location = field(default_factory=Location)

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class ExporterError(Exception):
    exit_code = EXIT_INPUT

    def __init__(self, problems: list[Problem] | Problem | str, location: Location | None = None):
        if isinstance(problems, str):
            problems = [Problem(problems, location or Location())]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # Rebuilt from its problems when it crosses a process boundary.
        return (type(self), (self.problems,))

    def located(self, locate: Callable[[Location], Location]) -> ExporterError:
        """The same error with each problem's location completed by ``locate``."""
        problems = [replace(p, location=locate(p.location)) for p in self.problems]
        if problems == self.problems:
            return self
        error = type(self)(problems)
        error.__cause__ = self.__cause__
        return error


class InputError(ExporterError):
    """The issue source is wrong (syntax, encoding, fields, paths)."""

    exit_code = EXIT_INPUT


class ModelError(InputError):
    """The issue's content breaks a rule of the model."""


class FontError(ExporterError):
    exit_code = EXIT_FONT


class WriterError(ExporterError):
    exit_code = EXIT_WRITER


class UsageError(ExporterError):
    exit_code = EXIT_USAGE
