"""Where the data files the package needs at run time live.

In an installed wheel the repository's ``styles/`` folder is packaged as
``exporter/_data/styles``; in a source checkout it is read in place.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the package data folder {name!r} is missing from this installation")


def repository_fonts_dir() -> Path | None:
    """The repository's fonts/ folder, when running from a checkout."""
    candidate = _PACKAGE.parent / "fonts"
    return candidate if candidate.is_dir() else None
