"""The quoted context of a claim, as Markdown that is safe to show whatever the article says.

Article text is untrusted. Streamlit's Markdown escapes HTML but still reads Markdown syntax,
links, `$…$` math and `:color[…]` directives, so every ASCII punctuation character of the text is
backslash-escaped (CommonMark lets any of them be escaped) and whitespace runs are collapsed.
Bare URLs and e-mail addresses are turned into links after escapes are read (GFM autolink
literals), so an invisible word joiner breaks `http://`, `www.` and `name@host` apart.
The only markup left is the app's own highlight around the figure.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from dashboard.extract.sentences import split_sentences

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"\s+")
_AUTOLINK = re.compile(r"(?i)(\bhttps?(?=:)|\bwww(?=\.)|@(?=\w))")
#: U+2060 WORD JOINER: invisible, keeps the word together, but no autolink pattern matches.
JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: no HTML, links, emphasis or math."""
    text = _AUTOLINK.sub(lambda m: m.group(1) + JOINER, _SPACES.sub(" ", text))
    return _PUNCTUATION.sub(r"\\\1", text)


def highlight(mention: str) -> str:
    """The app's own markup around an (escaped) figure."""
    return f":orange-background[**{escape_markdown(mention)}**]"


def context_markdown(text: str, start: int, end: int, neighbours: int = 1) -> str:
    """The sentence holding text[start:end] with `neighbours` sentences each side, escaped,
    the figure highlighted. Offsets outside the text give just the escaped text slice."""
    if not 0 <= start < end <= len(text):
        return escape_markdown(text[:500])
    spans = split_sentences(text)
    index = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    if index is None:
        first, last = start, end
    else:
        window = spans[max(0, index - neighbours) : index + neighbours + 1]
        first, last = window[0][0], max(window[-1][1], end)
    return (
        escape_markdown(text[first:start])
        + highlight(text[start:end])
        + escape_markdown(text[end:last])
    )


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link worth offering, else None (no `javascript:` links)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
