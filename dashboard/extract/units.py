"""Units and currencies around a number, normalised to the project's unit vocabulary.

Currencies become ISO 4217 codes (`$` is USD, `A$` AUD, `£` GBP); measures get short canonical
names from `lexicons/units.json` (`percent`, `km`, `mile`, `celsius`, `year of age` …); a rate
adds its denominator (`USD per barrel`). Matching looks at a handful of tokens only.
"""

from __future__ import annotations

from dashboard.extract.lexicon import load_json
from dashboard.extract.numbers import Tokens, edge_tokens

_UNITS = load_json("units.json")
_CURRENCIES = load_json("currencies.json")

_WORDS: dict[str, str] = {
    form.lower().replace(" ", sep): unit
    for unit, forms in _UNITS["words"].items()
    for form in forms
    for sep in (" ", "-")
}
_SYMBOLS: dict[str, str] = {s: unit for unit, forms in _UNITS["symbols"].items() for s in forms}
_GLUED = frozenset(_UNITS["glued"])
_PER = frozenset(s.lower() for s in _UNITS["per"])
_PER_SYMBOLS: dict[str, str] = _UNITS["per_symbols"]
_PER_WORDS = ("per", "a", "an", "/", "each")
_NO_RATE = frozenset({"percent", "percentage point", "basis point", "fraction"})
_SYSTEMS = frozenset({"US", "imperial", "Imperial", "metric", "nautical", "statute"})
_SMALL_WORDS = frozenset({"at", "to", "and", "or", "a", "an", "in", "on", "from", "per", "each"})
_NOT_RATE_AFTER = frozenset({"earlier", "ago", "before", "later", "after", "prior", "previously", "on"})

_PREFIX: dict[str, str] = _CURRENCIES["prefix"]
_GLUED_PREFIX: dict[str, str] = _CURRENCIES["glued_prefix"]
_SUFFIX: dict[str, str] = _CURRENCIES["suffix"]
_NAMES: dict[str, str] = _CURRENCIES["names"]
_SCALED_NAMES: dict[str, str] = _CURRENCIES["scaled_names"]
_PREFIX_LAST = edge_tokens(list(_PREFIX) + list(_GLUED_PREFIX), last=True, lower=False)
_UNIT_FIRST = edge_tokens(_WORDS) | edge_tokens(_SYMBOLS, lower=False)
_NAME_FIRST = (
    edge_tokens(_SUFFIX, lower=False) | edge_tokens(_NAMES) | edge_tokens(_SCALED_NAMES)
)

_MAX_SPAN = 4  # tokens in the longest unit or currency form ("U.S. $", "degrees Celsius")

#: Single-word unit names a counted noun may end in ("517 rushing yards" measures yards).
UNIT_WORDS: dict[str, str] = {
    form: unit for form, unit in _WORDS.items() if form.isalpha() and len(form) > 3
}


def currency_before(tok: Tokens, i: int) -> tuple[int, str] | None:
    """The currency sign or code written just before token `i`: (its first token, ISO code)."""
    best = None
    if i == 0 or tok.word[i - 1] not in _PREFIX_LAST or tok.start[i] - tok.end[i - 1] > 1:
        return None
    for k, form, _ in tok.backward(i, _MAX_SPAN):
        if form in _PREFIX:
            best = (k, _PREFIX[form])
        elif form in _GLUED_PREFIX and tok.glued(i):
            best = (k, _GLUED_PREFIX[form])
    if best and best[0] > 0 and tok.glued(best[0]) and tok.word[best[0] - 1][0].isalnum():
        return None  # letters glued before the sign: part of a word or id
    return best


def glued_code_only(tok: Tokens, first: int) -> bool:
    """True when the currency at `first` is a letter code that only counts glued ("RM", "PS")."""
    return tok.word[first] in _GLUED_PREFIX or tok.exact(first, first + 2) in _GLUED_PREFIX


def unit_after(tok: Tokens, j: int, currency: str | None, scaled: bool) -> tuple[str | None, int]:
    """The unit (or currency) written from token `j`; returns (unit, first token after it).

    `currency` is the code of a sign before the number, if any: then only a rate (`per
    barrel`) or a repeated country (`$31 US`) may follow. `scaled` says a scale word was read
    ("5 million pounds" is money, "208 pounds" a weight).
    """
    if currency:
        if currency == "USD" and j < tok.n and tok.word[j] in ("US", "U"):
            j += 4 if j + 3 < tok.n and tok.exact(j, j + 4) == "U.S." else 1  # "$31.20 US"
        return _rate(tok, j, currency)
    if j >= tok.n:
        return None, j
    if tok.word[j] in ("-", "‐") and tok.glued(j) and j + 1 < tok.n and tok.glued(j + 1):
        unit, k = _measure(tok, j + 1)  # "6.1-inch", "three-hour", "5-mpg"
        if unit:
            return unit, k
        unit, k = _measure(tok, j)  # "-year-old"
        return (unit, k) if unit else (None, j)
    if tok.low[j] == "of" and scaled:  # "millions of dollars"
        name, k = _currency_name(tok, j + 1, scaled)
        if name:
            return _rate(tok, k, name)
        return None, j
    name, k = _currency_name(tok, j, scaled)
    if name:
        return _rate(tok, k, name)
    unit, k = _measure(tok, j)
    if unit:
        return _rate(tok, k, unit)
    if tok.word[j] in _SYSTEMS and j + 1 < tok.n:  # "one US fluid ounce", "5 imperial gallons"
        unit, k = _measure(tok, j + 1)
        if unit:
            return _rate(tok, k, unit)
    return None, j


def _currency_name(tok: Tokens, j: int, scaled: bool) -> tuple[str | None, int]:
    found: tuple[str | None, int] = (None, j)
    if j >= tok.n or (tok.low[j] not in _NAME_FIRST and tok.word[j] not in _NAME_FIRST):
        return found
    for k, exact, low in tok.forward(j, _MAX_SPAN - 1):
        if exact in _SUFFIX and (k == j + 1 or tok.glued(j + 1)):
            found = (_SUFFIX[exact], k)
        elif low in _NAMES:
            found = (_NAMES[low], k)
        elif scaled and low in _SCALED_NAMES:
            found = (_SCALED_NAMES[low], k)
    return found


def _measure(tok: Tokens, j: int) -> tuple[str | None, int]:
    """Longest unit form starting at token `j` (exact symbols first, then words)."""
    found: tuple[str | None, int] = (None, j)
    if j >= tok.n or (tok.low[j] not in _UNIT_FIRST and tok.word[j] not in _UNIT_FIRST):
        return found
    for k, exact, low in tok.forward(j, _MAX_SPAN):
        if exact in _SYMBOLS:
            if k > j + 1 or exact not in _GLUED or tok.glued(j) or _spaced_symbol(tok, j):
                found = (_SYMBOLS[exact], k)
            continue
        if low in _WORDS:
            found = (_WORDS[low], k)
    unit, k = found
    if unit and k < tok.n and tok.glued(k) and tok.word[k] in ("2", "²", "3", "³"):
        power = "square " if tok.word[k] in ("2", "²") else "cubic "
        return power + unit, k + 1  # "32m2", "5 km²"
    if unit and k < tok.n and tok.glued(k) and tok.word[k][0].isalnum():
        return None, j  # "5G", "3D", "2km-long" stays "km" via the hyphen, not letters
    if unit and not tok.glued(j) and tok.glued(k) and tok.word[k] in ("-", "‐") and (
        tok.is_digits(k + 1) and tok.glued(k + 1)
    ):
        return None, j  # "12 F-35 jets", "40 T-72 tanks": a model name, not a unit
    return found


def _spaced_symbol(tok: Tokens, j: int) -> bool:
    """A one-letter symbol after a space counts before a stop or a small word ("68 p at")."""
    if tok.word[j] in ("C", "F", "W", "V"):
        return True
    if tok.word[j] == "in":
        return False  # "up from 450 in 2020": the preposition, never inches
    nxt = tok.low[j + 1] if j + 1 < tok.n else ""
    return not nxt or not nxt[0].isalpha() or nxt in _SMALL_WORDS


def of_unit(tok: Tokens, j: int) -> tuple[str | None, int]:
    """ "a third of a mile", "1/16 of a US pint", "half a point": the unit a fraction is of."""
    k = j + 2 if j + 2 < tok.n and tok.low[j] == "of" else j + 1
    if k < tok.n and tok.low[k - 1] in ("a", "an"):
        if tok.word[k] in ("US", "U", "imperial", "metric") and k + 1 < tok.n:
            k += 4 if tok.exact(k, min(k + 4, tok.n)) == "U.S." else 1
        unit, end = _measure(tok, k)
        if unit:
            return unit, end
    return None, j


def _rate(tok: Tokens, j: int, unit: str) -> tuple[str, int]:
    """Add a denominator after `per`/`a`/`/`: "USD per barrel", "USD per month", "barrel-a-day"."""
    if unit in _NO_RATE:
        return unit, j  # "6% a year" stays a percentage
    denominator, k = denominator_after(tok, j)
    if denominator and denominator != unit:
        return f"{unit} per {denominator}", k
    return unit, j


def denominator_after(tok: Tokens, j: int) -> tuple[str | None, int]:
    """The unit after `per`/`a`/`an`/`/` at token `j` ("a barrel", "per day", "/s"): (its
    name, first token after it), or (None, j)."""
    hyphens = j + 2 < tok.n and tok.word[j] == "-" and tok.glued(j) and tok.word[j + 2] == "-"
    if hyphens:
        j += 1  # "52,000 barrel-a-day": the same with hyphens
    if j + 1 >= tok.n or tok.low[j] not in _PER_WORDS:
        return None, j - hyphens
    if tok.low[j] == "/" and not tok.glued(j + 1):
        return None, j - hyphens
    at = j + 1 + hyphens
    denominator, k = _measure(tok, at)
    if not denominator and tok.low[j] == "/" and tok.word[at] in _PER_SYMBOLS and tok.glued(at):
        denominator, k = _PER_SYMBOLS[tok.word[at]], at + 1  # "7,000MB/s"
    if not denominator:
        for size in (2, 1):
            end = at + size
            phrase = tok.phrase(at, end) if end <= tok.n else ""
            if phrase in _PER:
                denominator, k = _WORDS.get(phrase, phrase), end
                break
    if not denominator or (
        tok.low[j] in ("a", "an") and k < tok.n and tok.low[k] in _NOT_RATE_AFTER
    ):  # "$6.78 billion a year earlier"; but "78 cents per share on revenue" is a rate
        return None, j - hyphens
    return denominator, k
