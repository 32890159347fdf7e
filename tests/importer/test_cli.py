"""``exporter import`` end to end, then ``validate`` and ``build -f json``; and its bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from PIL import Image

from exporter.cli import main
from exporter.errors import EXIT_INPUT, EXIT_USAGE
from exporter.model import issue_from_json
from tests.support.corpus import EXAMPLE, SEED_PAGE

from .conftest import DATA

SEED_OPTIONS = ["--date", "2026-01-26", "--publication", "示例日报"]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The seed page imported with the console script, as a user runs it."""
    root = tmp_path_factory.mktemp("cli")
    result = subprocess.run(
        [sys.executable, "-m", "exporter", "import", str(SEED_PAGE), "-o", str(root / "issue"), *SEED_OPTIONS,
         "--report", str(root / "report.json")],
        capture_output=True, text=True, check=False,
    )
    return root, result


def test_import_prints_the_report_and_writes_a_valid_issue_folder(imported, capsys):
    root, result = imported
    assert result.returncode == 0, result.stderr
    assert "Paragraphs joined across a column break, caption or photo slot: 7" in result.stdout
    assert "Possible source typos (flagged, not changed): 1" in result.stdout
    assert "wrote" in result.stdout and "7 articles" in result.stdout
    report = json.loads((root / "report.json").read_text("utf-8"))
    assert report["summary"]["joined-fragment"] == 7 and len(report["articles"]) == 7
    code, out, _ = run(capsys, "validate", root / "issue")
    assert code == 0 and "1 pages, 7 articles" in out


def test_the_imported_folder_builds_to_json_with_the_imported_text(imported, tmp_path, capsys):
    root, _ = imported
    code, _, err = run(capsys, "build", root / "issue", "-f", "json", "-o", tmp_path)
    assert code == 0, err
    built = issue_from_json((tmp_path / "issue-2026-01-26.json").read_text("utf-8"))
    titles = [a.title for _, a in built.articles()]
    assert titles[0] == "凝心聚力推动社会工作高质量发展" and titles[-1] == "分类广告"
    feature = built.pages[0].articles[5]
    assert [f.image for f in feature.figures] == ["images/p01-06-1.png", "images/p01-06-2.png"]


def test_placeholder_images_are_flat_grey_pictures(imported):
    root, _ = imported
    for name in ("p01-06-1.png", "p01-06-2.png"):
        with Image.open(root / "issue" / "images" / name) as image:
            assert image.size == (1200, 800)
            assert image.convert("L").getextrema()[0] == image.convert("L").getextrema()[1]  # one flat tone


def test_article_files_read_like_the_hand_made_example(imported):
    root, _ = imported
    mine = (root / "issue" / "articles" / "p01-02.md").read_text("utf-8")
    theirs = (EXAMPLE / "articles" / "p01-02.md").read_text("utf-8")
    assert mine.split("\n---\n", 1)[1] == theirs.split("\n---\n", 1)[1]  # the bodies, after the front matter
    assert "dateline: 新华社日内瓦1月24日电（记者王其冰）" in mine


def test_a_non_empty_output_folder_needs_force(tmp_path, capsys):
    out = tmp_path / "issue"
    out.mkdir()
    (out / "old.txt").write_text("keep me")
    code, _, err = run(capsys, "import", SEED_PAGE, "-o", out, *SEED_OPTIONS)
    assert code == EXIT_USAGE and "--force" in err
    assert (out / "old.txt").read_text() == "keep me"
    code, _, err = run(capsys, "import", SEED_PAGE, "-o", out, *SEED_OPTIONS, "--force")
    assert code == 0, err
    assert not (out / "old.txt").exists() and (out / "issue.toml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["issue"]  # no staging folder left behind


@pytest.mark.parametrize("setup, extra, code, message", [
    ("missing", [], EXIT_INPUT, "file not found"),
    ("gb18030", [], EXIT_INPUT, "--encoding gb18030"),
    ("empty", [], EXIT_INPUT, "the page is empty"),
    ("seed", ["--publication", "示例日报"], EXIT_INPUT, "--date"),
    ("seed", ["--date", "2026-01-26"], EXIT_INPUT, "--publication"),
    ("seed", ["--date", "2026-13-01"], EXIT_USAGE, "not a date"),
])
def test_bad_input_is_refused_and_nothing_is_written(tmp_path, capsys, setup, extra, code, message):
    page = {
        "missing": tmp_path / "nope.txt",
        "gb18030": DATA / "gb18030-page.txt",
        "empty": tmp_path / "empty.txt",
        "seed": SEED_PAGE,
    }[setup]
    if setup == "empty":
        page.write_text("\n\n  \n", encoding="utf-8")
    out = tmp_path / "issue"
    got, _, err = run(capsys, "import", page, "-o", out, *extra)
    assert got == code
    assert message in err
    assert not out.exists()
    if setup == "missing":
        assert str(page) in err


def test_a_gb18030_page_imports_when_asked(tmp_path, capsys):
    code, out, err = run(capsys, "import", DATA / "gb18030-page.txt", "-o", tmp_path / "issue", "--encoding", "gb18030")
    assert code == 0, err
    assert "publication “江城晚报” from the masthead" in out
    assert 'name = "江城晚报"' in (tmp_path / "issue" / "issue.toml").read_text("utf-8")


def test_same_pages_same_bytes(tmp_path, capsys):
    for name in ("a", "b"):
        code, _, err = run(capsys, "import", SEED_PAGE, "-o", tmp_path / name, *SEED_OPTIONS,
                           "--report", tmp_path / f"{name}.json")
        assert code == 0, err
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) == 10  # issue.toml, 7 articles, 2 placeholders
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_a_report_in_a_missing_folder_is_refused_before_any_work(tmp_path, capsys):
    code, _, err = run(capsys, "import", SEED_PAGE, "-o", tmp_path / "issue", *SEED_OPTIONS,
                       "--report", tmp_path / "no" / "report.json")
    assert code == EXIT_USAGE and "--report" in err and not (tmp_path / "issue").exists()


def test_two_pages_with_a_jump_import_into_one_issue(tmp_path, capsys):
    pages = [tmp_path / "p2.txt", tmp_path / "p3.txt"]
    shutil.copyfile(DATA / "city-p2.txt", pages[0])
    shutil.copyfile(DATA / "city-p3.txt", pages[1])
    code, out, err = run(capsys, "import", *pages, "-o", tmp_path / "issue", "--publication", "江城日报")
    assert code == 0, err
    assert "Stories joined across pages (转版): 2" in out
    manifest = (tmp_path / "issue" / "issue.toml").read_text("utf-8")
    assert "date = 2026-03-09" in manifest and manifest.count("[[pages]]") == 2


def test_help_documents_the_options_and_exit_codes(capsys):
    code, out, _ = run(capsys, "import", "--help")
    assert code == 0
    for word in ("--encoding", "--date", "--publication", "--report", "--force", "Exit codes"):
        assert word in out
