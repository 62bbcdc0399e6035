"""Claims and databases built directly, for the dashboard's tests (store, filters, queries).

The parser is tested elsewhere; these tests need claims with specific speakers, outlets, dates
and intervals, so they build `Claim` rows themselves and load them as the store does.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import duckdb

from dashboard import store
from dashboard.models import Claim, Qualifier, make_claim_id
from dashboard.schema import SCHEMA_SQL, claim_table

_ids = itertools.count()


def make_claim(mention: str = "100", sentence: str | None = None, **fields: object) -> Claim:
    """A valid Claim whose mention sits in its sentence; any field can be overridden."""
    sentence = sentence or f"Officials said {mention} people were hurt."
    start = sentence.index(mention)
    article_id = str(fields.pop("article_id", "a_test"))
    defaults: dict[str, object] = {"qualifier": Qualifier.exact}
    return Claim(
        **{
            "claim_id": make_claim_id(f"{article_id}-{next(_ids)}", start, start + len(mention)),
            "article_id": article_id,
            "mention": mention,
            "sentence": sentence,
            "char_start": start,
            "char_end": start + len(mention),
            **defaults,
            **fields,
        }
    )


#: A small view of the world: who claimed what, where and when (mention is the row's name).
SAMPLE = [
    make_claim("100", outlet="Daily Planet", attributed_to="Lee Sung-kwon", category="killed",
               qualifier="at_least", low=100, value=100, published=dt.date(2024, 12, 19),
               quote="direct", sentence="At least 100 soldiers died, Lee said."),
    make_claim("1,000", outlet="Daily Planet", attributed_to="NIS", category="wounded",
               qualifier="approximate", low=900, high=1000, value=1000, hedged=True,
               published=dt.date(2024, 12, 19), counted="injured troops",
               sentence="Injuries may reach nearly 1,000 troops."),
    make_claim("300", outlet="Morning Star", category="casualties", qualifier="vague", low=200,
               high=900, value=None, published=dt.date(2025, 1, 5), quote="indirect",
               attributed_to="U.S. officials", sentence="Several hundred, or 300, casualties."),
    make_claim("12", outlet=None, category="other", published=None, low=12, high=12, value=12,
               sentence="The 12 drones were 50% off."),
    make_claim("50%", outlet="Morning Star", category="percent", unit="percent", low=50,
               high=50, value=50, published=dt.date(2025, 2, 1), attributed_to="Dr. 100% O'Neil",
               sentence="Prices rose 50% this year."),
]


def sample_db(path: Path | str = ":memory:", claims: list[Claim] = SAMPLE) -> duckdb.DuckDBPyConnection:
    """A database holding `claims` (claims table only, no articles)."""
    con = duckdb.connect(str(path))
    for statement in SCHEMA_SQL:
        con.execute(statement)
    store.insert_claims(con, claim_table(claims))
    return con
