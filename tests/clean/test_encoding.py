"""Decoding bytes of unknown encoding: UTF-8 with a few bad bytes, legacy code pages, BOMs, controls.

A handful of bad bytes in a UTF-8 article must cost a handful of characters, not turn every quote
and accent into mojibake; an article really in Windows-1252, Latin-1 or GBK must still read as such.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from diplograph.clean import prepare
from diplograph.clean._encoding import decode, decode_declared
from diplograph.errors import InputError
from diplograph.model import Source
from diplograph.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED = (FIXTURES / "seed_article.txt").read_text("utf-8")
CHINESE = ("中华人民共和国外交部发言人毛宁在例行记者会上表示，中方愿同俄方一道，推动两国关系不断向前发展。"
           "俄罗斯总统普京周二在克里姆林宫接受了多国新任大使递交国书。")


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def with_bad_bytes(text: str) -> bytes:
    """``text`` in UTF-8 with four stray bytes, as a bad copy-and-paste or a cut download leaves them."""
    data = text.encode("utf-8")
    return data[:300] + b"\xff\xfe" + data[300:900] + b"\x81\x8d" + data[900:]


def test_four_bad_bytes_in_utf8_cost_four_characters():
    text = decode("seed.txt", with_bad_bytes(SEED))
    data = SEED.encode("utf-8")
    expected = (data[:300].decode() + "\ufffd\ufffd" + data[300:900].decode() + "\ufffd\ufffd"
                + data[900:].decode())
    assert text == expected
    assert "Colombia is a “promising partner of Russia in Latin America”" in text
    assert "Héctor Isidro Arenas Neira" in text


def test_four_bad_bytes_document(settings):
    document = prepare(Source(name="seed.txt", content=with_bad_bytes(SEED)), settings)
    assert "(CNN Spanish) — Russian President Vladimir Putin said" in document.text
    assert document.text.count("\ufffd") == 4


def test_windows_1252_article_still_reads_as_windows_1252():
    # curly quotes 0x93/0x94, apostrophes 0x92, dashes 0x97 and é 0xE9: none valid UTF-8
    assert decode("seed-cp1252.txt", SEED.encode("cp1252")) == SEED


def test_latin1_article_with_a_few_accents_is_not_taken_for_utf8():
    text = ("BOGOTÁ, Sept 26 (Reuters) - Colombia and Venezuela reopened their shared border on Monday. "
            "Trucks crossed the Simón Bolívar bridge between Cúcuta and San Antonio del Táchira.")
    assert decode("bogota.txt", text.encode("latin-1")) == text


def test_gbk_article_is_not_taken_for_utf8_with_bad_bytes():
    # GBK forms valid UTF-8 sequences by chance more than any other legacy encoding: about one in four
    assert decode("xinhua.txt", CHINESE.encode("gbk")) == CHINESE


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                            (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_byte_order_mark_alone_is_empty_input(bom, codec, settings):
    for content in (bom, bom + " \r\n".encode(codec)):
        with pytest.raises(InputError, match=r"^bom\.txt: empty input \(only a byte-order mark\)$"):
            prepare(Source(name="bom.txt", content=content), settings)


def test_utf16_bom_over_control_characters_is_refused():
    with pytest.raises(InputError, match="binary content, not text or HTML"):
        decode("blob.txt", codecs.BOM_UTF16_LE + "".join(map(chr, range(1, 32))).encode("utf-16-le") * 40)


def test_nul_and_escape_characters_are_dropped_from_the_text(settings):
    damaged = SEED.replace(" said ", " said\x00 ", 2).replace("Petro", "Pe\x07tro\x1b", 1)
    for content in (damaged, damaged.encode("utf-8")):
        document = prepare(Source(name="seed.txt", content=content), settings)
        assert not {"\x00", "\x07", "\x1b"} & set(document.text)
        assert "Russian President Vladimir Putin said that Colombia" in document.text
        assert "words of the new president Petro on the constructive approach" in document.text


def test_text_of_control_characters_is_binary(settings):
    with pytest.raises(InputError, match="binary content, not text or HTML"):
        prepare(Source(name="dump.jsonl:2", content="\x00" * 2000 + SEED), settings)


# The HTTP charset header against the bytes (Fetched.body() asks decode_declared).
PAGE = f"<html><body><article><p>{SEED}</p></article></body></html>"


def test_valid_utf8_behind_a_utf16_header_is_utf8():
    assert decode_declared(PAGE.encode("utf-8"), "utf-16") is None


def test_valid_utf8_behind_a_latin1_default_is_utf8():
    assert decode_declared(PAGE.encode("utf-8"), "iso-8859-1") is None


def test_a_header_the_bytes_agree_with_is_followed():
    assert decode_declared(PAGE.encode("cp1252"), "windows-1252") == PAGE
    assert decode_declared(PAGE.encode("utf-16-le"), "utf-16le") == PAGE  # no BOM: the header says which


def test_a_header_that_reads_the_bytes_as_controls_is_not_followed():
    # UTF-16 without its BOM, declared as Latin-1: every other character would be a NUL
    assert decode_declared(PAGE.encode("utf-16-le"), "iso-8859-1") is None


def test_a_bom_wins_over_the_header():
    assert decode_declared(codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-16") is None


def test_unknown_or_wrong_charsets_leave_the_bytes():
    assert decode_declared(PAGE.encode("cp1252"), "x-user-defined-nonsense") is None
    assert decode_declared(PAGE.encode("cp1252"), "utf-8") is None
    assert decode_declared(PAGE.encode("cp1252"), None) is None


def test_lone_surrogate_in_a_text_given_as_str_becomes_replacement_character(settings):
    # Pipeline.extract(text) callers can hand over a str no UTF-8 holds (half of a UTF-16 pair)
    document = prepare(Source(name="<text>", content=SEED.replace("Petro", "Pe\ud83dtro", 1)), settings)
    assert "words of the new president Pe\ufffdtro on the constructive approach" in document.text
    assert document.doc_id  # hashed as UTF-8
