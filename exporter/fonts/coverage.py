"""Checking, before anything is written, that every character has a glyph.

A writer says which characters it sets in which font role; ``plan_fonts``
answers with the face for each character: the role's own face, or a
fallback face (reported), or a ``FontError`` naming the character and the
article. No character is ever left to be drawn as a .notdef box.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from ..diagnostics import Reporter
from ..errors import FontError, Location, Problem
from .registry import FontFace, FontSet

# Format characters: they take no room and are never drawn. Joiners, the
# word joiner, the BOM, direction marks and invisible operators (text pasted
# from the web carries them); variation selectors (☎️, ideographic variants
# such as 葛󠄀), which ask for a variant a face may or may not have: without
# one, the base character is what a reader sees; the soft hyphen, where no
# line breaks (``typography.cjk.ATTACHED``).
FORMAT_CHARACTERS = frozenset(
    "\u00ad\u034f\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
    + "".join(map(chr, range(0x180B, 0x1810)))
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
# Characters that take no glyph: spacing is done by layout, and format
# characters never reach the page.
INVISIBLE = frozenset(" \u00a0") | FORMAT_CHARACTERS


@dataclass
class FontPlan:
    """Per role: the face for each character used in that role."""

    faces: dict[str, dict[str, FontFace]] = field(default_factory=dict)

    def face_for(self, role: str, char: str) -> FontFace:
        return self.faces[role][char]

    def codepoints_by_face(self) -> dict[FontFace, set[int]]:
        """Which characters each face must hold, for subsetting."""
        out: dict[FontFace, set[int]] = defaultdict(set)
        for chars in self.faces.values():
            for char, face in chars.items():
                out[face].add(ord(char))
        return dict(out)


class TextCollector:
    """Collects (role, text, where) as a writer walks the issue: per role, each
    character with where it was first seen."""

    def __init__(self) -> None:
        self.uses: dict[str, dict[str, Location]] = defaultdict(dict)
        self._roles: dict[str, _Seen] = {}

    def add(self, role: str, text: str, where: Location) -> None:
        seen = self._roles.get(role)
        if seen is None:
            seen = self._roles[role] = _Seen()
        fresh = seen.fresh(text)
        if fresh:
            uses = self.uses[role]
            for char in fresh:
                uses[char] = where


class _Seen:
    """The characters of one role seen so far (and the invisible ones, never
    collected). Most texts bring nothing new: ``str.translate`` deleting the
    known characters tells so in one pass in C, without making a string for
    each character as a set look-up per character does."""

    def __init__(self) -> None:
        self._known: dict[int, None] = dict.fromkeys(map(ord, INVISIBLE))

    def fresh(self, text: str) -> list[str]:
        """The characters of ``text`` not seen before, in order, each once; now seen."""
        rest = text.translate(self._known)
        if not rest:
            return []
        new = list(dict.fromkeys(rest))
        self._known.update(dict.fromkeys(map(ord, new)))
        return new


def plan_fonts(collector: TextCollector, fonts: FontSet, reporter: Reporter) -> FontPlan:
    plan = FontPlan()
    problems: list[Problem] = []
    fallbacks = None
    for role in sorted(collector.uses):
        primary = fonts.face(role)
        covered = primary.codepoints
        chosen: dict[str, FontFace] = {}
        for char, where in collector.uses[role].items():
            if ord(char) in covered:
                chosen[char] = primary
                continue
            if fallbacks is None:
                fallbacks = fonts.fallback_faces()
            face = next((f for f in fallbacks if ord(char) in f.codepoints), None)
            if face is None:
                problems.append(Problem(f"no configured font can draw {describe(char)}", where))
                continue
            chosen[char] = face
            reporter.warning(
                "font.fallback",
                f"{describe(char)} is not in {primary.family} ({role}); drawn with {face.family}",
                where,
            )
        plan.faces[role] = chosen
    if problems:
        raise FontError(problems)
    return plan


def describe(char: str) -> str:
    name = unicodedata.name(char, "unnamed")
    return f"{char!r} U+{ord(char):04X} {name}"
