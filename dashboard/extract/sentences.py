"""Split an article body into sentences, keeping character offsets into the body.

Rules, not a model: a sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets)
followed by whitespace and an opening quote, bracket, digit or capital letter, unless the word
before the full stop is a known abbreviation ("Mr.", "U.S.", "Dec."). Line breaks always end a
sentence: news bodies put one paragraph per line.
"""

from __future__ import annotations

import re

from dashboard.extract.lexicon import load_words

_ABBREVIATIONS = load_words("abbreviations.txt")

_BOUNDARY = re.compile(
    r"""[.!?]+['"’”)\]]*(?=\s+['"‘“(\[]?[A-Z0-9])"""  # end mark, closers, then a new sentence
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` closes an abbreviation rather than a sentence."""
    if text[stop] != ".":
        return False
    before = text[max(0, stop - 40) : stop]  # the word before it, at most 40 characters
    word = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
    word = (word + ".").lstrip("'\"‘“([")
    if word.lower() in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "U.N."
    return bool(_INITIALS.fullmatch(word))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of `text`, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, boundary.start()):
                continue
            spans.append((start, boundary.end()))
            start = boundary.end()
        spans.append((start, line.end()))
    return [trimmed for span in spans if (trimmed := _trim(text, span))]


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
