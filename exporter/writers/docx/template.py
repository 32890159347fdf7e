"""The base document, zipped at run time from the text files in ``styles/docx/``.

The template is kept as plain XML so that a change to a style is a readable
diff. A folder given with ``-O docx_template=DIR`` may replace any of its
files (a house ``word/styles.xml``, say); files are matched by their path.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache
from pathlib import Path

from ...errors import InputError, Location
from ...resources import data_dir
from . import oxml
from .package import package_order, zip_entries

TEMPLATE_FOLDER = "docx"
_XML_SUFFIXES = (".xml", ".rels")
_EPOCH = dt.datetime(1980, 1, 1)  # the template is an intermediate: any fixed date


def template_dir() -> Path:
    return data_dir("styles") / TEMPLATE_FOLDER


def template_files(override: Path | None = None) -> dict[str, bytes]:
    """Part name -> content: the house template, then the override's files."""
    files = _read_folder(template_dir())
    if override is not None:
        if not override.is_dir():
            raise InputError("the Word template folder does not exist", Location(str(override), field="docx_template"))
        files.update(_read_folder(override))
    return files


def _read_folder(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix == ".md":  # the folder's README is not a part
            continue
        name = path.relative_to(folder).as_posix()
        data = path.read_bytes()
        if path.suffix in _XML_SUFFIXES:
            try:
                data = oxml.without_comments(data)
            except Exception as error:
                raise InputError(f"not well-formed XML: {error}", Location(str(path))) from None
        files[name] = data
    return files


def template_bytes(override: Path | None = None) -> bytes:
    """The template as a .docx; the house template is zipped once per process."""
    return _house_template() if override is None else _zipped(template_files(override))


@lru_cache(maxsize=1)
def _house_template() -> bytes:
    return _zipped(template_files())


def _zipped(files: dict[str, bytes]) -> bytes:
    return zip_entries(((name, files[name]) for name in package_order(files)), _EPOCH)


def open_template(override: str = ""):
    """A new python-docx document made from the template (and the override folder, if any)."""
    import docx

    return docx.Document(io.BytesIO(template_bytes(Path(override) if override else None)))

