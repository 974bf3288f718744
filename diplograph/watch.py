"""Always on: poll RSS/Atom feeds, fetch their new items politely, ingest them, and again (``diplograph watch``).

A round polls each feed in turn, then ingests the items of that feed that are not stored yet, through
``batch.ingest`` into a :class:`~diplograph.store.shared.ReleasingStore` (so ``diplograph serve``
reads the same store between polls and between batches).

Polite: a feed is asked with a conditional GET (If-None-Match / If-Modified-Since with the ETag and
Last-Modified it last answered; a 304 costs neither side anything); two requests to one host are at
least ``watch_host_delay`` seconds apart; a 429 or 503 with Retry-After keeps every request off that
host until then (the feed's is remembered in the store); every request goes through ``_fetch.fetch``:
the address checks of ``extract`` (no private or loopback address unless ``allow_private``), its
User-Agent naming diplograph, its deadline and its size cap.

Never twice, never lost (the state is ``store/feeds.py``'s tables): each item of a poll is recorded as
seen; it becomes done in the transaction that stores its document, or failed in the one that records
its failure. A process killed at any moment leaves each item stored and done, or neither; the next
round tries again every item seen and not done (from the feed, or from its link once the feed has
dropped it). A failed item is tried again on later rounds, ``watch_attempts`` tries in all. A feed's
ETag is saved only once every item of that answer is done or recorded as failed: saved earlier, a 304
after a crash would hide items never ingested.

Stopping (:func:`watch`'s ``stop`` event, set by the CLI on SIGTERM or Ctrl-C): no new item is
started; the items already fetched are coded and stored, each in its transaction, and the loop ends.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import math
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from .batch import ingest
from .errors import InputError
from .ingest import sniff_kind
from .ingest._feeds import feed_entries, item_source
from .ingest._fetch import Fetched, HTTPStatusError, fetch, is_url, url_problem
from .model import Document, Failure, Source
from .pipeline import Pipeline
from .settings import Settings
from .store.db import Added
from .store.feeds import FeedState, ItemRef
from .store.prepared import Prepared
from .store.shared import ReleasingStore

__all__ = ["Deferred", "FeedRound", "Polite", "WatchSummary", "feed_urls", "parse_interval", "poll_feed",
           "retry_after_seconds", "watch"]

# The longest Retry-After honoured, in seconds: a server asking for more than a day is asking for a
# longer pause than a watcher should take unnoticed; the feed is tried again after a day.
MAX_RETRY_AFTER = 86_400.0
# Statuses whose Retry-After asks the client to come back later (RFC 9110 15.6.4, RFC 6585 4).
_BACK_OFF = frozenset({429, 503})
_INTERVAL = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smh])\s*", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}
# A validator sent back as a header must be printable ASCII (http.client refuses control characters).
_HEADER_VALUE = re.compile(r"[\x20-\x7e]{1,1024}")


def parse_interval(text: str) -> float:
    """Seconds in an interval written ``30s``, ``15m`` or ``1h``; InputError naming ``--every`` otherwise."""
    match = _INTERVAL.fullmatch(text)
    seconds = float(match[1]) * _UNIT_SECONDS[match[2].lower()] if match else 0.0
    if not match or not 0 < seconds <= 7 * 86_400:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise InputError("--every", f"{shown!r} is not an interval of up to a week (a number and s, m or h: "
                                    "30s, 15m, 1h)")
    return seconds


def feed_urls(arguments: Sequence[str]) -> list[str]:
    """The feed URLs of the command line: each argument a feed's http(s) URL, or a file listing them one
    per line (blank lines and lines starting with # left out); InputError naming the first bad one."""
    urls: list[str] = []
    for argument in arguments:
        if is_url(argument):
            listed = [(argument, argument)]
        elif Path(argument).is_file():
            listed = _listed(Path(argument))
        else:
            raise InputError(argument, "neither a feed's http(s) URL nor a file listing feed URLs")
        for where, url in listed:
            problem = url_problem(url)
            if problem:
                raise InputError(where, f"not a feed URL to poll ({problem})")
            if url not in urls:
                urls.append(url)
    return urls


def _listed(path: Path) -> list[tuple[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the list of feeds ({exc.__class__.__name__}: {exc})") from None
    lines = [(f"{path}:{number}", line.strip()) for number, line in enumerate(text.splitlines(), 1)]
    listed = [(where, line) for where, line in lines if line and not line.startswith("#")]
    if not listed:
        raise InputError(str(path), "lists no feed URL (one http(s) URL a line)")
    return listed


def retry_after_seconds(value: str | None, now: dt.datetime) -> float | None:
    """Seconds a Retry-After header asks to wait (a number of seconds, or an HTTP date), at most
    MAX_RETRY_AFTER; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT
        when = when.replace(tzinfo=dt.UTC)
    return min(max(0.0, (when - now).total_seconds()), MAX_RETRY_AFTER)


class Deferred(InputError):
    """A request not made, or answered 429/503 with Retry-After: its host asked to be left alone."""


class Polite:
    """``_fetch.fetch`` with a delay between two requests to one host and Retry-After honoured per host.

    ``clock`` and ``sleep`` are ``time.monotonic`` and ``time.sleep`` (a test may pass its own).
    """

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}   # host -> when its last request ended
        self._until: dict[str, float] = {}  # host -> no request before (Retry-After)
        self.deferred: set[str] = set()     # the URLs not asked, or answered Retry-After

    def wait_left(self, url: str) -> float:
        """Seconds before ``url``'s host may be asked again after a Retry-After (0: it may now)."""
        return max(0.0, self._until.get(_host(url), 0.0) - self.clock())

    def back_off(self, url: str, seconds: float) -> None:
        host = _host(url)
        self._until[host] = max(self._until.get(host, 0.0), self.clock() + seconds)

    def fetch(self, url: str, settings: Settings | None = None, *,
              headers: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url`` as ``_fetch.fetch`` does, after the host's delay; :class:`Deferred` when its host
        asked to be left alone, before or by this answer."""
        settings = settings or self.settings
        left = self.wait_left(url)
        if left > 0:
            self.deferred.add(url)
            raise Deferred(url, f"not asked: {_host(url)} asked to wait {math.ceil(left)} s more (Retry-After)")
        host = _host(url)
        gap = self._last.get(host, -math.inf) + self.settings.watch_host_delay - self.clock()
        if gap > 0:
            self.sleep(gap)
        try:
            return fetch(url, settings, headers=headers)
        except HTTPStatusError as exc:
            seconds = retry_after_seconds(exc.retry_after, _utcnow()) if exc.status in _BACK_OFF else None
            if seconds is None:
                raise
            self.back_off(url, seconds)
            self.deferred.add(url)
            raise Deferred(url, f"{exc.problem}; {host} asked to wait {math.ceil(seconds)} s (Retry-After)") from None
        finally:
            self._last[host] = self.clock()


@dataclass
class FeedRound:
    """What one poll of one feed did."""

    feed: str
    status: str = ""  # "not modified", "deferred ...", or the problem of a poll that failed
    new: int = 0
    retried: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    deferred: int = 0
    failures: list[Failure] = field(default_factory=list)
    polled: bool = True  # False: the feed itself could not be had (its problem is ``status``)

    def part(self) -> str:
        if not self.polled:
            return f"{self.feed}: {self.status}"
        counts = [f"{self.new} new", f"{self.stored} stored", f"{self.failed} failed"]
        if self.retried:
            counts.insert(1, f"{self.retried} tried again")
        if self.duplicates:
            counts.insert(-1, f"{self.duplicates} already stored")
        if self.deferred:
            counts.append(f"{self.deferred} deferred (Retry-After)")
        head = f"{self.feed}: {self.status}, " if self.status else f"{self.feed}: "
        return head + ", ".join(counts)


@dataclass
class WatchSummary:
    """What a watch did over all its rounds."""

    rounds: int = 0
    stored: int = 0
    failed: int = 0
    not_modified: int = 0
    feed_problems: int = 0

    def add(self, polls: list[FeedRound]) -> None:
        self.rounds += 1
        for poll in polls:
            self.stored += poll.stored
            self.failed += poll.failed
            self.not_modified += poll.status == "304 not modified"
            self.feed_problems += not poll.polled

    def line(self) -> str:
        rounds = f"{self.rounds} round{'s' if self.rounds != 1 else ''}"
        polls = f"{self.feed_problems} poll{'s' if self.feed_problems != 1 else ''} failed"
        return (f"{rounds}: {self.stored} stored, {self.failed} failed, {self.not_modified} answered 304 not modified, "
                f"{polls}")


def watch(feeds: Sequence[str], store: ReleasingStore, pipeline: Pipeline, *, every: float, once: bool = False,
          stop: threading.Event | None = None, out: TextIO | None = None,
          on_failure: Callable[[Failure], None] | None = None) -> WatchSummary:
    """Poll ``feeds`` every ``every`` seconds (from the start of one round to the next) until ``stop``
    is set, or once; one line per round to ``out``; each failure (a feed's or an item's) to ``on_failure``."""
    stop = stop or threading.Event()
    polite = Polite(pipeline.settings)
    summary = WatchSummary()
    while True:
        started = time.monotonic()
        polls: list[FeedRound] = []
        for url in feeds:
            if stop.is_set():
                break
            poll = poll_feed(url, store, pipeline, polite, stop)
            polls.append(poll)
            for failure in poll.failures:
                if on_failure:
                    on_failure(failure)
        summary.add(polls)
        if out is not None:
            stamp = _utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
            print(f"{stamp} round {summary.rounds}: " + ("; ".join(p.part() for p in polls) or "stopped"),
                  file=out, flush=True)
        if once or stop.wait(max(0.0, every - (time.monotonic() - started))):
            return summary


def poll_feed(url: str, store: ReleasingStore, pipeline: Pipeline, polite: Polite,
              stop: threading.Event) -> FeedRound:
    """One poll of feed ``url`` and the ingestion of its items not stored yet."""
    settings = pipeline.settings
    poll = FeedRound(url)
    with store.opened() as opened:
        state = opened.feed_state(url)
    entries, fetched = _poll(url, state, polite, store, poll)
    if entries is None and not poll.polled:
        return poll
    by_id: dict[str, tuple[int, Mapping[str, Any]]] = {}
    for number, entry in enumerate(entries or [], 1):
        by_id.setdefault(_item_id(number, entry), (number, entry))
    new: set[str] = set()
    with store.opened() as opened:
        if entries:
            seen = [(item_id, entry.get("link") or None, entry.get("title") or None)
                    for item_id, (_, entry) in by_id.items()]
            new = opened.see_items(url, seen)
        pending = opened.pending_items(url, settings.watch_attempts)
    poll.new = len(new)
    poll.retried = sum(1 for item in pending if item.ref.item_id not in new)
    writes = _ItemWrites(store)
    cut = False  # stopped before every pending item was tried

    def items() -> Iterator[Source | Failure]:
        nonlocal cut
        for item in pending:
            if stop.is_set():
                cut = True
                return
            if item.ref.item_id in by_id:
                number, entry = by_id[item.ref.item_id]
                made = item_source(url, number, entry, settings, fetch_link=polite.fetch)
            elif item.link:
                made = _from_link(item.link, item.title, polite)
            else:
                made = Failure(f"{url}#{item.ref.item_id}", "no longer in the feed, and no link to fetch it from")
            if isinstance(made, Failure) and made.input in polite.deferred:
                poll.deferred += 1  # its host answered 429/503 with Retry-After: tried again later, no try counted
                continue
            yield writes.expect(made, item.ref)

    summary = ingest(items(), writes, pipeline)
    poll.stored, poll.duplicates = summary.stored + summary.articles, summary.duplicates + summary.skipped
    for ref in writes.unresolved():  # a result the pipeline gave under another name: counted, never lost
        failure = Failure(f"{url}#{ref.item_id}", "coded, but its result could not be matched to the item")
        store.add_failure(failure, feed_item=ref)
        summary.failures.append(failure)
    poll.failed = len(summary.failures)
    poll.failures.extend(summary.failures)
    if fetched is not None and fetched.status != 304 and not cut and poll.deferred == 0:
        with store.opened() as opened:  # every item of this answer done or failed: a 304 hides none now
            opened.save_validators(url, _header_value(fetched.etag), _header_value(fetched.last_modified))
    return poll


def _poll(url: str, state: FeedState | None, polite: Polite, store: ReleasingStore,
          poll: FeedRound) -> tuple[list[Mapping[str, Any]] | None, Fetched | None]:
    """Ask for the feed: its items (none after a 304) and the answer, or (None, None) with ``poll.polled``
    False and the problem in ``poll.status`` and ``poll.failures``."""
    now = _utcnow()
    if state is not None and state.not_before is not None and state.not_before > now.replace(tzinfo=None):
        left = (state.not_before - now.replace(tzinfo=None)).total_seconds()
        polite.back_off(url, left)
        poll.status = f"not polled: its server asked to wait {math.ceil(left)} s more (Retry-After)"
        return [], None
    headers = {}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        fetched = polite.fetch(url, headers=headers)
    except Deferred as exc:
        seconds = polite.wait_left(url)
        with store.opened() as opened:
            opened.record_poll(url, "deferred", not_before=(now + dt.timedelta(seconds=seconds)).replace(tzinfo=None))
        poll.status = f"deferred ({exc.problem})"
        return [], None
    except InputError as exc:
        _feed_failed(url, exc.problem, store, poll)
        return None, None
    with store.opened() as opened:
        opened.record_poll(url, str(fetched.status))
    if fetched.status == 304:
        poll.status = "304 not modified"
        return [], fetched
    kind = sniff_kind(fetched.content)  # as ingest reads a fetched input (a UTF-16 feed included)
    if kind != "feed":
        shown = {"html": "an HTML page", "jsonl": "JSON Lines"}.get(kind, "text")
        _feed_failed(url, f"not an RSS or Atom feed (the answer is {shown})", store, poll)
        return None, None
    entries = feed_entries(url, fetched.content, base_url=fetched.url)
    if isinstance(entries, Failure):
        _feed_failed(url, entries.problem, store, poll)
        return None, None
    return entries, fetched


def _feed_failed(url: str, problem: str, store: ReleasingStore, poll: FeedRound) -> None:
    with store.opened() as opened:
        opened.record_poll(url, problem)
    poll.polled = False
    poll.status = "poll failed (see its line)"
    poll.failures.append(Failure(url, problem))


def _from_link(link: str, title: str | None, polite: Polite) -> Source | Failure:
    """An item the feed no longer shows, from its link's page."""
    try:
        fetched = polite.fetch(link)
    except InputError as exc:
        return Failure(exc.input, exc.problem)
    return Source(name=link, content=fetched.body(), url=fetched.url, title=title)


def _item_id(number: int, entry: Mapping[str, Any]) -> str:
    """An item's identity: its guid (RSS) or id (Atom), else its link, else a hash of its title and text."""
    for key in ("id", "link"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    parts = [str(entry.get(key) or "") for key in ("title", "summary", "published")]
    if not any(parts):
        return f"#item{number}"
    return "sha1:" + hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _header_value(value: str | None) -> str | None:
    """A validator worth sending back, or None (absent, or not printable ASCII)."""
    return value if value and _HEADER_VALUE.fullmatch(value) else None


def _host(url: str) -> str:
    return (urlsplit(url.strip()).hostname or "").lower()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _ItemWrites:
    """The store calls ``batch.ingest`` makes, each writing also the state of the feed item it is about,
    in the same transaction (``Store.put`` / ``Store.add_failure`` with ``feed_item``)."""

    def __init__(self, store: ReleasingStore) -> None:
        self.store = store
        self._refs: dict[str, ItemRef] = {}
        self._resolved: set[ItemRef] = set()

    def expect(self, item: Source | Failure, ref: ItemRef) -> Source | Failure:
        """``item`` (the Source or Failure of ``ref``), under a name no other item of the round has."""
        name = item.name if isinstance(item, Source) else item.input
        if name in self._refs:
            name = f"{name} ({ref.item_id})"
            if isinstance(item, Source):
                item.name = name
            else:
                item = Failure(name, item.problem)
        self._refs[name] = ref
        return item

    def unresolved(self) -> list[ItemRef]:
        return [ref for ref in self._refs.values() if ref not in self._resolved]

    def _ref(self, name: str | None) -> ItemRef | None:
        ref = self._refs.get(name or "")
        if ref is not None:
            self._resolved.add(ref)
        return ref

    def source_done(self, key: str, *, include_failed: bool = False) -> bool:
        done = self.store.source_done(key, include_failed=include_failed)
        if done:  # the same page with the same bytes was ingested before (by ingest, or another feed)
            ref = self._ref(key.rsplit("#", 1)[0])
            if ref is not None:
                with self.store.opened() as opened:
                    opened.mark_item_done(ref, key)
        return done

    def put(self, doc: Document, *, key: str | None = None) -> Added:
        return self.store.put(doc, key=key, feed_item=self._ref(doc.source))

    def put_many(self, docs: Sequence[Document], *, keys: Sequence[str | None] | None = None,
                 prepared: Sequence[Prepared | None] | None = None) -> list[Added]:
        return self.store.put_many(docs, keys=keys, feed_items=[self._ref(doc.source) for doc in docs],
                                   prepared=prepared)

    def add_failure(self, failure: Failure, *, key: str | None = None) -> None:
        self.store.add_failure(failure, key=key, feed_item=self._ref(failure.input))

    def mark_source(self, key: str, doc_id: str | None) -> None:
        self.store.mark_source(key, doc_id)

    def held(self) -> AbstractContextManager[object]:
        return self.store.held()

