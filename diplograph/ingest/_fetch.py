"""Fetching a URL with the standard library, refusing addresses inside the host's own network.

A server that fetches URLs for users can be aimed at its own network (cloud metadata at
169.254.169.254, admin pages on 127.0.0.1, 10.x hosts). Every address a host name resolves to is
checked at connect time, on the connection actually used, so a redirect or a second DNS answer
cannot slip past the check. Proxies from the environment are not used: through a proxy the check
would be of the proxy, not of the page.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..clean._encoding import decode_declared
from ..errors import InputError
from ..settings import Settings
from ._files import too_large

__all__ = ["Fetched", "fetch", "is_url"]

_CHUNK = 65536


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: its bytes, the URL it came from after redirects, and its charset if given."""

    content: bytes
    url: str
    charset: str | None

    def body(self) -> bytes | str:
        """Text decoded with the server's declared charset when the bytes agree with it; otherwise the
        bytes, which cleaning decodes (BOM, UTF-8, the page's own declaration, detection).

        A header is believed only where the bytes do not contradict it (clean._encoding.decode_declared):
        no byte-order mark, not valid UTF-8 without NULs (a valid UTF-8 page behind "charset=utf-16"
        or a server's default "ISO-8859-1" is UTF-8), decoding cleanly, and giving text without a run
        of NULs and control characters.
        """
        text = decode_declared(self.content, self.charset)
        return self.content if text is None else text


class _Refused(OSError):
    """A host resolved to an address diplograph will not connect to."""


def is_url(text: str) -> bool:
    """True for an http:// or https:// URL (the only schemes diplograph fetches)."""
    return urlsplit(text).scheme.lower() in ("http", "https")


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url`` within settings.timeout and settings.max_bytes; InputError naming the URL otherwise."""
    if not is_url(url):
        raise InputError(url, "not an http(s) URL")
    opener = _opener(settings.allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": settings.user_agent})
    deadline = time.monotonic() + settings.timeout
    try:
        with opener.open(request, timeout=settings.timeout) as response:
            content = _read(url, response, settings, deadline)
            return Fetched(content, response.geturl(), response.headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP error {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(url, _problem(exc.reason, url, settings)) from None
    except TimeoutError:
        raise InputError(url, _timed_out(settings)) from None
    except (http.client.HTTPException, OSError) as exc:
        raise InputError(url, f"could not fetch ({exc.__class__.__name__}: {exc})") from None


def _read(url: str, response: http.client.HTTPResponse, settings: Settings, deadline: float) -> bytes:
    cap = settings.max_bytes
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise InputError(url, too_large(int(declared), cap))
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(_CHUNK):
        total += len(chunk)
        if total > cap:
            raise InputError(url, too_large(total, cap, at_least=True))
        if time.monotonic() > deadline:
            raise InputError(url, _timed_out(settings))
        chunks.append(chunk)
    return b"".join(chunks)


def _timed_out(settings: Settings) -> str:
    return f"timed out after {settings.timeout:g} s (timeout setting)"


def _problem(reason: object, url: str, settings: Settings) -> str:
    if isinstance(reason, _Refused):
        return str(reason)
    if isinstance(reason, socket.gaierror):
        return f"could not resolve host {urlsplit(url).hostname!r}"
    if isinstance(reason, TimeoutError):
        return _timed_out(settings)
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    return f"could not fetch ({reason})"


def _address_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is off limits, or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for flag, what in (
        ("is_loopback", "loopback"), ("is_link_local", "link-local"), ("is_private", "private"),
        ("is_multicast", "multicast"), ("is_unspecified", "unspecified"), ("is_reserved", "reserved"),
    ):
        if getattr(ip, flag):
            return what
    return None if ip.is_global else "non-public"


def _connect(address: tuple[str, int], timeout: float | None = None, source_address: tuple[str, int] | None = None,
             *, allow_private: bool) -> socket.socket:
    """socket.create_connection, after checking every address the host resolves to."""
    host, port = address
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allow_private:
        for *_, sockaddr in infos:
            ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
            what = _address_problem(ip)
            if what:
                raise _Refused(f"refused: {host} resolves to {what} address {ip} (allow_private is off)")
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if isinstance(timeout, (int, float)):
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"no address for {host}")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = lambda *a, **k: _connect(*a, **k, allow_private=allow_private)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = lambda *a, **k: _connect(*a, **k, allow_private=allow_private)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_GuardedHTTPConnection, allow_private=self.allow_private), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # no context: HTTPSConnection then makes the default one (verified certificates and host names)
        return self.do_open(functools.partial(_GuardedHTTPSConnection, allow_private=self.allow_private), req)


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    """http and https only (redirects included), no proxies, every connection address-checked."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        _HTTPHandler(allow_private), _HTTPSHandler(allow_private), urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor(), urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener
