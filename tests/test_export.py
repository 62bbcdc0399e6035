"""CSV and JSON output: Excel-safe, formula-safe, numbers untouched."""

import csv
import datetime as dt
import io
import json

import pytest

import pyarrow as pa

from dashboard.export import render, to_csv_bytes


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1 800", "'+1 800"),
        ("-5 people", "'-5 people"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Lee Sung-kwon", "Lee Sung-kwon"),
        ("", ""),
        (-5.0, -5.0),  # a negative number stays a number, not a neutralised text
        (None, None),
    ],
)
def test_formula_cells_are_neutralised(cell, expected):
    (row,) = _read(to_csv_bytes([{"cell": cell, "n": 1}], columns=["cell", "n"]))
    assert row["cell"] == ("" if expected is None else str(expected).removesuffix(".0"))


def _read(data: bytes):
    assert data.startswith("\ufeff".encode("utf-8")), "CSV must start with a UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_record_batches_from_the_database_give_the_same_csv_as_rows():
    rows = [{"mention": "-5 people", "value": 5.0, "hedged": False, "published": dt.date(2024, 1, 2)},
            {"mention": "@home", "value": None, "hedged": True, "published": None}]
    columns = ["mention", "value", "hedged", "published"]
    reader = pa.RecordBatchReader.from_batches(
        *(lambda t: (t.schema, t.to_batches(max_chunksize=1)))(pa.Table.from_pylist(rows))
    )
    assert to_csv_bytes(reader, columns) == to_csv_bytes(rows, columns)
    assert [r["mention"] for r in _read(to_csv_bytes(rows, columns))] == ["'-5 people", "'@home"]


def test_csv_quotes_and_neutralises_text_cells_only():
    rows = [{"mention": "=1+1", "value": -3.0, "sentence": 'He said "5, maybe 6"\nthen left', "hedged": True,
             "published": dt.date(2024, 12, 19), "low": 2.5, "high": None}]
    data = to_csv_bytes(rows, columns=["mention", "value", "sentence", "hedged", "published", "low", "high"])
    (row,) = _read(data)
    assert row == {"mention": "'=1+1", "value": "-3", "sentence": 'He said "5, maybe 6"\nthen left',
                   "hedged": "true", "published": "2024-12-19", "low": "2.5", "high": ""}
    assert b"\r\n" in data  # RFC 4180 line ends


def test_csv_has_a_header_even_without_rows():
    assert _read(to_csv_bytes([], columns=["a", "b"])) == []
    assert to_csv_bytes([], columns=["a", "b"]).decode("utf-8-sig").strip() == "a,b"


def test_json_formats_keep_types():
    rows = [{"value": 100.0, "published": dt.date(2024, 1, 2), "hedged": False, "high": float("nan")}]
    lines = render(rows, "jsonl").decode().splitlines()
    record = json.loads(lines[0])
    assert record["value"] == 100.0 and record["published"] == "2024-01-02"
    assert record["hedged"] is False and record["high"] is None
    assert json.loads(render(rows, "json"))[0]["value"] == 100.0


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render([], "xml")
