"""Fetching URLs against a local HTTP server started by the test (no other network): success,
HTTP errors, timeouts, size caps, the User-Agent, and the refusal of private addresses, also
after a redirect.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from dashboard import __version__
from dashboard.cli import main
from dashboard.ingest import InputError, read_articles
from dashboard.ingest import fetch as fetch_module
from dashboard.ingest.fetch import fetch

ARTICLE = b"""<html><head><title>Library opens 3 new branches</title>
<meta property="og:site_name" content="Borough Post"><meta name="date" content="2025-05-06"></head>
<body><article><h1>Library opens 3 new branches</h1>
<p>The borough opened three new library branches on Saturday, adding room for about 40,000 books
and 120 reading desks, the council said in a statement on its website.</p>
<p>Visits rose by 18% last year, according to figures published by the library service.</p>
</article></body></html>"""
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Borough Post</title>
<item><title>Library opens 3 new branches</title><link>http://HOST/article.html</link>
<description>Teaser only.</description></item>
<item><title>Gone</title><link>http://HOST/missing</link><description>Teaser.</description></item>
</channel></rss>"""
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(
        self, body: bytes, content_type: str, status: int = 200, length: int | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        host = f"{self.server.server_address[0]}:{self.server.server_address[1]}"
        if self.path == "/article.html":
            self._send(ARTICLE, "text/html; charset=utf-8")
        elif self.path == "/feed":
            self._send(FEED.replace(b"HOST", host.encode()), "application/rss+xml")
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(ARTICLE, "text/html")
        elif self.path == "/declared-big":
            self._send(b"x" * 10, "text/plain", length=10_000_000)
        elif self.path == "/stream-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 1000)
        elif self.path == "/to-self":
            self.send_response(302)
            self.send_header("Location", f"http://{host}/article.html")
            self.end_headers()
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.11.12.13/internal")
            self.end_headers()
        elif self.path in ("/to-file", "/to-ftp"):
            self.send_response(302)
            self.send_header(
                "Location", "file:///etc/passwd" if self.path == "/to-file" else "ftp://x/y"
            )
            self.end_headers()
        else:
            self._send(b"not here", "text/plain", status=404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def loopback_is_public(monkeypatch):
    """Treat the test server's 127.0.0.1 as a public host, so redirects away from it can be checked."""
    real = fetch_module._refusable
    monkeypatch.setattr(
        fetch_module, "_refusable", lambda address: address != "127.0.0.1" and real(address)
    )


def test_success_with_the_user_agent(server):
    page = fetch(f"{server}/article.html", allow_private=True)
    assert page.data == ARTICLE and page.content_type == "text/html" and page.charset == "utf-8"
    assert SEEN_AGENTS[-1] == f"reported-figures/{__version__}"


def test_a_url_reads_as_an_article(server):
    (article,) = read_articles([f"{server}/article.html"], allow_private=True)
    assert article.title == "Library opens 3 new branches"
    assert article.outlet == "Borough Post" and article.url == f"{server}/article.html"
    assert article.source == f"{server}/article.html"
    assert "about 40,000 books" in article.text


@pytest.mark.parametrize(
    "path, options, reason",
    [
        # HTTP errors name the status.
        ("/missing", {}, "HTTP 404 Not Found"),
        # A slow server is cut off by the timeout.
        ("/slow", {"timeout": 0.2}, "timeout after 0.2 s"),
        # Size caps: by the declared length before reading, and by counting when none is declared.
        ("/declared-big", {"max_bytes": 1000}, "too large"),
        ("/stream-big", {"max_bytes": 1000}, "too large"),
        # Only http(s) redirects are followed.
        ("/to-file", {}, "Redirection to url 'file:///etc/passwd' is not allowed"),
        ("/to-ftp", {}, "redirect to a non-http address ftp://x/y"),
    ],
)
def test_failures_have_clear_reasons(server, path, options, reason):
    with pytest.raises(InputError) as info:
        fetch(f"{server}{path}", allow_private=True, **options)
    assert info.value.source == f"{server}{path}"
    assert reason in info.value.reason


def test_loopback_is_refused_unless_allowed(server):
    with pytest.raises(
        InputError, match=r"refused: 127\.0\.0\.1 resolves to non-public address 127\.0\.0\.1"
    ):
        fetch(f"{server}/article.html")
    assert fetch(f"{server}/article.html", allow_private=True).data == ARTICLE


@pytest.mark.parametrize(
    "host",
    ["localhost", "10.0.0.8", "192.168.1.1", "169.254.169.254", "[::1]", "224.0.0.1", "0.0.0.0"],
)
def test_private_and_special_addresses_are_refused_before_connecting(host):
    with pytest.raises(InputError, match="refused: .* non-public address"):
        fetch(f"http://{host}:9/x", timeout=0.5)


def test_a_redirect_to_a_private_address_is_refused(server, loopback_is_public):
    assert fetch(f"{server}/to-self").data == ARTICLE  # a public redirect is followed
    with pytest.raises(InputError, match=r"refused: 10\.11\.12\.13 resolves to non-public address"):
        fetch(f"{server}/to-private")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x"])
def test_only_http_and_https(url):
    with pytest.raises(InputError, match="only http and https"):
        fetch(url)


def test_feed_url_with_follow_reads_the_linked_pages(server):
    results = list(read_articles([f"{server}/feed"], follow=True, allow_private=True))
    article, error = results
    assert article.title == "Library opens 3 new branches" and "18% last year" in article.text
    assert article.source == f"{server}/feed entry 1" and article.outlet == "Borough Post"
    assert isinstance(error, InputError) and error.reason == "HTTP 404 Not Found"
    assert error.source == f"{server}/feed entry 2 ({server}/missing)"


def test_feed_url_without_follow_uses_the_entries(server):
    titles = [a.title for a in read_articles([f"{server}/feed"], allow_private=True)]
    assert titles == ["Library opens 3 new branches", "Gone"]


def test_cli_refuses_private_urls_without_the_flag(server):
    runner = CliRunner()
    refused = runner.invoke(main, ["extract", f"{server}/article.html"])
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
    allowed = runner.invoke(
        main, ["extract", f"{server}/article.html", "--allow-private", "--format", "jsonl"]
    )
    assert allowed.exit_code == 0, allowed.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_ingest_follows_a_feed_and_reports_the_404(server, tmp_path, jobs):
    db = str(tmp_path / "f.duckdb")
    runner = CliRunner()
    refused = runner.invoke(main, ["ingest", f"{server}/feed", "--db", db, "-j", jobs])
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
    args = ["ingest", f"{server}/feed", "--follow", "--allow-private", "--db", db, "-j", jobs]
    for outcome in ("1 ingested, 0 unchanged", "0 ingested, 1 unchanged"):
        result = runner.invoke(main, args)
        assert result.exit_code == 1, result.stderr
        lines = result.stderr.splitlines()
        assert lines[-2].startswith(f"{outcome}, 0 replaced, 1 failed; ")
        assert lines[-1] == f"error: {server}/feed entry 2 ({server}/missing): HTTP 404 Not Found"


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """The same handler over TLS with a self-signed certificate made by openssl."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_https_goes_through_the_same_guard_and_verifies_certificates(tls_server):
    with pytest.raises(InputError, match="refused: .* non-public address"):
        fetch(f"{tls_server}/article.html")
    with pytest.raises(InputError, match="certificate verify failed"):
        fetch(f"{tls_server}/article.html", allow_private=True)
