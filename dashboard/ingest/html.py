"""HTML pages to Articles: trafilatura finds the main text and the metadata (title, author,
date via htmldate, site name, canonical URL) and leaves menus, banners, "read more" links, image
captions, comments and tables out, so they yield no claims. Pages that are not articles (cookie
or consent walls, paywalls, error pages) are refused with the reason "not an article".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document, Extractor

from dashboard.extract.lexicon import load_words
from dashboard.ingest.dates import date_or_warn
from dashboard.ingest.errors import InputError
from dashboard.models import Article

#: Main text shorter than this is no article (a teaser, an error page, a wall).
MIN_WORDS = 25
#: Walls are short; a long text mentioning "privacy policy" twice is still an article. Lines with
#: two or more wall phrases are banners and are dropped from any article.
_WALL_MAX_CHARS = 1500
#: Elements that end a line of text; table cells too, so "1" and "2" never merge into "12".
_BLOCKS = (
    *("p", "div", "br", "li", "dt", "dd", "blockquote", "pre", "section", "article", "figure"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"),
)
_MARKUP = re.compile(
    r"<\s*(?:p|div|br|span|a|em|strong|b|i|li|ul|h[1-6]|img|blockquote)\b[^>]*>", re.I
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@cache
def _wall_phrases() -> tuple[str, ...]:
    return tuple(sorted(load_words("not_article.txt")))


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML document declares in a <meta> tag near its start."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def looks_like_markup(text: str) -> bool:
    """True when a text field holds HTML tags (feed summaries, some dump columns)."""
    return bool(_MARKUP.search(text))


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment, one line per block element, scripts and styles dropped."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup.strip()
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _wall_hits(text: str) -> list[str]:
    lowered = text.lower()
    return [phrase for phrase in _wall_phrases() if phrase in lowered]


def _not_article_reason(page_text: str, body: str) -> str | None:
    """Why a page is no article: too little text once banners are gone (a wall if the page spoke
    of cookies, consent or subscriptions), or a short body still full of such phrases."""
    words = len(body.split())
    hits = _wall_hits(page_text) if words < MIN_WORDS else _wall_hits(body)
    if len(hits) >= 2 and (words < MIN_WORDS or len(body) <= _WALL_MAX_CHARS):
        return f"not an article (a cookie, consent or login wall: {', '.join(hits[:3])})"
    if words < MIN_WORDS:
        return f"not an article (only {words} word{'' if words == 1 else 's'} of main text)"
    return None


def _body_lines(text: str, title: str | None) -> str:
    """The article's paragraphs without the headline (it is the title) and without consent or
    subscription banners that slipped into the main text."""
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    return "\n".join(line for line in lines if len(_wall_hits(line)) < 2).strip()


@lru_cache(maxsize=64)
def _settings(url: str | None, fast: bool) -> Extractor:
    """trafilatura's settings, made once (not per page: reading its config costs a few percent
    of an extraction); trafilatura never changes a shared Extractor."""
    return Extractor(
        output_format="python",
        url=url,
        fast=fast,
        with_metadata=True,
        comments=False,
        tables=False,
        images=False,
        precision=True,
        date_params={"original_date": True, "extensive_search": True},
    )


def _extract(html: str, url: str | None, fast: bool) -> Document | None:
    """trafilatura's main text and metadata (date via htmldate) from one parse of the page;
    `fast` skips its fallback extractors (readability, jusText), which cost as much again."""
    return trafilatura.bare_extraction(html, options=_settings(url, fast))


def parse_html(html: str, source: str, url: str | None = None) -> Article:
    """Extract the article of an HTML page; raise InputError when it holds none.

    The fast extraction comes first; only a page where it finds too little for an article is
    extracted again with trafilatura's fallbacks, so odd layouts keep their text.
    """
    doc = _extract(html, url, fast=True)
    if doc is None or len((doc.text or "").split()) < MIN_WORDS:
        doc = _extract(html, url, fast=False) or doc
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError(source, "not an article (no main text found)")
    title = (doc.title or "").strip() or None
    body = _body_lines(text, title)
    reason = _not_article_reason(text, body)
    if reason:
        raise InputError(source, reason)
    return Article(
        text=body,
        title=title,
        author=(doc.author or "").strip() or None,
        outlet=(doc.sitename or doc.hostname or "").strip() or None,
        url=doc.url or url,
        published=date_or_warn(doc.date, source),
        source=source,
    )
