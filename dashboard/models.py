"""The contract between pipeline stages: an `Article` goes in, `Claim` rows come out.

Field names, types and enums follow the claim table of DESIGN.md. Ids are content hashes, so the
same article text and metadata give the same ids on every run and machine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator


class Qualifier(str, Enum):
    """How the stated number bounds the true figure (the claim's interval meaning)."""

    exact = "exact"
    approximate = "approximate"
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    less_than = "less_than"
    range = "range"
    vague = "vague"


class Category(str, Enum):
    """What kind of figure it is; assigned from the category lexicon."""

    killed = "killed"
    wounded = "wounded"
    casualties = "casualties"
    troops = "troops"
    captured = "captured"
    missing = "missing"
    displaced = "displaced"
    weapons = "weapons"
    money = "money"
    percent = "percent"
    other = "other"


class Change(str, Enum):
    """Set when the figure is a movement or an addition rather than a level."""

    increase = "increase"
    decrease = "decrease"


class QuoteKind(str, Enum):
    """Whether the figure sits inside the speaker's quotation marks."""

    direct = "direct"
    indirect = "indirect"
    none = "none"


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """Hash of an article body; used to notice that a stored article's text changed."""
    return _digest(text)


def make_article_id(
    text: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
) -> str:
    """Stable article id: the URL, else outlet + title + date, else the content hash."""
    if url:
        return "a_" + _digest("url", url.strip())
    if title and (outlet or published):
        return "a_" + _digest("meta", outlet, title.strip(), published)
    return "a_" + _digest("text", text)


def make_claim_id(article_id: str, char_start: int, char_end: int) -> str:
    """Stable claim id: hash of the article id and the mention's character span."""
    return "c_" + _digest(article_id, char_start, char_end)


class Article(BaseModel):
    """One article: its body text and whatever metadata the input carried."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(min_length=1)
    title: str | None = None
    url: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    source: str | None = Field(default=None, description="where it was read from (path or URL)")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def article_id(self) -> str:
        return make_article_id(
            self.text, url=self.url, outlet=self.outlet, title=self.title, published=self.published
        )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text_hash(self) -> str:
        return text_hash(self.text)


class Claim(BaseModel):
    """One claimed figure with its interval meaning, source, attribution and context."""

    model_config = ConfigDict(frozen=True)

    claim_id: str
    article_id: str
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    mention: str = Field(min_length=1)
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier
    qualifier_text: str | None = None
    unit: str | None = None
    counted: str | None = None
    category: Category = Category.other
    change: Change | None = None
    attributed_to: str | None = None
    speaker_role: str | None = None
    attribution_cue: str | None = None
    quote: QuoteKind = QuoteKind.none
    hedged: bool = False
    sentence: str
    char_start: int = Field(ge=0)
    char_end: int = Field(gt=0)

    @model_validator(mode="after")
    def _consistent(self) -> Claim:
        if self.char_start >= self.char_end:
            raise ValueError(f"char_start {self.char_start} must be below char_end {self.char_end}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        if self.mention not in self.sentence:
            raise ValueError(f"mention {self.mention!r} is not in its sentence")
        return self

    def check_offsets(self, text: str) -> None:
        """Raise ValueError unless the offsets point at `mention` inside `text`."""
        if self.char_end > len(text) or text[self.char_start : self.char_end] != self.mention:
            raise ValueError(
                f"offsets {self.char_start}:{self.char_end} do not point at {self.mention!r}"
            )


#: Column order of every table the project writes (CSV, JSON, the database, the dashboard).
CLAIM_COLUMNS: tuple[str, ...] = tuple(Claim.model_fields)
