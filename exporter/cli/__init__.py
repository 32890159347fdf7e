"""The ``exporter`` command line.

Exit codes: 0 success; 1 an unexpected error (a bug); 2 a wrong command line;
3 bad input (file, syntax, field); 4 fonts (a character no font can draw, a
font not installed); 5 a writer failed.
"""

from __future__ import annotations

import sys
import traceback

import click

from ..cache import cache_limit
from ..errors import EXIT_BUG, ExporterError
from .batch_cmd import batch_command
from .build_cmd import build_command
from .import_cmd import import_command
from .validate_cmd import validate_command
from .writers_cmd import writers_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cjk-news-exporter")
def cli() -> None:
    """Export a Chinese newspaper issue to print PDF, EPUB, Word and RSS."""
    cache_limit()  # a misspelt EXPORTER_CACHE_LIMIT stops every command at once


cli.add_command(import_command)
cli.add_command(validate_command)
cli.add_command(build_command)
cli.add_command(writers_command)
cli.add_command(batch_command)


def main(argv: list[str] | None = None) -> int:
    try:
        # Without standalone mode click returns a command's Exit code instead of exiting.
        code = cli.main(args=argv, prog_name="exporter", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("aborted", err=True)
        return 130
    except ExporterError as exc:
        report_error(exc)
        return exc.exit_code
    except Exception:  # a bug: show everything
        traceback.print_exc()
        return EXIT_BUG
    return code if isinstance(code, int) else 0


def report_error(exc: ExporterError) -> None:
    for problem in exc.problems:
        click.echo(f"error: {problem}", err=True)


def run() -> None:
    sys.exit(main())
