"""Who claims each figure: speaker, role, cue, quote type and hedging.

`attribute(text, spans)` is the one public function: given the article body and the character
spans of its figures, it returns one `Attribution` per span, in the same order. Pure and
model-free: cue words and speaker nouns come from lexicon files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.models import QuoteKind


@dataclass(frozen=True)
class Attribution:
    """Who the article says claims a figure; `attributed_to` None is the article's own voice."""

    attributed_to: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    quote: QuoteKind = QuoteKind.none
    hedged: bool = False


def attribute(text: str, spans: Sequence[tuple[int, int]]) -> list[Attribution]:
    """Return one Attribution per (start, end) span of `text`. (Placeholder: own voice.)"""
    return [Attribution() for _ in spans]
