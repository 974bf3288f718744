"""``diplograph watch``: feeds polled politely, each item stored once, none lost across a kill.

A news site on 127.0.0.1 (tests/watch_site.py) serves an RSS feed of teasers (each item's page must
be fetched), an Atom feed of whole articles, and the pages; the tests change the feeds between polls
and read the site's log of requests (paths, times, headers).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from watch_site import ARTICLES, NewsSite, serving

from diplograph.batch import ingest
from diplograph.cli import main
from diplograph.errors import InputError
from diplograph.ingest import iter_sources
from diplograph.model import Failure
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings
from diplograph.store import Store
from diplograph.store.shared import ReleasingStore, open_store
from diplograph.watch import MAX_RETRY_AFTER, WatchSummary, feed_urls, parse_interval, retry_after_seconds, watch

ROOT = Path(__file__).resolve().parents[1]
DELAY = 0.2  # the per-host delay the in-process tests set (seconds)
ECUADOR, GERMANY, JAPAN, FRANCE, KENYA, POLAND = ARTICLES


@pytest.fixture(scope="module")
def pipeline(nlp):
    settings = load_settings().with_overrides(allow_private=True, watch_host_delay=DELAY, workers=1, timeout=10.0)
    return Pipeline(settings, nlp=nlp)


def poll(feeds: list[str], db: Path, pipeline: Pipeline, *, stop: threading.Event | None = None,
         once: bool = True) -> tuple[WatchSummary, str, list[Failure]]:
    out, failures = io.StringIO(), []
    with ReleasingStore(db, settings=pipeline.settings) as store:
        summary = watch(feeds, store, pipeline, every=60, once=once, stop=stop, out=out, on_failure=failures.append)
    return summary, out.getvalue(), failures


def stored_urls(db: Path) -> list[str]:
    with Store(db, read_only=True) as store, store.cursor() as cur:
        return sorted(url for (url,) in cur.execute("SELECT url FROM documents").fetchall())


def pages(base: str, *slugs: str) -> list[str]:
    return sorted(f"{base}/news/{slug}.html" for slug in slugs)


def test_two_polls_store_each_item_once_and_a_changed_feed_adds_only_its_new_items(tmp_path, pipeline):
    site = NewsSite(rss=[ECUADOR, GERMANY, JAPAN], atom=[FRANCE, KENYA])
    db = tmp_path / "news.duckdb"
    with serving(site) as base:
        feeds = [f"{base}/rss.xml", f"{base}/atom.xml"]
        _, first, failures = poll(feeds, db, pipeline)
        assert failures == []
        assert f"{base}/rss.xml: 3 new, 3 stored, 0 failed" in first
        assert f"{base}/atom.xml: 2 new, 2 stored, 0 failed" in first
        assert stored_urls(db) == pages(base, ECUADOR, GERMANY, JAPAN, FRANCE, KENYA)
        in_first = len(site.requests)

        _, second, _ = poll(feeds, db, pipeline)
        rss_asks, atom_asks = site.asked("/rss.xml"), site.asked("/atom.xml")
        assert rss_asks[1].headers.get("If-None-Match") == site.rss_etag()
        assert atom_asks[1].headers.get("If-Modified-Since") == site.atom_modified()
        assert f"{base}/rss.xml: 304 not modified, 0 new, 0 stored, 0 failed" in second
        assert f"{base}/atom.xml: 304 not modified, 0 new, 0 stored, 0 failed" in second
        assert len(site.requests) == in_first + 2  # the two feeds, no page again

        site.rss = [POLAND, ECUADOR, GERMANY]  # a new item on top, the oldest dropped
        _, third, _ = poll(feeds, db, pipeline)
        assert f"{base}/rss.xml: 1 new, 1 stored, 0 failed" in third
        assert stored_urls(db) == pages(base, ECUADOR, GERMANY, JAPAN, FRANCE, KENYA, POLAND)

    for slug in (ECUADOR, GERMANY, JAPAN, POLAND):  # each teaser's page fetched once in three polls
        assert len(site.asked(f"/news/{slug}.html")) == 1, slug
    for slug in (FRANCE, KENYA):  # whole in the Atom feed: no page fetched
        assert site.asked(f"/news/{slug}.html") == []
    assert all(r.headers["User-Agent"].startswith("diplograph/") for r in site.requests)
    # one host: within a poll, each request starts at least the delay after the previous one ended
    first_poll = [r.at for r in site.requests[:in_first]]
    assert min(b - a for a, b in itertools.pairwise(first_poll)) >= DELAY - 0.01


def test_a_dead_link_is_a_recorded_failure_the_rest_stored_and_it_is_tried_a_bounded_number_of_times(
        tmp_path, pipeline):
    site = NewsSite(rss=[ECUADOR, GERMANY, JAPAN], dead={GERMANY})
    db = tmp_path / "news.duckdb"
    with serving(site) as base:
        feed = f"{base}/rss.xml"
        _, first, failures = poll([feed], db, pipeline)
        assert f"{feed}: 3 new, 2 stored, 1 failed" in first
        dead = f"{base}/news/{GERMANY}.html"
        assert failures == [Failure(dead, "HTTP error 404 Not Found")]
        assert stored_urls(db) == pages(base, ECUADOR, JAPAN)
        for _ in range(3):
            _, later, _ = poll([feed], db, pipeline)
        # every item done or failed after the first poll: its ETag was saved, the feed is not fetched again
        assert [r.headers.get("If-None-Match") for r in site.asked("/rss.xml")] == [None] + [site.rss_etag()] * 3
        assert f"{feed}: 304 not modified, 0 new, 0 stored, 0 failed" in later
    assert len(site.asked(f"/news/{GERMANY}.html")) == load_settings().watch_attempts == 3
    with Store(db, read_only=True) as store, store.cursor() as cur:
        assert store.failures() == [Failure(dead, "HTTP error 404 Not Found")]
        assert cur.execute("SELECT state, attempts FROM feed_items WHERE link = ?", [dead]).fetchall() == [
            ("failed", 3)]


def test_an_item_whose_page_was_ingested_before_is_marked_done_without_a_second_document(tmp_path, pipeline):
    site = NewsSite(rss=[ECUADOR])
    db = tmp_path / "news.duckdb"
    with serving(site) as base:
        page = f"{base}/news/{ECUADOR}.html"
        with ReleasingStore(db, settings=pipeline.settings) as store:
            assert ingest(iter_sources([page], pipeline.settings), store, pipeline).stored == 1
        _, first, _ = poll([f"{base}/rss.xml"], db, pipeline)
        assert f"{base}/rss.xml: 1 new, 0 stored, 1 already stored, 0 failed" in first
        _, second, _ = poll([f"{base}/rss.xml"], db, pipeline)
        assert f"{base}/rss.xml: 304 not modified, 0 new, 0 stored, 0 failed" in second
    assert stored_urls(db) == [page]
    assert len(site.asked(f"/news/{ECUADOR}.html")) == 2  # by ingest, then once by the watcher
    with Store(db, read_only=True) as store, store.cursor() as cur:
        assert cur.execute("SELECT state, doc_id FROM feed_items").fetchall() == [("done", store.doc_ids()[0])]


def test_a_stop_during_an_item_finishes_that_item_and_starts_no_other(tmp_path, pipeline):
    site = NewsSite(rss=[ECUADOR, GERMANY, JAPAN], held=f"/news/{GERMANY}.html")
    db = tmp_path / "news.duckdb"
    stop = threading.Event()
    with serving(site) as base:
        feed = f"{base}/rss.xml"
        results: list[tuple[WatchSummary, str, list[Failure]]] = []
        watcher = threading.Thread(target=lambda: results.append(poll([feed], db, pipeline, stop=stop, once=False)))
        watcher.start()
        assert site.arrived.wait(60), "the watcher never asked for the held page"
        stop.set()  # what SIGTERM or Ctrl-C does in the command
        site.release.set()
        watcher.join(60)
        assert not watcher.is_alive()
        (summary, _, _), = results
        assert summary.rounds == 1 and summary.stored == 2
        assert site.asked(f"/news/{JAPAN}.html") == []
        assert stored_urls(db) == pages(base, ECUADOR, GERMANY)
        # the round was cut short: no ETag saved, so the next poll gets the feed again and the rest
        _, after, _ = poll([feed], db, pipeline)
        assert f"{feed}: 0 new, 1 tried again, 1 stored, 0 failed" in after
        assert [r.headers.get("If-None-Match") for r in site.asked("/rss.xml")] == [None, None]
    assert stored_urls(db) == pages(base, ECUADOR, GERMANY, JAPAN)


def test_retry_after_keeps_the_watcher_off_the_host_until_then(tmp_path, pipeline):
    site = NewsSite(rss=[ECUADOR], retry_after="120")
    db = tmp_path / "news.duckdb"
    with serving(site) as base:
        feed = f"{base}/rss.xml"
        _, first, failures = poll([feed], db, pipeline)
        assert f"round 1: {feed}: deferred (HTTP error 429 Too Many Requests; " in first
        assert failures == []  # a server asking to wait is no failure
        _, second, _ = poll([feed], db, pipeline)  # a new process (cron) remembers it from the store
        assert f"{feed}: not polled: its server asked to wait " in second
    assert len(site.asked("/rss.xml")) == 1


def test_a_page_that_is_not_a_feed_is_one_line_and_the_other_feeds_are_polled(tmp_path, capsys):
    site = NewsSite()  # an Atom feed with no item yet
    db = tmp_path / "news.duckdb"
    with serving(site) as base:
        listing = tmp_path / "feeds.txt"
        listing.write_text(f"# our feeds\n{base}/front.html\n\n{base}/atom.xml\n", encoding="utf-8")
        code = main(["watch", str(listing), "--db", str(db), "--once", "--allow-private", "--workers", "1"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert [line for line in err if "front.html" in line] == [
        f"diplograph: {base}/front.html: not an RSS or Atom feed (the answer is an HTML page)"]
    assert len(site.asked("/atom.xml")) == 1


def test_feed_arguments_and_intervals_are_checked_in_one_line(tmp_path, capsys):
    assert [parse_interval(text) for text in ("30s", "15m", "1h")] == [30, 900, 3600]
    for bad in ("15", "quarter hour", "0s", "-5m"):
        with pytest.raises(InputError, match=r"is not an interval of up to a week \(a number and s, m or h"):
            parse_interval(bad)
    with pytest.raises(SystemExit) as exited:
        main(["watch", "https://news.example/rss.xml", "--every", "5 minutes"])
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--every" in err[0] and "'5 minutes' is not an interval" in err[0]
    listing = tmp_path / "feeds.txt"
    listing.write_text("https://news.example/rss.xml\nnews.example/atom.xml\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"feeds.txt:2: not a feed URL to poll \(not an http\(s\) URL\)"):
        feed_urls([str(listing)])
    with pytest.raises(InputError, match=r"neither a feed's http\(s\) URL nor a file listing feed URLs"):
        feed_urls([str(tmp_path / "missing.txt")])


def test_retry_after_is_read_as_seconds_or_an_http_date_and_capped_at_a_day():
    now = dt.datetime(2026, 12, 6, 6, 0, tzinfo=dt.UTC)
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds("Sun, 06 Dec 2026 06:01:30 GMT", now) == 90
    assert retry_after_seconds("Sun, 06 Dec 2026 05:00:00 GMT", now) == 0  # a date passed: ask now
    assert retry_after_seconds("31536000", now) == MAX_RETRY_AFTER == 86_400
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def _lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)


def test_a_watcher_killed_mid_round_and_restarted_stores_every_item_once_and_stops_cleanly_on_sigterm(tmp_path):
    """kill -9 while an item's page is being fetched (the site holds it), restart as a loop, SIGTERM it."""
    site = NewsSite(rss=[ECUADOR, GERMANY, JAPAN, FRANCE], atom=[KENYA, POLAND], held=f"/news/{JAPAN}.html")
    db = tmp_path / "news.duckdb"
    config = tmp_path / "settings.toml"
    config.write_text("batch_size = 1\nwatch_host_delay = 0.05\n", encoding="utf-8")  # each item its own commit
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with serving(site) as base:
        argv = [sys.executable, "-m", "diplograph.cli", "watch", f"{base}/rss.xml", f"{base}/atom.xml", "--db",
                str(db), "--allow-private", "--workers", "1", "--config", str(config)]
        killed = subprocess.Popen([*argv, "--once"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert site.arrived.wait(120), "the watcher never asked for the held page"
        finally:
            killed.kill()  # SIGKILL: no handler, no cleanup
            killed.wait()
        site.held = None
        site.release.set()
        assert stored_urls(db) == pages(base, ECUADOR, GERMANY)  # committed before the kill

        watcher = subprocess.Popen([*argv, "--every", "1h"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_lines, args=(watcher.stdout, lines), daemon=True).start()
        try:
            first_round = lines.get(timeout=120)
            # between polls the watcher lets go of the store: a reader (diplograph serve) gets in
            with open_store(db, read_only=True, wait=10) as reader:
                between_polls = len(reader.doc_ids())
            watcher.send_signal(signal.SIGTERM)  # while it waits for the next round
            code = watcher.wait(60)
        finally:
            watcher.kill()
        err = watcher.stderr.read() if watcher.stderr else ""
    assert f"{base}/rss.xml: 0 new, 2 tried again, 2 stored, 0 failed" in first_round
    assert f"{base}/atom.xml: 2 new, 2 stored, 0 failed" in first_round
    assert code == 0 and between_polls == 6
    assert err.strip().splitlines()[-1] == (
        f"{db}: watched 2 feeds, 1 round: 4 stored, 0 failed, 0 answered 304 not modified, 0 polls failed")
    every_item = pages(base, ECUADOR, GERMANY, JAPAN, FRANCE, KENYA, POLAND)
    assert stored_urls(db) == every_item  # each once: none lost, none twice
    asked = {slug: len(site.asked(f"/news/{slug}.html")) for slug in (ECUADOR, GERMANY, JAPAN, FRANCE)}
    assert asked == {ECUADOR: 1, GERMANY: 1, JAPAN: 2, FRANCE: 1}  # done items never fetched again
    # the killed round saved no ETag: the restart asked for the whole feed
    assert [r.headers.get("If-None-Match") for r in site.asked("/rss.xml")] == [None, None]
