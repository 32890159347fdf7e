"""The wheel carries what the package reads at run time: styles and the JSON Schema."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_ships_styles_and_schema(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "exporter/model/issue.schema.json" in names
    for style in ("base", "print", "ereader"):
        assert f"exporter/_data/styles/{style}.toml" in names
    probe = (
        "from exporter.themes import load_theme; from exporter.resources import data_dir;"
        "from exporter.model.serialize import issue_schema;"
        "print(data_dir('styles')); print(load_theme('ereader').page.columns); print(issue_schema()['title'])"
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    styles_dir, columns, title = done.stdout.splitlines()
    assert Path(styles_dir).is_relative_to(site)
    assert columns == "1" and title == "Normalized newspaper issue"
