"""The DuckDB store and the `figures ingest` / `export` commands: upserts, failures, locks."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import NamedTuple

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dashboard import store
from dashboard.cli import main
from dashboard.extract import extract_claims
from dashboard.models import CLAIM_COLUMNS, Article
from dashboard.schema import claim_rows

ROOT = Path(__file__).resolve().parents[1]


def article(text: str, url: str = "https://news.example/a") -> Article:
    return Article(text=text, title="Storm damage", url=url, outlet="Daily Planet")


class Step(NamedTuple):
    texts: list[tuple[str, str]]  # (url, text) ingested in one batch
    outcome: tuple[int, int, int]  # ingested, unchanged, replaced
    claims_in_db: int


# One scenario, step by step: each row runs against the database the rows before it left.
STEPS = [
    # two new articles
    Step([("u1", "Officials counted 12 boats and 40 cars."), ("u2", "About 7 bridges fell.")],
         (2, 0, 0), 3),
    # the same articles again: nothing is written
    Step([("u1", "Officials counted 12 boats and 40 cars."), ("u2", "About 7 bridges fell.")],
         (0, 2, 0), 3),
    # u1's text changed: its claims are replaced, u2's stay
    Step([("u1", "Officials counted 15 boats.")], (0, 0, 1), 2),
    # a changed article that now has no figure at all loses its claims
    Step([("u2", "Bridges fell.")], (0, 0, 1), 1),
]


def test_upsert_scenario(tmp_path: Path) -> None:
    con = store.connect(tmp_path / "f.duckdb")
    for step in STEPS:
        report = store.ingest(con, [article(text, url) for url, text in step.texts])
        assert (report.ingested, report.unchanged, report.replaced) == step.outcome
        assert con.execute("SELECT count(*) FROM claims").fetchone() == (step.claims_in_db,)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    mentions = con.execute("SELECT mention FROM claims").fetchall()
    assert mentions == [("15",)]


def test_claims_table_has_the_claim_columns_and_types(tmp_path: Path) -> None:
    con = store.connect(tmp_path / "f.duckdb")
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'claims'").fetchall())
    assert tuple(types) == CLAIM_COLUMNS
    expected = {"published": "DATE", "value": "DOUBLE", "low": "DOUBLE", "high": "DOUBLE",
                "hedged": "BOOLEAN", "char_start": "BIGINT", "mention": "VARCHAR"}
    assert {k: types[k] for k in expected} == expected
    articles = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                          "WHERE table_name = 'articles'").fetchall()]
    assert articles == ["article_id", "title", "url", "author", "outlet", "published", "text",
                        "text_hash", "source", "ingested_at"]


def test_stored_claims_equal_the_pipeline_output(tmp_path: Path) -> None:
    one = article("In 2024 some 3 ships sank and 41 sailors were rescued.")
    con = store.connect(tmp_path / "f.duckdb")
    store.ingest(con, [one])
    cursor = con.execute(f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims ORDER BY char_start")
    stored = [dict(zip(CLAIM_COLUMNS, row, strict=True)) for row in cursor.fetchall()]
    assert stored == claim_rows(extract_claims(one))


@pytest.mark.parametrize("error", [ValueError("parser failed"), RuntimeError("parser failed"),
                                   IndexError("parser failed")])
def test_a_failing_article_is_reported_and_the_others_are_stored(tmp_path: Path, error) -> None:
    def extract(item: Article):
        if "broken" in item.text:
            raise error
        return extract_claims(item)

    con = store.connect(tmp_path / "f.duckdb")
    batch = [article("Here 10 people died.", "u1"), article("A broken 2.", "u2"), article("A 3 there.", "u3")]
    report = store.ingest(con, batch, extract)
    assert (report.ingested, report.failed) == (2, 1)
    assert "parser failed" in report.errors[0]
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_a_group_that_cannot_be_written_is_retried_one_article_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = store._write

    def refuse_poison(con, staged):
        if any("poison" in s.article.text for s in staged):
            raise duckdb.ConstraintException("refused by the test")
        write(con, staged)

    monkeypatch.setattr(store, "_write", refuse_poison)
    con = store.connect(tmp_path / "f.duckdb")
    batch = [article("Here 10 people died.", "u1"), article("A poison 2.", "u2"),
             article("A 3 there.", "u3")]
    report = store.ingest(con, batch)
    assert (report.ingested, report.errors) == (2, ["u2: refused by the test"])
    urls = con.execute("SELECT url FROM articles ORDER BY url").fetchall()
    assert urls == [("u1",), ("u3",)]


def test_an_interrupted_batch_keeps_every_committed_article(tmp_path: Path) -> None:
    def extract(item: Article):
        if "stop" in item.text:
            raise KeyboardInterrupt
        return extract_claims(item)

    path = tmp_path / "f.duckdb"
    con = store.connect(path)
    store.ingest(con, [article("Old text: 5 people died.", "u0")])
    batch = [article("Here 10 people died.", "u1"), article("New 6 text, stop.", "u0")]
    with pytest.raises(KeyboardInterrupt):
        store.ingest(con, batch, extract)
    con.close()
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("SELECT a.url, c.mention FROM claims c JOIN articles a USING (article_id) "
                       "ORDER BY a.url").fetchall()
    assert rows == [("u0", "5"), ("u1", "10")]  # u1 committed, u0's old text and claims intact


def test_db_location_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(store.DB_ENV, raising=False)
    assert store.resolve_db_path().name == "figures.duckdb"
    monkeypatch.setenv(store.DB_ENV, str(tmp_path / "env.duckdb"))
    assert store.resolve_db_path() == tmp_path / "env.duckdb"
    assert store.resolve_db_path(tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"


# --- two processes: DuckDB lets one process at a time open a file for writing ----------------

HOLD = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
"""


def hold_lock(path: Path, mode: str, seconds: float) -> subprocess.Popen:
    """Another process that keeps the database open for `seconds`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode, str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    return proc


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"story-{i}.txt").write_text(textwrap.dedent(f"""\
            Story {i}
            2025-01-{i % 28 + 1:02d}
            Source: Outlet {i % 3}

            Rescuers found {i + 10} people and {i + 2} boats.
            """), encoding="utf-8")
    return folder


def run_figures(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_ingest_waits_for_a_reader_to_let_go(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    store.connect(db).close()
    reader = hold_lock(db, "ro", 4)  # longer than the start-up and reading before the first write
    result = run_figures("ingest", str(write_articles(tmp_path / "in", 3)), "--db", str(db))
    reader.wait()
    assert result.returncode == 0, result.stderr
    assert "busy" in result.stderr and "3 ingested" in result.stderr


def test_reader_waits_for_a_writer_to_let_go(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    store.connect(db).close()
    writer = hold_lock(db, "rw", 1.0)
    started = time.monotonic()
    with store.connect(db, read_only=True, wait=20) as con:
        assert con.execute("SELECT count(*) FROM claims").fetchone() == (0,)
    writer.wait()
    assert time.monotonic() - started > 0.5  # it did have to wait


def test_reader_gives_up_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    store.connect(db).close()
    writer = hold_lock(db, "rw", 3)
    with pytest.raises(store.DatabaseBusy, match="in use by another process"):
        store.connect(db, read_only=True, wait=0.3)
    writer.kill()
    writer.wait()


def test_ingest_and_reads_interleave(tmp_path: Path) -> None:
    """A long ingest lets go of the lock now and then, so readers get in meanwhile."""
    db = tmp_path / "f.duckdb"
    folder = write_articles(tmp_path / "in", 150)
    ingest = subprocess.Popen([sys.executable, "-m", "dashboard", "ingest", str(folder), "--db",
                               str(db)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    reads = 0
    while ingest.poll() is None:
        if db.exists():
            try:
                with store.connect(db, read_only=True, wait=10) as con:
                    con.execute("SELECT count(*) FROM claims").fetchone()
                    reads += 1
            except duckdb.Error:
                pass  # the file is still being created
        time.sleep(0.05)
    assert ingest.returncode == 0, ingest.stderr.read() if ingest.stderr else ""
    with store.connect(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (150,)
    assert reads > 0


# --- the commands -----------------------------------------------------------------------------


@pytest.fixture()
def filled_db(tmp_path: Path) -> Path:
    db = tmp_path / "f.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(write_articles(tmp_path / "in", 6)),
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


class ExportCase(NamedTuple):
    args: list[str]
    rows: int


EXPORTS = [
    # everything: 6 articles x 2 figures
    ExportCase([], 12),
    # one outlet (articles 0 and 3), several outlets, a date range, a search, a shared link
    ExportCase(["--outlet", "Outlet 0"], 4),
    ExportCase(["--outlet", "Outlet 0", "--outlet", "Outlet 1"], 8),
    ExportCase(["--from", "2025-01-02", "--to", "2025-01-03"], 4),
    ExportCase(["-q", "boats"], 12),
    ExportCase(["--view", "http://localhost:8501/?outlet=Outlet+2&from=2025-01-06"], 2),
    ExportCase(["--view", "?outlet=Outlet+2", "--outlet", "Outlet 1"], 4),
    ExportCase(["--hedged", "yes"], 0),
]


@pytest.mark.parametrize("case", EXPORTS, ids=[" ".join(c.args) or "all" for c in EXPORTS])
def test_export_filters_like_the_dashboard(filled_db: Path, case: ExportCase) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(filled_db), *case.args])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert len(rows) == case.rows
    assert rows == [] or tuple(rows[0]) == CLAIM_COLUMNS


def test_export_parquet_keeps_types(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    result = CliRunner().invoke(main, ["export", "--db", str(filled_db), "--format", "parquet",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 12 and tuple(table.column_names) == CLAIM_COLUMNS
    assert str(table.schema.field("published").type) == "date32[day]"


def test_export_without_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no database yet" in result.output and "Traceback" not in result.output


def test_ingest_reports_bad_files_and_stores_the_rest(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", 2)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "2 ingested, 0 unchanged, 0 replaced, 1 failed" in result.output
    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert "0 ingested, 2 unchanged" in again.output
