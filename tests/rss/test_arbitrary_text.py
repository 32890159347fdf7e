"""Arbitrary text never crashes the writer: a valid output or a named error,
and never a partial file."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import feedparser
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from exporter.errors import ExporterError
from exporter.model import Paragraph, Run, Subhead, validate_issue
from exporter.model.validate import forbidden_character

from .conftest import tree_bytes
from .feed_rules import atom_problems, rss_problems
from .issues import BASE, article, build_issue, figure, make_issue

# Any text the model accepts: everything but what validate_issue refuses.
accepted_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"))).filter(
    lambda s: forbidden_character(s) is None
)

# Text every configured font can draw: the example issue's own characters, ASCII, Latin-1 letters.
COVERED = sorted(
    (
        set("".join(p.read_text("utf-8") for p in (Path(__file__).parents[2] / "examples/seed-page/articles").glob("*.md")))
        | set(chr(c) for c in range(0x20, 0x7F))
        | set("àéüßñçÅØ€£¥©°±×÷“”‘’《》（）——……·、。，；：！？")
    )
    - set("\n\r\t")
)
covered_text = st.text(st.sampled_from(COVERED))
# Mostly drawable text, now and then anything at all: so that both outcomes occur.
mixed_text = st.one_of(covered_text, covered_text, covered_text, accepted_text)

HYPOTHESIS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def issues(draw, text=accepted_text):
    def maybe_long(strategy):
        piece = draw(strategy)
        return piece * draw(st.sampled_from([1, 1, 1, 50, 2000])) if piece else piece

    titles = st.one_of(text.map(lambda s: "题" + s), st.just("长" * 2000), text.map(lambda s: "头" + s * 40))
    articles = []
    for index in range(draw(st.integers(1, 3))):
        blocks = [Paragraph((Run(maybe_long(text) or "正文"),))]
        if draw(st.booleans()):
            blocks.append(Paragraph((Run(draw(text)), Run(draw(text), strong=True),
                                     Run(draw(text), href="https://example.org/" + draw(text)))))
        if draw(st.booleans()):
            blocks.append(Subhead(draw(text)))
        if draw(st.booleans()):
            blocks.insert(0, figure("images/k303-platform.jpg", caption=draw(text), credit=draw(text)))
        articles.append(article(
            f"a{index}", draw(titles), blocks=tuple(blocks),
            kicker=draw(text), subtitle=draw(text), byline=draw(text), section=draw(text),
        ))
    issue = make_issue(*articles, name="报" + draw(text), publisher=draw(text),
                       copyright=draw(text))
    assume(validate_issue(issue) == [])
    return issue


@settings(max_examples=300, deadline=None)
@given(text=accepted_text)
def test_text_the_model_accepts_is_text_xml_carries(text):
    element = etree.Element("t", a=text)
    element.text = text
    back = etree.fromstring(etree.tostring(element, encoding="utf-8"))
    assert (back.text or "", back.get("a")) == (text, text)


@HYPOTHESIS
@given(issue=issues(mixed_text))
def test_any_accepted_text_gives_a_feed_or_a_named_error(example_dir, issue):
    out = Path(tempfile.mkdtemp(prefix="rss-hypothesis-"))
    try:
        result, _ = build_issue(issue, example_dir, out, embed_fonts="false")
        if result.failures:
            error = result.failures["rss"]
            event(f"stopped: {type(error).__name__}")
            assert isinstance(error, ExporterError) and error.__cause__ is None, repr(error)
            assert all(p.location.article or p.location.field for p in error.problems)
            assert tree_bytes(out) == {}  # nothing half-written
        else:
            event("built")
            check_site(out, issue)
    finally:
        shutil.rmtree(out, ignore_errors=True)


@HYPOTHESIS
@given(issue=issues(covered_text))
def test_text_the_fonts_cover_always_gives_a_valid_feed(example_dir, issue):
    out = Path(tempfile.mkdtemp(prefix="rss-hypothesis-"))
    try:
        result, _ = build_issue(issue, example_dir, out, embed_fonts="false")
        assert not result.failures, {k: str(v) for k, v in result.failures.items()}
        check_site(out, issue)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def check_site(out: Path, issue) -> None:
    rss_bytes, atom_bytes = (out / "rss.xml").read_bytes(), (out / "atom.xml").read_bytes()
    assert rss_problems(rss_bytes, BASE + "rss.xml") == []
    assert atom_problems(atom_bytes, BASE + "atom.xml") == []
    articles = [a for _, a in issue.articles()]
    for data in (rss_bytes, atom_bytes):
        parsed = feedparser.parse(data)
        assert parsed.bozo is False, parsed.get("bozo_exception")
        assert len(parsed.entries) == len(articles)
    # The exact text, read back from the XML itself (feedparser tidies whitespace).
    items = etree.fromstring(rss_bytes).find("channel").findall("item")
    assert [i.findtext("title") for i in items] == [a.title for a in articles]
    for item, art in zip(items, articles):
        markup = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        parsed = lxml_html.fragment_fromstring(markup)
        # Well-formed: an HTML parser has nothing to repair, so it gives back the same markup.
        assert etree.tostring(parsed, method="html", encoding="unicode") == markup
        content = parsed.text_content()
        for block in art.blocks:
            if isinstance(block, Paragraph):
                assert block.text in content
        page = lxml_html.fromstring((out / f"{issue.date.isoformat()}/{art.id}.html").read_bytes())
        assert page.xpath("string(//h1)") == art.title
