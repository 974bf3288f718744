"""Feeds whose bytes break the parsers under them: one Failure for the feed, or its items kept.

feedparser and lxml raise on some hostile input instead of reporting it (a character reference
to a lone surrogate, a non-UTF-8 encoding name, a NUL in an item's HTML): none of it may escape.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplograph.clean import prepare
from diplograph.ingest import iter_sources
from diplograph.model import Failure, Source
from diplograph.settings import load_settings

FEED = (Path(__file__).parents[1] / "fixtures" / "ingest" / "world.rss").read_bytes()
TITLES = ["Putin says Colombia is a promising partner of Russia", "Lavrov to address UN General Assembly on Saturday"]


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def collect(tmp_path: Path, content: bytes, settings) -> list[Source | Failure]:
    path = tmp_path / "world.rss"
    path.write_bytes(content)
    return list(iter_sources([str(path)], settings))


def test_character_references_xml_forbids_become_replacement_characters(tmp_path, settings):
    feed = FEED.replace(b"<title>Putin", b"<title>&#xD800;&#55296;&#x110000;&#0;Putin", 1)
    first, second, _teaser = collect(tmp_path, feed, settings)
    assert first.title == "\ufffd\ufffd\ufffd\ufffd" + TITLES[0]
    assert second.title == TITLES[1]


def test_feed_parser_error_fails_the_feed_in_one_line(tmp_path, settings):
    feed = FEED.replace(b'encoding="UTF-8"', b'encoding="\xf8utf-8"', 1)
    (failure,) = collect(tmp_path, feed, settings)
    assert failure.input == str(tmp_path / "world.rss")
    assert failure.problem.startswith("a feed that cannot be read (UnicodeDecodeError: ")


def test_nul_and_controls_in_item_html_are_not_fatal(tmp_path, settings):
    feed = re.sub(rb"<content:encoded><!\[CDATA\[", b"<content:encoded><![CDATA[\x01\x02\xef\xbf\xbe", FEED, count=1)
    first, second, _teaser = collect(tmp_path, feed, settings)
    assert [first.title, second.title] == TITLES
    document = prepare(first, settings)
    assert document.text.startswith("MOSCOW (WNT) — Russian President Vladimir Putin said on Tuesday")


def test_item_dated_out_of_range_fails_alone_naming_its_date(tmp_path, settings):
    # a CMS placeholder year feedparser still reads ("Fri, 01 Jan 0999"): the item fails with the date
    # named, not a date string "999-01-01" that the store cannot read; the other item is kept
    first = FEED.index(b"<pubDate>")
    end = FEED.index(b"</pubDate>", first)
    content = FEED[:first] + b"<pubDate>Fri, 01 Jan 0999 10:00:00 GMT" + FEED[end:]
    bad, good, *_ = collect(tmp_path, content, settings)
    assert isinstance(bad, Failure) and "out of range" in bad.problem and "0999" in bad.problem
    assert isinstance(good, Source) and good.title == TITLES[1]
