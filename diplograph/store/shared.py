"""One store, two users: opening a store file another process may hold, and a writer that lets go of it.

DuckDB lets one process hold a file for writing, and while it does no other process may open it
at all (not even read-only); a process holding it read-only keeps every writer out. So a server
(``diplograph serve``) and an ingest into the same file take turns: each holds the file only for a
short window and retries for a while when the other holds it (:func:`open_store`). The ingest side
is :class:`ReleasingStore`: it opens the store for writing when a document is to be stored, and
closes it once it has held it ``hold`` seconds (at the next call, or from its watchdog thread while
the pipeline codes the next batch), so a reader gets in between two of its batches and sees what
the last one committed. The server side is ``diplograph.serve.gate``.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .db import Added, Store, StoreError

if TYPE_CHECKING:
    from ..model import Document, Failure
    from ..settings import Settings

__all__ = ["ReleasingStore", "is_locked", "open_store"]

# Seconds between two attempts to open a file another process holds.
RETRY_EVERY = 0.02
# Seconds an ingest waits for the file: a server lets go of it at least every few seconds
# (serve/gate.py); a process that holds it longer is another writer, reported in one line.
INGEST_WAIT = 10.0


def is_locked(exc: StoreError) -> bool:
    """Whether the store could not be opened because another process holds it (db.py's _PROBLEMS)."""
    return exc.problem.startswith("another diplograph process")


def open_store(path: str | Path, *, read_only: bool, wait: float, settings: Settings | None = None) -> Store:
    """Open the store, retrying for up to ``wait`` seconds while another process holds the file."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return Store(path, read_only=read_only, settings=settings)
        except StoreError as exc:
            if not is_locked(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(RETRY_EVERY)


class ReleasingStore:
    """The writes ``batch.ingest`` makes, on a store opened only while they are made.

    The file is opened (waiting up to ``wait`` seconds for a reader to let go of it) when a call
    needs it and closed once it has been held ``hold`` seconds, so another process can read it
    between batches. Each opening is a new Store (its linking cache starts empty: another process may
    have written in between).
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

    def put(self, doc: Document, *, key: str | None = None) -> Added:
        with self._open() as store:
            return store.put(doc, key=key)

    def add_failure(self, failure: Failure, *, key: str | None = None) -> None:
        with self._open() as store:
            store.add_failure(failure, key=key)

    def mark_source(self, key: str, doc_id: str | None) -> None:
        with self._open() as store:
            store.mark_source(key, doc_id)

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
            if self._depth == 0 and time.monotonic() - self._opened >= self.hold:
                self._release()
        finally:
            self._lock.release()

    def _release(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _watch(self) -> None:
        while not self._closed.wait(self.hold / 5):
            with self._lock:
                if self._store is not None and time.monotonic() - self._opened >= self.hold:
                    self._release()


class _Held:
    def __init__(self, owner: ReleasingStore) -> None:
        self.owner = owner

    def __enter__(self) -> Store:
        return self.owner._acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.owner._done()
