"""Copies of an issue folder with one file edited, for tests of bad or unusual input."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path


def edited_copy(issue: Path, into: Path, relative: str, edit: Callable[[str], str]) -> tuple[Path, Path]:
    """``issue`` copied to ``into``/issue with the text of ``relative`` passed
    through ``edit``: the copy's folder and the edited file."""
    copy = into / "issue"
    shutil.copytree(issue, copy)
    path = copy / relative
    path.write_text(edit(path.read_text("utf-8")), encoding="utf-8")
    return copy, path


def appended(paragraph: str) -> Callable[[str], str]:
    """An edit adding ``paragraph`` at the end of an article file."""
    return lambda text: text.rstrip("\n") + f"\n\n{paragraph}\n"


def replaced(old: str, new: str) -> Callable[[str], str]:
    """An edit replacing ``old``, which must be there."""

    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new)

    return edit
