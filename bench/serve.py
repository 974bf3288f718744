"""How fast the explorer's API answers over a store of 100,000 events (issue 11, Safety and speed).

The store is filled with the replicated store test documents of bench/linking.py (story copy ``k``
shifted by ``k`` days, under ``--outlets`` outlets), written straight to the tables and linked once
with ``link_all`` (copies and stories are not computed: the API's reads do not need them). Then
``diplograph serve`` is started on 127.0.0.1 on a free port in a process of its own, and

1. each endpoint is asked ``--requests`` times, one request at a time: p50/p95 per endpoint;
2. closed loop: ``--clients`` clients (threads, one connection each) ask the endpoints in turn for
   ``--seconds`` seconds, each sending its next request as soon as the last is answered: the server's
   throughput (answers a second) and p50/p95 when it is never idle;
3. paced: as many clients for as long, each waiting a think time after each answer, drawn from an
   exponential distribution of mean ``--think`` seconds (an analyst clicking): p50/p95 and errors.

Every request's parameters are drawn afresh from the store (:class:`Draws`: random dyads, actors,
countries, codes, date ranges, pages, event and document ids, search words), so that no cache of
DuckDB's (or any other) answers the same question twice and flatters the figures.

Every request is bounded by ``--timeout`` (a request that takes longer is an error) and each phase by
``--seconds`` plus that timeout. Each phase says whether the issue's target (300 ms at p95) is met,
and what share of the answers came within 300 ms.

    PYTHONPATH=. python bench/serve.py                       # 100,000 events, 50 clients for 60 s
    PYTHONPATH=. python bench/serve.py --events 20000 --seconds 10
    PYTHONPATH=. python bench/serve.py --db /tmp/bench.duckdb   # keep the store for the next run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).parent))
from linking import replicas

from diplograph.store import Store, articles
from diplograph.store.db import _insert_documents
from diplograph.store.linking import link_all


def fill(path: Path, events: int, outlets: int) -> None:
    if path.exists():  # opened for writing: an older store is brought up to date (its counts kept)
        with Store(path) as store, store.cursor() as cur:
            (have,) = cur.execute("SELECT count(*) FROM events").fetchone() or (0,)
        if have >= events:
            print(f"{path}: {have} events already", flush=True)
            return
        path.unlink()
    started = time.perf_counter()
    docs = replicas(events, outlets)
    with Store(path) as store, store._transaction() as cur:
        _insert_documents(cur, docs)
        articles.fill(cur)
        link_all(cur, store.link_rules)
    with Store(path, read_only=True) as store, store.cursor() as cur:
        (linked,) = cur.execute("SELECT count(*) FROM linked_events").fetchone() or (0,)
    print(f"{path}: {len(docs)} documents, {sum(len(d.events) for d in docs)} mentions, {linked} linked events, "
          f"filled in {time.perf_counter() - started:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Draws:
    """Values drawn from the store for the requests' parameters (read once, before the server starts)."""

    def __init__(self, path: Path, sample: int = 2000) -> None:
        with duckdb.connect(str(path), read_only=True) as con:
            def column(sql: str) -> list:
                return [value for (value,) in con.execute(sql).fetchall() if value not in (None, "")]

            self.events = con.execute("SELECT count(*) FROM linked_events").fetchone()[0]
            self.documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            self.link_ids = column(f"SELECT link_id FROM linked_event_counts USING SAMPLE {sample} ROWS")
            self.doc_ids = column(f"SELECT doc_id FROM documents USING SAMPLE {sample} ROWS")
            self.dyads = con.execute("SELECT DISTINCT source_country, target_country FROM events WHERE "
                                     "source_country IS NOT NULL AND target_country IS NOT NULL "
                                     "AND source_country <> target_country").fetchall()
            self.countries = column("SELECT DISTINCT source_country FROM events")
            self.actors = column("SELECT DISTINCT source_code FROM events")
            self.roots = column("SELECT DISTINCT root FROM events")
            self.codes = column("SELECT DISTINCT cameo FROM events")
            self.speakers = column("SELECT DISTINCT coalesce(speaker_name, speaker_text) FROM quotes")
            words = {w.strip(".,;:'\"()").lower() for (title,) in con.execute("SELECT title FROM documents "
                     f"USING SAMPLE {sample} ROWS").fetchall() if title for w in title.split()}
            self.words = sorted(w for w in words if len(w) >= 5 and w.isalpha())
            first, last = con.execute("SELECT min(day), max(day) FROM event_rows").fetchone()
        self.first, self.days = first, max(1, (last - first).days)

    def period(self, rng: random.Random) -> str:
        since = self.first + dt.timedelta(days=rng.randrange(self.days))
        until = since + dt.timedelta(days=rng.randint(7, 120))
        return f"since={since.isoformat()}&until={until.isoformat()}"

    def paths(self) -> dict[str, Callable[[random.Random], str]]:
        """Each endpoint, as a maker of one request's path with fresh parameters."""
        def dyad(rng: random.Random) -> str:
            return "{}-{}".format(*rng.choice(self.dyads))

        def some_period(rng: random.Random, sep: str) -> str:  # half the requests over a period
            return sep + self.period(rng) if rng.random() < 0.5 else ""

        return {
            "/": lambda rng: "/",
            "/api/events?offset=N": lambda rng: f"/api/events?offset={rng.randrange(max(1, self.events - 50))}",
            "/api/events?dyad=A-B&since&until": lambda rng: f"/api/events?dyad={dyad(rng)}&{self.period(rng)}",
            "/api/events?actor=X&quad=Q":
                lambda rng: f"/api/events?actor={rng.choice(self.actors)}&quad={rng.randint(1, 4)}",
            "/api/events?min_sources=N&root=R":
                lambda rng: f"/api/events?min_sources={rng.randint(1, 4)}&root={rng.choice(self.roots)}",
            "/api/events?code=C&since&until":
                lambda rng: f"/api/events?code={rng.choice(self.codes)}&{self.period(rng)}",
            "/api/events/ID": lambda rng: f"/api/events/{rng.choice(self.link_ids)}",
            "/api/documents?offset=N":
                lambda rng: f"/api/documents?offset={rng.randrange(max(1, self.documents - 50))}",
            "/api/documents/ID": lambda rng: f"/api/documents/{quote(rng.choice(self.doc_ids))}",
            "/api/documents?q=WORD": lambda rng: f"/api/documents?q={quote(rng.choice(self.words))}",
            "/api/quotes?speaker=S": lambda rng: f"/api/quotes?speaker={quote(rng.choice(self.speakers))}",
            "/api/actors?country=C": lambda rng: f"/api/actors?country={rng.choice(self.countries)}",
            "/api/dyad?a&b&interval": lambda rng: "/api/dyad?a={}&b={}&interval={}".format(
                *rng.choice(self.dyads), rng.choice(("day", "week", "month"))),
            "/api/relations?country=C[&since&until]":
                lambda rng: f"/api/relations?country={rng.choice(self.countries)}{some_period(rng, '&')}",
            "/api/graph[?since&until]": lambda rng: f"/api/graph{some_period(rng, '?')}",
            "/api/places[?since&until]": lambda rng: f"/api/places{some_period(rng, '?')}",
        }


TARGET = 0.300  # seconds: the bound at p95


def percentiles(times: list[float]) -> str:
    if not times:
        return "no answers"
    ms = sorted(1000 * t for t in times)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"p50 {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms"


def target(times: list[float]) -> str:
    """Whether p95 is within TARGET, and the share of answers within it."""
    if not times:
        return "300 ms target: no answers"
    ms = sorted(times)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    within = sum(t <= TARGET for t in times) / len(times)
    return f"300 ms at p95: {'met' if p95 <= TARGET else 'NOT met'} ({100 * within:.1f}% of answers within 300 ms)"


def one_at_a_time(url: str, paths: dict[str, Callable[[random.Random], str]], requests: int,
                  timeout: float) -> None:
    everything: list[float] = []
    rng = random.Random(0)
    with httpx.Client(base_url=url, timeout=timeout) as client:
        for name, make in paths.items():
            times = []
            for _ in range(requests):
                path = make(rng)
                started = time.perf_counter()
                try:
                    answer = client.get(path)
                    if answer.status_code != 200:
                        print(f"  {path}: HTTP {answer.status_code} {answer.text[:100]}")
                except httpx.HTTPError as exc:
                    print(f"  {path}: {type(exc).__name__}")
                times.append(time.perf_counter() - started)
            everything += times
            print(f"  {name:<58} {percentiles(times)}", flush=True)
    print(f"  all endpoints: {percentiles(everything)}; {target(everything)}", flush=True)


def load(url: str, paths: dict[str, Callable[[random.Random], str]], clients: int, seconds: float, timeout: float,
         think: float | None) -> None:
    """``clients`` clients asking the endpoints in turn for ``seconds``; after each answer a client waits
    a think time (exponential, mean ``think`` seconds), or none (``think`` None: a closed loop)."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def work(seed: int) -> None:
        rng = random.Random(seed)
        order = list(paths.values())
        rng.shuffle(order)
        mine, bad = [], []
        with httpx.Client(base_url=url, timeout=timeout) as client:
            i = 0
            if think:  # clients start spread over one think time, not all at once
                time.sleep(min(rng.expovariate(1 / think), max(0.0, stop - time.monotonic())))
            while time.monotonic() < stop:
                path = order[i % len(order)](rng)
                i += 1
                started = time.perf_counter()
                try:
                    answer = client.get(path)
                    if answer.status_code != 200:
                        bad.append(f"{path}: HTTP {answer.status_code}")
                except httpx.HTTPError as exc:
                    bad.append(f"{path}: {type(exc).__name__}")
                mine.append(time.perf_counter() - started)
                if think:
                    time.sleep(min(rng.expovariate(1 / think), max(0.0, stop - time.monotonic())))
        with lock:
            times.extend(mine)
            errors.extend(bad)

    started = time.monotonic()
    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:  # each phase bounded: its seconds, then one request's timeout at most
        t.join(max(0.0, stop + timeout + 5 - time.monotonic()))
    elapsed = time.monotonic() - started
    hung = sum(t.is_alive() for t in threads)
    with lock:
        done, failed = list(times), list(errors)
    print(f"  {clients} clients, {seconds:.0f} s: {len(done)} requests ({len(done) / elapsed:.1f}/s), "
          f"{len(failed)} errors{f', {hung} clients still waiting' if hung else ''}; {percentiles(done)}")
    print(f"  {target(done)}", flush=True)
    for line in sorted(set(failed))[:10]:
        print(f"    error: {line} (x{failed.count(line)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="mentions in the store")
    parser.add_argument("--outlets", type=int, default=1, help="outlets reporting each story copy (more: fewer "
                                                                     "linked events for as many mentions)")
    parser.add_argument("--db", help="store file (kept; default a temporary file)")
    parser.add_argument("--requests", type=int, default=20, help="requests per endpoint, one at a time")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0,
                        help="how long the clients ask in each load phase (at most 600)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="paced clients: mean seconds between an answer and the next request (exponential)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a request may take (then an error)")
    args = parser.parse_args()
    seconds = max(1.0, min(args.seconds, 600.0))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.db) if args.db else Path(folder) / "bench.duckdb"
        fill(path, args.events, args.outlets)
        paths = Draws(path).paths()
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
        server = subprocess.Popen([sys.executable, "-m", "diplograph.cli", "serve", "--db", str(path),
                                   "--port", str(port)], env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(url + "/api/documents?limit=1", timeout=5)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            print(f"one request at a time, {args.requests} per endpoint:", flush=True)
            one_at_a_time(url, paths, args.requests, args.timeout)
            print("closed loop (each client asks again as soon as answered):", flush=True)
            load(url, paths, args.clients, seconds, args.timeout, None)
            print(f"paced clients (think time exponential, mean {args.think:g} s):", flush=True)
            load(url, paths, args.clients, seconds, args.timeout, args.think)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
