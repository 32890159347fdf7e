"""Paragraph plans (``content.Para``) written into a python-docx document.

Each paragraph is built whole (style, runs, character styles) and put
before the body's ``w:sectPr``, found once. python-docx's ``add_paragraph``
and its setters search the body from its first child on every call, and
``new_pic_inline`` searches the whole document for a free id on every
picture: that made a daily issue's document (1,700 paragraphs) take
seven times as long, and a weekend issue's ten times.
"""

from __future__ import annotations

import io
import itertools
from typing import Iterable
from urllib.parse import quote

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.shape import CT_Inline

from . import oxml
from . import styles as S
from .content import Para, Span
from .fonts import RunFonts
from .images import Pictures
from .styles import StyleBook

# Characters a link target may keep as they are; anything else is percent-encoded,
# since Word refuses to open a document whose hyperlink target is not a valid URI.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


class BodyWriter:
    """Appends paragraphs to one document."""

    def __init__(self, document, book: StyleBook, run_fonts: RunFonts, pictures: Pictures,
                 east_asian_hint: bool):
        self.part = document.part
        self.anchor = document.element.body.sectPr  # found once: see oxml.append_paragraph
        self.book = book
        self.run_fonts = run_fonts
        self.pictures = pictures
        self.hint = east_asian_hint
        self.list_numbers: dict[str, int] = {}
        self.shape_ids = itertools.count(1)  # the document's only ids are its pictures
        self.max_height_mm = book.text_height_mm * float(book.page["figure_max_height"])

    def write(self, paragraphs: Iterable[Para]) -> None:
        for para in paragraphs:
            p = oxml.append_paragraph(self.anchor, para.style)
            if para.list_id is not None:
                oxml.set_numbering(p.pPr, self._list_number(para.list_id))
            if para.figure is not None:
                self._picture(p, para)
            for span in para.spans:
                self._span(p, para.style, span)

    def _span(self, p, paragraph_style: str, span: Span) -> None:
        parent = p
        if span.href:
            target = quote(span.href, safe=_URI_SAFE)
            parent = oxml.append_hyperlink(p, self.part.relate_to(target, RT.HYPERLINK, is_external=True))
        for text, family in self.run_fonts.stretches(paragraph_style, span.style, span.text):
            r = oxml.append_run(parent, text, span.style)
            if family is not None:  # a character the style's face lacks: name the face that has it
                oxml.set_typeface(oxml.run_properties(r), family, self.hint)

    def _picture(self, p, para: Para) -> None:
        picture = self.pictures.get(para.figure, para.where)
        width, height = picture.fitted(self.book.text_width_mm, self.max_height_mm)
        # python-docx's new_pic_inline searches the whole document for the next free id
        # on every picture; the ids are counted here instead.
        relationship_id, image = self.part.get_or_add_image(io.BytesIO(picture.data))
        inline = CT_Inline.new_pic_inline(next(self.shape_ids), relationship_id, image.filename, width, height)
        oxml.describe_picture(inline, para.figure.alt or para.figure.caption)
        oxml.append_run(p).add_drawing(inline)

    def _list_number(self, list_id: str) -> int:
        """Each numbered list has its own numbering instance, so that it starts at 1."""
        if list_id not in self.list_numbers:
            numbering = self.part.numbering_part.element
            self.list_numbers[list_id] = oxml.new_numbering_instance(numbering, S.NUMBERED_ABSTRACT_ID)
        return self.list_numbers[list_id]
