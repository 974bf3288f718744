"""The DuckDB file that keeps documents, their events and quotes, and what a batch has done.

Writes are idempotent and atomic: a document goes in whole, in one transaction, or not at all, and
adding it again changes nothing; so an ingest can be stopped and rerun. ``sources`` remembers
which inputs (name + content hash) are done, so a rerun skips them without parsing them again.

A fault of the file itself (damaged, locked by another writer, read-only, a full disk) is a
:class:`StoreError`: one line naming the file and the problem; the transaction under way is rolled
back, so nothing is half-written and a rerun finishes the job.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import Any, Literal

import duckdb

from ..errors import InputError, StoreError
from ..model import Document, Event, Failure, Quote
from ..settings import Settings, load_settings
from . import articles, copies, feeds, linked_counts, stories
from . import reviews as review_table
from ._bulk import insert_rows
from ._schema import ADDED_COLUMNS, EVENT_VIEW, INDEXES, SCHEMA_VERSION, TABLES
from .gdelt import global_event_id
from .linking import (
    LINK_LOOKUP,
    LINK_TABLE,
    LINKED_EVENT_VIEW,
    LinkCache,
    LinkRules,
    event_rows,
    link_all,
    link_document,
)
from .prepared import Prepared, prepare, record_json

__all__ = ["WRITER_INDEXES", "Added", "Store", "StoreError", "single_row", "source_key"]

# What ``Store.put`` added: a new document, another article of a stored one, or nothing.
Added = Literal["document", "article", "nothing"]

_KEY = re.compile(r"(?P<input>.*)#[0-9a-f]{40}", re.DOTALL)


# What DuckDB's error messages say about the file, in the user's words. DuckDB has few error
# classes (a lock, a short read and a full disk are all IOException), so its message is matched.
_PROBLEMS = (
    (re.compile(r"Could not set lock on file"),
     "another diplograph process is writing to this store{pid}; wait for it to finish, or use another store file"),
    (re.compile(r"not a valid DuckDB database|Corrupt database|checksum|Could not read enough bytes"
                r"|Serialization|deserializ", re.IGNORECASE),
     "the store is damaged or not a DuckDB file ({detail}); restore it from a copy or ingest into a new file"),
    (re.compile(r"No space left|disk is full|Disk quota", re.IGNORECASE),
     "cannot write to the store: the disk is full ({detail}); what was stored is kept: free space and re-run"),
    (re.compile(r"Permission denied|Read-only file system|read-only", re.IGNORECASE),
     "cannot write to the store ({detail}); what was stored is kept: make the file and its folder writable "
     "and re-run"),
)
_CANNOT_COMMIT = "cannot write to the store ({}); what was stored is kept: mend it and re-run"
_PID = re.compile(r"\(PID (\d+)\)")


def _store_problem(exc: duckdb.Error) -> str | None:
    """The problem a DuckDB error reports with the file, or None for an error of diplograph's own SQL."""
    detail = _first_line(exc)
    for pattern, problem in _PROBLEMS:
        if pattern.search(detail):
            pid = _PID.search(detail)
            return problem.format(detail=detail, pid=f" (process {pid[1]})" if pid else "")
    if isinstance(exc, (duckdb.IOException, duckdb.FatalException, duckdb.InternalException,
                        duckdb.SerializationException)):
        return f"cannot read or write the store ({detail})"
    return None


@contextmanager
def _store_errors(path: Path) -> Iterator[None]:
    """Turn a DuckDB error about the file into a StoreError naming it; others (bugs) pass unchanged."""
    try:
        yield
    except duckdb.Error as exc:
        problem = _store_problem(exc)
        if problem is None:
            raise
        raise StoreError(path, problem) from None


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

    Mentions are linked into events by the linking settings of ``settings`` (else the shipped and
    $DIPLOGRAPH_CONFIG's), which the store records in ``meta``; a store opened for writing with
    other linking settings is relinked from scratch with these, once.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, settings: Settings | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        # a store read only never links: its settings are not needed
        self.link_rules = None if read_only else LinkRules.of(settings or load_settings())
        if read_only and not self.path.is_file():
            raise InputError(str(path), "no store here (nothing has been ingested into this file)")
        if not read_only:
            _check_writable(self.path)
        try:
            with _store_errors(self.path):
                self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(path, f"cannot open the store ({_first_line(exc)})") from None
        self._lock = threading.Lock()
        # the lookups of linking, kept between documents while this Store writes (see LinkCache)
        self._link_cache = LinkCache(str(self.path.resolve()) if str(path) != ":memory:" else f":memory:{id(self)}")
        try:
            with _store_errors(self.path):
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

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """``with store.cursor() as cur``: a connection of its own onto this store (one per thread or
        call), closed after; a fault of the file while reading it is a :class:`StoreError`."""
        cur = self._con.cursor()
        try:
            with _store_errors(self.path):
                yield cur
        finally:
            cur.close()

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
                for ddl in (*TABLES, *INDEXES):
                    cur.execute(ddl)
                cur.execute(EVENT_VIEW)
                cur.execute(LINK_TABLE)
                for ddl in LINK_LOOKUP:
                    cur.execute(ddl)
                linked_counts.create(cur)
                cur.execute(LINKED_EVENT_VIEW)
                cur.execute(review_table.REVIEW_TABLE)
                for ddl in feeds.FEED_TABLES:
                    cur.execute(ddl)
                cur.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
                if self.link_rules is not None:
                    _record_linking(cur, self.link_rules)
                copies.refresh(cur)
                stories.rebuild(cur)  # the stories tables, and the rule that makes them, in meta
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
        recount = False  # whether the linked events' counts must be counted again (linked_counts.py)
        if not self.read_only and not copies.is_current(self._con):  # older store, or other settings
            with self._transaction() as cur:
                copies.refresh(cur)
            recount = True
        if "articles" not in tables and not self.read_only:
            # a store written before publications were recorded: each document is one article
            with self._transaction() as cur:
                articles.fill(cur)
                if "event_links" in tables:
                    linked_counts.create(cur)
                    cur.execute(LINKED_EVENT_VIEW)  # its counts read the articles
            recount = True
        if not {"event_links", "event_link_keys"} <= tables and self.link_rules is not None:
            # a store written before events were linked, or before their lookup table: link what it
            # holds, once
            with self._transaction() as cur:
                cur.execute(LINK_TABLE)
                for ddl in LINK_LOOKUP:
                    cur.execute(ddl)
                linked_counts.create(cur)
                cur.execute(LINKED_EVENT_VIEW)
                link_all(cur, self.link_rules)  # and counts the linked events
                _record_linking(cur, self.link_rules)
                stories.rebuild(cur)  # stories read the linked events
        elif self.link_rules is not None and _linked_with(self._con) != self.link_rules.describe():
            # linked by other rules (other settings, another version's codes table): relink, once
            with self._transaction() as cur:
                link_all(cur, self.link_rules)
                _record_linking(cur, self.link_rules)
                stories.rebuild(cur)  # stories read the linked events
        if not self.read_only and not stories.is_current(self._con):  # before stories, or another rule
            with self._transaction() as cur:
                stories.rebuild(cur)
        if not self.read_only and (recount or "linked_event_counts" not in tables) \
                and {"event_links", "articles"} <= self._tables():
            # copies or articles recomputed, or a store written before the counts were kept: count once
            with self._transaction() as cur:
                linked_counts.rebuild(cur)
                cur.execute(LINKED_EVENT_VIEW)
        elif not self.read_only and "linked_event_counts" in tables and not linked_counts.has_indexes(self._con):
            with self._transaction() as cur:  # counts kept before their refresh read through indexes
                linked_counts.create(cur)
        if "reviews" not in tables and not self.read_only:  # a store written before reviews
            with self._transaction() as cur:
                cur.execute(review_table.REVIEW_TABLE)
        if not {"feeds", "feed_items"} <= tables and not self.read_only:  # a store written before watch
            with self._transaction() as cur:
                for ddl in feeds.FEED_TABLES:
                    cur.execute(ddl)
        missing = _missing_indexes(self._con)
        if missing and not self.read_only:  # a store written before the writer's lookups were indexed
            with self._transaction() as cur:
                for ddl in missing:
                    cur.execute(ddl)

    def _tables(self) -> set[str]:
        listing = self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        return {name for (name,) in listing}

    def _columns(self) -> set[tuple[str, str]]:
        listing = self._con.execute("SELECT table_name, column_name FROM information_schema.columns")
        return {(table, column) for table, column in listing.fetchall()}

    def has_column(self, table: str, column: str) -> bool:
        """Whether the file has this column (a store opened read-only keeps its older layout)."""
        return (table, column) in self._columns()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction: committed whole, or rolled back whole and the error re-raised.

        A fault of the file (a full disk, a read-only folder at COMMIT) is a :class:`StoreError`;
        the transaction is rolled back, so the store holds what it held before.
        """
        if self.read_only:
            raise StoreError(self.path, "the store was opened read-only")
        with self._lock, _store_errors(self.path):
            cur = self._con.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                try:
                    yield cur
                except BaseException:
                    _rollback(cur)
                    self._link_cache.clear()  # it may hold what was rolled back
                    raise
                try:
                    cur.execute("COMMIT")
                except duckdb.Error as exc:  # every statement ran: a failed COMMIT is the file's fault
                    _rollback(cur)
                    self._link_cache.clear()
                    problem = _store_problem(exc) or _CANNOT_COMMIT.format(_first_line(exc))
                    raise StoreError(self.path, problem) from None
            finally:
                cur.close()

    # -- writes -------------------------------------------------------------------------------

    def add(self, doc: Document, *, key: str | None = None) -> bool:
        """Store a document with its actors, events and quotes; False if it is stored already
        (:meth:`put` says whether it was then recorded as another article)."""
        return self.put(doc, key=key) == "document"

    def held(self) -> nullcontext[Store]:
        """``ReleasingStore.held``'s twin: this store is open until it is closed."""
        return nullcontext(self)

    def put(self, doc: Document, *, key: str | None = None, feed_item: feeds.ItemRef | None = None) -> Added:
        """Store a document, or another publication of a stored one; what it added.

        "document": a new text, stored with its actors, events, quotes, its first article
        (``store/articles.py``), its copies (``store/copies.py``) and its linked mentions.
        "article": the stored text under another URL or outlet (a syndicated copy): one more row of
        ``articles``, nothing coded or stored twice. "nothing": the same page again.

        Either everything of the document is written or nothing is. A success clears the recorded
        failure of its input (``doc.source``); with ``key`` it also marks that input done, and with
        ``feed_item`` that item of a watched feed (``store/feeds.py``), in the same transaction. The
        same doc_id with other text is refused with an InputError naming the input that holds the
        stored text, and nothing is written.
        """
        return self.put_many([doc], keys=[key], feed_items=[feed_item])[0]

    def put_many(self, docs: Sequence[Document], *, keys: Sequence[str | None] | None = None,
                 feed_items: Sequence[feeds.ItemRef | None] | None = None,
                 prepared: Sequence[Prepared | None] | None = None) -> list[Added]:
        """Store documents as :meth:`put` stores each (``keys`` and ``feed_items``: each one's), in ONE
        transaction: all of them or none; what each added.

        The store then holds what ``put`` of each in turn makes of them, but a batch costs less: one
        commit, one INSERT a table for the batch's rows, one lookup of what the store holds of its
        documents, the linked events' counts counted once (those any of its documents touched), and the
        stories placed once for the batch's new documents (``stories.add_documents``) rather than once
        a document; only the copies and the links, which read what the documents before wrote, are made
        a document at a time. ``prepared``: each document's :class:`Prepared` (its record, signature and
        salient actor keys, made by the worker that coded it), or None to make them here. Any document refused (an
        InputError, as ``put`` refuses it) rolls the whole batch back and is raised: the caller puts them
        one by one to learn which.
        """
        keys = list(keys) if keys is not None else [None] * len(docs)
        items: list[feeds.ItemRef | None] = list(feed_items) if feed_items is not None else [None] * len(docs)
        made: list[Prepared | None] = list(prepared) if prepared is not None else [None] * len(docs)
        if not len(keys) == len(items) == len(made) == len(docs):
            raise ValueError("put_many: one key, one feed item and one prepared (or None) per document")
        if any(p is not None and p.document is not doc for doc, p in zip(docs, made, strict=True)):
            raise ValueError("put_many: a prepared document is not the document it stands beside")
        published = [_as_date(doc.published, doc, "published") for doc in docs]
        with self._transaction() as cur:
            return self._put_many(cur, docs, published, keys, items, made)

    def _put_many(self, cur: duckdb.DuckDBPyConnection, docs: Sequence[Document], published: list[dt.date | None],
                  keys: list[str | None], items: list[feeds.ItemRef | None],
                  made: list[Prepared | None]) -> list[Added]:
        """:meth:`put_many` inside its transaction."""
        ids = sorted({doc.doc_id for doc in docs})
        stored = dict.fromkeys(ids, None) | {
            doc_id: (text, source) for doc_id, text, source in _select_in(
                cur, "SELECT doc_id, text, source FROM documents WHERE doc_id IN ({})", ids)}
        known_articles: dict[str, list[tuple[str, str | None]]] = {doc_id: [] for doc_id in ids}
        for doc_id, key, outlet in _select_in(
                cur, "SELECT doc_id, article_key, outlet FROM articles WHERE doc_id IN ({}) ORDER BY rowid",
                [doc_id for doc_id in ids if stored[doc_id] is not None]):
            known_articles[doc_id].append((key, outlet))
        # what each document adds, in order, as put of each in turn decides it: a document seen earlier
        # in the batch is stored by then
        rows: dict[str, list[list[Any]]] = {"documents": [], "actors": [], "events": [], "quotes": []}
        new: list[tuple[Document, dt.date | None, Prepared]] = []
        steps: list[tuple[Document, dt.date | None, Prepared | None, bool]] = []  # (..., new) or a republication
        article_rows: list[list[Any]] = []
        out: list[Added] = []
        for doc, day, prep in zip(docs, published, made, strict=True):
            known = stored[doc.doc_id]
            if known and known[0] != doc.text:
                raise InputError(doc.source or doc.doc_id, _other_text(doc.doc_id, known[1]))
            added: Added = "nothing"
            if not known:
                stored[doc.doc_id] = (doc.text, doc.source)
                prep = prep or prepare(doc)  # what the worker did not make, made here alike
                for table, table_rows in _rows_of(doc, day, prep.record).items():
                    rows[table] += table_rows
                new.append((doc, day, prep))
                steps.append((doc, day, prep, True))
                added = "document"
            article = articles.article_key(doc.url, doc.outlet)
            if articles.is_new(article, known_articles[doc.doc_id]):
                known_articles[doc.doc_id].append((article, doc.outlet))
                article_rows.append([doc.doc_id, article, doc.url, doc.outlet, day, doc.source, _now()])
                if known:
                    steps.append((doc, day, prep, False))
                    added = "article"
            out.append(added)
        for table, table_rows in rows.items():
            _insert_rows(cur, table, table_rows)
        # copies, in order: a document's original depends on the copies and dates stored before it
        signatures = {doc.doc_id: prep.signature for doc, _, prep in new}
        bands = copies.Bands(cur, (key for sig in signatures.values() for key in copies.band_keys(sig)))
        for doc, day, _, is_new in steps:
            if is_new:
                copies.link_copy(cur, doc.doc_id, doc.text, day, signatures[doc.doc_id], bands)
            else:
                copies.republished(cur, doc.doc_id, day)
        bands.write(cur)
        gone: set[int] = set()  # the linked events the documents' mentions merged away
        events = event_rows(cur, [doc.doc_id for doc, _, _ in new])
        for doc, _, _ in new:  # in order: a document's mentions link to those stored before them
            link_document(cur, doc.doc_id, self.link_rules, self._link_cache, gone, events[doc.doc_id])
        _insert_rows(cur, "articles", article_rows)
        _clear_failures(cur, [doc.source for doc in docs if doc.source])
        _upsert_sources(cur, {key: doc.doc_id for doc, key in zip(docs, keys, strict=True) if key is not None})
        for doc, item in zip(docs, items, strict=True):
            if item is not None:
                feeds.item_done(cur, item, doc.doc_id, _now())
        # counted once, from the batch's end state: a count is a function of the tables alone
        changed = [doc.doc_id for doc, added in zip(docs, out, strict=True) if added != "nothing"]
        linked_counts.refresh(cur, linked_counts.touched(cur, changed), gone)
        stories.add_documents(cur, [doc.doc_id for doc, _, _ in new],
                              keys={doc.doc_id: prep.story_keys for doc, _, prep in new})
        return out

    def add_review(self, link_id: int, verdict: str, *, reviewer: str, comment: str | None = None,
                   source: str | None = None, target: str | None = None, cameo: str | None = None,
                   mode: str | None = None, date: str | None = None) -> dict[str, Any]:
        """File a review of linked event ``link_id``: confirm, reject (not an event) or correct (with at
        least one corrected field), by ``reviewer``, now (UTC); the review as :meth:`reviews` lists it.

        The coder's rows are not changed. A bad value, or an event the store does not hold, is an
        InputError of one line and nothing is written. See ``store/reviews.py``.
        """
        fields = {"source": source, "target": target, "cameo": cameo, "mode": mode, "date": date}
        checked = review_table.validate(verdict, reviewer, comment, fields)
        with self._transaction() as cur:
            return review_table.add_review(cur, link_id, checked, _now())

    def add_failure(self, failure: Failure, *, key: str | None = None, feed_item: feeds.ItemRef | None = None) -> None:
        """Record why an input failed; a later failure of the same input replaces it.

        With ``key``, also marks that input as tried and failed, and with ``feed_item`` counts a failed
        try of that item of a watched feed, in the same transaction.
        """
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", [failure.input, failure.problem, _now()]
            )
            if key is not None:
                _upsert_source(cur, key, None)
            if feed_item is not None:
                feeds.item_failed(cur, feed_item, failure.problem, _now())

    # -- the watcher's state (store/feeds.py) --------------------------------------------------

    def feed_state(self, url: str) -> feeds.FeedState | None:
        """What the store knows of watched feed ``url`` (None if it was never polled)."""
        with self.cursor() as cur:
            return feeds.feed_state(cur, url)

    def record_poll(self, url: str, status: str, *, not_before: dt.datetime | None = None) -> None:
        with self._transaction() as cur:
            feeds.record_poll(cur, url, status, _now(), not_before=not_before)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._transaction() as cur:
            feeds.save_validators(cur, url, etag, last_modified)

    def see_items(self, feed: str, items: list[tuple[str, str | None, str | None]]) -> set[str]:
        """Record a poll's items (item_id, link, title); the ids not seen before."""
        with self._transaction() as cur:
            return feeds.see_items(cur, feed, items, _now())

    def pending_items(self, feed: str, max_attempts: int) -> list[feeds.PendingItem]:
        with self.cursor() as cur:
            return feeds.pending_items(cur, feed, max_attempts)

    def mark_item_done(self, ref: feeds.ItemRef, key: str) -> None:
        """Mark an item done whose page, input ``key``, was stored before (by ``ingest``, or under
        another feed), with that input's document."""
        with self._transaction() as cur:
            row = cur.execute("SELECT doc_id FROM sources WHERE key = ?", [key]).fetchone()
            feeds.item_done(cur, ref, row[0] if row else None, _now())

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
        """The stored document record, as it was added, with its ``story`` and ``related`` articles
        (``store/stories.py``; left unset in a store read-only from before stories)."""
        with self.cursor() as cur:
            row = cur.execute("SELECT text, record FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
            if row is None:
                return None
            story = stories.story_of(cur, doc_id)
            related = stories.related(cur, doc_id) if story is not None else None
        text, record = row
        return Document.from_record({**json.loads(record), "text": text, "story": story, "related": related})

    def related(self, doc_id: str) -> list[dict[str, Any]]:
        """The documents related to ``doc_id`` (same story), best first, each with why: the linked
        events both report, the actors both make much of, the score (``store/stories.py``)."""
        with self.cursor() as cur:
            return stories.related(cur, doc_id)

    def stories(self, *, min_articles: int = 2) -> list[dict[str, Any]]:
        """The stories of at least ``min_articles`` documents, largest first (``store/stories.py``)."""
        with self.cursor() as cur:
            if not stories.is_current(cur):
                raise InputError(str(self.path), "this store has no stories yet (written before them, or by "
                                                 "another rule): open it for writing once, e.g. ingest into it")
            return stories.stories(cur, min_articles=min_articles)

    def reviews(self, link_id: int | None = None, doc_id: str | None = None) -> list[dict[str, Any]]:
        """The reviews, in the order they were filed: all, those of linked event ``link_id`` (the reviews
        of its mentions, wherever linking put them when they were filed), or those of the linked events
        document ``doc_id`` mentions. See ``store/reviews.py``."""
        with self.cursor() as cur:
            if not review_table.has_table(cur):  # a store written before reviews, opened read-only
                return []
            return review_table.list_reviews(cur, link_id, doc_id)

    def doc_ids(self) -> list[str]:
        """Every stored doc_id, in the order they were added."""
        with self.cursor() as cur:
            rows = cur.execute("SELECT doc_id FROM documents ORDER BY added, doc_id").fetchall()
        return [doc_id for (doc_id,) in rows]

    def articles(self, doc_id: str) -> list[dict[str, Any]]:
        """Each publication of a stored document (url, outlet, published, source), earliest first;
        empty when it is not stored. See ``store/articles.py``."""
        with self.cursor() as cur:
            if not self.has_column("articles", "article_key"):  # an older store, read-only
                query = "SELECT url, outlet, published, source FROM documents WHERE doc_id = ?"
            else:
                query = ("SELECT url, outlet, published, source FROM articles WHERE doc_id = ?"
                         " ORDER BY published NULLS LAST, added, article_key")
            rows = cur.execute(query, [doc_id]).fetchall()
        return [dict(zip(("url", "outlet", "published", "source"), row, strict=True)) for row in rows]

    def original_of(self, doc_id: str) -> str | None:
        """The doc_id of the first stored copy of this document's article (itself when it is the
        first), or None when it is not stored. See ``store/copies.py``."""
        with self.cursor() as cur:
            if not self._has_copies(cur):
                return doc_id if self._stored(cur, doc_id) else None
            return copies.original_of(cur, doc_id)

    def copies_of(self, doc_id: str) -> list[str]:
        """Every stored copy of this document's article, its original first (empty if not stored)."""
        with self.cursor() as cur:
            if not self._has_copies(cur):
                return [doc_id] if self._stored(cur, doc_id) else []
            return copies.copies_of(cur, doc_id)

    def originals(self) -> dict[str, str]:
        """Every stored doc_id with its original's doc_id (itself when it is one), for counting many
        documents' articles at once."""
        with self.cursor() as cur:
            if not self._has_copies(cur):
                ids = cur.execute("SELECT doc_id FROM documents").fetchall()
                return {doc_id: doc_id for (doc_id,) in ids}
            return copies.originals(cur)

    @staticmethod
    def _has_copies(cur: duckdb.DuckDBPyConnection) -> bool:
        """Whether the file has the copies table (an older store opened read-only has not)."""
        query = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'doc_copies'"
        return bool(single_row(cur, query)[0])

    @staticmethod
    def _stored(cur: duckdb.DuckDBPyConnection, doc_id: str) -> bool:
        return cur.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone() is not None

    def failures(self) -> list[Failure]:
        """The inputs whose latest attempt failed, oldest first."""
        with self.cursor() as cur:
            rows = cur.execute('SELECT input, problem FROM failures ORDER BY "at", input').fetchall()
        return [Failure(input=i, problem=p) for i, p in rows]

    def is_linked(self) -> bool:
        """Whether the file links mentions into events (a store written before, opened read-only, does not)."""
        return ("event_links", "link_id") in self._columns()

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


# The indexes a writing Store reads through so that storing a document costs the same however big the
# store (``_schema.INDEXES``, ``copies.INDEXES``, ``stories.INDEXES``; linking's and the kept counts' are
# made with their tables). A store written before them gets them when opened for writing; opened
# read-only it is read as it is.
WRITER_INDEXES = (*INDEXES, *copies.INDEXES, *stories.INDEXES)
_INDEX_NAME = re.compile(r"CREATE INDEX IF NOT EXISTS (\w+) ON (\w+)")


def _missing_indexes(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """The DDL of the :data:`WRITER_INDEXES` the file lacks (on tables it has)."""
    names = {name for (name,) in cur.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    tables = {name for (name,) in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    out = []
    for ddl in WRITER_INDEXES:
        match = _INDEX_NAME.match(ddl)
        if match is None:
            raise RuntimeError(f"not an index of the store: {ddl}")
        if match[1] not in names and match[2] in tables:
            out.append(ddl)
    return out


def _linked_with(cur: duckdb.DuckDBPyConnection) -> str | None:
    """The linking rules the store's events were linked by (``LinkRules.describe``), None if not recorded."""
    row = cur.execute("SELECT value FROM meta WHERE key = 'linking'").fetchone()
    return row[0] if row else None


def _record_linking(cur: duckdb.DuckDBPyConnection, rules: LinkRules) -> None:
    cur.execute("INSERT OR REPLACE INTO meta VALUES ('linking', ?)", [rules.describe()])


def _rows_of(doc: Document, published: dt.date | None, record: str) -> dict[str, list[list[Any]]]:
    """The rows of a new document in documents, actors, events and quotes (``record``: its
    ``documents.record``, ``prepared.record_json``)."""
    return {
        "documents": [[doc.doc_id, doc.source, doc.url, doc.title, doc.outlet, published, doc.language,
                       doc.text, doc.author, _now(), record]],
        "actors": [[doc.doc_id, a.id, a.sentence, a.text, a.start, a.end, a.name, a.country, a.sector, a.code,
                    a.kind] for a in doc.actors],
        "events": [_event_row(doc, e) for e in doc.events],
        "quotes": [_quote_row(doc, q) for q in doc.quotes],
    }


def _insert_documents(cur: duckdb.DuckDBPyConnection, docs: Sequence[Document]) -> None:
    """The rows of new documents in documents, actors, events and quotes, and nothing else (no copies,
    links, articles or stories): for filling a store at once (bench/)."""
    rows: dict[str, list[list[Any]]] = {"documents": [], "actors": [], "events": [], "quotes": []}
    for doc in docs:
        for table, table_rows in _rows_of(doc, _as_date(doc.published, doc, "published"), record_json(doc)).items():
            rows[table] += table_rows
    for table, table_rows in rows.items():
        _insert_rows(cur, table, table_rows)


def _insert_rows(cur: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]]) -> None:
    """All rows in one INSERT statement, through Arrow (``_bulk.py``)."""
    insert_rows(cur, table, rows)


def _select_in(cur: duckdb.DuckDBPyConnection, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` (a query with one ``IN ({})``) for ``values``, 500 values a query."""
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(values), 500):
        chunk = list(values[start:start + 500])
        out += cur.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall()
    return out


def _upsert_source(cur: duckdb.DuckDBPyConnection, key: str, doc_id: str | None) -> None:
    _upsert_sources(cur, {key: doc_id})


def _upsert_sources(cur: duckdb.DuckDBPyConnection, done: dict[str, str | None]) -> None:
    """Mark inputs (key -> doc_id, None: failed) processed, in one statement, and clear the recorded
    failures of those stored."""
    if not done:
        return
    now = _now()
    cur.execute(
        f"INSERT INTO sources VALUES {', '.join(['(?, ?, ?, ?)'] * len(done))} ON CONFLICT (key) DO UPDATE"
        " SET doc_id = coalesce(excluded.doc_id, sources.doc_id), \"at\" = excluded.\"at\"",
        [v for key, doc_id in done.items() for v in (key, _input_of(key), doc_id, now)],
    )
    _clear_failures(cur, [_input_of(key) for key, doc_id in done.items() if doc_id is not None])


def _clear_failures(cur: duckdb.DuckDBPyConnection, inputs: Sequence[str]) -> None:
    cleared = sorted(set(inputs))
    for start in range(0, len(cleared), 500):
        chunk = cleared[start:start + 500]
        cur.execute(f"DELETE FROM failures WHERE input IN ({', '.join('?' * len(chunk))})", chunk)


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


def _other_text(doc_id: str, stored_from: str | None) -> str:
    origin = f" (from {stored_from})" if stored_from else ""
    return f"id {doc_id!r} is already stored with other text{origin}; give this version its own id"


def _check_writable(path: Path) -> None:
    """Refuse, before any work, a store that cannot be written: DuckDB would only fail at COMMIT.

    DuckDB writes a journal (``<store>.wal``) beside the file, so the folder must be writable too.
    """
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(path, "cannot write to the store: the file is read-only (make it writable, "
                               "or read it with events, quotes or export)")
    if folder.is_dir() and not os.access(folder, os.W_OK):
        raise StoreError(path, f"cannot write to the store: its folder {folder} is read-only (DuckDB writes "
                               f"a journal, {path.name}.wal, beside the store)")


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    """Roll back after an error; a transaction DuckDB has already ended (a failed COMMIT) needs none."""
    with suppress(duckdb.Error):  # no transaction left to roll back: DuckDB ended it at the failed COMMIT
        cur.execute("ROLLBACK")


def _now() -> dt.datetime:
    """UTC now, naive (DuckDB TIMESTAMP)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
