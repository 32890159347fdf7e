"""A page of extracted text as numbered lines, with the blank lines between them.

Blank lines carry layout: one separates paragraphs, more mark an empty photo
slot or a gap between columns. Each non-blank line keeps its line number in
the page file so that the report can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Whitespace that extraction leaves at line edges (indents, NBSP, ideographic space).
EDGE_SPACE = " \t\u00a0\u3000\u2002\u2003\u200b\ufeff"


@dataclass(frozen=True)
class Line:
    file: str  # the page file as given, for the report
    number: int  # 1-based line number in the file
    text: str
    blanks_before: int  # blank lines between this line and the previous text line


def split_lines(text: str, file: str) -> list[Line]:
    lines: list[Line] = []
    blanks = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(EDGE_SPACE)
        if not stripped:
            blanks += 1
            continue
        lines.append(Line(file, number, stripped, blanks))
        blanks = 0
    return lines


def photo_slot_gap(lines: list[Line]) -> int:
    """The number of blank lines that marks more than a paragraph break on this page.

    Most gaps on a page are paragraph breaks; a gap wider than the usual one
    is an empty photo slot or a jump between columns.
    """
    gaps = sorted(line.blanks_before for line in lines[1:])
    if not gaps:
        return 2
    usual = gaps[len(gaps) // 2]
    return max(usual + 1, 2)
