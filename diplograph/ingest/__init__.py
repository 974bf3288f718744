"""Ingest: command-line inputs (files, directories, JSONL, feeds, URLs, stdin) -> Sources, in order.

Every input yields Sources or, when it cannot be read, a Failure naming it and the problem, so a
batch goes on past a bad input. Content is passed on as bytes; cleaning decides the encoding.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..clean.html import looks_like_html
from ..errors import InputError
from ..model import Failure, Source
from ..settings import Settings
from ._feeds import feed_sources, looks_like_feed
from ._fetch import fetch, is_url
from ._files import directory_files, read_file, read_stream
from ._jsonl import jsonl_sources, looks_like_jsonl

__all__ = ["iter_sources", "sniff_kind"]

_SNIFF = 4096


def iter_sources(
    inputs: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None
) -> Iterator[Source | Failure]:
    """The Sources (and Failures) of each input in turn: one per file, JSONL line or feed item."""
    for item in inputs:
        yield from _input_sources(item, settings, stdin)


def sniff_kind(content: bytes | str) -> str:
    """ "feed", "jsonl", "html" or "text", from the first bytes of a document."""
    head = content[:_SNIFF]
    raw = head.encode("utf-8", "replace") if isinstance(head, str) else head
    if looks_like_feed(raw):
        return "feed"
    if looks_like_jsonl(raw):
        return "jsonl"
    return "html" if looks_like_html(raw.decode("latin-1")) else "text"


def _input_sources(item: str, settings: Settings, stdin: BinaryIO | None) -> Iterator[Source | Failure]:
    try:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _content_sources("-", read_stream("-", stream, settings.max_bytes), settings)
        elif is_url(item):
            fetched = fetch(item, settings)
            yield from _content_sources(item, fetched.content, settings, url=fetched.url, body=fetched.body())
        elif Path(item).is_dir():
            yield from _directory_sources(Path(item), settings)
        else:
            yield from _content_sources(item, read_file(Path(item), settings.max_bytes), settings)
    except InputError as exc:
        yield Failure(exc.input, exc.problem)


def _directory_sources(root: Path, settings: Settings) -> Iterator[Source | Failure]:
    found = False
    for path in directory_files(root):
        found = True
        try:
            yield from _content_sources(str(path), read_file(path, settings.max_bytes), settings)
        except InputError as exc:
            yield Failure(exc.input, exc.problem)
    if not found:
        yield Failure(str(root), "a directory with no files")


def _content_sources(
    name: str, content: bytes, settings: Settings, *, url: str | None = None, body: bytes | str | None = None
) -> Iterator[Source | Failure]:
    """Expand a feed or a JSONL file into its documents; anything else is one document."""
    kind = sniff_kind(content)
    if kind == "feed":
        yield from feed_sources(name, content, settings)
    elif kind == "jsonl":
        yield from jsonl_sources(name, content)
    else:
        yield Source(name=name, content=content if body is None else body, kind=kind, url=url)
