"""Headless Chromium (Debian's package) driven through Playwright, for tests.

Opens a local file or page, collects console errors and failed requests,
and takes screenshots. No browser is downloaded: the system's chromium runs.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("chromium is not installed: scripts/setup installs it")


@dataclass
class PageReport:
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def open_page(instance, url: str, width: int = 1000, height: int = 1400):
    """A loaded page and the report of what went wrong while loading it."""
    page = instance.new_page(viewport={"width": width, "height": height})
    report = PageReport()
    page.on("console", lambda m: report.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: report.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: report.failed_requests.append(r.url))
    page.on("response", lambda r: report.failed_requests.append(r.url) if r.status >= 400 else None)
    page.goto(url, wait_until="load")
    return page, report


def file_url(path: Path) -> str:
    return path.resolve().as_uri()
