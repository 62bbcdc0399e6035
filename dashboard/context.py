"""The quoted context of a claim, and the claim's labels, safe to show whatever the article says.

Article text is untrusted. The context passage is HTML with every character escaped and the
figure in a `<mark>`: HTML is never autolinked, so what the reader copies is the article's text.
Short labels (title, outlet, speaker) go through Streamlit's Markdown, which escapes HTML but
still reads Markdown syntax, links, `$…$` math and `:color[…]` directives, so every ASCII
punctuation character is backslash-escaped (CommonMark lets any of them be escaped) and
whitespace runs are collapsed. Bare URLs and e-mail addresses are turned into links after
escapes are read (GFM autolink literals), so in labels an invisible word joiner breaks
`http://`, `www.` and `name@host` apart.
"""

from __future__ import annotations

import html
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


def context_html(text: str, start: int, end: int, neighbours: int = 1) -> str:
    """The sentence holding text[start:end] with `neighbours` sentences each side, as escaped
    HTML with the figure marked. Offsets outside the text give just the escaped text slice."""
    if not 0 <= start < end <= len(text):
        return f"<p>{_escape_html(text[:500])}</p>"
    spans = split_sentences(text)
    index = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    if index is None:
        first, last = start, end
    else:
        window = spans[max(0, index - neighbours) : index + neighbours + 1]
        first, last = window[0][0], max(window[-1][1], end)
    return (
        f"<p>{_escape_html(text[first:start])}"
        f"<mark><strong>{_escape_html(text[start:end])}</strong></mark>"
        f"{_escape_html(text[end:last])}</p>"
    )


def _escape_html(text: str) -> str:
    """Text as literal HTML, whitespace runs collapsed to one space."""
    return html.escape(_SPACES.sub(" ", text))


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link worth offering, else None (no `javascript:` links)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
