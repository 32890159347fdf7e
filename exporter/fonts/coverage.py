"""Checking, before anything is written, that every character has a glyph.

A writer says which characters it sets in which font role; ``plan_fonts``
answers with the face for each character: the role's own face, or a
fallback face (reported), or a ``FontError`` naming the character and the
article. No character is ever left to be drawn as a .notdef box.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..diagnostics import Reporter
from ..errors import FontError, Location, Problem
from ..typography.cjk import FORMAT_CHARACTERS
from .registry import FontFace, FontSet

# Characters that take no glyph: spacing is done by layout, and format
# characters (``typography.cjk``) never reach the page.
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
        chosen: dict[str, FontFace] = {}
        for char, where in collector.uses[role].items():
            if primary.covers(ord(char)):
                chosen[char] = primary
                continue
            if fallbacks is None:
                fallbacks = fonts.fallback_faces()
            face = next((f for f in fallbacks if f.covers(ord(char))), None)
            if face is None:
                problems.append(no_font_for(char, where))
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


def undrawable(texts: Iterable[tuple[Location, str]], fonts: FontSet) -> list[Problem]:
    """Each character that no face of the theme has, neither a role's nor a
    fallback, where it is first used: every writer setting it would stop."""
    roles = dict.fromkeys((*fonts.theme.font_roles, *fonts.theme.fallback_roles))
    faces = list(dict.fromkeys(fonts.face(role) for role in roles))
    seen = _Seen()
    problems = []
    for where, text in texts:
        for char in seen.fresh(text):
            if not any(face.covers(ord(char)) for face in faces):
                problems.append(no_font_for(char, where))
    return problems


def no_font_for(char: str, where: Location) -> Problem:
    return Problem(f"no configured font can draw {describe(char)}", where)


def describe(char: str) -> str:
    name = unicodedata.name(char, "unnamed")
    return f"{char!r} U+{ord(char):04X} {name}"
