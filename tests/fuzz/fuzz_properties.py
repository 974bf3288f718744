"""The properties every input parser keeps, as checks shared by the fuzz tests and ``fuzz/run.py``.

Each ``check_*`` takes one input, runs one parser on it, and returns what came out: "record" (a
Document, Source, Settings or value) or "failure" (a Failure or InputError: one line naming the
input). Anything else (an exception escaping, a record whose offsets do not point at its own text,
a message over several lines) fails an ``assert`` or raises, and the fuzzer reports it.
"""

from __future__ import annotations

import json
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, settings

from diplograph.errors import InputError
from diplograph.model import MODES, PLOVER_TYPES, Document, Failure, Source

__all__ = [
    "FUZZ",
    "check_date_phrase",
    "check_document",
    "check_extract",
    "check_feed",
    "check_fetch_refused",
    "check_html_article",
    "check_is_url",
    "check_jsonl",
    "check_pipeline_source",
    "check_publication_date",
    "check_settings_file",
    "check_sniff",
    "no_network",
]

# The tests' budget: small example counts and generous deadlines keep the whole fuzz set under a
# minute; CI proves the properties hold on a sample, the long search is fuzz/run.py's. A deadline is
# a hang detector here, not a benchmark.
FUZZ = settings(
    max_examples=25,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

# Characters that end a line on a terminal, in a log reader or for str.splitlines (but for the C0
# information separators, which nothing shows as a break): a message must have none.
_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")
_PRECISIONS = ("day", "month", "year", "published")


def _one_line(message: str) -> None:
    assert message.strip(), "empty message"
    found = [c for c in _LINE_BREAKS if c in message]
    assert not found, f"message over several lines ({found!r}): {message!r}"


def _check_failure(failure: Failure, name: str) -> str:
    """A clean refusal: one line, naming the input (the input itself, a JSONL line of it or a feed item)."""
    _one_line(failure.message())
    assert failure.input, f"failure names no input: {failure!r}"
    assert not failure.problem.startswith("internal error"), f"exception caught as an internal error: {failure!r}"
    return "failure"


def _check_error(exc: InputError, name: str) -> str:
    _one_line(str(exc))
    assert exc.input == name, f"error names {exc.input!r}, not the input {name!r}"
    return "failure"


def _span(text: str, what: str, start: int | None, end: int | None, said: str | None) -> None:
    assert start is not None and end is not None, f"{what}: no offsets"
    assert 0 <= start <= end <= len(text), f"{what}: offsets {start}:{end} outside the text of {len(text)}"
    if said is not None:
        assert text[start:end] == said, f"{what}: text[{start}:{end}] is {text[start:end]!r}, record says {said!r}"


def check_document(doc: Document) -> str:
    """The record's promise: every offset valid and pointing at the words it quotes; JSON-ready UTF-8."""
    text = doc.text
    assert doc.doc_id and isinstance(text, str) and text, "a record with no id or no text"
    previous = 0
    for i, (start, end) in enumerate(doc.sentences):
        _span(text, f"sentence {i}", start, end, None)
        assert start >= previous, f"sentence {i} starts at {start}, before the previous one ends at {previous}"
        previous = end
    sentences = len(doc.sentences)
    for a in doc.actors:
        _span(text, f"actor {a.id}", a.start, a.end, a.text)
        assert a.sentence is None or 0 <= a.sentence < sentences, f"actor {a.id}: sentence {a.sentence}"
    for e in doc.events:
        assert 0 <= e.sentence < sentences, f"event {e.id}: sentence {e.sentence} of {sentences}"
        _span(text, f"event {e.id} trigger", e.trigger.start, e.trigger.end, e.trigger.text)
        for role, ref in (("source", e.source), ("target", e.target)):
            if ref is not None:
                _span(text, f"event {e.id} {role}", ref.start, ref.end, ref.text)
        if e.evidence is not None:
            _span(text, f"event {e.id} evidence", e.evidence.start, e.evidence.end, e.evidence.text)
        for m in e.mentions:
            _span(text, f"event {e.id} mention", m.start, m.end, None)
            _span(text, f"event {e.id} mention trigger", m.trigger.start, m.trigger.end, m.trigger.text)
            assert 0 <= m.sentence < sentences, f"event {e.id}: mention sentence {m.sentence}"
        if e.location is not None and e.location.start is not None:
            _span(text, f"event {e.id} location", e.location.start, e.location.end, e.location.text)
        assert e.mode in MODES, f"event {e.id}: mode {e.mode!r}"
        assert e.plover is None or e.plover in PLOVER_TYPES, f"event {e.id}: plover {e.plover!r}"
        if e.date is not None:
            date.fromisoformat(e.date)
            assert e.date_precision in _PRECISIONS, f"event {e.id}: precision {e.date_precision!r}"
    for q in doc.quotes:
        _span(text, f"quote {q.id}", q.start, q.end, q.text)
        if q.cue is not None:
            _span(text, f"quote {q.id} cue", q.cue.start, q.cue.end, q.cue.text)
        if q.speaker is not None:
            _span(text, f"quote {q.id} speaker", q.speaker.start, q.speaker.end, q.speaker.text)
        assert q.sentence is None or 0 <= q.sentence < sentences, f"quote {q.id}: sentence {q.sentence}"
    if doc.published is not None:
        date.fromisoformat(doc.published)
    json.dumps(doc.to_record(), ensure_ascii=False).encode("utf-8")  # what the store and the CLI write
    return "record"


def check_pipeline_source(pipeline: Any, source: Source) -> str:
    """One Source through Pipeline.run: one record (offsets valid) or one clean Failure, in place."""
    results = list(pipeline.run([source]))
    assert len(results) == 1, f"{len(results)} results for one source"
    (result,) = results
    if isinstance(result, Failure):
        return _check_failure(result, source.name)
    assert isinstance(result, Document), f"neither a Document nor a Failure: {result!r}"
    return check_document(result)


def check_extract(pipeline: Any, text: str, published: str | None, kind: str | None) -> str:
    """Pipeline.extract, the API: a Document with valid offsets, or an InputError naming the input."""
    try:
        doc = pipeline.extract(text, published=published, kind=kind, name="<fuzz>")
    except InputError as exc:
        return _check_error(exc, "<fuzz>")
    return check_document(doc)


def check_html_article(html: str) -> str:
    """The HTML reader on its own: an Article whose text is a string, or None; never an exception."""
    from diplograph.clean.html import extract_article

    article = extract_article(html)
    if article is None:
        return "failure"
    assert isinstance(article.text, str) and article.text.strip()
    return "record"


def check_jsonl(content: bytes) -> str:
    """A JSONL dump: one Source or Failure per non-blank line, each named "path:LINE"."""
    from diplograph.ingest._jsonl import jsonl_sources

    outcome = "failure"
    for item in jsonl_sources("dump.jsonl", content):
        if isinstance(item, Failure):
            _check_failure(item, "dump.jsonl")
            assert item.input.startswith("dump.jsonl"), f"failure names {item.input!r}"
        else:
            assert isinstance(item, Source), f"neither a Source nor a Failure: {item!r}"
            assert item.name.startswith("dump.jsonl:"), f"source named {item.name!r}"
            assert isinstance(item.content, str)
            outcome = "record"
    return outcome


def check_feed(content: bytes, settings: Any) -> str:
    """A feed: one Source or Failure per item (a teaser's refused link is a Failure), none escaping."""
    from diplograph.ingest._feeds import feed_sources

    outcome = "failure"
    with no_network():
        for item in feed_sources("feed.xml", content, settings):
            if isinstance(item, Failure):
                _check_failure(item, "feed.xml")
            else:
                assert isinstance(item, Source), f"neither a Source nor a Failure: {item!r}"
                if item.published is not None:
                    date.fromisoformat(item.published)
                outcome = "record"
    return outcome


def check_sniff(content: bytes | str) -> str:
    from diplograph.ingest import sniff_kind

    kind = sniff_kind(content)
    assert kind in ("feed", "jsonl", "html", "text"), f"kind {kind!r}"
    return "record"


def check_date_phrase(phrase: str, published: str | None, tense: str) -> str:
    """resolve_date: (None, None), or an ISO date with a known precision; never an exception."""
    from diplograph.when.resolve import resolve_date

    value, precision = resolve_date(phrase, published, tense)
    if value is None:
        assert precision is None, f"precision {precision!r} with no date"
        return "failure"
    date.fromisoformat(value)
    assert precision in _PRECISIONS, f"precision {precision!r}"
    return "record"


def check_publication_date(value: str) -> str:
    """clean.publication_date: None for blank, "YYYY-MM-DD" for a date, else an InputError naming the input."""
    from diplograph.clean import publication_date

    try:
        result = publication_date("doc.txt", value)
    except InputError as exc:
        return _check_error(exc, "doc.txt")
    if result is None:
        assert not value.strip(), f"{value!r} read as no date"
        return "failure"
    assert len(result) == 10 and date.fromisoformat(result).isoformat() == result, f"{result!r} is no ISO day"
    return "record"


def check_is_url(text: str) -> str:
    from diplograph.ingest._fetch import is_url

    return "record" if is_url(text) is True else "failure"


def check_fetch_refused(url: str, settings: Any) -> str:
    """fetch of a URL refused before any connection: an InputError naming the URL, one line."""
    from diplograph.ingest._fetch import fetch

    with no_network():
        try:
            fetch(url, settings)
        except InputError as exc:
            return _check_error(exc, url)
    raise AssertionError(f"fetch of {url!r} returned without a connection")


def check_settings_file(content: bytes, *, values: bool = True) -> str:
    """load_settings on a file: Settings of the right types and ranges, or one InputError naming the file.

    ``values=False`` checks only that nothing but an InputError escapes (syntax, unknown keys, bytes).
    """
    from diplograph.settings import load_settings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        path.write_bytes(content)
        try:
            settings = load_settings(path)
        except InputError as exc:
            return _check_error(exc, str(path))
    if values:
        for name in ("max_bytes", "batch_size", "workers", "min_text_chars"):
            value = getattr(settings, name)
            assert type(value) is int, f"{name} = {value!r} ({type(value).__name__}) accepted"
        assert settings.max_bytes > 0 and settings.batch_size > 0, f"non-positive size accepted: {settings!r}"
        assert settings.workers >= 0 and settings.min_text_chars >= 0, f"negative count accepted: {settings!r}"
        assert isinstance(settings.timeout, (int, float)) and not isinstance(settings.timeout, bool)
        assert 0 < settings.timeout < float("inf"), f"timeout {settings.timeout!r} accepted"
        assert type(settings.allow_private) is bool, f"allow_private = {settings.allow_private!r} accepted"
        assert isinstance(settings.user_agent, str), f"user_agent = {settings.user_agent!r} accepted"
    return "record"


# -- no network -----------------------------------------------------------------------------------

_real_getaddrinfo = socket.getaddrinfo


def _offline_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    """IP literals and hosts the IDNA codec refuses go to the real getaddrinfo (no DNS query is made for
    either); any other name is answered as if there were no DNS, so the fuzzer never leaves the machine."""
    name = host.decode() if isinstance(host, bytes) else str(host)
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in name else socket.AF_INET, name.split("%", 1)[0])
    except (OSError, ValueError):
        try:
            name.encode("idna")
        except UnicodeError:
            return _real_getaddrinfo(host, port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "no DNS while fuzzing") from None
    return _real_getaddrinfo(host, port, *args, **kwargs)


def _no_connect(self: socket.socket, address: Any) -> None:
    raise AssertionError(f"a connection to {address!r} was opened: it should have been refused before")


@contextmanager
def no_network() -> Iterator[None]:
    """No DNS and no connection: a fetch must be refused before it opens one."""
    with (mock.patch("socket.getaddrinfo", _offline_getaddrinfo),
          mock.patch.object(socket.socket, "connect", _no_connect)):
        yield
