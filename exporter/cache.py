"""A small on-disk cache keyed by content, shared by builds and processes.

Entries are written to a temporary name and renamed, so concurrent builds
never see half an entry. EXPORTER_CACHE_DIR moves the cache; the default
follows XDG_CACHE_HOME.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable


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
        return path.read_bytes()
    except FileNotFoundError:
        pass
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
    return data
