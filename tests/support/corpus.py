"""Generated issues for tests, made by benchmarks/make_corpus.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MAKE_CORPUS = REPO / "benchmarks" / "make_corpus.py"
EXAMPLE = REPO / "examples" / "seed-page"
SEED_PAGE = EXAMPLE / "source" / "page-1.txt"


def make_corpus(out: Path, *args: str) -> Path:
    """Run the generator (same arguments, same bytes) into ``out``."""
    if not (out / "issue.json").exists() and not (out / "archive.json").exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), *args, "-o", str(out)], check=True,
                       stdout=subprocess.DEVNULL)
    return out
