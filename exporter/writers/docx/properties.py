"""Document properties: who wrote it, when, about what, and how long it is.

字数 (the character count) is the number of characters of the article's
text that are not white space: every Han character, every punctuation mark,
every Latin letter and digit counts one. The article's text is everything
the document shows of the article: kicker, headline, subtitle, byline,
dateline, body, subheads, quotes, lists, notices, captions and credits;
not the publication's copyright line. It is stored as Word stores its own
count (``docProps/app.xml``: ``Characters``, and ``CharactersWithSpaces``
with spaces) and as the custom property 字数, which Word and WPS show under
File → Properties → Custom. Word recounts its own fields when it saves;
the custom property stays as the newsroom counted it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from . import oxml
from .content import Para

# Word refuses core properties longer than this.
CORE_PROPERTY_LIMIT = 255
APPLICATION = "cjk-news-exporter"


@dataclass(frozen=True)
class Counts:
    characters: int  # without white space: the 字数
    with_spaces: int

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.characters + other.characters, self.with_spaces + other.with_spaces)


def count_text(paragraphs: Iterable[Para]) -> Counts:
    characters = with_spaces = 0
    for para in paragraphs:
        for span in para.spans:
            with_spaces += len(span.text)
            characters += len("".join(span.text.split()))  # split() cuts at exactly what isspace() is
    return Counts(characters, with_spaces)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: str
    language: str
    identifier: str
    company: str
    when: dt.datetime  # aware
    counts: Counts
    custom: tuple[tuple[str, int | str], ...] = ()


def set_core_properties(core, meta: Metadata) -> None:
    """Fill python-docx's ``CoreProperties`` (docProps/core.xml)."""
    core.title = _fit(meta.title)
    core.author = _fit(meta.author)
    core.last_modified_by = _fit(meta.author)
    core.subject = _fit(meta.subject)
    core.keywords = _fit(meta.keywords)
    core.language = _fit(meta.language)
    core.identifier = _fit(meta.identifier)
    core.revision = 1
    # python-docx writes the time as given, with a Z: give it UTC.
    utc = meta.when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    core.created = utc
    core.modified = utc


def package_parts(meta: Metadata) -> dict[str, tuple[str, str, bytes]]:
    """The property parts python-docx does not write, app.xml and custom.xml:
    part name -> (content type, relationship type, content)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    app = oxml.extended_properties((
        ("Application", APPLICATION),
        ("DocSecurity", "0"),
        ("Characters", str(meta.counts.characters)),
        ("CharactersWithSpaces", str(meta.counts.with_spaces)),
        ("Company", meta.company),
    ))
    custom = oxml.custom_properties((("字数", meta.counts.characters), *meta.custom))
    return {
        "/docProps/app.xml": (CT.OFC_EXTENDED_PROPERTIES, RT.EXTENDED_PROPERTIES, app),
        "/docProps/custom.xml": (CT.OFC_CUSTOM_PROPERTIES, RT.CUSTOM_PROPERTIES, custom),
    }


def _fit(text: str) -> str:
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"
