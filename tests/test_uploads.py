"""Articles added from the dashboard: uploaded files of every input kind, and pasted text."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from dashboard.ingest import InputError
from dashboard.uploads import read_pasted, read_upload

PAGE = b"""<html><head><title>Dam breaks | River News</title>
<meta property="og:site_name" content="River News"><meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2025-04-02T08:00:00Z"></head><body>
<nav>Home | World | Sport</nav><article><h1>Dam breaks</h1>
<p>The dam gave way on Tuesday morning and flooded the valley below it for hours.</p>
<p>Rescuers said 45 people were taken to safety and 12 homes were destroyed by the water.</p>
</article><footer>Cookie settings</footer></body></html>"""
COOKIE_WALL = b"""<html><head><title>Your privacy</title></head><body><div id="wall">
<h2>Your privacy matters to us</h2><p>This site uses cookies to measure traffic and show
personalized ads. Manage preferences or accept all to keep reading.</p></div></body></html>"""


class Upload(NamedTuple):
    name: str
    data: bytes
    title: str | None  # the article's title, or None when the file must be refused
    reason: str = ""  # part of the refusal's message


UPLOADS = [
    # our text format, with and without a BOM
    Upload("a.txt", b"Storm hits\n2025-01-02\n\n40 homes flooded.", "Storm hits"),
    Upload("b.txt", "\ufeffStorm hits\n\nRain.".encode(), "Storm hits"),
    # a saved web page: main text and metadata, boilerplate left out
    Upload("page.html", PAGE, "Dam breaks"),
    # files that cannot be read say why, in one line naming the file
    Upload("empty.txt", b"", None, "empty file"),
    Upload("bin.txt", b"\x00\x01\x02PNG", None, "binary content"),
    # a Latin-1 file is decoded, not refused (issue 7: detect the encoding)
    Upload("latin.txt", "Caf\xe9 news\n\nThe caf\xe9 in Z\xfcrich served 40 cr\xe8me br\xfbl\xe9e desserts.".encode("latin-1"), "Caf\xe9 news"),
    Upload("title-only.txt", b"Just a title\n", None, "no article text"),
    Upload("blank.html", b"<html><body></body></html>", None, "not an article"),
    # a cookie wall is no article either (the reader of `figures ingest` decides)
    Upload("wall.html", COOKIE_WALL, None, "not an article (a cookie, consent or login wall"),
]


@pytest.mark.parametrize("upload", UPLOADS, ids=[u.name for u in UPLOADS])
def test_uploads(upload: Upload) -> None:
    (result,) = read_upload(upload.name, upload.data)
    if upload.title is None:
        assert isinstance(result, InputError)
        assert str(result).startswith(upload.name + ": ") and upload.reason in str(result)
    else:
        assert not isinstance(result, InputError), result
        assert result.title == upload.title and result.source == upload.name


def test_html_metadata_and_main_text() -> None:
    (article,) = read_upload("page.html", PAGE)
    assert not isinstance(article, InputError)
    assert "45 people" in article.text and "Cookie" not in article.text
    assert (article.outlet, article.author, str(article.published)) == ("River News", "Ana Ruiz", "2025-04-02")


def test_pasted_text_uses_the_text_format() -> None:
    (article,) = read_pasted("Budget passes\nSource: City Paper\n\nThe council approved 12 projects.")
    assert not isinstance(article, InputError)
    assert (article.title, article.outlet, article.source) == ("Budget passes", "City Paper", "pasted text")


def test_a_pasted_web_page_is_read_as_html() -> None:
    (article,) = read_pasted(PAGE.decode())
    assert not isinstance(article, InputError)
    assert (article.title, article.outlet) == ("Dam breaks", "River News")
    assert "Home | World" not in article.text


def test_a_dump_upload_gives_each_of_its_articles() -> None:
    dump = (b'{"title": "Storm", "text": "The storm flooded 40 homes."}\n'
            b'{"title": "Fire", "text": "Firefighters saved 12 barns."}\n'
            b'{"title": "No text"}\n')
    results = read_upload("export.jsonl", dump)
    assert [r.title for r in results if not isinstance(r, InputError)] == ["Storm", "Fire"]
    (error,) = [r for r in results if isinstance(r, InputError)]
    assert str(error).startswith("export.jsonl")


def test_a_dump_without_rows_says_so() -> None:
    (error,) = read_upload("empty.csv", b"title,text\n")
    assert isinstance(error, InputError) and str(error).startswith("empty.csv: ")
