"""Tokens and numbers: digits, number words, scale words, fractions and vague amounts.

`Tokens(text)` splits a sentence into words, digit runs and single symbols, keeping offsets.
`parse_number(tokens, i, money)` reads the number that starts at token `i` ("1,000", "3.8
billion", "$4bn" after its sign, "twenty-five", "two and a half million", "a third", "3/4",
"one in five", "several hundred", "tens of thousands") and says which tokens it spans.
Everything is a single forward pass with bounded look-ahead, so time is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.extract.lexicon import load_json, load_words

_LEX = load_json("numbers.json")
UNITS: dict[str, int] = _LEX["units"]
TENS: dict[str, int] = _LEX["tens"]
SCALES: dict[str, float] = _LEX["scales"]
SUFFIXES: dict[str, float] = _LEX["suffixes"]
FRACTIONS: dict[str, float] = _LEX["fractions"]
GLYPHS: dict[str, float] = _LEX["fraction_glyphs"]
VAGUE: dict[str, list[float]] = _LEX["vague"]
VAGUE_QUANTIFIERS: dict[str, list[float]] = _LEX["vague_quantifiers"]

#: Scale abbreviations that are ambiguous with a unit (`37m` is metres, `£37m` is millions).
_MONEY_ONLY_SUFFIXES = {"m", "b", "B", "mil"}
#: Fraction words that are also ordinals ("a third term"): a fraction only before "of" or a stop.
_ORDINAL_FRACTIONS = {w for w in FRACTIONS if not w.startswith("hal")}
_STOP = load_words("counted_stopwords.txt")
_IRREGULAR_PLURALS = frozenset(
    {"people", "men", "women", "children", "police", "personnel", "staff", "cattle", "livestock",
     "crew", "militia", "feet", "teeth", "mice", "geese", "youth", "data"}
)
_RATIO_HEADS = frozenset(range(1, 11))  # whole numbers that may start "N in M", "N out of M"
_MAX_DIGITS = 15  # longer digit runs are ids, not figures
_MAX_EXPONENT = 300  # powers of ten that a float still holds
_MAX_VALUE = 1e30

WORD_NUMBERS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)
#: Lower-cased tokens that can start a figure (besides digits).
ANCHORS = (
    WORD_NUMBERS | frozenset(FRACTIONS) | frozenset(GLYPHS) | frozenset(VAGUE) | {"minus"}
)

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
_SEPARATED = re.compile(r"\d,\d|\d\.\d+\.\d")  # a digit run that needs splitting
#: One number inside a digit run: thousands groups ("1,234,567.5") or plain ("1234.5").
_PIECE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|\d+(?:\.\d+)?")


class Tokens:
    """The tokens of a sentence: parallel lists of start, end, text and lower-cased text."""

    __slots__ = ("text", "start", "end", "word", "low", "n")

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_TOKEN.finditer(text))
        word = [m.group() for m in matches]
        start = [m.start() for m in matches]
        end = [m.end() for m in matches]
        if _SEPARATED.search(text):
            start, end, word = _resplit(start, end, word)
        lowered = text.lower()
        if len(lowered) == len(text):
            self.low = [lowered[s:e] for s, e in zip(start, end)]
        else:  # a character whose lower case is longer ("İ"): lower each token
            self.low = [w.lower() for w in word]
        self.start, self.end, self.word = start, end, word
        self.n = len(word)

    def glued(self, i: int) -> bool:
        """True when token `i` follows token `i - 1` with no space between."""
        return 0 < i < self.n and self.start[i] == self.end[i - 1]

    def phrase(self, i: int, j: int) -> str:
        """Tokens i..j-1 lower-cased, joined with one space where the text has space."""
        return self._join(self.low, i, j)

    def exact(self, i: int, j: int) -> str:
        """Like `phrase` but keeping the case as written."""
        return self._join(self.word, i, j)

    def forward(self, j: int, size: int):
        """Yield (end, exact, lower) for the phrases of 1..size tokens from `j`, built
        incrementally; stops at a gap of more than one space."""
        exact, low = self.word[j], self.low[j]
        yield j + 1, exact, low
        for k in range(j + 1, min(j + size, self.n)):
            gap = self.start[k] - self.end[k - 1]
            if gap > 1:
                return
            sep = " " if gap else ""
            exact += sep + self.word[k]
            low += sep + self.low[k]
            yield k + 1, exact, low

    def backward(self, i: int, size: int):
        """Yield (start, exact, lower) for the phrases of 1..size tokens ending before `i`."""
        if i == 0:
            return
        exact, low = self.word[i - 1], self.low[i - 1]
        yield i - 1, exact, low
        for k in range(i - 2, max(i - size, 0) - 1, -1):
            gap = self.start[k + 1] - self.end[k]
            if gap > 1:
                return
            sep = " " if gap else ""
            exact = self.word[k] + sep + exact
            low = self.low[k] + sep + low
            yield k, exact, low

    def _join(self, words: list[str], i: int, j: int) -> str:
        parts = [words[i]]
        for k in range(i + 1, j):
            if self.start[k] != self.end[k - 1]:
                parts.append(" ")
            parts.append(words[k])
        return "".join(parts)

    def is_digits(self, i: int) -> bool:
        return 0 <= i < self.n and self.word[i][0].isdecimal()


def edge_tokens(phrases, last: bool = False, lower: bool = True) -> frozenset[str]:
    """The first (or last) token of each phrase, as the tokenizer splits it: a cheap pre-check
    before building multi-token phrases."""
    edges = set()
    for phrase in phrases:
        words = _TOKEN.findall(phrase)
        if words:
            edge = words[-1] if last else words[0]
            edges.add(edge.lower() if lower else edge)
    return frozenset(edges)


def _resplit(start: list[int], end: list[int], word: list[str]) -> tuple[list, list, list]:
    """Split digit runs with separators into numbers ("1,234,5678" -> "1,234", ",", "5678")."""
    new_start: list[int] = []
    new_end: list[int] = []
    new_word: list[str] = []
    for s, e, w in zip(start, end, word):
        if w[0].isdecimal() and ("," in w or w.count(".") > 1):
            _split_digits(w, s, new_start, new_end, new_word)
        else:
            new_start.append(s)
            new_end.append(e)
            new_word.append(w)
    return new_start, new_end, new_word


def _split_digits(s: str, offset: int, start: list, end: list, word: list) -> None:
    """Split a run like "1,234,5678" or "1.2.3" into numbers and separator tokens."""
    pos = 0
    while pos < len(s):
        m = _PIECE.match(s, pos)
        stop = m.end() if m else pos + 1
        start.append(offset + pos)
        end.append(offset + stop)
        word.append(s[pos:stop])
        pos = stop


@dataclass(slots=True)
class Number:
    """A number as read from tokens `first`..`last - 1` (`last` is exclusive)."""

    first: int
    last: int
    value: float
    low: float | None = None  # set for vague amounts
    high: float | None = None
    kind: str = "digits"  # digits | words | fraction | vague
    scaled: bool = False  # a scale word or suffix was applied ("3.8 billion", "5k")
    scale: float = 1.0  # the factor of the scale words or suffix applied to digits
    plain: bool = False  # bare integer digits, no separator, sign or scale ("2019", "7")
    vague_text: str | None = None


def parse_number(tok: Tokens, i: int, money: bool = False) -> Number | None:
    """Read the number starting at token `i`, or None if none starts there."""
    num = _number(tok, i, money)
    if num and num.kind in ("digits", "words") and not num.scaled and num.value in _RATIO_HEADS:
        return _ratio(tok, num) or num  # "one in five"; not a rating "4.7 out of 5"
    return num


def _ratio(tok: Tokens, num: Number) -> Number | None:
    """ "one in five", "1 out of 3": a fraction."""
    j = num.last
    if j < tok.n and tok.low[j] == "in":
        j += 1
    elif j + 1 < tok.n and tok.low[j] == "out" and tok.low[j + 1] == "of":
        j += 2
    else:
        return None
    if j >= tok.n or not (tok.is_digits(j) or tok.low[j] in UNITS or tok.low[j] in TENS):
        return None
    whole = _number(tok, j, False)
    if whole is None or whole.kind not in ("digits", "words") or not num.value < whole.value <= 1000:
        return None
    if whole.kind == "digits" and not whole.plain:
        return None
    return Number(num.first, whole.last, num.value / whole.value, kind="fraction")


def _number(tok: Tokens, i: int, money: bool) -> Number | None:
    w = tok.word[i]
    low = tok.low[i]
    if w[0].isdecimal() or (w == "." and tok.is_digits(i + 1) and tok.glued(i + 1)):
        return _digits(tok, i, money)
    if low == "minus" and i + 1 < tok.n:
        if i > 1 and tok.low[i - 1] == "or" and tok.low[i - 2] == "plus":
            return None  # "plus or minus 3 points": a margin, read from its number
        j = i + 2 if tok.word[i + 1] in "-−" else i + 1
        if j < tok.n and tok.is_digits(j):
            num = _digits(tok, j, money)
            if num:
                num.first, num.value, num.plain = i, -num.value, False
            return num
        return None
    if low in VAGUE:
        return _vague(tok, i)
    if w in GLYPHS:
        return Number(i, i + 1, GLYPHS[w], kind="fraction")
    if low in FRACTIONS:
        return _fraction_word(tok, i, 1.0, i)
    if low in WORD_NUMBERS:
        return _words(tok, i)
    return None


def _digits(tok: Tokens, i: int, money: bool) -> Number | None:
    first = i
    text = tok.word[i]
    if i > 1 and tok.word[i - 1] == "." and tok.glued(i) and tok.glued(i - 1) and tok.is_digits(i - 2):
        return None  # "3.2.1": the tail of a version
    if text == ".":  # ".001"
        if tok.glued(i) and tok.word[i - 1][0].isdecimal():
            return None  # "3.2.1": the tail of a version
        i += 1
        if not tok.word[i].isdecimal():
            return None  # ".0.0"
        text = "0." + tok.word[i]
    digits = text.replace(",", "")
    if len(digits.split(".")[0]) > _MAX_DIGITS:
        return None
    value = float(digits)
    plain = "," not in text and "." not in text
    # a sign glued before the digits, after a space, bracket or currency sign: "-5", "$-50.8bn"
    sign = first - 1
    if sign >= 0 and tok.word[sign] in ("-", "−") and tok.glued(first):
        if sign == 0 or tok.word[sign - 1] in ("$", "€", "£", "(", "=") or (
            not tok.glued(sign) and not tok.word[sign - 1].isupper()  # not "COVID -19"
        ):
            first, value, plain = sign, -value, False
    last = i + 1
    # a glued vulgar fraction or slash fraction: "2½", "3/4", "1⁄16"
    if last < tok.n and tok.glued(last):
        nxt = tok.word[last]
        if nxt in GLYPHS:
            return Number(first, last + 1, value + GLYPHS[nxt], kind="digits")
        if nxt in ("/", "⁄") and tok.is_digits(last + 1) and tok.glued(last + 1) and plain:
            denominator = float(tok.word[last + 1].replace(",", ""))
            if 0 < value < denominator <= 1000 and "." not in tok.word[last + 1]:
                if not (last + 2 < tok.n and tok.word[last + 2] in ("/", "⁄") and tok.glued(last + 2)):
                    return Number(first, last + 2, value / denominator, kind="fraction")
            return None  # "24/7", "9/11", "12/25/2019": not figures
    num = Number(first, last, value, plain=plain)
    if last + 1 < tok.n and tok.word[last] in ("×", "x", "*") and tok.word[last + 1] == "10":
        return _scientific(tok, num)
    _scale(tok, num, money)
    if not num.scaled and last < tok.n and tok.low[last] in FRACTIONS and 0 < value < 10:
        frac = _fraction_word(tok, last, value, first)
        if frac:
            return frac
    return num


def _scientific(tok: Tokens, num: Number) -> Number:
    """ "1.99×10−30", "6.02 x 10^23": mantissa times a power of ten."""
    j = num.last + 2
    if j < tok.n and tok.word[j] == "^":
        j += 1
    sign = 1
    if j < tok.n and tok.word[j] in ("-", "−"):
        sign, j = -1, j + 1
    exponent = tok.word[j] if j < tok.n else ""
    if exponent.isdecimal() and len(exponent) <= 3 and int(exponent) <= _MAX_EXPONENT:
        value = num.value * 10.0 ** (sign * int(exponent))
        if abs(value) <= _MAX_VALUE:
            num.value = value
            num.last, num.plain, num.scaled = j + 1, False, True
    return num


def _scale(tok: Tokens, num: Number, money: bool) -> None:
    """Apply scale words and suffixes after the digits: "3.8 billion", "1.2m", "4 hundred million"."""
    j = num.last
    if j < tok.n and tok.glued(j) and (tok.word[j] in SUFFIXES or tok.low[j] in SCALES):
        suffix = tok.word[j]
        counts = j + 1 < tok.n and is_plural(tok.low[j + 1], tok.word[j + 1])  # "1.2m inhabitants"
        if suffix in SUFFIXES and (
            suffix not in _MONEY_ONLY_SUFFIXES or money or suffix == "M" or counts
        ):
            num.value *= SUFFIXES[suffix]
            num.scale *= SUFFIXES[suffix]
            num.last, num.scaled, num.plain = j + 1, True, False
            return
    while j < tok.n:
        low = tok.low[j]
        if low in ("-", "‐") and j + 1 < tok.n and tok.glued(j) and tok.glued(j + 1) and (
            tok.low[j + 1] in SCALES and not num.scaled
        ):
            j += 1  # "$1.5-trillion package", "a 10-million-dollar deal"
            low = tok.low[j]
        if low in SCALES and not (low == "dozen" and num.scaled):
            factor = SCALES[low]
        elif money and tok.word[j] in SUFFIXES and not tok.glued(j) and num.kind == "digits":
            factor = SUFFIXES[tok.word[j]]
        else:
            break
        if abs(num.value) * factor > _MAX_VALUE:
            break  # "5 million million million …": stop before the float overflows
        num.value *= factor
        num.scale *= factor
        j += 1
        num.last, num.scaled, num.plain = j, True, False


def is_plural(low: str, word: str = "") -> bool:
    """A plural noun by its spelling ("troops", "fishermen", "MPs") or an irregular one; `word`
    as written tells an acronym's plural ("RBIs", "IPOs") from "crisis"."""
    if low in _IRREGULAR_PLURALS or (len(word) > 2 and word[-1] == "s" and word[:-1].isupper()):
        return True
    if len(low) > 4 and low.endswith("men"):
        return True  # "fishermen", "servicemen"
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


def _words(tok: Tokens, i: int) -> Number | None:
    """Number words: "ten", "twenty-five", "two hundred and fifty", "two and a half million"."""
    first = i
    if tok.low[i] in SCALES:
        if i > 0 and tok.low[i - 1] in ("a", "an"):
            first = i - 1
        vague = _vague_quantifier(tok, i)
        if vague:
            return vague
    total = 0.0
    current = 0.0
    last_kind = ""  # unit | tens | scale
    j = i
    while j < tok.n:
        low = tok.low[j]
        if low in UNITS and last_kind in ("", "tens", "hundred"):
            if last_kind == "tens" and UNITS[low] >= 10:
                break
            current += UNITS[low]
            last_kind = "unit"
        elif low in TENS and last_kind in ("", "hundred"):
            current += TENS[low]
            last_kind = "tens"
        elif low == "hundred" and last_kind != "hundred":
            current = (current or 1) * 100
            last_kind = "hundred"
        elif low in SCALES and low != "hundred":
            current = (current or 1) * SCALES[low]
            if low != "dozen":
                total += current
                current = 0.0
            last_kind = "scale"
        elif low in ("-", "‐") and tok.glued(j) and j + 1 < tok.n and tok.glued(j + 1) and (
            tok.low[j + 1] in UNITS and last_kind == "tens"
        ):
            j += 1
            continue
        elif (
            low == "and"
            and j + 1 < tok.n
            and last_kind in ("hundred", "scale", "unit", "tens")
            and _half_after_and(tok, j)
        ):
            current += 0.5
            j += 3 if tok.low[j + 1] in ("a", "an") else 2
            last_kind = "half"
            continue
        elif low == "and" and last_kind in ("hundred", "scale") and j + 1 < tok.n and (
            tok.low[j + 1] in UNITS or tok.low[j + 1] in TENS
        ):
            j += 1
            last_kind = "hundred" if last_kind == "hundred" else ""
            continue
        else:
            break
        j += 1
    if j == i:
        return None
    if last_kind == "half" and j < tok.n and tok.low[j] in SCALES:  # "two and a half million"
        current *= SCALES[tok.low[j]]
        j += 1
    value = total + current
    num = Number(first, j, value, kind="words", scaled=any(tok.low[k] in SCALES for k in range(i, j)))
    if j < tok.n and 0 < value < 10 and not num.scaled:
        k = j + 1 if tok.word[j] in ("-", "‐") and tok.glued(j) else j
        if k < tok.n and tok.low[k] in FRACTIONS:
            frac = _fraction_word(tok, k, value, first)
            if frac:
                return frac
    return num


def _half_after_and(tok: Tokens, j: int) -> bool:
    """True for "and a half" / "and half" at token `j` ("and")."""
    k = j + 1
    if tok.low[k] in ("a", "an"):
        k += 1
    return k < tok.n and tok.low[k] == "half"


def _fraction_word(tok: Tokens, i: int, numerator: float, first: int) -> Number | None:
    """ "a third", "two-thirds", "half", "half a million"; None for ordinals ("second half")."""
    low = tok.low[i]
    prev = tok.low[first - 1] if first > 0 else ""
    if first == i:  # no number word before it
        if prev in ("a", "an", "one"):
            first -= 1
        elif not low.startswith("hal"):
            return None
    value = numerator * FRACTIONS[low]
    if value > 1:
        return None
    nxt = tok.low[i + 1] if i + 1 < tok.n else ""
    if low in _ORDINAL_FRACTIONS and nxt and (
        (nxt[0].isalnum() and nxt not in _STOP) or nxt == "-"
    ):
        return None  # "a third term", "a third-party": ordinals; "a third of", "by a third after"
    if low.startswith("hal") and nxt in ("-", "‐") and tok.glued(i + 1):
        return None  # "half-time", "half-hearted"
    if nxt in ("a", "an") and i + 2 < tok.n and tok.low[i + 2] in SCALES:  # "half a million"
        return Number(first, i + 3, value * SCALES[tok.low[i + 2]], kind="words", scaled=True)
    return Number(first, i + 1, value, kind="fraction")


def _vague(tok: Tokens, i: int) -> Number | None:
    """ "dozens", "hundreds", "thousands of", "tens of thousands", "hundreds of millions"."""
    low = tok.low[i]
    lo, hi = VAGUE[low]
    j = i + 1
    if j + 1 < tok.n and tok.low[j] == "of" and tok.low[j + 1] in VAGUE and tok.low[j + 1] != "tens":
        base = VAGUE[tok.low[j + 1]][0]
        lo, hi = lo * base, hi * base
        j += 2
    elif low in ("tens", "scores") and not (j < tok.n and tok.low[j] == "of"):
        return None  # "tens" alone is not an amount; "scores" alone is results
    if i > 0 and (tok.low[i - 1] in UNITS or tok.low[i - 1] in TENS):
        return None  # "two hundreds": rare, let the words path decline it
    return Number(i, j, (lo + hi) / 2, lo, hi, kind="vague", scaled=True,
                  vague_text=tok.text[tok.start[i] : tok.end[j - 1]])


def _vague_quantifier(tok: Tokens, i: int) -> Number | None:
    """ "several hundred", "a few thousand", "a couple of hundred": vague, scaled by the words."""
    for size in (3, 2, 1):
        k = i - size
        if k < 0:
            continue
        phrase = tok.phrase(k, i)
        if phrase in VAGUE_QUANTIFIERS:
            lo, hi = VAGUE_QUANTIFIERS[phrase]
            j = i
            while j < tok.n and tok.low[j] in SCALES:
                lo, hi = lo * SCALES[tok.low[j]], hi * SCALES[tok.low[j]]
                j += 1
            return Number(k, j, (lo + hi) / 2, lo, hi, kind="vague", scaled=True,
                          vague_text=tok.text[tok.start[k] : tok.end[j - 1]])
    return None
