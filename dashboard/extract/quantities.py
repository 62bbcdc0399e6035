"""Find the figures in a text: numbers with their qualifier, interval, unit and counted noun.

`find_quantities(text)` is the one public function. It is pure (no I/O, no global state) and
returns `Quantity` records whose offsets point into the text it was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.models import Change, Qualifier


@dataclass(frozen=True)
class Quantity:
    """One figure as written, with its interval meaning. Offsets are into the searched text."""

    start: int
    end: int
    mention: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    qualifier_text: str | None = None
    unit: str | None = None
    counted: str | None = None
    change: Change | None = None


_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")


def find_quantities(text: str) -> list[Quantity]:
    """Return the figures in `text`, in order of position. (Placeholder: plain digits only.)"""
    out = []
    for m in _NUMBER.finditer(text):
        value = float(m.group().replace(",", ""))
        out.append(Quantity(m.start(), m.end(), m.group(), value, value, value, Qualifier.exact))
    return out
