"""Reading style files from ``styles/``: TOML, merged over the theme they extend.

A theme may only set keys its base defines, with values of the same type,
so a typo in a style file is an error naming the file and the key.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError, Location
from ..resources import data_dir
from .theme import Theme


def styles_dir() -> Path:
    return data_dir("styles")


def available_themes() -> list[str]:
    return sorted(p.stem for p in styles_dir().glob("*.toml") if p.stem != "base")


def load_theme(name_or_path: str = "print") -> Theme:
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = styles_dir() / f"{name_or_path}.toml"
        if not path.is_file():
            raise InputError(
                f"no style named {name_or_path!r}; available: {', '.join(available_themes())}",
                Location(field="style"),
            )
    return _load(str(path.resolve()))


@lru_cache(maxsize=16)
def _load(path: str) -> Theme:
    data = _merged(Path(path), seen=())
    return Theme(name=data["name"], description=data.get("description", ""), data=data)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise InputError("style file not found", Location(str(path))) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed TOML: {exc}", Location(str(path))) from None


def _merged(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    if path in seen:
        raise InputError("style files extend each other in a loop", Location(str(path)))
    data = _read(path)
    parent_name = data.get("extends", "")
    if not parent_name:
        return data
    parent_path = path.with_name(f"{parent_name}.toml")
    if not parent_path.is_file():
        parent_path = styles_dir() / f"{parent_name}.toml"
    base = _merged(parent_path, seen + (path,))
    return _overlay(base, data, path, prefix="")


def _overlay(base: dict[str, Any], over: dict[str, Any], path: Path, prefix: str) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        dotted = f"{prefix}{key}"
        if key not in base:
            raise InputError(f"unknown key {dotted!r}", Location(str(path), field=dotted))
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise InputError(f"{dotted!r} must be a table", Location(str(path), field=dotted))
            merged[key] = _overlay(base[key], value, path, prefix=f"{dotted}.")
        else:
            if not _same_kind(base[key], value):
                raise InputError(
                    f"{dotted!r} must be {type(base[key]).__name__}, not {type(value).__name__}",
                    Location(str(path), field=dotted),
                )
            merged[key] = value
    return merged


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))
