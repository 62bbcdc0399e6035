"""Each input kind ingestion reads → the Articles (metadata and text) it yields.

Table-driven: every Example is a set of files written to a fresh folder, read together with
`read_articles`, and the expected articles in reading order. `has`/`lacks` list text that must or
must not be in the article body (boilerplate kept out, markup stripped).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import zipfile
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from dashboard.cli import main
from dashboard.ingest import InputError, read_articles, read_bytes

D = dt.date


@dataclass
class Example:
    name: str
    files: dict[str, bytes | str]
    expected: list[dict]
    mapping: dict[str, str] = field(default_factory=dict)


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry fares rise 12% on island routes | Harbour Gazette</title>
<meta property="og:title" content="Ferry fares rise 12% on island routes">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Tomas Reyes">
<meta property="article:published_time" content="2025-02-11T07:45:00+00:00">
<link rel="canonical" href="https://gazette.example/ferry-fares">
</head><body>
<nav><a href="/">Home</a> <a href="/top-10">Top 10 stories</a></nav>
<div class="cookie-banner">We use 4 cookies. <button>Accept all</button></div>
<article><h1>Ferry fares rise 12% on island routes</h1>
<figure><img src="f.jpg"><figcaption>Some 40 passengers queued at the pier on Monday.</figcaption></figure>
<p>Ferry fares on the three island routes will rise by 12% from April, the operator said on Tuesday, adding that fuel costs had climbed by almost a third since last year.</p>
<p>The company carried about 2.1 million passengers in 2024 and expects roughly 150,000 fewer this year, a spokeswoman told the Gazette in a statement issued late on Tuesday.</p>
<p class="read-more"><a href="/more">Read more: 5 cheap ways to reach the islands</a></p>
EXTRA
</article>
<aside><h3>Most read</h3><a href="/x">9 best beaches</a></aside>
<footer>&copy; 2025 Harbour Gazette, 1 Quay Street</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example</link>
<item><title>Pier repairs to cost $3m</title><link>https://gazette.example/pier</link>
<pubDate>Tue, 11 Feb 2025 09:15:00 +0100</pubDate><author>desk@gazette.example (News Desk)</author>
<description>&lt;p&gt;Repairs to the north pier will cost about &lt;b&gt;$3 million&lt;/b&gt;, the council said.&lt;/p&gt;</description></item>
<item><title>Storm closes 14 roads</title><link>https://gazette.example/storm</link>
<pubDate>Wed, 12 Feb 2025 23:30:00 -0500</pubDate><description>At least 14 roads were closed overnight.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title>
<entry><title>Clinic hires 25 nurses</title><link href="https://wire.example/clinic"/>
<updated>2025-01-30T16:20:00-05:00</updated><author><name>Ana Lima</name></author>
<content type="html">&lt;p&gt;The clinic hired 25 nurses this month.&lt;/p&gt;&lt;p&gt;It plans 10 more.&lt;/p&gt;</content></entry>
</feed>"""

NEWSAPI_LINE = {
    "source": {"id": None, "name": "Metro Daily"},
    "author": "Priya Nair",
    "title": "Bus lanes cut journey times by 8 minutes",
    "url": "https://metro.example/bus",
    "publishedAt": "2025-03-02T06:00:00Z",
    "content": "Journey times fell by 8 minutes on average, the transport office said.",
}


def page(extra: str = "") -> str:
    return PAGE.replace("EXTRA", extra)


def _gz(data: str) -> bytes:
    return gzip.compress(data.encode("utf-8"))


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


OLD_LAYOUT = (
    "The river rose by more than 2 metres overnight and about 300 homes were flooded, officials "
    "said on Monday, while the 4 shelters in the valley took in nearly 900 people by the evening. "
) * 2
TEXT_FILE = "Council approves budget\nDate: Feb. 3, 2025\nSource: Town Crier\n\nThe council approved a $12m budget."

EXAMPLES = [
    # The project's text format: title line, header lines, body.
    Example(
        "text format",
        {"a.txt": TEXT_FILE},
        [
            {
                "title": "Council approves budget",
                "published": D(2025, 2, 3),
                "outlet": "Town Crier",
                "text": "The council approved a $12m budget.",
            },
        ],
    ),
    # HTML: trafilatura's main text and metadata; menus, banner, caption, "read more", aside and
    # footer stay out; the headline is the title, not body text.
    Example(
        "html page",
        {"page.html": page()},
        [
            {
                "title": "Ferry fares rise 12% on island routes",
                "outlet": "Harbour Gazette",
                "author": "Tomas Reyes",
                "published": D(2025, 2, 11),
                "url": "https://gazette.example/ferry-fares",
                "has": ["rise by 12% from April", "about 2.1 million passengers"],
                "lacks": [
                    "cookies",
                    "Top 10",
                    "40 passengers",
                    "Read more",
                    "9 best",
                    "Quay Street",
                    "Ferry fares rise 12%",
                ],
            },
        ],
    ),
    # Scripts and styles inside the article never reach the text.
    Example(
        "html with script",
        {"page.htm": page("<script>var views = 999; alert(1)</script><style>p{}</style>")},
        [
            {"title": "Ferry fares rise 12% on island routes", "lacks": ["alert", "999", "p{}"]},
        ],
    ),
    # A consent banner inside the article's own markup is dropped, the article kept.
    Example(
        "html with banner in article",
        {"b.html": page("<p>We use cookies and data to show personalised ads. Accept all?</p>")},
        [{"has": ["about 2.1 million passengers"], "lacks": ["cookies", "Accept all"]}],
    ),
    # Old layouts without paragraphs (text in bare divs or a font tag) defeat trafilatura's fast
    # extractor; its fallbacks still find the article.
    Example(
        "html without paragraphs",
        {
            "divs.html": f"<html><head><title>Flood</title></head><body><div><div>{OLD_LAYOUT}"
            f"</div><div>{OLD_LAYOUT}</div></div></body></html>",
            "font.html": f"<html><body><center><font>{OLD_LAYOUT}<br><br>{OLD_LAYOUT}"
            "</font></center></body></html>",
        },
        [
            {"title": "Flood", "has": ["about 300 homes were flooded"]},
            {"has": ["more than 2 metres overnight"]},
        ],
    ),
    # RSS 2.0: one article per item, RFC 822 dates as written (not shifted to UTC), the channel
    # title as outlet, HTML stripped, "email (Name)" authors reduced to the name.
    Example(
        "rss feed",
        {"feed.rss": RSS},
        [
            {
                "title": "Pier repairs to cost $3m",
                "outlet": "Harbour Gazette",
                "author": "News Desk",
                "published": D(2025, 2, 11),
                "url": "https://gazette.example/pier",
                "text": "Repairs to the north pier will cost about $3 million, the council said.",
            },
            {
                "title": "Storm closes 14 roads",
                "published": D(2025, 2, 12),
                "author": None,
                "text": "At least 14 roads were closed overnight.",
            },
        ],
    ),
    # Atom: content over summary, one line per paragraph, updated date.
    Example(
        "atom feed",
        {"wire.xml": ATOM},
        [
            {
                "title": "Clinic hires 25 nurses",
                "outlet": "Valley Wire",
                "author": "Ana Lima",
                "published": D(2025, 1, 30),
                "url": "https://wire.example/clinic",
                "text": "The clinic hired 25 nurses this month.\nIt plans 10 more.",
            },
        ],
    ),
    # JSON Lines from a news API: nested source.name, publishedAt, content.
    Example(
        "jsonl news api",
        {"dump.jsonl": json.dumps(NEWSAPI_LINE) + "\n\n"},
        [
            {
                "title": "Bus lanes cut journey times by 8 minutes",
                "outlet": "Metro Daily",
                "author": "Priya Nair",
                "published": D(2025, 3, 2),
                "url": "https://metro.example/bus",
                "text": NEWSAPI_LINE["content"],
            },
        ],
    ),
    # Other common column names: headline/body/pubDate/link/byline/publisher; author lists joined.
    Example(
        "jsonl other names",
        {
            "d.ndjson": json.dumps(
                {
                    "headline": "H",
                    "body": "Body with 3 figures.",
                    "pubDate": "19 December 2024",
                    "link": "https://x.example/h",
                    "byline": ["A. One", "B. Two"],
                    "publisher": "P",
                }
            )
        },
        [
            {
                "title": "H",
                "text": "Body with 3 figures.",
                "published": D(2024, 12, 19),
                "url": "https://x.example/h",
                "author": "A. One, B. Two",
                "outlet": "P",
            },
        ],
    ),
    # HTML in a text field becomes plain text, one line per block; table cells never merge.
    Example(
        "jsonl html text",
        {
            "h.jsonl": json.dumps(
                {"text": "<p>Votes:</p><table><tr><td>120</td><td>80</td></tr></table>"}
            )
        },
        [{"text": "Votes:\n120\n80"}],
    ),
    # CSV: header names matched without case or separators; a formula-looking cell is just text.
    Example(
        "csv",
        {
            "d.csv": "Headline,Article Text,Published At,Site\n"
            '"=SUM(A1:A2)","Some 60 homes flooded, residents said.",2025-01-05,Post\n'
        },
        [
            {
                "title": "=SUM(A1:A2)",
                "text": "Some 60 homes flooded, residents said.",
                "published": D(2025, 1, 5),
                "outlet": "Post",
                "source_suffix": "d.csv row 2",
            },
        ],
    ),
    # Semicolon CSV (sniffed) and TSV.
    Example(
        "semicolon csv",
        {"d.csv": "title;text;date\nT;Over 20 died.;05/03/2025\n"},
        [
            {"title": "T", "text": "Over 20 died.", "published": D(2025, 5, 3)},
        ],
    ),
    Example(
        "tsv",
        {"d.tsv": "title\ttext\nT\tNearly 70% agreed, the poll found.\n"},
        [
            {"title": "T", "text": "Nearly 70% agreed, the poll found.", "published": None},
        ],
    ),
    # A mapping overrides the guess (CLI: --map text=story_text,published=when).
    Example(
        "mapping",
        {"d.csv": "title,text,story_text,when\nT,teaser,Up to 500 jobs go.,2025-04-01\n"},
        [
            {"title": "T", "text": "Up to 500 jobs go.", "published": D(2025, 4, 1)},
        ],
        mapping={"text": "story_text", "published": "when"},
    ),
    # A page in windows-1252 that says so in its <meta> tag.
    Example(
        "html in cp1252",
        {
            "p.html": page()
            .replace("utf-8", "windows-1252")
            .replace("spokeswoman", "porte-parole “Zoë”")
            .encode("cp1252")
        },
        [{"has": ["porte-parole “Zoë” told"]}],
    ),
    # JSON: an array of objects, or an API response with one list of articles.
    Example(
        "json array",
        {"a.json": json.dumps([{"title": "A", "text": "One."}, {"title": "B", "text": "Two."}])},
        [
            {"title": "A", "source_suffix": "a.json item 1"},
            {"title": "B", "source_suffix": "a.json item 2"},
        ],
    ),
    Example(
        "json api response",
        {"r.json": json.dumps({"status": "ok", "articles": [NEWSAPI_LINE]})},
        [
            {"outlet": "Metro Daily", "published": D(2025, 3, 2)},
        ],
    ),
    Example(
        "json single object",
        {"one.json": json.dumps(NEWSAPI_LINE)},
        [{"title": NEWSAPI_LINE["title"], "source_suffix": "one.json item 1"}],
    ),
    # Archives: a gzip of a text file; a zip of several files (hidden and unknown members skipped).
    Example(
        "gzip",
        {"a.txt.gz": _gz(TEXT_FILE)},
        [
            {"title": "Council approves budget", "source_suffix": "a.txt.gz"},
        ],
    ),
    Example(
        "zip",
        {
            "bundle.zip": _zip(
                {
                    "x/a.txt": TEXT_FILE,
                    "x/b.html": page(),
                    "x/.hidden.txt": "H\nB",
                    "__MACOSX/x/a.txt": "junk",
                    "x/image.png": "png",
                }
            )
        },
        [
            {"title": "Council approves budget", "source_suffix": "bundle.zip!x/a.txt"},
            {
                "title": "Ferry fares rise 12% on island routes",
                "source_suffix": "bundle.zip!x/b.html",
            },
        ],
    ),
    # Directories: searched recursively, hidden files and unknown suffixes skipped.
    Example(
        "directory",
        {
            "sub/deeper/a.txt": TEXT_FILE,
            ".git/x.txt": "T\nB",
            "notes.docx": "x",
            "sub/.h.txt": "T\nB",
        },
        [
            {"title": "Council approves budget", "source_suffix": "sub/deeper/a.txt"},
        ],
    ),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_input_kinds(tmp_path, example):
    for name, content in example.files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    results = list(read_articles([tmp_path], mapping=example.mapping))
    assert not [r for r in results if isinstance(r, InputError)]
    assert len(results) == len(example.expected)
    for article, expected in zip(results, example.expected, strict=True):
        for key, value in expected.items():
            if key == "has":
                assert all(v in article.text for v in value), article.text
            elif key == "lacks":
                assert not [v for v in value if v in article.text], article.text
            elif key == "source_suffix":
                assert article.source.endswith(value), article.source
            else:
                assert getattr(article, key) == value, key


def test_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(RSS.encode("utf-8"))))
    results = list(read_articles(["-"]))
    assert [a.title for a in results] == ["Pier repairs to cost $3m", "Storm closes 14 roads"]
    assert results[0].source == "<stdin> entry 1"


@pytest.mark.parametrize(
    "content, title",
    [
        (page(), "Ferry fares rise 12% on island routes"),  # HTML without an .html name
        (json.dumps(NEWSAPI_LINE), "Bus lanes cut journey times by 8 minutes"),  # JSON Lines
        ("title,body\nT,Over 3 died.\n", "T"),  # CSV whose header names a text column
        (TEXT_FILE, "Council approves budget"),  # anything else: the text format
    ],
)
def test_files_without_a_known_suffix_are_sniffed(tmp_path, content, title):
    path = tmp_path / "download.dat"
    path.write_text(content, encoding="utf-8")
    (article,) = read_articles([path])
    assert article.title == title


def test_a_dump_without_text_column_names_the_file_and_columns(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("title,summary_id\nT,1\n", encoding="utf-8")
    (error,) = read_articles([path])
    assert error.source == str(path)
    assert "missing text column" in error.reason and "title, summary_id" in error.reason
    assert "--map text=COLUMN" in error.reason


def test_a_mapped_column_that_is_missing_is_reported(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("title,text\nT,B\n", encoding="utf-8")
    (error,) = read_articles([path], mapping={"text": "story"})
    assert "no column 'story' (mapped to text)" in error.reason


def test_read_bytes_reads_an_upload_by_its_name():
    (article,) = read_bytes(page().encode("utf-8"), "upload.html")
    assert (
        article.title == "Ferry fares rise 12% on island routes" and article.source == "upload.html"
    )
    (error,) = read_bytes(b"", "empty.txt")
    assert str(error) == "empty.txt: empty file"


def test_cli_map_and_stdin(tmp_path):
    dump = tmp_path / "d.csv"
    dump.write_text("title,story_text\nT,At least 7 ferries were cancelled.\n", encoding="utf-8")
    runner = CliRunner()
    mapped = runner.invoke(
        main, ["extract", str(dump), "--map", "text=story_text", "--format", "jsonl"]
    )
    assert mapped.exit_code == 0, mapped.stderr
    assert all(json.loads(line)["title"] == "T" for line in mapped.stdout.splitlines())
    assert mapped.stderr.startswith("read 1 article,")
    unmapped = runner.invoke(main, ["extract", str(dump)])
    assert unmapped.exit_code == 1 and "missing text column" in unmapped.stderr
    bad = runner.invoke(main, ["extract", str(dump), "--map", "body"])
    assert bad.exit_code == 2 and "'body' is not FIELD=COLUMN" in bad.stderr
    piped = runner.invoke(main, ["extract", "-", "--format", "jsonl"], input=TEXT_FILE)
    assert piped.exit_code == 0 and piped.stderr.startswith("read 1 article,")
