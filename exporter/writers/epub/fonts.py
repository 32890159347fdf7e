"""Fonts embedded in the e-book, subset to the characters of the issue.

Every face the book's text needs is embedded: each role's own face with the
characters set in that role, fallback faces with the characters their role
face lacks, and the body face with every character of the book, so that it
can stand in anywhere. A reading system without a Chinese serif then still
shows the intended faces, and one that ignores embedded fonts still has the
theme's stacks to fall back on.

Format: OpenType as the face is (CFF outlines in .otf for Noto CJK,
TrueType in .ttf for LXGW WenKai), both EPUB core media types that every
reading system embedding fonts supports (Adobe RMSDK, Kindle, Apple Books,
Kobo, Readium) and that EPUBCheck accepts without warnings. WOFF2 would be
about a third smaller, but older e-ink readers (RMSDK) cannot read it.
The layout tables are kept with a few features only: ``ccmp`` joins
破折号 —— into one 2-em line, ``halt`` lets readers trim punctuation (CSS
``text-spacing-trim``), ``kern``/``mark`` serve Latin text. ``locl`` is
not kept (it reaches the Japanese, Korean and Traditional forms of every
ideograph and doubles the size): the subset maps each character straight to
its form in the book's language instead (the full-width em dash of zh-Hans).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...diagnostics import Reporter
from ...errors import FontError
from ...fonts.coverage import FontPlan, plan_fonts
from ...fonts.registry import FontFace, FontSet
from ...fonts.subset import subset_face
from .._css import font_face_rule
from .text import BookText

FONT_DIR = "fonts"
LAYOUT_FEATURES = ("calt", "ccmp", "chws", "halt", "kern", "liga", "mark", "mkmk")  # kept when present
SUFFIX = "Subset"  # embedded families are named apart from installed ones
SPACES = (0x20, 0xA0, 0x3000)
# The soft hyphen needs no glyph where it stands (coverage skips it), but a reader
# that breaks a word there draws a hyphen: these come along in every subset.
HYPHENS = (0x2D, 0xAD, 0x2010)


@dataclass(frozen=True)
class EmbeddedFont:
    family: str  # the CSS family name
    weight: int  # 400, 700 …
    file_name: str  # relative to the package folder
    item_id: str
    media_type: str
    data: bytes

    @property
    def css_format(self) -> str:
        return "opentype" if self.file_name.endswith(".otf") else "truetype"


@dataclass
class Embedding:
    fonts: list[EmbeddedFont] = field(default_factory=list)
    families: dict[str, list[str]] = field(default_factory=dict)  # role -> embedded families, in order

    def font_face_css(self, folder: str) -> str:
        """@font-face rules; ``folder`` is the fonts folder seen from the stylesheet."""
        return "".join(
            font_face_rule(f.family, f"{folder}/{f.file_name.rsplit('/', 1)[-1]}", f.css_format, str(f.weight))
            for f in self.fonts
        )


def plan_book_fonts(text: BookText, fonts: FontSet, reporter: Reporter, *, strict: bool) -> FontPlan | None:
    """The face of every character, or None when some has none and ``strict``
    is off (fonts not embedded: the reader's own fonts will decide)."""
    try:
        return plan_fonts(text.collector, fonts, reporter)
    except FontError as error:
        # A character is checked once per role it appears in; report it once.
        problems = list(dict.fromkeys(error.problems))
        if strict:
            raise FontError(problems) from None
        for problem in problems:
            reporter.warning("font.not-covered", f"{problem.message}; the reader's fonts must supply it",
                             problem.location)
        return None


def embed(plan: FontPlan, language: str) -> Embedding:
    """Subset and name one file per face the plan uses, with the glyph forms of ``language``."""
    points = _codepoints_by_file(plan)
    embedding = Embedding()
    named: dict[tuple[str, int], EmbeddedFont] = {}
    taken: set[tuple[str, int]] = set()
    for face in _faces_in_order(plan):
        key = (face.content_hash, face.index)
        if key in named:
            continue
        weight = min(900, max(100, round(face.weight / 100) * 100))
        family = f"{face.family} {SUFFIX}"
        n = 2
        while (family, weight) in taken:  # two files claiming one family and weight
            family = f"{face.family} {SUFFIX} {n}"
            n += 1
        taken.add((family, weight))
        data = subset_face(face, points[key], features=LAYOUT_FEATURES, localize=language)
        extension, media_type = (".otf", "font/otf") if face.is_cff else (".ttf", "font/ttf")
        stem = _slug(f"{family}-{weight}")
        named[key] = EmbeddedFont(family, weight, f"{FONT_DIR}/{stem}{extension}", f"font-{stem}",
                                  media_type, data)
        embedding.fonts.append(named[key])
    for role, chars in sorted(plan.faces.items()):
        families: list[str] = []
        for face in _role_faces(role, chars):
            family = named[(face.content_hash, face.index)].family
            if family not in families:
                families.append(family)
        embedding.families[role] = families
    return embedding


def _faces_in_order(plan: FontPlan) -> list[FontFace]:
    """Faces by role (body first), each role's own face before its fallbacks."""
    roles = sorted(plan.faces, key=lambda r: (r != "body", r))
    return [face for role in roles for face in _role_faces(role, plan.faces[role])]


def _role_faces(role: str, chars: dict[str, FontFace]) -> list[FontFace]:
    """The faces a role's characters use: its own first, then fallbacks."""
    return sorted(set(chars.values()), key=lambda f: (f.role != role, f.role, f.key))


def _codepoints_by_file(plan: FontPlan) -> dict[tuple[str, int], set[int]]:
    out: dict[tuple[str, int], set[int]] = {}
    for face, points in plan.codepoints_by_face().items():
        # Spaces need no check (coverage skips them) but do need a glyph in
        # each face, or the reader takes their width from some other font.
        spaces = {cp for cp in SPACES + HYPHENS if face.covers(cp)}
        out.setdefault((face.content_hash, face.index), set()).update(points | spaces)
    return out


def _slug(text: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower()).strip("-")

