"""Fetch a web page or feed over http(s) for ingestion, safely.

Only http and https; a timeout per socket operation and a deadline for the whole download; a size
cap (Content-Length checked first, then the bytes counted); a User-Agent naming the tool. Unless
`allow_private` is set, every connection (the first and each redirect's) resolves its host and
refuses it when any address is loopback, private, link-local, multicast, reserved or unspecified,
then connects to the address it checked, so a DNS answer cannot change between check and use.
Environment proxies are not used: the address check must see the real destination.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from functools import partial
from typing import Any

from dashboard import __version__
from dashboard.ingest.errors import InputError

USER_AGENT = f"reported-figures/{__version__}"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024
_DEFAULT_TIMEOUT = socket._GLOBAL_DEFAULT_TIMEOUT  # type: ignore[attr-defined]  # "not given"
_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    """A downloaded resource: the final URL after redirects, its bytes and declared type."""

    url: str
    data: bytes
    content_type: str
    charset: str | None


class RefusedAddress(OSError):
    """The host resolves to an address ingestion must not contact."""


def _refusable(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def checked_addresses(host: str, port: int, allow_private: bool) -> list[tuple[Any, ...]]:
    """Resolve `host`; raise RefusedAddress if any address is not a public one."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allow_private:
        for *_, sockaddr in infos:
            if _refusable(sockaddr[0]):
                raise RefusedAddress(
                    f"refused: {host} resolves to non-public address {sockaddr[0]}"
                    " (use --allow-private to allow it)"
                )
    return infos


def _guarded_connection(
    allow_private: bool,
    address: tuple[str, int],
    timeout: object = _DEFAULT_TIMEOUT,
    source_address: tuple[str, int] | None = None,
    **_: Any,
) -> socket.socket:
    """socket.create_connection, but to addresses that passed the check."""
    host, port = address
    last: OSError | None = None
    for family, kind, proto, _name, sockaddr in checked_addresses(host, port, allow_private):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not _DEFAULT_TIMEOUT:
                sock.settimeout(timeout)  # type: ignore[arg-type]
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last or OSError(f"cannot connect to {host}")


def _connection_class(base: type[http.client.HTTPConnection], allow_private: bool) -> type:
    class Guarded(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = partial(_guarded_connection, allow_private)

    return Guarded


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self._conn = _connection_class(http.client.HTTPConnection, allow_private)

    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(self._conn, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self._conn = _connection_class(http.client.HTTPSConnection, allow_private)

    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(self._conn, req, context=self._context)


def is_http(address: str) -> bool:
    """True for an http(s) address, the only kind fetched (also after a redirect)."""
    return address.lower().startswith(("http://", "https://"))


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = _MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not is_http(newurl):
            raise urllib.error.URLError(f"redirect to a non-http address {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        _HTTPHandler(allow_private),
        _HTTPSHandler(allow_private),
        _RedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _too_large(limit: int) -> str:
    return f"too large (over {limit:,} bytes)"


def _read_capped(response: Any, url: str, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputError(url, _too_large(limit))
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise InputError(url, _too_large(limit))
        if time.monotonic() > deadline:
            raise InputError(url, "timeout (download took too long)")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: BaseException, timeout: float) -> str:
    while isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    if isinstance(exc, RefusedAddress):
        return str(exc)
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"timeout after {timeout:g} s"
    if isinstance(exc, socket.gaierror):
        return "host not found"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Fetched:
    """Download `url`; raise InputError naming it and the reason (HTTP 404, timeout, too large)."""
    if not is_http(url):
        raise InputError(url, "only http and https addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + 4 * timeout
    try:
        with _opener(allow_private).open(request, timeout=timeout) as response:
            data = _read_capped(response, url, max_bytes, deadline)
            headers: Message = response.headers
            return Fetched(
                url=response.geturl(),
                data=data,
                content_type=headers.get_content_type(),
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}".strip()) from None
    except InputError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(url, _reason(exc, timeout)) from None
