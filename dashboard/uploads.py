"""Articles the dashboard receives as uploaded files or pasted text.

Text goes through the project's text-format reader; an `.html` page is reduced to its main text
and metadata by trafilatura first. Either way the result is an `Article` or an `InputError` with
a one-line reason, ready for the same `store.ingest` path as `figures ingest`.
"""

from __future__ import annotations

import datetime as dt

import trafilatura

from dashboard.ingest import InputError, decode_text
from dashboard.ingest.textfile import parse_text_article
from dashboard.models import Article

HTML_SUFFIXES = (".html", ".htm")


def article_from_html(html: str, source: str) -> Article:
    """Main text, title, author, date and site name of a saved web page."""
    found = trafilatura.bare_extraction(html, with_metadata=True)
    doc = found.as_dict() if found is not None else {}
    text = (doc.get("text") or "").strip()
    if not text:
        raise InputError(source, "no article text found in this HTML page")
    date = doc.get("date")
    return Article(
        text=text,
        title=doc.get("title") or None,
        author=doc.get("author") or None,
        outlet=doc.get("sitename") or None,
        url=doc.get("url") or None,
        published=dt.date.fromisoformat(date[:10]) if date else None,
        source=source,
    )


def read_upload(name: str, data: bytes) -> Article | InputError:
    """The Article of an uploaded `.txt` or `.html` file, or the reason it cannot be read."""
    try:
        text = decode_text(data, name)
        if name.lower().endswith(HTML_SUFFIXES):
            return article_from_html(text, name)
        return parse_text_article(text, name)
    except InputError as error:
        return error
    except ValueError as error:  # pydantic validation or a malformed date
        return InputError(name, str(error).splitlines()[0])


def read_pasted(text: str) -> Article | InputError:
    """The Article of pasted text: title on the first line, then optional headers and the body."""
    return read_upload("pasted text", text.encode("utf-8"))
