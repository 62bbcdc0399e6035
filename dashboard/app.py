"""The dashboard: filter, chart, read in context and export the claims of the database.

A thin view: the SQL lives in `dashboard.queries`, the filter model in `dashboard.filters`, the
chart specs in `dashboard.charts`, the escaped context in `dashboard.context`. Started by
`figures dashboard`, which passes the database path in the FIGURES_DB environment variable.

The database file is opened read-only once per script run (on the first query that misses the
cache) and closed at the end of the run: DuckDB lets no other process write while a connection
is open, and `figures ingest` must be able to run. Query results are cached per view and database
version (the file's modification time), so selecting a row or switching the log scale does not
query again, and new data shows on the next run.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import streamlit as st

from dashboard import queries, store
from dashboard.charts import counts_chart, timeline_chart
from dashboard.context import context_html, escape_markdown, safe_url
from dashboard.export import to_csv_bytes
from dashboard.filters import LIST_PARAMS, Filters
from dashboard.ingest.batch import extract_articles
from dashboard.uploads import UPLOAD_TYPES, read_pasted, read_upload

#: Above this many dated claims the time chart is aggregated in the database.
CHART_LIMIT = 5_000
#: Rows of the on-screen table (the export has every row of the view).
TABLE_LIMIT = 1_000
#: How long a page waits for a running `figures ingest` to let go of the database.
READ_WAIT = 8.0
HEDGED_CHOICES = ("any", "yes", "no")
#: The URL parameter naming the claim shown in the context panel.
CLAIM_PARAM = "claim"
FILTER_LABELS = {
    "outlet": "Outlet",
    "speaker": "Speaker",
    "category": "Category",
    "qualifier": "Qualifier",
    "quote": "Quote type",
}


def _version(path: Path) -> float:
    """Changes whenever the database file is written; keys the cached queries."""
    stamps = [p.stat().st_mtime for p in (path, Path(f"{path}.wal")) if p.exists()]
    return max(stamps, default=0.0)


@st.cache_data(show_spinner=False)
def cached_options(path: str, version: float) -> tuple[dict[str, list[str]], tuple]:
    """Filter options and date bounds, computed once per database version."""
    with store.connect(path, read_only=True, wait=READ_WAIT) as con:
        return queries.options(con), tuple(queries.date_bounds(con))


class RunConnection:
    """One read-only connection for a script run: opened on first use, closed by `close()`.

    Queries of one run share it (a fresh connection per query starts with a cold cache and
    costs about twice as much at a million claims).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: duckdb.DuckDBPyConnection | None = None

    def get(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = store.connect(self.path, read_only=True, wait=READ_WAIT)
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


@st.cache_data(show_spinner=False, max_entries=256)
def ask(_db: RunConnection, path: str, version: float, query: str, view: str, *args: object) -> Any:
    """`queries.<query>(con, filters, *args)` for the view with query string `view`, cached
    per database file and version (`_db` is not part of the cache key)."""
    return getattr(queries, query)(_db.get(), Filters.from_url(view), *args)


@st.cache_data(show_spinner=False, max_entries=64)
def ask_claim(_db: RunConnection, path: str, version: float, claim_id: str) -> dict[str, Any] | None:
    """One claim with its article text, cached per database version."""
    return queries.claim_context(_db.get(), claim_id)


#: A view's query runner: `query("metrics")`, `query("timeline", "speaker", 5000)`.
Query = Callable[..., Any]


def csv_for(path: Path, filters: Filters) -> bytes:
    """Every claim of the view as CSV bytes, built when the button is clicked."""
    with store.connect(path, read_only=True, wait=READ_WAIT) as con:
        return to_csv_bytes(queries.export_batches(con, filters))


def clear_filters() -> None:
    """Back to the default view (the bound URL parameters follow)."""
    for name in LIST_PARAMS:
        st.session_state[name] = []
    st.session_state["hedged"] = "any"
    st.session_state["from"] = None
    st.session_state["to"] = None
    st.session_state["q"] = ""


def sidebar_filters(options: dict[str, list[str]], bounds: tuple) -> Filters:
    """The sidebar's widgets, each bound to the URL parameter of the same name."""
    side = st.sidebar
    side.header("Filters")
    q = side.text_input(
        "Search", key="q", bind="query-params", placeholder="words in sentence, noun or speaker"
    )
    chosen = {
        name: side.multiselect(
            label, options.get(name, []), key=name, bind="query-params",
            accept_new_options=name in ("outlet", "speaker"),
            placeholder="all",
        )
        for name, label in FILTER_LABELS.items()
    }
    first, last = bounds
    dates = {"value": None, "bind": "query-params", "format": "YYYY-MM-DD",
             "min_value": dt.date(1900, 1, 1), "max_value": dt.date(2100, 12, 31)}
    date_from = side.date_input("From (article date)", key="from", **dates)
    date_to = side.date_input("To", key="to", **dates)
    if first:
        side.caption(f"Articles from {first:%Y-%m-%d} to {last:%Y-%m-%d}.")
    hedged = side.radio(
        "Hedged (estimate, forecast, unverified)", HEDGED_CHOICES, key="hedged",
        bind="query-params", horizontal=True,
    )
    side.button("Clear filters", on_click=clear_filters, width="stretch")
    return Filters(
        **{name: tuple(values) for name, values in chosen.items()},
        hedged={"yes": True, "no": False}.get(hedged or "any"),
        date_from=date_from,
        date_to=date_to,
        q=(q or "").strip(),
    )


def headline(query: Query) -> dict[str, int]:
    numbers = query("metrics")
    for column, (label, key) in zip(
        st.columns(4),
        (("Claims", "claims"), ("Articles", "articles"), ("Sources", "sources"), ("Speakers", "speakers")),
        strict=True,
    ):
        column.metric(label, f"{numbers[key]:,}")
    return numbers


def charts(query: Query) -> None:
    over_time, who = st.tabs(["Figures over time", "Who claims what"])
    with over_time:
        left, right = st.columns([3, 1])
        colour = left.radio("Colour by", ("speaker", "category"), horizontal=True, key="colour")
        log = right.toggle("Log scale", key="log")
        frame, aggregated, undated = query("timeline", colour, CHART_LIMIT)
        if frame.empty:
            st.info("None of these claims has an article date, so there is nothing to place in time.")
        else:
            chart = timeline_chart(frame, colour_title=colour, log=log, aggregated=aggregated)
            st.altair_chart(chart, width="stretch")
        notes = ["Lines run from each claim's low to its high; dashed lines with an arrow head are "
                 "open-ended (\"at least\", \"more than\", \"up to\")."]
        if aggregated:
            notes.append(
                f"**Aggregated:** more than {CHART_LIMIT:,} claims, so the database groups them per "
                f"{frame.attrs['bucket']} and {colour}: a line from the lowest low to the highest "
                "high, a dot at the median sized by the number of claims."
            )
        if undated:
            notes.append(f"{undated:,} claim{'s' if undated > 1 else ''} without an article date "
                         f"{'are' if undated > 1 else 'is'} not shown.")
        st.caption(" ".join(notes))
    with who:
        left, right = st.columns(2)
        for column, by, title in ((left, "speaker", "speaker"), (right, "outlet", "outlet")):
            with column:
                st.markdown(f"**Claims by {title}** (top 15)")
                st.altair_chart(counts_chart(query("counts_by", by), by_title=title),
                                width="stretch")


def claims_table(query: Query, total: int, key: str) -> None:
    """The table of claims. Selecting a row puts its claim_id in the URL (`?claim=`), so the
    context panel follows the claim itself, not a row position that a new filter reorders.
    `key` names the view and database version: a changed view starts without a selection."""
    frame = query("table", TABLE_LIMIT)
    if total > len(frame):
        st.caption(
            f"Showing the first {len(frame):,} of {total:,} claims (newest articles first); "
            "**Download CSV** exports all of them."
        )

    def follow_selection() -> None:
        rows = st.session_state[key].selection.rows
        if rows and rows[0] < len(frame):
            st.query_params[CLAIM_PARAM] = str(frame.iloc[rows[0]]["claim_id"])
        else:
            st.query_params.pop(CLAIM_PARAM, None)

    number = st.column_config.NumberColumn
    st.dataframe(
        frame,
        key=key,
        hide_index=True,
        on_select=follow_selection,
        selection_mode="single-row",
        column_order=[c for c in queries.TABLE_COLUMNS if c != "claim_id"],
        column_config={
            "published": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
            "value": number("value", format="localized"),
            "low": number("low", format="localized"),
            "high": number("high", format="localized"),
            "attributed_to": st.column_config.TextColumn("speaker"),
            "hedged": st.column_config.CheckboxColumn("hedged"),
            "url": st.column_config.LinkColumn("url", display_text="open"),
            "mention": st.column_config.TextColumn("mention", width="medium"),
            "title": st.column_config.TextColumn("title", width="medium"),
        },
    )


def context_panel(db: RunConnection, version: float, claim_id: str | None) -> None:
    st.subheader("Context")
    if claim_id is None:
        st.caption("Select a row of the table to read the claim in its article.")
        return
    claim = ask_claim(db, str(db.path), version, claim_id)
    if claim is None:
        st.caption("That claim is no longer in the database (its article was re-ingested).")
        return
    with st.container(border=True, key="context"):
        st.markdown("**" + escape_markdown(claim["title"] or "(untitled article)") + "**")
        date = claim["published"].isoformat() if claim["published"] else "no date"
        st.caption(escape_markdown(f"{claim['outlet'] or 'unknown outlet'} · {date}"))
        link = safe_url(claim["url"])
        if link:
            st.link_button("Open the article", link)
        st.html(context_html(claim["text"], claim["char_start"], claim["char_end"]))
        speaker = claim["attributed_to"] or "the article's own voice"
        cue = claim["attribution_cue"] or "none"
        st.markdown(
            escape_markdown(f"Speaker: {speaker}. Cue: {cue}. Quote: {claim['quote']}. ")
            + escape_markdown(f"Qualifier: {claim['qualifier']}" + (", hedged." if claim["hedged"] else "."))
        )


def add_articles(path: Path) -> None:
    """Upload or paste articles; they go through the same ingest path as `figures ingest`."""
    with st.expander("Add articles"), st.form("add", clear_on_submit=True):
        files = st.file_uploader(
            "Article files: text in the project's format, saved web pages, RSS/Atom feeds, "
            "CSV/JSONL dumps, .gz/.zip archives",
            type=UPLOAD_TYPES, accept_multiple_files=True,
        )
        pasted = st.text_area(
            "…or paste an article: title on the first line, optional `Date:`, `Source:`, `URL:` "
            "lines, then the text"
        )
        if not st.form_submit_button("Add to the database", key="add_submit"):
            return
        items = [item for f in files or [] for item in read_upload(f.name, f.getvalue())]
        if pasted.strip():
            items.extend(read_pasted(pasted))
        if not items:
            st.warning("Choose a file or paste some text first.")
            return
        try:
            with st.spinner(f"Extracting and storing {len(items):,} article(s)…"):
                stored = store.stored_hashes(path, wait=READ_WAIT)
                report = store.ingest_into(path, extract_articles(items, stored), wait=READ_WAIT)
        except store.DatabaseBusy as busy:
            st.warning(str(busy))
            return
        st.cache_data.clear()
        st.success(report.summary())
        for error in report.errors:
            st.error(escape_markdown(error))


def page(path: Path) -> None:
    st.title("Reported figures")
    st.caption("Claimed figures in the news: who said which number, when, and how hedged.")
    if not path.exists():
        st.info(
            f"No database yet at {escape_markdown(str(path))}. Add articles below, or run "
            "`figures ingest PATH` and refresh."
        )
        add_articles(path)
        return
    version = _version(path)
    db = RunConnection(path)
    try:
        options, bounds = cached_options(str(path), version)
        filters = sidebar_filters(options, bounds)

        def query(name: str, *args: object) -> Any:
            return ask(db, str(path), version, name, filters.query_string(), *args)

        numbers = headline(query)
        if numbers["claims"] == 0:
            if filters.is_empty():
                st.info("The database holds no claims yet. Add articles below.")
            else:
                st.info("No claims match these filters.")
                st.button("Clear filters", on_click=clear_filters, key="clear_empty")
        else:
            charts(query)
            st.subheader("Claims")
            st.download_button(
                "Download CSV",
                data=lambda: csv_for(path, filters),
                file_name=filters.file_name(),
                mime="text/csv",
                on_click="ignore",
            )
            left, right = st.columns([3, 2])
            with left:
                claims_table(query, numbers["claims"], key=f"table-{version}-{filters.query_string()}")
            with right:
                context_panel(db, version, st.query_params.get(CLAIM_PARAM))
    except store.DatabaseBusy:
        st.warning(
            "The database is being updated by another process (`figures ingest`). "
            "Refresh in a moment to see the new data."
        )
        return
    finally:
        db.close()
    add_articles(path)


def main() -> None:
    st.set_page_config(page_title="Reported figures", page_icon="📰", layout="wide")
    try:
        page(store.resolve_db_path())
    except Exception as error:  # shown as one line; the traceback goes to the server log
        traceback.print_exc(file=sys.stderr)
        st.error(f"Something went wrong: {escape_markdown(type(error).__name__)}. "
                 "The details are in the server log.")


main()
