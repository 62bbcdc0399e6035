"""Write the articles of an evaluation JSONL file as text files in the project's format, for the
ingestion benchmark. The output folder must be outside the repository: evaluation text is never
committed.

    python benchmarks/make_corpus.py ../shared/eval/attribution/dev.jsonl /tmp/figures-corpus
    python benchmarks/make_corpus.py ../shared/eval/attribution/dev.jsonl /tmp/figures-html --html
    python benchmarks/make_corpus.py ../shared/eval/attribution/dev.jsonl /tmp/figures-10k --html --copies 11

`--copies N` writes each article N times under titles numbered "(copy k)", so they are distinct
articles to the store (10,164 pages from the 924 dev articles with 11 copies).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _header(record: dict) -> list[str]:
    lines = []
    for key, field in (
        ("Date", "date"),
        ("Source", "publisher"),
        ("Author", "author"),
        ("URL", "url"),
    ):
        value = str(record.get(field) or "").strip()
        if value:
            lines.append(f"{key}: {value}")
    return lines


def _html(record: dict, title: str, body: str) -> str:
    """A news page: metadata in <meta> tags, the body in <article>, boilerplate around it."""
    meta = {
        "author": record.get("author"),
        "article:published_time": record.get("date"),
        "og:site_name": record.get("publisher"),
    }
    tags = "".join(
        f'<meta {"name" if k == "author" else "property"}="{k}" content="{html.escape(str(v))}">'
        for k, v in meta.items()
        if v
    )
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>{tags}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        '<div class="cookie-banner">We use cookies. <button>Accept all</button></div>'
        f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
        "<footer>&copy; The Publisher</footer></body></html>"
    )


def write_corpus(data: Path, outdir: Path, as_html: bool = False, copies: int = 1) -> int:
    """Write `copies` files per article of `data` into `outdir` (text format or HTML); return
    how many."""
    outdir.mkdir(parents=True, exist_ok=True)
    count = 0
    with data.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            body = str(record["text"]).strip()
            base_title = " ".join(str(record.get("title") or f"Article {number}").split())
            base_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", str(record.get("id") or number))[:120]
            if copies > 1:
                record = {**record, "url": None}  # copies are told apart by title, not URL
            for copy in range(1, copies + 1):
                title, name = base_title, base_name
                if copies > 1:
                    title, name = f"{title} (copy {copy})", f"{name}-{copy}"
                if as_html:
                    page = _html(record, title, body)
                    (outdir / f"{name}.html").write_text(page, encoding="utf-8")
                else:
                    content = "\n".join([title, *_header(record), "", body]) + "\n"
                    (outdir / f"{name}.txt").write_text(content, encoding="utf-8")
                count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "data_jsonl", type=Path, help="JSONL with title, text, date, publisher, author"
    )
    parser.add_argument("outdir", type=Path, help="folder to write into (outside the repository)")
    parser.add_argument(
        "--html", action="store_true", help="write HTML pages instead of text files"
    )
    parser.add_argument(
        "--copies", type=int, default=1, help="write each article N times as distinct articles"
    )
    args = parser.parse_args()
    outdir = args.outdir.resolve()
    if outdir == REPO or REPO in outdir.parents:
        sys.exit(
            f"refusing to write evaluation text inside the repository ({REPO}); pick a temp folder"
        )
    count = write_corpus(args.data_jsonl, outdir, as_html=args.html, copies=args.copies)
    print(f"wrote {count} articles to {outdir}")


if __name__ == "__main__":
    main()
