"""Shared builds for the Word writer's tests: each is made once per session."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from exporter.load import load_issue
from tests.conftest import run_build

from .reading import WordBuild


@pytest.fixture(scope="session")
def example_build(tmp_path_factory, example_dir) -> WordBuild:
    out = tmp_path_factory.mktemp("docx-example")
    outputs, reporter = run_build(example_dir, "docx", out)
    return WordBuild(load_issue(example_dir).issue, out, outputs["docx"], reporter)


@pytest.fixture(scope="session")
def daily_build(tmp_path_factory, daily_issue) -> WordBuild:
    out = tmp_path_factory.mktemp("docx-daily")
    outputs, reporter = run_build(daily_issue, "docx", out)
    return WordBuild(load_issue(daily_issue).issue, out, outputs["docx"], reporter)


@pytest.fixture(scope="session")
def example_pdfs(tmp_path_factory, example_build) -> dict[Path, Path]:
    """Every document of the example issue converted by LibreOffice, in one run.

    The documents are the same bytes in every test process, so with several
    pytest-xdist workers the first converts them and the others wait and reuse
    its PDFs (a folder named by the documents' hash, made under a lock)."""
    documents = [example_build.whole, *example_build.article_files]
    digest = hashlib.sha256(b"".join(d.read_bytes() for d in documents)).hexdigest()[:16]
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder all workers of this run share
    work = shared / f"docx-pdf-{digest}"
    with open(shared / f"docx-pdf-{digest}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (work / "done").exists():
            convert(documents, work)
            (work / "done").touch()
    pdfs = {doc: work / "pdf" / f"{doc.stem}.pdf" for doc in documents}
    missing = [doc.name for doc, pdf in pdfs.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice made no PDF for {missing}"
    return pdfs


def convert(documents: list[Path], work: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (libreoffice-writer-nogui) is not installed"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work / "pdf"), *map(str, documents)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
