"""Worker processes: no more than there are batches, none outliving its parent, and a worker that
dies costs at most its own batch, recorded as Failures, never the run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplograph import _workers
from diplograph.model import Document, Failure, Source
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings, max_workers

pytestmark = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                                reason="worker processes need fork")

ROOT = Path(__file__).resolve().parents[1]


class _Stub(Pipeline):
    """A pipeline whose batches are coded by name only: what is tested is the processes around it."""

    def process_batch(self, batch):
        if any(isinstance(item, Source) and item.name.startswith("crash") for item in batch):
            os._exit(3)  # a worker killed mid-batch, as the OOM killer does
        return [item if isinstance(item, Failure) else Document(doc_id=item.name, text="x", source=item.name)
                for item in batch]


def _stub(nlp, workers: int, batch_size: int = 1) -> _Stub:
    return _Stub(load_settings().with_overrides(workers=workers, batch_size=batch_size), nlp=nlp)


def _sources(*names: str) -> list[Source]:
    return [Source(name, "Russia attacked Ukraine.") for name in names]


def test_a_worker_dying_fails_its_batch_and_the_run_goes_on(nlp):
    results = list(_stub(nlp, workers=2).run(_sources("a.txt", "b.txt", "crash.txt", "c.txt", "d.txt")))
    assert [r.source if isinstance(r, Document) else r.input for r in results] == [
        "a.txt", "b.txt", "crash.txt", "c.txt", "d.txt"]
    assert [type(r) for r in results] == [Document, Document, Failure, Document, Document]
    assert "worker process died" in results[2].problem


def test_a_worker_dying_once_is_retried_in_a_fresh_one(nlp, tmp_path):
    marker = tmp_path / "died-once"

    class DiesOnce(_Stub):
        def process_batch(self, batch):
            if batch[0].name == "crash.txt" and not marker.exists():
                marker.touch()
                os._exit(3)
            return [Document(doc_id=item.name, text="x", source=item.name) for item in batch]

    pipeline = DiesOnce(load_settings().with_overrides(workers=2, batch_size=1), nlp=nlp)
    results = list(pipeline.run(_sources("a.txt", "crash.txt", "b.txt")))
    assert [(type(r), r.source) for r in results] == [(Document, "a.txt"), (Document, "crash.txt"),
                                                      (Document, "b.txt")]


def test_no_more_workers_than_batches(nlp, monkeypatch):
    sizes: list[int] = []
    pool = _workers._pool
    monkeypatch.setattr(_workers, "_pool", lambda n: sizes.append(n) or pool(n))
    # the most workers the settings allow (4 per core, at least 4), asked for 3 batches: 3 are started
    results = list(_stub(nlp, workers=max_workers()).run(_sources("a.txt", "b.txt", "c.txt")))
    assert len(results) == 3 and sizes == [3]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# A run whose two workers take a minute over each batch, as a long ingest's do.
_SLOW_RUN = """
import time, spacy
from diplograph.model import Source
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings

class Slow(Pipeline):
    def process_batch(self, batch):
        time.sleep(60)
        return []

settings = load_settings().with_overrides(workers=2, batch_size=1)
list(Slow(settings, nlp=spacy.blank("en")).run([Source(f"{n}.txt", "text") for n in range(8)]))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc (Linux)")
def test_workers_end_when_their_parent_is_killed():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-c", _SLOW_RUN], env=env)
    try:
        deadline = time.monotonic() + 30
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) >= 2, "the run never started its workers"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers)
    finally:
        parent.kill()
        for pid in _children(parent.pid):
            os.kill(pid, signal.SIGKILL)


def test_a_batch_is_finished_in_the_worker_that_coded_it_and_comes_back_in_order(nlp):
    def finish(results):
        return [(r.source if isinstance(r, Document) else r.input, os.getpid()) for r in results]

    parent = os.getpid()
    results = list(_stub(nlp, workers=2).run(_sources("a.txt", "b.txt", "c.txt"), finish=finish))
    assert [name for name, _ in results] == ["a.txt", "b.txt", "c.txt"]
    assert all(pid != parent for _, pid in results)
    alone = list(_stub(nlp, workers=1).run(_sources("a.txt"), finish=finish))  # one process: finished here
    assert alone == [("a.txt", parent)]
