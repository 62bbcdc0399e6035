"""Read the dates news inputs carry ("2024-12-19", "Dec. 19, 2024", "19 December 2024")."""

from __future__ import annotations

import datetime as dt
import re

_FORMATS = (
    "%Y-%m-%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
    "%Y/%m/%d",
)


def parse_date(value: str) -> dt.date | None:
    """Return the calendar date `value` names, or None when it is not a recognisable date."""
    cleaned = re.sub(r"\s+", " ", value.strip().replace(".", "")).strip(" ,")
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", cleaned)
    if iso:
        cleaned = iso.group(1)
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None
