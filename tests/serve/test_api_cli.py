"""`diplograph serve`: a bad store or option is one line before anything listens; another address
than loopback is said out loud; the token comes from --token or DIPLOGRAPH_TOKEN."""

from __future__ import annotations

import uvicorn

from diplograph.cli import main


def test_a_missing_or_damaged_store_is_one_line(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert capsys.readouterr().err.strip().endswith("no such store (run `diplograph ingest` first)")
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    assert main(["serve", "--db", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "damaged or not a DuckDB file" in err


def test_serving_beyond_this_machine_is_warned_and_the_token_read_from_the_environment(
        store_path, monkeypatch, capsys):
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(app=app, **options))
    monkeypatch.setenv("DIPLOGRAPH_TOKEN", "from-env")
    assert main(["serve", "--db", str(store_path), "--port", "8123"]) == 0
    err = capsys.readouterr().err
    assert "WARNING" not in err and "writes need the token" in err and "from-env" not in err
    assert started["host"] == "127.0.0.1" and started["port"] == 8123
    assert started["app"].state.token == "from-env"
    monkeypatch.delenv("DIPLOGRAPH_TOKEN")
    assert main(["serve", "--db", str(store_path), "--host", "0.0.0.0"]) == 0
    err = capsys.readouterr().err
    assert "WARNING: serving on 0.0.0.0" in err and "writes disabled" in err
    assert started["app"].state.token is None
