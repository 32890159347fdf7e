"""``exporter import``: pages of text extracted from print into an issue folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..errors import InputError, Location, UsageError
from ..sources.encoding import read_text


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command("import")
@click.argument("pages", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="The issue folder to write (must not exist, or be empty, unless --force).")
@click.option("--encoding", default=None,
              help="Read the pages in this encoding (e.g. gb18030). Without it they must be UTF-8.")
@click.option("--date", "issue_date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="The issue date. Default: the date in the pages' running heads "
                   "(2026年1月26日 星期一); required when there is none. Wins over the heads.")
@click.option("--publication", default=None, metavar="NAME",
              help="The newspaper's name. Default: the name in the masthead or running heads; "
                   "required when there is none (no name is ever made up).")
@click.option("--report", "report_path", type=click.Path(path_type=Path), default=None,
              help="Also write the import report as JSON to this file.")
@click.option("--force", is_flag=True, help="Replace ISSUE_DIR if it exists and is not empty.")
def import_command(pages, out_dir, encoding, issue_date, publication, report_path, force):
    """Import PAGES (text extracted from print pages, one file per page, in page order)
    into the issue folder ISSUE_DIR given with -o.

    The importer rejoins paragraphs cut by columns, captions, running heads
    and page jumps; finds headlines, subtitles, kickers, bylines, datelines,
    subheads, photo captions and the classified-ads block; drops running
    heads; and normalises punctuation. It prints a report of every repair
    and flags likely misprints without changing them. Photos are not in the
    text: each figure gets a grey placeholder image to replace.

    Exit codes: 0 done; 2 wrong command line (or ISSUE_DIR not empty without
    --force); 3 bad input (a page missing, not UTF-8, empty; no date or
    name found and none given).
    """
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())) and not force:
        raise UsageError(f"{out_dir} exists and is not empty: choose another folder, or pass --force to replace it",
                         Location(field="-o"))
    if report_path is not None and not report_path.absolute().parent.is_dir():
        raise UsageError(f"the folder for {report_path} does not exist", Location(field="--report"))
    # imported here: every other command would pay for them (0.13 s) at start-up
    from ..importer import PageText, import_pages
    from ..sources.folder_writer import write_folder

    texts = [PageText(str(path), _read_page(path, encoding)) for path in pages]
    result = import_pages(texts, issue_date, publication)
    write_folder(result.issue, out_dir, force=force)
    click.echo(result.report.to_text(), nl=False)
    if report_path is not None:
        report_path.write_text(result.report.to_json(), encoding="utf-8")
    articles = sum(1 for _ in result.issue.articles())
    click.echo(f"\nwrote {out_dir}: {len(result.issue.pages)} pages, {articles} articles")


def _read_page(path: Path, encoding: str | None) -> str:
    text = read_text(path, encoding)
    if not text.strip():
        raise InputError("the page is empty", Location(str(path)))
    return text
