"""How the dashboard's queries scale: a database of 1,000,000 claims, DuckDB beside pandas.

    python benchmarks/dashboard_scale.py [--claims 1000000] [--db FILE] [--app]

Builds the database by replicating the pipeline's output on the bundled articles and a few
synthetic ones across many articles with varied dates, outlets, speakers, categories, quote
types, hedging and values. Then times, in one run, the queries behind the first page render and
behind each filter change (a fresh read-only connection each time, as the app does), and the same
operations done with pandas on the full frame. With `--app` it also starts `figures dashboard`
on the database, loads the page in chromium and reports the app process's memory (RSS).

Targets (issue 4): first render < 3 s, each filter change < 300 ms, app memory < 1.5 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard import queries, store  # noqa: E402
from dashboard.export import to_csv_bytes  # noqa: E402
from dashboard.extract import extract_claims  # noqa: E402
from dashboard.filters import Filters  # noqa: E402
from dashboard.ingest import read_articles  # noqa: E402
from dashboard.ingest.textfile import parse_text_article  # noqa: E402
from dashboard.models import Category, QuoteKind  # noqa: E402
from dashboard.schema import ARTICLE_SCHEMA, CLAIM_SCHEMA, claim_rows  # noqa: E402

# Synthetic articles written for this benchmark (digits, so any parser version finds figures).
SYNTHETIC = [
    """Flood relief\n\nRescuers evacuated 1,200 residents and 35 schools closed. The agency said
400 homes were damaged and 18 bridges need repair. Officials expect 2,500 more people to leave.
Insurers put losses at 45 million dollars, up 12 percent on last year.""",
    """Front line report\n\nThe ministry said 150 soldiers were killed and 420 wounded in 3 days.
Commanders reported 60 drones shot down and 14 tanks destroyed. About 9,000 troops are deployed
near the border, where 27 villages were shelled. Aid groups counted 3,400 displaced families.""",
    """Budget talks\n\nThe council approved 82 projects worth 310 million. Unemployment fell to 4.2
percent while 6,700 jobs were added. The mayor said 25 schools and 11 clinics will open, and
prices rose 3 percent in the year to March.""",
]
OUTLETS = [f"Outlet {chr(65 + i)}" for i in range(24)]
SPEAKERS = [f"Speaker {i:03d}" for i in range(300)]
CUES = ["said", "told", "estimated", "reported", "according to", "claimed"]
# Targets from the issue, printed beside the measurements.
TARGET_FIRST, TARGET_CHANGE, TARGET_RSS = 3.0, 0.300, 1.5 * 1024**3


def templates() -> tuple[list[dict[str, object]], list[tuple[object, ...]]]:
    """Claim rows of the pipeline on the template articles, and the articles themselves."""
    articles = [a for a in read_articles([ROOT / "data" / "articles"]) if not isinstance(a, Exception)]
    articles += [parse_text_article(text, f"synthetic-{i}") for i, text in enumerate(SYNTHETIC)]
    rows, texts = [], []
    for index, article in enumerate(articles):
        claims = claim_rows(extract_claims(article))
        for row in claims:
            row["template"] = index
        rows += claims
        texts.append((article.title, article.text))
    return rows, texts


def build_tables(n_claims: int, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    """Claims and articles tables of about `n_claims` claims, vectorised with numpy."""
    rng = np.random.default_rng(seed)
    rows, texts = templates()
    base = pd.DataFrame(rows)
    per_template = base.groupby("template").size().reindex(range(len(texts)), fill_value=0).to_numpy()
    usable = np.flatnonzero(per_template)
    # Articles cycle through the templates that have claims until there are enough claims.
    n_articles = int(np.ceil(n_claims / per_template[usable].mean())) + len(usable)
    article_template = usable[np.arange(n_articles) % len(usable)]
    counts = per_template[article_template]
    keep = np.searchsorted(np.cumsum(counts), n_claims) + 1
    article_template, counts = article_template[:keep], counts[:keep]
    n_articles = keep
    first_row = np.concatenate([[0], np.cumsum(per_template)[:-1]])
    claim_article = np.repeat(np.arange(n_articles), counts)
    offset_in_article = np.arange(len(claim_article)) - np.repeat(np.cumsum(counts) - counts, counts)
    source_row = first_row[article_template[claim_article]] + offset_in_article
    frame = base.iloc[source_row].reset_index(drop=True)[list(CLAIM_SCHEMA.names)]
    n = len(frame)

    days = rng.integers(0, 3 * 365, n_articles).astype("timedelta64[D]")
    published = (np.datetime64("2022-01-01") + days).astype(object)  # datetime.date objects
    outlet = np.array(OUTLETS)[rng.zipf(1.6, n_articles) % len(OUTLETS)]
    speaker_pick = rng.zipf(1.3, n) % (len(SPEAKERS) + 1)
    speaker = np.where(speaker_pick == 0, None, np.array([None, *SPEAKERS], dtype=object)[speaker_pick])
    scale = np.exp(rng.normal(0, 1.2, n))
    frame["article_id"] = np.char.add("a_bench_", np.arange(n_articles).astype(str))[claim_article]
    frame["claim_id"] = np.char.add("c_bench_", np.arange(n).astype(str))
    frame["published"] = published[claim_article]
    frame["outlet"] = outlet[claim_article]
    frame["title"] = [texts[t][0] for t in article_template[claim_article]]
    frame["url"] = np.char.add("https://news.example/story/", frame["article_id"].to_numpy().astype(str))
    frame["author"] = None
    for column in ("value", "low", "high"):
        frame[column] = frame[column] * scale
    frame["category"] = rng.choice([c.value for c in Category], n)
    frame["attributed_to"] = speaker
    frame["attribution_cue"] = np.where(speaker == None, None, rng.choice(CUES, n))  # noqa: E711
    frame["quote"] = np.where(speaker == None, QuoteKind.none.value,  # noqa: E711
                              rng.choice([QuoteKind.direct.value, QuoteKind.indirect.value], n))
    frame["hedged"] = rng.random(n) < 0.2
    claims = pa.Table.from_pandas(frame, schema=CLAIM_SCHEMA, preserve_index=False)
    articles = pa.table(
        {
            "article_id": np.char.add("a_bench_", np.arange(n_articles).astype(str)),
            "title": [texts[t][0] for t in article_template],
            "url": np.char.add("https://news.example/story/a_bench_", np.arange(n_articles).astype(str)),
            "author": pa.nulls(n_articles, pa.string()),
            "outlet": outlet,
            "published": published,
            "text": [texts[t][1] for t in article_template],
            "text_hash": pa.nulls(n_articles, pa.string()),
            "source": pa.nulls(n_articles, pa.string()),
            "ingested_at": pa.array([dt.datetime(2026, 1, 1)] * n_articles, pa.timestamp("us")),
        },
        schema=ARTICLE_SCHEMA,
    )
    return claims, articles


def build_db(path: Path, n_claims: int) -> tuple[int, float]:
    started = time.perf_counter()
    claims, articles = build_tables(n_claims)
    con = store.connect(path)
    con.register("incoming_articles", articles)
    con.execute("INSERT INTO articles SELECT * FROM incoming_articles")
    store.insert_claims(con, claims)
    con.close()
    return claims.num_rows, time.perf_counter() - started


def rss() -> int:
    return rss_of(os.getpid())


def rss_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median wall time of `fn` in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# The views an analyst clicks through, as filter changes from the default view.
def filter_changes(frame_sample: dict[str, str]) -> dict[str, Filters]:
    return {
        "one outlet": Filters(outlet=(frame_sample["outlet"],)),
        "one speaker": Filters(speaker=(frame_sample["speaker"],)),
        "two categories": Filters(category=("killed", "wounded")),
        "qualifier": Filters(qualifier=(frame_sample["qualifier"],)),
        "quote direct": Filters(quote=("direct",)),
        "hedged": Filters(hedged=True),
        "date range": Filters(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 6, 30)),
        "text search": Filters(q="troops"),
        "combined": Filters(category=("killed",), hedged=False, date_from=dt.date(2023, 1, 1),
                            q="soldiers"),
    }


def render_queries(db: Path, filters: Filters, first: bool) -> None:
    """What one script run of the app asks the database (first render adds the options)."""
    with store.connect(db, read_only=True) as con:
        if first:
            queries.options(con)
            queries.date_bounds(con)
        queries.metrics(con, filters)
        queries.timeline(con, filters, "speaker", 5_000)
        queries.counts_by(con, filters, "speaker")
        queries.counts_by(con, filters, "outlet")
        queries.table(con, filters, 1_000)


def pandas_render(frame: pd.DataFrame, filters: Filters, first: bool) -> None:
    """The same operations on the full frame in pandas."""
    mask = pd.Series(True, index=frame.index)
    for name, column in (("outlet", "outlet"), ("speaker", "attributed_to"), ("category", "category"),
                         ("qualifier", "qualifier"), ("quote", "quote")):
        values = getattr(filters, name)
        if values:
            mask &= frame[column].isin(values)
    if filters.hedged is not None:
        mask &= frame["hedged"] == filters.hedged
    if filters.date_from:
        mask &= frame["published"] >= pd.Timestamp(filters.date_from)
    if filters.date_to:
        mask &= frame["published"] <= pd.Timestamp(filters.date_to)
    for word in filters.q.split():
        mask &= (frame["sentence"].str.contains(word, case=False, regex=False)
                 | frame["counted"].str.contains(word, case=False, regex=False, na=False)
                 | frame["attributed_to"].str.contains(word, case=False, regex=False, na=False))
    view = frame[mask]
    if first:
        for column in ("outlet", "attributed_to", "category", "qualifier", "quote"):
            view[column].value_counts(dropna=False)
    (len(view), view["article_id"].nunique(), view["outlet"].nunique(), view["attributed_to"].nunique())
    dated = view[view["published"].notna()]
    if len(dated) > 5_000:
        dated.groupby([dated["published"].dt.to_period("W"), "attributed_to"], dropna=False).agg(
            low=("low", "min"), high=("high", "max"), value=("value", "median"))
    view.groupby(["attributed_to", "category"], dropna=False).size()
    view.groupby(["outlet", "category"], dropna=False).size()
    view.sort_values(["published", "article_id", "char_start"], ascending=[False, True, True]).head(1_000)


def app_memory(db: Path) -> tuple[float, int] | None:
    """Start `figures dashboard` on `db`, load the page in chromium: (seconds to render, RSS)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    port = 8765
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "dashboard", "--db", str(db),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("[data-testid='stMetric']", timeout=120_000)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                                   timeout=120_000)
            seconds = time.perf_counter() - started
            page.goto(f"http://127.0.0.1:{port}/?q=troops&category=killed")
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                                   timeout=120_000)
            memory = rss_of(proc.pid)
            browser.close()
        return seconds, memory
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="reuse or create this database file")
    parser.add_argument("--app", action="store_true", help="also measure the real app process")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.duckdb"
    if not db.exists():
        n, seconds = build_db(db, args.claims)
        print(f"built {db} with {n:,} claims in {seconds:.1f} s ({db.stat().st_size / 1e6:.0f} MB)")
    with store.connect(db, read_only=True) as con:
        n = con.execute("SELECT count(*) FROM claims").fetchone()[0]
        sample = dict(zip(("outlet", "speaker", "qualifier"), con.execute(
            "SELECT outlet, attributed_to, qualifier FROM claims WHERE attributed_to IS NOT NULL "
            "LIMIT 1").fetchone(), strict=True))
    print(f"database: {n:,} claims; {os.cpu_count()} CPUs, load average before the timings "
          f"{os.getloadavg()[0]:.1f} (other processes slow every figure below)\n")

    first = timed(lambda: render_queries(db, Filters(), first=True))
    changes = {name: timed(lambda f=f: render_queries(db, f, first=False))
               for name, f in filter_changes(sample).items()}
    duck_rss = rss()
    started = time.perf_counter()
    with store.connect(db, read_only=True) as con:
        csv_bytes = len(to_csv_bytes(queries.export_batches(con, Filters())))
    csv_seconds = time.perf_counter() - started
    csv_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    started = time.perf_counter()
    with store.connect(db, read_only=True) as con:
        frame = con.execute("SELECT * FROM claims").df()
    frame["published"] = pd.to_datetime(frame["published"])
    load = time.perf_counter() - started
    pandas_first = timed(lambda: pandas_render(frame, Filters(), first=True))
    pandas_changes = {name: timed(lambda f=f: pandas_render(frame, f, first=False))
                      for name, f in filter_changes(sample).items()}
    pandas_rss = rss()

    print(f"{'view':<22}{'duckdb':>10}{'pandas':>10}{'ratio':>8}   target")
    print(f"{'first render':<22}{first * 1000:>8.0f}ms{pandas_first * 1000:>8.0f}ms"
          f"{pandas_first / first:>7.1f}x   < {TARGET_FIRST:.0f} s "
          f"({'met' if first < TARGET_FIRST else 'MISSED'}); pandas also needs {load:.1f} s to load")
    for name, seconds in changes.items():
        peer = pandas_changes[name]
        print(f"{name:<22}{seconds * 1000:>8.0f}ms{peer * 1000:>8.0f}ms{peer / seconds:>7.1f}x   "
              f"< {TARGET_CHANGE * 1000:.0f} ms ({'met' if seconds < TARGET_CHANGE else 'MISSED'})")
    print(f"\nload average after the timings: {os.getloadavg()[0]:.1f}")
    print(f"worst filter change: {max(changes.values()) * 1000:.0f} ms; "
          f"median {statistics.median(changes.values()) * 1000:.0f} ms")
    print(f"RSS of this process after the DuckDB queries: {duck_rss / 1e6:.0f} MB; "
          f"after loading the frame into pandas: {pandas_rss / 1e6:.0f} MB")
    print(f"Download CSV of the whole default view: {csv_bytes / 1e6:.0f} MB in {csv_seconds:.1f} s; "
          f"peak RSS so far {csv_peak / 1e6:.0f} MB")
    if args.app:
        measured = app_memory(db)
        if measured:
            seconds, memory = measured
            print(f"app: first page rendered in the browser in {seconds:.1f} s; app process RSS "
                  f"{memory / 1e6:.0f} MB (target < 1.5 GiB: "
                  f"{'met' if memory < TARGET_RSS else 'MISSED'})")


if __name__ == "__main__":
    main()
