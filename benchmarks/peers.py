"""The same issue for the yardsticks: Typst (PDF) and Pandoc (DOCX, EPUB).

Both are given the normalized text of our model, so every tool sets exactly the
same characters: Typst a four-column page in Noto Serif CJK SC with its Chinese
layout (justify, 2-em indent, lang zh / region cn); Pandoc one Markdown document.
"""

from __future__ import annotations

import re
from pathlib import Path

from exporter.model import Figure, Issue, ListBlock, Notice, Paragraph, Quote, Subhead

_TYPST_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]~/\-+=\"'])")


def _typst_text(text: str) -> str:
    return _TYPST_SPECIAL.sub(r"\\\1", text)


def typst_source(issue: Issue, font: str = "Noto Serif CJK SC") -> str:
    out = [
        "#set page(width: 297mm, height: 420mm, margin: 15mm, columns: 4)",
        f'#set text(font: "{font}", lang: "zh", region: "cn", size: 9.5pt)',
        "#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.65em)",
        "#show heading: set text(weight: \"bold\")",
        "",
    ]
    for page in issue.pages:
        out.append(f"#heading(level: 1)[{_typst_text(page.display_label + ' ' + page.section)}]\n")
        for article in page.articles:
            out.append(f"#heading(level: 2)[{_typst_text(article.title)}]\n")
            for line in _article_lines(article):
                out.append(_typst_text(line) + "\n")
    return "\n".join(out)


def markdown_source(issue: Issue, root: Path) -> str:
    """One Markdown document of the issue, for Pandoc."""
    out = [f"---\ntitle: {issue.publication.name} {issue.date.isoformat()}\nlang: zh-CN\n---\n"]
    for page in issue.pages:
        out.append(f"# {page.display_label} {page.section}\n")
        for article in page.articles:
            out.append(f"## {article.title}\n")
            for block in article.blocks:
                if isinstance(block, Figure):
                    out.append(f"![{block.caption} {block.credit}]({(root / block.image).as_posix()})\n")
            out.extend(line + "\n" for line in _article_lines(article))
    return "\n".join(out)


def _article_lines(article) -> list[str]:
    lines = []
    if article.dateline is not None:
        lines.append(article.dateline.text)
    for block in article.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Subhead):
            lines.append(block.text)
        elif isinstance(block, Quote):
            lines.extend(p.text for p in block.paragraphs)
        elif isinstance(block, Notice):
            lines.append(block.title)
            lines.extend(block.paragraphs)
        elif isinstance(block, ListBlock):
            lines.extend(i.text for i in block.items)
    return [line for line in lines if line.strip()]
