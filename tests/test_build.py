"""Building: writers in parallel processes give the same files as one after another."""

from pathlib import Path

from exporter.build import build
from exporter.diagnostics import Reporter

from tests.support.editing import appended, edited_copy, replaced

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
    no_base_url = replaced('base_url = "https://news.example.cn/shili/"\n', "")
    source, _ = edited_copy(example_dir, tmp_path, "issue.toml", no_base_url)
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
    import zipfile

    marked = "联系电话☎\ufe0f，葛\U000e0100洪，中\u200d国，\u200eWHO\u200f。"
    source, _ = edited_copy(example_dir, tmp_path, "articles/p01-02.md", appended(marked))
    result = build(source, FORMATS, tmp_path / "out", {}, jobs=1)
    assert not result.failures, result.failures
    out = tmp_path / "out"
    with zipfile.ZipFile(next(out.glob("*.epub"))) as epub:
        assert any(marked in epub.read(n).decode("utf-8") for n in epub.namelist() if n.endswith(".xhtml"))
    with zipfile.ZipFile(next(out.glob("*.docx"))) as docx:
        assert marked in docx.read("word/document.xml").decode("utf-8")
    assert marked in (out / "rss.xml").read_text("utf-8")


# ------------------------------------------------------------ articles read by the workers


def _fails_in_a_worker(item):
    import os
    import time

    time.sleep(0.01)  # slow enough for a worker to get ready and be handed a share
    if os.getpid() != _PARENT[0]:
        raise RuntimeError("not here")
    return item


def _dies_in_a_worker(item):
    import os
    import time

    time.sleep(0.01)
    if os.getpid() != _PARENT[0]:
        os._exit(3)
    return item


_PARENT = [0]


def _workers(count: int):
    from exporter.build import _writer_queue, _writer_setup
    from exporter.themes import load_theme
    from exporter.workers import WorkerGroup
    from exporter.writers.registry import get_writer

    queue = _writer_queue([get_writer("json")])
    return WorkerGroup(count, len(queue), _writer_setup(queue, {}, load_theme("print"), count + 1))


def _ready(workers):
    """Wait until every worker has said it is ready, so that ``spread`` hands each a share."""
    import time

    deadline = time.monotonic() + 60
    while not all(workers._check_ready(w) for w in range(len(workers.workers))):
        assert time.monotonic() < deadline, "a worker never got ready"
        time.sleep(0.005)
    return workers


def _slowly_with_pid(item):
    import os
    import time

    time.sleep(0.01)  # the workers get ready meanwhile
    return item, os.getpid()


def test_spread_hands_each_ready_worker_a_tail_of_what_is_left():
    import os

    items = list(range(40))
    weights = [1.0 + (i % 3) for i in items]
    with _workers(2) as workers:
        results = workers.spread(_slowly_with_pid, items, weights)
        pids = {process.pid for process, _ in workers.workers}
    assert [item for item, _ in results] == items
    owners = [pid for _, pid in results]
    assert owners[0] == os.getpid() and set(owners) == pids | {os.getpid()}
    # contiguous shares: this process's from the front, then the workers' tails
    assert sum(1 for a, b in zip(owners, owners[1:]) if a != b) == 2
    assert owners.count(os.getpid()) < 30


def test_a_share_a_worker_cannot_compute_is_computed_here():
    import os

    _PARENT[0] = os.getpid()
    for function, handed in ((_dies_in_a_worker, True), (_fails_in_a_worker, True),
                             (lambda item: _slow(item) * 2, False)):  # a function that cannot be sent
        with _ready(_workers(1)) as workers:
            expected = [function(item) for item in range(10)]
            assert workers.spread(function, list(range(10)), [1.0] * 10) == expected
            assert (workers.handed > 0) == handed


def _slow(item):
    import time

    time.sleep(0.01)
    return item


def test_the_tail_of_a_share_weighs_what_it_should():
    from exporter.workers import _tail_start

    weights = [float(1 + i % 7) for i in range(100)]
    start = _tail_start(weights, 10, 100, 2)
    assert 10 < start < 100
    assert abs(sum(weights[start:100]) - sum(weights[10:start])) <= max(weights)
    assert _tail_start(weights, 10, 100, 3) > start
    assert _tail_start([0.0] * 5, 0, 5, 2) == 5  # nothing to share


def test_an_issue_read_with_workers_is_the_issue_read_alone(small_issue):
    from exporter.load import load_issue

    alone_reporter, shared_reporter = Reporter(), Reporter()
    alone = load_issue(small_issue, reporter=alone_reporter)
    with _ready(_workers(1)) as workers:
        shared = load_issue(small_issue, reporter=shared_reporter, spread=workers.spread)
        assert workers.handed > 0  # the worker read some of the articles
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
    from exporter.load import load_issue

    with pytest.raises(InputError) as alone:
        load_issue(source)
    with _ready(_workers(1)) as workers, pytest.raises(InputError) as shared:
        load_issue(source, spread=workers.spread)
    assert workers.handed > 0 and str(shared.value) == str(alone.value)
    messages = {}
    for jobs in (1, 2):
        with pytest.raises(InputError) as raised:
            build(source, ["pdf", "rss"], tmp_path / f"out{jobs}", {"base_url": "https://x.cn/"}, jobs=jobs)
        messages[jobs] = str(raised.value)
        assert not (tmp_path / f"out{jobs}").exists()
    assert messages[1] == messages[2]
    assert articles[0].name in messages[2] and articles[-1].name in messages[2]
    assert multiprocessing.active_children() == []


def test_workers_take_from_the_front_of_the_queue_and_this_process_from_the_back():
    import multiprocessing

    from exporter.workers import _take

    context = multiprocessing.get_context("fork")
    taken, taker = context.Array("i", [0, 4]), context.Array("i", 4, lock=False)
    order = [(me, _take(taken, taker, me)) for me in (0, 1, 0, 2, 0)]
    assert order == [(0, 3), (1, 0), (0, 2), (2, 1), (0, None)]
    assert list(taker) == [1, 2, 0, 0]


def _slow_to_get_ready(warm: bool):
    import os
    import time

    ready = time.monotonic()
    if warm:  # a worker importing its writers, as one started from the command line does
        time.sleep(1.0)
        ready = time.monotonic()

    def run_writer(index, loaded, out_dir):
        started = time.monotonic()
        if os.getpid() == _PARENT[0]:  # a long writer here: the worker gets ready and takes the other
            time.sleep(1.5)
        return started, ready, os.getpid(), len(loaded)

    return run_writer


def test_this_process_starts_its_writer_while_a_worker_still_gets_ready(tmp_path):
    import os

    from exporter.workers import WorkerGroup

    _PARENT[0] = os.getpid()
    issue = [f"{i}" + "字" * 1000 for i in range(2000)]  # megabytes pickled: far more than a pipe holds
    with WorkerGroup(1, 2, _slow_to_get_ready) as workers:
        made, lost = workers.run(issue, tmp_path)
    assert not lost and sorted(made) == [0, 1]
    here = next(result for result in made.values() if result[2] == os.getpid())
    there = next(result for result in made.values() if result[2] != os.getpid())
    started_here, worker_ready = here[0], there[1]
    assert started_here < worker_ready  # not held up sending the issue to a worker not yet reading
    assert here[3] == there[3] == len(issue)  # the worker got the whole issue


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


def test_writers_are_taken_from_one_queue_and_a_dead_worker_is_reported(tmp_path, example_dir, monkeypatch):
    import os

    from exporter import workers
    from exporter.writers.registry import get_writer

    parent = os.getpid()
    take = workers._take
    taken_here = []

    def take_one_here(taken, taker, me):
        # this process takes one writer and leaves the rest to the worker
        if os.getpid() == parent and taken_here:
            return None
        index = take(taken, taker, me)
        if os.getpid() == parent:
            taken_here.append(index)
        return index

    monkeypatch.setattr(workers, "_take", take_one_here)
    for name in ("json", "rss"):
        cls = get_writer(name)
        real = cls.write

        def write(self, issue, context, _real=real):
            if os.getpid() != parent:
                os._exit(9)  # killed in the worker, in whichever writer it took
            return _real(self, issue, context)

        monkeypatch.setattr(cls, "write", write)
    result = build(example_dir, ["json", "rss"], tmp_path / "out", {}, jobs=2)
    queue = ["json", "rss"]  # most costly first
    here, there = queue[taken_here[0]], queue[1 - taken_here[0]]
    assert list(result.outputs) == [here] and list(result.failures) == [there]
    assert "ended unexpectedly" in str(result.failures[there])
