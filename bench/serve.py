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

Every request is bounded by ``--timeout`` (a request that takes longer is an error) and each phase by
``--seconds`` plus that timeout. Each phase says whether the issue's target (300 ms at p95) is met,
and what share of the answers came within 300 ms.

    PYTHONPATH=. python bench/serve.py                       # 100,000 events, 50 clients for 60 s
    PYTHONPATH=. python bench/serve.py --events 20000 --seconds 10
    PYTHONPATH=. python bench/serve.py --db /tmp/bench.duckdb   # keep the store for the next run
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from linking import replicas

from diplograph.store import Store, articles
from diplograph.store.db import _insert_actors, _insert_document, _insert_events, _insert_quotes
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
        for doc in docs:
            _insert_document(cur, doc, doc.published)
            _insert_actors(cur, doc)
            _insert_events(cur, doc)
            _insert_quotes(cur, doc)
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


def endpoints(base: httpx.Client) -> list[str]:
    total = base.get("/api/events", params={"limit": 1}).json()["total"]
    event = base.get("/api/events", params={"limit": 1, "offset": total // 2}).json()["items"][0]
    docs = base.get("/api/documents", params={"limit": 1}).json()["total"]
    doc = base.get("/api/documents", params={"limit": 1, "offset": docs // 2}).json()["items"][0]["doc_id"]
    return [
        "/", "/api/events", "/api/events?offset=5000", "/api/events?dyad=RUS-UKR&since=2023-01&until=2023-03",
        "/api/events?actor=COL&quad=1", "/api/events?min_sources=3&root=19", f"/api/events/{event['link_id']}",
        "/api/documents", f"/api/documents/{doc}", "/api/documents?q=prisoners", "/api/quotes?speaker=Putin",
        "/api/actors?country=RUS", "/api/dyad?a=RUS&b=UKR&interval=week", "/api/dyad?a=RUS&b=COL&interval=month",
        "/api/relations?country=RUS", "/api/graph", "/api/places",
    ]


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


def one_at_a_time(url: str, paths: list[str], requests: int, timeout: float) -> None:
    everything: list[float] = []
    with httpx.Client(base_url=url, timeout=timeout) as client:
        for path in paths:
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                try:
                    answer = client.get(path)
                    if answer.status_code != 200:
                        print(f"  {path}: HTTP {answer.status_code} {answer.text[:100]}")
                except httpx.HTTPError as exc:
                    print(f"  {path}: {type(exc).__name__}")
                times.append(time.perf_counter() - started)
            everything += times
            print(f"  {path:<58} {percentiles(times)}", flush=True)
    print(f"  all endpoints: {percentiles(everything)}; {target(everything)}", flush=True)


def load(url: str, paths: list[str], clients: int, seconds: float, timeout: float, think: float | None) -> None:
    """``clients`` clients asking the endpoints in turn for ``seconds``; after each answer a client waits
    a think time (exponential, mean ``think`` seconds), or none (``think`` None: a closed loop)."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def work(seed: int) -> None:
        rng = random.Random(seed)
        order = paths[:]
        rng.shuffle(order)
        mine, bad = [], []
        with httpx.Client(base_url=url, timeout=timeout) as client:
            i = 0
            if think:  # clients start spread over one think time, not all at once
                time.sleep(min(rng.expovariate(1 / think), max(0.0, stop - time.monotonic())))
            while time.monotonic() < stop:
                path = order[i % len(order)]
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
            with httpx.Client(base_url=url, timeout=30) as client:
                paths = endpoints(client)
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
