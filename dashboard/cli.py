"""The `figures` command line: the same operations as the dashboard, from the shell."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click

from dashboard import __version__
from dashboard.export import FORMATS, render
from dashboard.ingest import InputError, InputWarning
from dashboard.ingest.batch import BatchStats, extract_batch, progress_bar
from dashboard.ingest.dumps import parse_mapping


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figures")
def main() -> None:
    """Turn news articles into a table of the figures they report, who reported them and how.

    \b
    Example:
        figures extract data/articles --format csv -o claims.csv
    """


def _mapping(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    try:
        return parse_mapping(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
    help="Output format: CSV with a header row, JSON Lines, or one JSON array.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--map", "mapping", multiple=True, callback=_mapping, metavar="FIELD=COLUMN,...",
    help="Columns of CSV/JSONL dumps for text, title, published, outlet, url, author "
    "(found by common names unless given), e.g. --map text=body,published=date.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
    help="Processes reading and extracting; 0 = one per CPU core.",
)
@click.option(
    "--follow", is_flag=True, help="For feeds, fetch each entry's page and read the article there."
)
@click.option(
    "--allow-private", is_flag=True,
    help="Let URLs reach loopback, private and link-local addresses (refused by default).",
)
def extract(
    inputs: tuple[str, ...], fmt: str, output: Path | None, mapping: dict[str, str],
    jobs: int, follow: bool, allow_private: bool,
) -> None:
    """Extract the claimed figures of articles: one row per figure.

    INPUTS are article files (text, HTML, RSS/Atom, JSONL, JSON, CSV, .gz and .zip archives),
    directories (searched recursively), http(s) URLs, or - for standard input. An input that
    cannot be read is reported in the summary on standard error and the others are still
    processed; the exit status is then 1.

    \b
    Example:
        figures extract data/articles/north-korean-troops-2024-12-19.txt --format jsonl
        figures extract dump.csv --map text=body,published=date --jobs 2 -o claims.csv
    """
    stats = BatchStats()
    rows = []
    with warnings.catch_warnings(record=True) as caught, progress_bar() as progress:
        warnings.simplefilter("always", InputWarning)
        for item in extract_batch(
            inputs, jobs=jobs, progress=progress, stats=stats,
            mapping=mapping, follow=follow, allow_private=allow_private,
        ):
            if not isinstance(item, InputError):
                rows.extend(claim.model_dump() for claim in item[1])
    data = render(rows, fmt)
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    stats.warnings.extend(str(warning.message) for warning in caught)
    for line in stats.summary_lines():
        click.echo(line, err=True)
    if stats.failed:
        sys.exit(1)
