"""The queries behind the dashboard and `figures export`: filter and aggregate inside DuckDB.

Every function takes a connection (or cursor) and a `Filters`; none loads more rows than the
screen needs, except `export_batches`, which is the export. Column names come from constants here,
user values only ever travel as `?` parameters.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard.filters import LIST_PARAMS, NONE_OPTION, Filters
from dashboard.models import CLAIM_COLUMNS, Category, Qualifier, QuoteKind

#: Label for claims in the article's own voice (no speaker), in charts and the table.
OWN_VOICE = "(own voice)"
#: The chart colours at most this many groups; the rest are drawn as "others" (10 colours).
MAX_COLOURS = 9
#: Columns of the claims table on screen (the export has all CLAIM_COLUMNS).
TABLE_COLUMNS = (
    "claim_id", "published", "outlet", "mention", "value", "low", "high", "qualifier", "unit",
    "counted", "category", "attributed_to", "quote", "hedged", "title", "url",
)

Con = duckdb.DuckDBPyConnection


def _where(f: Filters, extra: str = "") -> tuple[str, list[object]]:
    sql, params = f.where()
    return (f"WHERE {sql}" + (f" AND {extra}" if extra else "")), params


def options(con: Con) -> dict[str, list[str]]:
    """Values each multi-value filter can take, most frequent first; NONE_OPTION for NULLs."""
    found: dict[str, list[str]] = {}
    for name, column in LIST_PARAMS.items():
        rows = con.execute(
            f"SELECT {column}, count(*) AS n FROM claims GROUP BY ALL ORDER BY n DESC, {column}"
        ).fetchall()
        found[name] = [NONE_OPTION if value is None else str(value) for value, _ in rows]
    fixed = {"category": Category, "qualifier": Qualifier, "quote": QuoteKind}
    for name, enum in fixed.items():  # every enum value stays selectable from a shared link
        found[name] += [e.value for e in enum if e.value not in found[name]]
    return found


def date_bounds(con: Con) -> tuple[Any, Any]:
    """Earliest and latest article date in the database (None, None when empty)."""
    return con.execute("SELECT min(published), max(published) FROM claims").fetchone()  # type: ignore[return-value]


def metrics(con: Con, f: Filters) -> dict[str, int]:
    """Headline numbers of the view: claims, articles, sources (outlets) and speakers."""
    where, params = _where(f)
    row = con.execute(
        "SELECT count(*), count(DISTINCT article_id), count(DISTINCT outlet), "
        f"count(DISTINCT attributed_to) FROM claims {where}",
        params,
    ).fetchone()
    assert row is not None
    return dict(zip(("claims", "articles", "sources", "speakers"), row, strict=True))


def _label(column: str) -> str:
    """SQL for a claim's speaker (own voice when NULL) or its category."""
    return f"coalesce({column}, '{OWN_VOICE}')" if column == "attributed_to" else column


def _colour(con: Con, column: str, where: str, params: list[object]) -> tuple[str, list[object]]:
    """SQL for a claim's colour, its parameters: the MAX_COLOURS largest groups, else others.

    The largest groups are found first and passed as literals: a CASE over a short list is much
    cheaper per row than a subquery, and it keeps the aggregated chart to a few hundred marks.
    """
    label = _label(column)
    top = [r[0] for r in con.execute(
        f"SELECT {label} FROM claims {where} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT {MAX_COLOURS}",
        params,
    ).fetchall()]
    if not top:
        return "'(others)'", []
    return f"CASE WHEN {label} IN ({', '.join('?' * len(top))}) THEN {label} ELSE '(others)' END", top


def timeline(con: Con, f: Filters, colour: str, limit: int) -> tuple[pd.DataFrame, bool, int]:
    """Data of the figures-over-time chart: (frame, aggregated?, claims without a date).

    Up to `limit` dated claims come one row each; above that the database aggregates them per
    time bucket and colour (count, lowest low, highest high, median value, open bounds).
    """
    column = "attributed_to" if colour == "speaker" else "category"
    every, params = _where(f)
    counts = con.execute(
        f"SELECT count(*) FILTER (published IS NOT NULL), count(*) FILTER (published IS NULL), "
        f"date_diff('day', min(published), max(published)) FROM claims {every}",
        params,
    ).fetchone()
    where = f"{every} AND published IS NOT NULL"
    assert counts is not None
    n_dated, n_undated, span = counts
    group, group_params = _colour(con, column, where, params)
    if n_dated <= limit:
        frame = con.execute(
            f"SELECT published, mention, value, low, high, qualifier, outlet, category, "
            f"coalesce(attributed_to, '{OWN_VOICE}') AS speaker, {group} AS colour "
            f"FROM claims {where} ORDER BY published",
            group_params + params,
        ).df()
        return frame, False, n_undated
    bucket = "day" if (span or 0) <= 180 else "week" if span <= 1500 else "month"
    frame = con.execute(
        f"SELECT date_trunc('{bucket}', published)::DATE AS published, {group} AS colour, "
        f"count(*) AS claims, min(low) AS low, max(high) AS high, median(value) AS value, "
        f"count(*) FILTER (low IS NULL) AS open_low, count(*) FILTER (high IS NULL) AS open_high "
        f"FROM claims {where} GROUP BY ALL ORDER BY 1",
        group_params + params,
    ).df()
    frame.attrs["bucket"] = bucket
    return frame, True, n_undated


def counts_by(con: Con, f: Filters, by: str, top: int = 15) -> pd.DataFrame:
    """Claims per speaker or outlet (the `top` largest) and category: who claims what."""
    column = "attributed_to" if by == "speaker" else "outlet"
    fallback = OWN_VOICE if by == "speaker" else "(unknown outlet)"
    where, params = _where(f)
    return con.execute(
        f"WITH grouped AS (SELECT coalesce({column}, ?) AS who, category, count(*) AS claims "
        f"FROM claims {where} GROUP BY ALL), "
        f"ranked AS (SELECT who FROM grouped GROUP BY who ORDER BY sum(claims) DESC LIMIT {top}) "
        f"SELECT * FROM grouped WHERE who IN (SELECT who FROM ranked) ORDER BY claims DESC",
        [fallback, *params],
    ).df()


def table(con: Con, f: Filters, limit: int) -> pd.DataFrame:
    """The first `limit` claims of the view, newest articles first, in reading order."""
    where, params = _where(f)
    order = "ORDER BY published DESC NULLS LAST, article_id, char_start"
    return con.execute(  # sort the row ids first, then fetch the columns of those rows only
        f"WITH page AS (SELECT rowid AS r FROM claims {where} {order} LIMIT {int(limit)}) "
        f"SELECT {', '.join(TABLE_COLUMNS)} FROM claims WHERE rowid IN (SELECT r FROM page) {order}",
        params,
    ).df()


def export_batches(con: Con, f: Filters, batch: int = 20_000) -> pa.RecordBatchReader:
    """Every claim of the view with all CLAIM_COLUMNS, newest articles first, streamed from the
    database a batch at a time, so a million-row export never holds every row at once. Read it
    while `con` is open."""
    where, params = _where(f)
    sql = (
        f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims {where} "
        f"ORDER BY published DESC NULLS LAST, article_id, char_start"
    )
    return con.sql(sql, params=params).to_arrow_reader(batch)


def claim_context(con: Con, claim_id: str) -> dict[str, Any] | None:
    """One claim with its article's text, for the context panel."""
    cursor = con.execute(
        "SELECT c.*, a.text FROM claims c JOIN articles a USING (article_id) WHERE c.claim_id = ?",
        [claim_id],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))
