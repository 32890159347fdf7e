"""Reading the Word writer's outputs as a user's tools would: python-docx and raw XML."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from lxml import etree

from exporter.diagnostics import Reporter
from exporter.model import Issue
from exporter.writers.base import issue_basename

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "cu": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class WordBuild:
    issue: Issue
    out: Path
    outputs: list[Path]
    reporter: Reporter

    @property
    def stem(self) -> str:
        return issue_basename(self.issue)

    @property
    def whole(self) -> Path:
        return self.out / f"{self.stem}.docx"

    @property
    def folder(self) -> Path:
        return self.out / f"{self.stem}-articles"

    @property
    def archive(self) -> Path:
        return self.out / f"{self.stem}-articles.zip"

    @property
    def article_files(self) -> list[Path]:
        return sorted(self.folder.glob("*.docx"))


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph, in order, via python-docx."""
    document = docx.Document(str(path))
    return [(p.style.style_id, p.text) for p in document.paragraphs]


def style_element(styles: etree._Element, style_id: str) -> etree._Element:
    (found,) = styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
    return found


def attr(element: etree._Element | None, name: str) -> str | None:
    return None if element is None else element.get(w(name))
