"""Options and edge cases of the web edition: summaries, logo, fonts,
pictures, page names and editions."""

from __future__ import annotations

import dataclasses
import io

import feedparser
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from PIL import Image

from exporter.errors import UsageError
from exporter.model import Paragraph
from exporter.writers.rss.entries import ELLIPSIS, summarise

from .issues import BASE, article, build_issue, figure, make_issue


# ---------------------------------------------------------------- summaries


def test_a_short_lead_is_the_whole_description():
    assert summarise("短导语。", 300) == "短导语。"


def test_a_long_lead_is_cut_at_a_sentence_end():
    lead = "第一句话说完了。" * 5 + "第二句话很长" * 60
    assert summarise(lead, 100) == "第一句话说完了。" * 5


def test_closing_marks_stay_with_their_sentence():
    lead = "他说：“好。”" + "后文" * 200
    assert summarise(lead, 20) == "他说：“好。”"


def test_a_lead_without_a_sentence_end_is_cut_with_an_ellipsis():
    lead = "无句号的长文字" * 100
    cut = summarise(lead, 50)
    assert cut.endswith(ELLIPSIS) and len(cut) <= 50 and lead.startswith(cut[: -len(ELLIPSIS)])


def test_zero_keeps_the_whole_lead():
    lead = "长" * 5000
    assert summarise(lead, 0) == lead


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("甲乙丙丁。！？”’）《“，、 ab1")), limit=st.integers(10, 400))
def test_a_summary_is_a_prefix_within_the_limit(text, limit):
    cut = summarise(text, limit)
    assert len(cut) <= max(limit, 0) or cut == text
    body = cut[: -len(ELLIPSIS)] if cut.endswith(ELLIPSIS) and not text.startswith(cut) else cut
    assert text.startswith(body)


def test_the_description_follows_the_option(tmp_path, example_dir):
    lead = "第一句。" + "很长的第二句" * 30 + "。"
    issue = make_issue(article("a1", "题", lead))
    build_issue(issue, example_dir, tmp_path / "out", summary_chars="10", embed_fonts="false")
    entry = feedparser.parse((tmp_path / "out" / "atom.xml").read_bytes()).entries[0]
    assert entry.summary == "第一句。"
    assert lead in lxml_html.fragment_fromstring(entry.content[0].value).text_content()


def test_a_tiny_summary_length_is_refused(tmp_path, example_dir):
    result, _ = build_issue(make_issue(article()), example_dir, tmp_path / "out", summary_chars="3")
    assert isinstance(result.failures["rss"], UsageError)


# ---------------------------------------------------------------- logo and fonts


def _png(size, color="navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


def test_a_newsroom_logo_replaces_the_masthead(tmp_path, example_dir):
    logo = tmp_path / "logo-file.png"
    logo.write_bytes(_png((120, 60)))
    result, _ = build_issue(make_issue(article()), example_dir, tmp_path / "out", logo=str(logo), embed_fonts="false")
    assert not result.failures
    assert (tmp_path / "out" / "logo.png").read_bytes() == logo.read_bytes()
    image = etree.fromstring((tmp_path / "out" / "rss.xml").read_bytes()).find("channel/image")
    assert (image.findtext("url"), image.findtext("width"), image.findtext("height")) == (BASE + "logo.png", "120", "60")


def test_a_large_logo_is_given_without_a_size(tmp_path, example_dir):
    logo = tmp_path / "big.png"
    logo.write_bytes(_png((600, 200)))
    build_issue(make_issue(article()), example_dir, tmp_path / "out", logo=str(logo), embed_fonts="false")
    image = etree.fromstring((tmp_path / "out" / "rss.xml").read_bytes()).find("channel/image")
    assert image.find("width") is None and image.find("height") is None


def test_a_logo_that_is_no_image_is_refused(tmp_path, example_dir):
    logo = tmp_path / "logo.png"
    logo.write_text("not a picture")
    result, _ = build_issue(make_issue(article()), example_dir, tmp_path / "out", logo=str(logo))
    assert isinstance(result.failures["rss"], UsageError) and "logo" in str(result.failures["rss"])


def test_without_embedded_fonts_no_font_is_written_or_linked(tmp_path, example_dir):
    build_issue(make_issue(article()), example_dir, tmp_path / "out", embed_fonts="false")
    issue_dir = tmp_path / "out" / "2026-02-03"
    assert not (issue_dir / "fonts").exists() and not (issue_dir / "fonts.css").exists()
    assert b"fonts.css" not in (issue_dir / "a1.html").read_bytes()


def test_embedded_fonts_are_woff2_subsets_with_their_ranges(example_site):
    css = (example_site.out / "2026-01-26" / "fonts.css").read_text("utf-8")
    files = sorted((example_site.out / "2026-01-26" / "fonts").iterdir())
    assert len(files) >= 4
    for font in files:
        assert font.read_bytes()[:4] == b"wOF2"
        assert f'url("fonts/{font.name}")' in css
    assert css.count("unicode-range:") == css.count("@font-face") == len(files)
    assert "U+9AD8" in css or "9AD8" in css  # 高, from the headline, is in a range


# ---------------------------------------------------------------- pictures and names


def test_pictures_get_safe_names_and_web_formats(tmp_path, example_dir):
    root = tmp_path / "issue"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    Image.new("RGB", (40, 30), "red").save(root / "a" / "pic.jpg", format="JPEG")
    Image.new("RGB", (40, 30), "blue").save(root / "b" / "pic.jpg", format="JPEG")
    Image.new("RGB", (40, 30), "green").save(root / "图 片.bmp", format="BMP")
    Image.new("RGB", (40, 30), "gray").save(root / "wrong.png", format="JPEG")
    blocks = [figure(p) for p in ("a/pic.jpg", "b/pic.jpg", "图 片.bmp", "wrong.png")]
    issue = make_issue(*[article(f"x{i}", "题", blocks=(b, Paragraph.plain("文。"))) for i, b in enumerate(blocks)])
    result, reporter = build_issue(issue, root, tmp_path / "out", embed_fonts="false")
    assert not result.failures, result.failures
    entries = feedparser.parse((tmp_path / "out" / "rss.xml").read_bytes()).entries
    enclosures = [e.enclosures[0] for e in entries]
    names = [e.href.rsplit("/", 1)[1] for e in enclosures]
    assert names[0] == "pic.jpg" and names[1] != "pic.jpg" and names[1].endswith(".jpg")
    assert names[2].endswith(".png") and names[2].isascii()
    assert names[3] == "wrong.png.jpg"
    assert [e.type for e in enclosures] == ["image/jpeg", "image/jpeg", "image/png", "image/jpeg"]
    for enclosure in enclosures:
        path = tmp_path / "out" / enclosure.href[len(BASE):]
        with Image.open(path) as image:
            assert Image.MIME[image.format] == enclosure.type
        assert path.stat().st_size == int(enclosure.length)
    assert reporter.by_code("rss.image-converted")


def test_an_article_called_index_does_not_replace_the_issue_index(tmp_path, example_dir):
    issue = make_issue(article("index", "名为index的稿件"), article("b", "另一篇"))
    build_issue(issue, example_dir, tmp_path / "out", embed_fonts="false")
    folder = tmp_path / "out" / "2026-02-03"
    assert lxml_html.fromstring((folder / "index@.html").read_bytes()).xpath("string(//h1)") == "名为index的稿件"
    assert "toc" in (folder / "index.html").read_text("utf-8")


def test_two_editions_of_one_day_are_two_issues(tmp_path, example_dir):
    morning = make_issue(article("a1", "早间稿"))
    evening = dataclasses.replace(make_issue(article("a1", "晚间稿")), edition="晚间版")
    for issue in (morning, evening):
        result, _ = build_issue(issue, example_dir, tmp_path / "out", embed_fonts="false")
        assert not result.failures
    entries = feedparser.parse((tmp_path / "out" / "rss.xml").read_bytes()).entries
    assert sorted(e.title for e in entries) == ["早间稿", "晚间稿"]
    assert len({e.id for e in entries}) == 2
    assert len([p for p in (tmp_path / "out").iterdir() if p.is_dir()]) == 2


def test_an_unknown_time_zone_is_reported(tmp_path, example_dir):
    result, reporter = build_issue(make_issue(article(), timezone="Mars/Olympus"), example_dir, tmp_path / "out",
                                   embed_fonts="false")
    assert not result.failures
    assert reporter.by_code("rss.timezone")
    item = etree.fromstring((tmp_path / "out" / "rss.xml").read_bytes()).find("channel/item")
    assert item.findtext("pubDate").endswith("+0800")
