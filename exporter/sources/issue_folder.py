"""Reading an issue folder (manifest + Markdown articles + images) into the model.

Every problem in the folder is collected before anything is raised, so that
``exporter validate`` lists them all; each names the file, the article and
the field.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TypeVar

from ..diagnostics import Reporter
from ..errors import InputError, Location, Problem
from ..model import Article, Issue, Page, validate_issue
from ..transforms.normalize import normalize_article
from .article_file import default_article_id, read_article
from .encoding import read_text
from .lines import SourceLines, field_root
from .manifest import find_manifest, read_manifest


# the issue's own fields, as the manifest holds them (``pages[2].section``, ``publication.name``)
ISSUE_FIELDS = frozenset({"publication", "pages", "edition", "date", "number"})


@dataclass(frozen=True)
class LoadedIssue:
    issue: Issue
    root: Path  # images are relative to it
    files: dict[str, str]  # article id -> its source file, on the path the issue was given by
    manifest: str = ""  # the file of the issue's own fields (issue.toml, or the issue's JSON)
    # article id -> where its fields and blocks begin
    lines: dict[str, SourceLines] = field(default_factory=dict)

    def locate(self, location: Location) -> Location:
        """``location`` completed with the source file, and the line where an
        article's field or block begins: a writer (or a rule of the model) knows
        what it was looking at, the loader which file and line held it."""
        article = location.article
        if not article:
            if location.file or field_root(location.field) not in ISSUE_FIELDS:
                return location
            return location.with_file(self.manifest) if self.manifest else location
        file = self.files.get(article, "")
        if not file or location.file not in ("", file):
            return location
        line = location.line
        if line is None and article in self.lines:
            line = self.lines[article].line_of(location.field)
        return Location(file, article, location.field, line)

    def image_path(self, relative: str) -> Path:
        return self.root / PurePosixPath(relative)


def load_issue_folder(
    root: Path, encoding: str | None = None, reporter: Reporter | None = None, spread: Spread | None = None
) -> LoadedIssue:
    """The issue in the folder ``root``. The articles are read and normalised one
    by one, each on its own: ``spread`` may share them out between processes
    (see ``build``); by default they are read here, in order."""
    reporter = reporter or Reporter()
    manifest_path = find_manifest(root)
    manifest = read_manifest(manifest_path, encoding)
    real_root = root.resolve()
    jobs = [
        ArticleJob(root, real_root, str(manifest_path), name, entry.section, entry.number, encoding)
        for entry in manifest.pages
        for name in entry.files
    ]
    if spread is None:
        read = [read_article_file(job) for job in jobs]
    else:
        read = spread(read_article_file, jobs, [job.weight() for job in jobs])
    problems: list[Problem] = []
    files: dict[str, str] = {}
    lines: dict[str, SourceLines] = {}
    pages = []
    done = iter(read)
    for entry in manifest.pages:
        articles = []
        for _name in entry.files:
            result = next(done)
            problems.extend(result.problems)
            if result.article is None:
                continue
            for kind, count in result.changes:
                reporter.info("text.normalized", f"{kind}: {count}", Location(result.file, result.article.id))
            files[result.article.id] = result.file
            lines[result.article.id] = result.lines
            articles.append(result.article)
        pages.append(Page(entry.number, entry.section, entry.label, entry.editor, tuple(articles)))
    issue = Issue(manifest.publication, manifest.date, tuple(pages), manifest.number, manifest.edition)
    loaded = LoadedIssue(issue, root, files, str(manifest_path), lines)
    problems.extend(p for p in validate_issue(issue, files) if p not in problems)
    if problems:
        raise InputError(_unique([replace(p, location=loaded.locate(p.location)) for p in problems]))
    return loaded


T = TypeVar("T")
R = TypeVar("R")
# ``spread(function, items, weights)``: ``[function(item) for item in items]``, computed
# anywhere (the items are independent; ``weights`` are their relative costs)
Spread = Callable[[Callable[[T], R], Sequence[T], Sequence[float]], list[R]]


@dataclass(frozen=True)
class ArticleJob:
    """One article file named by the manifest, to be read."""

    root: Path
    real_root: Path  # with every link followed
    manifest: str  # the manifest's path, where a bad entry is reported
    name: str  # as the manifest gives it
    section: str
    page_number: int
    encoding: str | None

    def path(self) -> Path:
        return self.root / str(PurePosixPath(self.name))

    def weight(self) -> float:
        """The file's size: what reading and normalising it costs, roughly."""
        try:
            return float(self.path().stat().st_size)
        except OSError:
            return 0.0


@dataclass(frozen=True)
class ReadArticle:
    file: str
    article: Article | None  # None: too broken to build, or not read (``problems`` say why)
    changes: tuple[tuple[str, int], ...]  # what normalisation changed, by kind
    problems: tuple[Problem, ...]
    lines: SourceLines = field(default_factory=SourceLines)  # where its fields and blocks begin


def read_article_file(job: ArticleJob) -> ReadArticle:
    """Read, parse and normalise one article file."""
    path = job.path()
    problems: list[Problem] = []
    real_root = job.real_root
    if not _inside(path, real_root):
        problems.append(Problem("the article file lies outside the issue folder",
                                Location(job.manifest, field=f"articles: {job.name}")))
        return ReadArticle(str(path), None, (), tuple(problems))
    try:
        text = read_text(path, job.encoding, label=str(path))
    except InputError as exc:
        return ReadArticle(str(path), None, (), tuple(exc.problems))
    resolver = _image_resolver(path.parent, real_root, problems)
    read = read_article(
        text, str(path), default_article_id(path), job.section, job.page_number, resolver, problems
    )
    if read is None:
        return ReadArticle(str(path), None, (), tuple(problems))
    article, counts = normalize_article(read[0])  # block for block: the lines still hold
    return ReadArticle(str(path), article, tuple(sorted(counts.items())), tuple(problems), read[1])


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
