"""The command line: help everywhere, exit codes as documented."""

import json
import subprocess
import sys

import pytest

from exporter.load import load_issue
from exporter.model import issue_from_json


def _exporter(*args):
    return subprocess.run([sys.executable, "-m", "exporter", *args], capture_output=True, text=True)


@pytest.mark.parametrize("command", [[], ["import"], ["validate"], ["build"], ["writers"], ["batch"]])
def test_every_command_has_help(command):
    done = _exporter(*command, "--help")
    assert done.returncode == 0 and "Usage: exporter" in done.stdout


def test_validate_the_example(example_dir):
    done = _exporter("validate", str(example_dir))
    assert done.returncode == 0 and "ok: 1 pages, 7 articles" in done.stdout


def test_json_build_round_trips(tmp_path, example_dir):
    done = _exporter("build", str(example_dir), "-f", "json", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    written = tmp_path / "shili-ribao-2026-01-26.json"
    assert issue_from_json(written.read_text("utf-8")) == load_issue(example_dir).issue
    assert json.loads(written.read_text("utf-8"))["schema_version"] == 1
    again = _exporter("build", str(example_dir), "-f", "json", "-o", str(tmp_path / "again"))
    assert again.returncode == 0
    assert (tmp_path / "again" / written.name).read_bytes() == written.read_bytes()


def test_a_wrong_option_is_a_usage_error(tmp_path, example_dir):
    done = _exporter("build", str(example_dir), "-f", "json", "-O", "colour=red", "-o", str(tmp_path))
    assert done.returncode == 2 and "colour" in done.stderr
