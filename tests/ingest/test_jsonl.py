"""JSONL lines that break json.loads or UTF-8: a Failure for that line only, or the document kept.

Every line of a scraper's dump is its own input: a line that cannot be read fails alone with
"path:LINE", and no line may raise past ingest (a lone surrogate once broke the hashing of the
document, deep nesting raised RecursionError, and either lost the whole batch).
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from diplograph.clean import prepare
from diplograph.errors import InputError
from diplograph.ingest import iter_sources
from diplograph.model import Failure, Source
from diplograph.settings import load_settings
from diplograph.store.db import source_key

SEED = (Path(__file__).parents[1] / "fixtures" / "seed_article.txt").read_text("utf-8")
LEAD = ("MOSCOW (WNT) — Russian President Vladimir Putin said on Tuesday that Colombia is a promising partner "
        "of Russia in Latin America, during a ceremony for new ambassadors at the Kremlin.")


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def collect(path: Path, settings) -> list[Source | Failure]:
    return list(iter_sources([str(path)], settings))


def line(**record) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_lone_surrogate_becomes_replacement_character_and_the_document_is_kept(tmp_path, settings):
    # a scraper that cut a UTF-16 pair in half writes the lone half as a JSON escape
    path = tmp_path / "dump.jsonl"
    path.write_text('{"text": "' + LEAD.replace("Kremlin", "Kremlin \\ud83d") + '", "title": "Putin \\udc00on '
                    'Colombia", "id": "wnt-\\ud800-1"}\n' + line(text=LEAD) + "\n", "utf-8")
    first, second = collect(path, settings)
    assert isinstance(first, Source) and isinstance(second, Source)
    assert first.content == LEAD.replace("Kremlin", "Kremlin \ufffd")
    assert (first.title, first.doc_id) == ("Putin \ufffdon Colombia", "wnt-\ufffd-1")
    source_key(first.name, first.content)  # an ingest keys each Source by its raw content, in UTF-8
    document = prepare(first, settings)
    assert document.doc_id == "wnt-\ufffd-1"
    assert "at the Kremlin \ufffd." in document.text
    document.text.encode("utf-8")  # hashing and storing need UTF-8


def test_deep_nesting_fails_that_line_only(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text(line(text=LEAD) + "\n" + '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                    + line(text=SEED) + "\n", "utf-8")
    items = collect(path, settings)
    assert [type(item).__name__ for item in items] == ["Source", "Failure", "Source"]
    assert items[1] == Failure(f"{path}:2", "JSON nested too deep")


def test_other_json_value_errors_fail_that_line_only(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    # a number past Python's 4,300-digit limit raises ValueError, not JSONDecodeError
    path.write_text(line(text=LEAD) + "\n" + '{"text": "Putin met Petro.", "views": ' + "9" * 5000 + "}\n",
                    "utf-8")
    first, bad = collect(path, settings)
    assert isinstance(first, Source)
    assert bad.input == f"{path}:2"
    assert bad.problem.startswith("not valid JSON (Exceeds the limit (4300 digits) for integer string conversion")


def test_a_line_that_is_not_utf8_fails_alone(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(line(text=LEAD).encode("utf-8") + b"\n"
                     + line(text="BOGOTÁ (Reuters) - Colombia reopened its border.").encode("latin-1") + b"\n"
                     + line(text=SEED).encode("utf-8") + b"\n")
    items = collect(path, settings)
    assert [type(item).__name__ for item in items] == ["Source", "Failure", "Source"]
    assert items[1] == Failure(f"{path}:2", "not UTF-8 (bad byte at column 16)")


def test_crlf_lines_and_blank_lines(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(f"\r\n{line(text=LEAD, id='a')}\r\n\r\n{line(text=SEED, id='b')}\r\n".encode())
    items = collect(path, settings)
    assert [(item.name, item.doc_id) for item in items] == [(f"{path}:2", "a"), (f"{path}:4", "b")]
    assert items[1].content == SEED


def test_utf16_jsonl_with_byte_order_mark(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + f"{line(text=LEAD, id='a')}\n{line(text=SEED, id='b')}\n"
                     .encode("utf-16-le"))
    items = collect(path, settings)
    assert [(item.kind, item.doc_id) for item in items] == [("text", "a"), ("text", "b")]
    assert items[0].content == LEAD


def test_a_huge_line_within_max_bytes(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    body = "\n\n".join([SEED] * 400)  # about 1.8 MB on one line
    path.write_text(line(text=body, id="long") + "\n", "utf-8")
    (item,) = collect(path, settings)
    assert (item.doc_id, len(item.content)) == ("long", len(body))


def test_pretty_printed_json_is_one_document(tmp_path, settings):
    path = tmp_path / "article.json"
    path.write_text(json.dumps({"text": SEED, "title": "Putin on Colombia", "id": 7}, indent=2), "utf-8")
    (item,) = collect(path, settings)
    assert (item.name, item.title, item.doc_id, item.content) == (str(path), "Putin on Colombia", "7", SEED)


def test_boolean_id_is_refused(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text(line(text=LEAD, id=True) + "\n", "utf-8")
    assert collect(path, settings) == [Failure(f"{path}:1", 'field "id" must be a string or integer, not bool')]


def test_only_blank_lines(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n\r\n  \n", "utf-8")
    (source,) = collect(path, settings)
    with pytest.raises(InputError, match="empty input"):
        prepare(source, settings)


def test_an_article_opening_with_a_brace_is_text_not_jsonl(tmp_path, settings):
    path = tmp_path / "note.txt"
    path.write_text("{Editor's note: this story was updated on Wednesday.}\n\n" + SEED, "utf-8")
    (source,) = collect(path, settings)
    assert (source.name, source.kind) == (str(path), "text")
    assert "Russian President Vladimir Putin said that Colombia" in prepare(source, settings).text
