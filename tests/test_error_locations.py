"""What a writer finds wrong names the source file and line, as the reader's own errors do.

A writer knows the article and the field it was setting; the file that held
them, and the line where the block begins, are added by the build, for errors
and warnings alike, in this process or a worker.
"""

import subprocess
import sys

import pytest

from exporter.build import build
from exporter.diagnostics import Reporter
from exporter.errors import EXIT_FONT, FontError
from tests.support.editing import appended, edited_copy, replaced

WRITERS = ["pdf", "epub", "docx", "rss"]


def _issue_with(tmp_path, example_dir, article: str, text: str):
    return edited_copy(example_dir, tmp_path, f"articles/{article}.md", appended(text))


def _line_of(path, text: str) -> int:
    """The line of ``path`` where ``text`` is, counted from 1."""
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_character_no_font_has_names_the_article_s_file_in_every_writer(tmp_path, example_dir, jobs):
    source, article_file = _issue_with(tmp_path, example_dir, "p01-02", "读者留言：点赞😀")
    result = build(source, WRITERS, tmp_path / "out", {}, reporter=Reporter(), jobs=jobs)
    assert sorted(result.failures) == sorted(WRITERS) and not result.outputs
    for name, error in result.failures.items():
        assert isinstance(error, FontError), (name, error)
        (problem,) = error.problems
        assert problem.location.file == str(article_file), name
        assert problem.location.line == _line_of(article_file, "读者留言"), name
        assert problem.location.article == "p01-02" and problem.location.field.startswith("blocks[")
        assert str(article_file) in str(error) and "U+1F600" in str(error)


def test_an_issue_field_no_font_can_draw_names_the_manifest(tmp_path, example_dir):
    source, manifest = edited_copy(example_dir, tmp_path, "issue.toml", replaced('name = "示例日报"', 'name = "示例日报😀"'))
    result = build(source, ["pdf"], tmp_path / "out", {}, reporter=Reporter())
    problems = result.failures["pdf"].problems
    assert problems and all(p.location.file == str(manifest) for p in problems)
    assert any(p.location.field == "publication.name" for p in problems)


def test_a_font_fallback_warning_names_the_article_s_file(tmp_path, example_dir):
    # Ł is not in Noto Serif CJK SC; a fallback face draws it, with a warning
    source, article_file = _issue_with(tmp_path, example_dir, "p01-03", "波兰城市罗兹（Łódź）。")
    reporter = Reporter()
    result = build(source, ["pdf", "docx"], tmp_path / "out", {}, reporter=reporter, jobs=2)
    assert not result.failures, result.failures
    fallbacks = [d for d in reporter.by_code("font.fallback") if "U+0141" in d.message]
    assert fallbacks
    assert {(d.location.file, d.location.line) for d in fallbacks} == {(str(article_file), _line_of(article_file, "Łódź"))}
    assert all(d.location.article == "p01-03" for d in fallbacks)


def test_an_issue_read_from_json_names_the_json_file(tmp_path, example_dir):
    source, _ = _issue_with(tmp_path, example_dir, "p01-02", "读者留言：点赞😀")
    made = build(source, ["json"], tmp_path / "json", {})
    (issue_json,) = made.outputs["json"]
    result = build(issue_json, ["docx"], tmp_path / "out", {}, reporter=Reporter())
    (problem,) = result.failures["docx"].problems
    assert problem.location.file == str(issue_json) and problem.location.article == "p01-02"
    assert problem.location.line is None  # a JSON issue has no lines to point at


def test_the_command_line_prints_the_file_and_exits_with_the_font_code(tmp_path, example_dir):
    source, article_file = _issue_with(tmp_path, example_dir, "p01-02", "读者留言：点赞😀")
    done = subprocess.run([sys.executable, "-m", "exporter", "build", str(source), "-f", "pdf",
                           "-o", str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_FONT
    assert f"{article_file}:{_line_of(article_file, '读者留言')}, article p01-02, field blocks[" in done.stderr
    assert not any((tmp_path / "out").glob("*.pdf"))


def test_validate_reports_every_character_no_font_has_where_it_is(tmp_path, example_dir):
    source, article_file = _issue_with(tmp_path, example_dir, "p01-02", "读者留言：点赞😀，𠀀字。")
    manifest = source / "issue.toml"
    manifest.write_text(replaced('publisher = "示例日报社"', 'publisher = "示例日报社🏢"')(manifest.read_text("utf-8")),
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "exporter", "validate", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_FONT, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    line = _line_of(article_file, "读者留言")
    assert errors == [
        f"error: {manifest}, field publication.publisher: no configured font can draw '🏢' U+1F3E2 OFFICE BUILDING",
        (f"error: {article_file}:{line}, article p01-02, field blocks[5].runs[0].text: "
         "no configured font can draw '😀' U+1F600 GRINNING FACE"),
        (f"error: {article_file}:{line}, article p01-02, field blocks[5].runs[0].text: "
         "no configured font can draw '𠀀' U+20000 CJK UNIFIED IDEOGRAPH-20000"),
    ]
    assert "3 problem(s) found" in done.stderr


def test_validate_accepts_what_a_fallback_face_draws(tmp_path, example_dir):
    source, _ = _issue_with(tmp_path, example_dir, "p01-03", "波兰城市罗兹（Łódź）。")
    done = subprocess.run([sys.executable, "-m", "exporter", "validate", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "ok: 1 pages, 7 articles" in done.stdout, done.stderr


def test_a_headline_no_font_can_draw_names_the_line_of_its_field(tmp_path, example_dir):
    source, article_file = edited_copy(example_dir, tmp_path, "articles/p01-03.md",
                                       replaced("title: 挪威首相", "title: 挪威首相😀"))
    result = build(source, ["pdf", "docx"], tmp_path / "out", {}, reporter=Reporter(), jobs=2)
    for name in ("pdf", "docx"):
        locations = {p.location for p in result.failures[name].problems}
        assert {(w.file, w.line) for w in locations} == {(str(article_file), _line_of(article_file, "title: "))}, name
        assert all(w.field == "title" for w in locations), name
