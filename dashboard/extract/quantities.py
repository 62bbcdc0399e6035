"""Find the figures in a text: numbers with their qualifier, interval, unit and counted noun.

`find_quantities(text)` is the one public function. It is pure (no I/O, no global state) and
returns `Quantity` records whose offsets point into the text it was given.

One left-to-right pass over the tokens: at each token that can start a number, read the number
(`numbers.py`), the currency sign before it and the unit after it (`units.py`), a second number
that makes it a range, the bound or hedge words around it, a movement word that makes it a
change, and the noun it counts. Context rules drop what is not a figure (years, dates, clock
times, ordinals, ids, addresses, phone numbers, scores, idioms, "one" as a pronoun).

Interval conventions (DESIGN.md; spread from `lexicons/qualifiers.json`, 10%):
exact [v, v]; approximate ("about") [0.9v, 1.1v]; "nearly"/"almost" approximate [0.9v, v];
at_least / more_than [v, open); "just over" [v, 1.1v]; at_most / less_than [0, v] for a
positive v; "just under" less_than [0.9v, v]; ranges [low, high] with value the midpoint;
vague amounts from `lexicons/numbers.json` ("hundreds" 100-1000, "several hundred" 200-900).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dashboard.extract.lexicon import load_json, load_words
from dashboard.extract.numbers import (
    ANCHORS, WORD_NUMBERS, Number, Tokens, edge_tokens, is_plural, parse_number,
)
from dashboard.extract.units import (
    UNIT_WORDS, currency_before, denominator_after, glued_code_only, of_unit, unit_after,
)
from dashboard.extract.wordtrie import trie_pattern
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


_QUAL = load_json("qualifiers.json")
_BEFORE: dict[str, Qualifier] = {k: Qualifier(v) for k, v in _QUAL["before"].items()}
_AFTER: dict[str, Qualifier] = {k: Qualifier(v) for k, v in _QUAL["after"].items()}
_JUST_UNDER = frozenset(_QUAL["just_under"])
_JUST_OVER = frozenset(_QUAL["just_over"])
_SPREAD: float = _QUAL["approximate_spread"]
_BEFORE_LAST = edge_tokens(_BEFORE, last=True)
_AFTER_FIRST = edge_tokens(_AFTER)

_CHG = load_json("changes.json")
_CHANGE_BEFORE = {w: Change.increase for w in _CHG["increase"]["before"]} | {
    w: Change.decrease for w in _CHG["decrease"]["before"]
}
_CHANGE_AFTER = {w: Change.increase for w in _CHG["increase"]["after"]} | {
    w: Change.decrease for w in _CHG["decrease"]["after"]
}
_MEASURED_ONLY = frozenset(_CHG["measured_only"])
_PARTICLES = frozenset(_CHG["particles"])
_RELATIVE_ONLY = frozenset(_CHG["relative_only"])
_NEEDS_BY = frozenset(_CHG["needs_by"])
_ADDITIONS = frozenset(_CHG["additions"])
_RELATIVE_UNITS = frozenset(
    {"percent", "percentage point", "basis point", "point", "pence", "cent", "sen"}
)
_CHANGE_LAST = edge_tokens(_CHANGE_BEFORE, last=True)

_NF = load_json("non_figures.json")
_MONTHS = frozenset(_NF["months"])
_WEEKDAYS = frozenset(_NF["weekdays"])
_YEAR_WORDS = frozenset(_NF["year_words"])
_CLOCK = frozenset(_NF["clock"])
_CLOCK_FIRST = edge_tokens(_CLOCK)
_ORDINAL = frozenset(_NF["ordinal_suffixes"])
_ID_WORDS = frozenset(_NF["id_words"])
_STREETS = frozenset(_NF["street_words"])
_PRONOUN_ONE = frozenset(_NF["pronoun_one"])
_ONE_AFTER = frozenset(_NF["one_after"])
_NOT_HALF_AFTER = frozenset(_NF["not_half_after"])
_RANK_WORDS = frozenset(_NF["rank_words"])
_YEAR_DETERMINERS = frozenset(_NF["year_determiners"])
_IDIOMS: dict[str, list[str]] = {}
for _idiom in _NF["idioms"]:
    for _part in _idiom.replace("-", " ").replace("/", " ").split():
        if _part in ANCHORS or _part[0].isdecimal():
            _IDIOMS.setdefault(_part, []).append(_idiom)

_STOP = load_words("counted_stopwords.txt")
_NOUN_BEFORE = frozenset({"number", "numbers", "total", "count", "tally", "toll"})
_STARTS = frozenset("0123456789.")  # first characters of a token that may start a number
#: A digit or a word that can start a number, in lower-cased text: without one (most sentences)
#: there is no figure, and the tokenizer is skipped. (Digits first: a fast scan.)
_DIGIT = re.compile(r"[0-9]")
_ANCHOR_WORD = re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(ANCHORS)})(?![^\W\d_])")
_DURATIONS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
#: Words before "over N years" that keep "over" as "more than" ("in over 20 years").
_OVER_MEANS_MORE = frozenset({"in", "for", "after", "of", "since", "with", "been", "took", "lasted"})
_LIST_JOINS = frozenset({",", "and", ", and", "or", ", or"})
_ONE_OF_A_FEW = frozenset({"a", "an", "one", "another"})  # "a striker or two"
_COMPARED = frozenset({"from", "versus", "vs", "vs.", "compared with", "compared to"})
_DETERMINERS = frozenset({"the", "those", "these", "their", "its", "his", "her", "our", "all"})
_PART_OF_WORDS = _DETERMINERS | {"a", "an", "last", "first", "next", "past", "combined", "total"}
_QUOTES = frozenset("'\"‘’“”")
_DASHES = frozenset({"-", "–", "—", "‐"})
_SKIP_TO_CHANGE = frozenset(
    {"by", "a", "an", "only", "just", "some", "sharply", "slightly", "marginally", "again",
     "further", "nearly", "about", "around", "almost", "roughly", "more", "than", "over",
     "another", "and", "strongly", "steadily", "modestly", "as", "much", "many"}
)


def find_quantities(text: str) -> list[Quantity]:
    """Return the figures in `text`, in order of position."""
    if not _DIGIT.search(text) and not _ANCHOR_WORD.search(text.lower()):
        return []
    tok = Tokens(text)
    out: list[Quantity] = []
    candidates = [k for k, low in enumerate(tok.low) if low in ANCHORS or low[0] in _STARTS]
    resume = 0
    source: Quantity | None = None  # the figure a bracketed conversion converts
    for i in candidates:
        if i < resume or (tok.word[i] == "." and not tok.is_digits(i + 1)):
            continue
        found, resume = _quantity_at(tok, i)
        if found:
            between = text[out[-1].end : found.start].strip() if out else ""
            if between == "(":
                source = out[-1]
            elif source is None or between not in ("/", ",", "or"):
                source = None
            if source is not None:
                found = _same_bound(found, source)
            elif found.change is None and out and out[-1].change and (
                between in (", or", "or")
                or text[max(0, found.start - 9) : found.start].rstrip().endswith(" by")
                or _same_movement(between, found, out[-1])
            ):  # "rose $1.20, or 1.5%, to …"; "Ross was down 2.3%, Burlington by 2.6%"
                found = replace(found, change=out[-1].change)
            if between[:2] == "of" and _part_of(between) and (
                out[-1].unit in (None, "fraction") and not out[-1].counted
            ):
                # "12 of the 40 MPs", "two-thirds of the 1,200 staff": the first figure
                # counts what the second does
                out[-1] = replace(out[-1], unit=out[-1].unit or found.unit, counted=found.counted)
            out.append(found)
    _share_list_units(text, out)
    return out


def _same_movement(between: str, q: Quantity, before: Quantity) -> bool:
    """ "rose 0.2% m/m and 3.1% y/y": a second relative figure joined by "and" moves alike."""
    words = between.lower().split()
    return q.unit == before.unit and q.unit in _RELATIVE_UNITS and bool(words) and (
        words[-1] == "and" and len(words) <= 4
    )


def _part_of(between: str) -> bool:
    """ "of", "of the", "of its last": the words joining a part to its whole."""
    words = between.lower().split()
    return bool(words) and words[0] == "of" and len(words) <= 3 and all(
        w in _PART_OF_WORDS for w in words[1:]
    )


def _share_list_units(text: str, out: list[Quantity]) -> None:
    """A list written with one unit at its end: "45, 50 and 61 per cent" are all percentages;
    a bare figure compared with the one before, or listed after a measure, shares its unit:
    "3 million subscribers, down from 3.5 million", "two men aged 19 and 23"."""
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        if q.unit is None and q.counted is None and (nxt.unit or nxt.counted):
            if text[q.end : nxt.start].strip() in _LIST_JOINS:
                out[k] = replace(q, unit=nxt.unit, counted=nxt.counted)
    for k in range(1, len(out)):
        q, before = out[k], out[k - 1]
        if q.unit is None and q.counted is None and (before.unit or before.counted):
            between = text[before.end : q.start]
            words = between.lower().split()
            if (len(between) < 40 and words and (
                words[-1] in _COMPARED or " ".join(words[-2:]) in _COMPARED
            )) or (before.unit and between.strip() in _LIST_JOINS):
                out[k] = replace(q, unit=before.unit, counted=before.counted)


def _same_bound(q: Quantity, before: Quantity) -> Quantity:
    """A conversion in brackets shares the bound and the movement of the figure it converts:
    "over €140m (£115m)", "fell by 1 to 1.5C (1.8 to 2.7F)", "under 296 hp (224 kW / 300 PS)"."""
    if q.change is None and before.change is not None:
        q = replace(q, change=before.change)
    if q.qualifier != Qualifier.exact or before.qualifier in (
        Qualifier.exact, Qualifier.range, Qualifier.vague
    ) or q.value is None:
        return q
    value, low, high = _bounds(q.value, before.qualifier, before.qualifier_text)
    return replace(
        q, low=low, high=high, qualifier=before.qualifier, qualifier_text=before.qualifier_text
    )


def _quantity_at(tok: Tokens, i: int) -> tuple[Quantity | None, int]:
    """Read the figure whose number starts at token `i`; return it (or None) and where to go on."""
    sign = currency_before(tok, i)
    if sign is None and i > 1 and tok.word[i - 1] in ("-", "−") and tok.glued(i):
        sign = currency_before(tok, i - 1)  # "$-50.8bn"
    currency = sign[1] if sign else None
    num = parse_number(tok, i, money=bool(currency))
    if num is None:
        return None, i + 1
    if _idiom(tok, num):
        return None, max(num.last, i + 1)
    if sign and glued_code_only(tok, sign[0]) and num.plain:
        sign, currency = None, None  # "PS5", "RM3": model names, not money
    first = sign[0] if sign else num.first
    k = first - 1
    if sign and num.kind == "digits" and k >= 0 and tok.word[k] in ("-", "−") and (
        tok.glued(first) and (k == 0 or not tok.glued(k) or not tok.word[k - 1][0].isalnum())
    ):
        num.value, first = -num.value, k  # "-$2.3m": a minus before the currency sign
    unit, last = unit_after(tok, num.last, currency, num.scaled)
    second, marker, unit2, last = _range(tok, num, first, unit, last, currency)
    if second is not None and (unit is None or unit == currency):
        unit = unit2
    if second is None and _score_or_phone(tok, num, unit):
        return None, _skip_range(tok, num)
    if second is None and _not_a_figure(tok, num, unit, currency, first):
        return None, max(num.last, i + 1)
    if second is not None and _year_or_score(num, second, unit, tok):
        return None, max(second.last, _skip_range(tok, num))
    unit = unit or currency
    if unit is None and num.plain and _age(tok, num):
        unit = "year of age"
    qual, qual_text, qual_first = _qualifier_before(tok, marker if marker is not None else first)
    if qual_text and qual_text.lower() == "over" and unit in _DURATIONS and (
        qual_first == 0 or tok.low[qual_first - 1] not in _OVER_MEANS_MORE
    ):  # "€50bn over four years": across a period, not more than it
        qual, qual_text, qual_first = None, None, first
    start_tok = min(qual_first, marker if marker is not None else first)
    post_qual, last = _qualifier_after(tok, last)
    if post_qual and not qual:
        qual, qual_text = post_qual
    unit, counted, last = _what_it_counts(tok, num, second, unit, last)
    change = _change(tok, start_tok, last, unit, num)
    value, low, high, qualifier = _interval(num, second, qual, qual_text)
    if second is not None and marker is not None and tok.low[marker] == "from":
        change = _movement(num.value, second.value, change, tok, marker)
    if qualifier == Qualifier.vague:
        qual_text = num.vague_text
    elif qualifier == Qualifier.exact or (
        qualifier == Qualifier.range and qual != Qualifier.approximate
    ):
        qual_text = None  # a range keeps only a hedge: "about 20-30"
    start, end = tok.start[start_tok], tok.end[last - 1]
    mention = tok.text[start:end]
    return (
        Quantity(start, end, mention, value, low, high, qualifier, qual_text, unit, counted, change),
        last,
    )


def _what_it_counts(
    tok: Tokens, num: Number, second: Number | None, unit: str | None, last: int
) -> tuple[str | None, str | None, int]:
    """(unit, counted noun, end token) for a figure whose own unit may still be unknown."""
    counted = None
    if unit is None and num.kind != "fraction":
        counted, unit, last = _compound(tok, last)
    if unit is None and counted is None:
        counted, after = _counted(tok, last, (second or num).value, num)
        head = _unit_word(counted)
        if head:  # "517 rushing yards", "50 previous years": the noun is a unit
            unit, counted = head, None
        elif counted and after > last:
            unit = _count_rate(tok, after)
    if num.kind == "fraction" and second is None:
        unit, after = of_unit(tok, last)
        if unit:  # "a third of a mile"
            counted, last = None, after
        else:
            unit = "fraction"
    return unit, counted, last


# --------------------------------------------------------------------------- ranges
def _range(
    tok: Tokens, num: Number, first: int, unit: str | None, last: int, currency: str | None
) -> tuple[Number | None, int | None, str | None, int]:
    """A second number making a range: "20-30", "20 to 30", "between 20 and 30", "from 208 to 193".

    Returns (second number or None, token of "between"/"from" or None, the second number's unit,
    end token).
    """
    end = last  # where the figure ends when no range follows
    if num.kind == "vague" or last >= tok.n:
        return None, None, None, end
    link = tok.low[last]
    marker = None
    prev = tok.low[first - 1] if first > 0 else ""
    if prev in ("between", "from"):
        marker = first - 1
    if prev == "from" and link != "to":
        last = _skip_to(tok, last)  # "from 21 mpg combined to 23", "from $36,040 at 10.45pm to …"
        link = tok.low[last] if last < tok.n else ""
    if link in _DASHES:
        if link != "–" and tok.start[last] - tok.end[last - 1] > 1:
            return None, None, None, end
    elif link == "or" and marker is None and unit is None and num.value < 100 and (
        num.plain or num.kind == "words"
    ):
        pass  # "three or four years"; checked below to be increasing
    elif link == "to" or (link == "and" and prev == "between"):
        if link == "to" and marker is None and unit and _change_word_before(tok, first):
            return None, None, None, end  # "rose 5% to $84": the amount, then the new level
    else:
        return None, None, None, end
    j = last + 1
    if j < tok.n and tok.low[j] in ("-", "‐"):  # "200,000 to-260,000"
        j += 1
    k = j  # a currency sign may come first: "$200 to $4 million"
    while k < min(j + 3, tok.n) and not (tok.is_digits(k) or tok.low[k] in WORD_NUMBERS):
        k += 1
    if k >= tok.n or not (tok.is_digits(k) or tok.low[k] in WORD_NUMBERS):
        return None, None, None, end
    sign = currency_before(tok, k) if k > j else None
    if k > j and not sign:
        return None, None, None, end
    currency = currency or (sign[1] if sign else None)
    second = parse_number(tok, k, money=bool(currency))
    if second is None or second.kind not in (num.kind, "digits", "words"):
        return None, None, None, end
    if second.first < k:  # a hyphen read as a minus sign: "20 -30"
        second.first, second.value = k, -second.value
    if num.kind == "words" and second.kind == "words" and num.value >= second.value:
        return None, None, None, end  # "one to one"
    if link == "or" and not (second.kind == num.kind and num.value < second.value <= num.value + 10):
        return None, None, None, end
    if marker is None and link == "to" and num.value > second.value:
        return None, None, None, end  # "3 to 1" odds, "5 to 2 vote": not a range
    unit2, after2 = unit_after(tok, second.last, currency, second.scaled)
    if unit and unit2 and unit2 != unit and not currency:
        return None, None, None, end
    if second.scale > 1 and num.scale == 1 and num.kind == "digits" and (
        num.value < second.value / second.scale
    ):
        num.value *= second.scale  # "1 to 2 thousand", "US $89 to $93 billion"
        num.scale, num.scaled = second.scale, True
    if marker is None and link == "to" and 0 < 4 * num.value < second.value and (
        _change_word_before(tok, first)
    ):
        return None, None, None, end  # "grew by a million to 67 million": the amount, then the level
    return second, marker, unit2, after2


def _skip_to(tok: Tokens, j: int) -> int:
    """The "to" closing "from A … to B" within a few words, else `j` unchanged."""
    for k in range(j, min(j + 8, tok.n)):
        if tok.low[k] == "to":
            return k
        if tok.word[k] in (",", ";", "(", ")") or tok.low[k] in ("and", "but", "from"):
            break
    return j


def _year_or_score(num: Number, second: Number, unit: str | None, tok: Tokens) -> bool:
    """Ranges that are not figures: years ("2018-19", "1914-18"), scores ("2-0")."""
    if unit is None and num.plain and second.plain:
        if 1000 <= num.value <= 2099 and (second.value >= 1000 or second.value < 100):
            return True
        link = tok.low[num.last]
        if link in _DASHES and num.value >= second.value:
            return True
        j = second.last
        if link in _DASHES and j + 1 < tok.n and tok.word[j] in _DASHES and tok.glued(j) and (
            tok.is_digits(j + 1) and tok.glued(j + 1)
        ):
            return True  # "1-800-555-0100", "12-05-1990": a chain of digit groups is an id
        return _address(tok, second.last)
    return False


def _score_or_phone(tok: Tokens, num: Number, unit: str | None) -> bool:
    """ "555-1234", "1-800-555-0199": digit groups joined by hyphens."""
    j = num.last
    if unit or not num.plain or j + 1 >= tok.n or tok.word[j] != "-":
        return False
    if not (tok.glued(j) and tok.glued(j + 1) and tok.is_digits(j + 1)):
        return False
    nxt = tok.word[j + 1]
    chained = j + 3 < tok.n and tok.word[j + 2] == "-" and tok.is_digits(j + 3) and tok.glued(j + 2)
    return chained or (len(tok.word[num.first]) == 3 and len(nxt) == 4)


def _skip_range(tok: Tokens, num: Number) -> int:
    j = num.last
    while j + 1 < tok.n and tok.word[j] == "-" and tok.is_digits(j + 1):
        j += 2
    return j


# ----------------------------------------------------------------------- non-figures
def _not_a_figure(tok: Tokens, num: Number, unit: str | None, currency: str | None, first: int) -> bool:
    """Years, dates, clock times, ordinals, ids, addresses, list markers, idioms, pronoun "one"."""
    i, j = num.first, num.last
    nxt = tok.word[j] if j < tok.n else ""
    if nxt == ":" and tok.glued(j) and tok.is_digits(j + 1) and tok.glued(j + 1):
        return True  # "10:30", "4:39 left"
    if i > 0 and tok.word[i - 1] == ":" and tok.glued(i) and tok.is_digits(i - 2):
        return True
    if _clock_after(tok, j):
        return True
    if nxt == "." and tok.glued(j) and tok.is_digits(j + 1) and tok.glued(j + 1):
        return True  # "3.2.1": a version
    if i > 0 and tok.low[i - 1] in _ID_WORDS and not unit and not currency:
        return True  # "Version 3.2", "No. 10"
    if currency:
        return False
    if num.kind == "digits" and nxt and tok.glued(j) and nxt in _ORDINAL:
        return True
    if num.kind == "words" and tok.low[i] == "one" and j == i + 1 and _pronoun_one(tok, i):
        return True
    if num.kind == "words" and tok.is_digits(j):
        return True  # "one 52,000-barrel refinery": a determiner before the figure
    prev = tok.low[i - 1] if i > 0 else ""
    if num.kind == "fraction" and tok.low[j - 1].startswith("hal") and j - 1 == i:
        if prev in _NOT_HALF_AFTER or prev in _MONTHS:
            return True
    if prev in _RANK_WORDS and not unit and not _plural_after(tok, j):
        return True  # "the bottom three": a rank
    if not num.plain:
        return False
    if unit and unit not in ("year", "day", "month"):
        return False
    value = num.value
    prev2 = tok.low[i - 2] if i > 1 else ""
    if nxt and tok.glued(j) and nxt[0].isalpha() and (nxt[0].isupper() or nxt == "s"):
        return True  # "5G", "1990s", "9AB"
    if _date(tok, num, prev, prev2):
        return True
    if unit:
        return False
    if i == 0 and nxt in (".", ")") and not tok.is_digits(j + 1):
        return True  # list marker "1. The …", "2)"
    if len(tok.word[i]) == 4 and 1000 <= value <= 2199:
        if prev in _YEAR_WORDS or prev in _MONTHS or prev in _YEAR_DETERMINERS:
            return True
        if 1900 <= value <= 2099 and (not _plural_after(tok, j) or tok.word[i - 1][0].isupper()):
            return True

    if _id_like(tok, num, prev, prev2):
        return True
    if nxt and nxt[0].isupper() and nxt.isalpha() and not _plural_after(tok, j) and i > 0:
        return True  # "787 Dreamliner", "11 Pro", "90049 ZIP Code": model names and codes
    return _address(tok, j)


def _idiom(tok: Tokens, num: Number) -> bool:
    candidates = _IDIOMS.get(tok.low[num.first]) or _IDIOMS.get(tok.low[num.last - 1])
    if not candidates:
        return False
    lo = max(0, tok.start[num.first] - 30)
    window = tok.text[lo : tok.end[num.last - 1] + 30].lower()
    at = tok.start[num.first] - lo
    for idiom in candidates:
        k = window.find(idiom)
        while k != -1:
            if k <= at < k + len(idiom):
                before = window[k - 1] if k > 0 else " "
                after = window[k + len(idiom)] if k + len(idiom) < len(window) else " "
                if not before.isalnum() and not after.isalnum():
                    return True
            k = window.find(idiom, k + 1)
    return False


def _clock_after(tok: Tokens, j: int) -> bool:
    if j >= tok.n or tok.low[j] not in _CLOCK_FIRST:
        return False
    for size in (4, 3, 2, 1):
        if j + size <= tok.n and tok.phrase(j, j + size).replace(" ", "") in _CLOCK:
            if size == 1 or all(tok.glued(k) for k in range(j + 1, j + size)):
                return True
    return False


def _pronoun_one(tok: Tokens, i: int) -> bool:
    nxt = tok.low[i + 1] if i + 1 < tok.n else ""
    prev = tok.low[i - 1] if i > 0 else ""
    return nxt in _PRONOUN_ONE or prev in _ONE_AFTER or not nxt or not nxt[0].isalnum()


def _date(tok: Tokens, num: Number, prev: str, prev2: str) -> bool:
    """ "Dec. 19", "19 December", "December 2024", "July 4, 2016"."""
    j = num.last
    nxt = tok.low[j] if j < tok.n else ""
    value = num.value
    if prev == "." and prev2 in _MONTHS:
        prev = prev2
    if prev in _MONTHS and (
        prev != "may" or tok.word[num.first - 1] == "May" or not _plural_after(tok, j)
    ):  # "may 10" in lower-cased text is a date; the modal is not followed by a number
        return 1 <= value <= 31 or 1000 <= value <= 2099
    if prev == "," and 1000 <= value <= 2099 and num.first > 1 and tok.is_digits(num.first - 2):
        return True  # "July 4, 2016"
    if nxt in _MONTHS and 1 <= value <= 31 and (nxt != "may" or tok.word[j] == "May"):
        return True
    if nxt in ("of",) and j + 1 < tok.n and tok.low[j + 1] in _MONTHS and 1 <= value <= 31:
        return True
    return prev in _WEEKDAYS and 1 <= value <= 31


def _id_like(tok: Tokens, num: Number, prev: str, prev2: str) -> bool:
    """ "G7", "F-16", "Article 5", "No. 10", "Nord Stream 2", "Game 7"."""
    i = num.first
    if i == 0:
        return False
    before = tok.word[i - 1]
    if tok.glued(i) and before[0].isalpha():
        return True  # "G7", "A320", "iPhone11"
    if before in _DASHES and tok.glued(i) and i > 1 and tok.word[i - 2][0].isalpha() and (
        tok.glued(i - 1) or tok.word[i - 2].isupper()
    ):
        return True  # "F-16", "TA-35", "COVID-19", "COVID -19", "last-32", "under-21"
    if prev in ("#", "no.", "no") or (prev == "." and prev2 == "no"):
        return True
    if prev in _ID_WORDS:
        return True
    if before[0].isupper() and prev not in _STOP and prev not in _BEFORE and prev not in WORD_NUMBERS:
        if prev in _CHANGE_BEFORE or prev in _MONTHS:
            return False
        return not _plural_after(tok, num.last)
    return False


def _address(tok: Tokens, j: int) -> bool:
    """ "575 Wilbraham Road", "9 E 71st St": a number, capitalised words, a street word."""
    for k in range(j, min(j + 4, tok.n)):
        w = tok.word[k]
        if tok.low[k] in _STREETS and w[0].isupper():
            return True
        if not (w[0].isupper() or w[0].isdecimal() or w == "." or tok.low[k] in _ORDINAL):
            return False
    return False


def _age(tok: Tokens, num: Number) -> bool:
    """An age: "two men aged 19", "at age 25", and "Maddon, 66, has …" (a bare number between
    commas after a name)."""
    i, j = num.first, num.last
    if not (1 <= num.value <= 120) or i < 1:
        return False
    prev = tok.low[i - 1]
    if prev in ("aged", "ages") or (prev == "age" and i > 1 and tok.low[i - 2] == "at"):
        return True
    if i < 2 or j >= tok.n:
        return False
    return tok.word[i - 1] == "," and tok.word[j] == "," and tok.word[i - 2][0].isupper()


def _plural_after(tok: Tokens, j: int) -> bool:
    """True when a plural noun follows within a few content words ("2000 troops")."""
    stop = min(tok.n, j + 5)
    while j < stop and tok.word[j][0].isalpha():
        glued = j + 1 < tok.n and tok.start[j + 1] == tok.end[j]
        if glued:
            j = _compound_end(tok, j)  # "North Korean-backed units", "A320 planes"
        elif tok.low[j] in _STOP:
            break
        if is_plural(tok.low[j], tok.word[j]):
            return True
        j += 1
    return False


# ------------------------------------------------------------------------ qualifiers
def _qualifier_before(tok: Tokens, first: int) -> tuple[Qualifier | None, str | None, int]:
    """The longest bound/hedge phrase ending just before token `first`."""
    k = first
    if k > 0 and tok.word[k - 1] in _DASHES and tok.glued(k) and tok.glued(k - 1):
        k -= 1  # "sub-7"
    best: tuple[Qualifier | None, str | None, int] = (None, None, first)
    if k == 0 or tok.low[k - 1] not in _BEFORE_LAST:
        return best
    for s, _, phrase in tok.backward(k, 4):
        if phrase in _BEFORE:
            best = (_BEFORE[phrase], tok.text[tok.start[s] : tok.end[k - 1]], s)
    if best[0] == Qualifier.approximate and best[1] and best[1].lower() == "some":
        if first < tok.n and tok.low[first] == "one":
            return None, None, first
    return best


def _qualifier_after(tok: Tokens, last: int) -> tuple[tuple[Qualifier, str] | None, int]:
    if last >= tok.n or tok.low[last] not in _AFTER_FIRST:
        return None, last
    for size in (3, 2, 1):
        k = last + size
        if k <= tok.n:
            phrase = tok.phrase(last, k)
            if phrase in _AFTER:
                if phrase in ("+", "-plus", "odd") and not tok.glued(last):
                    continue
                if phrase == "+" and k < tok.n and tok.is_digits(k):
                    continue
                return (_AFTER[phrase], tok.text[tok.start[last] : tok.end[k - 1]]), k
    return None, last


def _interval(
    num: Number, second: Number | None, qual: Qualifier | None, qual_text: str | None
) -> tuple[float, float | None, float | None, Qualifier]:
    """(value, low, high, qualifier) per the interval conventions in the module docstring."""
    if second is not None:
        low, high = sorted((num.value, second.value))
        return (low + high) / 2, low, high, Qualifier.range
    if num.kind == "vague":
        return num.value, num.low, num.high, Qualifier.vague
    if qual is None:
        qual = Qualifier.exact
    value, low, high = _bounds(num.value, qual, qual_text)
    return value, low, high, qual


def _bounds(
    v: float, qual: Qualifier, qual_text: str | None
) -> tuple[float, float | None, float | None]:
    """(value, low, high) of a single figure with its qualifier."""
    phrase = (qual_text or "").lower()
    if qual == Qualifier.exact:
        return v, v, v
    if qual == Qualifier.approximate:
        if phrase in _JUST_UNDER:
            return v, *sorted((v * (1 - _SPREAD), v))
        return v, *sorted((v * (1 - _SPREAD), v * (1 + _SPREAD)))
    if qual in (Qualifier.at_least, Qualifier.more_than):
        return v, v, (v * (1 + _SPREAD) if phrase in _JUST_OVER and v > 0 else None)
    floor = v * (1 - _SPREAD) if phrase in _JUST_UNDER and v > 0 else (0.0 if v > 0 else None)
    return v, floor, v


# --------------------------------------------------------------------------- changes
def _change_word_before(tok: Tokens, first: int) -> bool:
    return _change_before(tok, first, "point") is not None


def _change_before(tok: Tokens, first: int, unit: str | None) -> Change | None:
    """A movement word a few tokens before the figure ("rose 5%", "fell by a third", "up 3").

    The level reached right after a movement ("rose to 2.5%", "may soar to nearly 1,000")
    moves with it (DESIGN.md); after an amount ("rose 5% to $84") only the amount does, and the
    starting level after "from" never does. After "by", a few words may sit between the verb
    and the figure ("grow sales by 35 per cent").
    """
    k = first - 1
    if k >= 0 and tok.word[k] == "+" and tok.glued(first):
        return Change.increase
    seen_by = False
    addition: Change | None = None  # "an extra $800m"; a verb before it decides the direction
    for _ in range(7):
        if k < 0:
            return addition
        low = tok.low[k]
        hit, phrase = None, ""
        for size in (2, 1) if low in _CHANGE_LAST else ():
            s = k - size + 1
            if s >= 0:
                phrase = tok.phrase(s, k + 1)
                if phrase in _CHANGE_BEFORE:
                    hit = s
                    break
        if hit is not None:
            found = _checked(tok, phrase, hit, unit, seen_by)
            if addition is None and found is not None and phrase in _ADDITIONS:
                addition, k = found, hit - 1  # "fell a further 2%" is a fall
                continue
            return found or addition
        if low == "by":
            seen_by = True
        elif low == "to" and not seen_by and not (k > 0 and tok.low[k - 1] == "up"):
            return addition or _change_before(tok, k, unit)  # but "up to" is a bound
        elif low in ("to", "from") or tok.is_digits(k) or not tok.word[k][0].isalnum():
            return addition
        elif low not in _SKIP_TO_CHANGE and not low.endswith("ly") and not seen_by:
            return addition
        k -= 1
    return addition


def _checked(tok: Tokens, phrase: str, s: int, unit: str | None, seen_by: bool) -> Change | None:
    """The change a movement word gives, or None when its use here is not a movement."""
    if phrase in _MEASURED_ONLY and unit is None:
        return None  # "added 500 staff"
    if phrase in _RELATIVE_ONLY and unit not in _RELATIVE_UNITS:
        return None  # "lost $5bn" is a loss
    if phrase in _NEEDS_BY and not seen_by and unit not in _RELATIVE_UNITS:
        return None  # "raised $5,000"; but "exports expanded 8.5%"
    if phrase in ("up", "down") and s > 0 and tok.low[s - 1] in _PARTICLES:
        return None  # "gave up 517 yards"
    return _CHANGE_BEFORE[phrase]


def _change(tok: Tokens, first: int, last: int, unit: str | None, num: Number) -> Change | None:
    measured = unit is not None
    change = _change_before(tok, first, unit)
    if change is not None:
        if first > 0 and tok.low[first - 1] in ("a", "an") and last < tok.n and (
            tok.word[last][0].isalpha() and tok.low[last] not in _STOP
        ):
            return None  # "added a 30 degree homer": the figure describes a noun
        return change
    if last < tok.n and tok.low[last] in _CHANGE_AFTER:
        low = tok.low[last]
        if low in _MEASURED_ONLY and not measured and low not in ("more", "fewer", "less"):
            return None
        if low in ("more", "less", "fewer") and last + 1 < tok.n and tok.low[last + 1] == "than":
            return None
        return _CHANGE_AFTER[low]
    return None


def _movement(a: float, b: float, change: Change | None, tok: Tokens, marker: int) -> Change | None:
    """ "fell from 208 to 193": a range read from a start to an end level is a movement."""
    if change is not None or a > b:
        return Change.decrease if a > b else change
    if _change_word_before(tok, marker):
        return Change.increase
    return None


# --------------------------------------------------------------------------- counted
def _counted(tok: Tokens, j: int, value: float, num: Number) -> tuple[str | None, int]:
    """The noun phrase the figure counts: "thousands of troops" -> "troops"; a fraction may be
    of a singular noun ("a third of the population"). Returns (phrase, token after it)."""
    k = j
    while k < tok.n and (tok.word[k] in _QUOTES or tok.low[k] in _CHANGE_AFTER):
        k += 1  # "'several hundred' casualties", "1,000 more troops"
    if k < tok.n and tok.low[k] == "of" and (num.kind in ("vague", "fraction") or num.scaled):
        k += 1
        if k < tok.n and tok.low[k] in _DETERMINERS:
            k += 1
    elif num.kind == "fraction" and k < tok.n and tok.low[k] in _DETERMINERS:
        k += 1  # "half the country"
    phrase = _noun_phrase(tok, k, value)
    if phrase is None and num.kind == "fraction" and not (
        tok.is_digits(k + 1) or (k + 1 < tok.n and tok.low[k + 1] in WORD_NUMBERS)
    ):  # "a third of the population"; not "two-thirds of the combined 4.3M sales"
        phrase = _noun_phrase(tok, k, 1)
    if phrase is None and (k >= tok.n or not tok.word[k][0].isalnum()):
        return _counted_before(tok, num.first), j
    return phrase or (None, j)


def _compound(tok: Tokens, j: int) -> tuple[str | None, str | None, int]:
    """ "a six-cylinder engine" counts cylinders; "four-, five- and six-cylinder" too.

    Returns (counted, unit, end token); the unit when the word after the hyphen is one.
    """
    if j + 1 >= tok.n or tok.word[j] not in _DASHES or not tok.glued(j):
        return None, None, j
    k = j
    if not (tok.glued(j + 1) and tok.word[j + 1][0].isalpha()):  # suspended: "four-, five-"
        for k in range(j + 1, min(j + 10, tok.n - 1)):
            if tok.word[k] in _DASHES and tok.glued(k) and tok.glued(k + 1):
                break
        else:
            return None, None, j
        if not (tok.is_digits(k - 1) or tok.low[k - 1] in WORD_NUMBERS):
            return None, None, j
    word = tok.word[k + 1]
    if not word[0].isalpha() or tok.low[k + 1] in _STOP:
        return None, None, j
    return word, None, j + 2 if k == j else j


def _unit_word(counted: str | None) -> str | None:
    """The unit a counted noun names, when its last word is one ("rushing yards" -> yard)."""
    if not counted:
        return None
    head = counted.rsplit(" ", 1)[-1].lower()
    return UNIT_WORDS.get(head)


def _noun_phrase(tok: Tokens, k: int, value: float) -> tuple[str, int] | None:
    """The noun phrase from token `k` (plural unless `value` is 1) and the token after it."""
    words: list[int] = []
    plural_wanted = value != 1
    while k < tok.n and len(words) < 4:
        w = tok.word[k]
        low = tok.low[k]
        if low in ("and", "or") and words and plural_wanted and _plural_after(tok, k + 1):
            k += 1  # "digital and physical sales", "Kia and Hyundai vehicles"
            continue
        if not w[0].isalpha() or low in _MONTHS or low in WORD_NUMBERS or (
            low in _STOP and _compound_end(tok, k) == k  # "a", but "A320 planes"
        ):
            break
        if not plural_wanted and words and not tok.word[words[-1]][0].isupper():
            break
        if low.endswith("ing") and not _content_word(tok, k + 1):
            break  # "around 73 raising the prospect": a verb, not a noun
        words.append(k)
        end = _compound_end(tok, k)
        if end > k:
            k = end
            words.append(k)
        if plural_wanted and is_plural(tok.low[k], tok.word[k]):
            break
        if not plural_wanted and not w[0].isupper():
            break
        k += 1
    if not words or (plural_wanted and not is_plural(tok.low[words[-1]], tok.word[words[-1]])):
        return None  # "6.3 million remain abroad": no plural noun, no counted phrase
    return tok.text[tok.start[words[0]] : tok.end[words[-1]]], words[-1] + 1


def _compound_end(tok: Tokens, k: int) -> int:
    """The last token of the word starting at `k`, through hyphenated parts ("first-team",
    "North Korean-backed") and glued model numbers ("PS5 consoles", "F-35 jets")."""
    while k + 1 < tok.n and tok.glued(k + 1) and tok.word[k][0].isalpha():
        if tok.is_digits(k + 1):
            k += 1  # "PS5", "A320"
        elif tok.word[k + 1] in _DASHES and tok.glued(k + 2) and tok.word[k + 2][0].isalnum():
            k += 2  # "first-team", "F-35"
        else:
            break
    return k


def _count_rate(tok: Tokens, j: int) -> str | None:
    """ "500,000 cars a year", "3,000 tests per day": the period a count is per, as a unit
    ("per year"); after "a"/"an" only a period counts ("12 soldiers a mile away" is no rate)."""
    denominator, _ = denominator_after(tok, j)
    if denominator is None or (tok.low[j] in ("a", "an") and denominator not in _DURATIONS):
        return None
    return f"per {denominator}"


def _content_word(tok: Tokens, k: int) -> bool:
    return k < tok.n and tok.word[k][0].isalpha() and tok.low[k] not in _STOP


def _counted_before(tok: Tokens, first: int) -> str | None:
    """A noun named before the figure: "the number of injured troops may soar to nearly 1,000"
    -> "injured troops"; "a day or two" -> "day"."""
    if first > 2 and tok.low[first - 1] == "or" and tok.low[first - 3] in _ONE_OF_A_FEW:
        if tok.word[first - 2][0].isalpha() and tok.low[first - 2] not in _STOP:
            return tok.word[first - 2]
    for k in range(first - 1, max(-1, first - 16), -1):
        if tok.low[k] in _NOUN_BEFORE and k + 2 < first and tok.low[k + 1] == "of":
            phrase = _noun_phrase(tok, k + 2, 2)
            return phrase[0] if phrase else None
    return None
