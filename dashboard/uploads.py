"""Articles the dashboard receives as uploaded files or pasted text.

Both go through the same reader as `figures ingest` (`dashboard.ingest.read_bytes`), so an upload
may be any input kind it reads: an article file, a saved web page, an RSS/Atom feed, a CSV or
JSONL dump, a .gz or .zip archive. The format is told by the file name or, for pasted text, by
the content; HTML pages lose their boilerplate and are refused when they hold no article. The
result is a list of `Article`s and `InputError`s (one-line reasons naming the file), ready for the
same `store.ingest_into` path as `figures ingest`.
"""

from __future__ import annotations

from dashboard.ingest import InputError, read_bytes
from dashboard.ingest.formats import SUFFIXES
from dashboard.models import Article

PASTED = "pasted text"
#: File name extensions the upload widget offers: every kind `figures ingest` reads.
UPLOAD_TYPES = sorted(suffix.lstrip(".") for suffix in SUFFIXES if suffix)


def read_upload(name: str, data: bytes) -> list[Article | InputError]:
    """The articles of an uploaded file (several for a feed, dump or archive), and the reasons
    for what cannot be read."""
    results = list(read_bytes(data, name))
    return results or [InputError(name, "holds no articles")]


def read_pasted(text: str) -> list[Article | InputError]:
    """The article of pasted text: title on the first line, then optional headers and the body
    (or a pasted web page)."""
    return read_upload(PASTED, text.encode("utf-8"))
