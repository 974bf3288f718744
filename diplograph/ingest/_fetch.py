"""Fetching a URL with the standard library, within one deadline, refusing addresses inside the host's own network.

A server that fetches URLs for users can be aimed at its own network (cloud metadata at
169.254.169.254, admin pages on 127.0.0.1, 10.x hosts). Every address a host name resolves to is
checked at connect time, on the connection actually used, so a redirect or a second DNS answer
cannot slip past the check. Proxies from the environment are not used: through a proxy the check
would be of the proxy, not of the page.

The timeout setting is a deadline for the whole fetch: resolving the name, connecting, the TLS
handshake, the status line, the headers and the body, over every redirect. A socket timeout alone
bounds each read, so a server sending one byte a second never trips it. Here every socket is a
_DeadlineSocket, which sets its own timeout to the time left before each receive and send and raises
TimeoutError once none is left; over TLS the context makes _DeadlineSSLSocket (SSLContext.sslsocket_class),
and the handshake, one bounded call, gets the time left when it starts. This was chosen over a
watchdog thread that shuts the socket down at the deadline: the watchdog needs a thread per fetch,
races with the socket being closed, and a socket shut down mid-body reads as a clean end of file, so a
body cut at the deadline would pass for a whole one unless every path checked a flag. Name resolution
cannot be given a timeout: it runs in a daemon thread awaited for the time left (a hung resolver's
thread is abandoned; the system resolver gives up on its own after its retries).

Redirects are followed here rather than by urllib, so that each target is checked like an input URL
(http or https, a valid host and port, no user name), a relative Location is joined to the page's URL,
and a loop or a chain of more than MAX_REDIRECTS is one failure line. Only InputError leaves fetch().

A caller polling a resource (``diplograph watch``) sends a conditional GET (``headers`` with
If-None-Match / If-Modified-Since): a 304 answer is then a Fetched of no content and status 304, and
every answer carries the ETag and Last-Modified to send next time. An error status is an
:class:`HTTPStatusError` (an InputError) with the status and the Retry-After the server sent.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import math
import re
import socket
import ssl
import string
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import quote, urljoin, urlsplit

from ..clean._encoding import decode_declared
from ..errors import InputError
from ..settings import Settings
from ._files import too_large

__all__ = ["MAX_REDIRECTS", "Fetched", "HTTPStatusError", "fetch", "is_url", "url_problem"]

# Redirects followed before giving up (browsers stop at about 20; urllib at 10).
MAX_REDIRECTS = 10

_CHUNK = 65536
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# Content codings that compress: never asked for (requests send "Accept-Encoding: identity"), so refused.
_COMPRESSED = frozenset({"gzip", "x-gzip", "deflate", "br", "compress", "x-compress", "zstd"})
_SCHEME = re.compile(r"[\x00-\x20]*https?:", re.I)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_HOST_NAME = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?")
_IDNA_WRAPPER = re.compile(r"^encoding with 'idna' codec failed \(UnicodeError: (.*)\)$")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, decoded with surrogateescape
_SHOWN_CHARS = 80
# The request headers that make a GET conditional, the only ones under which a 304 is an answer.
_CONDITIONAL = frozenset({"if-none-match", "if-modified-since"})


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: its bytes, the URL it came from after redirects, and its charset if given;
    the status (304: not modified since the conditional GET's validators, no content) and the
    validators the server sent (ETag, Last-Modified) for the next conditional GET."""

    content: bytes
    url: str
    charset: str | None
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None

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


class HTTPStatusError(InputError):
    """An answer with an error status (4xx, 5xx), with the Retry-After header the server sent."""

    def __init__(self, input: str, problem: str, *, status: int, retry_after: str | None) -> None:
        super().__init__(input, problem)
        self.status = status
        self.retry_after = retry_after


class _Refused(OSError):
    """A host resolved to an address diplograph will not connect to."""


class _BadURL(ValueError):
    """A URL diplograph will not request, and why (the message)."""


@dataclass(frozen=True)
class _Target:
    """A URL split into what a request needs: the host in ASCII and the path percent-encoded."""

    url: str
    https: bool
    host: str
    port: int
    path: str

    @property
    def key(self) -> tuple[bool, str, int, str]:
        return self.https, self.host, self.port, self.path


def is_url(text: str) -> bool:
    """True for an http:// or https:// URL (the only schemes diplograph fetches), well formed or not."""
    return bool(_SCHEME.match(text))


def url_problem(url: str) -> str | None:
    """Why diplograph would not request ``url`` (not http(s), no or a bad host, a bad port), or None."""
    try:
        _target(url)
    except _BadURL as exc:
        return str(exc)
    return None


def fetch(url: str, settings: Settings, *, headers: Mapping[str, str] | None = None) -> Fetched:
    """GET ``url``, following redirects, within settings.timeout in all and settings.max_bytes;
    InputError naming the URL and the problem otherwise (and no other exception).

    ``headers`` are sent besides the User-Agent: a conditional GET's If-None-Match and
    If-Modified-Since, under which a 304 answer is a Fetched with status 304 and no content.
    """
    deadline = time.monotonic() + settings.timeout
    extra = dict(headers or {})
    try:
        chain = [_target(url)]
    except _BadURL as exc:
        raise InputError(url, str(exc)) from None
    while True:
        answer = _get_one(url, chain[-1], settings, deadline, extra)
        if isinstance(answer, Fetched):
            return answer
        chain.append(_next_target(url, chain, answer))


def _next_target(url: str, chain: list[_Target], location: str) -> _Target:
    """The target of a redirect from chain[-1] to ``location``, refused if bad, looping or one too many."""
    try:
        joined = urljoin(chain[-1].url, _header_text(location))
        target = _target(joined)
    except _BadURL as exc:
        raise InputError(url, f"redirect to {_shown(location)}: {exc}") from None
    except ValueError as exc:  # urljoin: "Invalid IPv6 URL" and the like
        raise InputError(url, f"redirect to {_shown(location)}: malformed URL ({exc})") from None
    keys = [t.key for t in chain]
    if target.key in keys:
        cycle = [t.url for t in chain[keys.index(target.key):]] + [target.url]
        raise InputError(url, f"redirect loop after {len(chain)} redirects: {_chain(cycle)}")
    if len(chain) > MAX_REDIRECTS:
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects: {_chain([t.url for t in chain] + [target.url])}")
    return target


def _chain(urls: list[str]) -> str:
    shown = [_shown(u, 60) for u in urls]
    if len(shown) > 4:
        shown = [*shown[:2], "...", shown[-1]]
    return " -> ".join(shown)


def _header_text(value: str) -> str:
    """A header value as its sender meant it: http.client decodes header bytes as Latin-1, and a
    Location is UTF-8 when not ASCII; bytes that are not UTF-8 are percent-encoded as they stand."""
    text = value.encode("latin-1", "replace").decode("utf-8", "surrogateescape")
    return _ESCAPED_BYTE.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", text)


def _target(url: str) -> _Target:
    """``url`` checked and split for a request; _BadURL with the problem otherwise."""
    control = _CONTROL.search(url)
    if control:
        raise _BadURL(f"a control character (U+{ord(control.group()):04X}) in the URL")
    if not is_url(url):
        raise _BadURL("not an http(s) URL")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535", a port not a number
        raise _BadURL(f"malformed URL ({exc})") from None
    if "@" in parts.netloc:
        raise _BadURL("a user name or password in the URL (refused: it can hide the real host)")
    https = parts.scheme.lower() == "https"
    host = _ascii_host(parts.hostname or "")
    if port == 0:
        raise _BadURL("port 0 in the URL")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    # as urllib quotes a redirect's URL: spaces, control bytes and non-ASCII characters, nothing else
    path = quote(path, safe=string.punctuation, errors="surrogateescape")
    return _Target(url, https, host, port or (443 if https else 80), path)


def _ascii_host(host: str) -> str:
    """The host as the resolver takes it: an IP address, or a name in ASCII (IDNA); _BadURL otherwise."""
    if not host:
        raise _BadURL("no host in the URL")
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
            return host
        except ValueError:
            raise _BadURL(f"invalid IPv6 address '{_shown(host)}' in the URL") from None
    try:
        name = host.encode("idna").decode("ascii").lower()
    except UnicodeError as exc:  # an empty or over-long label, a name IDNA cannot encode
        reason = _IDNA_WRAPPER.sub(r"\1", str(exc))
        raise _BadURL(f"invalid host name '{_shown(host)}' ({_shown(reason)})") from None
    if not _HOST_NAME.fullmatch(name) or len(name) > 254:
        raise _BadURL(f"invalid host name '{_shown(host)}'")
    return name


def _get_one(url: str, target: _Target, settings: Settings, deadline: float,
             extra: Mapping[str, str]) -> Fetched | str:
    """One request: the Fetched page, or the Location of a redirect."""
    kind = _GuardedHTTPSConnection if target.https else _GuardedHTTPConnection
    connection = kind(target.host, target.port, deadline=deadline, allow_private=settings.allow_private)
    try:
        headers = {**extra, "User-Agent": settings.user_agent, "Connection": "close"}
        connection.request("GET", target.path, headers=headers)
        response = connection.getresponse()
        if response.status in _REDIRECT_CODES:
            location = response.getheader("Location")
            if not location or not location.strip():
                raise InputError(url, f"a redirect ({response.status}) with no Location")
            return location.strip()
        etag, modified = response.getheader("ETag"), response.getheader("Last-Modified")
        if response.status == 304 and _CONDITIONAL & {k.lower() for k in extra}:
            return Fetched(b"", target.url, None, status=304, etag=etag, last_modified=modified)
        if not 200 <= response.status < 300:
            raise HTTPStatusError(url, f"HTTP error {response.status} {_shown(response.reason)}".rstrip(),
                                  status=response.status, retry_after=response.getheader("Retry-After"))
        content = _read(url, response, settings)
        return Fetched(content, target.url, response.headers.get_content_charset(), response.status, etag, modified)
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise InputError(url, _problem(exc, target, settings)) from None
    finally:
        connection.close()


def _read(url: str, response: http.client.HTTPResponse, settings: Settings) -> bytes:
    codings = {c.strip().lower() for c in (response.getheader("Content-Encoding") or "").split(",")}
    if codings & _COMPRESSED:
        coding = response.getheader("Content-Encoding") or ""
        raise InputError(url, f"a compressed answer (Content-Encoding: {_shown(coding)}) that was not asked for")
    cap = settings.max_bytes
    expected = response.length  # the Content-Length, None when absent or chunked
    if expected is not None and expected > cap:
        raise InputError(url, too_large(expected, cap))
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(_CHUNK):
        total += len(chunk)
        if total > cap:
            raise InputError(url, too_large(total, cap, at_least=True))
        chunks.append(chunk)
    if expected is not None and total < expected:
        # http.client's read(amt) ends quietly at the end of the stream, even short of the Content-Length
        raise InputError(url, f"the server closed the connection after {total:,} of {expected:,} bytes")
    return b"".join(chunks)


def _timed_out(settings: Settings) -> str:
    return f"no complete answer within {settings.timeout:g} s (the timeout setting)"


def _problem(exc: Exception, target: _Target, settings: Settings) -> str:
    """One line for an error raised while fetching ``target`` (the most specific classes first)."""
    if isinstance(exc, TimeoutError):
        return _timed_out(settings)
    if isinstance(exc, _Refused):
        return str(exc)
    if isinstance(exc, socket.gaierror):
        return f"could not resolve host {target.host!r}"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without an answer"
    if isinstance(exc, http.client.IncompleteRead):
        return "an incomplete body (the connection closed mid-body, or a chunk was malformed)"
    if isinstance(exc, http.client.LineTooLong):
        return f"not a valid HTTP answer ({exc})"
    if isinstance(exc, http.client.BadStatusLine):
        return f"not an HTTP answer (status line {_shown(str(exc).strip())})"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate refused ({exc.verify_message})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error ({exc.reason or exc})"
    if isinstance(exc, http.client.HTTPException | ValueError):
        return f"not a valid HTTP answer ({exc.__class__.__name__}: {_shown(str(exc))})"
    return f"could not fetch ({exc.__class__.__name__}: {_shown(str(exc))})"


def _shown(text: str, limit: int = _SHOWN_CHARS) -> str:
    """``text`` for a one-line message: non-printable characters escaped, cut to ``limit`` characters."""
    safe = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
    return safe if len(safe) <= limit else safe[: limit - 3] + "..."


def _time_left(deadline: float) -> float:
    """Seconds to the deadline (Settings keeps timeout finite, at most a day); TimeoutError if none."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the fetch deadline has passed")
    return left


class _DeadlineSocket(socket.socket):
    """A socket whose timeout, before each receive and send, is the time left to its deadline."""

    deadline: float = math.inf

    def _before_io(self) -> None:
        if self.deadline != math.inf:
            self.settimeout(_time_left(self.deadline))

    def recv(self, *args: Any, **kwargs: Any) -> bytes:
        self._before_io()
        return super().recv(*args, **kwargs)

    def recv_into(self, *args: Any, **kwargs: Any) -> int:
        self._before_io()
        return super().recv_into(*args, **kwargs)

    def send(self, *args: Any, **kwargs: Any) -> int:
        self._before_io()
        return super().send(*args, **kwargs)

    def sendall(self, *args: Any, **kwargs: Any) -> None:
        self._before_io()
        super().sendall(*args, **kwargs)


class _DeadlineSSLSocket(_DeadlineSocket, ssl.SSLSocket):
    """The TLS socket of a _DeadlineSocket (its methods come first, then SSLSocket's)."""


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Verified certificates and host names (as http.client's default), making deadline sockets."""
    context = ssl.create_default_context()
    context.set_alpn_protocols(["http/1.1"])
    context.sslsocket_class = _DeadlineSSLSocket
    return context


def _resolve(host: str, port: int, deadline: float) -> list[Any]:
    """socket.getaddrinfo within the deadline (a name is looked up in a thread, awaited for the time left)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[Any] = []
    errors: list[Exception] = []

    def lookup() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, ValueError) as exc:
            errors.append(exc)

    thread = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    thread.start()
    thread.join(_time_left(deadline))
    if thread.is_alive():
        raise TimeoutError(f"resolving {host} took too long")
    if errors:
        raise errors[0]
    return found


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


def _connect(address: tuple[str, int], timeout: object = None, source_address: tuple[str, int] | None = None,
             *, deadline: float, allow_private: bool) -> socket.socket:
    """socket.create_connection within the deadline, after checking every address the host resolves to."""
    host, port = address
    infos = _resolve(host, port, deadline)
    if not allow_private:
        for *_, sockaddr in infos:
            ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
            what = _address_problem(ip)
            if what:
                raise _Refused(f"refused: {host} resolves to {what} address {ip} (allow_private is off)")
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = _DeadlineSocket(family, kind, proto)
        try:
            sock.settimeout(_time_left(deadline))
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            sock.settimeout(_time_left(deadline))  # what a TLS handshake, if any, may take
            sock.deadline = deadline
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"no address for {host}")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, *, deadline: float, allow_private: bool) -> None:
        super().__init__(host, port)
        self._create_connection = functools.partial(_connect, deadline=deadline, allow_private=allow_private)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, deadline: float, allow_private: bool) -> None:
        super().__init__(host, port, context=_tls_context())
        self._deadline = deadline
        self._create_connection = functools.partial(_connect, deadline=deadline, allow_private=allow_private)

    def connect(self) -> None:
        super().connect()  # a _DeadlineSocket, wrapped by _tls_context() into a _DeadlineSSLSocket
        cast(_DeadlineSSLSocket, self.sock).deadline = self._deadline
