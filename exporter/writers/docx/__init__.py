"""Word copies for partner outlets: the whole issue and one document per article.

``-f docx`` writes, into the output folder:

* ``<issue>.docx``: a cover with the masthead, then each page of the paper
  on a new Word page under its heading (第1版 要闻), with its articles;
* ``<issue>-articles/PP-NN-<headline>.docx``: one document per article,
  ending with the publication's copyright line;
* ``<issue>-articles.zip``: that folder, for sending.

Everything is set with named styles (see ``styles/docx/word/styles.xml``)
whose fonts and sizes come from the theme's ``[docx]`` section; the Chinese
typography of the specification §11 is in the styles and settings. python-docx
is imported only when the writer runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...model import Issue
from ..base import BuildContext, Writer, WriterOptions


@dataclass(frozen=True)
class DocxOptions(WriterOptions):
    # w:hint="eastAsia" on the fonts, so “ ” … — · take the Chinese face (spec §8).
    docx_east_asian_hint: bool = True
    # w:characterSpacingControl="compressPunctuation" (spec §4).
    docx_compress_punctuation: bool = True
    # Also write the per-article documents and their zip.
    docx_article_files: bool = True
    # A folder whose files replace those of styles/docx/ (a house styles.xml, say).
    docx_template: str = ""


class DocxWriter(Writer):
    name = "docx"
    description = "Word documents: the whole issue, one per article, and a zip of the articles"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    requires = ("docx",)
    extra = "docx"
    Options = DocxOptions

    @classmethod
    def warm_up(cls) -> None:
        from PIL import Image

        from ...fonts.registry import import_libraries
        from . import writer  # noqa: F401  (imports the libraries the writer uses)

        import_libraries()
        Image.preinit()  # Pillow's picture formats, otherwise registered at the first picture read

    def write(self, issue: Issue, context: BuildContext) -> list[Path]:
        from .writer import write_issue

        return write_issue(issue, context)


__all__ = ["DocxOptions", "DocxWriter"]
