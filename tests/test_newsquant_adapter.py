"""The NewsQuant adapter: how a figure's bound, movement and unit map to NewsQuant's labels.

NewsQuant labels a figure's `change` from CQE's bound lexicon (`=`, `~`, `>`, `<`, `up`,
`down`) and names a plain count's unit by its counted noun; `benchmarks/adapters.py` maps our
fields to those conventions. Rows: sentence -> the (value, unit, change) of each prediction.
"""

from __future__ import annotations

import pytest

from benchmarks.adapters import newsquant

ROWS = [
    # a movement is up/down; a bound wins over it
    ("Shares rose 4.5% on Monday.", [(4.5, "percentage", "up")]),
    ("The index slipped 0.7 points.", [(0.7, "point", "down")]),
    ("Profits climbed more than 8% this year.", [(8, "percentage", ">")]),
    # an average is approximate; "just" marks an exact figure even after a movement verb
    ("The guard averaged 11.2 points a game.", [(11.2, "point", "~")]),
    ("GDP grew by just 2% last year.", [(2, "percentage", "=")]),
    # additions and a comparative after the figure are not NewsQuant movements
    ("The plan adds an additional 20 miles of track.", [(20, "mile", "=")]),
    ("The stock closed 4.5% higher at $12.", [(4.5, "percentage", "="), (12, "dollar", "=")]),
    ("Shares fell a further 2% on Monday.", [(2, "percentage", "down")]),
    # the level a movement reaches is NewsQuant's `=` (our `change` moves it, DESIGN.md)
    ("Casualties may climb to nearly 800.", [(800, None, "~")]),
    ("Inflation rose to 2.5% in May.", [(2.5, "percentage", "=")]),
    # a conversion in parentheses is labelled as the figure it converts
    ("The car's speed falls to 87 mph (140 km/h).", [(87, "mile per hour", "="),
                                                    (140, "kilometre per hour", "=")]),
    ("The river fell 2 metres (6.6 feet) overnight.", [(2, "metre", "down"), (6.6, "foot", "down")]),
    # a fraction's unit is "% " and what it is a fraction of
    ("A quarter of the population is over 65.", [(0.25, "% population", "="), (65, None, ">")]),
    ("Almost half of which are abroad.", [(0.5, "% -", "~")]),
    ("One in five adults smokes.", [(0.2, "% adult", "=")]),
    # a plain count is named by its counted noun, singular and lower case
    ("The ministry hired 40 new teachers.", [(40, "new teacher", "=")]),
    ("The lab ran 3,000 tests per day.", [(3000, "test per day", "=")]),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS, ids=[r[0][:50] for r in ROWS])
def test_newsquant_labels(sentence: str, expected: list[tuple]) -> None:
    got = [(p["value"], p["unit"], p["change"]) for p in newsquant(sentence)]
    assert got == [(pytest.approx(v), u, c) for v, u, c in expected]
