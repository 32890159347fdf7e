"""``exporter writers``: the writers installed, and whether each can run."""

from __future__ import annotations

import click

from ..errors import ExporterError
from ..writers.registry import available_writers


@click.command("writers")
def writers_command():
    """List the installed writers (entry-point group exporter.writers)."""
    for name, info in available_writers().items():
        try:
            cls = info.load()
        except (ExporterError, ImportError) as error:
            click.echo(f"{name:6} unavailable: {error}")
            continue
        missing = cls.missing_requirements()
        state = f"disabled: needs {', '.join(missing)}" if missing else cls.description
        click.echo(f"{name:6} {cls.media_type:40} {state}")
