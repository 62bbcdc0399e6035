"""Reading the project's plain-text article format (title, header lines, body)."""

import datetime as dt

import pytest

from dashboard.ingest import InputError, read_article, read_articles
from dashboard.ingest.textfile import parse_text_article

HEADER_EXAMPLES = [
    # (file content, expected metadata)
    # A bare ISO date and an Author line, as in the bundled article.
    ("Title\n2024-12-19\nAuthor: Wei\nBody.", {"published": dt.date(2024, 12, 19), "author": "Wei"}),
    # Key: value headers, any case, then a blank line before the body.
    (
        "Title\nDate: Dec. 19, 2024\nSource: Example News\nurl: https://example.com/x\n\nBody.",
        {"published": dt.date(2024, 12, 19), "outlet": "Example News", "url": "https://example.com/x"},
    ),
    ("Title\nPublished: 19 December 2024\nBy: A. Writer\nBody.", {"published": dt.date(2024, 12, 19), "author": "A. Writer"}),
    ("Title\nOutlet: Daily\nBody.", {"outlet": "Daily", "published": None}),
    # A dateline that looks like a header ("SEOUL: ...") starts the body.
    ("Title\nSEOUL: Officials said 5 died.", {"author": None, "outlet": None}),
    # Windows line endings and a byte order mark.
    ("\ufeffTitle\r\nAuthor: Wei\r\n\r\nBody.", {"author": "Wei", "title": "Title"}),
]


@pytest.mark.parametrize("content, expected", HEADER_EXAMPLES)
def test_header_lines(content, expected):
    article = parse_text_article(content, "x.txt")
    for field, value in expected.items():
        assert getattr(article, field) == value, field


def test_body_starts_after_headers():
    article = parse_text_article("Title\nAuthor: Wei\nSEOUL: Officials said 5 died.\nMore.", "x.txt")
    assert article.text == "SEOUL: Officials said 5 died.\nMore."
    assert article.title == "Title"


def test_unknown_date_is_kept_as_null_with_a_warning():
    with pytest.warns(UserWarning, match="x.txt: unrecognised date 'sometime'"):
        article = parse_text_article("Title\nDate: sometime\nBody.", "x.txt")
    assert article.published is None


@pytest.mark.parametrize(
    "content, reason",
    [
        ("", "empty file"),
        ("\n\n   \n", "empty file"),
        ("Only a title", "no article text"),
        ("Title\nAuthor: Wei\n", "no article text"),
    ],
)
def test_articles_without_text_are_refused(content, reason):
    with pytest.raises(InputError, match=reason) as info:
        parse_text_article(content, "x.txt")
    assert str(info.value).startswith("x.txt: ")


def test_bundled_article_metadata(bundled_article_path):
    article = read_article(bundled_article_path)
    assert article.title.startswith("Shocking Casualties: North Korean Troops")
    assert article.published == dt.date(2024, 12, 19)
    assert article.author == "Wei"
    assert article.outlet is None
    assert article.text.startswith("SEOUL: Alarming reports")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"Title\x00\x01\x02binary", "binary content"),
        # (Invalid UTF-8 is no longer refused: its encoding is detected; see test_ingest_bad_inputs.)
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary content"),
    ],
)
def test_unreadable_files_name_the_file_and_the_problem(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as info:
        read_article(path)
    assert info.value.source == str(path)


def test_a_bad_file_does_not_stop_the_batch(tmp_path, bundled_article_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text("Title\nBody with 5 figures.", encoding="utf-8")
    results = list(read_articles([tmp_path, tmp_path / "missing.txt", bundled_article_path]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["InputError", "Article", "InputError", "Article"]
    assert "No such file" in str(results[2])
