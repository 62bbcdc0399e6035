"""Properties of the quantity parser that hold for any text, and adversarial inputs.

Hypothesis feeds arbitrary and number-heavy text: extraction never raises, every offset points
at its mention, and intervals are ordered. The adversarial inputs (huge digit runs, thousands of
separators, long runs of number words, unbalanced quotes) must simply finish; their speed is
measured in `benchmarks/scaling.py`, not asserted here.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.extract import extract_claims
from dashboard.extract.quantities import find_quantities
from dashboard.models import Article

_PIECES = [
    "1", "23", "1,000", "3.5", "0.5", "-", "–", "to", "and", "between", "from", "$", "£", "€",
    "US$", "A$", "%", "per cent", "m", "bn", "k", "million", "billion", "thousand", "hundred",
    "dozen", "dozens", "hundreds", "thousands", "tens of", "several", "a few", "a", "one",
    "two", "twenty", "-five", "half", "third", "thirds", "quarter", "at least", "more than",
    "over", "up to", "nearly", "about", "just under", "or more", "plus", "+", "rose", "fell",
    "by", "troops", "killed", "km", "miles", "per", "hour", "year-old", "'", '"', "(", ")",
    ",", ".", "/", ":", "December", "2022", "Thursday", "2.15pm", "21st", "G7", "in", "of",
    "½", "×", "10", "−", "°", "C", "x", "the", "number", "may", "soar",
]

number_heavy = st.lists(st.sampled_from(_PIECES), max_size=40).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts))
)
any_text = st.one_of(st.text(max_size=200), number_heavy)


def _check(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.mention
        for bound in (q.low, q.high, q.value):
            assert bound is None or math.isfinite(bound)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.value is not None and q.low is not None:
            assert q.low <= q.value or math.isclose(q.low, q.value)
        if q.value is not None and q.high is not None:
            assert q.value <= q.high or math.isclose(q.value, q.high)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_find_quantities_never_raises_and_offsets_hold(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(number_heavy.filter(lambda t: t.strip()))
def test_pipeline_never_raises(text: str) -> None:
    for claim in extract_claims(Article(text=text)):
        claim.check_offsets(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "$", "£", "€"]))
def test_grouped_digits_read_back(number: int, sign: str) -> None:
    text = f"They counted {sign}{number:,} in total."
    found = find_quantities(text)
    assert found and found[0].value == number


# Adversarial inputs: they must finish (time is measured in benchmarks/scaling.py).
def test_found_by_hypothesis() -> None:
    """Inputs hypothesis once broke the parser with (kept as regressions)."""
    for text in ("²", "1000", ".0.0", ".5.5.5", "1,2,3.4.5"):
        _check(text)


def test_hundred_thousand_digits() -> None:
    _check("The code was " + "7" * 100_000 + " long.")


def test_thousands_of_commas() -> None:
    _check("1" + ",000" * 5_000 + " people")
    _check(",".join(["1"] * 5_000))
    _check("1,2" * 5_000)


def test_long_runs_of_number_words() -> None:
    _check(" ".join(["one", "two", "three", "hundred", "thousand", "and", "a", "half"] * 2_000))
    _check("-".join(["twenty"] * 5_000))


def test_unbalanced_quotes_and_brackets() -> None:
    _check("'" * 10_000 + " 5 " + '"' * 10_000 + "(" * 5_000 + "$3m")


def test_huge_scales_and_exponents() -> None:
    _check("5" + " million" * 5_000 + " and 1×10999 and 2×10−999 and 3 x 10^400")
    _check("999999999999999×10300 and 9" + " trillion" * 50)
    _check("2×10" + "9" * 5_000 + " and 1/" + "9" * 100_000 + " and 3 x 10^" + "1" * 6_000)


def test_many_ranges_and_dashes() -> None:
    _check(" - ".join(str(i) for i in range(10_000)))
    _check(" to ".join(["between 1 and 2"] * 2_000))
