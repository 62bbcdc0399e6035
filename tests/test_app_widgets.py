"""The Streamlit app without a browser (AppTest): URL parameters, metrics, empty states, errors."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import store
from dashboard.context import escape_markdown
from dashboard_fixtures import sample_db

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


def run_app(db: Path, monkeypatch: pytest.MonkeyPatch, **params: list[str]) -> AppTest:
    monkeypatch.setenv(store.DB_ENV, str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    for name, values in params.items():
        at.query_params[name] = values
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "f.duckdb"
    sample_db(path).close()
    return path


class View(NamedTuple):
    params: dict[str, list[str]]
    claims: str
    articles: str
    sources: str
    speakers: str


VIEWS = [
    # the default view: everything
    View({}, "5", "1", "2", "4"),
    # a link's filters land in the widgets and the numbers
    View({"outlet": ["Daily Planet"]}, "2", "1", "1", "2"),
    View({"category": ["killed", "wounded"], "hedged": ["yes"]}, "1", "1", "1", "1"),
    View({"from": ["2025-01-01"], "q": ["prices"]}, "1", "1", "1", "1"),
    View({"speaker": ["(none)"]}, "1", "1", "0", "0"),
]


@pytest.mark.parametrize("view", VIEWS, ids=[str(v.params) for v in VIEWS])
def test_link_sets_filters_and_headline_numbers(db: Path, monkeypatch, view: View) -> None:
    at = run_app(db, monkeypatch, **view.params)
    assert metrics(at) == {"Claims": view.claims, "Articles": view.articles,
                           "Sources": view.sources, "Speakers": view.speakers}
    for name, values in view.params.items():
        if name in ("outlet", "category", "speaker"):
            assert at.multiselect(key=name).value == values


def test_no_match_says_so_and_clear_filters_brings_everything_back(db: Path, monkeypatch) -> None:
    at = run_app(db, monkeypatch, q=["no-such-word"])
    assert metrics(at)["Claims"] == "0"
    assert "No claims match these filters." in [i.value for i in at.info]
    at.button(key="clear_empty").click().run()
    assert metrics(at)["Claims"] == "5"
    assert at.text_input(key="q").value == ""


def test_table_shows_the_view(db: Path, monkeypatch) -> None:
    at = run_app(db, monkeypatch, outlet=["Morning Star"])
    table = at.dataframe[0].value
    assert sorted(table["mention"]) == ["300", "50%"]


def test_missing_database_is_a_friendly_start(tmp_path: Path, monkeypatch) -> None:
    at = run_app(tmp_path / "none.duckdb", monkeypatch)
    assert any("No database yet" in i.value for i in at.info)


def test_empty_database_invites_to_add_articles(tmp_path: Path, monkeypatch) -> None:
    store.connect(tmp_path / "f.duckdb").close()
    at = run_app(tmp_path / "f.duckdb", monkeypatch)
    assert "The database holds no claims yet. Add articles below." in [i.value for i in at.info]


def test_a_broken_database_gives_one_line_not_a_traceback(tmp_path: Path, monkeypatch) -> None:
    broken = tmp_path / "f.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    at = run_app(broken, monkeypatch)
    assert [e.value for e in at.error] == [
        "Something went wrong: IOException. The details are in the server log."
    ]


def test_pasted_article_is_ingested_and_shown(tmp_path: Path, monkeypatch) -> None:
    store.connect(tmp_path / "f.duckdb").close()
    at = run_app(tmp_path / "f.duckdb", monkeypatch)
    at.text_area[0].input("Ferry rescue\nSource: Harbour Post\n\nCrews saved 31 people and 4 dogs.")
    at.button(key="add_submit").click().run()
    assert not at.exception
    assert "1 ingested, 0 unchanged, 0 replaced, 0 failed; 2 claims written" in [s.value for s in at.success]
    at.run()
    assert metrics(at)["Claims"] == "2"


def test_unreadable_paste_is_one_clear_line(tmp_path: Path, monkeypatch) -> None:
    store.connect(tmp_path / "f.duckdb").close()
    at = run_app(tmp_path / "f.duckdb", monkeypatch)
    at.text_area[0].input("Only a title\n")
    at.button(key="add_submit").click().run()
    message = "pasted text: no article text after the title and header lines"
    assert [e.value for e in at.error] == [escape_markdown(message)]  # shown literally
