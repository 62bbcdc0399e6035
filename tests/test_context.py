"""Context rendering: untrusted article text is escaped; only the app's highlight is markup."""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

import html

from dashboard.context import JOINER, context_html, escape_markdown, safe_url


def unescape(markdown: str) -> str:
    """What a reader sees: backslash escapes removed (CommonMark's rule), joiners invisible."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(JOINER, "")


ESCAPES = [
    # HTML and scripts
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    # Markdown emphasis, links, autolinks, images, headings, code, tables, lists
    "**bold** and _it_",
    "[link](http://x)",
    "<http://x> and https://example.com",
    "![img](http://x/i.png)",
    "# Heading",
    "`code`",
    "| a | b |",
    "1. first",
    # dollar amounts are not LaTeX math, and Streamlit directives are not colours or icons
    "$5 and $10",
    ":red[alarm] :material/home:",
    # entities stay literal
    "&lt;b&gt; &amp;",
]


@pytest.mark.parametrize("text", ESCAPES)
def test_escaped_text_reads_the_same_but_is_inert(text: str) -> None:
    escaped = escape_markdown(text)
    assert unescape(escaped) == text
    # every markup character is preceded by a backslash: none is left to interpret
    assert not re.search(r"[!-/:-@\[-`{-~]", re.sub(r"\\.", "", escaped))


@pytest.mark.parametrize("text", ["see https://example.com", "HTTP://x", "www.example.com",
                                  "mail news@example.com"])
def test_bare_urls_and_addresses_cannot_become_links(text: str) -> None:
    plain = unescape(escape_markdown(text).replace(JOINER, "|"))
    assert not re.search(r"(?i)https?:|www\.|@\w", plain)


def test_whitespace_runs_collapse_so_no_code_block_or_line_break_appears() -> None:
    assert escape_markdown("a\n\n    indented\tcode") == "a indented code"


class Context(NamedTuple):
    text: str
    mention: str
    neighbours: int
    shown: str  # what the reader sees, the highlighted figure between [[ ]]


CONTEXTS = [
    # the sentence with one neighbour each side, figure highlighted
    Context("First one. Then 100 died. Last one. Far away.", "100", 1,
            "First one. Then [[100]] died. Last one."),
    # at the start of the text there is no neighbour before
    Context("At 5 pm. Next. Other.", "5", 1, "At [[5]] pm. Next."),
    # no neighbours asked: the sentence alone
    Context("Go. It cost $5 and $10. Stop.", "$10", 0, "It cost $5 and [[$10]]."),
    # markup inside the figure and around it stays literal
    Context("Say **<b>9</b>** now.", "9", 0, "Say **<b>[[9]]</b>** now."),
    # links, entities and scripts are text, and copy as the article wrote them
    Context("See www.x.org &amp; <script>alert(1)</script> for 7 more.", "7", 0,
            "See www.x.org &amp; <script>alert(1)</script> for [[7]] more."),
]


def shown(markup: str) -> str:
    """What a reader sees of context HTML, the highlight between [[ ]]."""
    marked = markup.replace("<mark><strong>", "[[").replace("</strong></mark>", "]]")
    assert marked.startswith("<p>") and marked.endswith("</p>")
    assert "<" not in marked[3:-4]  # no tag but the app's own
    return html.unescape(marked[3:-4])


@pytest.mark.parametrize("example", CONTEXTS, ids=[c.text for c in CONTEXTS])
def test_context_shows_sentence_neighbours_and_highlight(example: Context) -> None:
    start = example.text.index(example.mention)
    markup = context_html(example.text, start, start + len(example.mention), example.neighbours)
    assert markup.count("<mark>") == 1
    assert shown(markup) == example.shown


def test_offsets_outside_the_text_show_escaped_text_without_highlight() -> None:
    assert context_html("<i>x</i> 5", 40, 41) == "<p>&lt;i&gt;x&lt;/i&gt; 5</p>"


URLS = [
    ("https://example.com/a?b=1", "https://example.com/a?b=1"),
    ("http://x", "http://x"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//example.com", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_only_http_links_are_offered(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected
