"""The normalized issue model. It knows nothing of output formats."""

from .article import Article, ArticleKind, Dateline, DatelinePosition
from .blocks import BLOCK_TYPES, Block, Figure, ListBlock, Notice, Paragraph, Quote, Run, Subhead
from .issue import SCHEMA_VERSION, Issue, Page, Publication, PublicationCode
from .serialize import issue_from_json, issue_to_json
from .validate import shown_texts, validate_issue

__all__ = [
    "Article", "ArticleKind", "BLOCK_TYPES", "Block", "Dateline", "DatelinePosition", "Figure",
    "Issue", "ListBlock", "Notice", "Page", "Paragraph", "Publication", "PublicationCode", "Quote",
    "Run", "SCHEMA_VERSION", "Subhead", "issue_from_json", "issue_to_json", "shown_texts", "validate_issue",
]
