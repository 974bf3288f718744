"""Spreading a pipeline's batches over worker processes, results kept in input order.

Workers are forked after the parent has loaded spaCy and the stages' tables (``Pipeline.warm_up``),
so they share its model's memory instead of each loading their own (about 6 s and 200 MB saved per
worker); batches travel as plain dataclasses, Sources in and Documents or Failures out, or what a
``finish`` function makes of a batch's results in the worker (``batch.ingest``: each Document with
what storing it computes of it alone, ``store/prepared.py``, so that the parent, the store's one
writer, does not). Where the platform cannot fork, one process does the work (``workers_for`` says
so by returning 1).

No more workers start than there are batches to give them, and a worker never outlives the run:
each asks the kernel to kill it when its parent dies (Linux's parent-death signal; elsewhere a
thread watching its parent's pid), so a ``kill -9`` of diplograph leaves no orphan holding the
model's memory. A worker that dies (killed for memory, a crash in a C extension) breaks the pool:
every batch it held is run again alone in a fresh worker, and a batch that kills its worker a second
time is recorded as a Failure for each of its documents, so the run goes on with nothing lost.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from .model import Document, Failure

if TYPE_CHECKING:
    from .model import Source
    from .pipeline import Pipeline

# What a worker makes of a batch's results (Documents and Failures, in input order) before they are
# sent back: one item per result, in the same order.
Finish = Callable[[list[Document | Failure]], list[Any]]

__all__ = ["Finish", "run_parallel", "workers_for"]

# With "auto" (workers = 0), one worker per core the process may use, at most this many: past four,
# the parent's reading and cleaning of inputs, not parsing, limits a laptop's throughput.
MAX_AUTO_WORKERS = 4
# Batches in flight per worker: enough that no worker waits for the next, few enough that a long
# stream never piles up in memory.
QUEUE_PER_WORKER = 2
# How often a worker on a platform without a parent-death signal checks that its parent lives, in s.
PARENT_POLL = 1.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_PIPELINE: Pipeline | None = None  # set in the parent just before the fork; each worker inherits it
_FINISH: Finish | None = None  # likewise: what a worker makes of a batch's results before sending them


def workers_for(setting: int) -> int:
    """How many worker processes a ``workers`` setting means on this machine (0 = one per core)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if setting > 0:
        return setting
    return max(1, min(MAX_AUTO_WORKERS, len(os.sched_getaffinity(0))))


def _process(batch: list[Source | Failure]) -> list[Any]:
    assert _PIPELINE is not None, "worker started without a pipeline"
    results = _PIPELINE.process_batch(batch)
    return _FINISH(results) if _FINISH is not None else results


def _end_with_parent(parent: int) -> None:
    """Worker initializer: die when the process that forked us does."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    else:
        threading.Thread(target=_watch_parent, args=(parent,), name="diplograph-parent", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_end_with_parent, initargs=(os.getpid(),))


def _died(batch: list[Source | Failure]) -> list[Any]:
    """The batch's documents, each a Failure: its worker died twice while coding it."""
    problem = ("a worker process died while coding this document's batch, twice "
               "(killed, e.g. for lack of memory, or crashed)")
    return [item if isinstance(item, Failure) else Failure(item.name, problem) for item in batch]


def _alone(batch: list[Source | Failure]) -> list[Any]:
    """The batch once more, in a fresh worker of its own; Failures if that one dies too."""
    with _pool(1) as pool:
        try:
            return pool.submit(_process, batch).result()
        except BrokenProcessPool:
            return _died(batch)


def run_parallel(pipeline: Pipeline, batches: Iterable[list[Source | Failure]], workers: int,
                 finish: Finish | None = None) -> Iterator[Any]:
    """Each batch cleaned and annotated in a worker; results yielded in input order: Documents and
    Failures, or with ``finish`` (a module-level function) what it makes of each batch's, in the worker.
    A Failure for a batch whose worker died twice is not given to ``finish``."""
    global _PIPELINE, _FINISH
    pipeline.warm_up()  # load before forking, so that the workers inherit the model and its tables
    _PIPELINE, _FINISH = pipeline, finish
    # The model and tables (~700,000 objects) out of the garbage collector's reach, as Python's gc
    # documentation advises before a fork: a full collection scanned them all, ~0.3 s of the parent's
    # CPU every few batches (one in 100 documents), and in a worker it writes to every page it scans,
    # copying the memory the fork shared. They live as long as the process anyway.
    gc.freeze()
    stream = iter(batches)
    first = list(islice(stream, workers))  # a worker per batch there is, up to ``workers``
    size = max(1, len(first))
    pool = _pool(size)
    pending: deque[tuple[list[Source | Failure], Future]] = deque()

    def submit(batch: list[Source | Failure]) -> None:
        nonlocal pool
        try:
            pending.append((batch, pool.submit(_process, batch)))
        except BrokenProcessPool:  # a worker died: the batches it held are run again alone
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _pool(size)
            pending.append((batch, pool.submit(_process, batch)))

    def results(batch: list[Source | Failure], future: Future) -> list[Any]:
        try:
            return future.result()
        except BrokenProcessPool:
            return _alone(batch)

    try:
        for batch in chain(first, stream):
            submit(batch)
            if len(pending) >= QUEUE_PER_WORKER * size:
                yield from results(*pending.popleft())
        while pending:
            yield from results(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
