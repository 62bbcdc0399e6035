"""The `figures` command line: the same operations as the dashboard, from the shell."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dashboard import __version__
from dashboard.export import FORMATS, render
from dashboard.filters import HEDGED_VALUES, Filters
from dashboard.ingest import InputError
from dashboard.ingest.batch import BatchStats, extract_batch, progress_bar
from dashboard.ingest.dumps import parse_mapping
from dashboard.ingest.errors import recorded_warnings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figures")
def main() -> None:
    """Turn news articles into a table of the figures they report, who reported them and how.

    \b
    Example:
        figures extract data/articles --format csv -o claims.csv
        figures dashboard data/articles
    """


def _mapping(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    try:
        return parse_mapping(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@contextmanager
def _reporting(stats: BatchStats) -> Iterator[Callable[[BatchStats], None]]:
    """A progress bar callback for a batch; the warnings raised meanwhile go into `stats`."""
    with recorded_warnings() as messages, progress_bar() as progress:
        yield progress
    stats.warnings.extend(messages)


def read_options(command: Callable[..., None]) -> Callable[..., None]:
    """The reading and batch options `extract` and `ingest` share."""
    for option in reversed([
        click.option(
            "--map", "mapping", multiple=True, callback=_mapping, metavar="FIELD=COLUMN,...",
            help="Columns of CSV/JSONL dumps for text, title, published, outlet, url, author "
            "(found by common names unless given), e.g. --map text=body,published=date.",
        ),
        click.option(
            "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
            help="Processes reading and extracting; 0 = one per CPU core.",
        ),
        click.option(
            "--follow", is_flag=True,
            help="For feeds, fetch each entry's page and read the article there.",
        ),
        click.option(
            "--allow-private", is_flag=True,
            help="Let URLs reach loopback, private and link-local addresses (refused by default).",
        ),
    ]):
        command = option(command)
    return command


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
@read_options
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
    with _reporting(stats) as progress:
        results = extract_batch(
            inputs, jobs=jobs, progress=progress, stats=stats,
            mapping=mapping, follow=follow, allow_private=allow_private,
        )
        rows = [
            claim.model_dump()
            for item in results if not isinstance(item, InputError)
            for claim in item[1] or ()
        ]
    data = render(rows, fmt)
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    for line in stats.summary_lines():
        click.echo(line, err=True)
    if stats.failed:
        sys.exit(1)


db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), envvar="FIGURES_DB",
    help="Database file (default: $FIGURES_DB, else figures.duckdb in your user data directory).",
)


def _say(message: str) -> None:
    click.echo(message, err=True)


def _ingest(paths: Iterable[str], db: Path | None, **options: Any) -> int:
    """Read, extract and store the articles of `paths`; print the summary and one line per
    failure on standard error; return the number of failures."""
    from dashboard import store

    stats = BatchStats()
    with _reporting(stats) as progress:
        report = store.ingest_inputs(
            store.resolve_db_path(db), paths, on_wait=_say, progress=progress, stats=stats,
            **options,
        )
    for line in [*stats.warning_lines(), report.summary()]:
        click.echo(line, err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    return report.failed


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@read_options
def ingest(
    inputs: tuple[str, ...], db: Path | None, mapping: dict[str, str], jobs: int,
    follow: bool, allow_private: bool,
) -> None:
    """Store articles and their claims in the database.

    INPUTS are what `figures extract` reads: article files of every format, directories,
    http(s) URLs, or - for standard input. An article already stored (same URL, else same
    outlet, title and date, else same text) is left alone when its text is unchanged, and
    has its row and claims replaced in one transaction when its text changed. It ends with a
    summary (ingested, unchanged, replaced, failed) and one line per failed input on standard
    error; everything read is stored, and the exit status is 1 if any input failed. Waits
    while the dashboard reads.

    \b
    Example:
        figures ingest data/articles --db figures.duckdb
        figures ingest feed.xml --follow --jobs 2
    """
    from dashboard.store import DatabaseBusy

    try:
        failed = _ingest(
            inputs, db, jobs=jobs, mapping=mapping, follow=follow, allow_private=allow_private
        )
    except DatabaseBusy as busy:
        raise click.ClickException(str(busy)) from None
    sys.exit(1 if failed else 0)


def _filters(view: str | None, **given: object) -> Filters:
    """The dashboard link's filters, with any filter option given on the command line on top."""
    base = Filters.from_url(view) if view else Filters()
    return dataclasses.replace(base, **{k: v for k, v in given.items() if v not in (None, ())})


@main.command()
@db_option
@click.option("--view", metavar="URL", help="A dashboard link (or its ?query): export that view.")
@click.option("--outlet", multiple=True, help="Outlet (repeat for several; (none) = unknown).")
@click.option("--speaker", multiple=True, help="Speaker, as attributed_to (repeatable; (none) = own voice).")
@click.option("--category", multiple=True, help="Category such as killed, money (repeatable).")
@click.option("--qualifier", multiple=True, help="Qualifier such as at_least, vague (repeatable).")
@click.option("--quote", multiple=True, help="Quote type: direct, indirect, none (repeatable).")
@click.option("--hedged", type=click.Choice(sorted(HEDGED_VALUES)), help="Only hedged (yes) or unhedged (no) claims.")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="Articles on or after this date.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="Articles on or before this date.")
@click.option("-q", "--search", help="Words that must appear in the sentence, counted noun or speaker.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
def export(db: Path | None, view: str | None, fmt: str, output: Path | None, **options: object) -> None:
    """Export the claims of a view of the database, with the dashboard's filters.

    \b
    Examples:
        figures export --category killed --category wounded --from 2024-01-01 -o killed.csv
        figures export --view 'http://localhost:8501/?speaker=Lee+Sung-kwon' --format jsonl
    """
    from dashboard import queries, store

    given = {
        "outlet": options["outlet"], "speaker": options["speaker"],
        "category": options["category"], "qualifier": options["qualifier"],
        "quote": options["quote"],
        "hedged": HEDGED_VALUES.get(options["hedged"]) if options["hedged"] else None,
        "date_from": options["date_from"].date() if options["date_from"] else None,
        "date_to": options["date_to"].date() if options["date_to"] else None,
        "q": options["search"],
    }
    path = store.resolve_db_path(db)
    if not path.exists():
        raise click.ClickException(f"{path}: no database yet; run `figures ingest PATH` first")
    try:
        with store.connect(path, read_only=True, on_wait=lambda m: click.echo(m, err=True)) as con:
            data = render(queries.export_batches(con, _filters(view, **given)), fmt)
    except store.DatabaseBusy as busy:
        raise click.ClickException(str(busy)) from None
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@main.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--port", type=int, default=8501, show_default=True, help="Port to serve on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
def dashboard(paths: tuple[str, ...], db: Path | None, port: int, host: str) -> None:
    """Start the dashboard, after ingesting PATHS (articles not yet stored).

    Serves the Streamlit app headless (no browser prompt, no usage statistics) on
    http://HOST:PORT; stop it with Ctrl+C.

    \b
    Example:
        figures dashboard data/articles --port 8502
    """
    from dashboard import store

    path = store.resolve_db_path(db)
    try:
        if paths:
            _ingest(paths, db)
        elif not path.exists():
            store.connect(path).close()
    except store.DatabaseBusy as busy:
        raise click.ClickException(str(busy)) from None
    app = Path(__file__).with_name("app.py")
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless=true", "--browser.gatherUsageStats=false",
        "--client.toolbarMode=minimal", "--client.showErrorDetails=none",
        f"--server.port={port}", f"--server.address={host}",
    ]
    click.echo(f"Serving {path} on http://{host}:{port}", err=True)
    os.execve(sys.executable, command, {**os.environ, "FIGURES_DB": str(path)})
