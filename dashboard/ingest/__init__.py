"""Inputs in, `Article`s out: the reading step of the pipeline.

`read_articles(paths)` walks files and directories and yields, per input, either the Article it
holds or the `InputError` that says why it could not be read, so one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dashboard.ingest.errors import InputError
from dashboard.ingest.textfile import parse_text_article
from dashboard.models import Article

__all__ = ["InputError", "read_article", "read_articles", "decode_text"]

#: Inputs larger than this are refused rather than read into memory.
MAX_BYTES = 50 * 1024 * 1024
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def decode_text(data: bytes, source: str) -> str:
    """Decode article bytes as UTF-8 (with or without BOM); refuse binary content."""
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid UTF-8 text (byte {exc.start})") from None


def read_article(path: Path) -> Article:
    """Read one article file; raise InputError naming the file and the problem."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(source, f"too large ({size:,} bytes; limit {MAX_BYTES:,})")
        data = path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    return parse_text_article(decode_text(data, source), source)


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES
                and not p.name.startswith(".")
            )
        else:
            yield path


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError for every file named or found under a directory."""
    for path in _expand(paths):
        try:
            yield read_article(path)
        except InputError as error:
            yield error
