"""Find quotations: spans inside quotation marks, with quotes that run over paragraphs linked.

Straight and curly, double and single marks. A single mark between two letters ("Korea's",
"don't") is an apostrophe, not a quote. News style continues a quotation into the next paragraph
by opening it again without closing the previous one; such pieces share one `group`, so they
share one speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# an opening mark and the marks that may close it (typists mix straight and curly ones)
_OPENERS = {'"': '"”', "“": '”"', "'": "'’", "‘": "’'"}
_MARK = re.compile(r"[\"“”'‘’]")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Quote:
    """One quotation piece: `start` at its opening mark, `end` after its closing mark (or at the
    end of the paragraph when it runs on); pieces of one multi-paragraph quotation share `group`."""

    start: int
    end: int
    group: int


def _can_open(text: str, i: int) -> bool:
    """An opening mark: not after a letter, so an apostrophe ("Korea's") never opens."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    """A closing mark: not before a letter, so an apostrophe never closes; after a space only
    when it cannot open either ("… important,' " Magel said")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum() and (not before.isspace() or after.isspace() or after in ",.;:")


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """Quote spans of one paragraph, and whether the last one is left open at its end."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in _MARK.finditer(text, start, end):
        i, mark = m.start(), m.group()
        if open_at is None:
            if mark in _OPENERS and _can_open(text, i):
                open_at, closer = i, _OPENERS[mark]
        elif mark in closer and _can_close(text, i):
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    return spans, open_at is not None


def find_quotes(text: str) -> list[Quote]:
    """Return the quotation pieces of `text` in order."""
    quotes: list[Quote] = []
    group = -1
    running = False
    for para in _PARAGRAPH.finditer(text):
        spans, left_open = _paragraph_quotes(text, para.start(), para.end())
        for n, (s, e) in enumerate(spans):
            continues = running and n == 0 and not text[para.start() : s].strip()
            if not continues:
                group += 1
            quotes.append(Quote(s, e, group))
        running = left_open
    return quotes
