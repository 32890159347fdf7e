"""Finding the font faces a theme names, once per process.

A face is a file plus, for collections (.ttc), the index of the face whose
family name matches. Faces are identified by the hash of their file content,
which keys every cache built from them.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cache import cached_bytes, content_key
from ..errors import FontError, Location
from ..resources import repository_fonts_dir
from ..themes import FontSpec, Theme

SYSTEM_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "C:/Windows/Fonts",
)


@dataclass(frozen=True)
class FontFace:
    role: str
    family: str
    path: Path
    index: int  # face index inside a collection, 0 otherwise
    content_hash: str  # sha256 of the file, hex

    @property
    def is_cff(self) -> bool:
        return _is_cff(str(self.path), self.index)

    @property
    def codepoints(self) -> frozenset[int]:
        """Every code point the face maps: some 45,000 for a CJK face, a set that
        takes milliseconds to make. To ask about single characters, ``covers``."""
        return _codepoints(str(self.path), self.index)

    def covers(self, codepoint: int) -> bool:
        """Does the face map ``codepoint``?"""
        return codepoint in _charset(str(self.path), self.index)

    @property
    def weight(self) -> int:
        """The OS/2 weight class: 400 regular, 700 bold …"""
        return _weight(str(self.path), self.index)

    @property
    def key(self) -> str:
        """A short stable name for caches and embedded font names."""
        return f"{self.content_hash[:16]}-{self.index}"


def font_search_path() -> list[Path]:
    dirs: list[Path] = []
    for entry in os.environ.get("EXPORTER_FONT_PATH", "").split(os.pathsep):
        if entry:
            dirs.append(Path(entry).expanduser())
    repo = repository_fonts_dir()
    if repo is not None:
        dirs.append(repo)
    dirs.extend(Path(d).expanduser() for d in SYSTEM_FONT_DIRS)
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=4)
def _file_index(search_path: tuple[Path, ...]) -> dict[str, Path]:
    """File name -> first path with that name, in search-path order."""
    found: dict[str, Path] = {}
    for root in search_path:
        for dirpath, _dirnames, filenames in os.walk(root):
            for name in sorted(filenames):
                found.setdefault(name, Path(dirpath) / name)
    return found


def locate(spec: FontSpec) -> FontFace:
    index = _file_index(tuple(font_search_path()))
    for filename in spec.files:
        path = index.get(filename)
        if path is None:
            continue
        face_index = _face_index(str(path), spec.family)
        if face_index is not None:
            return FontFace(spec.role, spec.family, path, face_index, _file_hash(str(path)))
    raise FontError(
        f"font {spec.family!r} for role {spec.role!r} not found: looked for "
        f"{', '.join(spec.files)} in {', '.join(str(p) for p in font_search_path()) or 'no font folder'}"
        " (install fonts-noto-cjk and fonts-lxgw-wenkai, or set EXPORTER_FONT_PATH)",
        Location(field=f"fonts.{spec.role}"),
    )


def import_libraries() -> None:
    """Import the library faces are read with (HarfBuzz), for a writer's ``warm_up``."""
    import uharfbuzz  # noqa: F401


class FontSet:
    """The faces of one theme, located once and shared by the writers of a build."""

    def __init__(self, theme: Theme):
        self.theme = theme
        self._faces: dict[str, FontFace] = {}

    def face(self, role: str) -> FontFace:
        if role not in self._faces:
            self._faces[role] = locate(self.theme.font(role))
        return self._faces[role]

    def locate_all(self) -> None:
        """Find every face the theme names now (those that exist)."""
        for role in self.theme.font_roles:
            try:
                self.face(role).covers(0x20)
            except FontError:
                continue  # reported when a writer asks for that role

    def fallback_faces(self) -> list[FontFace]:
        return [self.face(role) for role in self.theme.fallback_roles]


@lru_cache(maxsize=64)
def _file_hash(path: str) -> str:
    """The file's sha256, remembered on disk by path, size and mtime (hashing
    a 30 MB collection costs more than the rest of a small build)."""
    stat = os.stat(path)
    key = content_key("file-hash", path, str(stat.st_size), str(stat.st_mtime_ns))
    return cached_bytes("file-hash", key, lambda: _sha256(path).encode("ascii")).decode("ascii")


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@lru_cache(maxsize=64)
def _face_index(path: str, family: str) -> int | None:
    """Index of the face named ``family`` in the file (0 for a single font)."""
    for i in range(_face_count(path)):
        names = _family_names(path, i)
        if family in names:
            return i
    return None


def _face_count(path: str) -> int:
    with open(path, "rb") as handle:
        header = handle.read(12)
    if header[:4] == b"ttcf":  # a collection: numFonts follows the version
        return int.from_bytes(header[8:12], "big")
    return 1


@lru_cache(maxsize=64)
def _family_names(path: str, index: int) -> frozenset[str]:
    face = _hb_face(path, index)
    return frozenset(face.get_name(name_id, language) for name_id, language in face.list_names()
                     if name_id in (1, 16)) - {None}


@lru_cache(maxsize=64)
def _codepoints(path: str, index: int) -> frozenset[int]:
    return frozenset(_charset(path, index))


@lru_cache(maxsize=64)
def _charset(path: str, index: int):
    # HarfBuzz's own set of the face's code points, made in C in a fraction of a
    # millisecond: asking it about the few thousand characters of an issue costs
    # less than making a Python set of a CJK face's 45,000 (5 ms a face).
    return _hb_face(path, index).unicodes


@lru_cache(maxsize=64)
def _is_cff(path: str, index: int) -> bool:
    tags = _hb_face(path, index).table_tags
    return "CFF " in tags or "CFF2" in tags


@lru_cache(maxsize=64)
def _weight(path: str, index: int) -> int:
    os2 = bytes(_hb_face(path, index).reference_table("OS/2").data)
    return int.from_bytes(os2[4:6], "big") if len(os2) >= 6 else 400  # usWeightClass


def _hb_face(path: str, index: int):
    # The names and tables above are read with HarfBuzz, not fontTools: importing
    # fontTools (and its name table) costs 0.1 s in every process.
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(path), index)
