"""Sources through a Dask cluster's workers, results back in input order, a bounded number in flight.

Batches (the ``batch_size`` setting) are submitted as tasks of ``tasks.code_batch``; at most
``TASKS_PER_THREAD`` per worker thread are in flight (counted again at each submission, so workers
that join or leave change the window), and results are yielded in input order, so the store, written
by the caller alone, gets them as a local run gives them.

A worker that dies while it holds a batch costs nothing: the scheduler runs the batch again on
another worker, up to its ``allowed-failures`` (``address.connect`` sets 1 for ``local:N``, a running
scheduler keeps its own, Dask's default 3). A batch that has killed that many workers comes back as
KilledWorker: its documents are then sent again one per task, one task at a time, so the documents
that shared a batch with a deadly one (or were only queued on a worker that died) are coded, and a
document that kills workers on its own is recorded as a Failure, as ``_workers.py`` records a batch
that kills two local workers. Any other error of a task (a worker without diplograph, another
version) stops the run with one line: nothing more would be coded.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import DiplographError, one_line
from ..model import Failure
from .tasks import PipelineSpec, code_batch

if TYPE_CHECKING:
    from distributed import Client, Future

    from .._workers import Finish
    from ..model import Source
    from ..pipeline import Pipeline

__all__ = ["ClusterError", "run_on_cluster"]

# Batches in flight per worker thread, as _workers.QUEUE_PER_WORKER per local worker: enough that no
# worker waits for its next batch, few enough that a long input stream never piles up in memory.
TASKS_PER_THREAD = 2
# Above this size a submitted batch makes Dask warn (its default: 10 MB): a batch of 32 inputs of up
# to max_bytes (20 MB) each may be far larger, and is still one batch.
LARGE_BATCH = "1 GiB"
LOST = "lost the Dask scheduler; what was stored is kept, re-run to finish"
KILLED = ("Dask workers died while coding this document, alone in its task, as many times as the "
          "scheduler allows (allowed-failures): killed, e.g. for lack of memory, or crashed")


class ClusterError(DiplographError):
    """The cluster cannot code: unreachable, or a task failed for a reason no document explains."""

    def __init__(self, address: str, problem: str) -> None:
        super().__init__(f"{one_line(address)}: {one_line(problem)}")
        self.address = address
        self.problem = problem


@dataclass
class _Task:
    batch: list[Source | Failure]
    future: Future


def run_on_cluster(client: Client, pipeline: Pipeline, items: Iterable[Source | Failure], *,
                   address: str = "cluster", finish: Finish | None = None) -> Iterator[Any]:
    """Raw sources -> Documents and Failures, in input order, each batch coded on a worker; with
    ``finish``, what it makes of each batch's results on the worker (``Pipeline.run``'s ``finish``:
    ``ingest`` has the workers prepare each document for storing, so that the client, the store's
    one writer, does little more than write)."""
    if pipeline.actor_files:
        from ..lexicon.dictionary import load_dictionary

        load_dictionary(pipeline.actor_files)  # a bad actor file fails here, named as the user gave it
    import dask

    spec = PipelineSpec.of(pipeline)
    run = uuid.uuid4().hex[:12]
    stream = iter(items)
    pending: deque[_Task] = deque()
    number = 0

    def submit(batch: list[Source | Failure]) -> _Task:
        nonlocal number
        number += 1
        key = f"diplograph-batch-{run}-{number}"
        # a batch is data sent once (pages of up to max_bytes each): Dask's advice on large graphs,
        # to load the data on the workers, does not apply, so its warning is not printed
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": LARGE_BATCH}):
            return _Task(batch, client.submit(code_batch, spec, batch, finish, key=key, pure=False))

    try:
        while batch := list(islice(stream, pipeline.settings.batch_size)):
            pending.append(submit(batch))
            while len(pending) >= _window(client, address):
                yield from _results(pending.popleft(), submit, address)
        while pending:
            yield from _results(pending.popleft(), submit, address)
    finally:
        if pending:  # stopped early (an error, the caller gone): the cluster need not code the rest
            client.cancel([task.future for task in pending])


def _window(client: Client, address: str) -> int:
    try:
        threads = sum(client.nthreads().values())
    except OSError:  # distributed's CommClosedError is one
        raise ClusterError(address, LOST) from None
    return max(TASKS_PER_THREAD, TASKS_PER_THREAD * threads)


def _results(task: _Task, submit: Callable[[list[Source | Failure]], _Task], address: str,
             ) -> list[Any]:
    from distributed import KilledWorker

    try:
        return _result(task, address)
    except KilledWorker:
        pass
    if len(task.batch) == 1:
        return _killed(task.batch)
    out: list[Any] = []
    for item in task.batch:
        # one at a time: the scheduler counts a death against every task its worker held, so an
        # innocent document queued beside the deadly one on two dying workers would fail with it
        alone = submit([item])
        try:
            out.extend(_result(alone, address))
        except KilledWorker:
            out.extend(_killed(alone.batch))
    return out


def _result(task: _Task, address: str) -> list[Any]:
    from distributed import KilledWorker

    try:
        return task.future.result()
    except KilledWorker:
        raise
    except DiplographError:
        raise
    except CancelledError:  # the client cancels what it holds when it loses the scheduler
        raise ClusterError(address, LOST) from None
    except Exception as exc:
        raise ClusterError(address, f"a worker could not code a batch: {type(exc).__name__}: {exc}") from exc
    finally:
        task.future.release()


def _killed(batch: list[Source | Failure]) -> list[Failure]:
    return [item if isinstance(item, Failure) else Failure(item.name, KILLED) for item in batch]
