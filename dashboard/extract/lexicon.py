"""Load the lexicons kept as data files in `dashboard/lexicons/` (language data apart from code)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("dashboard.lexicons").joinpath(name).read_text(encoding="utf-8")


@cache
def load_words(name: str) -> frozenset[str]:
    """A word list: one entry per line, lower-cased; `#` starts a comment."""
    words = (line.split("#", 1)[0].strip().lower() for line in _read(name).splitlines())
    return frozenset(w for w in words if w)


@cache
def load_json(name: str) -> Any:
    """A structured lexicon (JSON)."""
    return json.loads(_read(name))
