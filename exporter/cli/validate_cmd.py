"""``exporter validate``: check an issue and print every problem."""

from __future__ import annotations

from pathlib import Path

import click

from ..diagnostics import Reporter, Severity
from ..errors import ExporterError, FontError
from ..fonts.coverage import undrawable
from ..fonts.registry import FontSet
from ..load import load_issue
from ..model import shown_texts
from ..themes import load_theme


@click.command("validate")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--encoding", default=None, help="Read source files in this encoding (e.g. gb18030).")
@click.option("--style", default="print", show_default=True,
              help="The style whose fonts must draw every character, as `build --style` takes it.")
@click.option("-v", "--verbose", is_flag=True, help="Also print what normalisation changed.")
def validate_command(source, encoding, style, verbose):
    """Check the issue folder SOURCE; print every problem, not only the first."""
    reporter = Reporter()
    try:
        loaded = load_issue(source, encoding, reporter)
        # a character no font has stops every build: told now, with the reading's problems
        texts = ((loaded.locate(where), text) for where, text in shown_texts(loaded.issue))
        problems = undrawable(texts, FontSet(load_theme(style)))
        if problems:
            raise FontError(problems)
    except ExporterError as error:
        for problem in error.problems:
            click.echo(f"error: {problem}", err=True)
        click.echo(f"{len(error.problems)} problem(s) found", err=True)
        raise click.exceptions.Exit(error.exit_code)
    finally:
        reporter.print(minimum=Severity.INFO if verbose else Severity.WARNING)
    articles = sum(1 for _ in loaded.issue.articles())
    click.echo(f"ok: {len(loaded.issue.pages)} pages, {articles} articles")
