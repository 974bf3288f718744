"""How long linking mentions into events, and storing documents, take as the store grows (issue 10, item 5).

The coded events of the store test documents (tests/fixtures/store/documents.json: the seed
article and two wire reports, 16 events) are replicated: story copy ``k`` shifts every day-dated
date by 2k days (``SPACING``), every month-dated one by k months and every year-dated one by k years,
dates its undated mentions by its publication (as the coder now records them, precision "published"),
rewords its text (``_reworded``: another text, same offsets), and appears under ``--outlets`` outlets
with that text, so each happening has that many mentions from as many sources and each text that
many copies. ``--piled`` gives the data before (copies a day apart, months and years not shifted, undated
mentions, one text for all): its month-, year- and un-dated mentions pile into four events of 1/16 of
all mentions each, and every document is a copy of 1/3 of the others.

The mentions are written to the events table first (not timed); then each document is linked as
``Store.add`` links it (``link_document`` with the Store's ``LinkCache``, in a transaction of its own,
one after another, the store growing), and the time is printed at each size asked for: wall seconds,
per mention, the process's CPU seconds (steadier on a busy machine), the marginal cost per mention
since the size before, and the linked events found. Finally the whole store is linked again from
scratch (``link_all``) as a check and a second figure.

With ``--put N``, the cost of storing a document as ``ingest`` does is timed instead: for each size,
a store holding that many mentions is filled at once (tables written, then copies, links with their
counts and stories made from scratch), and the next ``N`` documents
of the series are stored with ``Store.put`` one after another (each its own transaction): wall ms per
document (median, mean, p90), CPU ms per document, and the CPU ms per document of each part: rows
(documents, actors, events, quotes, articles), copies, linking, stories, articles (a republication's
date), counts (the kept linked events' counts), other (put's own lookups, the sources row, the commit).
Flat across sizes is the aim: a GDELT day is 730,000 articles, and the store has one writer.

    PYTHONPATH=. python bench/linking.py --sizes 10000 30000 100000
    PYTHONPATH=. python bench/linking.py --sizes 10000 30000 100000 --put 100
    PYTHONPATH=. python bench/linking.py --sizes 10000 30000 100000 --put 96 --batch 32
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import string
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from diplograph.model import Document
from diplograph.store import Store, articles, copies, db, linked_counts, stories
from diplograph.store.db import _event_row, _insert_rows
from diplograph.store.linking import _bulk, link_all, link_document

DOCUMENTS = Path(__file__).parents[1] / "tests" / "fixtures" / "store" / "documents.json"


# Days between two story copies. Two: a mention dated only by its article's publication links with
# one a day away (``link_published_tolerance_days``), so copies a day apart would chain every copy's
# publication-dated mentions into one event across the whole series.
SPACING = 2


def _shift(value: str | None, copy: int, *, piled: bool = False) -> str | None:
    """A date of story copy ``copy``: a day SPACING * ``copy`` days later, a month ``copy`` months later,
    a year ``copy`` years later, so each copy's happening is its own at every precision.

    ``piled``: the data before, copies one day apart whose months and years stay as they are: every
    copy's month-dated mention then links into one event (1/16 of all mentions), and so do its
    publication-dated ones, chained a day at a time."""
    if not value:
        return value
    if len(value) == 10:
        days = copy if piled else SPACING * copy
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    if piled:
        return value
    if len(value) == 7:
        months = int(value[:4]) * 12 + int(value[5:7]) - 1 + copy
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if len(value) == 4:
        return f"{int(value) + copy:04d}"
    return value


def _reworded(text: str, copy: int) -> str:
    """The text of story copy ``copy``: every ASCII letter replaced through a permutation of the
    alphabet drawn for that copy, so the copies' texts share no shingle (each story copy's outlets share
    it: a syndicated text, a copy group of ``--outlets`` documents, as ``store/copies.py`` finds them)
    while every offset of the coded record stays right."""
    letters = string.ascii_lowercase
    order = random.Random(copy).sample(letters, len(letters))
    table = str.maketrans(letters + letters.upper(), "".join(order) + "".join(order).upper())
    return text.translate(table)


def replicas(total: int, outlets: int, *, piled: bool = False) -> list[Document]:
    """Copies of the base documents until ``total`` mentions: (shift k, outlet j) for k, then j.

    ``piled``: the data before, where every story copy has the same text (all copies of one article)
    and the same month- and year-dated mentions."""
    base = json.loads(DOCUMENTS.read_text("utf-8"))
    docs: list[Document] = []
    mentions, k = 0, 0
    while mentions < total:
        for j in range(outlets):
            for record in base:
                r = json.loads(json.dumps(record))
                r["doc_id"] = f"{record['doc_id'][:8]}-{k}-{j}"
                r["outlet"] = f"Outlet {j}"
                r["published"] = _shift(r.get("published"), k, piled=piled)
                if not piled:
                    r["text"] = _reworded(r["text"], k)
                for event in r["events"]:
                    event["date"] = _shift(event.get("date"), k, piled=piled)
                    if not event["date"] and not piled:  # as the coder dates them now: by the article
                        event["date"], event["date_precision"] = r["published"], "published"
                docs.append(Document.from_record(r))
                mentions += len(r["events"])
                if mentions >= total:
                    return docs
        k += 1
    return docs


# The parts of Store.put, timed apart: (part, module, function name) — each function as db.py calls it.
_PARTS = (
    ("rows", db, "_insert_rows"), ("copies", copies, "link_copy"), ("linking", db, "event_rows"),
    ("linking", db, "link_document"), ("stories", stories, "add_documents"), ("articles", copies, "republished"),
    ("counts", linked_counts, "touched"), ("counts", linked_counts, "refresh"),
)
PART_NAMES = ("rows", "copies", "linking", "stories", "articles", "counts")


@contextmanager
def _timed_parts(cpu: dict[str, float]) -> Iterator[None]:
    """While open, each part of Store.put adds its CPU seconds to ``cpu[part]``."""
    saved = [(module, name, getattr(module, name)) for _, module, name in _PARTS]

    def timed(part: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                cpu[part] = cpu.get(part, 0.0) + time.process_time() - started
        return run

    for part, module, name in _PARTS:
        setattr(module, name, timed(part, getattr(module, name)))
    try:
        yield
    finally:
        for module, name, function in saved:
            setattr(module, name, function)


def _fill_copies(cur: Any, docs: list[Document]) -> None:
    """The copies of ``docs`` as ``copies.refresh`` makes them, at once: the documents of one text are one
    group under its earliest (by published, doc_id); texts of other story copies share no shingle
    (``_reworded``). ``copies.refresh`` links document after document: minutes at 100,000 mentions."""
    by_text: dict[str, list[Document]] = {}
    for doc in docs:
        by_text.setdefault(doc.text, []).append(doc)
    rows, bands = [], []
    for text, members in by_text.items():
        sig = copies.signature(text)
        dated = [(doc.doc_id, db._as_date(doc.published, doc, "published")) for doc in members]
        original = min(dated, key=copies._age)[0]
        rows += [(doc_id, original, published, copies._to_bytes(sig)) for doc_id, published in dated]
        bands += [(key, doc_id) for key in copies.band_keys(sig) for doc_id, _ in dated]
    _bulk(cur, "doc_copies", "doc_id, copy_of, published, signature", rows)
    _bulk(cur, "doc_bands", "band_key, doc_id", bands)
    cur.execute("INSERT OR REPLACE INTO meta VALUES ('copies', ?)", [copies._MADE_WITH])


def put_cost(sizes: list[int], outlets: int, count: int, *, piled: bool = False, batch: int = 1) -> None:
    """Per size: a store of that many mentions filled at once, then ``count`` more documents put one by
    one (``batch`` > 1: ``batch`` at a time with ``Store.put_many``, as ``ingest`` stores a batch); wall ms
    per document (median, mean, p90), CPU ms per document, and CPU ms per document of each part
    of Store.put (``other``: its own lookups, the sources row and the commit)."""
    print(f"{'mentions':>9} {'docs':>6} {'put ms median':>13} {'mean':>7} {'p90':>7} {'cpu ms mean':>11}  "
          + " ".join(f"{name:>8}" for name in (*PART_NAMES, "other")) + "  (cpu ms per document)", flush=True)
    for size in sizes:
        docs = replicas(size, outlets, piled=piled)
        more = replicas(size + 20 * count, outlets, piled=piled)[len(docs):][:count]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.duckdb"
            with Store(path) as store, store._transaction() as cur:
                db._insert_documents(cur, docs)
                articles.fill(cur)
                _fill_copies(cur, docs)  # a new Store recorded its (empty) copies and stories as made already
                link_all(cur, store.link_rules)  # and counts the linked events
                stories.rebuild(cur)
            with Store(path) as store:
                times, cpu = [], 0.0
                parts: dict[str, float] = {}
                with _timed_parts(parts):
                    for start in range(0, len(more), batch):
                        chunk = more[start:start + batch]
                        started, cpu_started = time.perf_counter(), time.process_time()
                        if batch == 1:
                            store.put(chunk[0])
                        else:
                            store.put_many(chunk)
                        times += [(time.perf_counter() - started) / len(chunk)] * len(chunk)
                        cpu += time.process_time() - cpu_started
            ms = sorted(1000 * t for t in times)
            split = [1000 * parts.get(name, 0.0) / len(ms) for name in PART_NAMES]
            split.append(1000 * cpu / len(ms) - sum(split))
            print(f"{size:>9} {len(docs):>6} {statistics.median(ms):>13.1f} {statistics.fmean(ms):>7.1f} "
                  f"{ms[int(0.9 * (len(ms) - 1))]:>7.1f} {1000 * cpu / len(ms):>11.1f}  "
                  + " ".join(f"{value:>8.1f}" for value in split), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--outlets", type=int, default=5, help="outlets reporting each story copy")
    parser.add_argument("--from-scratch", action="store_true",
                        help="only time link_all on a fresh store of each size (a store linked once, as an "
                             "old store is when next opened for writing)")
    parser.add_argument("--put", type=int, metavar="N",
                        help="time Store.put of N more documents on a store filled to each size (ms per document)")
    parser.add_argument("--batch", type=int, default=1, metavar="B",
                        help="with --put: store them B at a time with Store.put_many, as ingest does (wall ms "
                             "per document: a batch's time over its documents)")
    parser.add_argument("--piled", action="store_true",
                        help="the data before: every story copy with the same text and the same month- and "
                             "year-dated mentions (each month-dated mention of the series links into one event)")
    args = parser.parse_args()
    if args.put:
        put_cost(sorted(args.sizes), args.outlets, args.put, piled=args.piled, batch=args.batch)
        return
    if args.from_scratch:
        print(f"{'mentions':>9} {'seconds':>8} {'us/mention':>10} {'cpu s':>8} {'events':>7}  (link_all)")
        for size in sorted(args.sizes):
            with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
                docs = replicas(size, args.outlets, piled=args.piled)
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
    docs = replicas(max(args.sizes), args.outlets, piled=args.piled)
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
