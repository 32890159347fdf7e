"""Comparing a PDF made by LibreOffice with the text it must show.

LibreOffice reads ``w:overflowPunct w:val="0"`` (no hanging punctuation, as
ECMA-376 §17.3.1.21 and Word mean it) the other way round, lets a mark hang
past the right margin, and then does not draw it (LibreOffice 7.4). Word
does not hang it. So a pause or closing mark that is missing exactly at the
end of a PDF line is reported as hung, not as a difference; anything else
that differs is a difference.
"""

from __future__ import annotations

import difflib

import pymupdf

from exporter.typography.cjk import CLOSING, PAUSE

from .expected import squeeze

HANGABLE = PAUSE | CLOSING


def pdf_lines(path) -> list[str]:
    with pymupdf.open(path) as document:
        text = "\n".join(page.get_text() for page in document)
    return [squeeze(line) for line in text.split("\n") if squeeze(line)]


def differences(expected: str, lines: list[str]) -> tuple[list[str], int]:
    """(unexplained differences, number of marks lost at line ends)."""
    expected = squeeze(expected)
    shown = "".join(lines)
    line_ends = set()
    position = 0
    for line in lines:
        position += len(line)
        line_ends.add(position)
    unexplained, hung = [], 0
    matcher = difflib.SequenceMatcher(None, expected, shown, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "delete" and i2 - i1 == 1 and expected[i1] in HANGABLE and j1 in line_ends:
            hung += 1
            continue
        unexplained.append(f"{op}: expected {expected[max(0, i1 - 8):i2 + 8]!r}, PDF {shown[max(0, j1 - 8):j2 + 8]!r}")
    return unexplained, hung
