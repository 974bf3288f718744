"""Events out of the store as files other tools read: GDELT 2.0 TSV, Parquet, CSV, JSON Lines.

Parquet, CSV (with a header) and JSONL (one event per line) carry the columns of
``query_events``; "gdelt" writes GDELT 2.0's 61-column event layout (see :mod:`.gdelt`). Every
format takes the filters of :func:`~diplograph.store.query.query_events`. A file is written beside
its destination and moved into place when complete, so a failed export leaves no half file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb

from ..errors import InputError
from .db import Store, single_row
from .gdelt import gdelt_row, lead_paragraph
from .query import EVENT_ORDER, event_filter, limit_clause

__all__ = ["FORMATS", "export_events"]

FORMATS = ("csv", "gdelt", "jsonl", "parquet")

_COPY_OPTIONS = {
    "csv": "FORMAT csv, HEADER true",
    "jsonl": "FORMAT json",
    "parquet": "FORMAT parquet",
}


def export_events(
    store: Store, format: str, out: str | Path, *, limit: int | None = None, **filters: Any
) -> int:
    """Write the events matching ``filters`` to ``out`` in ``format``; the number of rows written."""
    if format not in FORMATS:
        raise InputError(str(format), f"unknown export format (one of {', '.join(FORMATS)})")
    out = Path(out)
    _check_writable(out)
    where, params = event_filter(**filters)
    order = f"ORDER BY {EVENT_ORDER}{limit_clause(limit)}"
    select = f"SELECT * EXCLUDE (added) FROM event_rows WHERE {where} {order}"
    partial = out.with_name(f".{out.name}.partial")
    try:
        if format == "gdelt":
            count = _write_gdelt(store, f"SELECT * FROM event_rows WHERE {where} {order}", params, partial)
        else:
            with store.cursor() as cur:
                sql = f"COPY ({select}) TO '{_sql_string(partial)}' ({_COPY_OPTIONS[format]})"
                (count,) = single_row(cur, sql, params)
        os.replace(partial, out)
    except (OSError, duckdb.IOException) as exc:
        raise InputError(str(out), f"cannot write the export ({exc})") from None
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write_gdelt(store: Store, sql: str, params: list[Any], path: Path) -> int:
    """GDELT's own file form: tab-separated, no header, no quoting, one event per line."""
    count = 0
    leads: dict[str, tuple[int, int] | None] = {}
    with (
        store.cursor() as cur,
        store.cursor() as docs,
        path.open("w", encoding="utf-8", newline="\n") as handle,
    ):
        result = cur.execute(sql, params)
        names = [d[0] for d in result.description]
        while batch := result.fetchmany(1000):
            for values in batch:
                row = dict(zip(names, values, strict=True))
                doc_id = row["doc_id"]
                if doc_id not in leads:
                    text, title = single_row(docs, "SELECT text, title FROM documents WHERE doc_id = ?", [doc_id])
                    leads[doc_id] = lead_paragraph(text, title)
                handle.write("\t".join(gdelt_row(row, leads[doc_id])) + "\n")
                count += 1
    return count


def _check_writable(out: Path) -> None:
    """Name the problem before any work: a directory given, or a folder that is not there."""
    if out.is_dir():
        raise InputError(str(out), "is a directory; give a file name to export to")
    parent = out.parent
    if not parent.is_dir():
        raise InputError(str(out), f"cannot write here: no directory {parent}")
    if not os.access(parent, os.W_OK):
        raise InputError(str(out), f"cannot write here: {parent} is not writable")


def _sql_string(path: Path) -> str:
    return str(path).replace("'", "''")
