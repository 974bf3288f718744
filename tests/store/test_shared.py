"""One store, two users: a writer kept out of the file by another process says so in the store's turn
file while it waits, and removes it once it has the file (store/shared.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from diplograph.store import Store
from diplograph.store.shared import open_store, turn_file, turn_wanted

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
