"""Every kind of bad input gets an error naming the file, the article and the field,
a non-zero exit code, and leaves nothing in the output folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.errors import EXIT_INPUT
from tests.sources.helpers import FRONT, MANIFEST, write_issue


def _front(extra: str) -> str:
    return FRONT.replace("---\n", "---\n" + extra, 1)


def missing_folder(root: Path) -> Path:
    return root / "nowhere"


def missing_article_file(root: Path) -> Path:
    write_issue(root)
    (root / "articles" / "a1.md").unlink()
    return root


def malformed_toml(root: Path) -> Path:
    return write_issue(root, manifest=MANIFEST.replace('name = "测试日报"', 'name = "测试日报'))


def malformed_yaml(root: Path) -> Path:
    return write_issue(root, front=_front("kicker: [unclosed\n"))


def unclosed_front_matter(root: Path) -> Path:
    return write_issue(root, front="---\nid: a1\ntitle: 标题\n")


def unknown_field(root: Path) -> Path:
    return write_issue(root, front=_front("headline: 多余的字段\n"))


def missing_title(root: Path) -> Path:
    return write_issue(root, front="---\nid: a1\n---\n")


def unknown_manifest_field(root: Path) -> Path:
    return write_issue(root, manifest=MANIFEST.replace("number = 1\n", "number = 1\nissue_no = 3\n", 1))


def image_outside(root: Path) -> Path:
    (root.parent / "outside.png").write_bytes(b"x")
    return write_issue(root, body="![说明](../../outside.png)")


def image_absolute(root: Path) -> Path:
    return write_issue(root, body="![说明](/etc/hostname)")


def image_symlink_out(root: Path) -> Path:
    write_issue(root, body="![说明](../images/link.png)")
    (root / "images").mkdir()
    outside = (root.parent / "secret.png").resolve()
    outside.write_bytes(b"x")
    os.symlink(outside, root / "images" / "link.png")
    return root


def image_missing(root: Path) -> Path:
    return write_issue(root, body="正文。\n\n![说明](../images/none.png)")


def xml_forbidden_char(root: Path) -> Path:
    return write_issue(root, body="正文\x0b含有控制字符。")


def noncharacter(root: Path) -> Path:
    return write_issue(root, front=_front("subtitle: \"副题\\uFFFE\"\n"))


def empty_article(root: Path) -> Path:
    return write_issue(root, body="")


def not_utf8(root: Path) -> Path:
    write_issue(root)
    path = root / "articles" / "a1.md"
    path.write_bytes(path.read_text("utf-8").replace("正文", "新华社北京电正文").encode("gb18030"))
    return root


CASES = [
    # (case, expected pieces of the message: file (and line), article, field)
    (missing_folder, ["nowhere", "not found"]),
    (missing_article_file, ["a1.md", "file not found"]),
    (malformed_toml, ["issue.toml", "malformed TOML"]),
    (malformed_yaml, ["a1.md:", "malformed YAML"]),
    (unclosed_front_matter, ["a1.md", "not closed"]),
    (unknown_field, ["a1.md:2, article a1, field headline", "unknown field"]),
    (missing_title, ["a1.md, article a1, field title", "missing"]),  # no line: the key is not there
    (unknown_manifest_field, ["issue.toml", "field issue_no", "unknown field"]),
    (image_outside, ["a1.md", "article a1", "field image", "leaves the issue folder"]),
    (image_absolute, ["a1.md", "article a1", "field image", "relative"]),
    (image_symlink_out, ["a1.md", "article a1", "field image", "leaves the issue folder"]),
    (image_missing, ["a1.md", "article a1", "field image", "not found"]),
    (xml_forbidden_char, ["a1.md:6, article a1, field blocks[0].runs[0].text", "U+000B"]),
    (noncharacter, ["a1.md:2, article a1, field subtitle", "U+FFFE"]),
    (empty_article, ["a1.md", "article a1", "field body", "empty"]),
    (not_utf8, ["a1.md", "not UTF-8", "GB18030", "--encoding gb18030"]),
]


def _exporter(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exporter", *args], capture_output=True, text=True)


@pytest.mark.parametrize("make, expected", CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_input_is_named_and_nothing_is_written(tmp_path, make, expected):
    source = make(tmp_path / "issue")
    out = tmp_path / "out"
    for command in (["validate", str(source)], ["build", str(source), "-f", "json", "-o", str(out)]):
        done = _exporter(*command)
        assert done.returncode == EXIT_INPUT, (command, done.stdout, done.stderr)
        for piece in expected:
            assert piece in done.stderr, (piece, done.stderr)
    assert not out.exists() or not any(out.iterdir())


def test_validate_lists_every_problem_not_only_the_first(tmp_path):
    root = write_issue(tmp_path / "issue", front=_front("headline: x\nkind: opinion\n"),
                       body="正文\x0b。\n\n![说明](../images/none.png)")
    done = _exporter("validate", str(root))
    assert done.returncode == EXIT_INPUT
    for field in ("field headline", "field kind", "field image", "U+000B"):
        assert field in done.stderr, done.stderr


def test_gb18030_is_read_when_asked(tmp_path):
    source = not_utf8(tmp_path / "issue")
    done = _exporter("validate", "--encoding", "gb18030", str(source))
    assert done.returncode == 0, done.stderr
