"""The server's turns at the store file (serve/gate.py): under steady reading it keeps its opening (and
DuckDB's caches) while no writer waits, and lets the file go once one does (the store's turn file)."""

from __future__ import annotations

import time

from diplograph.serve.gate import StoreGate
from diplograph.store import Store
from diplograph.store.shared import turn_file


def test_the_gate_keeps_its_opening_until_a_writer_asks_for_its_turn(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    gate = StoreGate(path, window=0.05, idle=5.0, gap=0.01)
    try:
        with gate.reading() as first:
            pass
        time.sleep(0.1)  # past the window, with no writer waiting
        with gate.reading() as second:
            assert second is first
        turn_file(path).touch()  # a writer waits
        with gate.reading() as third:
            assert third is not first
    finally:
        turn_file(path).unlink(missing_ok=True)
        gate.close()
