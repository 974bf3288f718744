"""One store, two users: opening a store file another process may hold, and a writer that lets go of it.

DuckDB lets one process hold a file for writing, and while it does no other process may open it
at all (not even read-only); a process holding it read-only keeps every writer out. So a server
(``diplograph serve``) and an ingest into the same file take turns: each holds the file only for a
short window and retries for a while when the other holds it (:func:`open_store`). The ingest side
is :class:`ReleasingStore`: it opens the store for writing when a document is to be stored, and
closes it once it has held it ``hold`` seconds (at the next call, or from its watchdog thread while
the pipeline codes the next batch), so a reader gets in between two of its batches and sees what
the last one committed. The server side is ``diplograph.serve.gate``.

A writer kept out says so: while :func:`open_store` retries for writing, the file :func:`turn_file`
(the store's path with ``.turn`` appended) exists, so a server lets go of the file when a writer
waits rather than every few seconds whether or not one does (closing drops DuckDB's caches). A
reader kept out says so the same way (:func:`reader_turn_file`, ``.read`` appended), so an ingest
keeps the file from one batch to the next while no reader waits (opening and closing a store cost
~150 ms of CPU a batch, ~5 ms a document, on the process that also stores) and lets go within a
tenth of a second of one asking; a reader that does not say so (DuckDB's own shell) still finds
the file free every ``LONGEST_HOLD`` seconds.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .db import Added, Store, StoreError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Document, Failure
    from ..settings import Settings
    from .feeds import ItemRef
    from .prepared import Prepared

__all__ = ["ReleasingStore", "is_locked", "open_store", "reader_turn_file", "reader_waits", "turn_file",
           "turn_wanted"]

# Seconds between two attempts to open a file another process holds.
RETRY_EVERY = 0.02
# Seconds an ingest waits for the file: a server lets go of it at least every few seconds
# (serve/gate.py); a process that holds it longer is another writer, reported in one line.
INGEST_WAIT = 10.0


def is_locked(exc: StoreError) -> bool:
    """Whether the store could not be opened because another process holds it (db.py's _PROBLEMS)."""
    return exc.problem.startswith("another diplograph process")


# Seconds after which a turn file no writer has touched again is stale (its writer gone).
TURN_STALE = 30.0
# Seconds after which a reader's turn file is stale: a waiting reader touches it every RETRY_EVERY.
READER_STALE = 1.0
# The longest an ingest holds the file while no reader says it waits.
LONGEST_HOLD = 5.0


def turn_file(path: str | Path) -> Path:
    """The file that says a writer waits for the store at ``path``."""
    return _beside(path, ".turn")


def turn_wanted(path: str | Path) -> bool:
    """Whether a writer waits for the store at ``path`` now (its turn file touched lately)."""
    return _touched_within(turn_file(path), TURN_STALE)


def reader_turn_file(path: str | Path) -> Path:
    """The file that says a reader waits for the store at ``path``."""
    return _beside(path, ".read")


def reader_waits(path: str | Path) -> bool:
    """Whether a reader waits for the store at ``path`` now (its turn file touched lately)."""
    return _touched_within(reader_turn_file(path), READER_STALE)


def _beside(path: str | Path, suffix: str) -> Path:
    path = Path(path)
    return path.with_name(path.name + suffix)


def _touched_within(marker: Path, seconds: float) -> bool:
    try:
        return time.time() - marker.stat().st_mtime < seconds
    except OSError:
        return False


def open_store(path: str | Path, *, read_only: bool, wait: float, settings: Settings | None = None) -> Store:
    """Open the store, retrying for up to ``wait`` seconds while another process holds the file; a
    process kept out touches the store's turn file meanwhile (a writer's, or a reader's), removed once
    it has the file or gives up."""
    deadline = time.monotonic() + wait
    marker = reader_turn_file(path) if read_only else turn_file(path)
    waiting = False
    try:
        while True:
            try:
                return Store(path, read_only=read_only, settings=settings)
            except StoreError as exc:
                if not is_locked(exc) or time.monotonic() >= deadline:
                    raise
            waiting = _touch(marker) or waiting
            time.sleep(RETRY_EVERY)
    finally:
        if waiting:
            marker.unlink(missing_ok=True)


def _touch(marker: Path) -> bool:
    """Touch the turn file; False when the folder does not let us (the server then lets go every few seconds)."""
    try:
        marker.touch()
    except OSError:
        return False
    return True


class ReleasingStore:
    """The writes ``batch.ingest`` makes, on a store opened only while they are made.

    The file is opened (waiting up to ``wait`` seconds for a reader to let go of it) when a call
    needs it, and closed once it has been held ``hold`` seconds and a reader waits (or it has been
    held ``LONGEST_HOLD``), between two calls, so another process can read it between batches. Each
    opening is a new Store (its linking cache starts empty: another process may have written in
    between).
    """

    def __init__(self, path: str | Path, *, settings: Settings | None = None, hold: float = 0.5,
                 wait: float = INGEST_WAIT) -> None:
        self.path = Path(path)
        self.settings = settings
        self.hold = hold
        self.wait = wait
        self._store: Store | None = None
        self._opened = 0.0
        self._lock = threading.RLock()  # re-entered by the calls made inside ``held()``
        self._depth = 0  # how many ``held()``/call blocks of this thread are open
        self._closed = threading.Event()
        # open once now: a file that is not a store, or a bad folder, fails before any input is read
        with self._open() as store:
            del store
        self._watchdog = threading.Thread(target=self._watch, name="diplograph-store-release", daemon=True)
        self._watchdog.start()

    def __enter__(self) -> ReleasingStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            self._release()

    # -- the calls batch.ingest makes ------------------------------------------------------------

    def held(self) -> _Held:
        """A block in which the store stays open, however long: ``batch.ingest`` writes each batch's
        documents in one (opening and closing a store costs ~80 ms of CPU, more than storing a
        document), and lets go of it between batches."""
        return self._open()

    def source_done(self, key: str, *, include_failed: bool = False) -> bool:
        with self._open() as store:
            return store.source_done(key, include_failed=include_failed)

    def put(self, doc: Document, *, key: str | None = None, feed_item: ItemRef | None = None) -> Added:
        with self._open() as store:
            return store.put(doc, key=key, feed_item=feed_item)

    def put_many(self, docs: Sequence[Document], *, keys: Sequence[str | None] | None = None,
                 feed_items: Sequence[ItemRef | None] | None = None,
                 prepared: Sequence[Prepared | None] | None = None) -> list[Added]:
        with self._open() as store:
            return store.put_many(docs, keys=keys, feed_items=feed_items, prepared=prepared)

    def add_failure(self, failure: Failure, *, key: str | None = None, feed_item: ItemRef | None = None) -> None:
        with self._open() as store:
            store.add_failure(failure, key=key, feed_item=feed_item)

    def mark_source(self, key: str, doc_id: str | None) -> None:
        with self._open() as store:
            store.mark_source(key, doc_id)

    def opened(self) -> _Held:
        """``with releasing.opened() as store``: the Store for a few calls of one's own (the watcher's
        feed state), held and let go like the calls above."""
        return self._open()

    # -- holding and letting go --------------------------------------------------------------------

    def _open(self) -> _Held:
        return _Held(self)

    def _acquire(self) -> Store:
        self._lock.acquire()
        self._depth += 1
        try:
            if self._store is None:
                self._store = open_store(self.path, read_only=False, wait=self.wait, settings=self.settings)
                self._opened = time.monotonic()
            return self._store
        except BaseException:
            self._depth -= 1
            self._lock.release()
            raise

    def _done(self) -> None:
        self._depth -= 1
        try:
            if self._depth == 0 and self._due():
                self._release()
        finally:
            self._lock.release()

    def _due(self) -> bool:
        """Whether the store, open, is to be let go of now."""
        held = time.monotonic() - self._opened
        return held >= LONGEST_HOLD or (held >= self.hold and reader_waits(self.path))

    def _release(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _watch(self) -> None:
        while not self._closed.wait(self.hold / 5):
            with self._lock:
                if self._store is not None and self._due():
                    self._release()


class _Held:
    def __init__(self, owner: ReleasingStore) -> None:
        self.owner = owner

    def __enter__(self) -> Store:
        return self.owner._acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.owner._done()
