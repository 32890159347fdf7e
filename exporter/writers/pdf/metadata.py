"""The PDF's document information, page labels and bookmark outline.

Dates are the issue's (``issue_datetime``), never the clock; the document
ID is derived from the issue's content, so two builds are byte-identical.
"""

from __future__ import annotations

import datetime as dt

from ...cache import content_key
from ...model import Issue
from ...typography.labels import Labels
from ..base import issue_datetime

CREATOR = "cjk-news-exporter"


def pdf_date(moment: dt.datetime) -> str:
    """D:YYYYMMDDHHmmSS+HH'mm' (PDF 32000 §7.9.4)."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{mins:02d}'"


def document_title(issue: Issue, labels: Labels) -> str:
    parts = [issue.publication.name, labels.long_date(issue.date)]
    if issue.number is not None:
        parts.append(labels.issue(issue.number))
    if issue.edition:
        parts.append(issue.edition)
    return " ".join(parts)


def document_subject(issue: Issue, labels: Labels) -> str:
    sections = list(dict.fromkeys(p.section for p in issue.pages if p.section))
    pages = f"{len(issue.pages)}{labels.page_suffix}"
    return "，".join([f"{issue.publication.name} {labels.short_date(issue.date)}", pages, *sections])


def apply_metadata(canvas, issue: Issue, labels: Labels, style: str) -> None:
    """Title, author, subject, keywords, creator and fixed dates on a ReportLab canvas."""
    canvas.setTitle(document_title(issue, labels))
    canvas.setAuthor(issue.publication.publisher or issue.publication.name)
    canvas.setSubject(document_subject(issue, labels))
    canvas.setKeywords(", ".join(dict.fromkeys(p.section for p in issue.pages if p.section)))
    canvas.setCreator(CREATOR)
    stamp = pdf_date(issue_datetime(issue))
    canvas.setDateFormatter(lambda *_: stamp)
    # ReportLab's own ID is a digest of what it wrote; ours names the issue and the style
    # (the model's repr: every field, in a fixed order, at a third of the cost of its JSON)
    digest = content_key(repr(issue), style)[:32]
    canvas._doc._ID = _id_entry(digest)


def _id_entry(digest: str) -> bytes:
    token = f"<{digest.upper()}>".encode("ascii")
    return b"\n[" + token + token + b"]\n"
