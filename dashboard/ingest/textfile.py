"""The plain-text article format the project ships in `data/articles/`.

    Title on the first line
    2024-12-19                  (optional header lines: a bare date, or `Key: value`)
    Author: Wei
    Source: Example News
    URL: https://example.com/story
                                (an optional blank line)
    Body text, one paragraph per line …

Header keys are case-insensitive: `Author`/`By`, `Date`/`Published`, `Source`/`Outlet`/
`Publisher`, `URL`/`Link`. The first line that is neither a date nor a known key starts the body.
"""

from __future__ import annotations

import re

from dashboard.ingest.dates import date_or_warn, parse_date
from dashboard.ingest.errors import InputError
from dashboard.models import Article

_HEADER_KEYS = {
    "author": "author",
    "by": "author",
    "byline": "author",
    "date": "published",
    "published": "published",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")


def parse_text_article(content: str, source: str) -> Article:
    """Build an Article from text in the project's format; raise InputError if it has no body."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise InputError(source, "empty file: no title and no text")
    title = lines[0].strip()
    meta: dict[str, str] = {}
    index = 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            break
        header = _HEADER_LINE.match(line)
        if header and header.group(1).lower() in _HEADER_KEYS:
            meta[_HEADER_KEYS[header.group(1).lower()]] = header.group(2)
        elif parse_date(line) is not None and "published" not in meta:
            meta["published"] = line
        else:
            break
        index += 1
    body = "\n".join(lines[index:]).strip()
    if not body:
        raise InputError(source, "no article text after the title and header lines")
    published = date_or_warn(meta.get("published"), source)
    return Article(
        text=body,
        title=title or None,
        author=meta.get("author") or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=published,
        source=source,
    )
