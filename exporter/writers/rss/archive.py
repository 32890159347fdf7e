"""The rolling feed's memory: the items of every issue built into the folder.

``feed-state.json`` lives beside the feeds. Building an issue replaces that
issue's record (so a rebuild never duplicates an item) and leaves the others
alone (so rebuilding an older issue loses nothing). Only the newest N items
are kept with their content; an issue whose items all fell out of the window
keeps its short record for the site's list of issues. The file is written
with sorted keys and a fixed order: same builds, same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...errors import Location, WriterError
from .entries import FeedItem

STATE_FORMAT = "cjk-news-exporter-feed-state"
STATE_VERSION = 1


@dataclass(frozen=True)
class IssueRecord:
    key: str  # the issue folder
    date: str  # ISO date
    number: int | None
    edition: str
    lead_title: str  # the first article's headline, for the list of issues
    articles: int
    built: str  # the issue's fixed timestamp (issue_datetime), ISO 8601
    items: tuple[FeedItem, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "date": self.date,
            "number": self.number,
            "edition": self.edition,
            "lead_title": self.lead_title,
            "articles": self.articles,
            "built": self.built,
            "items": [item.to_json() for item in self.items],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "IssueRecord":
        return cls(
            key=str(data["key"]),
            date=str(data["date"]),
            number=None if data["number"] is None else int(data["number"]),
            edition=str(data["edition"]),
            lead_title=str(data["lead_title"]),
            articles=int(data["articles"]),
            built=str(data["built"]),
            items=tuple(FeedItem.from_json(i) for i in data["items"]),
        )


@dataclass(frozen=True)
class FeedState:
    publication: str
    issues: tuple[IssueRecord, ...] = ()  # newest first

    def with_issue(self, record: IssueRecord, window: int) -> "FeedState":
        """This state with ``record`` in place of any earlier build of its
        issue, then cut down to the newest ``window`` items."""
        others = [r for r in self.issues if r.key != record.key]
        issues = sorted([*others, record], key=lambda r: (r.date, r.key), reverse=True)
        kept = {item.guid for item in _newest([i for r in issues for i in r.items], window)}
        return FeedState(
            self.publication,
            tuple(replace(r, items=tuple(i for i in r.items if i.guid in kept)) for r in issues),
        )

    def items(self, window: int) -> list[FeedItem]:
        """The feed: the newest ``window`` items, newest first."""
        return _newest([item for r in self.issues for item in r.items], window)

    @property
    def newest(self) -> IssueRecord:
        return self.issues[0]

    def to_text(self) -> str:
        data = {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "publication": self.publication,
            "issues": [r.to_json() for r in self.issues],
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _newest(items: list[FeedItem], window: int) -> list[FeedItem]:
    return sorted(items, key=FeedItem.sort_key)[:window]


def load_state(path: Path, publication: str) -> FeedState:
    """The state found in the output folder, or an empty one. A state that
    cannot be read, or that belongs to another publication, is an error:
    silently starting afresh would drop every earlier item from the feed."""
    if not path.exists():
        return FeedState(publication)
    where = Location(str(path))
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != STATE_FORMAT:
            raise ValueError("it is not a feed state written by this tool")
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"version {data.get('version')!r} is not supported (this is {STATE_VERSION})")
        state = FeedState(
            str(data["publication"]),
            tuple(IssueRecord.from_json(r) for r in data["issues"]),
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise WriterError(
            f"the feed state cannot be read ({exc}); delete it to start a new feed", where
        ) from None
    if state.publication != publication:
        raise WriterError(
            f"this folder holds the feed of {state.publication!r}, not of {publication!r}: "
            "build each publication into its own folder",
            where,
        )
    return state
