"""Flags for likely misprints (土兵 for 士兵), from a small data file.

Only flagged in the report, never changed: the text of a story is the
newsroom's, and a rare word can look like a misprint.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Typo:
    wrong: str
    right: str
    exceptions: tuple[str, ...]


@lru_cache(maxsize=1)
def known_typos() -> tuple[Typo, ...]:
    text = resources.files(__package__).joinpath("data").joinpath("typos.tsv").read_text("utf-8")
    typos = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wrong, right, *rest = line.split("\t")
        exceptions = tuple(x for x in (rest[0].split(",") if rest else []) if x)
        typos.append(Typo(wrong, right, exceptions))
    return tuple(typos)


def find_typos(text: str) -> list[tuple[int, Typo]]:
    """(offset, typo) for each likely misprint in ``text``, in order."""
    found = []
    for typo in known_typos():
        start = text.find(typo.wrong)
        while start >= 0:
            if not _excepted(text, start, typo):
                found.append((start, typo))
            start = text.find(typo.wrong, start + 1)
    return sorted(found, key=lambda item: item[0])


def _excepted(text: str, start: int, typo: Typo) -> bool:
    for longer in typo.exceptions:
        offset = longer.find(typo.wrong)
        while offset >= 0:
            if text.startswith(longer, start - offset):
                return True
            offset = longer.find(typo.wrong, offset + 1)
    return False
