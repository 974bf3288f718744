"""Articles per second of `diplograph ingest --cluster local:1` against `local:2`, and the cost model's terms.

The corpus is bench/throughput.py's (real English news articles from ../shared/eval, one text file
each). For each cluster size the workers load the model first (timed, each in its own worker: the
seconds and the resident memory it adds), then the whole ingest path is timed as the CLI runs it
(the client reads the files, skips none, sends batches, writes each result to a fresh store in input
order, links it). Printed per size: articles/s, the ratio of 2 workers to 1, the CPU the client
process spends per article (storing, and the scheduler of the LocalCluster, which runs in it) and
each worker's peak resident memory; then what grows with N machines: the model load per worker, the
store's single writer (seconds per document of Store.put_many of batches prepared as the workers
prepare them, linking included, measured alone on the same documents), and the bytes of one prepared
document as it crosses the network (pickled, as Dask sends it).

Usage: PYTHONPATH=. python bench/cluster.py [--n 300]
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus

from diplograph.batch import ingest
from diplograph.cluster.address import connect
from diplograph.cluster.runner import run_on_cluster
from diplograph.cluster.tasks import PipelineSpec, pipeline_for
from diplograph.ingest import iter_sources
from diplograph.model import Document
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings
from diplograph.store import Store, source_key
from diplograph.store.prepared import Prepared, prepare, prepare_results
from diplograph.store.shared import ReleasingStore


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _load(spec: PipelineSpec) -> tuple[float, float]:
    """On a worker: (seconds, MB of resident memory) its first pipeline_for takes: the model's load."""
    before, t0 = _rss_mb(), time.perf_counter()
    pipeline_for(spec)
    return time.perf_counter() - t0, _rss_mb() - before


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def run(folder: str, workers: int, pipeline: Pipeline, db: Path) -> dict:
    """One timed ingest of ``folder`` on ``local:workers``; its figures and the documents it stored."""
    with connect(f"local:{workers}") as client:
        client.wait_for_workers(workers)
        spec = PipelineSpec.of(pipeline)
        loads = client.gather([client.submit(_load, spec, workers=[address], pure=False)
                               for address in client.nthreads()])
        documents: list[Document] = []

        def kept(items):
            for result in run_on_cluster(client, pipeline, items, finish=prepare_results):
                if isinstance(result, Prepared):
                    documents.append(result.document)
                yield result

        t0, cpu0 = time.perf_counter(), time.process_time()
        with ReleasingStore(db, settings=pipeline.settings) as store:
            summary = ingest(iter_sources([folder], pipeline.settings), store, pipeline, run=kept)
        seconds, client_cpu = time.perf_counter() - t0, time.process_time() - cpu0
        peaks = client.run(_peak_mb)
    return {"seconds": seconds, "client_cpu": client_cpu, "summary": summary, "loads": loads,
            "peaks": sorted(peaks.values()),
            "documents": documents}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="articles in the corpus (default 300)")
    args = parser.parse_args()
    texts = corpus(args.n)
    print(f"corpus: {len(texts)} articles, {sum(map(len, texts)) / len(texts):.0f} characters on average")
    pipeline = Pipeline(load_settings())
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:04d}.txt").write_text(text, "utf-8")
        for workers in (1, 2):
            r = results[workers] = run(str(folder), workers, pipeline, Path(tmp) / f"local{workers}.duckdb")
            rate = len(texts) / r["seconds"]
            print(f"local:{workers}: {rate:5.1f} articles/s ({r['summary'].line()}); client and scheduler "
                  f"{r['client_cpu'] / len(texts) * 1000:.1f} ms CPU per article; peak RSS per worker "
                  + ", ".join(f"{mb:.0f} MB" for mb in r["peaks"]))
            r["rate"] = rate
        print(f"ratio local:2 / local:1: {results[2]['rate'] / results[1]['rate']:.2f}")

        loads = [load for r in results.values() for load in r["loads"]]
        print(f"model load per worker: {statistics.mean(s for s, _ in loads):.1f} s, "
              f"{statistics.mean(mb for _, mb in loads):.0f} MB (mean of {len(loads)} workers)")

        documents = results[1]["documents"]
        mentions = sum(len(d.events) for d in documents)
        prepared = [prepare(d) for d in documents]  # as the workers send them
        size = pipeline.settings.batch_size
        t0, cpu0 = time.perf_counter(), time.process_time()
        with Store(Path(tmp) / "writer.duckdb") as store:  # as the client stores them: a batch at a time
            for start in range(0, len(documents), size):
                batch = documents[start:start + size]
                store.put_many(batch, keys=[source_key(d.source or d.doc_id, d.text) for d in batch],
                               prepared=prepared[start:start + size])
        per_doc, cpu = (time.perf_counter() - t0) / len(documents), (time.process_time() - cpu0) / len(documents)
        print(f"store writer: {per_doc * 1000:.1f} ms per document ({cpu * 1000:.1f} ms CPU; Store.put_many of "
              f"prepared batches of {size}, linking included), {mentions / len(documents):.1f} mentions per "
              f"document: at most {1 / per_doc:.0f} documents/s, the rate of {1 / per_doc / results[1]['rate']:.0f} "
              "workers like these")
        sizes = [len(pickle.dumps(p, protocol=5)) for p in prepared]
        sent = statistics.mean(len(t.encode()) for t in texts)
        print(f"network: {statistics.mean(sizes) / 1024:.1f} KB per prepared document (pickled; median "
              f"{statistics.median(sizes) / 1024:.1f} KB), {sent / 1024:.1f} KB of text sent per article")


if __name__ == "__main__":
    main()
