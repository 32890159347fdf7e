"""Whole builds: byte-identical twice, options, a generated daily issue."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx

from exporter.errors import InputError
from tests.conftest import run_build

from .expected import article_paragraphs
from .reading import NS, attr, part


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(example_build, example_dir, tmp_path):
    run_build(example_dir, "docx", tmp_path)
    first, second = files(example_build.out), files(tmp_path)
    assert sorted(first) == sorted(second) and len(first) == 9
    for name in first:
        assert first[name] == second[name], name


def test_zip_entries_are_dated_with_the_issue_in_a_fixed_order(example_build):
    for path in [example_build.whole, example_build.archive]:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        assert {info.date_time for info in infos} == {(2026, 1, 26, 0, 0, 0)}
        assert {info.create_system for info in infos} == {0}
    with zipfile.ZipFile(example_build.whole) as archive:
        names = archive.namelist()
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"] and names[2:] == sorted(names[2:])


def test_source_date_epoch_sets_every_timestamp(example_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00:00 UTC
    run_build(example_dir, "docx", tmp_path)
    (whole,) = tmp_path.glob("*.docx")
    core = docx.Document(str(whole)).core_properties
    assert core.created.isoformat() == "2026-01-01T00:00:00+00:00" == core.modified.isoformat()
    with zipfile.ZipFile(whole) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_options_switch_the_hint_and_the_compression_off(example_dir, tmp_path):
    run_build(example_dir, "docx", tmp_path, docx_east_asian_hint="false", docx_compress_punctuation="false",
              docx_article_files="false")
    assert [p.name for p in tmp_path.iterdir()] == ["shili-ribao-2026-01-26.docx"]
    whole = tmp_path / "shili-ribao-2026-01-26.docx"
    styles = part(whole, "word/styles.xml")
    assert not styles.xpath("//w:rFonts/@w:hint", namespaces=NS)
    assert styles.xpath("//w:rFonts/@w:eastAsia", namespaces=NS)
    settings = part(whole, "word/settings.xml")
    assert attr(settings.find("w:characterSpacingControl", NS), "val") == "doNotCompress"


def test_a_template_folder_replaces_template_files(example_dir, tmp_path):
    house = tmp_path / "house"
    (house / "word").mkdir(parents=True)
    numbering = (Path(__file__).parents[2] / "styles" / "docx" / "word" / "numbering.xml").read_text("utf-8")
    (house / "word" / "numbering.xml").write_text(numbering.replace('w:val="•"', 'w:val="■"'), "utf-8")
    out = tmp_path / "out"
    run_build(example_dir, "docx", out, docx_template=str(house), docx_article_files="false")
    (whole,) = out.glob("*.docx")
    assert part(whole, "word/numbering.xml").xpath("//w:lvlText/@w:val", namespaces=NS)[0] == "■"


def test_a_broken_template_file_is_a_named_error(example_dir, tmp_path):
    from exporter.build import build

    house = tmp_path / "house"
    (house / "word").mkdir(parents=True)
    (house / "word" / "styles.xml").write_text("<w:styles", "utf-8")
    result = build(example_dir, ["docx"], tmp_path / "out", {"docx_template": str(house)})
    error = result.failures["docx"]
    assert isinstance(error, InputError) and "styles.xml" in str(error) and "not well-formed" in str(error)
    assert not any((tmp_path / "out").iterdir())


def test_a_generated_daily_issue_has_every_article_once(daily_build):
    issue = daily_build.issue
    articles = [(page, order, a) for page in issue.pages for order, a in enumerate(page.articles, start=1)]
    names = [p.name for p in daily_build.article_files]
    assert len(names) == len(articles) == 120
    for page, order, article in articles:
        (match,) = [n for n in names if n.startswith(f"{page.number:02d}-{order:02d}-")]
        assert re.fullmatch(r"\d\d-\d\d-[^<>:\"/\\|?*\x00-\x1f]+(?<![. ])\.docx", match)
        assert len(match.encode("utf-8")) <= 255
    with zipfile.ZipFile(daily_build.archive) as archive:
        listed = archive.namelist()
    assert sorted(listed) == sorted(f"{daily_build.folder.name}/{n}" for n in names)
    whole = docx.Document(str(daily_build.whole))
    headlines = [p.text for p in whole.paragraphs if p.style.style_id == "Heading2"]
    assert headlines == [a.title for _, _, a in articles]
    pages = [p.text for p in whole.paragraphs if p.style.style_id == "Heading1"]
    assert len(pages) == len(issue.pages) == 24
    text = [p.text for p in whole.paragraphs]
    for _, _, article in articles[::17]:  # a sample, in full
        expected = [t for _, t in article_paragraphs(article)]
        start = text.index(article.title)
        assert text[start:start + len(expected)] == expected
