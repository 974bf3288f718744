"""The command line as a user types it: formats, bad input, the store round trip."""

import json
import os

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


@pytest.fixture
def shared_nlp(nlp, monkeypatch):
    """main() builds its own Pipeline: give it the session's loaded model instead of loading another."""
    monkeypatch.setattr("diplograph.pipeline.load_nlp", lambda *args, **kwargs: nlp)
    return nlp


def test_same_id_with_other_text_exits_2_naming_both_inputs(tmp_path, shared_nlp, capsys):
    dump = tmp_path / "docs.jsonl"
    dump.write_text(
        '{"id": "a1", "text": "Iran and Iraq signed a trade agreement in Baghdad on Sunday, officials said."}\n'
        '{"id": "a1", "text": "Israeli troops attacked Hamas positions in Gaza on Monday, the army said."}\n', "utf-8")
    db = tmp_path / "news.duckdb"
    args = ["ingest", str(dump), "--db", str(db), "--published", "2023-05-02", "--quiet"]
    assert main(args) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"diplograph: {dump}:2: id 'a1' is already stored with other text (from {dump}:1); "
                     "give this version its own id",
                     f"{db}: 1 stored, 0 already stored (same text), 0 skipped (ingested before), 1 failed"]
    assert main(args) == 2  # refused again on a re-run: it was not marked done
    assert "1 skipped (ingested before), 1 failed" in capsys.readouterr().err


@pytest.mark.parametrize(("option", "value", "problem"), [
    ("--max-bytes", "-1", "argument --max-bytes: -1: must be at least 1"),
    ("--max-bytes", "0", "argument --max-bytes: 0: must be at least 1"),
    ("--max-bytes", "1e6", "argument --max-bytes: '1e6' is not a whole number"),
    ("--workers", "10000", "argument --workers: 10000: must be at most"),
    ("--workers", "-1", "argument --workers: -1: must be at least 0"),
])
def test_bad_run_option_is_one_line(seed_file, option, value, problem, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(seed_file), option, value])
    assert stop.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and problem in lines[0], lines


def test_workers_cap_is_named_and_not_clamped(seed_file, capsys):
    from diplograph.settings import WORKERS_PER_CORE, max_workers

    assert max_workers() == WORKERS_PER_CORE * len(os.sched_getaffinity(0))
    with pytest.raises(SystemExit):
        main(["extract", str(seed_file), "--workers", str(max_workers() + 1)])
    assert f"must be at most {max_workers()} (0 = one per core; at most {WORKERS_PER_CORE} per core" in (
        capsys.readouterr().err)


@pytest.mark.parametrize("command", ["events", "quotes"])
@pytest.mark.parametrize(("value", "problem"), [
    ("99999999999999999999", "more rows than a store can hold (at most 9223372036854775807"),
    ("-1", "not a row limit"),
    ("0", "not a row limit"),
    ("ten", "'ten' is not a whole number"),
])
def test_bad_limit_is_one_line(tmp_path, command, value, problem, capsys):
    with pytest.raises(SystemExit) as stop:
        main([command, "--db", str(tmp_path / "news.duckdb"), "--limit", value])
    assert stop.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "argument --limit: " in lines[0] and problem in lines[0], lines


@pytest.mark.parametrize(("published", "problem"), [
    ("0001-01-01", "is out of range (diplograph codes news published from 1600-01-01 to 2099-12-31)"),
    ("0001-01-01T00:00:00Z", "is out of range"),
    ("9999-12-31", "is out of range"),
    ("1599-12-31", "is out of range"),
    ("2022-02-30", "is not a date"),
    ("0000-01-01", "is not a date"),
])
def test_publication_date_out_of_range_or_no_date_is_one_line(seed_file, published, problem, capsys):
    assert main(["extract", str(seed_file), "--published", published]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"diplograph: --published: publication date {published!r} {problem}"), lines


def test_old_publication_date_is_coded_from(seed_file, shared_nlp, capsys):
    assert main(["extract", str(seed_file), "--published", "1850-05-05", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["published"] == "1850-05-05"


@pytest.mark.parametrize(("setting", "problem"), [
    ("batch_size = 0", "batch_size = 0: must be at least 1"),
    ("max_bytes = -1", "max_bytes = -1: must be at least 1"),
    ("timeout = -5.0", "timeout = -5.0: must be more than 0"),
    ('timeout = "5"', "timeout = '5': must be a number, not a string"),
    ("workers = 10000", "workers = 10000: must be at most"),
])
def test_bad_config_value_is_one_line_naming_file_and_key(seed_file, tmp_path, setting, problem, capsys):
    config = tmp_path / "my.toml"
    config.write_text(setting + "\n")
    assert main(["ingest", str(seed_file), "--db", str(tmp_path / "news.duckdb"), "--config", str(config)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"diplograph: {config}: {problem}"), lines
    assert not (tmp_path / "news.duckdb").exists()  # nothing ingested, not even an empty store


def test_export_takes_min_sources_one_a_day_and_per_mention_and_refuses_bad_values(tmp_path, capsys):
    from pathlib import Path

    from diplograph.model import Document
    from diplograph.store import Store

    records = json.loads((Path(__file__).parent / "fixtures" / "store" / "documents.json").read_text("utf-8"))
    copy = json.loads(json.dumps(records[2]))  # the prisoner swap, as a second outlet ran it
    copy["doc_id"], copy["outlet"], copy["url"] = "swap-other-wire", "Other Wire", "https://other.example/swap"
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        for record in [*records, copy]:
            store.add(Document.from_record(record))

    def export(*options: str) -> list[str]:
        out = tmp_path / "out"
        assert main(["export", "--db", str(db), "--out", str(out), *options]) == 0
        return out.read_text("utf-8").splitlines()

    assert len(export("--format", "gdelt")) == 16
    assert "16 events written (gdelt)" in capsys.readouterr().err
    swap = export("--format", "gdelt", "--min-sources", "2")
    assert len(swap) == 3 and all(line.split("\t")[31:34] == ["2", "2", "2"] for line in swap)
    assert len(export("--format", "gdelt-mentions", "--min-sources", "2")) == 6
    assert "6 mentions written (gdelt-mentions)" in capsys.readouterr().err
    assert len(export("--format", "csv", "--per-mention")) == 1 + 16 + 3
    assert len(export("--format", "csv", "--per-mention", "--one-a-day")) == 1 + 16
    capsys.readouterr()

    for options, problem in [
        (["--format", "gdelt", "--min-sources", "0"], "--min-sources: 0: not a number of sources"),
        (["--format", "gdelt", "--min-sources", "two"], "'two' is not a whole number"),
        (["--format", "gdelt-mentions", "--one-a-day"], "not to gdelt-mentions"),
        (["--format", "gdelt-events"], "unknown format 'gdelt-events'"),
    ]:
        try:
            code = main(["export", "--db", str(db), "--out", str(tmp_path / "bad"), *options])
        except SystemExit as exit:  # argparse's own errors
            code = exit.code
        err = capsys.readouterr().err
        assert code == 2 and len(err.splitlines()) == 1 and problem in err, (options, err)
        assert not (tmp_path / "bad").exists()


def test_demo_stores_the_sample_for_the_explorer_once_however_often_it_runs(tmp_path, capsys):
    import duckdb

    db = tmp_path / "demo.duckdb"
    for _ in range(2):
        assert main(["demo", "--format", "jsonl", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2 and records[0]["doc_id"] == records[1]["doc_id"]
    assert f"diplograph serve --db {db}" in err
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        stored = con.execute("SELECT count(*) FROM events").fetchone()
    finally:
        con.close()
    assert stored == (len(records[0]["events"]),)
    # the explorer's dyad reads these: Putin's praise of Colombia is among them
    assert any(e["source"]["country"] == "RUS" and e["target"]["country"] == "COL" for e in records[0]["events"])
