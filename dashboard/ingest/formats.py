"""Bytes of one input to Articles: pick the format (archive magic bytes, file suffix, HTTP
content type, else a look at the content), decode the text, and hand it to the format's reader.
One input may hold many articles (feeds, dumps, archives); each is yielded on its own.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from dashboard.ingest.dumps import field_aliases, parse_csv, parse_json, parse_jsonl
from dashboard.ingest.encoding import decode_text
from dashboard.ingest.errors import InputError
from dashboard.ingest.feeds import PageReader, looks_like_feed, parse_feed
from dashboard.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from dashboard.ingest.html import declared_charset, parse_html
from dashboard.ingest.textfile import parse_text_article
from dashboard.models import Article

#: File suffixes ingestion reads, and the format each one means (directories are searched for
#: these; a file named explicitly is read whatever its suffix, its format sniffed).
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", "": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".gz": "gzip", ".zip": "zip",
}  # fmt: skip
_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "application/gzip": "gzip", "application/x-gzip": "gzip", "application/zip": "zip",
}  # fmt: skip
#: Archives inside archives are unpacked this deep, no deeper (a zip can contain itself).
MAX_ARCHIVE_DEPTH = 3
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: column mapping for dumps, link following and the network limits."""

    mapping: Mapping[str, str] = field(default_factory=dict)
    follow: bool = False
    allow_private: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Blob:
    """The bytes of one input with what is known about them."""

    name: str
    data: bytes
    kind: str | None = None
    charset: str | None = None
    url: str | None = None
    depth: int = 0  # how many archives it was unpacked from


def too_large(size: int, limit: int) -> str:
    return f"too large ({size:,} bytes; limit {limit:,})"


def kind_of(name: str, content_type: str | None = None) -> str | None:
    """The format a name's suffix (or else an HTTP content type) announces, if any."""
    suffix = PurePosixPath(name.split("?", 1)[0]).suffix.lower()
    if suffix in SUFFIXES and suffix:
        return SUFFIXES[suffix]
    return _CONTENT_TYPES.get(content_type or "")


def _magic(data: bytes) -> str | None:
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def _sniff(text: str) -> str:
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if looks_like_feed(head):
        return "feed"
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    if stripped.startswith("["):
        return "json"
    header = {
        re.sub(r"[\s_\-\"']+", "", c).lower() for c in re.split(r"[,;\t|]", head.split("\n", 1)[0])
    }
    if len(header) > 1 and header & set(field_aliases()["text"]):
        return "csv"
    return "text"


def _gunzip(
    blob: Blob, options: ReadOptions, read_page: PageReader | None
) -> Iterator[Article | InputError]:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(blob.data)) as stream:
            data = stream.read(options.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(blob.name, f"corrupt gzip archive ({exc})")
        return
    if len(data) > options.max_bytes:
        yield InputError(
            blob.name, f"too large once uncompressed (limit {options.max_bytes:,} bytes)"
        )
        return
    inner = blob.name[:-3] if blob.name.lower().endswith(".gz") else blob.name
    unpacked = Blob(blob.name, data, kind=kind_of(inner), url=blob.url, depth=blob.depth + 1)
    yield from read_blob(unpacked, options, read_page)


def _wanted_member(member: zipfile.ZipInfo) -> bool:
    """A file of a readable kind, not hidden, not macOS resource-fork litter."""
    parts = member.filename.split("/")
    return (
        not member.is_dir()
        and not any(part.startswith((".", "__MACOSX")) for part in parts)
        and PurePosixPath(member.filename).suffix.lower() in SUFFIXES
    )


def _unzip(
    blob: Blob, options: ReadOptions, read_page: PageReader | None
) -> Iterator[Article | InputError]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(blob.data))
        members = [m for m in archive.infolist() if _wanted_member(m)]
    except (zipfile.BadZipFile, OSError) as exc:
        yield InputError(blob.name, f"corrupt zip archive ({exc})")
        return
    for member in sorted(members, key=lambda m: m.filename):
        name = f"{blob.name}!{member.filename}"
        if member.file_size > options.max_bytes:
            yield InputError(name, too_large(member.file_size, options.max_bytes))
            continue
        try:
            with archive.open(member) as stream:
                data = stream.read(options.max_bytes + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, zlib.error) as exc:
            yield InputError(name, f"cannot read from the archive ({exc})")
            continue
        if len(data) > options.max_bytes:
            yield InputError(name, too_large(len(data), options.max_bytes))
            continue
        yield from read_blob(Blob(name, data, depth=blob.depth + 1), options, read_page)


_ARCHIVES: dict[
    str, Callable[[Blob, ReadOptions, PageReader | None], Iterator[Article | InputError]]
] = {
    "gzip": _gunzip,
    "zip": _unzip,
}


def read_blob(
    blob: Blob, options: ReadOptions, read_page: PageReader | None = None
) -> Iterator[Article | InputError]:
    """Yield the Articles (or InputErrors) held in one input's bytes."""
    if len(blob.data) > options.max_bytes:
        yield InputError(blob.name, too_large(len(blob.data), options.max_bytes))
        return
    kind = _magic(blob.data) or blob.kind or kind_of(blob.name)
    if kind in _ARCHIVES:
        if blob.depth >= MAX_ARCHIVE_DEPTH:
            yield InputError(blob.name, f"archives nested more than {MAX_ARCHIVE_DEPTH} deep")
        else:
            yield from _ARCHIVES[kind](blob, options, read_page)
        return
    try:
        charset = blob.charset or (declared_charset(blob.data) if kind in (None, "html") else None)
        text = decode_text(blob.data, blob.name, charset)
        kind = kind or _sniff(text)
        if kind == "html":
            yield parse_html(text, blob.name, blob.url)
        elif kind == "feed":
            yield from parse_feed(
                blob.data, blob.name, read_page=read_page if options.follow else None
            )
        elif kind == "jsonl":
            yield from parse_jsonl(text, blob.name, options.mapping)
        elif kind == "json":
            yield from parse_json(text, blob.name, options.mapping)
        elif kind in ("csv", "tsv"):
            yield from parse_csv(text, blob.name, options.mapping, "\t" if kind == "tsv" else None)
        else:
            yield parse_text_article(text, blob.name)
    except InputError as error:
        yield error
