"""Deciding what an input is from its bytes: UTF-16/32 with a BOM, and feeds with an internal DTD.

A page saved as UTF-16 must be sniffed from the text it encodes (raw, its tags are not markup); a
feed opening with "<!DOCTYPE rss [ ... ]>" is a feed, and its entities stay inert (no file read,
no expansion).
"""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from diplograph.clean import prepare
from diplograph.ingest import iter_sources, sniff_kind
from diplograph.model import Source
from diplograph.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
PAGE = (FIXTURES / "article.html").read_text("utf-8")
FEED = (FIXTURES / "world.rss").read_text("utf-8")
DTD_FEED = FEED.replace('<?xml version="1.0" encoding="UTF-8"?>\n', """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY copy "&#169;">
  <!ENTITY publisher "World News Today">
]>
""")


@pytest.fixture(scope="module")
def settings():
    return load_settings()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_html_with_a_wide_byte_order_mark_is_html(tmp_path, settings, codec):
    content = PAGE.encode(codec) if codec != "utf-16-be" else codecs.BOM_UTF16_BE + PAGE.encode(codec)
    assert sniff_kind(content) == "html"
    (tmp_path / "article.html").write_bytes(content)
    (wide,) = iter_sources([str(tmp_path / "article.html")], settings)
    (utf8,) = iter_sources([str(FIXTURES / "article.html")], settings)
    assert wide.kind == "html"
    wide_document, utf8_document = prepare(wide, settings), prepare(utf8, settings)
    assert wide_document.text == utf8_document.text
    assert wide_document.text.startswith("NEW YORK (WNT) — Colombian President Gustavo Petro told the United Nations")
    assert (wide_document.title, wide_document.published) == (utf8_document.title, utf8_document.published)


def test_utf16_feed_and_jsonl_are_sniffed():
    assert sniff_kind(FEED.encode("utf-16")) == "feed"
    assert sniff_kind('{"text": "Putin met Petro."}\n'.encode("utf-16")) == "jsonl"
    assert sniff_kind("Putin says Colombia is a promising partner.".encode("utf-32")) == "text"


def test_feed_with_an_internal_dtd_is_a_feed(tmp_path, settings):
    assert sniff_kind(DTD_FEED.encode("utf-8")) == "feed"
    path = tmp_path / "world.rss"
    path.write_text(DTD_FEED, "utf-8")
    items = list(iter_sources([str(path)], settings))
    assert [item.title for item in items[:2]] == [
        "Putin says Colombia is a promising partner of Russia", "Lavrov to address UN General Assembly on Saturday"]


def item_feed(doctype: str, title: str, description: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<rss version="2.0"><channel><title>World News Today</title><link>https://worldnewstoday.example/</link>
<description>World</description>
<item><title>{title}</title><link>https://worldnewstoday.example/world/putin-colombia</link>
<description>{description}</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>MOSCOW (WNT) — Russian
President Vladimir Putin said on Tuesday that Colombia is a promising partner of Russia in Latin America and that
his country is interested in maintaining friendly relations with Colombians, according to the state media RT.</p>
<p>Putin spoke at a Kremlin ceremony in which the new ambassadors of several countries, among them Colombia's
Héctor Isidro Arenas Neira, presented their credentials to the Russian president.</p>]]></content:encoded>
</item></channel></rss>"""


def test_external_entity_in_a_feed_reads_no_file(tmp_path, settings):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN", "utf-8")
    feed = item_feed(f'<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>',
                     "Putin says Colombia is a promising partner &xxe;", "&xxe;")
    path = tmp_path / "world.rss"
    path.write_text(feed, "utf-8")
    assert sniff_kind(feed.encode()) == "feed"
    (item,) = iter_sources([str(path)], settings)
    assert isinstance(item, Source)
    assert "TOP-SECRET-TOKEN" not in f"{item.title} {item.content}"
    assert item.title.startswith("Putin says Colombia is a promising partner")


def test_billion_laughs_in_a_feed_is_not_expanded(tmp_path, settings):
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    feed = item_feed("<!DOCTYPE rss [\n" + "\n".join(entities) + "\n]>", "Putin &lol9; Colombia", "&lol9;")
    path = tmp_path / "world.rss"
    path.write_text(feed, "utf-8")
    assert sniff_kind(feed.encode()) == "feed"
    start = time.monotonic()
    (item,) = iter_sources([str(path)], settings)
    assert time.monotonic() - start < 2
    assert isinstance(item, Source)
    assert len(item.title) < 100 and "lollol" not in item.title
