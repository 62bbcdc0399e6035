"""The database: articles and their claims in one DuckDB file, written by idempotent upserts.

Tables (documented in the README so any DuckDB client can query the file):

- `articles`: one row per article, keyed by `article_id`, with its text and `text_hash`;
- `claims`: exactly the columns of `dashboard.models.CLAIM_COLUMNS` (dates DATE, numbers DOUBLE,
  booleans BOOLEAN, enums as their text value).

DuckDB lets one process write a file and no other process open it meanwhile, so connections are
short-lived: `connect()` retries for a while when another process holds the lock, and raises
`DatabaseBusy` with a readable message when it gives up. Ingestion opens the file only to write
a group of articles, in one transaction per group (one per article would cost ten times more).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import platformdirs
import pyarrow as pa

from dashboard.extract import extract_claims
from dashboard.ingest import InputError
from dashboard.ingest.batch import extract_batch
from dashboard.models import CLAIM_COLUMNS, Article, Claim
from dashboard.schema import ARTICLE_SCHEMA, SCHEMA_SQL, claim_table

#: Environment variable that names the database file when `--db` is not given.
DB_ENV = "FIGURES_DB"
#: Most articles written in one transaction (a batch arriving faster is written in several).
GROUP_SIZE = 500


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

    def count(self, outcome: str) -> None:
        """Count one article's outcome: "ingested", "unchanged" or "replaced"."""
        setattr(self, outcome, getattr(self, outcome) + 1)

    def summary(self) -> str:
        return (
            f"{self.ingested} ingested, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed; {self.claims} claims written"
        )


#: What ingestion takes: an article (its claims extracted on the way in), an article with its
#: claims already extracted (a batch's result; None if the batch skipped it as stored
#: unchanged), or the error of an input that could not be read.
Item = Article | tuple[Article, list[Claim] | None] | InputError


@dataclass
class _Staged:
    """An article about to be written, with its claims and the outcomes of the inputs that gave
    it (one article met twice in a group: both are counted, the later text is written)."""

    article: Article
    claims: list[Claim]
    outcomes: list[str]


def stored_hashes(
    db: str | Path, *, wait: float = 60.0, on_wait: Callable[[str], None] | None = None
) -> dict[str, str]:
    """Article id → text hash of every article in the file `db` (created if need be), so a
    batch can skip extracting what is stored unchanged. Opening it first also fails fast on a
    database that is busy or cannot be written, before any work is done."""
    with connect(db, wait=wait, on_wait=on_wait) as con:
        return _stored_hashes(con)


def _stored_hashes(con: duckdb.DuckDBPyConnection, ids: list[str] | None = None) -> dict[str, str]:
    """Article id → text hash of the stored articles (of those with `ids`, when given)."""
    sql = "SELECT article_id, text_hash FROM articles"
    if ids is None:
        return dict(con.execute(sql).fetchall())
    return dict(con.execute(f"{sql} WHERE article_id IN (SELECT unnest(?))", [ids]).fetchall())


def _failure(item: Article, error: Exception) -> str:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return f"{item.source or item.url or item.title or item.article_id}: {reason}"


def _stage(
    con: duckdb.DuckDBPyConnection,
    group: list[Item],
    extract: Callable[[Article], list[Claim]],
    report: IngestReport,
    staged: dict[str, _Staged],
) -> None:
    """Sort a group into unchanged articles (counted now) and articles to write (into `staged`,
    by id); extract the claims of new and changed bare articles only."""
    articles = [i for i in group if not isinstance(i, InputError)]
    known = _stored_hashes(
        con, [(i if isinstance(i, Article) else i[0]).article_id for i in articles]
    )
    for item in group:
        if isinstance(item, InputError):
            report.errors.append(str(item))
            continue
        article, claims = (item, None) if isinstance(item, Article) else item
        key = article.article_id
        before = known.get(key)
        if before == article.text_hash:
            report.count("unchanged")
            continue
        if claims is None:
            try:
                claims = extract(article)
            except Exception as error:  # a parser bug costs one article, never the batch
                report.errors.append(_failure(article, error))
                continue
        outcome = "replaced" if before else "ingested"
        outcomes = staged[key].outcomes if key in staged else []
        staged[key] = _Staged(article, claims, [*outcomes, outcome])
        known[key] = article.text_hash


def _write(con: duckdb.DuckDBPyConnection, staged: list[_Staged]) -> None:
    """Replace the rows of the staged articles and their claims in one transaction."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = [
        {**s.article.model_dump(include=set(ARTICLE_SCHEMA.names)), "ingested_at": now}
        for s in staged
    ]
    claims = claim_table(claim for s in staged for claim in s.claims)
    con.register("incoming_articles", pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA))
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("claims", "articles"):
            con.execute(
                f"DELETE FROM {table} "
                "WHERE article_id IN (SELECT article_id FROM incoming_articles)"
            )
        con.execute("INSERT INTO articles SELECT * FROM incoming_articles")
        if claims.num_rows:
            insert_claims(con, claims)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("incoming_articles")


def _store(con: duckdb.DuckDBPyConnection, staged: list[_Staged], report: IngestReport) -> None:
    """Write the staged articles in one transaction; if that fails, one by one, so a bad article
    costs only itself."""
    try:
        _write(con, staged)
    except Exception as error:  # a database or conversion error: find the article that has it
        if len(staged) == 1:
            report.errors.append(_failure(staged[0].article, error))
            return
        for one in staged:
            _store(con, [one], report)
        return
    for one in staged:
        for outcome in one.outcomes:
            report.count(outcome)
        report.claims += len(one.claims)


def ingest(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Item],
    extract: Callable[[Article], list[Claim]] = extract_claims,
) -> IngestReport:
    """Store every article of `items` in one transaction; record every failure and carry on.

    An article stored with the same text is unchanged (and not extracted again); one with new
    text has its row and claims replaced. Interrupted (Ctrl+C) while extracting, it still stores
    the articles extracted before the interruption, then lets the interruption go on.
    """
    report = IngestReport()
    staged: dict[str, _Staged] = {}
    try:
        _stage(con, list(items), extract, report, staged)
    finally:
        if staged:
            _store(con, list(staged.values()), report)
    return report


def ingest_into(
    db: str | Path,
    items: Iterable[Item],
    *,
    every: float = 3.0,
    wait: float = 60.0,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest `items` into the file `db` in groups: what arrives within `every` seconds (at most
    GROUP_SIZE articles) is written in one short session.

    Readers (the dashboard) cannot open the file while a writer holds it, so the file is open
    only while a group is written; one transaction per group, not per article, keeps writing
    fast, and `items` should come extracted (from `extract_batch` or `extract_articles`) so that
    no extraction runs while the file is open. On an interruption the group in hand is still
    written.
    """
    report = IngestReport()
    group: list[Item] = []
    started = 0.0
    opened = False

    def flush() -> None:
        nonlocal opened
        batch = group.copy()
        group.clear()
        if batch or not opened:  # no input at all: still create the tables
            opened = True
            with connect(db, wait=wait, on_wait=on_wait) as con:
                report.add(ingest(con, batch))

    try:
        for item in items:
            if not group:
                started = time.monotonic()
            group.append(item)
            if len(group) >= GROUP_SIZE or time.monotonic() - started > every:
                flush()
    finally:
        flush()
    return report


def ingest_inputs(
    db: str | Path,
    inputs: Iterable[str | Path],
    *,
    on_wait: Callable[[str], None] | None = None,
    **batch_options: Any,
) -> IngestReport:
    """Read, extract and store `inputs` as `figures ingest` does: `extract_batch` (with
    `batch_options`: jobs, progress, stats, mapping, follow …) reads and extracts, skipping the
    articles stored unchanged, and this process alone writes the results into `db`."""
    stored = stored_hashes(db, on_wait=on_wait)
    results = extract_batch(inputs, stored=stored, **batch_options)
    return ingest_into(db, results, on_wait=on_wait)
