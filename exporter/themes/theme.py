"""The Theme: a validated view of a merged style file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MM = 72.0 / 25.4  # points per millimetre


@dataclass(frozen=True)
class FontSpec:
    role: str
    family: str
    files: tuple[str, ...]
    css_fallback: tuple[str, ...]


@dataclass(frozen=True)
class TextStyle:
    name: str
    font: str  # a font role
    size: float  # points
    leading: float  # points


@dataclass(frozen=True)
class PageGeometry:
    width: float  # all in points
    height: float
    margin_top: float
    margin_bottom: float
    margin_inner: float
    margin_outer: float
    columns: int
    gutter: float
    masthead: bool
    running_head: bool

    @property
    def frame_width(self) -> float:
        return self.width - self.margin_inner - self.margin_outer

    @property
    def column_width(self) -> float:
        return (self.frame_width - self.gutter * (self.columns - 1)) / self.columns


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    data: dict[str, Any]  # the merged TOML, for writer-specific sections

    def font(self, role: str) -> FontSpec:
        spec = self.data["fonts"][role]
        return FontSpec(role, spec["family"], tuple(spec["files"]), tuple(spec["css_fallback"]))

    @property
    def font_roles(self) -> tuple[str, ...]:
        return tuple(sorted(self.data["fonts"]))

    @property
    def fallback_roles(self) -> tuple[str, ...]:
        return tuple(self.data["fallback"]["faces"])

    def style(self, name: str) -> TextStyle:
        spec = self.data["type"][name]
        return TextStyle(name, spec["font"], float(spec["size"]), float(spec["leading"]))

    @property
    def style_names(self) -> tuple[str, ...]:
        return tuple(sorted(self.data["type"]))

    def color(self, name: str) -> str:
        return self.data["colors"][name]

    @property
    def page(self) -> PageGeometry:
        p = self.data["page"]
        return PageGeometry(
            width=p["width_mm"] * MM,
            height=p["height_mm"] * MM,
            margin_top=p["margin_top_mm"] * MM,
            margin_bottom=p["margin_bottom_mm"] * MM,
            margin_inner=p["margin_inner_mm"] * MM,
            margin_outer=p["margin_outer_mm"] * MM,
            columns=int(p["columns"]),
            gutter=p["gutter_mm"] * MM,
            masthead=bool(p["masthead"]),
            running_head=bool(p["running_head"]),
        )

    def section(self, name: str) -> dict[str, Any]:
        """A writer's own section (``reflow``, ``docx``) as a plain mapping."""
        return dict(self.data[name])
