"""One build: the issue's web pages, then the rolling feeds over every issue
built into the same folder.

Everything is checked before anything is written (base URL, language, links,
pictures, fonts); the files go to the staging folder, which the build moves
into place only when the writer has finished.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

from ...errors import InputError, Location, UsageError
from ...fonts.coverage import FontPlan
from ...model import Article, Issue, ListBlock, Paragraph, Quote, Run
from ...typography.labels import Labels, labels_for
from ..base import BuildContext, issue_datetime
from . import words
from .archive import FeedState, IssueRecord, load_state
from .entries import Enclosure, FeedItem, make_item
from .feeds import Channel, absolute_contents, atom_feed, rss_feed
from .images import SiteImage, prepare_images
from .logo import LOGO_SIZE, icon_png, masthead_png, own_logo
from .options import RssOptions
from .site import IssueSite, article_page, feed_fragment, issue_index, issue_number, site_index
from .site_css import site_stylesheet
from .urls import (
    ATOM, FONTS, FONTS_CSS, ICON, IMAGES, ISSUE_INDEX, LOGO, RSS, SITE_INDEX, STATE, STYLE,
    absolute, article_path, feed_id, issue_key, item_guid, publication_id, resolve_base_url,
)
from .webfonts import collect_text, font_files, plan_web_fonts

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
# Link targets a reader may follow; anything else (javascript:, data:, file:) is refused.
SAFE_SCHEMES = ("http", "https", "mailto", "tel", "ftp")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def write_edition(issue: Issue, context: BuildContext) -> list[Path]:
    options = context.options
    assert isinstance(options, RssOptions)
    _check_options(options)
    publication = issue.publication
    base = resolve_base_url(options.base_url, publication)
    _check_language(publication.language)
    _check_timezone(publication.timezone, context)
    _check_links(issue)
    state = load_state(context.out_dir / STATE, publication_id(publication))

    images = prepare_images(issue, context.source_root, context.reporter)
    embed = _embed_fonts(options, context)
    labels = labels_for(publication.language, context.reporter)
    plan = plan_web_fonts(
        collect_text(issue, _chrome_text(issue, labels), _heading_text(issue)), context.fonts, context.reporter
    )
    key = issue_key(issue)
    site = IssueSite(issue, key, base, images, options.summary_chars, fonts_css=embed, labels=labels)
    out = _Output(context.staging)

    # The issue folder: pages, pictures, fonts.
    articles = [a for _, a in issue.articles()]
    for index, (page, article) in enumerate(issue.articles()):
        previous = articles[index - 1] if index > 0 else None
        following = articles[index + 1] if index + 1 < len(articles) else None
        out.write(article_path(key, article.id), article_page(site, page, article, previous, following))
    out.write(f"{key}/{ISSUE_INDEX}", issue_index(site))
    for image in sorted(images.values(), key=lambda i: i.name):
        out.write(f"{key}/{IMAGES}/{image.name}", image.data)
    if embed:
        css, files = font_files(plan, publication.language or "zh-CN")
        out.write(f"{key}/{FONTS_CSS}", css.encode("utf-8"))
        for name, data in sorted(files.items()):
            out.write(f"{key}/{FONTS}/{name}", data)

    # The feeds, over every issue built here.
    state = state.with_issue(_record(site, options.summary_chars), options.feed_items)
    logo_file, logo_data, logo_size = _logo(options, publication.name, plan, context)
    out.write(logo_file, logo_data)
    out.write(ICON, icon_png(publication.name, plan, "heading", context.theme.color("accent")))
    channel = _channel(issue, state, base, logo_file, logo_size)
    items = state.items(options.feed_items)
    contents = absolute_contents(items, base)
    out.write(RSS, rss_feed(channel, items, base, contents))
    out.write(ATOM, atom_feed(channel, items, base, contents))
    out.write(SITE_INDEX, site_index(publication, state.issues, labels))
    out.write(STYLE, site_stylesheet(context.theme).encode("utf-8"))
    out.write(STATE, state.to_text().encode("utf-8"))
    return out.written


class _Output:
    def __init__(self, root: Path):
        self.root = root
        self.written: list[Path] = []

    def write(self, relative: str, data: bytes) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.written.append(path)


# ---------------------------------------------------------------- checks


def _check_options(options: RssOptions) -> None:
    if options.feed_items < 1:
        raise UsageError(f"rss: option feed_items must be at least 1, not {options.feed_items}")
    if options.summary_chars != 0 and options.summary_chars < 10:
        raise UsageError(
            f"rss: option summary_chars must be 0 (the whole lead) or at least 10, not {options.summary_chars}"
        )


def _check_language(language: str) -> None:
    if language and not LANGUAGE_TAG.match(language):
        raise InputError(
            f"language {language!r} is not a language tag such as zh-CN", Location(field="publication.language")
        )


def _check_timezone(name: str, context: BuildContext) -> None:
    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfo raises several types for a bad name
        context.reporter.warning(
            "rss.timezone", f"time zone {name!r} is unknown; dates use UTC+08:00",
            Location(field="publication.timezone"),
        )


def _check_links(issue: Issue) -> None:
    for _page, article in issue.articles():
        for field, run in _runs(article):
            match = SCHEME.match(run.href or "")
            if match and match.group(1).lower() not in SAFE_SCHEMES:
                raise InputError(
                    f"link {run.href!r} uses the scheme {match.group(1)!r}; links may be relative "
                    f"or use {', '.join(SAFE_SCHEMES)}",
                    Location(article=article.id, field=f"{field}.href"),
                )


def _runs(article: Article) -> Iterator[tuple[str, Run]]:
    for i, block in enumerate(article.blocks):
        if isinstance(block, Paragraph):
            groups = [(f"blocks[{i}]", block)]
        elif isinstance(block, Quote):
            groups = [(f"blocks[{i}].paragraphs[{k}]", p) for k, p in enumerate(block.paragraphs)]
        elif isinstance(block, ListBlock):
            groups = [(f"blocks[{i}].items[{k}]", p) for k, p in enumerate(block.items)]
        else:
            continue
        for where, paragraph in groups:
            for j, run in enumerate(paragraph.runs):
                yield f"{where}.runs[{j}]", run


def _embed_fonts(options: RssOptions, context: BuildContext) -> bool:
    if "embed_fonts" in context.settings:
        return options.embed_fonts
    return bool(context.theme.section("reflow").get("embed_fonts", True))


# ---------------------------------------------------------------- text of the site itself


def _chrome_text(issue: Issue, labels: Labels) -> list[tuple[str, str]]:
    """The site's own words around the articles, by the field they come from."""
    pub = issue.publication
    texts = [
        ("web edition", labels.long_date(issue.date) + issue_number(labels, issue.number) + " · RSS Atom"),
        ("web edition", words.PREVIOUS_ARTICLE + words.NEXT_ARTICLE + words.SUBSCRIBE),
        ("edition", issue.edition),
        ("publication.name", pub.name),
        ("publication.copyright", pub.copyright),
        ("publication.publisher", pub.publisher),
    ]
    texts += [(f"publication.codes[{i}]", f"{c.label} {c.value}") for i, c in enumerate(pub.codes)]
    texts += [(f"pages[{i}]", p.display_label + p.section) for i, p in enumerate(issue.pages)]
    return texts


def _heading_text(issue: Issue) -> list[tuple[str, str]]:
    texts = [("publication.name", issue.publication.name), ("web edition", words.LATEST_ISSUES)]
    texts += [(f"pages[{i}]", p.display_label + p.section) for i, p in enumerate(issue.pages)]
    return texts


# ---------------------------------------------------------------- feed


def published(issue: Issue) -> dt.datetime:
    """Midnight of the issue date in the publication's time zone."""
    try:
        zone = ZoneInfo(issue.publication.timezone)
    except Exception:  # an unknown zone name: China Standard Time, as issue_datetime does
        zone = dt.timezone(dt.timedelta(hours=8))
    return dt.datetime.combine(issue.date, dt.time(0, 0), tzinfo=zone)


def _record(site: IssueSite, summary_chars: int) -> IssueRecord:
    """The issue as the feed remembers it: one item per article, in reading
    order. A block of classified notices is one item too: 遗失声明 and the
    like are published to be found, and a subscriber may look for them."""
    issue = site.issue
    moment = published(issue)
    items: list[FeedItem] = []
    for order, (page, article) in enumerate(issue.articles()):
        items.append(make_item(
            article, page,
            order=order,
            issue_key=site.key,
            guid=item_guid(issue.publication, site.key, article.id),
            path=article_path(site.key, article.id),
            published=moment,
            content=feed_fragment(site, article),
            enclosure=lambda figure: _enclosure(site.key, site.images[figure.image]),
            summary_chars=summary_chars,
        ))
    first = next((a for _, a in issue.articles()), None)
    return IssueRecord(
        key=site.key,
        date=issue.date.isoformat(),
        number=issue.number,
        edition=issue.edition,
        lead_title=first.title if first else "",
        articles=len(items),
        built=issue_datetime(issue).isoformat(),
        items=tuple(items),
    )


def _enclosure(key: str, image: SiteImage) -> Enclosure:
    return Enclosure(f"{key}/{IMAGES}/{image.name}", image.length, image.media_type)


def _logo(options: RssOptions, name: str, plan: FontPlan, context: BuildContext):
    """(file name, bytes, size when RSS may state it) of the feed image."""
    if options.logo:
        data, extension, (width, height) = own_logo(options.logo)
        size = (width, height) if width <= 144 and height <= 400 else None  # RSS 2.0's limits
        return f"logo.{extension}", data, size
    return LOGO, masthead_png(name, plan, "heading", context.theme.color("accent")), LOGO_SIZE


def _channel(issue: Issue, state: FeedState, base: str, logo_file: str, logo_size) -> Channel:
    pub = issue.publication
    return Channel(
        title=pub.name,
        description=words.feed_description(pub.name),
        site_url=base,
        rss_url=absolute(base, RSS),
        atom_url=absolute(base, ATOM),
        feed_id=feed_id(pub),
        language=(pub.language or "zh-CN").lower(),
        author=pub.publisher if pub.publisher.strip() else pub.name,
        rights=pub.copyright,
        updated=dt.datetime.fromisoformat(state.newest.built),
        logo_url=absolute(base, logo_file),
        logo_size=logo_size,
        icon_url=absolute(base, ICON),
    )
