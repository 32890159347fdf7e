"""Bad input stops the writer with an error that names what is wrong, and
leaves the output folder as it was."""

from __future__ import annotations

import shutil

import pytest

from exporter.errors import InputError, UsageError, WriterError
from exporter.model import Paragraph, Run, validate_issue

from .conftest import tree_bytes
from .issues import article, build_issue, figure, make_issue


def failure(result, kind):
    assert list(result.failures) == ["rss"], result.outputs
    error = result.failures["rss"]
    assert type(error) is kind, (type(error), str(error))
    assert error.__cause__ is None  # a named error, not a wrapped crash
    return error


@pytest.fixture
def site(example_site, tmp_path):
    """A copy of the example site to build into."""
    target = tmp_path / "site"
    shutil.copytree(example_site.out, target)
    return target


def test_without_a_base_url_the_field_is_named(tmp_path, example_dir):
    issue = make_issue(article(), base_url="")
    result, _ = build_issue(issue, example_dir, tmp_path / "out")
    error = failure(result, InputError)
    assert error.problems[0].location.field == "publication.base_url"
    assert "--base-url" in str(error)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("url", [
    "ftp://news.example.cn/", "news.example.cn/paper", "https://news.example .cn/", "https://news.example.cn/?a=1",
    "https://user:pw@news.example.cn/", "https://news.example.cn/\u0085", " https://news.example.cn/",
    'https://news"example.cn/', "https://news_example.cn/",
])
def test_a_bad_base_url_is_refused(tmp_path, example_dir, url):
    result, _ = build_issue(make_issue(article()), example_dir, tmp_path / "out", base_url=url)
    assert url.strip() in str(failure(result, UsageError)) or repr(url) in str(result.failures["rss"])


def test_an_international_base_url_becomes_ascii(tmp_path, example_dir):
    result, _ = build_issue(make_issue(article()), example_dir, tmp_path / "out", base_url="https://新闻.例子.中国/日报",
                            embed_fonts="false")
    assert not result.failures
    rss = (tmp_path / "out" / "rss.xml").read_text("utf-8")
    assert "<link>https://xn--" in rss
    assert "/%E6%97%A5%E6%8A%A5/2026-02-03/a1.html</link>" in rss


def test_a_script_link_is_refused_with_its_field(tmp_path, example_dir):
    body = (Paragraph((Run("点击"), Run("这里", href="javascript:alert(1)"))),)
    result, _ = build_issue(make_issue(article("bad-link", blocks=body)), example_dir, tmp_path / "out")
    error = failure(result, InputError)
    assert error.problems[0].location.article == "bad-link"
    assert error.problems[0].location.field == "blocks[0].runs[1].href"


def test_a_missing_picture_is_named_and_nothing_is_written(site, example_dir):
    before = tree_bytes(site)
    body = (figure("images/missing.jpg"), Paragraph.plain("正文。"))
    result, _ = build_issue(make_issue(article("pic", blocks=body), name="示例日报", slug="shili-ribao"),
                            example_dir, site)
    error = failure(result, InputError)
    assert (error.problems[0].location.article, error.problems[0].location.field) == ("pic", "blocks[0].image")
    assert tree_bytes(site) == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []  # no staging folder left


def test_a_corrupt_state_is_an_error_not_a_fresh_start(site, example_dir):
    (site / "feed-state.json").write_text("{ not json", "utf-8")
    before = tree_bytes(site)
    issue = make_issue(article(), name="示例日报", slug="shili-ribao")
    error = failure(build_issue(issue, example_dir, site)[0], WriterError)
    assert "feed-state.json" in str(error)
    assert tree_bytes(site) == before


def test_another_publication_is_refused(site, example_dir):
    before = tree_bytes(site)
    error = failure(build_issue(make_issue(article()), example_dir, site)[0], WriterError)
    assert "示例日报" in str(error) or "shili-ribao" in str(error)
    assert tree_bytes(site) == before


def test_a_zero_window_is_refused(tmp_path, example_dir):
    result, _ = build_issue(make_issue(article()), example_dir, tmp_path / "out", feed_items="0")
    assert "feed_items" in str(failure(result, UsageError))


def test_a_bad_language_tag_is_named(tmp_path, example_dir):
    result, _ = build_issue(make_issue(article(), language="zh CN"), example_dir, tmp_path / "out")
    assert failure(result, InputError).problems[0].location.field == "publication.language"


def test_the_model_refuses_what_xml_cannot_carry():
    for bad in ("\x0b", "\x00", "\ufffe", "\ud800", "\x85"):
        issue = make_issue(article(title=f"标题{bad}"))
        problems = validate_issue(issue)
        assert [p.location.field for p in problems] == ["title"], bad
    issue = make_issue(article(blocks=(Paragraph((Run("链接", href="https://a.example/\x07"),)),)))
    assert [p.location.field for p in validate_issue(issue)] == ["blocks[0].runs[0].href"]
