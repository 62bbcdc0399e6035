"""Articles the dashboard receives as uploaded files or pasted text.

Both go through the same reader as `figures ingest` (`dashboard.ingest.read_bytes`): the format
is told by the file name or, for pasted text, by the content; HTML pages lose their boilerplate
and are refused when they hold no article. The result is an `Article` or an `InputError` with a
one-line reason naming the file, ready for the same `store.ingest` path as `figures ingest`.
"""

from __future__ import annotations

from dashboard.ingest import InputError, read_bytes
from dashboard.models import Article

PASTED = "pasted text"


def read_upload(name: str, data: bytes) -> Article | InputError:
    """The Article of an uploaded file (one article: text format or a saved web page), or the
    reason it cannot be read."""
    results = list(read_bytes(data, name))
    if len(results) == 1:
        return results[0]
    return InputError(name, f"holds {len(results)} articles; add it with `figures ingest`")


def read_pasted(text: str) -> Article | InputError:
    """The Article of pasted text: title on the first line, then optional headers and the body
    (or a pasted web page)."""
    return read_upload(PASTED, text.encode("utf-8"))
