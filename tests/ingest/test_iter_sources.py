"""iter_sources over files, directories, JSONL, feeds and stdin: Sources in input order, Failures in place."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from diplograph.clean import prepare
from diplograph.errors import InputError
from diplograph.ingest import iter_sources, sniff_kind
from diplograph.model import Failure, Source
from diplograph.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def collect(inputs, settings, **kwargs) -> list[Source | Failure]:
    return list(iter_sources([str(i) for i in inputs], settings, **kwargs))


def test_text_and_html_files_in_input_order(settings, seed_text):
    seed = Path(__file__).parents[1] / "fixtures" / "seed_article.txt"
    items = collect([FIXTURES / "article.html", seed], settings)
    assert [(i.name, i.kind) for i in items] == [(str(FIXTURES / "article.html"), "html"), (str(seed), "text")]
    assert items[1].content == seed_text.encode("utf-8")


def test_missing_path(settings):
    (failure,) = collect(["no/such/article.txt"], settings)
    assert failure == Failure("no/such/article.txt", "no such file or directory")
    assert failure.message() == "no/such/article.txt: no such file or directory"


def test_oversized_file_is_refused_by_size(tmp_path, settings):
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing to read
        handle.truncate(50_000_000)
    (failure,) = collect([big], settings)
    assert failure.input == str(big)
    assert failure.problem == "50,000,000 bytes, over the max_bytes limit of 20,000,000 bytes"


def test_oversized_stdin(settings):
    small = settings.with_overrides(max_bytes=1000)
    (failure,) = collect(["-"], small, stdin=io.BytesIO(b"word " * 1000))
    assert failure.input == "-"
    assert "over the max_bytes limit of 1,000 bytes" in failure.problem


def test_stdin(settings, seed_text):
    (source,) = collect(["-"], settings, stdin=io.BytesIO(seed_text.encode("utf-8")))
    assert (source.name, source.kind) == ("-", "text")
    assert prepare(source, settings).author == "Juan Pablo Elverdin, Richard Roth, Sam Fossum"


def test_directory_is_walked_sorted_without_hidden_files(tmp_path, settings):
    shutil.copy(FIXTURES / "latin1.txt", tmp_path / "b.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "article.html", tmp_path / "sub" / "a.html")
    shutil.copy(FIXTURES / "article.html", tmp_path / "a.html")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("hidden")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    names = [item.name for item in collect([tmp_path], settings)]
    assert names == [str(tmp_path / "a.html"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.html")]


def test_empty_directory(tmp_path, settings):
    (failure,) = collect([tmp_path], settings)
    assert failure == Failure(str(tmp_path), "a directory with no files")


def test_jsonl_lines_become_sources_and_a_bad_line_fails_alone(settings):
    path = FIXTURES / "docs.jsonl"
    items = collect([path], settings)
    assert [getattr(item, "name", None) or item.input for item in items] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    first, second, bad, fourth = items
    assert (first.kind, first.doc_id, first.title, first.outlet, first.published) == (
        "text", "wnt-0001", "Iran and Iraq discuss border security", "World News Today", "2022-09-18")
    assert first.url == "https://worldnewstoday.example/mideast/iran-iraq-talks"
    assert (second.kind, second.doc_id) == ("html", "wnt-0002")
    assert isinstance(bad, Failure) and bad.input == f"{path}:3"
    assert bad.problem.startswith("not valid JSON")
    assert isinstance(fourth, Source) and fourth.doc_id is None
    assert prepare(second, settings).published == "2023-10-02"
    assert prepare(first, settings).doc_id == "wnt-0001"


def test_jsonl_line_without_text(tmp_path, settings):
    path = tmp_path / "x.jsonl"
    path.write_text('{"title": "no body"}\n[1, 2]\n{"text": "Kenya sent police to Haiti.", "title": 5}\n')
    problems = [item.problem for item in collect([path], settings)]
    assert problems == ['no "text" or "html" string field',
                        'a JSON list, not an object with "text" or "html"',
                        'field "title" must be a string, not int']


def test_rss_file_items(settings):
    items = collect([FIXTURES / "world.rss"], settings)
    first, second, teaser = items
    assert first.name == first.url == "https://worldnewstoday.example/world/2022/09/21/putin-colombia-partner"
    assert (first.kind, first.title, first.published) == (
        "html", "Putin says Colombia is a promising partner of Russia", "2022-09-21")
    document = prepare(first, settings)
    assert document.text.startswith("MOSCOW (WNT) — Russian President Vladimir Putin said on Tuesday")
    assert "appeared first on" not in document.text
    assert second.title == "Lavrov to address UN General Assembly on Saturday"
    # a teaser item whose link may not be fetched fails alone, naming its link
    assert teaser == Failure(
        "http://127.0.0.1:9/world/2022/09/20/ukraine-villages",
        "refused: 127.0.0.1 resolves to loopback address 127.0.0.1 (allow_private is off)")


def test_atom_file_items(settings):
    items = collect([FIXTURES / "world.atom"], settings)
    assert [item.title for item in items] == [
        "Brazil and Argentina sign energy cooperation deal", "Japan protests Chinese ships near disputed islands"]
    assert [item.published for item in items] == ["2022-09-21", "2022-09-22"]
    document = prepare(items[1], settings)
    assert document.text.startswith("TOKYO (DipWire) — Japan lodged a protest with China on Thursday")
    assert document.title == "Japan protests Chinese ships near disputed islands"


def test_batch_goes_on_past_bad_inputs(settings):
    inputs = [FIXTURES / "report.pdf", "missing.txt", FIXTURES / "spanish.txt", FIXTURES / "latin1.txt",
              FIXTURES / "no_article.html", FIXTURES / "article.html"]
    results = []
    for item in collect(inputs, settings):
        if isinstance(item, Source):
            try:
                item = prepare(item, settings)
            except InputError as exc:
                item = Failure(exc.input, exc.problem)
        results.append(item)
    # the Spanish article is a document (in its language), not a failure
    assert [type(r).__name__ for r in results] == ["Failure", "Failure", "Document", "Document", "Failure", "Document"]
    assert results[2].language == "es"
    assert results[0].message() == f"{FIXTURES / 'report.pdf'}: a PDF file, not text or HTML"


def test_sniff_kind():
    assert sniff_kind((FIXTURES / "world.rss").read_bytes()) == "feed"
    assert sniff_kind((FIXTURES / "world.atom").read_bytes()) == "feed"
    assert sniff_kind((FIXTURES / "docs.jsonl").read_bytes()) == "jsonl"
    assert sniff_kind((FIXTURES / "article.html").read_bytes()) == "html"
    assert sniff_kind((FIXTURES / "latin1.txt").read_bytes()) == "text"


def test_jsonl_on_stdin(settings):
    lines = (FIXTURES / "docs.jsonl").read_bytes()
    items = collect(["-"], settings, stdin=io.BytesIO(lines))
    assert [getattr(i, "name", None) or i.input for i in items] == ["-:1", "-:2", "-:3", "-:4"]


def test_feed_item_without_content_or_link(tmp_path, settings):
    path = tmp_path / "bare.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    "<item><title>Only a title</title></item></channel></rss>")
    (failure,) = collect([path], settings)
    assert failure == Failure(f"{path}#item1", "feed item has neither full content nor a link")
