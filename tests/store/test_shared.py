"""One store, two users: a writer kept out of the file by another process says so in the store's turn
file while it waits, and removes it once it has the file; a reader kept out by an ingest says so too, and
the ingest, which keeps the file between batches otherwise, lets it in (store/shared.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from diplograph.store import Store
from diplograph.store.shared import (
    LONGEST_HOLD,
    ReleasingStore,
    open_store,
    reader_turn_file,
    turn_file,
    turn_wanted,
)

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def test_a_writer_kept_out_asks_for_its_turn_until_it_has_the_file(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    reader = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "1.0"], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "held"
        assert not turn_wanted(path)
        opened: list[Store] = []
        writer = threading.Thread(target=lambda: opened.append(open_store(path, read_only=False, wait=10)))
        writer.start()
        deadline = time.monotonic() + 5
        while not turn_wanted(path) and time.monotonic() < deadline and writer.is_alive():
            time.sleep(0.01)
        assert turn_wanted(path)  # asked while the reader held the file
        writer.join(10)
        assert opened, "the writer never had the file"
        opened[0].close()
        assert not turn_file(path).exists()  # and asks no more once it has it
    finally:
        reader.kill()
        reader.wait()


def test_a_writer_that_gets_the_file_at_once_asks_for_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path, read_only=False, wait=1).close()
    assert not turn_file(path).exists()


PEEK = """
import sys, duckdb
try:
    duckdb.connect(sys.argv[1], read_only=True).close()
    print("in")
except duckdb.Error:
    print("locked")
"""
ASK = """
import sys, time
from diplograph.store.shared import open_store
t = time.monotonic()
with open_store(sys.argv[1], read_only=True, wait=10) as store:
    print(f"{time.monotonic() - t:.2f} {store.source_done('wire-1', include_failed=True)}")
"""


def _run(script: str, path) -> str:
    return subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                          timeout=30, check=True).stdout.strip()


def test_an_ingest_keeps_the_file_between_batches_until_a_reader_asks_for_it(tmp_path):
    path = tmp_path / "s.duckdb"
    with ReleasingStore(path, hold=0.2) as releasing:
        releasing.mark_source("wire-1", None)  # a batch written (an input tried)
        time.sleep(0.5)  # past ``hold``, and no reader has asked: the file is kept for the next batch
        assert _run(PEEK, path) == "locked"
        waited, done = _run(ASK, path).split()  # a reader through open_store says it waits
        assert float(waited) < LONGEST_HOLD - 1 and done == "True"  # let in well before the longest hold
        assert not reader_turn_file(path).exists()
        releasing.mark_source("wire-2", None)  # and the ingest takes the file back for its next batch
    assert Store(path, read_only=True).source_done("wire-2", include_failed=True)
