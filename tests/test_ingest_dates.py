"""Dates in the forms news inputs carry → the calendar date; anything else → None, never a crash."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from dashboard.ingest.dates import date_or_warn, parse_date
from dashboard.ingest.errors import InputWarning

D = dt.date

EXAMPLES = [
    # ISO 8601, with time and any zone: the date as written (the publisher's local date).
    ("2024-12-19", D(2024, 12, 19)),
    ("2024-12-19T23:30:00-05:00", D(2024, 12, 19)),
    ("2024-12-19T08:00:00Z", D(2024, 12, 19)),
    ("2024-12-19 08:00:00+0100", D(2024, 12, 19)),
    ("2024-12-19T08:00:00.123456+01:00", D(2024, 12, 19)),
    # RFC 822, as RSS writes it.
    ("Thu, 19 Dec 2024 09:15:00 GMT", D(2024, 12, 19)),
    ("Tue, 5 Mar 2024 10:00:00 +0100", D(2024, 3, 5)),
    # Written dates: abbreviations with dots, ordinals, weekdays, times and zones after.
    ("Dec. 19, 2024", D(2024, 12, 19)),
    ("Sept. 5, 2024", D(2024, 9, 5)),
    ("19 December 2024", D(2024, 12, 19)),
    ("December 19th, 2024", D(2024, 12, 19)),
    ("Thursday, December 19, 2024", D(2024, 12, 19)),
    ("Thursday, December 19, 2024 - 10:30 AM EST", D(2024, 12, 19)),
    ("19.12.2024", D(2024, 12, 19)),
    ("2024/12/19", D(2024, 12, 19)),
    # Labels pages put before the date.
    ("Updated: 19 Dec 2024, 10:00 GMT", D(2024, 12, 19)),
    ("Published 12:30 PM, 19 Dec 2024", D(2024, 12, 19)),
    # Epoch numbers from JSON dumps, in seconds or milliseconds.
    (1734600000, D(2024, 12, 19)),
    (1734600000000, D(2024, 12, 19)),
    # Already a date.
    (dt.datetime(2024, 12, 19, 23, 0), D(2024, 12, 19)),
    # Not a full date: relative words are never resolved (no base date), a month or year alone
    # is not a day, nonsense is None.
    ("yesterday", None),
    ("3 days ago", None),
    ("last Tuesday", None),
    ("December 2024", None),
    ("2024", None),
    ("sometime", None),
    ("", None),
    ("31 February 2024", None),
    ("x" * 500, None),
    (None, None),
    (True, None),
    ("0001-01-01", None),
]


@pytest.mark.parametrize("value, expected", EXAMPLES, ids=repr)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_unparseable_date_warns_with_the_source_and_is_none():
    with pytest.warns(
        InputWarning, match=r"^feed.xml entry 2: unrecognised date 'soon', kept as unknown$"
    ):
        assert date_or_warn("soon", "feed.xml entry 2") is None


@pytest.mark.parametrize("value", [None, "", "  "])
def test_missing_date_is_none_without_warning(value):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert date_or_warn(value, "x") is None
