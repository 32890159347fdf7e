"""Zip archives that are the same bytes for the same content.

python-docx's ``save`` stamps each zip entry with the current time and orders
parts as it walks their relationships. Documents are therefore zipped here:
parts in a fixed order (``[Content_Types].xml`` first, as Office writes it,
then by name), every entry dated with the issue's timestamp, the same
compression and the same attributes on every system.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .._zip import Entry, zip_bytes

FIRST_PARTS = ("[Content_Types].xml", "_rels/.rels")


def zip_entries(entries: Iterable[tuple[str, bytes]], when: dt.datetime, compress: bool = True) -> bytes:
    """A zip of ``entries`` in the given order, each dated ``when``."""
    make = Entry.deflated if compress else Entry.stored
    return zip_bytes((make(name, data) for name, data in entries), when)


def package_order(names: Iterable[str]) -> list[str]:
    names = list(names)
    first = [n for n in FIRST_PARTS if n in names]
    return first + sorted(n for n in names if n not in FIRST_PARTS)


def content_types(parts) -> bytes:
    """``[Content_Types].xml`` for python-docx parts, as python-docx's own writer
    makes it: a Default for each extension with a standard content type, an
    Override for every other part."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.oxml import CT_Types, serialize_part_xml
    from docx.opc.spec import default_content_types

    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides = {}
    for part in parts:
        extension = part.partname.ext
        if (extension.lower(), part.content_type) in default_content_types:
            defaults[extension.lower()] = part.content_type
        else:
            overrides[part.partname] = part.content_type
    types = CT_Types.new()
    for extension in sorted(defaults):
        types.add_default(extension, defaults[extension])
    for partname in sorted(overrides):
        types.add_override(partname, overrides[partname])
    return serialize_part_xml(types)
