"""Faults of the store file: each is one line naming the file (exit 2), and nothing is lost.

A damaged file, a file another process is writing to, a read-only folder or file, a failed COMMIT
and a full disk. The document being written when the fault strikes is rolled back and left not
done, so a re-run after the fault is mended stores it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from diplograph.batch import ingest
from diplograph.cli import main
from diplograph.model import Source
from diplograph.pipeline import Pipeline
from diplograph.store import Store, StoreError, db

ARTICLE = "Israeli troops attacked Hamas positions in Gaza on Monday, the army said.\n"
BLOCK = 262_144  # DuckDB's block size: zeroing one damages exactly one part of the file


def _permissions_enforced() -> bool:
    """False as root (os.geteuid() == 0 with CAP_DAC_OVERRIDE): a read-only folder takes its writes."""
    probe = Path(tempfile.mkdtemp())
    probe.chmod(0o555)
    try:
        (probe / "w").touch()
    except PermissionError:
        return True
    else:
        (probe / "w").unlink()
        return False
    finally:
        probe.chmod(0o755)
        probe.rmdir()


AS_ROOT = not _permissions_enforced()


@pytest.fixture
def shared_nlp(nlp, monkeypatch):
    """main() builds its own Pipeline: give it the session's loaded model instead of loading another."""
    monkeypatch.setattr("diplograph.pipeline.load_nlp", lambda *args, **kwargs: nlp)
    return nlp


@pytest.fixture
def store_file(tmp_path, store_documents) -> Path:
    """A real store holding the three fixture documents, closed."""
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        for doc in store_documents:
            store.add(doc)
    return path


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "gaza.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def _commands(db_path: Path, article: Path) -> dict[str, list[str]]:
    return {
        "events": ["events", "--db", str(db_path)],
        "quotes": ["quotes", "--db", str(db_path)],
        "export": ["export", "--db", str(db_path), "--format", "csv", "--out", str(db_path.parent / "out.csv")],
        "ingest": ["ingest", str(article), "--db", str(db_path), "--published", "2023-05-01", "--quiet"],
    }


def _truncate_to_half(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _zero_the_middle(raw: bytes) -> bytes:
    """Every data block after the first quarter of the file zeroed (the header kept): which table lies
    where depends on the layout, so all of them are hit, not only those that happen to sit mid-file."""
    quarter = len(raw) // 4
    return raw[:quarter] + bytes(len(raw) - quarter)


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, lines
    return lines[0]


@pytest.mark.parametrize("damage", [_truncate_to_half, _zero_the_middle], ids=["truncated", "zeroed"])
@pytest.mark.parametrize("command", ["events", "quotes", "export", "ingest"])
def test_damaged_store_is_one_line_and_left_as_it_was(store_file, article, damage, command, shared_nlp, capsys):
    damaged = damage(store_file.read_bytes())
    store_file.write_bytes(damaged)
    assert main(_commands(store_file, article)[command]) == 2
    line = _one_line(capsys)
    assert line.startswith(f"diplograph: {store_file}: the store is damaged or not a DuckDB file ("), line
    assert store_file.read_bytes() == damaged  # nothing written into it
    assert not Path(f"{store_file}.wal").exists()


def test_damage_found_while_reading_is_one_line(store_file, article, capsys):
    """Zero each block in turn: the damage may lie in a table only a query reads, not at opening."""
    raw = store_file.read_bytes()
    found_while_reading = set()
    for block in range(1, len(raw) // BLOCK + 1):
        store_file.write_bytes(raw[: block * BLOCK] + bytes(BLOCK) + raw[(block + 1) * BLOCK:])
        for name, argv in _commands(store_file, article).items():
            if name == "ingest":
                continue
            code = main(argv)
            out_and_err = capsys.readouterr()
            if code == 0:
                continue
            lines = out_and_err.err.splitlines()
            assert code == 2 and len(lines) == 1, (block, name, lines)
            assert "the store is damaged or not a DuckDB file" in lines[0], (block, name, lines)
            try:
                Store(store_file, read_only=True).close()
            except StoreError:
                continue  # damage met on opening, as in the test above
            found_while_reading.add(name)  # the file opens: the damage was met by the query
    assert found_while_reading  # the query path was tried, not only the opening


def test_second_writer_is_one_line(store_file, article, capsys):
    """A real second process holds the store open for writing, as a running ingest does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
                               " time.sleep(60)", str(store_file)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for command in ("ingest", "events"):
            assert main(_commands(store_file, article)[command]) == 2
            line = _one_line(capsys)
            assert line.startswith(f"diplograph: {store_file}: another diplograph process is writing to this "
                                   f"store (process {holder.pid}); wait for it to finish"), line
    finally:
        holder.kill()
        holder.wait()
    with Store(store_file, read_only=True) as store:
        assert store.counts()["documents"] == 3


def test_failed_commit_rolls_back_and_a_rerun_stores_the_document(store_file, nlp):
    """A real COMMIT fault: DuckDB cannot open its journal (a directory stands where the .wal goes)."""
    pipeline = Pipeline(nlp=nlp)
    source = Source("gaza.txt", ARTICLE, published="2023-05-01")
    wal = Path(f"{store_file}.wal")
    with Store(store_file) as store:
        before = store.counts()
        wal.mkdir()
        with pytest.raises(StoreError, match=r"news.duckdb: cannot (read or )?write to the store \("):
            ingest([source], store, pipeline)
        wal.rmdir()
        assert store.counts() == before  # nothing of the document, and its input not marked done
    with Store(store_file) as store:
        summary = ingest([source], store, pipeline)
        assert (summary.stored, summary.skipped, summary.failures) == (1, 0, [])
        assert store.counts()["documents"] == 4


def test_full_disk_is_one_line_and_the_document_stays_not_done(store_file, article, shared_nlp, monkeypatch, capsys):
    """A write error as DuckDB raises it on a full disk, struck after the document's first rows."""

    room_again = db._insert_rows

    def disk_full(cur, table, rows):
        if table == "quotes":  # after the document, its actors and events
            raise duckdb.IOException(f'IO Error: Could not write file "{store_file}.wal": No space left on device')
        room_again(cur, table, rows)

    with Store(store_file, read_only=True) as store:
        before = store.counts()
    monkeypatch.setattr(db, "_insert_rows", disk_full)
    argv = _commands(store_file, article)["ingest"]
    assert main(argv) == 2
    line = _one_line(capsys)
    assert line.startswith(f"diplograph: {store_file}: cannot write to the store: the disk is full ("), line
    with Store(store_file, read_only=True) as store:
        assert store.counts() == before  # nothing half-written, nothing marked done
    monkeypatch.setattr(db, "_insert_rows", room_again)
    assert main(argv) == 0
    assert "1 stored" in capsys.readouterr().err
    with Store(store_file, read_only=True) as store:
        assert store.counts()["documents"] == before["documents"] + 1


@pytest.mark.skipif(AS_ROOT, reason="root writes into a read-only folder: permissions cannot be tested as root")
def test_store_in_read_only_folder_refuses_ingest_but_reads(store_file, article, shared_nlp, capsys):
    folder = store_file.parent
    with Store(store_file, read_only=True) as store:
        before = store.counts()
    folder.chmod(0o555)
    try:
        argv = _commands(store_file, article)
        assert main(argv["ingest"]) == 2
        line = _one_line(capsys)
        assert line.startswith(f"diplograph: {store_file}: cannot write to the store: its folder {folder} is "
                               "read-only"), line
        assert main(argv["events"]) == 0  # DuckDB reads a store read-only without its journal
        assert main(argv["quotes"]) == 0
        capsys.readouterr()
    finally:
        folder.chmod(0o755)
    with Store(store_file, read_only=True) as store:
        assert store.counts() == before
    assert main(argv["ingest"]) == 0  # mended: the re-run finishes the job
    assert "1 stored" in capsys.readouterr().err


@pytest.mark.skipif(AS_ROOT, reason="root writes into a read-only file: permissions cannot be tested as root")
def test_read_only_store_file_refuses_ingest_but_reads(store_file, article, capsys):
    store_file.chmod(0o444)
    try:
        argv = _commands(store_file, article)
        assert main(argv["ingest"]) == 2
        line = _one_line(capsys)
        assert line.startswith(f"diplograph: {store_file}: cannot write to the store: the file is read-only"), line
        assert main(argv["events"]) == 0
    finally:
        store_file.chmod(0o644)


def test_read_only_checks_are_made_before_any_work(store_file, monkeypatch):
    """What the two tests above check as a user, checked as root too: os.access decides."""
    monkeypatch.setattr(db.os, "access", lambda path, mode: Path(path) != store_file.parent)
    with pytest.raises(StoreError, match=r"its folder .* is read-only \(DuckDB writes a journal, news.duckdb.wal"):
        Store(store_file)
    monkeypatch.setattr(db.os, "access", lambda path, mode: Path(path) != store_file)
    with pytest.raises(StoreError, match="the file is read-only"):
        Store(store_file)
    with Store(store_file, read_only=True) as store:  # reading needs neither
        assert store.counts()["documents"] == 3
