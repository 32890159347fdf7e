"""The static web edition: the issue's index, one page per article, and the
site's list of issues.

Article bodies come from the shared ``ArticleRenderer`` (the EPUB's
renderer) in HTML mode; this module adds only the page around them: the
site header, a trail back to the issue, links to the previous and next
article, and the publication's footer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Sequence

from lxml import etree

from ...model import Article, Figure, Issue, Page, Publication
from ...typography.labels import Labels
from .._xhtml import ArticleRenderer
from . import words
from .archive import IssueRecord
from .document import E, classed, feed_links, fragment, html_document, stylesheet
from .entries import lead_text, summarise
from .images import SiteImage
from .urls import ATOM, FONTS_CSS, ICON, IMAGES, ISSUE_INDEX, RSS, SITE_INDEX, STYLE, absolute, article_file


@dataclass(frozen=True)
class IssueSite:
    issue: Issue
    key: str  # the issue folder
    base: str  # the site's absolute base URL
    images: dict[str, SiteImage]  # figure path -> served picture
    summary_chars: int
    fonts_css: bool  # whether the issue folder has its own fonts.css
    labels: Labels  # dates and numbers in the publication's language

    @property
    def publication(self) -> Publication:
        return self.issue.publication

    @property
    def lang(self) -> str:
        return self.publication.language or "zh-CN"

    def image_src(self, figure: Figure) -> str:
        """The picture's URL relative to a page of the issue folder."""
        return f"{IMAGES}/{self.images[figure.image].name}"

    def renderer(self, title_level: int = 1) -> ArticleRenderer:
        return ArticleRenderer(self.image_src, xhtml=False, title_level=title_level)

    def head(self, *extra: etree._Element) -> list[etree._Element]:
        """The head elements of a page in the issue folder (besides charset and title)."""
        sheets = [stylesheet(FONTS_CSS)] if self.fonts_css else []
        return [
            *sheets,
            stylesheet(f"../{STYLE}"),
            *feed_links("../", self.publication.name),
            E.link(rel="icon", type="image/png", href=f"../{ICON}"),
            *extra,
        ]


# ---------------------------------------------------------------- feed content


def feed_fragment(site: IssueSite, article: Article) -> str:
    """The article as a feed reader shows it under the item's title: kicker,
    subtitle, byline and body, without the headline the reader already shows.
    URLs stay relative to the article page."""
    renderer = site.renderer()
    header = [e for e in renderer.header(article) if e.get("class") != "title"]
    root = E.div(*header, *renderer.body(article), {"class": f"article kind-{article.kind.value}"}, lang=site.lang)
    return fragment(root)


# ---------------------------------------------------------------- article pages


def article_page(
    site: IssueSite, page: Page, article: Article, previous: Article | None, following: Article | None
) -> bytes:
    summary = summarise(lead_text(article), site.summary_chars)
    canonical = absolute(site.base, f"{site.key}/{article_file(article.id)}")
    head = site.head(
        E.link(rel="canonical", href=canonical),
        *([E.meta(name="description", content=summary)] if summary else []),
    )
    body = [
        _site_header(site, page),
        E.main(site.renderer().article(article, element_id=f"article-{article.id}")),
        _pager(previous, following),
        _footer(site.publication),
    ]
    return html_document(
        lang=site.lang, title=f"{article.title} - {site.publication.name}", head=head, body=body,
        body_class="site article-page",
    )


def _site_header(site: IssueSite, page: Page) -> etree._Element:
    issue = site.issue
    trail = classed(
        "p", "issue-line",
        E.a(site.labels.long_date(issue.date), href=ISSUE_INDEX),
        *_spaced(issue_number(site.labels, issue.number), _page_title(page)),
    )
    return classed(
        "header", "site-header",
        classed("p", "site-name", E.a(site.publication.name, href=f"../{SITE_INDEX}")),
        trail,
    )


def issue_number(labels: Labels, number: int | None) -> str:
    return labels.issue(number) if number is not None else ""


def _spaced(*parts: str) -> list[etree._Element]:
    return [classed("span", "sep", part) for part in parts if part]


def _page_title(page: Page) -> str:
    return f"{page.display_label} {page.section}".strip()


def _pager(previous: Article | None, following: Article | None) -> etree._Element:
    nav = classed("nav", "pager", **{"aria-label": words.PAGE_NAVIGATION})
    if previous is not None:
        nav.append(classed(
            "a", "pager-prev", classed("span", "pager-label", words.PREVIOUS_ARTICLE), previous.title,
            href=article_file(previous.id), rel="prev",
        ))
    if following is not None:
        nav.append(classed(
            "a", "pager-next", classed("span", "pager-label", words.NEXT_ARTICLE), following.title,
            href=article_file(following.id), rel="next",
        ))
    return nav


def _footer(publication: Publication) -> etree._Element:
    footer = classed("footer", "site-footer")
    if publication.copyright:
        footer.append(E.p(publication.copyright))
    codes = [f"{c.label} {c.value}".strip() for c in publication.codes]
    if publication.publisher:
        codes.insert(0, publication.publisher)
    if codes:
        footer.append(E.p(*_spaced(*codes)))
    footer.append(E.p(
        words.SUBSCRIBE, " ",
        E.a("RSS", href=f"../{RSS}", type="application/rss+xml"), " ",
        E.a("Atom", href=f"../{ATOM}", type="application/atom+xml"),
    ))
    return footer


# ---------------------------------------------------------------- the issue's index


def issue_index(site: IssueSite) -> bytes:
    issue = site.issue
    title = f"{site.publication.name} {site.labels.long_date(issue.date)}"
    masthead = classed(
        "header", "masthead",
        classed("h1", "masthead-name", E.a(site.publication.name, href=f"../{SITE_INDEX}")),
        classed("p", "issue-line", *_spaced(site.labels.long_date(issue.date),
                                             issue_number(site.labels, issue.number), issue.edition)),
    )
    main = E.main()
    if len(issue.pages) > 1:
        main.append(classed("nav", "page-list", *[
            E.a(_page_title(p), href=f"#page-{p.number}") for p in issue.pages
        ], **{"aria-label": words.ISSUE_CONTENTS}))
    for page in issue.pages:
        main.append(_page_section(site, page))
    return html_document(
        lang=site.lang, title=title, head=site.head(), body=[masthead, main, _footer(site.publication)],
        body_class="site issue-index",
    )


def _page_section(site: IssueSite, page: Page) -> etree._Element:
    section = classed("section", "paper-page", id=f"page-{page.number}")
    section.append(classed(
        "h2", "page-heading", classed("span", "page-label", page.display_label),
        *([classed("span", "page-section", page.section)] if page.section else []),
    ))
    groups = [(name, list(arts)) for name, arts in groupby(page.articles, key=lambda a: a.section or page.section)]
    for name, articles in groups:
        if len(groups) > 1 and name and name != page.section:
            section.append(classed("h3", "section-heading", name))
        section.append(classed("ul", "toc", *[
            _toc_item(site, article, lead=(article is page.articles[0])) for article in articles
        ]))
    return section


def _toc_item(site: IssueSite, article: Article, lead: bool) -> etree._Element:
    # toc-<kind>, not kind-<kind>: the article CSS styles .kind-notice as a whole article.
    item = classed("li", f"toc-item toc-{article.kind.value}" + (" toc-lead" if lead else ""))
    if lead and article.figures:
        figure = article.figures[0]
        img = E.img(src=site.image_src(figure), alt=figure.alt or figure.caption, loading="lazy")
        if figure.width and figure.height:
            img.set("width", str(figure.width))
            img.set("height", str(figure.height))
        item.append(classed("a", "toc-picture", img, href=article_file(article.id), tabindex="-1"))
    if article.kicker:
        item.append(classed("p", "toc-kicker", article.kicker))
    item.append(classed("h3" if lead else "p", "toc-title", E.a(article.title, href=article_file(article.id))))
    if article.subtitle:
        item.append(classed("p", "toc-subtitle", article.subtitle))
    summary = summarise(lead_text(article), site.summary_chars)
    if summary:
        item.append(classed("p", "toc-summary", summary))
    return item


# ---------------------------------------------------------------- the site's list of issues


def site_index(publication: Publication, records: Sequence[IssueRecord], labels: Labels) -> bytes:
    lang = publication.language or "zh-CN"
    items = []
    for record in records:
        date = dt.date.fromisoformat(record.date)
        items.append(classed(
            "li", "issue-entry",
            classed("a", "issue-date", labels.long_date(date), href=f"{record.key}/{ISSUE_INDEX}"),
            *_spaced(issue_number(labels, record.number), record.edition, words.articles_count(record.articles)),
            *([classed("span", "issue-lead", record.lead_title)] if record.lead_title else []),
        ))
    masthead = classed(
        "header", "masthead",
        classed("h1", "masthead-name", publication.name),
        *([classed("p", "issue-line", publication.publisher)] if publication.publisher else []),
    )
    main = E.main(classed("h2", "page-heading", words.LATEST_ISSUES), classed("ul", "issue-list", *items))
    head = [stylesheet(STYLE), *feed_links("", publication.name), E.link(rel="icon", type="image/png", href=ICON)]
    footer = _footer(publication)
    for link in footer.iter("a"):  # the site index sits beside the feeds
        link.set("href", link.get("href").removeprefix("../"))
    return html_document(lang=lang, title=publication.name, head=head, body=[masthead, main, footer],
                         body_class="site site-index")
