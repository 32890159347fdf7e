"""Writers are discovered through the exporter.writers entry-point group,
so a separate package can add one without touching this one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from exporter.writers.registry import available_writers

PLUGIN = textwrap.dedent('''
    from exporter.writers.base import Writer

    class WordCountWriter(Writer):
        name = "wordcount"
        description = "counts the characters of each article"
        media_type = "text/plain"

        def write(self, issue, context):
            path = context.staging / "counts.txt"
            lines = [f"{a.id} {len(a.body_text())}" for _, a in issue.articles()]
            path.write_text("\\n".join(lines) + "\\n", encoding="utf-8")
            return [path]
''')


def _install_plugin(site: Path) -> None:
    """A minimal installed distribution: a module and its dist-info with an entry point."""
    (site / "wordcount_writer.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "wordcount_writer-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: wordcount-writer\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[exporter.writers]\nwordcount = wordcount_writer:WordCountWriter\n"
    )


def _run(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "exporter", *args], capture_output=True, text=True, env=env)


def test_a_plugin_writer_is_listed_and_builds(tmp_path, example_dir):
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site)
    listed = _run(site, "writers")
    assert listed.returncode == 0, listed.stderr
    assert "wordcount" in listed.stdout and "counts the characters" in listed.stdout
    out = tmp_path / "out"
    built = _run(site, "build", str(example_dir), "-f", "wordcount", "-o", str(out))
    assert built.returncode == 0, built.stderr
    counts = (out / "counts.txt").read_text("utf-8").split("\n")
    assert counts[0].startswith("p01-01 ") and int(counts[0].split()[1]) > 3000
    assert sorted(p.name for p in out.iterdir()) == ["counts.txt"]  # no staging left behind


def test_builtin_writers_register_through_the_same_group():
    names = set(available_writers())
    assert {"json", "pdf", "epub", "docx", "rss"} <= names


def test_unknown_writer_is_a_usage_error(tmp_path, example_dir):
    done = subprocess.run([sys.executable, "-m", "exporter", "build", str(example_dir), "-f", "nope",
                           "-o", str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 2 and "no writer named 'nope'" in done.stderr
    assert not (tmp_path / "out").exists()
