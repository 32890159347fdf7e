"""The content-keyed cache: entries made once, the least recently used trimmed over the limit."""

import os
import time

import pytest

from exporter import cache


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))
    return tmp_path


def _aged(path, seconds_ago: float) -> None:
    when = time.time() - seconds_ago
    os.utime(path, (when, when))


def test_an_entry_is_made_once_and_read_back(root):
    made = []
    first = cache.cached_bytes("ns", "key", lambda: made.append(1) or b"data")
    again = cache.cached_bytes("ns", "key", lambda: made.append(1) or b"other")
    assert first == again == b"data" and made == [1]
    assert (root / "ns" / "key").read_bytes() == b"data"


def test_reading_an_entry_marks_it_used(root):
    cache.cached_bytes("ns", "old", lambda: b"x")
    _aged(root / "ns" / "old", 3600)
    cache.cached_bytes("ns", "old", lambda: b"never made")
    assert time.time() - (root / "ns" / "old").stat().st_mtime < 60


def test_trimming_removes_the_least_recently_used_down_to_the_kept_share(root):
    for n in range(10):
        path = root / ("a" if n % 2 else "b") / f"entry{n}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"x" * 1000)
        _aged(path, 1000 - n * 10)  # entry0 is the oldest, entry9 the newest
    removed = cache.trim(root, 6000)  # holds 10,000: down to 80 % of 6,000
    left = sorted(p.name for p in root.rglob("entry*"))
    assert removed == 6000 and left == ["entry6", "entry7", "entry8", "entry9"]
    assert cache.trim(root, 6000) == 0  # under the limit: nothing more
    assert cache.trim(root, 0) == 0  # no limit


def test_trimming_spares_a_temporary_file_being_written(root):
    folder = root / "ns"
    folder.mkdir()
    (folder / ".tmp-writing").write_bytes(b"x" * 5000)
    (folder / ".tmp-abandoned").write_bytes(b"x" * 5000)
    _aged(folder / ".tmp-abandoned", 2 * cache.STALE_TEMPORARY)
    cache.trim(root, 1000)
    assert [p.name for p in folder.iterdir()] == [".tmp-writing"]


def test_a_trimmed_entry_is_made_again(root):
    assert cache.cached_bytes("ns", "key", lambda: b"one") == b"one"
    cache.trim(root, 1)
    assert not (root / "ns" / "key").exists()
    assert cache.cached_bytes("ns", "key", lambda: b"two") == b"two"


@pytest.mark.parametrize("text, limit", [("", cache.DEFAULT_LIMIT), ("0", 0), ("500M", 500 << 20),
                                         ("1.5G", 3 << 29), ("64k", 64 << 10), ("123", 123)])
def test_the_limit_is_read_from_the_environment(monkeypatch, text, limit):
    monkeypatch.setenv("EXPORTER_CACHE_LIMIT", text)
    assert cache.cache_limit() == limit


@pytest.mark.parametrize("text", ["lots", "-1G", "2GB", "G"])
def test_a_limit_that_is_no_size_stops_the_command_naming_the_variable(monkeypatch, capsys, tmp_path, text):
    from exporter.build import build
    from exporter.cli import main
    from exporter.errors import EXIT_USAGE, UsageError
    from tests.support.corpus import EXAMPLE

    monkeypatch.setenv("EXPORTER_CACHE_LIMIT", text)
    with pytest.raises(UsageError) as error:
        cache.cache_limit()
    assert error.value.problems[0].location.field == "EXPORTER_CACHE_LIMIT"
    assert main(["writers"]) == EXIT_USAGE
    assert f"EXPORTER_CACHE_LIMIT={text!r}" in capsys.readouterr().err
    with pytest.raises(UsageError):  # a build called as a library is stopped before it writes
        build(EXAMPLE, ["pdf"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_writing_checks_the_size_now_and_then(root, monkeypatch):
    checks = []
    monkeypatch.setattr(cache, "trim", lambda folder, limit: checks.append(limit) or 0)
    monkeypatch.setattr(cache, "TRIM_EVERY", 4000)
    monkeypatch.setenv("EXPORTER_CACHE_LIMIT", "10M")
    for n in range(200):  # 200 writes of a quarter of TRIM_EVERY: 50 checks expected
        cache.cached_bytes("ns", f"k{n}", lambda: b"x" * 1000)
    assert 25 <= len(checks) <= 80 and set(checks) == {10 << 20}
