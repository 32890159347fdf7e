"""Every field of both feeds, read back with feedparser, on the example issue."""

from __future__ import annotations

import datetime as dt
import html
import re
from email.utils import format_datetime

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html
from PIL import Image

from exporter.model import ArticleKind, Figure, Notice, Paragraph, Subhead
from exporter.model.article import DatelinePosition
from exporter.writers.base import issue_datetime

from .feed_rules import ATOM_NS, DC_NS, atom_problems, rss_problems


@pytest.fixture(scope="module")
def rss(example_site):
    return feedparser.parse((example_site.out / "rss.xml").read_bytes())


@pytest.fixture(scope="module")
def atom(example_site):
    return feedparser.parse((example_site.out / "atom.xml").read_bytes())


def articles(site):
    return [(page, article) for page, article in site.issues[0].articles()]


def expected_lead(article) -> str:
    lead = article.lead_paragraph.text
    if article.dateline and article.dateline.position is DatelinePosition.START:
        lead = article.dateline.text + lead
    return lead


def expected_creator(article) -> str:
    return article.byline or "、".join(article.dateline.reporters if article.dateline else ())


def content_root(entry):
    return lxml_html.fragment_fromstring(entry.content[0].value, create_parent="div")


# ---------------------------------------------------------------- channel


def test_both_feeds_parse_without_errors(rss, atom):
    assert rss.bozo is False, rss.get("bozo_exception")
    assert atom.bozo is False, atom.get("bozo_exception")
    assert rss.version == "rss20"
    assert atom.version == "atom10"


def test_channel_fields(example_site, rss, atom):
    issue = example_site.issues[0]
    pub = issue.publication
    base = example_site.base
    for feed in (rss.feed, atom.feed):
        assert feed.title == pub.name
        assert feed.link == base
        assert pub.name in feed.subtitle
        assert feed.language == "zh-cn"
        assert feed.rights == pub.copyright
        self_links = [l.href for l in feed.links if l.rel == "self"]
        assert len(self_links) == 1
    assert [l.href for l in rss.feed.links if l.rel == "self"] == [base + "rss.xml"]
    assert [l.href for l in atom.feed.links if l.rel == "self"] == [base + "atom.xml"]
    # lastBuildDate: the newest issue's fixed timestamp, never the clock.
    built = issue_datetime(issue)
    assert rss.feed.updated_parsed[:6] == built.astimezone(dt.timezone.utc).timetuple()[:6]
    assert atom.feed.updated == built.isoformat()
    assert atom.feed.author == (pub.publisher or pub.name)


def test_channel_image_is_a_real_masthead(example_site, rss, atom):
    image = rss.feed.image
    assert image.href == example_site.base + "logo.png"
    assert image.title == rss.feed.title and image.link == rss.feed.link
    with Image.open(example_site.file(image.href)) as picture:
        assert picture.format == "PNG"
        assert (picture.width, picture.height) == (int(image.width), int(image.height))
        assert picture.width <= 144 and picture.height <= 400
        low, high = picture.convert("L").getextrema()
        assert high - low > 100  # something is drawn on it
    assert atom.feed.logo == image.href
    with Image.open(example_site.file(atom.feed.icon)) as icon:
        assert icon.width == icon.height


def test_raw_channel_elements(example_site):
    channel = etree.fromstring((example_site.out / "rss.xml").read_bytes()).find("channel")
    built = issue_datetime(example_site.issues[0])
    assert channel.findtext("lastBuildDate") == format_datetime(built)
    assert channel.findtext("language") == "zh-cn"


# ---------------------------------------------------------------- items


def test_one_item_per_article_in_reading_order(example_site, rss, atom):
    ids = [a.id for _, a in articles(example_site)]
    for feed in (rss, atom):
        assert [e.link.rsplit("/", 1)[1] for e in feed.entries] == [f"{i}.html" for i in ids]


def test_item_fields(example_site, rss):
    base = example_site.base
    date = example_site.issues[0].date.isoformat()
    for (page, article), entry in zip(articles(example_site), rss.entries, strict=True):
        assert entry.title == article.title
        assert entry.link == f"{base}{date}/{article.id}.html"
        assert example_site.file(entry.link).is_file()
        assert entry.guidislink is False
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", entry.id)
        assert entry.published == "Mon, 26 Jan 2026 00:00:00 +0800"  # midnight, Asia/Shanghai
        assert entry.get("author", "") == expected_creator(article)
        assert [t.term for t in entry.tags] == [article.section or page.section]
        # RSS descriptions are HTML: the plain lead comes back once unescaped.
        assert html.unescape(entry.summary) == expected_lead(article)


def test_guids_are_unique_and_shared_by_both_feeds(rss, atom):
    guids = [e.id for e in rss.entries]
    assert len(set(guids)) == len(guids)
    assert [e.id for e in atom.entries] == guids


def test_raw_item_elements(example_site):
    items = etree.fromstring((example_site.out / "rss.xml").read_bytes()).find("channel").findall("item")
    for item, (_, article) in zip(items, articles(example_site), strict=True):
        assert item.find("guid").get("isPermaLink") == "false"
        assert re.fullmatch(r"\w{3}, \d{2} \w{3} \d{4} 00:00:00 \+0800", item.findtext("pubDate"))
        creators = [c.text for c in item.findall(f"{{{DC_NS}}}creator")]
        assert creators == ([expected_creator(article)] if expected_creator(article) else [])
        assert item.find("author") is None


def block_texts(article) -> list[str]:
    """The article's text, piece by piece, in reading order."""
    texts = [article.kicker, article.subtitle, article.byline]
    for block in article.blocks:
        if block is article.lead_paragraph and article.dateline and article.dateline.position is DatelinePosition.START:
            texts.append(article.dateline.text)  # the dateline opens the first paragraph
        if isinstance(block, Notice):
            texts += [block.title, *block.paragraphs]
        elif isinstance(block, Figure):
            texts += [block.caption, block.credit]
        elif isinstance(block, (Paragraph, Subhead)):
            texts.append(block.text)
    if article.dateline and article.dateline.position is DatelinePosition.END:
        texts.append(article.dateline.text)
    return [t for t in texts if t]


def test_full_text_in_content(example_site, rss, atom):
    for (_, article), r_entry, a_entry in zip(articles(example_site), rss.entries, atom.entries, strict=True):
        for entry in (r_entry, a_entry):
            assert entry.content[0].type == "text/html"
            root = content_root(entry)
            text, position = root.text_content(), 0
            for piece in block_texts(article):
                found = text.find(piece, position)
                assert found >= 0, (article.id, piece)
                position = found + len(piece)
            assert not root.findall(".//h1")  # the reader shows the headline itself


def test_figures_in_content_have_absolute_images_captions_and_credits(example_site, example_dir, rss):
    checked = 0
    for (_, article), entry in zip(articles(example_site), rss.entries, strict=True):
        figures = content_root(entry).findall(".//figure")
        assert len(figures) == len(article.figures)
        for element, figure in zip(figures, article.figures):
            src = element.find("img").get("src")
            assert src.startswith(example_site.base + "2026-01-26/images/")
            assert example_site.file(src).read_bytes() == (example_dir / figure.image).read_bytes()
            caption = element.find("figcaption").text_content()
            assert figure.caption in caption and figure.credit in caption
            checked += 1
    assert checked == 2


def test_enclosure_is_the_lead_picture(example_site, example_dir, rss, atom):
    for (_, article), r_entry, a_entry in zip(articles(example_site), rss.entries, atom.entries, strict=True):
        figures = [b for b in article.blocks if isinstance(b, Figure)]
        for entry in (r_entry, a_entry):
            if not figures:
                assert entry.enclosures == []
                continue
            (enclosure,) = entry.enclosures
            source = example_dir / figures[0].image
            assert enclosure.href.endswith("/" + source.name)
            assert int(enclosure.length) == source.stat().st_size == example_site.file(enclosure.href).stat().st_size
            assert enclosure.type == "image/jpeg"


def test_atom_entries(example_site, atom):
    for (page, article), entry in zip(articles(example_site), atom.entries, strict=True):
        assert entry.title == article.title
        assert entry.published == entry.updated == "2026-01-26T00:00:00+08:00"
        assert [l.type for l in entry.links if l.rel == "alternate"] == ["text/html"]
        assert entry.summary_detail.type == "text/plain"
        assert entry.summary == expected_lead(article)
        assert entry.get("author", "") == expected_creator(article)
        assert [t.term for t in entry.tags] == [article.section or page.section]


def test_atom_feed_id_is_stable_uri(example_site):
    root = etree.fromstring((example_site.out / "atom.xml").read_bytes())
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", root.findtext(f"{{{ATOM_NS}}}id"))


def test_classifieds_are_one_item(example_site, rss):
    notices = [a for _, a in articles(example_site) if a.kind is ArticleKind.NOTICE]
    assert len(notices) == 1
    (entry,) = [e for e in rss.entries if e.link.endswith(f"/{notices[0].id}.html")]
    text = content_root(entry).text_content()
    assert "遗失声明" in text and "25412" in text


# ---------------------------------------------------------------- validator rules


def test_rss_keeps_the_validator_rules(example_site):
    assert rss_problems((example_site.out / "rss.xml").read_bytes(), example_site.base + "rss.xml") == []


def test_atom_keeps_the_validator_rules(example_site):
    assert atom_problems((example_site.out / "atom.xml").read_bytes(), example_site.base + "atom.xml") == []


def test_article_html_without_urls_is_kept_as_lxml_would_write_it(archive_site):
    """The feed's article HTML skips lxml's link rewriting when there is no URL to
    rewrite: the result is the same as rewriting it, for every item of the site."""
    import json

    from lxml import etree
    from lxml import html as lxml_html

    from exporter.writers.rss.feeds import absolute_html

    state = json.loads((archive_site.out / "feed-state.json").read_text("utf-8"))
    items = [item for issue in state["issues"] for item in issue["items"]]
    page = archive_site.base + "2026-01-26/a.html"
    kept = 0
    for item in items:
        root = lxml_html.fragment_fromstring(item["content"])
        root.make_links_absolute(page, resolve_base_href=False)
        rewritten = etree.tostring(root, method="html", encoding="unicode")
        assert absolute_html(item["content"], page) == rewritten
        kept += rewritten == item["content"]
    assert 0 < kept < len(items)  # both kinds: articles with pictures, and without
