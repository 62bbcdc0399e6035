"""Adapters from the project's pipeline to the evaluation scorers' `predict` signatures."""

from __future__ import annotations

from dashboard.extract import extract_claims
from dashboard.models import Article


def attribution(text: str) -> list[dict]:
    """The attribution scorer's predict(): one dict per claim with its span and speaker."""
    return [
        {"start": c.char_start, "end": c.char_end, "attributed_to": c.attributed_to}
        for c in extract_claims(Article(text=text))
    ]
