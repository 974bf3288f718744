"""The server's turns at the store file: many readers at once, one writer alone, and room for an ingest.

The server opens the store read-only when a request needs it and shares that one Store between the
requests that overlap (opening costs tens of milliseconds, and the reopened file has cold caches). It
closes it when no request has used it for ``idle`` seconds, and, once it has held it ``window``
seconds, as soon as a writer waits (the store's turn file, store/shared.py) even under steady load:
new requests wait for the running ones, the file is let go for ``gap`` seconds, then opened again.
So a ``diplograph ingest`` into the same file, which retries while the server holds it, gets its
turn and what it commits shows at the next opening; with no writer waiting, a busy server keeps its
opening (and DuckDB's caches) instead of reopening every ``window`` seconds. While an ingest holds
the file, a request waits for it up to ``wait`` seconds (see store/shared.py). A write of the
server's own (a posted document or review) waits for the readers to finish and opens the file for
writing alone: DuckDB does not let one process hold a file read-only and read-write at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..store import Store
from ..store.shared import open_store, turn_wanted

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["StoreGate"]


class StoreGate:
    def __init__(self, path: str | Path, *, settings: Settings | None = None, wait: float = 10.0,
                 window: float = 2.0, idle: float = 0.25, gap: float = 0.1) -> None:
        self.path = Path(path)
        self.settings = settings
        self.wait, self.window, self.idle, self.gap = wait, window, idle, gap
        self._cond = threading.Condition()
        self._store: Store | None = None
        self._opened = 0.0
        self._closed_at = 0.0
        self._last_used = 0.0
        self._readers = 0
        self._writers = 0  # waiting or writing
        self._stopped = threading.Event()
        self._watchdog: threading.Thread | None = None

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """The store, open read-only, for one request."""
        with self._cond:
            while True:
                now = time.monotonic()
                if self._writers:
                    self._cond.wait(0.05)
                    continue
                if self._store is not None and now - self._opened > self.window and turn_wanted(self.path):
                    if self._readers:
                        self._cond.wait(0.05)
                        continue
                    self._close()
                if self._store is None:
                    if now - self._closed_at < self.gap:
                        self._cond.wait(self.gap - (now - self._closed_at))
                        continue
                    self._store = open_store(self.path, read_only=True, wait=self.wait)
                    self._opened = time.monotonic()
                    self._start_watchdog()
                self._readers += 1
                store = self._store
                break
        try:
            yield store
        finally:
            with self._cond:
                self._readers -= 1
                self._last_used = time.monotonic()
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The store, open for writing by this request alone."""
        with self._cond:
            self._writers += 1
            try:
                while self._readers:
                    self._cond.wait(0.05)
                self._close()
            except BaseException:
                self._writers -= 1
                self._cond.notify_all()
                raise
        try:
            with open_store(self.path, read_only=False, wait=self.wait, settings=self.settings) as store:
                yield store
        finally:
            with self._cond:
                self._writers -= 1
                self._closed_at = 0.0  # what was written shows at once
                self._cond.notify_all()

    def close(self) -> None:
        self._stopped.set()
        with self._cond:
            self._close()

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self._closed_at = time.monotonic()

    def _start_watchdog(self) -> None:
        if self._watchdog is None:
            self._watchdog = threading.Thread(target=self._watch, name="diplograph-serve-gate", daemon=True)
            self._watchdog.start()

    def _watch(self) -> None:
        while not self._stopped.wait(self.idle / 2):
            with self._cond:
                if self._store is not None and not self._readers and \
                        time.monotonic() - self._last_used > self.idle:
                    self._close()
                    self._closed_at = 0.0  # idle, not a turn given: the next request opens at once
