"""Write claim rows as CSV, JSON Lines, JSON or Parquet, safely.

CSV follows DESIGN.md: UTF-8 with a BOM so Excel reads it, RFC 4180 quoting, and text cells that
start with `= + - @`, tab or CR prefixed with `'` so a spreadsheet never runs them as formulas.
Numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.models import CLAIM_COLUMNS
from dashboard.schema import CLAIM_SCHEMA

FORMATS = ("csv", "jsonl", "json", "parquet")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would read as a formula; leave other values alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN from pandas means missing
        return None
    return value


def _csv_text(value: Any) -> Any:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return safe_cell(value)


def to_csv_bytes(rows: Iterable[Mapping[str, Any]], columns: Iterable[str] = CLAIM_COLUMNS) -> bytes:
    """CSV with a header row, UTF-8 with BOM, formula-safe text cells.

    Rows are encoded as they are written, so a large export holds its bytes once, not as text too.
    """
    columns = list(columns)
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_text(row.get(c)) for c in columns])
    text.flush()
    data = buffer.getvalue()
    text.detach()
    return data


def to_json_bytes(
    rows: Iterable[Mapping[str, Any]], fmt: str = "jsonl", columns: Iterable[str] = CLAIM_COLUMNS
) -> bytes:
    """JSON Lines (one object per row) or one JSON array; null for missing values."""
    columns = list(columns)
    records = ({c: _plain(row.get(c)) for c in columns} for row in rows)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    return (json.dumps(list(records), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_parquet_bytes(rows: Iterable[Mapping[str, Any]] | pa.Table) -> bytes:
    """Parquet with the database's column types (dates as dates, numbers as doubles)."""
    if not isinstance(rows, pa.Table):
        records = [
            {c: (v.value if isinstance(v := row.get(c), Enum) else v) for c in CLAIM_COLUMNS}
            for row in rows
        ]
        rows = pa.Table.from_pylist(records, schema=CLAIM_SCHEMA)
    buffer = io.BytesIO()
    pq.write_table(rows.cast(CLAIM_SCHEMA), buffer)
    return buffer.getvalue()


def render(rows: Iterable[Mapping[str, Any]], fmt: str) -> bytes:
    """Rows in one of FORMATS."""
    if fmt == "csv":
        return to_csv_bytes(rows)
    if fmt in ("jsonl", "json"):
        return to_json_bytes(rows, fmt)
    if fmt == "parquet":
        return to_parquet_bytes(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
