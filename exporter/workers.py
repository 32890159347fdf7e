"""Worker processes that share one build with the process that started them.

A worker is forked as the build starts. It gets ready (imports what the first
writer of the queue needs, finds the fonts) and says so. While the issue is
read, a ready worker is handed the tail of the articles still to read
(``spread``). Once the issue is read it is sent to every worker (pickled:
some milliseconds; to a worker not yet ready, from a thread, so as not to
wait for it), and then every process, the starting one included, takes the
next writer from one queue, ordered most costly first, until none is left:
the workers from its front, the starting process from its back (``_take``).
Whichever finishes early takes more, so the cores finish together however
fast each writer runs on the day. Each worker sends back what its writers
made and reported, and ends.

The workers are forked while the collector is paused and keep it so; they end
without freeing what they made (see ``memory``). Nothing here knows what a
writer does: the build gives a ``setup`` that makes, in each process, the
function running the writer at a given place in the queue.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from threading import Thread
from typing import Any

from .memory import ends_without_freeing

READY = "ready"
# (index in the queue, loaded issue, output folder) -> what the writer made, with its diagnostics
RunWriter = Callable[[int, Any, Path], Any]


class WorkerGroup:
    def __init__(self, count: int, queue_length: int, setup: Callable[[bool], RunWriter]):
        """``count`` workers for a queue of ``queue_length`` writers; ``setup(warm)``
        prepares a process (a worker when ``warm``: it imports ahead what it can)."""
        context = multiprocessing.get_context("fork")
        self.setup = setup
        # the first writer of the queue not yet taken, and the one after the last
        self.taken = context.Array("i", [0, queue_length])
        self.taker = context.Array("i", queue_length, lock=False)  # who took each: 0 here, n worker n
        self.workers: list[tuple[Any, Any]] = []
        self.ready: list[bool] = []
        self.handed = 0  # items ``spread`` has handed to workers so far
        for number in range(1, count + 1):
            ours, theirs = context.Pipe()
            process = context.Process(target=_worker, args=(number, setup, self.taken, self.taker, theirs),
                                      daemon=True)
            process.start()
            theirs.close()
            self.workers.append((process, ours))
            self.ready.append(False)

    def __enter__(self) -> WorkerGroup:
        return self

    def __exit__(self, *exc) -> None:
        for process, pipe in self.workers:
            if process.is_alive():
                try:
                    pipe.send(None)  # nothing (more) to do
                except OSError:
                    pass
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
            pipe.close()

    # ------------------------------------------------------------ reading

    def spread(self, function: Callable, items: Sequence, weights: Sequence[float]) -> list:
        """``[function(item) for item in items]``, computed here from the front; each
        worker that becomes ready meanwhile is handed a share of what is left, from
        the back, of about equal weight. A share a worker could not compute (it
        raised, or died) is computed here, so that any error is raised in this
        process as it would be without workers."""
        items, weights = list(items), list(weights)
        results: list = [None] * len(items)
        handed: list[tuple[int, int, int]] = []  # (worker, start, stop)
        waiting = [w for w in range(len(self.workers)) if self._alive(w)]
        done, stop = 0, len(items)
        while done < stop:
            newly = [w for w in waiting if self._check_ready(w)]
            for count, w in enumerate(newly):
                waiting.remove(w)
                start = _tail_start(weights, done, stop, len(newly) - count + 1)
                if start >= stop or start <= done:
                    continue
                try:
                    self.workers[w][1].send(("map", function, items[start:stop]))
                except Exception:  # the function cannot be pickled, or the worker is gone: do it here
                    continue
                handed.append((w, start, stop))
                self.handed += stop - start
                stop = start
            results[done] = function(items[done])
            done += 1
        for w, start, end in handed:
            part = None
            try:
                part = self.workers[w][1].recv()
            except EOFError:  # the worker died; ``run`` reports it
                pass
            results[start:end] = part if part is not None else [function(item) for item in items[start:end]]
        return results

    def _alive(self, w: int) -> bool:
        return self.workers[w][0].is_alive()

    def _check_ready(self, w: int) -> bool:
        """Has worker ``w`` said it is ready (without waiting)?"""
        if not self.ready[w]:
            pipe = self.workers[w][1]
            try:
                if pipe.poll() and pipe.recv() == READY:
                    self.ready[w] = True
            except (EOFError, OSError):
                pass
        return self.ready[w]

    # ------------------------------------------------------------ writing

    def run(self, loaded, out_dir: Path) -> tuple[dict[int, Any], dict[int, int]]:
        """Send the issue to the workers and take writers from the queue here too.
        Returns what each writer made, by its place in the queue, and for the
        writers whose worker died without sending anything, that worker's number."""
        # A pipe holds 64 KB and the issue is megabytes: a send blocks until the
        # worker reads it all. A ready worker is waiting to; one still importing
        # (a build started from the command line) is sent the issue from a thread,
        # so that this process starts on its own writers meanwhile.
        build = ForkingPickler.dumps(("build", loaded, out_dir))
        senders: list[Thread | None] = []
        for w, (_, pipe) in enumerate(self.workers):
            if self._check_ready(w):
                _send_bytes(pipe, build)
                senders.append(None)
            else:
                senders.append(Thread(target=_send_bytes, args=(pipe, build), daemon=True))
                senders[-1].start()
        made: dict[int, Any] = {}
        run_writer = None
        while (index := _take(self.taken, self.taker, 0)) is not None:
            if run_writer is None:
                run_writer = self.setup(False)
            made[index] = run_writer(index, loaded, out_dir)
        for w, (_, pipe) in enumerate(self.workers):
            sender = senders[w]
            if sender is not None:
                sender.join()
            try:
                message = pipe.recv()
                if message == READY:  # it got ready after the articles were read
                    message = pipe.recv()
                made.update(message)
            except EOFError:  # the worker died (killed, out of memory)
                pass
        lost = {index: self.taker[index] for index in range(len(self.taker)) if index not in made}
        return made, lost


def _worker(number: int, setup: Callable[[bool], RunWriter], taken, taker, pipe) -> None:
    ends_without_freeing()
    run_writer = setup(True)
    pipe.send(READY)
    job = pipe.recv()
    while job is not None and job[0] == "map":
        _, function, items = job
        try:
            pipe.send([function(item) for item in items])
        except Exception:  # the parent computes this share again, and reports what fails
            pipe.send(None)
        job = pipe.recv()
    if job is None:
        return
    _, loaded, out_dir = job
    made = {}
    while (index := _take(taken, taker, number)) is not None:
        made[index] = run_writer(index, loaded, out_dir)
    pipe.send(made)
    # The work is sent: end now, leaving the issue and what the writers made to
    # the system rather than freeing them object by object (see ``memory``).
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)


def _send_bytes(pipe, message: bytes) -> None:
    try:
        pipe.send_bytes(message)
    except OSError:  # that worker is gone; ``run`` reports it
        pass


def _take(taken, taker, me: int) -> int | None:
    """The next writer for process ``me``, now taken; None when all are. Workers
    take from the front of the queue (the most costly first), this process from
    the back: a worker ends without freeing what its writers made (the PDF's
    pages: 40 ms of freeing on a daily issue), and it has imported the first
    writer while the issue was read."""
    with taken.get_lock():
        front, back = taken[0], taken[1]
        if front >= back:
            return None
        if me == 0:
            index = taken[1] = back - 1
        else:
            index = front
            taken[0] = front + 1
        taker[index] = me
    return index


def _tail_start(weights: Sequence[float], start: int, stop: int, parts: int) -> int:
    """Where the last of ``parts`` runs of ``weights[start:stop]`` of about equal weight begins."""
    share = sum(weights[start:stop]) / parts
    tail = 0.0
    index = stop
    while index > start and tail + weights[index - 1] / 2 < share:
        index -= 1
        tail += weights[index]
    return index

