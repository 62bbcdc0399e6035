"""The claim model: validation and stable ids."""

import datetime as dt

import pytest
from pydantic import ValidationError

from dashboard.models import CLAIM_COLUMNS, Article, Claim, make_article_id, make_claim_id

DESIGN_COLUMNS = (
    "claim_id article_id outlet published title url author mention value low high qualifier "
    "qualifier_text unit counted category change attributed_to speaker_role attribution_cue "
    "quote hedged sentence char_start char_end"
).split()


def claim(**overrides):
    fields = dict(
        claim_id="c_1", article_id="a_1", mention="at least 100", value=100.0, low=100.0,
        high=None, qualifier="at_least", sentence="There were at least 100 deaths.",
        char_start=11, char_end=23,
    )
    fields.update(overrides)
    return Claim(**fields)


def test_columns_follow_the_design_table():
    assert list(CLAIM_COLUMNS) == DESIGN_COLUMNS


def test_a_valid_claim_keeps_its_interval_meaning():
    row = claim()
    assert (row.low, row.high, row.qualifier.value) == (100.0, None, "at_least")


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"low": 10.0, "high": 5.0}, "low 10.0 is above high 5.0"),
        ({"char_start": 23, "char_end": 23}, "must be below"),
        ({"char_start": -1}, "greater than or equal"),
        ({"qualifier": "roughly"}, "Input should be"),
        ({"category": "deaths"}, "Input should be"),
        ({"mention": "200"}, "is not in its sentence"),
        ({"mention": ""}, "at least 1 character"),
    ],
)
def test_invalid_claims_are_refused(overrides, message):
    with pytest.raises(ValidationError, match=message):
        claim(**overrides)


def test_offsets_are_checked_against_the_article_text():
    text = "There were at least 100 deaths."
    claim().check_offsets(text)
    with pytest.raises(ValueError, match="do not point at"):
        claim(char_start=10, char_end=22).check_offsets(text)
    with pytest.raises(ValueError, match="do not point at"):
        claim().check_offsets(text[:15])


def test_article_id_prefers_url_then_metadata_then_content():
    by_url = make_article_id("body", url="https://example.com/a", title="T")
    assert by_url == make_article_id("other body", url="https://example.com/a")
    by_meta = make_article_id("body", title="T", published=dt.date(2024, 12, 19))
    assert by_meta == make_article_id("changed body", title="T", published=dt.date(2024, 12, 19))
    by_text = make_article_id("body")
    assert by_text != make_article_id("body!")
    assert len({by_url, by_meta, by_text}) == 3


def test_ids_are_stable_across_runs():
    # Literal values: a change in hashing would silently duplicate every stored article.
    assert make_article_id("body") == "a_25ccb9c5b5090550"
    assert make_claim_id("a_1", 11, 23) == make_claim_id("a_1", 11, 23)
    assert make_claim_id("a_1", 11, 23) != make_claim_id("a_1", 11, 24)


def test_article_needs_text():
    with pytest.raises(ValidationError):
        Article(text="")
    assert Article(text="x").text_hash != Article(text="y").text_hash
