"""The DuckDB file that keeps documents, their events and quotes, and what a batch has done.

Writes are idempotent and atomic: a document goes in whole, in one transaction, or not at all, and
adding it again changes nothing; so an ingest can be stopped and rerun. ``sources`` remembers
which inputs (name + content hash) are done, so a rerun skips them without parsing them again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ..errors import InputError
from ..model import Document, Event, Failure, Quote
from ._schema import ADDED_COLUMNS, EVENT_VIEW, SCHEMA_VERSION, TABLES
from .gdelt import global_event_id

__all__ = ["Store", "single_row", "source_key"]

_KEY = re.compile(r"(?P<input>.*)#[0-9a-f]{40}", re.DOTALL)


def source_key(input: str, content: bytes | str) -> str:
    """The key of one input in ``sources``: ``name#sha1-of-raw-content``.

    The same file with new content is a new key (ingested again); the same content under the same
    name is skipped. ``Store.mark_source`` reads the input name back from this key.
    """
    raw = content.encode("utf-8") if isinstance(content, str) else content
    return f"{input}#{hashlib.sha1(raw).hexdigest()}"


def _input_of(key: str) -> str:
    match = _KEY.fullmatch(key)
    return match["input"] if match else key


class Store:
    """A diplograph DuckDB store; use as a context manager, or call :meth:`close`.

    One process may open a file for writing (DuckDB's lock); any number may open it read-only.
    Within a process, writes are serialised by a lock, and each call works on its own cursor, so
    threads (an HTTP server) can share one Store.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.is_file():
            raise InputError(str(path), "no store here (nothing has been ingested into this file)")
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise InputError(str(path), f"cannot open the store ({_first_line(exc)})") from None
        self._lock = threading.Lock()
        try:
            self._prepare()
        except BaseException:
            self._con.close()
            raise

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> Store:
        return cls(path, read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own onto this store (for queries; one per thread or call)."""
        return self._con.cursor()

    # -- schema -------------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Create the tables in a new file; refuse a file written by another schema version."""
        listing = self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        tables = {name for (name,) in listing}
        if "meta" not in tables:
            if tables:
                raise InputError(str(self.path), "not a diplograph store (it holds other tables)")
            if self.read_only:
                raise InputError(str(self.path), "not a diplograph store (empty database)")
            with self._transaction() as cur:
                for ddl in TABLES:
                    cur.execute(ddl)
                cur.execute(EVENT_VIEW)
                cur.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            return
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise InputError(str(self.path), "not a diplograph store (no schema version)")
        (version,) = row
        if version != str(SCHEMA_VERSION):
            raise InputError(
                str(self.path), f"store schema version {version}, this diplograph reads {SCHEMA_VERSION}"
            )
        missing = [ddl for column, ddl in ADDED_COLUMNS.items() if column not in self._columns()]
        if missing and not self.read_only:
            with self._transaction() as cur:
                for ddl in missing:
                    cur.execute(ddl)

    def _columns(self) -> set[tuple[str, str]]:
        listing = self._con.execute("SELECT table_name, column_name FROM information_schema.columns")
        return {(table, column) for table, column in listing.fetchall()}

    def has_column(self, table: str, column: str) -> bool:
        """Whether the file has this column (a store opened read-only keeps its older layout)."""
        return (table, column) in self._columns()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction: committed whole, or rolled back whole and the error re-raised."""
        if self.read_only:
            raise InputError(str(self.path), "the store was opened read-only")
        with self._lock:
            cur = self._con.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                try:
                    yield cur
                except BaseException:
                    cur.execute("ROLLBACK")
                    raise
                cur.execute("COMMIT")
            finally:
                cur.close()

    # -- writes -------------------------------------------------------------------------------

    def add(self, doc: Document, *, key: str | None = None) -> bool:
        """Store a document with its actors, events and quotes; False if its doc_id is stored.

        Either everything of the document is written or nothing is. A success clears the recorded
        failure of its input (``doc.source``); with ``key`` it also marks that input done, in the
        same transaction.
        """
        published = _as_date(doc.published, doc, "published")
        with self._transaction() as cur:
            known = cur.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc.doc_id]).fetchone()
            if not known:
                _insert_document(cur, doc, published)
                _insert_actors(cur, doc)
                _insert_events(cur, doc)
                _insert_quotes(cur, doc)
            if doc.source:
                cur.execute("DELETE FROM failures WHERE input = ?", [doc.source])
            if key is not None:
                _upsert_source(cur, key, doc.doc_id)
        return not known

    def add_failure(self, failure: Failure, *, key: str | None = None) -> None:
        """Record why an input failed; a later failure of the same input replaces it.

        With ``key``, also marks that input as tried and failed, in the same transaction.
        """
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", [failure.input, failure.problem, _now()]
            )
            if key is not None:
                _upsert_source(cur, key, None)

    def mark_source(self, key: str, doc_id: str | None) -> None:
        """Remember that input ``key`` was processed: into ``doc_id``, or (None) it failed.

        A success clears the input's recorded failure (the input is the key's name part when the
        key was made by :func:`source_key`, else the key itself); a failure never overwrites an
        earlier success of the same key.
        """
        with self._transaction() as cur:
            _upsert_source(cur, key, doc_id)

    def source_done(self, key: str, *, include_failed: bool = False) -> bool:
        """Whether input ``key`` was stored already (or, with ``include_failed``, tried and failed).

        Failed inputs count as not done by default, so a rerun retries them (a fetch may work now).
        """
        with self.cursor() as cur:
            row = cur.execute("SELECT doc_id FROM sources WHERE key = ?", [key]).fetchone()
        return row is not None and (include_failed or row[0] is not None)

    # -- reads --------------------------------------------------------------------------------

    def get(self, doc_id: str) -> Document | None:
        """The stored document record, as it was added."""
        with self.cursor() as cur:
            row = cur.execute("SELECT text, record FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            return None
        text, record = row
        return Document.from_record({**json.loads(record), "text": text})

    def doc_ids(self) -> list[str]:
        """Every stored doc_id, in the order they were added."""
        with self.cursor() as cur:
            rows = cur.execute("SELECT doc_id FROM documents ORDER BY added, doc_id").fetchall()
        return [doc_id for (doc_id,) in rows]

    def failures(self) -> list[Failure]:
        """The inputs whose latest attempt failed, oldest first."""
        with self.cursor() as cur:
            rows = cur.execute('SELECT input, problem FROM failures ORDER BY "at", input').fetchall()
        return [Failure(input=i, problem=p) for i, p in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, actors, events, quotes, failures, sources."""
        names = ("documents", "actors", "events", "quotes", "failures", "sources")
        with self.cursor() as cur:
            return {name: single_row(cur, f"SELECT count(*) FROM {name}")[0] for name in names}


# -- row writers (module functions, one per table, so each step of ``add`` stands alone) -------


def single_row(cur: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> tuple[Any, ...]:
    """The row of a query that returns exactly one by construction (a count, a COPY, a row a key guarantees)."""
    row = cur.execute(sql, params).fetchone()
    if row is None:
        raise RuntimeError(f"no row from a query that always returns one: {sql}")
    return row


def _insert_document(cur: duckdb.DuckDBPyConnection, doc: Document, published: dt.date | None) -> None:
    record = doc.to_record()
    del record["text"]  # kept once, in its own column
    cur.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc.doc_id, doc.source, doc.url, doc.title, doc.outlet, published, doc.language,
         doc.text, doc.author, _now(), json.dumps(record, ensure_ascii=False)],
    )


def _insert_actors(cur: duckdb.DuckDBPyConnection, doc: Document) -> None:
    rows = [
        [doc.doc_id, a.id, a.sentence, a.text, a.start, a.end, a.name, a.country, a.sector, a.code, a.kind]
        for a in doc.actors
    ]
    _insert_rows(cur, "actors", rows)


def _insert_events(cur: duckdb.DuckDBPyConnection, doc: Document) -> None:
    _insert_rows(cur, "events", [_event_row(doc, e) for e in doc.events])


def _insert_quotes(cur: duckdb.DuckDBPyConnection, doc: Document) -> None:
    _insert_rows(cur, "quotes", [_quote_row(doc, q) for q in doc.quotes])


def _insert_rows(cur: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """All rows in one INSERT statement (DuckDB's executemany runs one statement per row)."""
    if not rows:
        return
    marks = "(" + ", ".join("?" * len(rows[0])) + ")"
    cur.execute(
        f"INSERT INTO {table} VALUES {', '.join([marks] * len(rows))}",
        [value for row in rows for value in row],
    )


def _upsert_source(cur: duckdb.DuckDBPyConnection, key: str, doc_id: str | None) -> None:
    input = _input_of(key)
    cur.execute(
        "INSERT INTO sources VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE"
        " SET doc_id = coalesce(excluded.doc_id, sources.doc_id), \"at\" = excluded.\"at\"",
        [key, input, doc_id, _now()],
    )
    if doc_id is not None:
        cur.execute("DELETE FROM failures WHERE input = ?", [input])


def _event_row(doc: Document, e: Event) -> list[Any]:
    src, tgt, loc, ev = e.source, e.target, e.location, e.evidence

    def actor(ref: Any) -> list[Any]:
        if ref is None:
            return [None] * 7
        return [ref.text, ref.start, ref.end, ref.code, ref.country, ref.sector, ref.name]

    return [
        doc.doc_id, e.id, global_event_id(doc.doc_id, e.id), e.sentence,
        _as_date(e.date, doc, f"event {e.id} date"), e.date_precision,
        *actor(src), *actor(tgt),
        e.trigger.text, e.trigger.start, e.trigger.end,
        e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.mode,
        *((loc.name, loc.country, loc.lat, loc.lon) if loc else (None,) * 4),
        e.quote, e.confidence, max(1, len(e.mentions)),
        *((ev.text, ev.start, ev.end) if ev else (None,) * 3),
    ]


def _quote_row(doc: Document, q: Quote) -> list[Any]:
    cue, sp = q.cue, q.speaker
    return [
        doc.doc_id, q.id, q.sentence, q.kind, q.text, q.start, q.end,
        *((cue.text, cue.start, cue.end) if cue else (None,) * 3),
        *((sp.text, sp.start, sp.end, sp.name, sp.code, sp.country) if sp else (None,) * 6),
        list(q.via), q.attribution,
    ]


def _as_date(value: str | None, doc: Document, what: str) -> dt.date | None:
    """An ISO date of day, month ("2022-08") or year ("2022") precision -> its first day."""
    if not value:
        return None
    text = value[:10]
    padded = {4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text)
    try:
        return dt.date.fromisoformat(padded)
    except ValueError:
        raise InputError(doc.source or doc.doc_id, f"{what} is not an ISO date: {value!r}") from None


def _now() -> dt.datetime:
    """UTC now, naive (DuckDB TIMESTAMP)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
