"""Paragraph plans (``content.Para``) as WordprocessingML, built once per article.

Every article appears twice: in the whole issue and in its own document. Its
paragraphs are built once, as a ``Fragment``: the ``w:p`` elements and what
they refer to outside ``document.xml`` (pictures, link targets, numbered
lists). The ids in them (relationship ids, picture ids, list numbers) are
counted over the whole issue, so a fragment means the same in every document
it is put into, and no document has two of the same.

Paragraphs are built whole and detached. python-docx's ``add_paragraph`` and
its setters search the body from its first child on every call, and
``new_pic_inline`` searches the whole document for a free id on every
picture: that made a daily issue's document (1,700 paragraphs) take seven
times as long, and a weekend issue's ten times.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from lxml import etree

from docx.oxml.shape import CT_Inline

from . import oxml
from .content import Para, Span
from .fonts import RunFonts
from .images import Picture, Pictures
from .styles import StyleBook

# Characters a link target may keep as they are; anything else is percent-encoded,
# since Word refuses to open a document whose hyperlink target is not a valid URI.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


@dataclass
class Fragment:
    """Paragraphs ready to go into a document, and what they refer to."""

    paragraphs: list[etree._Element] = field(default_factory=list)
    pictures: dict[str, Picture] = field(default_factory=dict)  # relationship id -> picture
    links: dict[str, str] = field(default_factory=dict)  # relationship id -> URI
    lists: list[int] = field(default_factory=list)  # numbering instances (w:numId) of numbered lists


class FragmentWriter:
    """Builds fragments, numbering ids across every fragment of the issue."""

    def __init__(self, book: StyleBook, run_fonts: RunFonts, pictures: Pictures, east_asian_hint: bool,
                 first_list_number: int):
        self.book = book
        self.run_fonts = run_fonts
        self.pictures = pictures
        self.hint = east_asian_hint
        self.max_height_mm = book.text_height_mm * float(book.page["figure_max_height"])
        self.picture_ids: dict[str, str] = {}  # the figure's image path -> relationship id
        self.link_ids: dict[str, str] = {}  # URI -> relationship id
        self.list_numbers: dict[str, int] = {}  # the plan's list id -> w:numId
        self.next_list_number = itertools.count(first_list_number)
        self.shape_ids = itertools.count(1)  # a document's only drawing ids are its pictures

    def fragment(self, paragraphs: Iterable[Para]) -> Fragment:
        out = Fragment()
        container = oxml.new_container()
        for para in paragraphs:
            p = oxml.append_paragraph(container, para.style)
            if para.list_id is not None:
                number = self._list_number(para.list_id)
                oxml.set_numbering(p.pPr, number)
                if number not in out.lists:
                    out.lists.append(number)
            if para.figure is not None:
                self._picture(p, para, out)
            for span in para.spans:
                self._span(p, para.style, span, out)
            out.paragraphs.append(p)
        return out

    def _span(self, p, paragraph_style: str, span: Span, out: Fragment) -> None:
        parent = p
        if span.href:
            target = quote(span.href, safe=_URI_SAFE)
            rid = self.link_ids.setdefault(target, f"rIdLink{len(self.link_ids) + 1}")
            out.links[rid] = target
            parent = oxml.append_hyperlink(p, rid)
        for text, family in self.run_fonts.stretches(paragraph_style, span.style, span.text):
            r = oxml.append_run(parent, text, span.style)
            if family is not None:  # a character the style's face lacks: name the face that has it
                oxml.set_typeface(oxml.run_properties(r), family, self.hint)

    def _picture(self, p, para: Para, out: Fragment) -> None:
        picture = self.pictures.get(para.figure, para.where)
        width, height = picture.fitted(self.book.text_width_mm, self.max_height_mm)
        rid = self.picture_ids.setdefault(para.figure.image, f"rIdImage{len(self.picture_ids) + 1}")
        out.pictures[rid] = picture
        inline = CT_Inline.new_pic_inline(next(self.shape_ids), rid, picture.file_name, width, height)
        oxml.describe_picture(inline, para.figure.alt or para.figure.caption)
        oxml.append_run(p).add_drawing(inline)

    def _list_number(self, list_id: str) -> int:
        """Each numbered list has its own numbering instance, so that it starts at 1."""
        if list_id not in self.list_numbers:
            self.list_numbers[list_id] = next(self.next_list_number)
        return self.list_numbers[list_id]


def combined(fragments: Iterable[Fragment]) -> Fragment:
    """One fragment of copies of all of ``fragments``' paragraphs (the originals stay as they are)."""
    import copy

    out = Fragment()
    for fragment in fragments:
        out.paragraphs.extend(copy.deepcopy(p) for p in fragment.paragraphs)
        out.pictures.update(fragment.pictures)
        out.links.update(fragment.links)
        out.lists.extend(n for n in fragment.lists if n not in out.lists)
    return out

