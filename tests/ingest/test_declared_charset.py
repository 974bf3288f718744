"""The charset in a server's Content-Type against the bytes it sends, on a local http.server.

A header that contradicts the bytes (a valid UTF-8 page sent as "charset=utf-16", or with a
server's default "ISO-8859-1") must not cost the page; a header the bytes agree with is followed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import QuietHandler, answer, serving

from diplograph.clean import prepare
from diplograph.ingest import iter_sources
from diplograph.ingest._fetch import Fetched
from diplograph.model import Source
from diplograph.settings import load_settings

PAGE = (Path(__file__).parents[1] / "fixtures" / "ingest" / "article.html").read_text("utf-8")
# the same page written by a Windows-1252 site, which declares it only in the header
CP1252_PAGE = PAGE.replace('<meta charset="utf-8">\n', "").replace(
    "Colombian President Gustavo Petro", "Colombian President Gustavo Petro, in Bogotá’s name,")

ROUTES = {
    "/lying-utf16": ("text/html; charset=utf-16", PAGE.encode("utf-8")),
    "/latin1-default": ("text/html; charset=ISO-8859-1", PAGE.encode("utf-8")),
    "/cp1252": ("text/html; charset=windows-1252", CP1252_PAGE.encode("cp1252")),
    "/honest": ("text/html; charset=utf-8", PAGE.encode("utf-8")),
}


class Handler(QuietHandler):
    def do_GET(self):
        content_type, body = ROUTES[self.path]
        answer(self, content_type, body)


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as base:
        yield base


@pytest.fixture(scope="module")
def settings():
    return load_settings().with_overrides(allow_private=True, timeout=5)


def fetched_text(url: str, settings) -> str:
    (source,) = iter_sources([url], settings)
    assert isinstance(source, Source), source
    return prepare(source, settings).text


def test_utf8_page_behind_a_lying_charset_header_is_read(server, settings):
    honest = fetched_text(f"{server}/honest", settings)
    assert honest.startswith("NEW YORK (WNT) — Colombian President Gustavo Petro told the United Nations")
    assert fetched_text(f"{server}/lying-utf16", settings) == honest
    assert fetched_text(f"{server}/latin1-default", settings) == honest


def test_a_charset_header_the_bytes_agree_with_is_followed(server, settings):
    text = fetched_text(f"{server}/cp1252", settings)
    assert "Colombian President Gustavo Petro, in Bogotá’s name, told" in text


def test_body_keeps_the_bytes_when_the_header_contradicts_them():
    content = PAGE.encode("utf-8")
    content += b"\n" * (-len(content) % 4)  # a length UTF-16 and UTF-32 decoding accept
    assert Fetched(content, "https://wnt.example/a", "utf-16").body() == content
    assert Fetched(content, "https://wnt.example/a", "utf-32").body() == content
    assert Fetched(CP1252_PAGE.encode("cp1252"), "https://wnt.example/a", "windows-1252").body() == CP1252_PAGE
