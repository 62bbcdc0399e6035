"""The dashboard's queries: options, headline numbers, chart data (aggregated when large), context."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import queries, store
from dashboard.filters import NONE_OPTION, Filters
from dashboard.models import Article
from dashboard_fixtures import make_claim, sample_db


@pytest.fixture(scope="module")
def con():
    return sample_db()


def test_options_list_values_most_frequent_first_with_none_for_unknown(con) -> None:
    found = queries.options(con)
    assert found["outlet"] == ["Daily Planet", "Morning Star", NONE_OPTION]
    assert NONE_OPTION in found["speaker"] and "Lee Sung-kwon" in found["speaker"]
    assert {"killed", "money", "other"} <= set(found["category"])  # every category selectable
    assert found["quote"] == ["none", "direct", "indirect"]


def test_metrics_count_distinct_articles_sources_and_speakers(con) -> None:
    assert queries.metrics(con, Filters()) == {"claims": 5, "articles": 1, "sources": 2, "speakers": 4}


def test_small_views_draw_one_mark_per_dated_claim(con) -> None:
    frame, aggregated, undated = queries.timeline(con, Filters(), "speaker", limit=100)
    assert (len(frame), aggregated, undated) == (4, False, 1)
    assert set(frame["colour"]) == {"Lee Sung-kwon", "NIS", "U.S. officials", "Dr. 100% O'Neil"}


def test_large_views_are_aggregated_in_the_database(con) -> None:
    frame, aggregated, undated = queries.timeline(con, Filters(), "category", limit=2)
    assert aggregated and undated == 1
    assert frame.attrs["bucket"] == "day"
    assert frame["claims"].sum() == 4
    killed = frame[frame["colour"] == "killed"].iloc[0]
    assert (killed["low"], killed["open_high"]) == (100, 1)


def test_colours_are_capped_and_the_rest_grouped() -> None:
    many = [make_claim("7", attributed_to=f"Speaker {i}", published=dt.date(2025, 1, 1))
            for i in range(queries.MAX_COLOURS + 5)]
    frame, _, _ = queries.timeline(sample_db(claims=many), Filters(), "speaker", limit=100)
    assert frame["colour"].nunique() == queries.MAX_COLOURS + 1
    assert (frame["colour"] == "(others)").sum() == 5


def test_who_claims_what_counts_by_speaker_and_outlet(con) -> None:
    by_outlet = queries.counts_by(con, Filters(), "outlet")
    totals = by_outlet.groupby("who")["claims"].sum().to_dict()
    assert totals == {"Daily Planet": 2, "Morning Star": 2, "(unknown outlet)": 1}
    by_speaker = queries.counts_by(con, Filters(category=("other",)), "speaker")
    assert by_speaker.to_dict("records") == [{"who": queries.OWN_VOICE, "category": "other", "claims": 1}]


def test_table_is_limited_and_newest_first(con) -> None:
    table = queries.table(con, Filters(), limit=3)
    assert list(table["mention"]) == ["50%", "300", "100"]


def test_claim_context_joins_the_article_text(tmp_path) -> None:
    db = store.connect(tmp_path / "f.duckdb")
    article = Article(text="Intro line. Crews saved 31 people.", title="Rescue", url="https://x.example/1")
    store.ingest(db, [article])
    claim_id = db.execute("SELECT claim_id FROM claims").fetchone()[0]
    found = queries.claim_context(db, claim_id)
    assert found is not None and found["text"] == article.text and found["mention"] == "31"
    assert queries.claim_context(db, "c_missing") is None
