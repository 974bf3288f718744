"""The command line as a user types it: formats, bad input, the store round trip."""

import json

import pytest

from diplograph.cli import main


@pytest.fixture
def seed_file(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, "utf-8")
    return path


def test_extract_jsonl_prints_one_record_per_document_in_order(seed_file, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("The European Union imposed new sanctions on Iran on Monday over its support "
                     "for Russia's war in Ukraine, officials in Brussels said.", "utf-8")
    assert main(["extract", str(seed_file), str(other), "--format", "jsonl", "--published", "2022-09-21"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    assert "Putin" in records[0]["text"] and "sanctions" in records[1]["text"]
    for key in ("doc_id", "url", "title", "outlet", "published", "language", "text", "actors", "events", "quotes"):
        assert key in records[0]
    assert records[0]["published"] == "2022-09-21"


def test_extract_table_shows_events_and_quotes(seed_file, capsys):
    assert main(["extract", str(seed_file), "--published", "2022-09-21"]) == 0
    out = capsys.readouterr().out
    assert "Vladimir Putin" in out and "speaker" in out
    assert "Putin [accused] the United States" in out  # the evidence sentence, trigger marked


def test_unknown_format_is_one_line(seed_file, capsys):
    assert main(["extract", str(seed_file), "--format", "xml"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "diplograph: --format: unknown format 'xml' (choose from table, jsonl)"


def test_missing_path_names_it(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["extract", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "Traceback" not in err


def test_bad_published_date(seed_file, capsys):
    assert main(["extract", str(seed_file), "--published", "yesterday-ish"]) == 2
    assert "--published" in capsys.readouterr().err


def test_ingest_is_idempotent_and_queryable(seed_file, tmp_path, capsys):
    db = tmp_path / "news.duckdb"
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    assert main(["ingest", str(seed_file), str(bad), "--db", str(db), "--published", "2022-09-21"]) == 2
    first = capsys.readouterr().err
    assert "1 stored" in first and "empty.txt" in first
    assert main(["ingest", str(seed_file), "--db", str(db), "--published", "2022-09-21"]) == 0
    assert "1 skipped" in capsys.readouterr().err
    assert main(["events", "--db", str(db), "--source", "RUS", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all(r["source_code"].startswith("RUS") for r in rows)
    assert main(["quotes", "--db", str(db), "--speaker", "Putin", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.strip()
    assert main(["quotes", "--db", str(db), "--attribution", "speech", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and {r["attribution"] for r in rows} == {"speech"}
    assert main(["quotes", "--db", str(db), "--attribution", "rumour"]) == 2
    assert "rumour: not an attribution" in capsys.readouterr().err
    out = tmp_path / "events.tsv"
    assert main(["export", "--db", str(db), "--format", "gdelt", "--out", str(out)]) == 0
    assert all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())


def test_events_on_missing_store(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such store" in capsys.readouterr().err


def test_a_batch_of_bad_inputs_reports_each_on_one_line_and_goes_on(seed_file, tmp_path, capsys):
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 6_000)
    bad_jsonl = tmp_path / "dump.jsonl"
    bad_jsonl.write_text('{"text": "Iran and Iraq signed a trade agreement in Baghdad on Sunday, officials said."}\n'
                         '{"text": oops\n', "utf-8")
    inputs = [empty, fixtures / "report.pdf", fixtures / "no_article.html", fixtures / "spanish.txt",
              big, bad_jsonl, seed_file]
    code = main(["extract", *map(str, inputs), "--format", "jsonl", "--max-bytes", "5000",
                 "--published", "2022-09-21"])
    out, err = capsys.readouterr()
    assert code == 2
    records = [json.loads(line) for line in out.splitlines()]
    # the Spanish article (a document, not a failure), the good JSONL line and the seed article
    assert [r["language"] for r in records] == ["es", "en", "en"]
    lines = err.splitlines()
    assert "Traceback" not in err
    for name, problem in [(empty, "empty"), ("report.pdf", "PDF"), ("no_article.html", "article"),
                          (big, "max_bytes"), (f"{bad_jsonl}:2", "JSON")]:
        assert any(str(name) in line and problem in line for line in lines), (name, problem, lines)
    assert not any("spanish.txt" in line for line in lines)
    assert lines[-1] == "diplograph: 5 of 8 documents failed"


def test_article_in_another_language_is_a_document_with_a_note(tmp_path, capsys):
    from pathlib import Path

    from diplograph.store import Store

    german = Path(__file__).parent / "fixtures" / "ingest" / "german.txt"
    assert main(["extract", str(german), "--format", "jsonl", "--published", "2023-01-25"]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert record["language"] == "de" and record["published"] == "2023-01-25"
    assert record["text"].startswith("Bundeskanzler Olaf Scholz hat am Mittwoch")
    assert record["events"] == record["actors"] == record["quotes"] == []
    assert record["notes"] == ["language is de: no events coded"]
    assert not err.strip()
    assert main(["extract", str(german), "--published", "2023-01-25"]) == 0
    assert "note: language is de: no events coded" in capsys.readouterr().out
    db = tmp_path / "news.duckdb"
    assert main(["ingest", str(german), "--db", str(db), "--published", "2023-01-25"]) == 0
    err = capsys.readouterr().err
    assert "1 stored" in err and "0 failed" in err
    with Store(str(db), read_only=True) as store:
        stored = store.get(record["doc_id"])
    assert stored.language == "de" and stored.notes == ["language is de: no events coded"]


def test_user_actor_file_extends_the_dictionary(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text("Fighters of the Frente Amplio del Sur attacked a police station in Cauca on Sunday, "
                       "local officials said.", "utf-8")
    mine = tmp_path / "mine.tsv"
    mine.write_text("# my actors: name, code, kind, aliases, from, until\n"
                    "Frente Amplio del Sur\tCOLREB\tgroup\tFAS\t\t\n", "utf-8")
    assert main(["extract", str(article), "--actors", str(mine), "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"COLREB"} <= {a["code"] for a in record["actors"]}
    assert main(["extract", str(article), "--actors", str(tmp_path / "none.tsv")]) == 2
    assert "none.tsv: actor dictionary not found" in capsys.readouterr().err
