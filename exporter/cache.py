"""A small on-disk cache keyed by content, shared by builds and processes.

Entries are written to a temporary name and renamed, so concurrent builds
never see half an entry. EXPORTER_CACHE_DIR moves the cache; the default
follows XDG_CACHE_HOME.

The cache is kept under a size limit (EXPORTER_CACHE_LIMIT, in bytes or with
K, M or G; 2G by default, 0 for none): every issue brings font subsets of
its own, some 12 MB for a daily one, and a year of them would fill 4 GB. An
entry read is marked as used; now and then as entries are written (once per
64 MB on average), the least recently used entries are removed until the
cache is back to 80 % of the limit. A removed entry is made again when next
needed.
"""

from __future__ import annotations

import hashlib
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Callable

from .errors import Location, UsageError


def cache_dir() -> Path:
    explicit = os.environ.get("EXPORTER_CACHE_DIR")
    if explicit:
        root = Path(explicit)
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cjk-news-exporter"
    root.mkdir(parents=True, exist_ok=True)
    return root


def content_key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cached_bytes(namespace: str, key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes stored under ``namespace/key``, made and stored on a miss."""
    folder = cache_dir() / namespace
    path = folder / key
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        pass
    else:
        _mark_used(path)
        return data
    data = make()
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _written(len(data))
    return data


DEFAULT_LIMIT = 2 << 30
# Bytes written, on average, between two checks of the cache's size (a check
# lists every entry: 0.1 s for a cache of 2 GB). Each write checks with the
# chance of its share of that, so that builds that each write little still
# check now and then.
TRIM_EVERY = 64 << 20
KEEP = 0.8  # of the limit, after trimming
STALE_TEMPORARY = 3600.0  # seconds: a temporary file older than this was left by a killed build


def cache_limit() -> int:
    """EXPORTER_CACHE_LIMIT in bytes (``500M``, ``2G``, ``0``: no limit). A value
    that is no size is a ``UsageError``: the command line and ``build`` ask at
    their start, so that it is not first met when the cache is trimmed."""
    raw = os.environ.get("EXPORTER_CACHE_LIMIT", "")
    text = raw.strip().upper()
    if not text:
        return DEFAULT_LIMIT
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1], 1)
    number = text[:-1] if text[-1] in "KMG" else text
    try:
        limit = int(float(number) * scale)
    except ValueError:
        limit = -1
    if limit < 0:
        raise UsageError(f"EXPORTER_CACHE_LIMIT={raw!r} is not a size such as 500M, 2G or 0 (no limit)",
                         Location(field="EXPORTER_CACHE_LIMIT"))
    return limit


def _mark_used(path: Path) -> None:
    try:
        os.utime(path)  # its modification time is when it was last used
    except OSError:  # a cache shared read-only: nothing is trimmed there either
        pass


def _written(size: int) -> None:
    if random.random() * TRIM_EVERY < size:
        trim(cache_dir(), cache_limit())


def trim(root: Path, limit: int) -> int:
    """Remove the least recently used entries under ``root`` while it holds more than
    ``limit`` bytes, down to ``KEEP`` of it; returns the bytes removed."""
    if limit <= 0:
        return 0
    now = time.time()
    entries = []
    for folder in os.scandir(root):
        if not folder.is_dir(follow_symlinks=False):
            continue
        for entry in os.scandir(folder.path):
            try:
                stat = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.name.startswith(".tmp-") and now - stat.st_mtime < STALE_TEMPORARY:
                continue  # being written by another build
            entries.append((stat.st_mtime, stat.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return 0
    removed = 0
    for _, size, path in sorted(entries):
        if total - removed <= KEEP * limit:
            break
        try:
            os.unlink(path)
        except OSError:  # removed by another build meanwhile
            continue
        removed += size
    return removed
