"""``exporter validate``: check an issue and print every problem."""

from __future__ import annotations

from pathlib import Path

import click

from ..diagnostics import Reporter, Severity
from ..errors import ExporterError
from ..load import load_issue


@click.command("validate")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--encoding", default=None, help="Read source files in this encoding (e.g. gb18030).")
@click.option("-v", "--verbose", is_flag=True, help="Also print what normalisation changed.")
def validate_command(source, encoding, verbose):
    """Check the issue folder SOURCE; print every problem, not only the first."""
    reporter = Reporter()
    try:
        loaded = load_issue(source, encoding, reporter)
    except ExporterError as error:
        for problem in error.problems:
            click.echo(f"error: {problem}", err=True)
        click.echo(f"{len(error.problems)} problem(s) found", err=True)
        raise click.exceptions.Exit(error.exit_code)
    finally:
        reporter.print(minimum=Severity.INFO if verbose else Severity.WARNING)
    articles = sum(1 for _ in loaded.issue.articles())
    click.echo(f"ok: {len(loaded.issue.pages)} pages, {articles} articles")
