"""Many rows into a table in one statement, through an Arrow table.

A VALUES list of many rows binds slowly in DuckDB (1,500 actor rows: ~150 ms of CPU, against ~6 ms
through Arrow), and ``executemany`` runs one statement per row; the rows of a batch's documents go
in at once this way (``Store.put_many``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

__all__ = ["insert_rows"]

def insert_rows(cur: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]],
                columns: str | None = None) -> None:
    """Insert ``rows`` in one statement: each a value per column of ``table``, in the table's order,
    or of ``columns`` ("a, b, c") when given."""
    if not rows:
        return
    import pyarrow as pa  # type: ignore[import-untyped]

    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError(f"insert_rows: rows of {table} of different lengths")
    _diplograph_rows = pa.table({f"c{i}": [row[i] for row in rows] for i in range(width)})
    # read by name from this frame (DuckDB's replacement scan): ``register`` is refused while the
    # cursor holds a result not fetched to its end (a ``fetchone``), and the batch's statements share one cursor
    into = f"{table} ({columns})" if columns else table
    cur.execute(f"INSERT INTO {into} SELECT * FROM _diplograph_rows")
    del _diplograph_rows
