"""Reading an issue folder (manifest + Markdown articles + images) into the model.

Every problem in the folder is collected before anything is raised, so that
``exporter validate`` lists them all; each names the file, the article and
the field.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..diagnostics import Reporter
from ..errors import InputError, Location, Problem
from ..model import Issue, Page, validate_issue
from ..transforms.normalize import normalize_article
from .article_file import default_article_id, read_article
from .encoding import read_text
from .manifest import find_manifest, read_manifest


@dataclass(frozen=True)
class LoadedIssue:
    issue: Issue
    root: Path  # images are relative to it
    files: dict[str, str]  # article id -> source file (relative to root)

    def image_path(self, relative: str) -> Path:
        return self.root / PurePosixPath(relative)


def load_issue_folder(root: Path, encoding: str | None = None, reporter: Reporter | None = None) -> LoadedIssue:
    reporter = reporter or Reporter()
    manifest_path = find_manifest(root)
    manifest = read_manifest(manifest_path, encoding)
    real_root = root.resolve()
    problems: list[Problem] = []
    files: dict[str, str] = {}
    pages = []
    for entry in manifest.pages:
        articles = []
        for name in entry.files:
            rel = str(PurePosixPath(name))
            path = root / rel
            if not _inside(path, real_root):
                problems.append(Problem("the article file lies outside the issue folder",
                                        Location(str(manifest_path), field=f"articles: {name}")))
                continue
            try:
                text = read_text(path, encoding, label=str(path))
            except InputError as exc:
                problems.extend(exc.problems)
                continue
            resolver = _image_resolver(path.parent, real_root, problems)
            article = read_article(
                text, str(path), default_article_id(path), entry.section, entry.number, resolver, problems
            )
            if article is None:
                continue
            article, changes = normalize_article(article)
            for kind, count in sorted(changes.items()):
                reporter.info("text.normalized", f"{kind}: {count}", Location(str(path), article.id))
            files[article.id] = str(path)
            articles.append(article)
        pages.append(Page(entry.number, entry.section, entry.label, entry.editor, tuple(articles)))
    issue = Issue(manifest.publication, manifest.date, tuple(pages), manifest.number, manifest.edition)
    problems.extend(p for p in validate_issue(issue, files) if p not in problems)
    if problems:
        raise InputError(_unique(problems))
    return LoadedIssue(issue, root, files)


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _inside(path: Path, real_root: Path) -> bool:
    """True when ``path``, with every link followed, stays inside the issue folder."""
    try:
        Path(os.path.realpath(path)).relative_to(real_root)
    except ValueError:
        return False
    return True


def _image_resolver(article_dir: Path, real_root: Path, problems: list[Problem]):
    """Resolves a picture's path (relative to its article file) to one relative to the issue."""

    def resolve(src: str, where: Location) -> tuple[str, int | None, int | None] | None:
        why = ""
        if not src:
            why = "the picture has no file"
        elif src.startswith(("/", "\\")) or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", src):
            why = f"image {src!r} must be a path relative to the article file, inside the issue folder"
        if why:
            problems.append(Problem(why, where))
            return None
        target = article_dir / PurePosixPath(src)
        if not _inside(target, real_root):
            problems.append(Problem(f"image {src!r} leaves the issue folder", where))
            return None
        if not target.is_file():
            problems.append(Problem(f"image file {src!r} not found", where))
            return None
        real = Path(os.path.realpath(target))
        size = _image_size(real)
        if size is None:
            problems.append(Problem(f"image file {src!r} is not a picture that can be read", where))
            return None
        return real.relative_to(real_root).as_posix(), size[0], size[1]

    return resolve


def _image_size(path: Path) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return image.size
    except (UnidentifiedImageError, OSError):
        return None
