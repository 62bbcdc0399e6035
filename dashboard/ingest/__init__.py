"""Inputs in, `Article`s out: the reading step of the pipeline.

`read_articles(inputs)` takes files, directories (searched recursively), `-` for standard input,
`.gz`/`.zip` archives and `http(s)://` URLs, in the project's text format, HTML, RSS/Atom, JSON
Lines, JSON or CSV, and yields per article either the `Article` or the `InputError` saying why an
input (or one row or entry of it) could not be read, so one bad input never stops a batch.
Inputs read with something missing (an unparseable date) raise an `InputWarning` through Python's
`warnings` module; the article is still yielded.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from dashboard.ingest.encoding import decode_text
from dashboard.ingest.errors import InputError, InputWarning
from dashboard.ingest.feeds import PageReader
from dashboard.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Fetched, is_http
from dashboard.ingest.fetch import fetch as fetch_url
from dashboard.ingest.formats import SUFFIXES, Blob, ReadOptions, kind_of, read_blob, too_large
from dashboard.ingest.html import parse_html
from dashboard.models import Article

__all__ = [
    "InputError",
    "InputWarning",
    "ReadOptions",
    "decode_text",
    "expand_inputs",
    "read_article",
    "read_articles",
    "read_bytes",
]

#: Inputs larger than this are refused rather than read into memory.
MAX_BYTES = DEFAULT_MAX_BYTES
STDIN = "-"


def _fetch(url: str, options: ReadOptions) -> Fetched:
    return fetch_url(
        url,
        allow_private=options.allow_private,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
    )


def _page_reader(options: ReadOptions) -> PageReader:
    """Fetch a feed entry's link and extract its article (used when following links)."""

    def read_page(link: str) -> Article:
        page = _fetch(link, options)
        return parse_html(decode_text(page.data, link, page.charset), link, page.url)

    return read_page


def _read_url(url: str, options: ReadOptions) -> Iterator[Article | InputError]:
    try:
        page = _fetch(url, options)
    except InputError as error:
        yield error
        return
    kind = kind_of("", page.content_type) if page.content_type != "text/plain" else None
    blob = Blob(url, page.data, kind=kind or kind_of(page.url), charset=page.charset, url=page.url)
    yield from read_blob(blob, options, _page_reader(options))


def _read_file(path: Path, options: ReadOptions) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield InputError(source, too_large(size, options.max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, exc.strerror or str(exc))
        return
    yield from read_blob(Blob(source, data), options, _page_reader(options))


def _read_stdin(options: ReadOptions) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    yield from read_blob(Blob("<stdin>", data), options, _page_reader(options))


def _walk(directory: Path) -> Iterator[Path]:
    """Files of a directory tree in a format ingestion reads, hidden files and folders skipped."""
    for path in sorted(directory.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(directory).parts)
        if not hidden and path.is_file() and path.suffix.lower() in SUFFIXES:
            yield path


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[str]:
    """The inputs one by one as `read_articles` reads them: each directory becomes its files."""
    for raw in inputs:
        text = str(raw)
        if text != STDIN and not is_http(text) and Path(text).is_dir():
            yield from (str(path) for path in _walk(Path(text)))
        else:
            yield text


def read_articles(
    inputs: Iterable[str | Path],
    *,
    mapping: Mapping[str, str] | None = None,
    follow: bool = False,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError for every article in the inputs, in order.

    `mapping` names dump columns ({"text": "body"}); `follow` fetches each feed entry's page;
    `allow_private` lets URLs reach loopback and private addresses; `max_bytes` caps every input
    (and every archive member, uncompressed); `timeout` bounds each network operation.
    """
    options = ReadOptions(dict(mapping or {}), follow, allow_private, max_bytes, timeout)
    for text in expand_inputs(inputs):
        if text == STDIN:
            yield from _read_stdin(options)
        elif is_http(text):
            yield from _read_url(text, options)
        else:
            yield from _read_file(Path(text), options)


def read_bytes(
    data: bytes, name: str, *, mapping: Mapping[str, str] | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Article | InputError]:
    """Articles in bytes already in memory (an upload), read as a file called `name` would be."""
    options = ReadOptions(dict(mapping or {}), max_bytes=max_bytes)
    yield from read_blob(Blob(name, data), options)


def read_article(path: str | Path) -> Article:
    """Read one file holding one article; raise InputError naming the file and the problem."""
    results = list(read_articles([path]))
    for result in results:
        if isinstance(result, InputError):
            raise result
    if len(results) != 1:
        raise InputError(str(path), f"holds {len(results)} articles, not one")
    return results[0]
