"""Building: writers in parallel processes give the same files as one after another."""

from pathlib import Path

from exporter.build import build
from exporter.diagnostics import Reporter

FORMATS = ["json", "pdf", "epub", "docx", "rss"]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_parallel_build_equals_sequential_build(tmp_path, example_dir):
    outputs = {}
    for jobs in (1, 2):
        reporter = Reporter()
        result = build(example_dir, FORMATS, tmp_path / f"j{jobs}", {}, reporter=reporter, jobs=jobs)
        assert not result.failures, result.failures
        assert list(result.outputs) == FORMATS
        outputs[jobs] = (_files(tmp_path / f"j{jobs}"), sorted(map(str, reporter.diagnostics)))
    files_one, diagnostics_one = outputs[1]
    files_two, diagnostics_two = outputs[2]
    assert files_one.keys() == files_two.keys() and len(files_one) > 10
    different = [name for name in files_one if files_one[name] != files_two[name]]
    assert not different
    assert diagnostics_one == diagnostics_two
    assert not any(name.startswith(".") for name in files_one)  # no staging folder left


def test_a_failing_writer_in_a_worker_is_reported_and_leaves_nothing(tmp_path, example_dir):
    # rss needs a base URL: remove it from the issue and the build of rss fails in its worker
    import shutil

    source = tmp_path / "issue"
    shutil.copytree(example_dir, source)
    manifest = source / "issue.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('base_url = "https://news.example.cn/shili/"\n', ""),
                        encoding="utf-8")
    result = build(source, ["json", "rss"], tmp_path / "out", {}, jobs=2)
    assert list(result.outputs) == ["json"] and list(result.failures) == ["rss"]
    assert "base_url" in str(result.failures["rss"])
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["shili-ribao-2026-01-26.json"]


def test_an_unreadable_issue_stops_the_started_workers(tmp_path):
    import multiprocessing

    import pytest

    from exporter.errors import InputError

    with pytest.raises(InputError):
        build(tmp_path / "no-such-issue", ["pdf", "epub", "docx", "rss"], tmp_path / "out", {}, jobs=2)
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "out").exists()


def test_format_characters_pass_through_every_writer(tmp_path, example_dir):
    """Joiners and variation selectors need no glyph: every format builds and keeps them."""
    import shutil
    import zipfile

    source = tmp_path / "issue"
    shutil.copytree(example_dir, source)
    article = source / "articles" / "p01-02.md"
    marked = "联系电话☎\ufe0f，葛\U000e0100洪，中\u200d国，\u200eWHO\u200f。"
    article.write_text(article.read_text("utf-8").rstrip("\n") + f"\n\n{marked}\n", encoding="utf-8")
    result = build(source, FORMATS, tmp_path / "out", {}, jobs=1)
    assert not result.failures, result.failures
    out = tmp_path / "out"
    with zipfile.ZipFile(next(out.glob("*.epub"))) as epub:
        assert any(marked in epub.read(n).decode("utf-8") for n in epub.namelist() if n.endswith(".xhtml"))
    with zipfile.ZipFile(next(out.glob("*.docx"))) as docx:
        assert marked in docx.read("word/document.xml").decode("utf-8")
    assert marked in (out / "rss.xml").read_text("utf-8")


# ------------------------------------------------------------ articles read by the workers


def _with_pid(item):
    import os

    return item, os.getpid()


def _fails_in_a_worker(item):
    import os

    if os.getpid() != _PARENT[0]:
        raise RuntimeError("not here")
    return item


def _dies_in_a_worker(item):
    import os

    if os.getpid() != _PARENT[0]:
        os._exit(3)
    return item


_PARENT = [0]


def _workers(count: int):
    from exporter.build import WorkerGroup
    from exporter.themes import load_theme
    from exporter.writers.registry import get_writer

    return WorkerGroup([[get_writer("json")]] * count, {}, load_theme("print"), count + 1)


def test_spread_shares_items_in_order_between_this_process_and_the_workers():
    import os

    items = list(range(40))
    weights = [1.0 + (i % 3) for i in items]
    with _workers(2) as workers:
        results = workers.spread(_with_pid, items, weights)
        pids = {process.pid for process, _ in workers.workers}
    assert [item for item, _ in results] == items
    owners = [pid for _, pid in results]
    assert owners[0] == os.getpid() and set(owners) == pids | {os.getpid()}
    # contiguous shares: the owner changes twice
    assert sum(1 for a, b in zip(owners, owners[1:]) if a != b) == 2


def test_a_share_a_worker_cannot_compute_is_computed_here():
    import os

    _PARENT[0] = os.getpid()
    with _workers(1) as workers:
        assert workers.spread(_dies_in_a_worker, list(range(10)), [1.0] * 10) == list(range(10))
    with _workers(1) as workers:
        assert workers.spread(_fails_in_a_worker, list(range(6)), [1.0] * 6) == list(range(6))
    with _workers(1) as workers:  # a function that cannot be sent
        assert workers.spread(lambda item: item * 2, list(range(6)), [1.0] * 6) == list(range(0, 12, 2))


def test_split_by_weight_keeps_order_and_balances():
    from exporter.build import split_by_weight

    items = list(range(100))
    weights = [float(1 + i % 7) for i in items]
    shares = split_by_weight(items, weights, 3)
    assert [i for share in shares for i in share] == items
    totals = [sum(weights[i] for i in share) for share in shares]
    assert max(totals) - min(totals) <= 2 * max(weights)
    assert split_by_weight([], [], 2) == [[], []]
    assert split_by_weight(["a"], [5.0], 3) == [[], ["a"], []]


def test_an_issue_read_with_workers_is_the_issue_read_alone(small_issue):
    from exporter.load import load_issue

    alone_reporter, shared_reporter = Reporter(), Reporter()
    alone = load_issue(small_issue, reporter=alone_reporter)
    with _workers(1) as workers:
        shared = load_issue(small_issue, reporter=shared_reporter, spread=workers.spread)
    assert shared.issue == alone.issue and shared.files == alone.files
    # the same diagnostics, in the same order (each names its file and article)
    assert [str(d) for d in shared_reporter.diagnostics] == [str(d) for d in alone_reporter.diagnostics]
    assert {d.location.file for d in shared_reporter.diagnostics} == set(alone.files.values())


def test_a_broken_article_read_by_a_worker_is_reported_as_without_workers(tmp_path, small_issue):
    import multiprocessing
    import shutil

    import pytest

    from exporter.errors import InputError

    source = tmp_path / "issue"
    shutil.copytree(small_issue, source)
    articles = sorted((source / "articles").glob("*.md"))
    # the first and the last article: one in this process's share, one in the worker's
    for path in (articles[0], articles[-1]):
        text = path.read_text("utf-8")
        path.write_text(text.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    messages = {}
    for jobs in (1, 2):
        with pytest.raises(InputError) as raised:
            build(source, ["pdf", "rss"], tmp_path / f"out{jobs}", {"base_url": "https://x.cn/"}, jobs=jobs)
        messages[jobs] = str(raised.value)
        assert not (tmp_path / f"out{jobs}").exists()
    assert messages[1] == messages[2]
    assert articles[0].name in messages[2] and articles[-1].name in messages[2]
    assert multiprocessing.active_children() == []


def test_a_worker_process_keeps_what_it_leaves_for_exit_and_others_free_it():
    import gc
    import os
    import weakref

    from exporter import memory

    class Pages:
        pass

    pages = Pages()
    gone = weakref.ref(pages)
    memory.leave_for_exit(pages)
    del pages
    gc.collect()
    assert gone() is None  # this process frees as usual
    pid = os.fork()
    if pid == 0:  # a process that ends without freeing keeps it
        memory.ends_without_freeing()
        kept = Pages()
        kept_ref = weakref.ref(kept)
        memory.leave_for_exit(kept)
        del kept
        gc.collect()
        os._exit(0 if kept_ref() is not None else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
