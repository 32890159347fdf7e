"""The import report: every repair the importer made, and what to check.

Each entry names its kind, where it happened (page file and line, article)
and what was done, so that an editor can review the import line by line.
The report prints as text (grouped by kind) and serialises to JSON.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

# Kinds of entries, in the order the text report lists them.
JOINED_FRAGMENT = "joined-fragment"
JOINED_JUMP = "joined-jump"
LIFTED_CAPTION = "lifted-caption"
DROPPED_HEADER = "dropped-header"
DROPPED_MARKER = "dropped-marker"
SPLIT_LABEL = "split-label"
PUNCTUATION = "punctuation"
POSSIBLE_TYPO = "possible-typo"
PLACEHOLDER_IMAGE = "placeholder-image"
METADATA = "metadata"
WARNING = "warning"

KIND_TITLES = {
    JOINED_FRAGMENT: "Paragraphs joined across a column break, caption or photo slot",
    JOINED_JUMP: "Stories joined across pages (转版)",
    LIFTED_CAPTION: "Photo captions lifted out of the text as figures",
    DROPPED_HEADER: "Page headers, footers and masthead lines dropped",
    DROPPED_MARKER: "Layout marks dropped (jump lines, repeated headlines)",
    SPLIT_LABEL: "Labels split from the text that followed them",
    PUNCTUATION: "Punctuation normalised",
    POSSIBLE_TYPO: "Possible source typos (flagged, not changed)",
    PLACEHOLDER_IMAGE: "Placeholder images to replace with the photos",
    METADATA: "Issue metadata",
    WARNING: "To check",
}


@dataclass(frozen=True)
class Entry:
    kind: str
    message: str
    file: str = ""
    line: int | None = None
    article: str = ""

    @property
    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.article:
            parts.append(f"article {self.article}")
        return ", ".join(parts)


@dataclass
class ImportReport:
    entries: list[Entry] = field(default_factory=list)
    # Articles as recognised, for a reviewer's overview: id, kind, title, blocks.
    articles: list[dict[str, object]] = field(default_factory=list)

    def add(self, kind: str, message: str, file: str = "", line: int | None = None, article: str = "") -> None:
        self.entries.append(Entry(kind, message, file, line, article))

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def counts(self) -> Counter[str]:
        return Counter(e.kind for e in self.entries)

    def to_json(self) -> str:
        data = {
            "summary": dict(sorted(self.counts().items())),
            "articles": self.articles,
            "entries": [{k: v for k, v in asdict(e).items() if v not in ("", None)} for e in self.entries],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def to_text(self) -> str:
        lines = ["Articles found:"]
        for info in self.articles:
            lines.append(f"  {info['id']}  [{info['kind']}]  {info['title']}  ({info['blocks']} blocks)")
        for kind, title in KIND_TITLES.items():
            entries = self.of_kind(kind)
            if not entries:
                continue
            lines.append("")
            lines.append(f"{title}: {len(entries)}")
            for entry in entries:
                where = f"{entry.where}: " if entry.where else ""
                lines.append(f"  - {where}{entry.message}")
        return "\n".join(lines) + "\n"
