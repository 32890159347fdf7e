"""Keeping Python's cycle collector out of the way of work that only builds.

Reading an issue and writing an output both allocate hundreds of thousands
of small objects that all live until the work is done: the model, the
typesetter's lines, python-docx packages, XHTML trees. Every collection pass
during that time walks them (and every imported module's objects) and finds
nothing; such passes took a third of the time to read an issue, a sixth of
the PDF's and a tenth of the EPUB's. The collector runs again afterwards.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ------------------------------------------------------------ processes that end without freeing

_kept_until_exit: list = []
_ends_without_freeing = False


def ends_without_freeing() -> None:
    """Declare that this process ends with ``os._exit`` as soon as its work is
    sent (a build's worker process): what is left to it is then never freed."""
    global _ends_without_freeing
    _ends_without_freeing = True


def leave_for_exit(value: object) -> None:
    """Hand over an object the caller is done with. In a process that ends
    without freeing, it is kept until the end, when the system takes the
    process's memory back at once: freeing the typeset pages of a daily issue
    object by object takes 50 ms. Anywhere else it is freed as usual."""
    if _ends_without_freeing:
        _kept_until_exit.append(value)
