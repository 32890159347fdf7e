#!/usr/bin/env python3
"""Benchmark: build generated issues into each format, and time the yardsticks.

    python3 benchmarks/bench.py                      # small, daily and weekend; 5 runs each
    python3 benchmarks/bench.py --sizes daily --runs 3 --no-cold

Every measurement runs in a fresh process and times the work inside it (loading
the issue and writing the outputs; interpreter start-up and imports are left
out for every tool alike). Our font caches are warmed by one build first, as
in daily use; "cold" runs once with an empty cache. Peers, on the same issue:
Typst (PyPI typst) sets a four-column PDF in Noto Serif CJK SC; Pandoc (PyPI
pypandoc_binary) converts one Markdown document of the same text to DOCX and
EPUB. Each of ours runs in one process, except all four formats (the targets
allow both cores) and a second PDF row with a helper process drawing the later
pages. The measurements of one issue are taken in rounds (one run of each, then
the next round), so that a machine whose speed drifts slows them alike. Peak
memory is the largest resident set of the measuring process and its workers.
Results print as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SIZES = {"small": ["--preset", "small"], "daily": ["--preset", "daily"], "weekend": ["--preset", "weekend"]}
# name: (formats, processes). One process unless the issue's targets allow both cores
# (all four formats); the PDF is also timed with a helper drawing its later pages.
TARGETS = {
    "pdf": (["pdf"], 1),
    "pdf, 2 processes": (["pdf"], 2),
    "epub": (["epub"], 1),
    "docx": (["docx"], 1),
    "rss": (["rss"], 1),
    "docx + epub": (["docx", "epub"], 1),  # one after the other: compared with Pandoc's two runs
    "all four": (["pdf", "epub", "docx", "rss"], 2),
}
BASE_URL = "https://news.example.cn/bench/"


# ------------------------------------------------------------ in a fresh process


def child(kind: str, issue: str, extra: str) -> dict:
    """One measurement; prints a JSON line."""
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        return _measure_once(kind, issue, extra, Path(scratch))


def _measure_once(kind: str, issue: str, extra: str, scratch: Path) -> dict:
    if kind == "exporter":
        from exporter.build import build
        from exporter.writers.registry import get_writer

        formats, jobs = extra.split(":")
        formats, jobs = formats.split(","), int(jobs)
        for name in formats:  # imports are left out, as for the peers (their modules load before the clock)
            get_writer(name).warm_up()
        out = scratch
        start = time.perf_counter()
        result = build(Path(issue), formats, out, {"base_url": BASE_URL}, jobs=jobs)
        seconds = time.perf_counter() - start
        if result.failures:
            raise SystemExit(f"build failed: {result.failures}")
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    elif kind == "typst":
        import typst

        source = Path(extra)
        start = time.perf_counter()
        pdf = typst.compile(str(source))
        seconds = time.perf_counter() - start
        size = len(pdf)
    elif kind == "pandoc":
        import pypandoc

        fmt, markdown = extra.split(":", 1)
        out = scratch / f"issue.{fmt}"
        start = time.perf_counter()
        pypandoc.convert_file(markdown, fmt, outputfile=str(out), extra_args=["--quiet"])
        seconds = time.perf_counter() - start
        size = out.stat().st_size
    else:
        raise SystemExit(f"unknown measurement {kind}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mb": max(own, workers) / 1024, "bytes": size}


def target(name: str) -> str:
    """A target as the child process reads it: ``pdf,epub:2``."""
    formats, jobs = TARGETS[name]
    return f"{','.join(formats)}:{jobs}"


def run_once(kind: str, issue: Path, extra: str, env: dict | None = None) -> dict:
    """One measurement in a fresh process."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(issue), extra],
        capture_output=True, text=True, env=env or os.environ.copy(),
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} {extra} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(samples: list[dict]) -> dict:
    return {
        "seconds": statistics.median(s["seconds"] for s in samples),
        "peak_mb": max(s["peak_mb"] for s in samples),
        "bytes": samples[-1]["bytes"],
    }


def measure_rounds(jobs: dict[str, tuple[str, Path, str]], runs: int) -> dict[str, dict]:
    """Every measurement of ``jobs`` (name: (kind, issue, extra)) ``runs`` times, in
    rounds: one run of each, then the next round. A machine whose speed drifts
    over minutes then slows all of them alike, so their ratios hold."""
    samples: dict[str, list[dict]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, (kind, issue, extra) in jobs.items():
            samples[name].append(run_once(kind, issue, extra))
    return {name: summary(found) for name, found in samples.items()}


# ------------------------------------------------------------ the run


def make_issue(work: Path, size: str) -> Path:
    target = work / size
    if not (target / "issue.json").exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), *SIZES[size], "-o", str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def peer_sources(issue_dir: Path, work: Path) -> tuple[Path, Path]:
    sys.path.insert(0, str(REPO))
    from benchmarks.peers import markdown_source, typst_source
    from exporter.load import load_issue

    loaded = load_issue(issue_dir)
    typ = work / f"{issue_dir.name}.typ"
    typ.write_text(typst_source(loaded.issue), encoding="utf-8")
    md = work / f"{issue_dir.name}.md"
    md.write_text(markdown_source(loaded.issue, loaded.root), encoding="utf-8")
    return typ, md


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,daily,weekend")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=REPO / "out" / "bench")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "ISSUE", "EXTRA"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [s.strip() for s in args.sizes.split(",")]
    rows: list[tuple[str, str, dict]] = []
    ours: dict[tuple[str, str], dict] = {}
    peers: dict[tuple[str, str], dict] = {}
    for size in sizes:
        issue = make_issue(args.work, size)
        run_once("exporter", issue, target("all four"))  # warm the font caches
        jobs = {name: ("exporter", issue, target(name)) for name in TARGETS}
        if not args.no_peers:
            typ, md = peer_sources(issue, args.work)
            jobs["typst pdf"] = ("typst", issue, str(typ))
            for fmt in ("docx", "epub"):
                jobs[f"pandoc {fmt}"] = ("pandoc", issue, f"{fmt}:{md}")
        for name, found in measure_rounds(jobs, args.runs).items():
            (ours if name in TARGETS else peers)[size, name] = found
            rows.append((size, name, found))
    print(f"\nmachine: {os.cpu_count()} cores; median of {args.runs} runs; font caches warm\n")
    print("| issue | build | time (s) | peak memory (MB) | output (KB) |")
    print("| --- | --- | ---: | ---: | ---: |")
    for size, name, m in rows:
        print(f"| {size} | {name} | {m['seconds']:.2f} | {m['peak_mb']:.0f} | {m['bytes'] / 1024:.0f} |")
    print()
    for size in sizes:
        if (size, "typst pdf") in peers:
            pdf = ours[size, "pdf"]["seconds"] / peers[size, "typst pdf"]["seconds"]
            pandoc = peers[size, "pandoc docx"]["seconds"] + peers[size, "pandoc epub"]["seconds"]
            docs = ours[size, "docx + epub"]["seconds"] / pandoc
            every = ours[size, "all four"]["seconds"] / pandoc
            print(f"- {size}: PDF / Typst = {pdf:.2f}; (DOCX + EPUB) / Pandoc's two = {docs:.2f}; "
                  f"all four / Pandoc's two = {every:.2f}")
    if "daily" in sizes and "weekend" in sizes:
        for name in TARGETS:
            growth = ours["weekend", name]["seconds"] / ours["daily", name]["seconds"]
            print(f"- weekend / daily, {name}: {growth:.2f}")
    if not args.no_cold and "daily" in sizes:
        with tempfile.TemporaryDirectory() as empty:
            env = dict(os.environ, EXPORTER_CACHE_DIR=empty)
            cold = run_once("exporter", args.work / "daily", target("all four"), env)
        print(f"- daily, all four from cold font caches: {cold['seconds']:.2f} s, peak {cold['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
