"""The database: articles and their claims in one DuckDB file, written by idempotent upserts.

Tables (documented in the README so any DuckDB client can query the file):

- `articles`: one row per article, keyed by `article_id`, with its text and `text_hash`;
- `claims`: exactly the columns of `dashboard.models.CLAIM_COLUMNS` (dates DATE, numbers DOUBLE,
  booleans BOOLEAN, enums as their text value).

DuckDB lets one process write a file and no other process open it meanwhile, so connections are
short-lived: `connect()` retries for a while when another process holds the lock, and raises
`DatabaseBusy` with a readable message when it gives up.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import platformdirs
import pyarrow as pa

from dashboard.extract import extract_claims
from dashboard.ingest import InputError
from dashboard.models import CLAIM_COLUMNS, Article, Claim
from dashboard.schema import ARTICLE_SCHEMA, CLAIM_SCHEMA, SCHEMA_SQL, claim_rows

#: Environment variable that names the database file when `--db` is not given.
DB_ENV = "FIGURES_DB"


class DatabaseBusy(RuntimeError):
    """Another process holds the database file's lock for longer than we were willing to wait."""


def default_db_path() -> Path:
    """Where the database lives when neither `--db` nor FIGURES_DB says otherwise."""
    return platformdirs.user_data_path("reported-figures") / "figures.duckdb"


def resolve_db_path(db: str | Path | None = None) -> Path:
    """The database file: the explicit argument, else $FIGURES_DB, else the per-user default."""
    chosen = db or os.environ.get(DB_ENV) or default_db_path()
    return Path(chosen).expanduser()


def _is_lock_error(error: Exception) -> bool:
    """Another process holds the file, or this one has it open with another mode."""
    message = str(error).lower()
    return "lock" in message or "different configuration" in message


def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    wait: float = 30.0,
    on_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the database, retrying while another process holds its lock.

    A writable connection creates the file and its tables. `on_wait` is called once with a
    message when the first attempt finds the file locked. Raises DatabaseBusy after `wait` s.
    """
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    delay = 0.05
    warned = False
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except (duckdb.IOException, duckdb.ConnectionException) as error:
            if not _is_lock_error(error):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"{path} is in use by another process (a running `figures ingest`?); "
                    "try again in a moment"
                ) from None
            if on_wait and not warned:
                on_wait(f"{path} is busy (another process is using it); waiting up to {wait:.0f} s")
                warned = True
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
    if not read_only:
        for statement in SCHEMA_SQL:
            con.execute(statement)
    return con


def insert_claims(con: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Append an Arrow table of claims (CLAIM_SCHEMA) in one scan, not row by row."""
    con.register("incoming_claims", table)
    try:
        con.execute(
            f"INSERT INTO claims ({', '.join(CLAIM_COLUMNS)}) "
            f"SELECT {', '.join(CLAIM_COLUMNS)} FROM incoming_claims"
        )
    finally:
        con.unregister("incoming_claims")


@dataclass
class IngestReport:
    """What one ingest run did: counts per outcome and one line per failed input."""

    ingested: int = 0
    unchanged: int = 0
    replaced: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def add(self, other: IngestReport) -> None:
        """Count `other`'s outcomes and failures into this report."""
        self.ingested += other.ingested
        self.unchanged += other.unchanged
        self.replaced += other.replaced
        self.claims += other.claims
        self.errors += other.errors

    def summary(self) -> str:
        return (
            f"{self.ingested} ingested, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed; {self.claims} claims written"
        )


def store_article(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    extract: Callable[[Article], list[Claim]] = extract_claims,
) -> tuple[str, int]:
    """Upsert one article and its claims in one transaction; return (outcome, claims written).

    Outcome is "unchanged" (same id, same text: nothing written), "replaced" (same id, new
    text: old claims deleted, new ones inserted) or "ingested" (a new article).
    """
    found = con.execute(
        "SELECT text_hash FROM articles WHERE article_id = ?", [article.article_id]
    ).fetchone()
    if found and found[0] == article.text_hash:
        return "unchanged", 0
    claims = extract(article)
    row = article.model_dump(include=set(ARTICLE_SCHEMA.names))
    row["ingested_at"] = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    articles = pa.Table.from_pylist([row], schema=ARTICLE_SCHEMA)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM claims WHERE article_id = ?", [article.article_id])
        con.execute("DELETE FROM articles WHERE article_id = ?", [article.article_id])
        con.register("incoming_article", articles)
        con.execute("INSERT INTO articles SELECT * FROM incoming_article")
        con.unregister("incoming_article")
        if claims:
            insert_claims(con, pa.Table.from_pylist(claim_rows(claims), schema=CLAIM_SCHEMA))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return ("replaced" if found else "ingested"), len(claims)


def ingest(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Article | InputError],
    extract: Callable[[Article], list[Claim]] = extract_claims,
) -> IngestReport:
    """Store every Article of `items`; record every InputError or failure and carry on."""
    report = IngestReport()
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(str(item))
            continue
        try:
            outcome, written = store_article(con, item, extract)
        except Exception as error:  # one article's failure (a parser bug too) never stops a batch
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            report.errors.append(f"{item.source or item.title or item.article_id}: {reason}")
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        report.claims += written
    return report


def ingest_into(
    db: str | Path,
    items: Iterable[Article | InputError],
    *,
    hold: float = 1.0,
    wait: float = 60.0,
    on_wait: Callable[[str], None] | None = None,
    extract: Callable[[Article], list[Claim]] = extract_claims,
) -> IngestReport:
    """Ingest `items` into the file `db`, letting go of the write lock every `hold` seconds.

    Readers (the dashboard) cannot open the file while it is held, so a long batch is written
    in short sessions; between them a waiting reader gets its turn.
    """
    report = IngestReport()
    con: duckdb.DuckDBPyConnection | None = None
    opened = 0.0
    try:
        for item in items:
            if con is None:
                con = connect(db, wait=wait, on_wait=on_wait)
                opened = time.monotonic()
            report.add(ingest(con, [item], extract))
            if time.monotonic() - opened > hold:
                con.close()
                con = None
    finally:
        if con is not None:
            con.close()
    if not opened:
        connect(db, wait=wait, on_wait=on_wait).close()  # no input: still create the tables
    return report
