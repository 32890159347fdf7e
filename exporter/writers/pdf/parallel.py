"""Drawing the later pages of a long issue in a second process.

A model page is planned on its own, and drawing it needs nothing from the
other pages but the number of PDF pages before it (odd and even pages
differ). So when the build may use more than one process, the issue is cut
in two at a model page: a forked helper plans and draws the second part onto
a ``RecordingCanvas`` while this process plans and draws the first onto the
real one. The helper's pages come back as content streams in which what the
document hands out in order of use (font resource names, variant glyph
codes: ``fonts.DeferredCodes``) is a placeholder, together with the calls
that register things in the document (pictures, page labels, bookmarks) at
their places in the stream. ``replay`` puts them in as if they had been
drawn here: the file is the same, byte for byte, as one drawn in one process.
"""

from __future__ import annotations

import os
import signal
import traceback
from dataclasses import dataclass
from multiprocessing import Pipe
from typing import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas

from ...errors import ExporterError, WriterError
from .fonts import DeferredCodes, Resolver
from .layout import PlannedPage
from .render import Region

# of the text, the part the helper plans and draws: a little under half,
# as it also packs its pages up to send them
HELPER_SHARE = 0.45
# smaller issues are drawn faster than a process starts and reports back
MIN_MODEL_PAGES = 4
MIN_TEXT = 20_000  # characters: two full pages


def helper_start(weights: Sequence[int], jobs: int) -> int | None:
    """The first model page the helper takes (pages weigh their text), or None
    to draw everything here: one process allowed, a short issue, or no fork."""
    total, tail = sum(weights), 0
    if jobs < 2 or len(weights) < MIN_MODEL_PAGES or total < MIN_TEXT or not hasattr(os, "fork"):
        return None
    for start in range(len(weights) - 1, 0, -1):
        tail += weights[start]
        if tail >= HELPER_SHARE * total:
            return start
    return 1


@dataclass
class PageRecord:
    """One page drawn apart: its content stream in pieces, and at which piece
    each call that registers something in the document comes."""

    code: list[str]
    events: list[tuple[int, str | Callable, tuple, dict]]  # (position in code, action, args, kwargs)


class RecordingCanvas(Canvas):
    """A canvas that keeps its pages for ``replay`` instead of making a document."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.deferred_codes = DeferredCodes()  # what the typesetter writes codes with
        self.records: list[PageRecord] = []
        self._events: list[tuple] = []

    def defer(self, action: str | Callable, *args, **kwargs) -> None:
        """Have ``action`` (a canvas method's name, or a function taking the canvas
        first) called on the real canvas at this point of the page."""
        self._events.append((len(self._code), action, args, kwargs))

    def addPageLabel(self, *args, **kwargs):
        self.defer("addPageLabel", *args, **kwargs)

    def bookmarkPage(self, *args, **kwargs):
        self.defer("bookmarkPage", *args, **kwargs)

    def addOutlineEntry(self, *args, **kwargs):
        self.defer("addOutlineEntry", *args, **kwargs)

    def showPage(self):
        self.records.append(PageRecord(self._code, self._events))
        self._code, self._events = [], []


def replay(canvas: Canvas, records: list[PageRecord], entries: list[tuple]) -> None:
    """Add the pages drawn apart to ``canvas``, with the document's own names and codes."""
    resolve = Resolver(entries, canvas._doc)
    for record in records:
        done = 0
        for at, action, args, kwargs in record.events:
            canvas._code.extend(resolve(record.code[done:at]))
            done = at
            if isinstance(action, str):
                getattr(canvas, action)(*args, **kwargs)
            else:
                action(canvas, *args, **kwargs)
        canvas._code.extend(resolve(record.code[done:]))
        canvas.showPage()


@dataclass
class DrawnPart:
    """What the helper sends back."""

    records: list[PageRecord]
    entries: list[tuple]  # of its DeferredCodes
    regions: list[list[Region]]
    pages: list[PlannedPage]  # the plan of its pages, as drawn (see ``layout.drawn``)


class Helper:
    """A forked process running ``work(receive)``, which returns a ``DrawnPart``;
    ``receive()`` gives it what this process sends with ``send`` (the page offset)."""

    def __init__(self, work: Callable[[Callable[[], object]], DrawnPart]):
        ours, theirs = Pipe()
        try:
            self.pid = os.fork()
        except OSError:  # no process to be had: ``result`` says so, and the caller draws it all
            self.pid = None
            ours.close()
        if self.pid == 0:  # the helper: never returns into the caller's code
            ours.close()
            _run(work, theirs)
        theirs.close()
        self.pipe = ours

    def send(self, message) -> None:
        try:
            self.pipe.send(message)
        except OSError:  # the helper is gone (or never came): ``result`` says so
            pass

    def result(self) -> DrawnPart | None:
        """The helper's part; None if the helper ended without sending it (killed)
        or could not be started. An error in the helper (bad input found while
        planning) is raised here."""
        if self.pid is None:
            return None
        try:
            status, payload = self.pipe.recv()
        except (EOFError, OSError):
            return None
        finally:
            self.close()
        if status == "error":
            raise payload
        return payload

    def close(self) -> None:
        if self.pid is None:
            return
        self.pipe.close()
        try:
            if os.waitpid(self.pid, os.WNOHANG) == (0, 0):  # still running: not needed any more
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self.pid = None


def _run(work, pipe) -> None:
    status = 0
    try:
        try:
            message = ("done", work(pipe.recv))
        except ExporterError as error:
            message = ("error", error)
        except BaseException as error:  # a bug: reported as the writer's failure
            message = ("error", WriterError(f"drawing pages apart failed: {type(error).__name__}: {error}\n"
                                            + traceback.format_exc()))
        pipe.send(message)
    except BaseException:
        status = 1
    finally:
        os._exit(status)
