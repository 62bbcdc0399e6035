"""The `figures` command line: the same operations as the dashboard, from the shell."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dashboard import __version__
from dashboard.export import FORMATS, render
from dashboard.extract import extract_claims
from dashboard.ingest import InputError, read_articles


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figures")
def main() -> None:
    """Turn news articles into a table of the figures they report, who reported them and how.

    \b
    Example:
        figures extract data/articles --format csv -o claims.csv
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
    help="Output format: CSV with a header row, JSON Lines, or one JSON array.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
def extract(paths: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Extract the claimed figures of articles: one row per figure.

    PATHS are article files or directories (searched recursively). A file that
    cannot be read is reported on standard error and the others are still processed;
    the exit status is then 1.

    \b
    Example:
        figures extract data/articles/north-korean-troops-2024-12-19.txt --format jsonl
    """
    rows = []
    failed = 0
    for item in read_articles(paths):
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
            failed += 1
            continue
        rows.extend(claim.model_dump() for claim in extract_claims(item))
    data = render(rows, fmt)
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if failed:
        sys.exit(1)
