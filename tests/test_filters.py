"""The filter model: URL query string -> Filters -> rows the database returns, and file names."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from dashboard.filters import Filters
from dashboard.queries import export_batches
from dashboard_fixtures import sample_db


class Example(NamedTuple):
    query: str
    mentions: set[str]  # the SAMPLE claims the view keeps, by mention


ALL = {"100", "1,000", "300", "12", "50%"}

EXAMPLES = [
    # no filter, and parameters the dashboard does not know, keep every row
    Example("", ALL),
    Example("?utm_source=mail&page=2", ALL),
    # one value, several values (repeated keys), and (none) for unknown outlet / own voice
    Example("?outlet=Daily+Planet", {"100", "1,000"}),
    Example("?category=killed&category=wounded", {"100", "1,000"}),
    Example("?outlet=(none)", {"12"}),
    Example("?outlet=(none)&outlet=Morning+Star", {"12", "300", "50%"}),
    Example("?speaker=(none)", {"12"}),
    Example("?speaker=Lee+Sung-kwon&speaker=NIS", {"100", "1,000"}),
    Example("?qualifier=vague&qualifier=at_least", {"100", "300"}),
    Example("?quote=direct&quote=indirect", {"100", "300"}),
    # hedged yes/no; any other value means either
    Example("?hedged=yes", {"1,000"}),
    Example("?hedged=no", ALL - {"1,000"}),
    Example("?hedged=maybe", ALL),
    # date bounds are inclusive; undated claims fall outside any bound; bad dates are ignored
    Example("?from=2024-12-19&to=2025-01-05", {"100", "1,000", "300"}),
    Example("?from=2025-01-06", {"50%"}),
    Example("?to=2024-12-31", {"100", "1,000"}),
    Example("?from=yesterday", ALL),
    # free text: case-insensitive words in sentence, counted noun or speaker, all must match
    Example("?q=TROOPS", {"1,000"}),
    Example("?q=injured", {"1,000"}),
    Example("?q=lee", {"100"}),
    Example("?q=soldiers+died", {"100"}),
    Example("?q=soldiers+drones", set()),
    # LIKE wildcards and quotes in the search are literal text, not patterns or SQL
    Example("?q=100%25", {"50%"}),
    Example("?q=50%25", {"12", "50%"}),
    Example("?q=_", set()),
    Example("?q=O'Neil", {"50%"}),
    Example("?speaker=x')+OR+1=1+--", set()),
    # filters combine with AND
    Example("?outlet=Daily+Planet&hedged=no", {"100"}),
    Example("?category=killed&from=2025-01-01", set()),
]


@pytest.fixture(scope="module")
def con():
    return sample_db()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.query or "(empty)" for e in EXAMPLES])
def test_view_keeps_the_matching_rows(con, example: Example) -> None:
    rows = export_batches(con, Filters.from_url(example.query)).read_all().to_pylist()
    assert {r["mention"] for r in rows} == example.mentions


ROUND_TRIPS = [
    Filters(),
    Filters(category=("killed", "wounded"), date_from=dt.date(2024, 1, 1)),
    Filters(outlet=("Daily Planet", "(none)"), speaker=("Lee Sung-kwon",), hedged=False, q="troops"),
    Filters(qualifier=("at_least",), quote=("direct",), date_to=dt.date(2025, 3, 1), hedged=True),
    Filters(q="50% & more", speaker=("O'Neil",)),
]


@pytest.mark.parametrize("filters", ROUND_TRIPS)
def test_link_round_trip(filters: Filters) -> None:
    assert Filters.from_url("http://host:8501/?" + filters.query_string()) == filters


def test_repeated_keys_name_the_url_parameters() -> None:
    filters = Filters(category=("killed", "wounded"), date_from=dt.date(2024, 1, 2), q="a b")
    assert filters.query_string() == "category=killed&category=wounded&from=2024-01-02&q=a+b"


FILE_NAMES = [
    (Filters(), "claims_all.csv"),
    (Filters(category=("killed",)), "claims_category-killed.csv"),
    (Filters(outlet=("Daily Planet",), date_from=dt.date(2024, 1, 1)),
     "claims_outlet-Daily-Planet_from-2024-01-01.csv"),
    (Filters(q="../../etc/passwd"), "claims_q-..-..-etc-passwd.csv"),
    (Filters(speaker=("x" * 200,)), "claims_speaker-" + "x" * 72 + ".csv"),
]


@pytest.mark.parametrize(("filters", "name"), FILE_NAMES)
def test_file_name_says_what_was_filtered(filters: Filters, name: str) -> None:
    assert filters.file_name() == name
    assert "/" not in filters.file_name()
