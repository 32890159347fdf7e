"""Finished documents from the themed template and a fragment of paragraphs.

The template is opened and themed once per build (python-docx, ``styles.py``);
``Skeleton`` then takes it apart: styles, settings, the font table and every
other part a document shares with the others are frozen as bytes, and only
what differs is made per document: ``document.xml`` (the template's, with the
fragment's paragraphs in its body), its relationships, the pictures, the
numbering when it has numbered lists, and the properties. Each document is a
python-docx package (its image parts, relationships and core properties are
python-docx's), written straight into a zip with fixed order and dates.
Opening and saving the template through python-docx for each of the 120
documents of an issue cost more than writing their text.
"""

from __future__ import annotations

import copy
import datetime as dt

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml.coreprops import CT_CoreProperties
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.parts.image import ImagePart

from ...errors import Location, WriterError
from .._zip import Entry, zip_bytes
from . import oxml
from .document import Fragment
from .package import FIRST_PARTS, content_types, package_order
from .properties import Metadata, package_parts, set_core_properties

# Made for every document; anything else the template holds is shared.
_OWN_PACKAGE_PARTS = (RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES, RT.CUSTOM_PROPERTIES)
_FONT_TABLE = PackURI("/word/fontTable.xml")
_NUMBERING = PackURI("/word/numbering.xml")
CONTENT_TYPES, PACKAGE_RELS = FIRST_PARTS


class SharedPart(Part):
    """A part of the template as fixed bytes, in every document of the build."""


class Skeleton:
    """The themed template, taken apart once."""

    def __init__(self, document, font_table: bytes, numbered_abstract_id: int):
        main = document.part
        self.document = copy.deepcopy(main.element)
        body = self.document.body
        for child in list(body):  # the template's own paragraphs, if any, are not the issue's
            if child is not body.sectPr:
                body.remove(child)
        self.abstract_id = numbered_abstract_id
        self.cache = EntryCache()
        self.core: CT_CoreProperties | None = None
        frozen: dict[PackURI, Part] = {}
        self.shared = [(rel.rId, rel.reltype, rel.is_external, _target(rel, frozen, font_table))
                       for rel in main.rels.values() if rel.reltype not in (RT.NUMBERING, RT.IMAGE)
                       or rel.is_external]
        if not any(rel.reltype == RT.FONT_TABLE for rel in main.rels.values()):
            table = SharedPart(_FONT_TABLE, CT.WML_FONT_TABLE, font_table)
            self.shared.append(("rIdFontTable", RT.FONT_TABLE, False, table))
        numbering = next((r for r in main.rels.values() if r.reltype == RT.NUMBERING), None)
        self.numbering_rid = numbering.rId if numbering else "rIdNumbering"
        self.numbering = copy.deepcopy(numbering.target_part.element) if numbering else None
        self.numbering_frozen = _frozen(numbering.target_part, frozen, font_table) if numbering else None
        self.package_shared = [(rel.rId, rel.reltype, rel.is_external, _target(rel, frozen, font_table))
                               for rel in main.package.rels.values() if rel.reltype not in _OWN_PACKAGE_PARTS]

    def first_list_number(self) -> int:
        """The first w:numId free for the writer's own numbering instances."""
        if self.numbering is None:
            return 1
        return max(oxml.numbering_instances(self.numbering), default=0) + 1

    def docx(self, fragment: Fragment, meta: Metadata) -> bytes:
        """The finished document: ``fragment``'s paragraphs (moved, not copied) and ``meta``."""
        package = Package()
        element = copy.deepcopy(self.document)
        anchor = element.body.sectPr
        for paragraph in fragment.paragraphs:
            anchor.addprevious(paragraph)
        # The template's other package parts keep their ids; the document's own take free ones.
        for rid, reltype, external, target in self.package_shared:
            package.rels.add_relationship(reltype, target, rid, external)
        main = DocumentPart(PackURI("/word/document.xml"), CT.WML_DOCUMENT_MAIN, element, package)
        package.relate_to(main, RT.OFFICE_DOCUMENT)
        for rid, reltype, external, target in self.shared:
            main.rels.add_relationship(reltype, target, rid, external)
        self._numbering(main, fragment)
        media: dict[str, ImagePart] = {}  # by content: a picture used twice is stored once
        for rid, picture in fragment.pictures.items():
            part = media.get(picture.sha1)
            if part is None:  # named as python-docx names them: image1.png, image2.jpg …
                name = PackURI(f"/word/media/image{len(media) + 1}.{picture.extension}")
                part = media[picture.sha1] = ImagePart(name, picture.content_type, picture.data)
            main.rels.add_relationship(RT.IMAGE, part, rid)
        for rid, uri in fragment.links.items():
            main.rels.add_relationship(RT.HYPERLINK, uri, rid, is_external=True)
        package.relate_to(self._core_properties(package, meta), RT.CORE_PROPERTIES)
        for name, (content_type, reltype, blob) in package_parts(meta).items():
            package.relate_to(Part(PackURI(name), content_type, blob, package), reltype)
        return write_package(package, meta.when, self.cache)

    def _core_properties(self, package: Package, meta: Metadata) -> CorePropertiesPart:
        """docProps/core.xml. Every document has the same properties, so they are
        made once, in order, and each document fills in a copy (python-docx adding
        them one by one cost more than the rest of a short article's document)."""
        if self.core is None:
            self.core = CT_CoreProperties.new()
            set_core_properties(CoreProperties(self.core), meta)
        element = copy.deepcopy(self.core)
        set_core_properties(CoreProperties(element), meta)
        return CorePropertiesPart(PackURI("/docProps/core.xml"), CT.OPC_CORE_PROPERTIES, element, package)

    def _numbering(self, main: DocumentPart, fragment: Fragment) -> None:
        if self.numbering is None:
            if fragment.lists:
                raise WriterError("the Word template has no word/numbering.xml for the numbered lists",
                                  Location(field="docx_template"))
            return
        if not fragment.lists:
            main.rels.add_relationship(RT.NUMBERING, self.numbering_frozen, self.numbering_rid)
            return
        numbering = copy.deepcopy(self.numbering)
        for number in fragment.lists:
            oxml.add_numbering_instance(numbering, self.abstract_id, number)
        part = XmlPart(_NUMBERING, CT.WML_NUMBERING, numbering, main.package)
        main.rels.add_relationship(RT.NUMBERING, part, self.numbering_rid)


def _target(rel, frozen: dict[PackURI, Part], font_table: bytes):
    return rel.target_ref if rel.is_external else _frozen(rel.target_part, frozen, font_table)


def _frozen(part: Part, frozen: dict[PackURI, Part], font_table: bytes) -> Part:
    """``part`` as fixed bytes (with its own relationships, frozen the same way);
    the font table is the writer's."""
    if part.partname not in frozen:
        blob = font_table if part.partname == _FONT_TABLE else part.blob
        copy_ = frozen[part.partname] = SharedPart(part.partname, part.content_type, blob)
        for rel in part.rels.values():
            target = _target(rel, frozen, font_table)
            copy_.rels.add_relationship(rel.reltype, target, rel.rId, rel.is_external)
    return frozen[part.partname]


class EntryCache:
    """Zip entries of the parts documents share, compressed once: frozen parts
    by name, content-type and relationship lists by what they list."""

    def __init__(self) -> None:
        self.entries: dict[object, Entry] = {}

    def get(self, key: object, name: str, content) -> Entry:
        """The entry cached under ``key``, made from ``content()`` on a miss."""
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry.deflated(name, _bytes(content()))
        return entry


def write_package(package: Package, when: dt.datetime, cache: EntryCache) -> bytes:
    """The package as a zip: the parts python-docx's ``save`` writes, in a fixed
    order, every entry dated ``when``."""
    parts = list(package.iter_parts())
    types = tuple((part.partname, part.content_type) for part in parts)
    entries = {
        CONTENT_TYPES: cache.get(types, CONTENT_TYPES, lambda: content_types(parts)),
        PACKAGE_RELS: _rels_entry(PACKAGE_RELS, package.rels, cache),
    }
    for part in parts:
        name = part.partname.membername
        if isinstance(part, SharedPart):
            entries[name] = cache.get(part, name, lambda part=part: part.blob)
        elif isinstance(part, ImagePart):  # a photo's JPEG is compressed already
            entries[name] = Entry.packed(name, part.blob)
        else:
            entries[name] = Entry.deflated(name, part.blob)
        if len(part.rels):
            rels = part.partname.rels_uri.membername
            entries[rels] = _rels_entry(rels, part.rels, cache)
    return zip_bytes((entries[name] for name in package_order(entries)), when)


def _rels_entry(name: str, rels, cache: EntryCache) -> Entry:
    # Keyed by target part names: python-docx works out each relative target path anew.
    key = (name, tuple((r.rId, r.reltype, r.is_external, r.target_ref if r.is_external else r.target_part.partname)
                       for r in rels.values()))
    return cache.get(key, name, lambda: rels.xml)


def _bytes(xml: str | bytes) -> bytes:
    return xml.encode("utf-8") if isinstance(xml, str) else xml
