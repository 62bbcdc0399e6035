"""Adapters from the project's extractor to the evaluation scorers' formats.

`attribution(text)` runs the full pipeline (`extract_claims`) and gives the attribution scorer
each claim's span and speaker.

`newsquant(text)` maps each figure to the NewsQuant scorer's dict (see
`../shared/eval/newsquant/PROTOCOL.md`): a point `value` or a `low`/`high` range, a `change`
label and a `unit` in NewsQuant's vocabulary. Our unit vocabulary (ISO currency codes, `percent`,
`km` …) is mapped to NewsQuant's names here, not in the parser. For a plain count NewsQuant's
unit is the counted noun phrase, singular and lower case.
"""

from __future__ import annotations

import re

from dashboard.extract import extract_claims
from dashboard.extract.quantities import Quantity, find_quantities
from dashboard.models import Article, Change, Qualifier

#: Our unit names -> NewsQuant's normalised unit names (units not listed pass through).
UNIT_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "CNY": "chinese yuan",
    "INR": "indian rupee", "ILS": "shekel", "MYR": "malaysian ringgit", "DKK": "danish krone",
    "SEK": "swedish krona", "NOK": "norwegian krone", "CHF": "swiss franc", "RUB": "russian ruble",
    "KRW": "south korean won", "HRK": "croatian kuna", "BRL": "brazilian real",
    "TWD": "new taiwan dollar",
    "percent": "percentage", "percentage point": "percentage point", "basis point": "basis point",
    "point": "point", "times": "count",
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre",
    "micrometre": "micrometre", "nanometre": "nanometre", "mile": "mile", "yard": "yard",
    "foot": "foot", "inch": "inch", "square km": "square kilometre", "square metre": "square metre",
    "square m": "square metre", "square mile": "square mile", "square foot": "square foot",
    "kg": "kilogram", "g": "gram", "mg": "milligram", "tonne": "metric ton", "lb": "pound-mass",
    "ounce": "ounce", "litre": "litre", "ml": "millilitre", "cubic foot": "cubic foot",
    "celsius": "celsius", "fahrenheit": "fahrenheit", "degree": "degree",
    "mph": "mile per hour", "km/h": "kilometre per hour", "mpg": "mile per gallon",
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "hp": "horsepower",
    "bhp": "brake horsepower", "WAR": "win above replacement",
    "fluid ounce": "ounce",
    "V": "volt", "mAh": "milliampere-hour", "Hz": "hertz", "kHz": "kilohertz",
    "MHz": "megahertz", "GHz": "gigahertz", "Nm": "newton metre", "lb-ft": "pound-foot",
    "GPa": "gigapascal", "decibel": "decibel", "ppm": "parts-per-million",
    "ppb": "parts-per-billion", "rpm": "revolutions per minute", "GB": "gigabyte",
    "MB": "megabyte", "TB": "terabyte", "Mbps": "megabit per second",
    "Gbps": "gigabit per second", "fps": "frame per second", "pence": "point",
    "psi": "pound-force per square inch",
    "mmbtu": "mega british thermal unit",
}

_QUALIFIER_LABEL = {
    Qualifier.exact: "=", Qualifier.range: "=", Qualifier.vague: "=",
    Qualifier.approximate: "~", Qualifier.at_least: ">", Qualifier.more_than: ">",
    Qualifier.at_most: "<", Qualifier.less_than: "<",
}
_STOP = {"and", "of", "the", "a", "an", "or"}

#: NewsQuant's change labels follow CQE's bound lexicon, not our `change` field. An average is
#: approximate ("averaged 7.3 points": `~`); "just" marks an exact figure even after a movement
#: verb ("grew by just 3%": `=`); an addition or a comparative after the figure is no movement
#: ("another 3.4 GW", "an additional 15 miles", "finished 34.4% higher": `=`), while our field
#: counts additions as changes (DESIGN.md); "fell a further 2%" is still a fall (`down`). The
#: level a movement reaches ("rose to 2.5%") moves in our field (DESIGN.md) but is mostly `=`
#: in NewsQuant's labels.
_AVERAGE_BEFORE = frozenset({"average", "averaged", "averages", "averaging"})
_EXACT_BEFORE = frozenset({"just", "exactly"})
_ADDITION_BEFORE = frozenset({"another", "additional", "extra", "further"})
_COMPARATIVE_AFTER = frozenset({"more", "fewer", "less", "higher", "lower"})
_LAST_WORD = re.compile(r"(\w+)\s*$")
_FIRST_WORD = re.compile(r"\s*(\w+)")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith(("sses", "shes", "ches", "xes", "uses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _noun(counted: str | None) -> str | None:
    """A counted noun phrase as NewsQuant writes it: lower case, no stop words, singular head."""
    words = [w for w in (counted or "").lower().split() if w not in _STOP]
    return " ".join(words[:-1] + [_singular(words[-1])]) if words else None


def _unit(q: Quantity) -> str | None:
    if q.unit is None:
        return _noun(q.counted)
    if q.unit == "fraction":  # NewsQuant: "a third of the population" -> "% population"
        return f"% {_noun(q.counted) or '-'}"
    unit = f"{_noun(q.counted)} {q.unit}" if q.unit.startswith("per ") else q.unit
    return " per ".join(UNIT_NAMES.get(p, p) for p in unit.split(" per "))


def _change_label(text: str, q: Quantity) -> str:
    """NewsQuant's change label of a figure: its bound, else its movement (see above)."""
    change = _QUALIFIER_LABEL[q.qualifier]
    if q.qualifier == Qualifier.range and q.qualifier_text:
        return "~"  # "about 20-30"
    if change != "=" or (q.change is None and "verag" not in text[max(0, q.start - 12) : q.start]):
        return change
    before = _LAST_WORD.search(text, max(0, q.start - 30), q.start)
    word = before.group(1).lower() if before else ""
    if word in _AVERAGE_BEFORE:
        return "~"
    if q.change is None or word in _EXACT_BEFORE or word == "to":
        return "="
    if word in _ADDITION_BEFORE and q.change == Change.increase:
        return "="  # "another 3.4 GW"; but "fell a further 2%" stays a fall
    after = _FIRST_WORD.match(text, q.end)
    if after and after.group(1).lower() in _COMPARATIVE_AFTER:
        return "="
    return "up" if q.change == Change.increase else "down"


def newsquant(text: str) -> list[dict]:
    """One NewsQuant prediction dict per figure in `text`."""
    out = []
    previous: Quantity | None = None
    for q in find_quantities(text):
        change = _change_label(text, q)
        if previous and text[previous.end : q.start].strip() == "(":
            change = out[-1]["change"]  # a conversion ("87 mph (140 km/h)") is labelled alike
        previous = q
        from_range = q.qualifier == Qualifier.range and q.mention.lower().startswith("from")
        pred = {"value": q.value, "low": None, "high": None, "change": change, "unit": _unit(q)}
        if q.qualifier in (Qualifier.range, Qualifier.vague):
            low, high = q.low, q.high
            if from_range:  # "from 208 to 193": NewsQuant keeps the written order, no change
                pred["change"] = "="
                if q.change == Change.decrease:
                    low, high = high, low
            pred.update(value=None, low=low, high=high)
        out.append(pred)
    return out


def attribution(text: str) -> list[dict]:
    """The attribution scorer's predict(): one dict per claim with its span and speaker."""
    return [
        {"start": c.char_start, "end": c.char_end, "attributed_to": c.attributed_to}
        for c in extract_claims(Article(text=text))
    ]
