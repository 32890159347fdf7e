"""``exporter build``: an issue into one or more formats."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import build, default_jobs
from ..diagnostics import Reporter, Severity
from ..errors import EXIT_WRITER
from ..writers.registry import usable_writers


SHOWN = 8  # output paths listed per writer


def parse_options(values: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for value in values:
        name, sep, raw = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{value!r} is not name=value", param_hint="-O")
        settings[name.strip().replace("-", "_")] = raw
    return settings


@click.command("build")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-f", "--format", "formats", default="all", show_default=True,
              help="Comma-separated writers (see `exporter writers`), or 'all' installed ones.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Output folder (created if missing).")
@click.option("--style", default="print", show_default=True,
              help="Style name from styles/ (print, ereader) or a path to a .toml style file.")
@click.option("--base-url", default=None, help="Base URL of the web edition (RSS); overrides the issue's.")
@click.option("--encoding", default=None, help="Read source files in this encoding (e.g. gb18030).")
@click.option("-O", "--option", "options", multiple=True, metavar="NAME=VALUE",
              help="A writer option, e.g. -O embed_fonts=false or -O feed_items=50.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Writers run in this many processes, and the PDF's later pages are drawn in "
                   "a helper when it is above 1 (default: the number of cores, at most 4).")
@click.option("-v", "--verbose", is_flag=True, help="Also print informational diagnostics.")
def build_command(source, formats, out_dir, style, base_url, encoding, options, jobs, verbose):
    """Build the issue folder SOURCE into OUT_DIR in each format."""
    settings = parse_options(options)
    settings["style"] = style
    if base_url:
        settings["base_url"] = base_url
    reporter = Reporter()
    names = [f.strip() for f in formats.split(",") if f.strip()]
    if names == ["all"]:
        names = usable_writers()
    try:
        result = build(source, names, out_dir, settings, encoding, reporter, jobs or default_jobs())
    finally:
        reporter.print(minimum=Severity.INFO if verbose else Severity.WARNING)
    for name, paths in result.outputs.items():
        for path in paths[:SHOWN]:
            click.echo(f"{name}: {path}")
        if len(paths) > SHOWN:
            click.echo(f"{name}: … and {len(paths) - SHOWN} more files in {out_dir}")
    if result.failures:
        code = EXIT_WRITER
        for name, error in result.failures.items():
            for problem in error.problems:
                click.echo(f"error: {name}: {problem}", err=True)
            code = error.exit_code
        raise click.exceptions.Exit(code)
