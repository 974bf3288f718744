"""A progress line on stderr for long runs: documents done, documents/s, failures.

Silent when asked (--quiet) or when stderr is not a terminal, so logs and pipes stay clean.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]

# Redraw at most this often (seconds): often enough to look alive, rarely enough to cost nothing.
REFRESH_SECONDS = 0.2


class Progress:
    """Counts documents and failures; draws ``[####    ] 12/40 docs  3.1 docs/s  1 failed``."""

    def __init__(self, total: int | None = None, *, quiet: bool = False, stream: TextIO | None = None,
                 label: str = "docs") -> None:
        self.stream = stream or sys.stderr
        self.enabled = not quiet and self.stream.isatty()
        self.total = total
        self.label = label
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self._start = time.monotonic()
        self._last_draw = 0.0

    def update(self, *, failed: bool = False, skipped: bool = False) -> None:
        self.done += 1
        self.failed += failed
        self.skipped += skipped
        now = time.monotonic()
        if self.enabled and now - self._last_draw >= REFRESH_SECONDS:
            self._last_draw = now
            self._draw(now)

    def rate(self) -> float:
        elapsed = time.monotonic() - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        count = f"{self.done}/{self.total}" if self.total else f"{self.done}"
        bar = ""
        if self.total:
            filled = int(20 * self.done / self.total)
            bar = "[" + "#" * filled + " " * (20 - filled) + "] "
        extra = f"  {self.skipped} already stored" if self.skipped else ""
        return f"{bar}{count} {self.label}  {self.rate():.1f} {self.label}/s  {self.failed} failed{extra}"

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
