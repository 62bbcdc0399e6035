"""Assign a category (killed, wounded, money, percent …) to a figure from the category lexicon."""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.extract.lexicon import load_json
from dashboard.extract.wordtrie import trie_pattern
from dashboard.models import Category

#: An ISO 4217 code, alone or as a rate ("USD per barrel"), or a minor unit of a currency.
_CURRENCY_UNITS_RE = re.compile(r"^(?:[A-Z]{3}|currency|cent|pence|sen)(?: per .+)?$")
_PERCENT_UNITS = {"percent", "percentage point", "fraction"}


_STEMS = {
    Category(name): [s.strip() for s in stems]
    for name, stems in load_json("categories.json").items()
    if not name.startswith("_")
}
#: Each category's stems as one pattern (longest stem first, as a trie).
_TABLE = [
    (category, re.compile(rf"\b(?:{trie_pattern(stems)})", re.IGNORECASE))
    for category, stems in _STEMS.items()
]
#: Where any category word starts: the per-category patterns are only tried there.
_ANY = re.compile(
    rf"\b(?=(?:{trie_pattern(s for stems in _STEMS.values() for s in stems)}))", re.IGNORECASE
)


def categorize(
    unit: str | None, counted: str | None, sentence: str, mention_start: int, mention_end: int
) -> Category:
    """Category of a figure from its unit, then its counted noun, then the nearest cue word.

    `mention_start`/`mention_end` are offsets of the figure inside `sentence`.
    """
    if unit and not unit.startswith("per "):  # "3,000 troops a month" is still troops
        if unit in _PERCENT_UNITS:
            return Category.percent
        if _CURRENCY_UNITS_RE.match(unit):
            return Category.money
        return Category.other  # a measure (km, year, tonne) is not a head count
    if counted:
        for category, pattern in _TABLE:
            if pattern.search(counted):
                if category in _SECONDARY:  # "soldiers have been wounded": wounded
                    near = _nearest(sentence, mention_start, mention_end, _CLOSE)
                    if near not in _SECONDARY and near != Category.other:
                        return near
                return category
    return _nearest(sentence, mention_start, mention_end)


#: Head-count categories (troops, weapons) only win when no casualty word is in the sentence:
#: in "injured troops may soar to nearly 1,000" the figure counts the injured, not the troops.
_SECONDARY = {Category.troops, Category.weapons}


#: How far (characters) a casualty word may be from a head count to take it over.
_CLOSE = 60


def _nearest(
    sentence: str, mention_start: int, mention_end: int, within: int | None = None
) -> Category:
    best: tuple[bool, int, int, Category] | None = None
    for rank, category, start, end in _matches(sentence):
        if start < mention_end and mention_start < end:
            continue
        distance = start - mention_end if start >= mention_end else mention_start - end
        if within is not None and distance > within:
            continue
        candidate = (category in _SECONDARY, distance, rank, category)
        if best is None or candidate < best:
            best = candidate
    return best[3] if best else Category.other


@lru_cache(maxsize=64)
def _matches(sentence: str) -> tuple[tuple[int, Category, int, int], ...]:
    """(rank, category, start, end) of every category word in the sentence; cached, as the
    figures of one sentence follow each other."""
    found = []
    free = [0] * len(_TABLE)  # each category's matches do not overlap, as with finditer
    for start in (m.start() for m in _ANY.finditer(sentence)):
        for rank, (category, pattern) in enumerate(_TABLE):
            hit = pattern.match(sentence, start) if start >= free[rank] else None
            if hit:
                found.append((rank, category, start, hit.end()))
                free[rank] = hit.end()
    return tuple(found)
