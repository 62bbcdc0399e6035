"""Fast regex alternations for word lists: one pattern shaped as a trie of the words.

Python's `re` tries every branch of `a|b|c…` at each position; sharing prefixes ("said",
"says", "saying" → `sa(?:id|ys|ying)`) keeps a 300-word cue lexicon cheap to scan for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex (no groups) matching exactly the given words, longest first at each branch."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
