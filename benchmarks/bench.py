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
pages. The measurements are taken in rounds (one run of each, for every
issue, then the next round), so that a machine whose speed drifts slows them
alike. Peak memory is the largest resident set of the measuring process and
its workers. Results print as a Markdown table, with the median and the
fastest of the runs, and the ratios by both.

Every tool writes its outputs to ``--out``: by default a memory file system
(``/dev/shm``) where there is one. Our builds write hundreds of files (a Word
file per article, the web edition's pages), the peers one each, and on a disk
creating a file can cost the kernel anything from 0.02 to 1 ms (allocating its
inode), changing with the folder and the hour. The run also times all four
formats writing to the system's temporary folder, in the same rounds, and
measures what creating a file costs in both places.
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


def child(kind: str, issue: str, extra: str, out: str) -> dict:
    """One measurement, writing into a new folder in ``out``; prints a JSON line."""
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="bench-", dir=out) as scratch:
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
        files = [p for p in out.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        count = len(files)
    elif kind == "typst":
        import typst

        source = Path(extra)
        out = scratch / "issue.pdf"
        start = time.perf_counter()
        typst.compile(str(source), output=str(out))
        seconds = time.perf_counter() - start
        size, count = out.stat().st_size, 1
    elif kind == "pandoc":
        import pypandoc

        fmt, markdown = extra.split(":", 1)
        out = scratch / f"issue.{fmt}"
        start = time.perf_counter()
        pypandoc.convert_file(markdown, fmt, outputfile=str(out), extra_args=["--quiet"])
        seconds = time.perf_counter() - start
        size, count = out.stat().st_size, 1
    else:
        raise SystemExit(f"unknown measurement {kind}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_mb = max(own, workers) / 1024
    return {"kind": kind, "seconds": seconds, "peak_mb": peak_mb, "bytes": size, "files": count}


def target(name: str) -> str:
    """A target as the child process reads it: ``pdf,epub:2``."""
    formats, jobs = TARGETS[name]
    return f"{','.join(formats)}:{jobs}"


def run_once(kind: str, issue: Path, extra: str, out: Path, env: dict | None = None) -> dict:
    """One measurement in a fresh process, writing its outputs in ``out``."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(issue), extra, str(out)],
        capture_output=True, text=True, env=env or os.environ.copy(),
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} {extra} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(samples: list[dict]) -> dict:
    return {
        "seconds": statistics.median(s["seconds"] for s in samples),
        "fastest": min(s["seconds"] for s in samples),
        "peak_mb": max(s["peak_mb"] for s in samples),
        "bytes": samples[-1]["bytes"],
        "files": samples[-1]["files"],
        "kind": samples[-1]["kind"],
    }


def measure_rounds(jobs: dict[tuple[str, str], tuple[str, Path, str, Path]], runs: int) -> dict:
    """Every measurement of ``jobs`` (key: (kind, issue, extra, output folder))
    ``runs`` times, in rounds: one run of each, then the next round. A machine
    whose speed drifts over minutes then slows all of them alike, so their
    ratios hold."""
    samples: dict[tuple[str, str], list[dict]] = {key: [] for key in jobs}
    for _ in range(runs):
        for key, (kind, issue, extra, out) in jobs.items():
            samples[key].append(run_once(kind, issue, extra, out))
    return {key: summary(found) for key, found in samples.items()}


def memory_folder() -> Path | None:
    """A folder on a memory file system, if the machine has one we may write to."""
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


def file_creation_ms(folder: Path, count: int = 300) -> float:
    """What creating an empty file costs in ``folder``, in milliseconds (median of three rounds)."""
    rounds = []
    for _ in range(3):
        with tempfile.TemporaryDirectory(prefix="bench-files-", dir=folder) as scratch:
            start = time.perf_counter()
            for number in range(count):
                os.close(os.open(os.path.join(scratch, str(number)), os.O_CREAT | os.O_WRONLY, 0o644))
            rounds.append((time.perf_counter() - start) * 1000 / count)
    return statistics.median(rounds)


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


def peer_ratios(ours: dict, peers: dict, size: str, key: str) -> str:
    """Our times over the peers' on one issue, by the median runs or the fastest (``key``)."""
    pdf = ours[size, "pdf"][key] / peers[size, "typst pdf"][key]
    pandoc = peers[size, "pandoc docx"][key] + peers[size, "pandoc epub"][key]
    docs = ours[size, "docx + epub"][key] / pandoc
    every = ours[size, "all four"][key] / pandoc
    return (f"PDF / Typst = {pdf:.2f}; (DOCX + EPUB) / Pandoc's two = {docs:.2f}; "
            f"all four / Pandoc's two = {every:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,daily,weekend")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=REPO / "out" / "bench", help="where the issues are made")
    parser.add_argument("--out", type=Path, default=None,
                        help="where every tool writes its outputs (default: /dev/shm if there is one)")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument("--child", nargs=4, metavar=("KIND", "ISSUE", "EXTRA", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    out = args.out or memory_folder() or Path(tempfile.gettempdir())
    disk = Path(tempfile.gettempdir())
    on_disk = "all four, written to disk"
    sizes = [s.strip() for s in args.sizes.split(",")]
    rows: list[tuple[str, str, dict]] = []
    ours: dict[tuple[str, str], dict] = {}
    peers: dict[tuple[str, str], dict] = {}
    # Every size's measurements are taken in the same rounds: the weekend issue's
    # growth over the daily one is then read at the same speed of the machine.
    jobs: dict[tuple[str, str], tuple[str, Path, str, Path]] = {}
    for size in sizes:
        issue = make_issue(args.work, size)
        run_once("exporter", issue, target("all four"), out)  # warm the font caches
        jobs.update({(size, name): ("exporter", issue, target(name), out) for name in TARGETS})
        if disk.resolve() != out.resolve():
            jobs[size, on_disk] = ("exporter", issue, target("all four"), disk)
        if not args.no_peers:
            typ, md = peer_sources(issue, args.work)
            jobs[size, "typst pdf"] = ("typst", issue, str(typ), out)
            for fmt in ("docx", "epub"):
                jobs[size, f"pandoc {fmt}"] = ("pandoc", issue, f"{fmt}:{md}", out)
    for (size, name), found in measure_rounds(jobs, args.runs).items():
        (peers if found["kind"] != "exporter" else ours)[size, name] = found
        rows.append((size, name, found))
    where = f"outputs written to {out}"
    if any(name == on_disk for _, name in jobs):
        where += f" ({on_disk}: {disk})"
    print(f"\nmachine: {os.cpu_count()} cores; median of {args.runs} runs; font caches warm; {where}\n")
    print("| issue | build | time (s) | fastest (s) | peak memory (MB) | output (KB) | files |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for size, name, m in rows:
        kb = m["bytes"] / 1024
        print(f"| {size} | {name} | {m['seconds']:.2f} | {m['fastest']:.2f} | {m['peak_mb']:.0f} | {kb:.0f} "
              f"| {m['files']} |")
    print()
    for folder in dict.fromkeys([out, disk]):
        print(f"- creating an empty file in {folder}: {file_creation_ms(folder):.3f} ms")
    for size in sizes:
        if (size, "typst pdf") in peers:
            print(f"- {size}: {peer_ratios(ours, peers, size, 'seconds')} (fastest runs: "
                  f"{peer_ratios(ours, peers, size, 'fastest')})")
    if "daily" in sizes and "weekend" in sizes:
        for name in [n for n in [*TARGETS, on_disk] if ("weekend", n) in ours]:
            growth = [ours["weekend", name][key] / ours["daily", name][key] for key in ("seconds", "fastest")]
            print(f"- weekend / daily, {name}: {growth[0]:.2f} (fastest runs: {growth[1]:.2f})")
    if not args.no_cold and "daily" in sizes:
        with tempfile.TemporaryDirectory() as empty:
            env = dict(os.environ, EXPORTER_CACHE_DIR=empty)
            cold = run_once("exporter", args.work / "daily", target("all four"), out, env)
        print(f"- daily, all four from cold font caches: {cold['seconds']:.2f} s, "
              f"peak {cold['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
