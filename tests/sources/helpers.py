"""Writing small issue folders for reader tests."""

from __future__ import annotations

from pathlib import Path

MANIFEST = """\
date = 2026-01-26
number = 1

[publication]
name = "测试日报"

[[pages]]
number = 1
section = "要闻"
articles = ["articles/a1.md"]
"""

FRONT = """\
---
id: a1
title: 测试标题
---
"""


def write_issue(root: Path, body: str = "正文。", front: str = FRONT, manifest: str = MANIFEST) -> Path:
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "issue.toml").write_text(manifest, encoding="utf-8")
    (root / "articles" / "a1.md").write_text(front + "\n" + body + "\n", encoding="utf-8")
    return root
