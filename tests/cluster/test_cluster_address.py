"""--cluster ADDRESS: a malformed address, an unreachable scheduler and a bad --parquet folder are one
line and exit 2, before any input is coded."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from diplograph.cli import main
from diplograph.cluster import address
from diplograph.cluster.address import parse_address
from diplograph.errors import InputError

SAMPLE = str(Path(__file__).resolve().parents[2] / "diplograph" / "data" / "demo_article.txt")


@pytest.mark.parametrize("text", ["tcp://127.0.0.1:8786", "tcp://scheduler.cluster.local:8786", "tcp://[::1]:8786"])
def test_a_scheduler_address_is_taken(text):
    assert parse_address(text) == ("tcp", 0)


def test_local_names_its_worker_count():
    assert parse_address("local:2") == ("local", 2)


@pytest.mark.parametrize("text", ["127.0.0.1:8786", "tcp://127.0.0.1", "tcp://host:99999", "local:0",
                                  "local:many", "local:99999", "http://127.0.0.1:8786", "tcp://a b:1"])
def test_a_malformed_address_is_refused(text):
    with pytest.raises(InputError, match=r"not a cluster address|takes 1 to"):
        parse_address(text)


def _run(capsys, *args: str) -> tuple[int, str]:
    code = main(["ingest", SAMPLE, "--quiet", *args])
    return code, capsys.readouterr().err


def test_the_cli_refuses_a_bad_address_in_one_line(tmp_path, capsys):
    code, err = _run(capsys, "--db", str(tmp_path / "n.duckdb"), "--cluster", "scheduler:8786")
    assert code == 2
    assert err.splitlines() == ["diplograph: scheduler:8786: not a cluster address: give tcp://HOST:PORT of a "
                                "running Dask scheduler, or local:N"]
    assert not (tmp_path / "n.duckdb").exists()  # refused before the store was made


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(address, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as sock:  # a loopback port nobody listens on once this socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, err = _run(capsys, "--db", str(tmp_path / "n.duckdb"), "--cluster", f"tcp://127.0.0.1:{port}")
    assert code == 2
    (line,) = err.splitlines()
    assert line.startswith(f"diplograph: tcp://127.0.0.1:{port}: no Dask scheduler answered within 1 s")


def test_workers_and_cluster_together_are_refused(tmp_path, capsys):
    code, err = _run(capsys, "--db", str(tmp_path / "n.duckdb"), "--cluster", "local:1", "--workers", "2")
    assert code == 2 and "--workers" in err and len(err.splitlines()) == 1


def test_a_parquet_folder_holding_other_files_is_refused(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.tex").write_text("not to be replaced")
    code, err = _run(capsys, "--db", str(tmp_path / "n.duckdb"), "--parquet", str(folder))
    assert code == 2 and "holds other files than a Parquet export (thesis.tex)" in err
    assert (folder / "thesis.tex").read_text() == "not to be replaced"
