"""exporter batch: every issue once, resumable, failures per issue, one rolling feed."""

import shutil
import subprocess
import sys

import feedparser
import pytest

from exporter.batch import find_issues, run_batch

SETTINGS = {"base_url": "https://news.example.cn/"}


@pytest.fixture
def archive(tmp_path, archive_issues):
    copy = tmp_path / "archive"
    shutil.copytree(archive_issues, copy)
    return copy


def _feed_items(out):
    return feedparser.parse((out / "site" / "rss.xml").read_bytes()).entries


def test_every_issue_is_built_into_editions_and_one_site(tmp_path, archive):
    out = tmp_path / "out"
    result = run_batch(archive, out, ["json", "rss"], SETTINGS, jobs=2)
    assert [o.status for o in result.outcomes] == ["built"] * 3
    names = sorted(p.name for p in (out / "editions").iterdir())
    assert names == ["issue-2026-01-26.json", "issue-2026-01-27.json", "issue-2026-01-28.json"]
    items = _feed_items(out)
    dates = {item.link.split("/")[-2] for item in items}
    assert dates == {"2026-01-26", "2026-01-27", "2026-01-28"}  # the feed rolls over all of them
    assert items[0].link.split("/")[-2] == "2026-01-28"  # newest first
    assert len({item.id for item in items}) == len(items)


def test_a_second_run_skips_what_is_up_to_date_and_rebuilds_what_changed(tmp_path, archive):
    out = tmp_path / "out"
    run_batch(archive, out, ["json", "rss"], SETTINGS, jobs=1)
    before = _feed_items(out)
    again = run_batch(archive, out, ["json", "rss"], SETTINGS, jobs=2)
    assert [o.status for o in again.outcomes] == ["skipped"] * 3
    article = next((archive / "2026-01-27" / "articles").glob("*.md"))
    article.write_text(article.read_text("utf-8").replace("title: ", "title: 更正：", 1), encoding="utf-8")
    third = run_batch(archive, out, ["json", "rss"], SETTINGS, jobs=2)
    assert [o.status for o in third.outcomes] == ["skipped", "built", "skipped"]
    after = _feed_items(out)
    assert [i.id for i in after] == [i.id for i in before]  # same items, none lost, none doubled
    assert sum(i.title.startswith("更正：") for i in after) == 1


def test_an_interrupted_batch_resumes(tmp_path, archive):
    out = tmp_path / "out"

    def stop_after_first(outcome):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(archive, out, ["json"], SETTINGS, jobs=1, progress=stop_after_first)
    resumed = run_batch(archive, out, ["json"], SETTINGS, jobs=1)
    assert [o.status for o in resumed.outcomes] == ["skipped", "built", "built"]


def test_a_broken_issue_fails_alone(tmp_path, archive):
    broken = find_issues(archive)[1]
    article = next((broken / "articles").glob("*.md"))
    article.write_text("no front matter\n", encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "exporter", "batch", str(archive), "-o", str(out), "-f", "json,rss",
         "-j", "2", "--base-url", SETTINGS["base_url"]],
        capture_output=True, text=True,
    )
    assert done.returncode == 5, done.stderr
    assert "built 2, skipped 0 (up to date), failed 1" in done.stdout
    assert str(broken) in done.stderr and "front matter" in done.stderr
    assert len(list((out / "editions").iterdir())) == 2
