"""How long linking mentions into events takes as the store grows (issue 10, item 5).

The coded events of the store test documents (tests/fixtures/store/documents.json: the seed
article and two wire reports, 16 events) are replicated: story copy ``k`` shifts every day-dated
date by ``k`` days and appears under ``--outlets`` outlets, so each happening has that many
mentions from as many sources. The mentions are written to the events table first (not timed);
then each document is linked as ``Store.add`` links it (``link_document`` with the Store's
``LinkCache``, in a transaction of its own, one after another, the store growing), and the time is
printed at each size asked for: wall seconds, per mention, the process's CPU seconds (steadier on a
busy machine), the marginal cost per mention since the size before, and the linked events found.
Finally the whole store is linked again from scratch (``link_all``) as a check and a second figure.

With ``--put N``, the cost of storing a document as ``ingest`` does is timed instead: for each size,
a store holding that many mentions is filled at once (tables written, ``link_all``, then opened as a
Store, which computes copies, stories and the linked events' counts), and the next ``N`` documents
of the series are stored with ``Store.put`` one after another (each its own transaction: copies,
linking, stories, articles and the kept counts): ms per document, median and mean. Flat across sizes
is the aim (issue 10: the per-document cost of linking must not grow with the store).

    PYTHONPATH=. python bench/linking.py --sizes 10000 30000 100000
    PYTHONPATH=. python bench/linking.py --sizes 10000 100000 --put 200
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from diplograph.model import Document
from diplograph.store import Store, articles
from diplograph.store.db import (
    _event_row,
    _insert_actors,
    _insert_document,
    _insert_events,
    _insert_quotes,
    _insert_rows,
)
from diplograph.store.linking import link_all, link_document

DOCUMENTS = Path(__file__).parents[1] / "tests" / "fixtures" / "store" / "documents.json"


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) != 10:
        return value  # a month or a year stays as it is
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def replicas(total: int, outlets: int) -> list[Document]:
    """Copies of the base documents until ``total`` mentions: (shift k, outlet j) for k, then j."""
    base = json.loads(DOCUMENTS.read_text("utf-8"))
    docs: list[Document] = []
    mentions, k = 0, 0
    while mentions < total:
        for j in range(outlets):
            for record in base:
                r = json.loads(json.dumps(record))
                r["doc_id"] = f"{record['doc_id'][:8]}-{k}-{j}"
                r["outlet"] = f"Outlet {j}"
                r["published"] = _shift(r.get("published"), k)
                for event in r["events"]:
                    event["date"] = _shift(event.get("date"), k)
                docs.append(Document.from_record(r))
                mentions += len(r["events"])
                if mentions >= total:
                    return docs
        k += 1
    return docs


def put_cost(sizes: list[int], outlets: int, count: int) -> None:
    """Per size: a store of that many mentions filled at once, then ``count`` more documents put one by one."""
    print(f"{'mentions':>9} {'docs':>6} {'put ms median':>13} {'mean':>7} {'p90':>7} {'cpu ms mean':>11}", flush=True)
    for size in sizes:
        docs = replicas(size, outlets)
        more = replicas(size + 20 * count, outlets)[len(docs):][:count]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.duckdb"
            with Store(path) as store, store._transaction() as cur:
                for doc in docs:
                    _insert_document(cur, doc, doc.published)
                    _insert_actors(cur, doc)
                    _insert_events(cur, doc)
                    _insert_quotes(cur, doc)
                articles.fill(cur)
                link_all(cur, store.link_rules)
            with Store(path) as store:  # copies, stories and counts brought up to date, as for an older store
                times, cpu = [], 0.0
                for doc in more:
                    started, cpu_started = time.perf_counter(), time.process_time()
                    store.put(doc)
                    times.append(time.perf_counter() - started)
                    cpu += time.process_time() - cpu_started
            ms = sorted(1000 * t for t in times)
            print(f"{size:>9} {len(docs):>6} {statistics.median(ms):>13.1f} {statistics.fmean(ms):>7.1f} "
                  f"{ms[int(0.9 * (len(ms) - 1))]:>7.1f} {1000 * cpu / len(ms):>11.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--outlets", type=int, default=5, help="outlets reporting each story copy")
    parser.add_argument("--from-scratch", action="store_true",
                        help="only time link_all on a fresh store of each size (a store linked once, as an "
                             "old store is when next opened for writing)")
    parser.add_argument("--put", type=int, metavar="N",
                        help="time Store.put of N more documents on a store filled to each size (ms per document)")
    args = parser.parse_args()
    if args.put:
        put_cost(sorted(args.sizes), args.outlets, args.put)
        return
    if args.from_scratch:
        print(f"{'mentions':>9} {'seconds':>8} {'us/mention':>10} {'cpu s':>8} {'events':>7}  (link_all)")
        for size in sorted(args.sizes):
            with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
                docs = replicas(size, args.outlets)
                with store._transaction() as cur:
                    rows = [_event_row(d, e) for d in docs for e in d.events]
                    for start in range(0, len(rows), 2000):
                        _insert_rows(cur, "events", rows[start:start + 2000])
                with store._transaction() as cur:
                    started, cpu = time.perf_counter(), time.process_time()
                    events = link_all(cur)
                    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
                print(f"{len(rows):>9} {elapsed:>8.2f} {1e6 * elapsed / len(rows):>10.1f} {cpu:>8.2f} {events:>7}",
                      flush=True)
        return
    docs = replicas(max(args.sizes), args.outlets)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        with store._transaction() as cur:
            rows = [_event_row(d, e) for d in docs for e in d.events]
            for start in range(0, len(rows), 2000):
                _insert_rows(cur, "events", rows[start:start + 2000])
        print(f"{len(docs)} documents, {len(rows)} mentions, {args.outlets} outlets per story copy")
        print(f"{'mentions':>9} {'seconds':>8} {'us/mention':>10} {'cpu s':>8} {'marginal us':>11} {'events':>7}",
              flush=True)
        sizes = sorted(args.sizes)
        done, elapsed, cpu = 0, 0.0, 0.0
        last = (0, 0.0)  # mentions and seconds at the size printed before: the marginal cost since
        for doc in docs:
            started, cpu_started = time.perf_counter(), time.process_time()
            with store._transaction() as cur:  # one transaction per document, as Store.add
                link_document(cur, doc.doc_id, store.link_rules, store._link_cache)
            elapsed += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            done += len(doc.events)
            while sizes and done >= sizes[0]:
                with store.cursor() as cur:
                    (events,) = cur.execute("SELECT count(DISTINCT link_id) FROM event_links").fetchone() or (0,)
                marginal = 1e6 * (elapsed - last[1]) / (done - last[0])
                print(f"{done:>9} {elapsed:>8.2f} {1e6 * elapsed / done:>10.1f} {cpu:>8.2f} {marginal:>11.1f} "
                      f"{events:>7}", flush=True)
                last = (done, elapsed)
                sizes.pop(0)
        with store._transaction() as cur:
            started, cpu_started = time.perf_counter(), time.process_time()
            events = link_all(cur)
            print(f"link_all from scratch: {done} mentions in {time.perf_counter() - started:.2f} s "
                  f"({time.process_time() - cpu_started:.2f} s cpu), {events} events")


if __name__ == "__main__":
    main()
