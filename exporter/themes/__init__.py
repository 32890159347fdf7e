"""Themes: fonts, type scale, page geometry and colours shared by every writer."""

from .theme import FontSpec, PageGeometry, TextStyle, Theme
from .loader import available_themes, load_theme

__all__ = ["FontSpec", "PageGeometry", "TextStyle", "Theme", "available_themes", "load_theme"]
