"""``exporter import``: pages of text extracted from print into an issue folder."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("import")
@click.argument("pages", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="The issue folder to write (must not exist, or be empty).")
@click.option("--encoding", default=None, help="Read the pages in this encoding (e.g. gb18030).")
def import_command(pages, out_dir, encoding):
    """Import PAGES (text extracted from print pages, in page order) into an issue folder."""
    raise click.ClickException("the importer is not available yet")
