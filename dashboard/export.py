"""Write claim rows as CSV, JSON Lines, JSON or Parquet, safely.

CSV follows DESIGN.md: UTF-8 with a BOM so Excel reads it, RFC 4180 quoting, and text cells that
start with `= + - @`, tab or CR prefixed with `'` so a spreadsheet never runs them as formulas.
Numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dashboard.models import CLAIM_COLUMNS
from dashboard.schema import CLAIM_SCHEMA

FORMATS = ("csv", "jsonl", "json", "parquet")
#: What a spreadsheet may run as a formula when a text cell starts with it.
_FORMULA_START = r"^[=+\-@\t\r]"
_BATCH = 20_000
#: Rows of claims: mappings (from the parser) or record batches streamed from the database.
Rows = Iterable[Mapping[str, Any]] | pa.RecordBatchReader
_CSV_OPTIONS = pacsv.WriteOptions(include_header=False, quoting_style="needed", eol="\r\n")


def _cell(value: Any) -> Any:
    """A value as the table holds it: enums as their values, pandas' NaN as missing."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float) and value != value:
        return None
    return value


def _plain(value: Any) -> Any:
    """A value as JSON holds it: dates as ISO strings."""
    value = _cell(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def _mappings(rows: Rows) -> Iterator[Mapping[str, Any]]:
    """Rows as mappings, whatever form they come in."""
    if isinstance(rows, pa.RecordBatchReader):
        for batch in rows:
            yield from batch.to_pylist()
    else:
        yield from rows


def _record_batches(rows: Rows, columns: list[str]) -> Iterator[pa.RecordBatch]:
    """Rows as record batches of `columns`, typed as the database types them when they are claim
    columns (any other columns get inferred types)."""
    if isinstance(rows, pa.RecordBatchReader):
        for batch in rows:
            yield batch.select(columns)
        return
    claim_columns = set(columns) <= set(CLAIM_SCHEMA.names)
    schema = pa.schema([CLAIM_SCHEMA.field(c) for c in columns]) if claim_columns else None
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, _BATCH)):
        records = [{c: _cell(row.get(c)) for c in columns} for row in chunk]
        yield pa.RecordBatch.from_pylist(records, schema=schema)


def _formula_safe(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Prefix `'` to text cells a spreadsheet would run as a formula; numbers stay numbers."""
    arrays = []
    for field, array in zip(batch.schema, batch.columns, strict=True):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            risky = pc.match_substring_regex(array, _FORMULA_START)
            array = pc.if_else(risky, pc.binary_join_element_wise("'", array, ""), array)
        arrays.append(array)
    return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def to_csv_bytes(rows: Rows, columns: Iterable[str] = CLAIM_COLUMNS) -> bytes:
    """CSV with a header row, UTF-8 with BOM, RFC 4180 quoting, formula-safe text cells.

    Written a batch at a time by Arrow's CSV writer: a million-row view takes seconds, and the
    export holds its bytes once, not its rows too.
    """
    columns = list(columns)
    header = io.StringIO()
    csv.writer(header, lineterminator="\r\n").writerow(columns)
    buffer = io.BytesIO()
    buffer.write(header.getvalue().encode("utf-8-sig"))
    for batch in _record_batches(rows, columns):
        pacsv.write_csv(_formula_safe(batch), buffer, _CSV_OPTIONS)
    return buffer.getvalue()


def to_json_bytes(
    rows: Rows, fmt: str = "jsonl", columns: Iterable[str] = CLAIM_COLUMNS
) -> bytes:
    """JSON Lines (one object per row) or one JSON array; null for missing values."""
    columns = list(columns)
    records = ({c: _plain(row.get(c)) for c in columns} for row in _mappings(rows))
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    return (json.dumps(list(records), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_parquet_bytes(rows: Rows | pa.Table) -> bytes:
    """Parquet with the database's column types (dates as dates, numbers as doubles)."""
    if not isinstance(rows, pa.Table):
        batches = list(_record_batches(rows, list(CLAIM_COLUMNS)))
        rows = pa.Table.from_batches(batches, schema=CLAIM_SCHEMA)
    buffer = io.BytesIO()
    pq.write_table(rows.cast(CLAIM_SCHEMA), buffer)
    return buffer.getvalue()


def render(rows: Rows, fmt: str) -> bytes:
    """Rows in one of FORMATS."""
    if fmt == "csv":
        return to_csv_bytes(rows)
    if fmt in ("jsonl", "json"):
        return to_json_bytes(rows, fmt)
    if fmt == "parquet":
        return to_parquet_bytes(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
