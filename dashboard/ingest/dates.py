"""Read the dates news inputs carry: ISO 8601 with or without time and zone, RFC 822 from feeds
("Thu, 19 Dec 2024 09:15:00 GMT"), and written dates ("Dec. 19, 2024", "19 December 2024").

A timestamp keeps the calendar date it was written in (the publisher's local date), not UTC.
Fast paths (ISO, RFC 822, a few `strptime` forms) come first; dateparser handles the rest with
settings that never resolve relative words ("yesterday", "3 days ago") and require day, month and
year, so nothing is guessed from the clock. Unknown → None; `date_or_warn` also warns.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import cache

from dashboard.extract.lexicon import load_words
from dashboard.ingest.errors import warn

_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
    "%Y/%m/%d",
)
_DATEPARSER_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
#: Longer strings are not a date field; dateparser gets slow on them.
_MAX_LENGTH = 80
_YEARS = range(1800, 2200)
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$"
)


@cache
def _date_parser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser  # imported on first use: it loads slowly

    return DateDataParser(languages=["en"], settings=_DATEPARSER_SETTINGS)


@cache
def _label() -> re.Pattern[str]:
    words = sorted(load_words("date_labels.txt"), key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(map(re.escape, words)) + r")\b\s*:?\s*)+", re.I)


def _iso(text: str) -> dt.date | None:
    if not _ISO.match(text):
        return None
    try:
        return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).date()
    except ValueError:
        return None


def _rfc822(text: str) -> dt.date | None:
    if not re.search(r"\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}:\d{2}", text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str) -> dt.date | None:
    cleaned = re.sub(r"\s+", " ", text.replace(".", "")).strip(" ,")
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _timestamp(value: float) -> dt.date | None:
    seconds = value / 1000 if value > 1e11 else value  # milliseconds since the epoch
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def parse_date(value: object) -> dt.date | None:
    """The calendar date `value` (a string, date, datetime or epoch number) names, or None."""
    if isinstance(value, dt.datetime):
        found: dt.date | None = value.date()
    elif isinstance(value, dt.date):
        found = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        found = _timestamp(float(value))
    elif isinstance(value, str) and 0 < len(value.strip()) <= _MAX_LENGTH:
        text = _label().sub("", value.strip()).strip()
        found = _iso(text) or _rfc822(text) or _written(text)
        if found is None and re.search(r"\d{4}", text):
            parsed = _date_parser().get_date_data(text).date_obj
            found = parsed.date() if parsed else None
    else:
        found = None
    return found if found is not None and found.year in _YEARS else None


def date_or_warn(value: object, source: str) -> dt.date | None:
    """`parse_date`, with an InputWarning naming the input when a given value is not a date."""
    found = parse_date(value)
    if found is None:
        warn_unrecognised_date(value, source)
    return found


def warn_unrecognised_date(value: object, source: str) -> None:
    """The InputWarning for a date value `parse_date` could not read (none for a blank one)."""
    if value is not None and not (isinstance(value, str) and not value.strip()):
        warn(source, f"unrecognised date {value!r}, kept as unknown")
