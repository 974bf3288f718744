"""URL inputs against a hostile server on loopback: slow, silent, lying or malformed answers, bad redirects.

Each gives one Failure naming the URL and the problem within about the timeout setting, and the next
input goes on. The server is a raw socket server (http.server would not send broken answers), started on
127.0.0.1 by the tests and stopped after them; nothing here contacts a non-local address.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.ingest import _fetch, iter_sources
from diplograph.ingest._fetch import MAX_REDIRECTS, fetch
from diplograph.model import Failure, Source
from diplograph.settings import load_settings

LOOPBACK_TLS = Path(__file__).parents[1] / "fixtures" / "ingest" / "loopback-tls.pem"
PAGE = b"<html><head><title>Talks</title></head><body><p>Iran and Iraq held talks in Baghdad.</p></body></html>"
TIMEOUT = 1.0
# The deadline plus room for a loaded machine; a per-read timeout would take the whole drip (50 s).
WITHIN = TIMEOUT + 1.5
DRIP = 0.05  # seconds between the bytes of a slow answer


class Hostile:
    """A raw TCP server: reads each request's line and headers, then answers with its path's routine."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.tls = tls
        self.base = f"{'https' if tls else 'http'}://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stopped = threading.Event()
        self.routes: dict[str, Callable[[socket.socket], None]] = {}
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(2)
            if self.tls:
                conn = self.tls.wrap_socket(conn, server_side=True)
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                data = conn.recv(4096)
                if not data:
                    return
                request += data
            path = request.split(b" ", 2)[1].decode("latin-1")
            self.routes.get(path, not_found)(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def drip(self, conn: socket.socket, data: bytes, endless: bytes = b"") -> None:
        """Send ``data`` and then ``endless`` over and over, a byte every DRIP seconds, until the client leaves."""
        for byte in data:
            if self.stopped.wait(DRIP):
                return
            conn.sendall(bytes([byte]))
        while endless and not self.stopped.wait(DRIP):
            conn.sendall(endless)

    def silent(self, conn: socket.socket) -> None:
        """Answer nothing until the client leaves."""
        conn.settimeout(DRIP)
        while not self.stopped.is_set():
            try:
                if not conn.recv(1):
                    return
            except TimeoutError:
                continue


def not_found(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")


def answer(head: bytes, body: bytes = b"") -> Callable[[socket.socket], None]:
    return lambda conn: conn.sendall(head + b"\r\n\r\n" + body)


def redirect(location: bytes, status: bytes = b"302 Found") -> Callable[[socket.socket], None]:
    return answer(b"HTTP/1.1 " + status + b"\r\nLocation: " + location + b"\r\nContent-Length: 0")


def ok(conn: socket.socket) -> None:
    answer(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d" % len(PAGE), PAGE)(conn)


BAD_LOCATIONS = {
    "/to-bad-host": (b"http://a..b/", "redirect to http://a..b/: invalid host name 'a..b' (label empty or too long)"),
    "/to-bad-ipv6": (b"http://[::1/x", "redirect to http://[::1/x: malformed URL (Invalid IPv6 URL)"),
    "/to-bad-port": (b"http://127.0.0.1:99999/", "redirect to http://127.0.0.1:99999/: malformed URL (Port out of "
                     "range 0-65535)"),
    "/to-no-host": (b"http://:80/ok", "redirect to http://:80/ok: no host in the URL"),
    "/to-user": (b"http://127.0.0.1@example.com/", "redirect to http://127.0.0.1@example.com/: a user name or "
                 "password in the URL (refused: it can hide the real host)"),
    "/to-file": (b"file:///etc/passwd", "redirect to file:///etc/passwd: not an http(s) URL"),
    "/to-ftp": (b"ftp://example.com/x", "redirect to ftp://example.com/x: not an http(s) URL"),
    "/to-data": (b"data:text/html,<p>hi</p>", "redirect to data:text/html,<p>hi</p>: not an http(s) URL"),
    "/to-javascript": (b"javascript:alert(1)", "redirect to javascript:alert(1): not an http(s) URL"),
    "/to-control": (b"/ok\x01x", "redirect to /ok\\x01x: a control character (U+0001) in the URL"),
}


@pytest.fixture(scope="module")
def hostile():
    server = Hostile()
    routes = server.routes
    routes["/ok"] = ok
    routes["/caf%C3%A9"] = ok
    routes["/slow-body"] = lambda c: (c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"),
                                      server.drip(c, b"", endless=b"x"))
    routes["/slow-headers"] = lambda c: server.drip(c, b"HTTP/1.1 200 OK\r\nX-Slow: ", endless=b"a")
    routes["/silent"] = server.silent
    routes["/relative"] = redirect(b"ok", b"301 Moved Permanently")
    routes["/rooted"] = redirect(b"/relative", b"307 Temporary Redirect")
    routes["/utf8-location"] = redirect("/café".encode())
    routes["/latin1-location"] = redirect("/café".encode("latin-1"))
    routes["/caf%E9"] = ok
    routes["/no-location"] = answer(b"HTTP/1.1 302 Found\r\nContent-Length: 0")
    routes["/loop-a"] = redirect(b"/loop-b")
    routes["/loop-b"] = redirect(b"/loop-a")
    routes["/self"] = redirect(b"/self")
    for hop in range(3 * MAX_REDIRECTS):
        routes[f"/hop/{hop}"] = redirect(f"/hop/{hop + 1}".encode())
    for path, (location, _) in BAD_LOCATIONS.items():
        routes[path] = redirect(location)
    routes["/long-header"] = answer(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 1_000_000)
    routes["/many-headers"] = answer(b"HTTP/1.1 200 OK" + b"".join(b"\r\nX-%d: y" % n for n in range(200)))
    routes["/short-body"] = answer(b"HTTP/1.1 200 OK\r\nContent-Length: 100", PAGE[:10])
    routes["/bad-chunk"] = answer(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", b"zz\r\nhello\r\n0\r\n\r\n")
    routes["/cut-chunk"] = answer(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", b"100\r\n" + PAGE[:10])
    routes["/not-http"] = answer(b"HELLO THERE")
    routes["/close"] = lambda c: None
    routes["/gzip"] = answer(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4", b"\x1f\x8b\x08\x00")
    routes["/escape-reason"] = answer(b"HTTP/1.1 500 Bad\x1b[31m News\r\nContent-Length: 0")
    routes["/superscript-length"] = answer(b"HTTP/1.1 200 OK\r\nContent-Length: \xb2", PAGE)
    server.thread.start()
    yield server
    server.stopped.set()
    server.thread.join()
    server.listener.close()


@pytest.fixture(scope="module")
def local():
    return load_settings().with_overrides(allow_private=True, timeout=TIMEOUT)


def failure_of(url: str, settings) -> str:
    with pytest.raises(InputError) as info:
        fetch(url, settings)
    assert info.value.input == url
    assert "\n" not in info.value.problem and "\r" not in info.value.problem
    return info.value.problem


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers", "/silent"])
def test_a_slow_or_silent_server_fails_at_the_deadline_and_the_next_input_goes_on(hostile, local, path):
    started = time.monotonic()
    failure, source = list(iter_sources([hostile.base + path, hostile.base + "/ok"], local))
    elapsed = time.monotonic() - started
    assert failure == Failure(hostile.base + path, "no complete answer within 1 s (the timeout setting)")
    assert isinstance(source, Source) and source.content == PAGE
    assert 0.9 < elapsed < WITHIN


def test_the_deadline_covers_every_redirect(hostile, local):
    """Each hop is quick, but the chain is not: the deadline is for the whole fetch."""
    hostile.routes["/late-hop"] = lambda c: (time.sleep(0.4), redirect(b"/late-hop-2")(c))
    hostile.routes["/late-hop-2"] = lambda c: (time.sleep(0.4), redirect(b"/late-hop-3")(c))
    hostile.routes["/late-hop-3"] = lambda c: (time.sleep(0.4), ok(c))
    started = time.monotonic()
    assert failure_of(hostile.base + "/late-hop", local) == "no complete answer within 1 s (the timeout setting)"
    assert time.monotonic() - started < WITHIN


def test_a_hung_name_lookup_fails_at_the_deadline(local, monkeypatch):
    released = threading.Event()

    def hung(*args, **kwargs):
        released.wait(10)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(_fetch.socket, "getaddrinfo", hung)
    started = time.monotonic()
    try:
        problem = failure_of("http://news.example/article", local)
    finally:
        released.set()
    assert problem == "no complete answer within 1 s (the timeout setting)"
    assert time.monotonic() - started < WITHIN


def test_a_tls_handshake_that_never_ends_fails_at_the_deadline(hostile, local):
    hostile.routes.setdefault("/never", hostile.silent)
    url = hostile.base.replace("http:", "https:") + "/never"  # the server never answers the ClientHello
    started = time.monotonic()
    assert failure_of(url, local) == "no complete answer within 1 s (the timeout setting)"
    assert time.monotonic() - started < WITHIN


def test_tls_to_a_plain_http_server_is_one_line(hostile, local):
    with socket.create_server(("127.0.0.1", 0)) as plain:
        url = f"https://127.0.0.1:{plain.getsockname()[1]}/"
        reply = threading.Thread(target=lambda: answer(b"HTTP/1.1 400 Bad Request")(plain.accept()[0]))
        reply.start()
        problem = failure_of(url, local)
        reply.join()
    assert problem.startswith("TLS error (")


@pytest.mark.parametrize("path", ["/relative", "/rooted"])
def test_a_relative_location_is_joined_to_the_page_url(hostile, local, path):
    fetched = fetch(hostile.base + path, local)
    assert (fetched.content, fetched.url) == (PAGE, hostile.base + "/ok")


def test_a_utf8_location_is_percent_encoded(hostile, local):
    fetched = fetch(hostile.base + "/utf8-location", local)
    assert fetched.content == PAGE and fetched.url == hostile.base + "/café"


def test_a_location_that_is_not_utf8_keeps_its_bytes_percent_encoded(hostile, local):
    fetched = fetch(hostile.base + "/latin1-location", local)
    assert fetched.content == PAGE and fetched.url == hostile.base + "/caf%E9"


@pytest.mark.parametrize("path", sorted(BAD_LOCATIONS))
def test_a_bad_redirect_target_is_refused_in_one_line(hostile, local, path):
    assert failure_of(hostile.base + path, local) == BAD_LOCATIONS[path][1]


def test_a_redirect_without_location(hostile, local):
    assert failure_of(hostile.base + "/no-location", local) == "a redirect (302) with no Location"


def test_a_redirect_loop_is_one_line(hostile, local):
    base = hostile.base
    assert failure_of(base + "/loop-a", local) == (
        f"redirect loop after 2 redirects: {base}/loop-a -> {base}/loop-b -> {base}/loop-a")
    assert failure_of(base + "/self", local) == f"redirect loop after 1 redirects: {base}/self -> {base}/self"


def test_redirects_are_capped(hostile, local):
    base = hostile.base
    assert failure_of(base + "/hop/0", local) == (
        f"more than {MAX_REDIRECTS} redirects: {base}/hop/0 -> {base}/hop/1 -> ... -> {base}/hop/{MAX_REDIRECTS + 1}")
    # exactly MAX_REDIRECTS are followed
    hostile.routes[f"/hop/{2 * MAX_REDIRECTS}"] = ok
    assert fetch(f"{base}/hop/{MAX_REDIRECTS}", local).content == PAGE


@pytest.mark.parametrize(
    ("path", "problem"),
    [("/long-header", "not a valid HTTP answer (got more than 65536 bytes when reading header line)"),
     ("/many-headers", "not a valid HTTP answer (HTTPException: got more than 100 headers)"),
     ("/short-body", "the server closed the connection after 10 of 100 bytes"),
     ("/bad-chunk", "an incomplete body (the connection closed mid-body, or a chunk was malformed)"),
     ("/cut-chunk", "an incomplete body (the connection closed mid-body, or a chunk was malformed)"),
     ("/not-http", "not an HTTP answer (status line HELLO THERE)"),
     ("/close", "the server closed the connection without an answer"),
     ("/gzip", "a compressed answer (Content-Encoding: gzip) that was not asked for"),
     ("/escape-reason", "HTTP error 500 Bad\\x1b[31m News")],
)
def test_a_broken_answer_is_one_line(hostile, local, path, problem):
    assert failure_of(hostile.base + path, local) == problem


def test_a_content_length_that_is_no_number_is_ignored(hostile, local):
    assert fetch(hostile.base + "/superscript-length", local).content == PAGE


@pytest.mark.parametrize(
    ("url", "problem"),
    [("http://a..b/", "invalid host name 'a..b' (label empty or too long)"),
     ("http://[::1/x", "malformed URL (Invalid IPv6 URL)"),
     ("http://[1:2:3]/", "malformed URL ('1:2:3' does not appear to be an IPv4 or IPv6 address)"),
     ("http://news example.com/", "invalid host name 'news example.com'"),
     ("http://news.example/a\nb", "a control character (U+000A) in the URL"),
     ("http://ex\u2028ample.com/", "invalid host name 'ex\\u2028ample.com' (Invalid character '\\u2028')"),
     ("http://" + "a" * 64 + ".com/", f"invalid host name '{'a' * 64}.com' (label empty or too long)"),
     ("http://news.example:99999/", "malformed URL (Port out of range 0-65535)"),
     ("http://news.example:0/", "port 0 in the URL"),
     ("http://", "no host in the URL"),
     ("http:///path", "no host in the URL"),
     ("http://user:secret@news.example/", "a user name or password in the URL (refused: it can hide the real host)"),
     ("http://news.example\\@127.0.0.1/",
      "a user name or password in the URL (refused: it can hide the real host)"),
     ("ftp://news.example/", "not an http(s) URL")],
)
def test_a_malformed_url_is_one_line(url, problem, local):
    assert failure_of(url, local) == problem


def test_a_url_with_spaces_in_its_path_is_fetched_percent_encoded(hostile, local):
    hostile.routes["/a%20b"] = ok
    assert fetch(hostile.base + "/a b", local).content == PAGE


def test_malformed_and_hostile_feed_item_links_fail_alone(hostile, local, tmp_path):
    links = ["http://a..b/", "http://[::1/x", "/relative/only", f"{hostile.base}/to-bad-ipv6",
             f"{hostile.base}/loop-a", f"{hostile.base}/ok"]
    items = "".join(f"<item><title>t{n}</title><link>{link}</link><description>d</description></item>"
                    for n, link in enumerate(links))
    path = tmp_path / "feed.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>')
    *failures, last = list(iter_sources([str(path)], local))
    assert [f.input for f in failures] == links[:-1]
    assert [f.problem.split(" (")[0].split(":")[0] for f in failures] == [
        "invalid host name 'a..b'", "malformed URL", "not an http(s) URL", "redirect to http",
        "redirect loop after 2 redirects",
    ]
    assert isinstance(last, Source) and last.content == PAGE and last.url == f"{hostile.base}/ok"


def test_a_full_content_item_keeps_its_text_but_not_a_malformed_link_as_url(local, tmp_path):
    text = "Iran and Iraq held talks in Baghdad on Tuesday. " * 20
    path = tmp_path / "feed.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
                    f'content/"><channel><title>f</title><item><title>t</title><link>http://[::1/x</link>'
                    f'<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item></channel></rss>')
    (source,) = list(iter_sources([str(path)], local))
    assert isinstance(source, Source) and source.name == "http://[::1/x" and source.url is None


@pytest.fixture(scope="module")
def tls_hostile():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(LOOPBACK_TLS)
    server = Hostile(tls=context)
    server.routes["/ok"] = ok
    server.routes["/slow-body"] = lambda c: (c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"),
                                             server.drip(c, b"", endless=b"x"))
    server.routes["/slow-headers"] = lambda c: server.drip(c, b"HTTP/1.1 200 OK\r\nX-Slow: ", endless=b"a")
    server.routes["/to-plain"] = redirect(b"http://127.0.0.1:9/")
    server.thread.start()
    yield server
    server.stopped.set()
    server.thread.join()
    server.listener.close()


@pytest.fixture
def trusting(monkeypatch):
    """fetch's own TLS context, trusting the loopback test certificate besides the system's."""
    context = _fetch._tls_context.__wrapped__()
    context.load_verify_locations(LOOPBACK_TLS)
    monkeypatch.setattr(_fetch, "_tls_context", lambda: context)


def test_https_fetch_and_a_redirect_to_http(tls_hostile, local, trusting):
    assert fetch(tls_hostile.base + "/ok", local).content == PAGE
    assert failure_of(tls_hostile.base + "/to-plain", local) == "connection refused"


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_a_slow_server_over_tls_fails_at_the_deadline(tls_hostile, local, trusting, path):
    """Each byte comes in a TLS record of its own: a per-read timeout would never trip."""
    started = time.monotonic()
    assert failure_of(tls_hostile.base + path, local) == "no complete answer within 1 s (the timeout setting)"
    assert 0.9 < time.monotonic() - started < WITHIN


def test_an_untrusted_certificate_is_one_line(tls_hostile, local):
    assert failure_of(tls_hostile.base + "/ok", local) == "TLS certificate refused (self-signed certificate)"


@pytest.mark.parametrize("timeout", [0.0, -1.0, float("nan"), float("inf")])
def test_a_timeout_that_is_no_deadline_is_refused_by_the_settings(timeout, local):
    # fetch counts on a finite, positive deadline: Settings refuses any other, in one line naming the key
    with pytest.raises(InputError, match=r"^settings: timeout = "):
        local.with_overrides(timeout=timeout)
