"""The view's filters: one model shared by the URL, the dashboard's sidebar, the SQL and the CLI.

A filtered view is a link: `?outlet=…&speaker=…&category=killed&category=wounded&from=2024-01-01
&to=2024-12-31&q=troops` (repeated keys for several values). `Filters.where()` turns the same
model into a SQL WHERE clause with `?` parameters, so no user text is ever pasted into SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

#: The option that selects rows whose outlet or speaker is unknown (NULL in the database).
NONE_OPTION = "(none)"
#: Values of the `hedged` parameter; anything else means "either".
HEDGED_VALUES = {"yes": True, "no": False}

#: Multi-value filters: URL parameter (also the Filters attribute) -> column of `claims`.
LIST_PARAMS: dict[str, str] = {
    "outlet": "outlet",
    "speaker": "attributed_to",
    "category": "category",
    "qualifier": "qualifier",
    "quote": "quote",
}
#: Columns the free-text search `q` looks in.
SEARCH_COLUMNS = ("sentence", "counted", "attributed_to")


@dataclass(frozen=True)
class Filters:
    """What the current view shows. Empty tuples and None mean "no restriction"."""

    outlet: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    qualifier: tuple[str, ...] = ()
    quote: tuple[str, ...] = ()
    hedged: bool | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""

    @classmethod
    def from_params(cls, get_all: Callable[[str], Sequence[str]]) -> Filters:
        """Build from URL parameters; `get_all(name)` returns every value of a repeated key.

        Values that cannot be read (a malformed date, an unknown `hedged`) are ignored.
        """
        lists = {
            name: tuple(dict.fromkeys(v.strip() for v in get_all(name) if v.strip()))
            for name in LIST_PARAMS
        }
        last = {name: (list(get_all(name)) or [""])[-1].strip() for name in ("hedged", "from", "to", "q")}
        return cls(
            **lists,
            hedged=HEDGED_VALUES.get(last["hedged"].lower()),
            date_from=_date(last["from"]),
            date_to=_date(last["to"]),
            q=last["q"],
        )

    @classmethod
    def from_url(cls, url: str) -> Filters:
        """Build from a shared dashboard link (or just its `?query` part)."""
        query = urlsplit(url).query if "?" in url else url
        parsed = parse_qs(query, keep_blank_values=False)
        return cls.from_params(lambda name: parsed.get(name, []))

    def to_params(self) -> list[tuple[str, str]]:
        """URL parameters of this view, repeated keys for several values, in a stable order."""
        params = [(name, v) for name in LIST_PARAMS for v in getattr(self, name)]
        if self.hedged is not None:
            params.append(("hedged", "yes" if self.hedged else "no"))
        if self.date_from:
            params.append(("from", self.date_from.isoformat()))
        if self.date_to:
            params.append(("to", self.date_to.isoformat()))
        if self.q:
            params.append(("q", self.q))
        return params

    def query_string(self) -> str:
        """`to_params()` encoded for a URL, without the leading `?`."""
        return urlencode(self.to_params())

    def is_empty(self) -> bool:
        return self == Filters()

    def where(self) -> tuple[str, list[object]]:
        """SQL condition (for `WHERE …`) over the claims table and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        for name, column in LIST_PARAMS.items():
            values = getattr(self, name)
            if not values:
                continue
            known = [v for v in values if v != NONE_OPTION]
            parts = []
            if known:
                parts.append(f"{column} IN ({', '.join('?' * len(known))})")
                params.extend(known)
            if NONE_OPTION in values:
                parts.append(f"{column} IS NULL")
            clauses.append("(" + " OR ".join(parts) + ")")
        if self.hedged is not None:
            clauses.append("hedged = ?")
            params.append(self.hedged)
        if self.date_from:
            clauses.append("published >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("published <= ?")
            params.append(self.date_to)
        for word in self.q.lower().split():  # a plain substring test: no LIKE wildcards to escape
            clauses.append("(" + " OR ".join(f"contains(lower({c}), ?)" for c in SEARCH_COLUMNS) + ")")
            params.extend([word] * len(SEARCH_COLUMNS))
        return (" AND ".join(clauses) or "TRUE"), params

    def slug(self) -> str:
        """Short file-name-safe description of the view, e.g. `category-killed_from-2024-01-01`."""
        text = "_".join(f"{name}-{value}" for name, value in self.to_params())
        text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")
        return text[:80].rstrip("-_") or "all"

    def file_name(self, suffix: str = "csv") -> str:
        """Download name that says what was filtered: `claims_category-killed.csv`."""
        return f"claims_{self.slug()}.{suffix}"


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None

