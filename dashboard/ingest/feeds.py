"""RSS and Atom feeds to Articles: one per entry, its content (or summary) as the text, the
feed's title as the outlet. With `follow`, each entry's link is fetched and its page extracted,
the entry's own metadata filling what the page lacks.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.sax
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from dashboard.ingest.dates import parse_date, warn_unrecognised_date
from dashboard.ingest.errors import InputError, warn
from dashboard.ingest.html import fragment_text, looks_like_markup
from dashboard.models import Article

_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
#: Fetches and extracts a linked page (given by the reader so feeds need not know about HTTP).
PageReader = Callable[[str], Article]


def looks_like_feed(head: str) -> bool:
    """True when the start of a document is an RSS, RDF or Atom feed."""
    start = head.lstrip()[:2048].lower()
    return start.startswith(("<?xml", "<rss", "<feed", "<rdf")) and any(
        tag in start for tag in ("<rss", "<feed", "<rdf:rdf", "<channel")
    )


def _entry_text(entry: Any) -> str:
    bodies = [c.get("value", "") for c in entry.get("content", [])]
    raw = max(bodies, key=len, default="") or entry.get("summary", "") or ""
    return fragment_text(raw) if looks_like_markup(raw) else raw.strip()


def _author(raw: str | None) -> str | None:
    """RSS puts "email (Name)" in <author>; keep the name."""
    if not raw:
        return None
    named = _EMAIL_NAME.match(raw.strip())
    return named.group(1).strip() if named else raw.strip()


def _entry_date(entry: Any, source: str) -> dt.date | None:
    """The date as the feed wrote it (feedparser's own parse is shifted to UTC: a fallback)."""
    for key in ("published", "updated", "created"):
        found = parse_date(entry.get(key))
        if found is None and entry.get(f"{key}_parsed"):
            parsed = entry[f"{key}_parsed"]
            found = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if found is not None:
            return found
    warn_unrecognised_date(entry.get("published") or entry.get("updated"), source)
    return None


def _follow(meta: dict[str, Any], link: str, read_page: PageReader) -> Article:
    try:
        page = read_page(link)
    except InputError as error:
        raise InputError(f"{meta['source']} ({link})", error.reason) from None
    update = {key: value for key, value in meta.items() if getattr(page, key) is None}
    return page.model_copy(update=update | {"source": meta["source"]})


def parse_feed(
    data: bytes, source: str, *, read_page: PageReader | None = None
) -> Iterator[Article | InputError]:
    """Yield one Article (or InputError) per feed entry; `read_page` set means follow links."""
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.entries
    broken = parsed.get("bozo_exception")
    if isinstance(broken, xml.sax.SAXParseException):
        # The lenient parser recovers what it can; keep only entries that survived whole.
        reason = f"malformed feed: {broken.getMessage()} at line {broken.getLineNumber()}"
        entries = [e for e in entries if e.get("link") or _entry_text(e)]
        if not entries:
            yield InputError(source, reason)
            return
        warn(source, f"{reason}; {len(entries)} entries recovered")
    if not entries:
        yield InputError(source, "feed has no entries")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(entries, start=1):
        name = f"{source} entry {number}"
        link = entry.get("link") or None
        text = _entry_text(entry)
        meta = {
            "title": entry.get("title") or None,
            "url": link,
            "author": _author(entry.get("author")),
            "outlet": outlet,
            "published": _entry_date(entry, name),
            "source": name,
        }
        try:
            if read_page is not None and link:
                yield _follow(meta, link, read_page)
            elif text:
                yield Article(text=text, **meta)
            else:
                hint = "" if read_page else " (use --follow to fetch its page)"
                yield InputError(name, f"feed entry has no text{hint}")
        except InputError as error:
            yield error
