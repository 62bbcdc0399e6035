"""The bundled example article end to end: the acceptance rows of the foundation issue."""

import pytest

from dashboard.extract import extract_claims
from dashboard.ingest import read_article


@pytest.fixture(scope="module")
def claims(bundled_article_path):
    article = read_article(bundled_article_path)
    rows = extract_claims(article)
    for row in rows:
        row.check_offsets(article.text)
    return rows


def find(claims, mention):
    matches = [c for c in claims if c.mention == mention]
    assert matches, f"no claim {mention!r} in {[c.mention for c in claims]}"
    return matches[0]


def test_over_100_died_is_the_legislators_statistic(claims):
    row = find(claims, "over 100")
    assert (row.qualifier.value, row.low, row.high) == ("more_than", 100, None)
    assert row.category.value == "killed"
    assert row.attributed_to == "Lee Sung-kwon"


def test_thousands_of_troops_is_the_articles_own_voice(claims):
    row = next(c for c in claims if c.mention.startswith("thousands"))
    assert row.qualifier.value == "vague"
    assert row.low == 1000 and row.high in (9999, 10000)
    assert row.category.value == "troops"
    assert row.attributed_to is None and row.quote.value == "none"


def test_at_least_100_fatalities_is_a_direct_quote(claims):
    row = find(claims, "at least 100")
    assert (row.qualifier.value, row.low, row.high) == ("at_least", 100, None)
    assert row.category.value == "killed"
    assert (row.attributed_to, row.quote.value, row.attribution_cue) == (
        "Lee Sung-kwon", "direct", "emphasized"
    )


def test_nearly_1000_injured_is_a_hedged_nis_prediction(claims):
    row = find(claims, "nearly 1,000")
    assert row.qualifier.value == "approximate" and row.high == 1000
    assert row.category.value == "wounded"
    assert row.hedged is True
    assert "National Intelligence Service" in row.attributed_to
    assert row.attribution_cue == "predicted"


def test_several_hundred_casualties_from_us_officials(claims):
    row = find(claims, "several hundred")
    assert row.qualifier.value == "vague"
    assert 100 <= row.low < row.high <= 1000
    assert row.category.value == "casualties"
    assert row.attributed_to == "U.S. military officials" and row.quote.value == "direct"


@pytest.mark.parametrize("not_a_figure", ["2024", "2022", "December", "Thursday", "February"])
def test_dates_are_not_figures(claims, not_a_figure):
    assert not [c for c in claims if not_a_figure in c.mention]
