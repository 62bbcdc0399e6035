"""A folder of bad and tricky inputs read together with good ones: every good article is read
(and stored by `figures ingest`), every bad input is reported once with its reason, and nothing
stops the batch.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dashboard.cli import main
from dashboard.ingest import InputError, InputWarning, read_articles

GOOD_BODY = (
    "Officials said at least 30 people were hurt and more than 200 homes lost power on Sunday."
)
COOKIE_WALL = """<html><head><title>Before you continue</title></head><body><div class="consent">
<h1>Before you continue</h1><p>We use cookies and data to deliver our services and show
personalised ads. Select Accept all to agree or Reject all to decline.</p>
<button>Accept all</button><button>Reject all</button></div></body></html>"""
SCRIPT_PAGE = """<html><head><title>Water bills to rise</title></head><body><article>
<h1>Water bills to rise</h1><script>document.write('<p>Injected 999 figures</p>')</script>
<p>Water bills will rise by an average of 7% next year, the regulator said on Monday, after the
company asked for an increase of nearly 11% to fund repairs to about 300 miles of pipes.</p>
<p>Households already pay around 450 pounds a year on average, according to the regulator.</p>
</article></body></html>"""

# name → bytes, or None for the 60 MB file the test makes sparse.
FILES: dict[str, bytes | None] = {
    # Good files: the text format, in the encodings people save it in.
    "good.txt": f"Power cuts after storm\nDate: 2 March 2025\n\n{GOOD_BODY}".encode(),
    "latin1.txt": "Café owners protest\n\nPrices rose 15%, said the café's owner in Orléans.".encode(
        "latin-1"
    ),
    "cp1252.txt": "Fares “frozen”\n\nFares stay at €2 — the mayor’s office said.".encode("cp1252"),
    "utf16-bom.txt": "Résumé of the vote\n\nAbout 60% backed the plan.".encode("utf-16"),
    "utf8-bom.txt": "\ufeffBOM title\n\nSome 12 boats sank.".encode(),
    # UTF-8 with a few damaged bytes: read, the bad bytes replaced (and a warning).
    "invalid-utf8.txt": "Naïve forecast\n\nAbout 40 ".encode()
    + b"\xff\xfe"
    + " jobs — said the café.".encode(),
    # HTML whose script must not reach the text.
    "script.html": SCRIPT_PAGE.encode(),
    # A CSV whose cells look like formulas but has a text column: read, cells kept as text.
    "formulas-with-text.csv": b'title,text\n"=1+2","@SUM(A1) More than 5 flights were cancelled."\n',
    # Bad files.
    "empty.txt": b"  \n\t\n",
    "zero.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
    "huge.txt": None,
    "cookie-wall.html": COOKIE_WALL.encode(),
    "broken.xml": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Cut',
    "formulas.csv": b'title,notes\n"=HYPERLINK(""http://x"")","+1"\n"-2","@cmd"\n',
    "bad-rows.jsonl": b'{"text": "Nearly 90 flights were delayed."}\n{"text": ""}\nnot json\n[1, 2]\n',
    "corrupt.zip": b"PK\x03\x04 this is not really a zip archive",
    "corrupt.txt.gz": b"\x1f\x8b\x08\x00 not gzip data",
    "only-title.txt": b"A title and nothing else\n",
    "teaser.html": b"<html><head><title>T</title></head><body><p>Subscribers can read how 9 firms fared.</p></body></html>",
    "nested.zip": None,  # made below: zips inside zips deeper than ingestion unpacks
}
GOOD_TEXT = {
    "good.txt": GOOD_BODY,
    "latin1.txt": "Prices rose 15%, said the café's owner in Orléans.",
    "cp1252.txt": "Fares stay at €2 — the mayor’s office said.",
    "utf16-bom.txt": "About 60% backed the plan.",
    "utf8-bom.txt": "Some 12 boats sank.",
    "invalid-utf8.txt": "About 40 \ufffd\ufffd jobs — said the café.",
    "script.html": None,  # checked below
    "formulas-with-text.csv row 2": "@SUM(A1) More than 5 flights were cancelled.",
    "bad-rows.jsonl line 1": "Nearly 90 flights were delayed.",
}
REASONS = {
    "empty.txt": "empty file",
    "zero.txt": "empty file",
    "binary.txt": "binary content",
    "huge.txt": "too large",
    "cookie-wall.html": "not an article",
    "broken.xml": "malformed feed",
    "formulas.csv": "missing text column",
    "bad-rows.jsonl line 2": "empty text",
    "bad-rows.jsonl line 3": "invalid JSON",
    "bad-rows.jsonl line 4": "not a JSON object",
    "corrupt.zip": "corrupt zip archive",
    "corrupt.txt.gz": "corrupt gzip archive",
    "only-title.txt": "no article text",
    "teaser.html": "not an article (only 7 words of main text)",
    "nested.zip!c.zip!b.zip!a.zip": "archives nested more than 3 deep",
}
HUGE = 60 * 1024 * 1024


def _nested_zip(names: list[str]) -> bytes:
    """A zip holding names[0], which holds names[1] … the last holding a text file."""
    data, inner = b"Deep\n\nAbout 3 boxes.", "deep.txt"
    for name in [*reversed(names), "outer"]:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(inner, data)
        data, inner = buffer.getvalue(), name
    return data


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch) -> Path:
    for name, data in FILES.items():
        if name == "nested.zip":
            (tmp_path / name).write_bytes(_nested_zip(["c.zip", "b.zip", "a.zip"]))
        elif data is None:
            with open(tmp_path / name, "wb") as huge:  # sparse: 60 MB without writing them
                huge.truncate(HUGE)
        else:
            (tmp_path / name).write_bytes(data)
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        assert path.name != "huge.txt", "the oversized file must be refused before it is read"
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return tmp_path


def _name(source: str, folder: Path) -> str:
    return source.removeprefix(f"{folder}/")


def test_good_inputs_read_and_bad_ones_reported(folder):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = list(read_articles([folder]))
    articles = {_name(a.source, folder): a for a in results if not isinstance(a, InputError)}
    errors = {_name(e.source, folder): e.reason for e in results if isinstance(e, InputError)}
    assert set(articles) == set(GOOD_TEXT)
    for name, text in GOOD_TEXT.items():
        if text is not None:
            assert articles[name].text == text, name
    assert articles["formulas-with-text.csv row 2"].title == "=1+2"
    script = articles["script.html"]
    assert "Injected" not in script.text and "document.write" not in script.text
    assert "7% next year" in script.text
    assert set(errors) == set(REASONS)
    for name, reason in REASONS.items():
        assert reason in errors[name], (name, errors[name])
    assert "60 MB" not in errors["huge.txt"] and f"{HUGE:,} bytes" in errors["huge.txt"]
    messages = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    assert any("invalid-utf8.txt: 2 invalid UTF-8" in m for m in messages), messages


def test_the_cli_summarises_and_exits_1(folder):
    result = CliRunner().invoke(main, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    summary = next(line for line in lines if line.startswith("read "))
    assert re.fullmatch(
        rf"read {len(GOOD_TEXT)} articles, [\d,]+ claims?; {len(REASONS)} failed", summary
    )
    failures = [line for line in lines if line.startswith("error: ")]
    assert len(failures) == len(REASONS)
    assert f"error: {folder}/broken.xml: malformed feed: no element found at line 1" in failures
    assert "Traceback" not in result.output
    assert result.stdout.strip()  # the good articles' claims were still written


def _ingest(folder: Path, db: Path, jobs: str, *extra: str):
    result = CliRunner().invoke(main, ["ingest", str(folder), *extra, "--db", str(db), "-j", jobs])
    assert "Traceback" not in result.output
    return result, result.stderr.splitlines()


def _stored(db: Path) -> tuple[list[str], int, int]:
    """Sources of the stored articles, how many articles and claims have a duplicate id."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT source FROM articles ORDER BY source").fetchall()
        sources = [row[0] for row in rows]
        dupes = [
            con.execute(f"SELECT count(*) - count(DISTINCT {key}) FROM {table}").fetchone()[0]
            for table, key in (("articles", "article_id"), ("claims", "claim_id"))
        ]
    return sources, *dupes


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ingest_stores_the_good_reports_the_bad_and_dedupes(folder, tmp_path_factory, jobs):
    db = tmp_path_factory.mktemp("db") / "f.duckdb"
    good, bad = len(GOOD_TEXT), len(REASONS)
    # good.txt given twice in one run: stored once, the second counted unchanged
    result, lines = _ingest(folder, db, jobs, str(folder / "good.txt"))
    assert result.exit_code == 1
    summary = next(line for line in lines if " ingested, " in line)
    expected = rf"{good} ingested, 1 unchanged, 0 replaced, {bad} failed; \d+ claims written"
    assert re.fullmatch(expected, summary)
    failures = [line.removeprefix("error: ") for line in lines if line.startswith("error: ")]
    assert len(failures) == bad
    for name, reason in REASONS.items():
        assert any(f.startswith(f"{folder}/{name}: ") and reason in f for f in failures), name
    assert any(line.startswith("warning: ") and "invalid-utf8.txt" in line for line in lines)
    sources, article_dupes, claim_dupes = _stored(db)
    assert {_name(source, folder) for source in sources} == set(GOOD_TEXT)
    assert (len(sources), article_dupes, claim_dupes) == (good, 0, 0)

    # again: nothing changed, nothing written; the same failures reported
    result, lines = _ingest(folder, db, jobs)
    assert result.exit_code == 1
    assert f"0 ingested, {good} unchanged, 0 replaced, {bad} failed; 0 claims written" in lines
    assert _stored(db)[0] == sources

    # a page whose text changed replaces its article and claims
    (folder / "good.txt").write_text(
        "Power cuts after storm\nDate: 2 March 2025\n\nOfficials said 31 people were hurt."
    )
    result, lines = _ingest(folder, db, jobs)
    assert f"0 ingested, {good - 1} unchanged, 1 replaced, {bad} failed; 1 claims written" in lines
    assert _stored(db) == (sources, 0, 0)
