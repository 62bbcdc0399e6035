"""The dashboard in a real browser: Debian's chromium driven by Playwright against `figures dashboard`.

Checks what only a browser can: a filtered link gives the right download, and untrusted article
text shows as literal text in the context panel without running anything. In CI (`CI` set) a
missing chromium fails the run instead of skipping it.

Set FIGURES_SCREENSHOT=docs/screenshot.png to save the default view while the tests run.
"""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
    "--no-first-run", "--disable-component-update", "--disable-sync",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MARKUP = "<script>alert(1)</script> and **bold** and [link](http://x) cost $5 and $10"

if not CHROMIUM.exists():
    message = f"{CHROMIUM} is missing: apt-get install -y chromium"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402


def write_article(folder: Path, name: str, title: str, date: str, outlet: str, body: str) -> None:
    (folder / name).write_text(f"{title}\n{date}\nSource: {outlet}\n\n{body}\n", encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"figures dashboard exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("the dashboard did not become healthy")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`figures dashboard` on a fresh database with the bundled articles and three of ours."""
    folder = tmp_path_factory.mktemp("articles")
    write_article(folder, "harbour.txt", "Harbour fire", "2025-01-10", "Coast Courier",
                  "Firefighters said 40 boats burned. The port lost 3 cranes and 120 jobs.")
    write_article(folder, "floods.txt", "River floods", "2025-02-03", "Coast Courier",
                  "The river rose 2 metres. Officials evacuated 900 homes and 14 schools.")
    write_article(folder, "budget.txt", "Budget vote", "2024-11-20", "Capital Times",
                  "The council approved 75 projects worth 12 million.")
    db = tmp_path_factory.mktemp("db") / "figures.duckdb"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "FIGURES_DB"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "dashboard", str(ROOT / "data" / "articles"),
         str(folder), "--db", str(db), "--port", str(port)],
        cwd=tmp_path_factory.mktemp("cwd"), env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url, db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def tab(chromium: Browser) -> Iterator[Page]:
    """A fresh browser tab that records any dialog (alert, confirm) a page opens."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    yield page
    context.close()


def open_view(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)


def metric(page: Page, label: str) -> str:
    box = page.locator("[data-testid='stMetric']", has_text=label)
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def select_first_row(page: Page) -> None:
    """Tick the first row of the claims table (a canvas: click its selection cell) and wait for
    the context panel to show its last line. The grid may still be drawing: try a few times."""
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for()
    for _ in range(3):
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)
        try:
            page.locator(".st-key-context").get_by_text("Qualifier:").wait_for(timeout=20_000)
            return
        except PlaywrightTimeout:
            page.wait_for_selector(IDLE)
            if not page.get_by_text("Select a row of the table").is_visible():
                break  # something else is shown: clicking again would deselect the row
    raise AssertionError("selecting the first row did not open the context panel")


def claim_ids(db: Path, where: str, params: list[object]) -> set[str]:
    """What the database says the view holds (read while the server is running)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {r[0] for r in con.execute(f"SELECT claim_id FROM claims WHERE {where}", params).fetchall()}


def test_filtered_link_downloads_exactly_its_rows(server: tuple[str, Path], tab: Page) -> None:
    url, db = server
    open_view(tab, f"{url}/?outlet=Coast+Courier&from=2025-01-15")
    expected = claim_ids(db, "outlet = ? AND published >= ?", ["Coast Courier", "2025-01-15"])
    assert expected and metric(tab, "Claims") == str(len(expected))
    with tab.expect_download() as info:
        tab.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == "claims_outlet-Coast-Courier_from-2025-01-15.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["claim_id"] for r in rows} == expected
    assert {(r["outlet"], r["published"] >= "2025-01-15") for r in rows} == {("Coast Courier", True)}
    if os.environ.get("FIGURES_SCREENSHOT"):
        tab.set_viewport_size({"width": 1400, "height": 1350})
        with duckdb.connect(str(db), read_only=True) as con:  # the bundled article's lead claim
            (shown,) = con.execute("SELECT claim_id FROM claims WHERE mention = 'at least 100'").fetchone()
        open_view(tab, f"{url}/?claim={shown}")
        tab.locator(".st-key-context").get_by_text("Qualifier:").wait_for(timeout=20_000)
        tab.wait_for_selector("[data-testid='stVegaLiteChart'] canvas, .vega-embed", timeout=30_000)
        tab.wait_for_timeout(1000)
        tab.screenshot(path=os.environ["FIGURES_SCREENSHOT"])


def test_untrusted_text_is_shown_literally(server: tuple[str, Path], tab: Page, tmp_path: Path) -> None:
    url, db = server
    write_article(tmp_path, "markup.txt", "Markup <b>test</b>", "2025-03-01", "Test Wire",
                  f"Officials said {MARKUP} today. See www.example.com or https://example.com/x.")
    ingest = subprocess.run(  # while the dashboard is running
        [sys.executable, "-m", "dashboard", "ingest", str(tmp_path / "markup.txt"), "--db", str(db)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert ingest.returncode == 0, ingest.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        mentions = [r[0] for r in con.execute(
            "SELECT mention FROM claims WHERE outlet = 'Test Wire' ORDER BY char_start").fetchall()]
    open_view(tab, f"{url}/?outlet=Test+Wire")
    assert metric(tab, "Claims") == str(len(mentions))
    select_first_row(tab)
    panel = tab.locator(".st-key-context")
    tab.wait_for_selector(IDLE)
    text = panel.inner_text()
    assert "See www.example.com or https://example.com/x." in " ".join(text.split())  # as copied
    assert MARKUP in " ".join(text.split())
    assert "Markup <b>test</b>" in text
    assert panel.locator("a, script, b, img, .katex").count() == 0  # no link, HTML or math
    assert panel.locator("strong").all_inner_texts() == ["Markup <b>test</b>", mentions[0]]
    assert tab.dialogs == []  # type: ignore[attr-defined]


def test_the_selected_claim_is_in_the_url_and_stays_when_the_view_changes(
    server: tuple[str, Path], tab: Page
) -> None:
    url, db = server
    open_view(tab, f"{url}/?outlet=Coast+Courier")
    select_first_row(tab)
    tab.wait_for_url("**claim=*")
    claim_id = parse_qs(urlsplit(tab.url).query)["claim"][0]
    with duckdb.connect(str(db), read_only=True) as con:
        mention, sentence = con.execute(
            "SELECT mention, sentence FROM claims WHERE claim_id = ?", [claim_id]).fetchone()
    panel = tab.locator(".st-key-context")
    assert panel.locator("mark").inner_text() == mention
    # a new view reorders the table: the panel keeps the same claim, not the same row
    tab.get_by_role("button", name="Clear filters").first.click()
    tab.wait_for_function("!location.search.includes('outlet=')")
    tab.wait_for_selector(IDLE)
    assert int(metric(tab, "Claims")) > 1
    assert parse_qs(urlsplit(tab.url).query)["claim"] == [claim_id]
    assert panel.locator("mark").inner_text() == mention
    # the link alone opens the claim in its context
    other = tab.context.new_page()
    open_view(other, f"{url}/?claim={claim_id}")
    shown = other.locator(".st-key-context")
    shown.get_by_text("Qualifier:").wait_for(timeout=20_000)
    assert shown.locator("mark").inner_text() == mention
    assert " ".join(sentence.split()) in " ".join(shown.inner_text().split())


def test_an_uploaded_dump_adds_each_article_and_names_what_failed(
    server: tuple[str, Path], tab: Page, tmp_path: Path
) -> None:
    url, db = server
    dump = tmp_path / "wire-export.jsonl"
    dump.write_text(
        '{"title": "Bridge closes", "outlet": "Upload Wire", "date": "2025-03-04", '
        '"text": "Engineers said 3 bridges were closed after the quake."}\n'
        '{"title": "Ferry resumes", "outlet": "Upload Wire", "date": "2025-03-05", '
        '"text": "The ferry carried 240 passengers on Friday."}\n',
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    open_view(tab, url)
    tab.get_by_text("Add articles").click()
    tab.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(dump), str(empty)])
    tab.get_by_text("wire-export.jsonl").wait_for()
    tab.get_by_role("button", name="Add to the database").click()
    tab.get_by_text("2 ingested").wait_for(timeout=60_000)
    tab.get_by_text("empty.txt: empty file").wait_for()
    assert "1 failed" in tab.get_by_text("2 ingested").inner_text()
    with duckdb.connect(str(db), read_only=True) as con:
        titles = {r[0] for r in con.execute(
            "SELECT title FROM articles WHERE outlet = 'Upload Wire'").fetchall()}
    assert titles == {"Bridge closes", "Ferry resumes"}
