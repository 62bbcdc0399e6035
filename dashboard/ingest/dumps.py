"""Dumps of many articles, one per row: JSON Lines, CSV/TSV and JSON arrays (news-API exports).

Columns are found by common names (the `article_fields.json` lexicon: text/body/content,
title/headline, date/publishedAt/pubDate, source/publisher, url/link, author/byline), compared
without case, spaces, dashes or underscores; nested JSON objects are seen as dotted names
(`source.name`). A mapping such as `{"text": "body", "published": "date"}` (CLI:
`--map text=body,published=date`) overrides the guess. A dump without a text column is one error
naming the file; a bad row is one error naming the file and the row (CSV rows are numbered as a
spreadsheet shows them, header = row 1; JSONL by line; JSON by item). Cells are kept as text
whatever they start with: formula safety is the exporter's job.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from dashboard.extract.lexicon import load_json
from dashboard.ingest.dates import date_or_warn
from dashboard.ingest.errors import InputError
from dashboard.ingest.html import fragment_text, looks_like_markup
from dashboard.models import Article

#: The Article fields a dump can fill, in the order columns are looked up.
FIELDS = ("text", "title", "published", "outlet", "url", "author")
_DELIMITERS = ",;\t|"


def parse_mapping(specs: str | Iterable[str]) -> dict[str, str]:
    """Parse `text=body,published=date` (one string or several) into {field: column}."""
    items = [specs] if isinstance(specs, str) else list(specs)
    mapping: dict[str, str] = {}
    for pair in (p.strip() for spec in items for p in spec.split(",")):
        if not pair:
            continue
        field, sep, column = (part.strip() for part in pair.partition("="))
        if not sep or not column:
            raise ValueError(f"{pair!r} is not FIELD=COLUMN")
        if field not in FIELDS:
            raise ValueError(f"unknown field {field!r}; fields are {', '.join(FIELDS)}")
        mapping[field] = column
    return mapping


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).lower()


def field_aliases() -> dict[str, list[str]]:
    """Each field's column names from the lexicon, normalised as columns are compared."""
    lexicon = load_json("article_fields.json")
    return {field: [_norm(a) for a in lexicon[field]] for field in FIELDS}


def resolve_columns(
    columns: Iterable[str], mapping: Mapping[str, str], source: str
) -> dict[str, str]:
    """Map each Article field to the column holding it; InputError if there is no text column."""
    by_norm: dict[str, str] = {}
    for column in columns:
        by_norm.setdefault(_norm(column), column)
    found: dict[str, str] = {}
    for field, aliases in field_aliases().items():
        if field in mapping:
            wanted = mapping[field]
            column = wanted if wanted in by_norm.values() else by_norm.get(_norm(wanted))
            if column is None:
                raise InputError(
                    source, f"no column {wanted!r} (mapped to {field}); columns: {_listed(by_norm)}"
                )
            found[field] = column
            continue
        column = next((by_norm[a] for a in aliases if a in by_norm), None)
        if column is not None:
            found[field] = column
    if "text" not in found:
        looked_for = ", ".join(load_json("article_fields.json")["text"][:4])
        raise InputError(
            source,
            f"missing text column (looked for {looked_for}…; columns: {_listed(by_norm)};"
            " use --map text=COLUMN)",
        )
    return found


def _listed(by_norm: Mapping[str, str]) -> str:
    return ", ".join(by_norm.values()) or "none"


def _flat(record: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted keys: {"source": {"name": "X"}} → {"source.name": "X", …}."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flat(value, name + "."))
        else:
            flat[name] = value
    return flat


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None)
    text = str(value).strip()
    return text or None


def _article(row: Mapping[str, Any], columns: Mapping[str, str], name: str) -> Article:
    text = _cell(row.get(columns["text"]))
    if text and looks_like_markup(text):
        text = fragment_text(text)
    if not text:
        raise InputError(name, "empty text")
    published = row.get(columns["published"]) if "published" in columns else None
    fields = {f: _cell(row.get(c)) for f, c in columns.items() if f not in ("text", "published")}
    try:
        return Article(
            text=text,
            published=date_or_warn(published if published != "" else None, name),
            source=name,
            **fields,
        )
    except ValidationError as exc:
        raise InputError(name, f"invalid row: {exc.errors()[0]['msg']}") from None


def _articles(
    rows: Iterator[tuple[str, dict[str, Any] | InputError]], source: str, mapping: Mapping[str, str]
) -> Iterator[Article | InputError]:
    """Rows (name, record) to Articles; columns resolved on the first good row."""
    columns: dict[str, str] | None = None
    seen = False
    for name, row in rows:
        if isinstance(row, InputError):
            yield row
            continue
        seen = True
        try:
            if columns is None:
                try:
                    columns = resolve_columns(row, mapping, source)
                except InputError as error:
                    yield error  # a file-level problem: stop here
                    return
            yield _article(row, columns, name)
        except InputError as error:
            yield error
    if not seen:
        yield InputError(source, "no rows")


def _jsonl_rows(text: str, source: str) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name = f"{source} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield name, InputError(name, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield name, InputError(name, "not a JSON object")
            continue
        yield name, _flat(record)


def _records(document: Any) -> list[Any] | None:
    """The list of article objects in a JSON document: the document, or its one list of objects."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        lists = [
            v for v in document.values() if isinstance(v, list) and v and isinstance(v[0], dict)
        ]
        return lists[0] if len(lists) == 1 else [document]
    return None


def _json_rows(text: str, source: str) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    try:
        records = _records(json.loads(text))
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON ({exc.msg} at line {exc.lineno})") from None
    if records is None:
        raise InputError(source, "JSON holds no article objects")
    for number, record in enumerate(records, start=1):
        name = f"{source} item {number}"
        yield (
            name,
            _flat(record) if isinstance(record, dict) else InputError(name, "not a JSON object"),
        )


def _csv_rows(
    text: str, source: str, delimiter: str | None
) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS).delimiter
        except csv.Error:
            delimiter = ","
    csv.field_size_limit(max(len(text), 131072))
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    row_number = 1
    try:
        for record in reader:
            row_number += 1
            yield f"{source} row {row_number}", {k: v for k, v in record.items() if k is not None}
    except csv.Error as exc:
        yield source, InputError(f"{source} row {row_number + 1}", f"unreadable CSV ({exc})")


def parse_jsonl(
    text: str, source: str, mapping: Mapping[str, str]
) -> Iterator[Article | InputError]:
    """One Article per JSON object line."""
    return _articles(_jsonl_rows(text, source), source, mapping)


def parse_json(
    text: str, source: str, mapping: Mapping[str, str]
) -> Iterator[Article | InputError]:
    """One Article per object of a JSON array (or of the one list inside a JSON object)."""
    try:
        rows = list(_json_rows(text, source))
    except InputError as error:
        return iter([error])
    return _articles(iter(rows), source, mapping)


def parse_csv(
    text: str, source: str, mapping: Mapping[str, str], delimiter: str | None = None
) -> Iterator[Article | InputError]:
    """One Article per CSV row; the delimiter is sniffed unless given (TSV: a tab)."""
    return _articles(_csv_rows(text, source, delimiter), source, mapping)
