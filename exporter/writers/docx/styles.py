"""The Word styles: their ids, and the fonts and sizes the theme gives them.

The template (``styles/docx/word/styles.xml``) defines the styles' structure;
the theme's ``[docx.styles.<id>]`` tables give each one a font role and a
size. ``apply_theme`` writes those, with the Chinese typography of the
specification §11, into the template's styles and settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm

from ...errors import InputError, Location, WriterError
from ...fonts.registry import FontFace, FontSet
from ...themes import Theme
from . import oxml

# Paragraph styles (ids in the template).
MASTHEAD = "Masthead"
ISSUE_INFO = "IssueInfo"
PAGE_HEADING = "Heading1"
KICKER = "Kicker"
HEADLINE = "Heading2"
DECK = "Deck"  # 副题, the subtitle
BYLINE = "Byline"
BODY = "BodyText"
SUBHEAD = "Heading3"
QUOTE = "Quote"
LIST_BULLET = "ListBullet"
LIST_NUMBER = "ListNumber"
DATELINE = "Dateline"  # a dateline standing after the last paragraph
FIGURE = "Figure"
CAPTION = "Caption"
CREDIT = "Credit"  # picture credits, the copyright line, the page editor
NOTICE_TITLE = "NoticeTitle"
NOTICE = "Notice"
# Character styles.
DATELINE_RUN = "DatelineChar"  # a dateline at the start of the first paragraph
EMPHASIS = "Emphasis"
STRONG = "Strong"
HYPERLINK = "Hyperlink"

# Running text: justified, first line indented by two characters (spec §6, §7).
INDENTED = (BODY, QUOTE, NOTICE)
FIRST_LINE_CHARS = 2.0
# Block quotes are also indented by two characters on both sides.
QUOTE_SIDE_CHARS = 2.0

# The abstract numbering of numbered lists in the template's numbering.xml.
NUMBERED_ABSTRACT_ID = 1

@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    role: str  # a font role of the theme ([fonts.<role>])
    size: float | None  # points; None for a character style (it keeps its paragraph's size)


class StyleBook:
    """The theme's ``[docx.styles]``: the font role and size of each Word style."""

    def __init__(self, theme: Theme):
        self.theme_file = f"styles/{theme.name}.toml"
        section = theme.section("docx")
        self.page = {k: v for k, v in section.items() if k != "styles"}
        self.specs: dict[str, StyleSpec] = {}
        for style_id, table in sorted(section.get("styles", {}).items()):
            where = Location(self.theme_file, field=f"docx.styles.{style_id}.font")
            role = table.get("font")
            if role not in theme.data["fonts"]:
                raise InputError(f"font role {role!r} is not one of [fonts.*]", where)
            size = table.get("size")
            if size is not None and not (1.0 <= float(size) <= 400.0):
                raise InputError(f"size {size} pt is out of range", where)
            self.specs[style_id] = StyleSpec(style_id, role, None if size is None else float(size))

    def role(self, style_id: str) -> str | None:
        spec = self.specs.get(style_id)
        return spec.role if spec else None

    def text_role(self, paragraph_style: str, run_style: str | None) -> str:
        """The font role a run is set in: its character style's, else its paragraph's."""
        return (run_style and self.role(run_style)) or self.role(paragraph_style) or self.specs["Normal"].role

    @property
    def text_width_mm(self) -> float:
        return self.page["page_width_mm"] - self.page["margin_left_mm"] - self.page["margin_right_mm"]

    @property
    def text_height_mm(self) -> float:
        return self.page["page_height_mm"] - self.page["margin_top_mm"] - self.page["margin_bottom_mm"]


def apply_theme(document, book: StyleBook, fonts: FontSet, *, language: str, east_asian_hint: bool,
                compress_punctuation: bool) -> None:
    """Fonts, sizes and the East Asian rules on every style; settings; the page."""
    styles_element = document.styles.element
    normal = book.specs.get("Normal")
    if normal is None:
        raise InputError("the theme has no [docx.styles.Normal]", Location(book.theme_file, field="docx.styles"))
    defaults_rpr, defaults_ppr = oxml.document_defaults(styles_element)
    _set_run_format(defaults_rpr, fonts.face(normal.role), normal.size, language, east_asian_hint)
    _set_paragraph_rules(defaults_ppr, book.page["line_spacing"])

    present = set()
    for style in document.styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            continue
        present.add(style.style_id)
        spec = book.specs.get(style.style_id)
        rpr = style.element.get_or_add_rPr()
        oxml.set_language(rpr, language)
        if spec is None:
            if style.type == WD_STYLE_TYPE.PARAGRAPH:
                raise WriterError(
                    f"the Word template's paragraph style {style.style_id!r} has no font in the theme",
                    Location(book.theme_file, field=f"docx.styles.{style.style_id}"),
                )
            continue  # a character style without a font of its own (Hyperlink)
        _set_run_format(rpr, fonts.face(spec.role), spec.size, language, east_asian_hint)
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            ppr = style.element.get_or_add_pPr()
            if style.style_id == "Normal":
                _set_paragraph_rules(ppr, book.page["line_spacing"])
            if style.style_id in INDENTED:
                oxml.set_first_line_chars(ppr, FIRST_LINE_CHARS, spec.size or normal.size)
            if style.style_id == QUOTE:
                oxml.set_side_indent_chars(ppr, QUOTE_SIDE_CHARS, spec.size or normal.size)
    missing = sorted(set(book.specs) - present)
    if missing:
        raise InputError(
            f"the theme styles {', '.join(missing)} are not in the Word template",
            Location(book.theme_file, field=f"docx.styles.{missing[0]}"),
        )

    settings = document.settings.element
    oxml.set_character_spacing_control(settings, "compressPunctuation" if compress_punctuation else "doNotCompress")
    oxml.set_theme_font_language(settings, language)
    _set_page(document, book)


def _set_run_format(rpr, face: FontFace, size: float | None, language: str, hint: bool) -> None:
    oxml.set_typeface(rpr, face.family, hint)
    if is_bold(face):
        oxml.set_bold(rpr)
    if size is not None:
        oxml.set_size(rpr, size)
    oxml.set_language(rpr, language)


def _set_paragraph_rules(ppr, line_spacing: float) -> None:
    oxml.set_east_asian_line_rules(ppr)
    oxml.set_line_spacing(ppr, line_spacing)


def _set_page(document, book: StyleBook) -> None:
    page = book.page
    section = document.sections[0]
    section.page_width = Mm(page["page_width_mm"])
    section.page_height = Mm(page["page_height_mm"])
    section.top_margin = Mm(page["margin_top_mm"])
    section.bottom_margin = Mm(page["margin_bottom_mm"])
    section.left_margin = Mm(page["margin_left_mm"])
    section.right_margin = Mm(page["margin_right_mm"])
    body = book.specs["Normal"].size or 10.5
    oxml.set_line_grid(document.element.body.sectPr, round(body * page["line_spacing"] * 20))


def is_bold(face: FontFace) -> bool:
    """Whether the face is a bold weight (OS/2 weight class 600 or more)."""
    return face.weight >= 600
