"""A budget of time and memory for one piece of work (a document, or a batch of them).

``within(limits, work)`` runs ``work()`` in the calling thread while a watchdog thread of the process
looks at it every tenth of a second: past ``seconds`` of wall time, or once the process's resident
memory has grown by more than ``memory_mb`` since the work began, the watchdog raises an exception in
the working thread, which unwinds the work, and ``within`` raises ``BudgetExceeded`` saying which
limit was passed. The pipeline records that as the document's Failure and the batch goes on.

Why a thread and not SIGALRM: a signal handler runs only in the main thread, so a budget armed by a
server's worker thread would silently not be kept, and the timer would take SIGALRM from the program
diplograph is embedded in. The watchdog raises in whichever thread armed the budget (CPython's
``PyThreadState_SetAsyncExc``), so the budget holds in any thread. Either way the exception lands
between two Python steps: a single C call that never returns to Python (one pathological regular
expression) is not interrupted; every stage of diplograph returns to Python at least once per token.

Memory is the resident set read from ``/proc/self/statm`` (Linux); elsewhere the process's peak
resident set (``getrusage``), which only counts growth past the highest mark already reached. It is a
check, not a bound: what is allocated within one tenth of a second can overshoot the budget before
the watchdog sees it (an address-space rlimit would be a bound, but spaCy and its BLAS map large
areas they never touch, and a rlimit hit outside the document would fail whatever runs then).
"""

from __future__ import annotations

import ctypes
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

from .errors import DiplographError

__all__ = ["BudgetExceeded", "Limits", "within"]

T = TypeVar("T")

# How often the watchdog looks at the memory of the work it watches, in seconds. Reading
# /proc/self/statm costs a few microseconds: ten looks a second cost nothing measurable.
TICK = 0.1
# Seconds between two interruptions of work that has not unwound yet: an interruption that lands in
# a __del__ or a weakref callback is dropped there (as any exception is), so it is raised again, but
# seldom, so that the next one lands in the work and not in the handler of the dropped one.
RETRY = 1.0
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_STATM = "/proc/self/statm"


class BudgetExceeded(DiplographError):
    """A piece of work went over its budget of time or memory; ``problem`` says which."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _Interrupted(BaseException):
    """Raised by the watchdog in the working thread. A BaseException, as KeyboardInterrupt is, so
    that the ``except Exception`` of the code it interrupts does not swallow it."""


@dataclass(frozen=True)
class Limits:
    """At most ``seconds`` of wall time and ``memory_mb`` megabytes of growth of the resident set."""

    seconds: float
    memory_mb: float


def _resident_mb() -> float:
    try:
        with open(_STATM, "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE / 1_000_000
    except OSError:  # not Linux: the peak resident set, in kB on Linux and BSD, bytes on macOS
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1_000_000 if sys.platform == "darwin" else peak / 1000


@dataclass(eq=False)
class _Watch:
    limits: Limits
    thread: int
    started: float = field(default_factory=time.monotonic)
    memory_at_start: float = field(default_factory=_resident_mb)
    problem: str | None = None  # set by the watchdog when it interrupts the work
    interrupted_at: float = -RETRY

    def over(self, now: float) -> str | None:
        if now - self.started > self.limits.seconds:
            return f"took more than {self.limits.seconds:g} s, over the max_seconds budget"
        grown = _resident_mb() - self.memory_at_start
        if grown > self.limits.memory_mb:
            return f"needed more than {self.limits.memory_mb:g} MB of memory, over the max_memory_mb budget"
        return None


class _Watchdog:
    """One daemon thread per process, asleep while nothing is watched."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self._lock = threading.Condition()
        self._watched: set[_Watch] = set()
        self._thread = threading.Thread(target=self._run, name="diplograph-budget", daemon=True)
        self._thread.start()

    def watch(self, watch: _Watch) -> None:
        with self._lock:
            self._watched.add(watch)
            self._lock.notify()

    def unwatch(self, watch: _Watch) -> None:
        """After this returns, the watchdog raises nothing more for ``watch``."""
        with self._lock:
            self._watched.discard(watch)

    def _run(self) -> None:
        with self._lock:
            while True:
                if not self._watched:
                    self._lock.wait()
                    continue
                now = time.monotonic()
                for watch in self._watched:
                    watch.problem = watch.problem or watch.over(now)
                    if watch.problem is not None and now - watch.interrupted_at >= RETRY:
                        watch.interrupted_at = now
                        _raise_in(watch.thread, _Interrupted)
                wake = min((w.started + w.limits.seconds - now for w in self._watched), default=TICK)
                self._lock.wait(min(TICK, max(wake, 0.001)))


def _drop_interruptions(previous: Callable[[UnraisableHookArgs], object]) -> Callable[[UnraisableHookArgs], object]:
    """An unraisable-exception hook that drops the watchdog's own interruptions (landed in a __del__
    or a weakref callback, where Python would print them as "Exception ignored in ...": the watchdog
    raises them again in the work) and hands every other one to ``previous``."""

    def hook(unraisable: UnraisableHookArgs) -> object:
        if unraisable.exc_type is _Interrupted:
            return None
        return previous(unraisable)

    return hook


def _raise_in(thread: int, exc: type[BaseException]) -> None:
    """Raise ``exc`` in ``thread`` at its next Python step."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc))


def _land() -> None:
    """A few Python steps, where an interruption raised but not yet landed lands. (Withdrawing it
    instead, with SetAsyncExc(thread, NULL), would leave the interpreter's pending-work flag up
    for good, and every thread on its slow path.)"""
    for _ in range(2):
        pass


_WATCHDOG: _Watchdog | None = None
_START = threading.Lock()


def _watchdog() -> _Watchdog:
    """This process's watchdog; a forked worker starts its own (threads do not survive a fork)."""
    global _WATCHDOG
    with _START:
        if _WATCHDOG is None or _WATCHDOG.pid != os.getpid():
            if _WATCHDOG is None:  # once per process (a forked worker inherits the hook)
                sys.unraisablehook = _drop_interruptions(sys.unraisablehook)
            _WATCHDOG = _Watchdog()
        return _WATCHDOG


def within(limits: Limits, work: Callable[[], T]) -> T:
    """``work()``, or BudgetExceeded once it passes ``limits``."""
    watchdog = _watchdog()
    watch = _Watch(limits, threading.get_ident())
    watchdog.watch(watch)
    try:
        try:
            result = work()
        finally:
            while True:  # an interruption may land here too: stop watching, then let one pending land
                try:
                    watchdog.unwatch(watch)
                    if watch.problem is not None:
                        _land()
                    break
                except _Interrupted:
                    continue
    except _Interrupted:
        if watch.problem is None:
            raise  # not this budget's
        raise BudgetExceeded(watch.problem) from None
    if watch.problem is not None:
        raise BudgetExceeded(watch.problem)  # passed the budget as it ended: no interruption landed
    return result
