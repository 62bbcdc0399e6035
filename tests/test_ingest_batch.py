"""Batch extraction: the same results in the same order with one or several processes, running
counts for the progress bar, and an extractor crash costing one article, not the batch."""

from __future__ import annotations

import io

import pytest

from dashboard.ingest import InputError, InputWarning, batch
from dashboard.ingest.batch import BatchStats, extract_batch


@pytest.fixture()
def folder(tmp_path, bundled_article_path):
    for number in range(40):
        (tmp_path / f"a{number:02d}.txt").write_text(
            f"Story {number}\n\nAt least {number + 2} people were hurt, police said.",
            encoding="utf-8",
        )
    (tmp_path / "a05-empty.txt").write_bytes(b"")
    (tmp_path / "z.txt").write_bytes(bundled_article_path.read_bytes())
    return tmp_path


def _flat(results):
    return [
        str(r) if isinstance(r, InputError) else (r[0].source, [c.model_dump() for c in r[1]])
        for r in results
    ]


def test_two_jobs_give_the_serial_results_in_order(folder):
    serial = _flat(extract_batch([folder], jobs=1))
    parallel = _flat(extract_batch([folder], jobs=2))
    assert parallel == serial
    assert len(serial) == 42 and sum(isinstance(r, str) for r in serial) == 1
    assert serial[5] == f"{folder / 'a05-empty.txt'}: empty file"  # the error stays in its place


def test_progress_sees_running_counts(folder):
    seen = []
    stats = BatchStats()
    results = list(
        extract_batch([folder], progress=lambda s: seen.append((s.read, s.failed)), stats=stats)
    )
    assert len(seen) == len(results) and seen[-1] == (41, 1)
    assert stats.claims == sum(len(r[1]) for r in results if not isinstance(r, InputError))
    assert stats.summary_lines()[1:] == [f"error: {folder / 'a05-empty.txt'}: empty file"]


def test_an_extractor_crash_is_one_input_error(folder, monkeypatch):
    def crash_on_seven(article):
        if article.title == "Story 7":
            raise ValueError("boom")
        return []

    monkeypatch.setattr(batch, "extract_claims", crash_on_seven)
    results = list(extract_batch([folder]))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.reason for e in errors] == ["empty file", "extraction failed (ValueError: boom)"]
    assert len(results) == 42


def test_summary_lists_at_most_20_warnings():
    stats = BatchStats(
        read=2, warnings=[f"d.csv row {n}: unrecognised date 'x'" for n in range(25)]
    )
    lines = stats.summary_lines()
    assert lines[0] == "warning: d.csv row 0: unrecognised date 'x'"
    assert lines[20:] == ["warning: … and 5 more warnings", "read 2 articles, 0 claims; 0 failed"]


def test_summary_wording():
    stats = BatchStats(read=1, claims=2, failures=[InputError("x.csv row 3", "empty text")])
    assert stats.summary_lines() == [
        "read 1 article, 2 claims; 1 failed",
        "error: x.csv row 3: empty text",
    ]


def test_workers_warnings_reach_the_caller_and_stdin_keeps_its_place(folder, monkeypatch):
    (folder / "b-undated.txt").write_text(
        "Undated\nDate: someday\n\nAbout 4 left.", encoding="utf-8"
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Piped\n\nNearly 9 stayed.")))
    with pytest.warns(InputWarning, match="b-undated.txt: unrecognised date 'someday'"):
        results = list(extract_batch([folder, "-", folder / "a01.txt"], jobs=2))
    sources = [r[0].source for r in results if not isinstance(r, InputError)]
    assert sources[-2:] == ["<stdin>", str(folder / "a01.txt")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_stored_unchanged_articles_are_not_extracted_again(folder, jobs):
    first = [r for r in extract_batch([folder]) if not isinstance(r, InputError)]
    stored = {article.article_id: article.text_hash for article, _ in first[:10]}
    stored[first[10][0].article_id] = "the hash of an older text"
    again = [
        r for r in extract_batch([folder], jobs=jobs, stored=stored)
        if not isinstance(r, InputError)
    ]
    assert [claims for _, claims in again[:10]] == [None] * 10
    assert again[10:] == first[10:]  # a changed text and the new articles are extracted
