"""``exporter batch``: every issue of an archive, in parallel, resumable."""

from __future__ import annotations

from pathlib import Path

import click

from ..batch import find_issues, run_batch
from ..build import default_jobs
from ..errors import EXIT_WRITER
from ..writers.registry import usable_writers
from .build_cmd import parse_options


@click.command("batch")
@click.argument("archive", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Output folder: editions/ for PDF, EPUB and DOCX, site/ for the web edition and feeds.")
@click.option("-f", "--format", "formats", default="pdf,epub,docx,rss", show_default=True,
              help="Comma-separated writers, or 'all' installed ones.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Issues built at once, in separate processes (default: the number of cores).")
@click.option("--style", default="print", show_default=True, help="Style name or .toml file.")
@click.option("--base-url", default=None, help="Base URL of the web edition; overrides the issues'.")
@click.option("-O", "--option", "options", multiple=True, metavar="NAME=VALUE", help="A writer option.")
def batch_command(archive, out_dir, formats, jobs, style, base_url, options):
    """Build every issue under ARCHIVE (issue folders, or a generated archive with
    archive.json) into OUT_DIR. Issues already built from the same sources are
    skipped, so an interrupted batch resumes where it stopped; a failing issue is
    reported and the others go on."""
    settings = parse_options(options)
    settings["style"] = style
    if base_url:
        settings["base_url"] = base_url
    names = [f.strip() for f in formats.split(",") if f.strip()]
    if names == ["all"]:
        names = usable_writers()
    total = len(find_issues(archive))
    failures = []
    with click.progressbar(length=total, label="issues", show_pos=True, file=click.get_text_stream("stderr")) as bar:
        def progress(outcome):
            bar.update(1)
            if outcome.status == "failed":
                failures.append(outcome)

        result = run_batch(archive, out_dir, names, settings, jobs or default_jobs(), progress)
    click.echo(f"built {result.count('built')}, skipped {result.count('skipped')} (up to date), "
               f"failed {result.count('failed')}")
    for outcome in failures:
        for error in outcome.errors:
            click.echo(f"error: {outcome.source}: {error}", err=True)
    if failures:
        raise click.exceptions.Exit(EXIT_WRITER)
