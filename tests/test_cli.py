"""The `figures` command line: output formats, errors per file, exit status."""

import csv
import io
import json
import re

from click.testing import CliRunner

from dashboard import __version__
from dashboard.cli import main
from dashboard.models import CLAIM_COLUMNS


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_extract_jsonl_rows_have_the_design_fields(bundled_article_path):
    result = run("extract", bundled_article_path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(r) == list(CLAIM_COLUMNS) for r in rows)
    assert all(r["published"] == "2024-12-19" and r["author"] == "Wei" for r in rows)
    assert all(isinstance(r["char_start"], int) for r in rows)


def test_extract_csv_has_a_header(bundled_article_path):
    result = run("extract", bundled_article_path)
    reader = csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))
    assert tuple(reader.fieldnames) == CLAIM_COLUMNS
    assert list(reader)


def test_extract_to_file(tmp_path, bundled_article_path):
    out = tmp_path / "claims.json"
    result = run("extract", bundled_article_path, "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())


def test_bad_paths_are_reported_and_the_rest_processed(tmp_path, bundled_article_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", tmp_path / "missing.txt", empty, bundled_article_path, "--format", "jsonl")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    # the summary, then one line per failure
    assert re.fullmatch(r"read 1 article, [\d,]+ claims?; 2 failed", errors[0]), errors[0]
    assert errors[1:] == [
        f"error: {tmp_path / 'missing.txt'}: No such file or directory",
        f"error: {empty}: empty file",
    ]
    assert "Traceback" not in result.output
    assert result.stdout.splitlines()


def test_unknown_format_is_a_usage_error(bundled_article_path):
    result = run("extract", bundled_article_path, "--format", "xml")
    assert result.exit_code == 2 and "'xml' is not one of" in result.stderr
