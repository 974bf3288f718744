"""Ingest: command-line inputs (files, directories, JSONL, feeds, URLs, stdin) -> Sources, in order.

Every input yields Sources or, when it cannot be read, a Failure naming it and the problem, so a
batch goes on past a bad input. Content is passed on as bytes; cleaning decides the encoding.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..clean._encoding import SURROGATE, byte_order_mark, replace_surrogates
from ..clean.html import looks_like_html
from ..errors import InputError
from ..model import Failure, Source
from ..settings import Settings
from ._feeds import feed_sources, looks_like_feed
from ._fetch import fetch, is_url
from ._files import directory_files, is_directory, read_file, read_stream
from ._jsonl import jsonl_sources, looks_like_jsonl

__all__ = ["iter_sources", "sniff_kind"]

_SNIFF = 4096


def iter_sources(
    inputs: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None
) -> Iterator[Source | Failure]:
    """The Sources (and Failures) of each input in turn: one per file, JSONL line or feed item."""
    for item in inputs:
        for result in _input_sources(item, settings, stdin):
            yield _encodable(result)


def sniff_kind(content: bytes | str) -> str:
    """ "feed", "jsonl", "html" or "text", from the first bytes of a document.

    Bytes starting with a UTF-16 or UTF-32 byte-order mark are looked at as the text they encode:
    read raw, "<\0h\0t\0m\0l\0" matches no markup and an HTML page would be taken for plain text.
    """
    head = content[:_SNIFF]
    if isinstance(head, str):
        text = head
        raw = head.encode("utf-8", "replace")
    else:
        encoding = byte_order_mark(head)
        if encoding in (None, "utf-8-sig"):
            raw, text = head, head.decode("latin-1")
        else:
            text = head.decode(encoding, "ignore")  # "ignore": the head may end inside a character
            raw = text.encode("utf-8", "replace")
    if looks_like_feed(raw):
        return "feed"
    if looks_like_jsonl(raw):
        return "jsonl"
    return "html" if looks_like_html(text) else "text"


def _input_sources(item: str, settings: Settings, stdin: BinaryIO | None) -> Iterator[Source | Failure]:
    try:
        if item == "-":
            stream = stdin if stdin is not None else _standard_input()
            yield from _content_sources("-", read_stream("-", stream, settings.max_bytes), settings)
        elif not item:
            yield Failure(item, "an empty input name (not a file, directory, URL or '-')")
        elif is_url(item):
            fetched = fetch(item, settings)
            yield from _content_sources(item, fetched.content, settings, url=fetched.url, body=fetched.body())
        elif is_directory(Path(item)):
            yield from _directory_sources(Path(item), settings)
        else:
            yield from _content_sources(item, read_file(Path(item), settings.max_bytes), settings)
    except InputError as exc:
        yield Failure(exc.input, exc.problem)


def _standard_input() -> BinaryIO:
    """sys.stdin's bytes; InputError when there is no standard input (``diplograph extract - <&-``)."""
    stream = getattr(sys.stdin, "buffer", None)  # None when Python started with file descriptor 0 closed
    if stream is None:
        raise InputError("-", "standard input is closed")
    return stream


def _directory_sources(root: Path, settings: Settings) -> Iterator[Source | Failure]:
    for path in directory_files(root):
        if isinstance(path, Failure):
            yield path
            continue
        try:
            yield from _content_sources(str(path), read_file(path, settings.max_bytes), settings)
        except InputError as exc:
            yield Failure(exc.input, exc.problem)


def _encodable(item: Source | Failure) -> Source | Failure:
    """``item`` with no lone surrogate left in its strings, which no UTF-8 store or output can hold.

    A file name that is not UTF-8 reaches Python as surrogate escapes: its bytes are written \\xNN
    instead, so that two such names stay two. Anywhere else (a JSONL "\\ud800" escape, a feed's
    "&#xD800;") a lone surrogate becomes U+FFFD, as undecodable bytes do in cleaning.
    """
    if isinstance(item, Failure):
        return Failure(_name(item.input), replace_surrogates(item.problem))
    for key in ("url", "title", "outlet", "published", "doc_id"):
        value = getattr(item, key)
        if value is not None:
            setattr(item, key, replace_surrogates(value))
    item.name = _name(item.name)
    if isinstance(item.content, str):  # before cleaning: a batch hashes the raw content into its key
        item.content = replace_surrogates(item.content)
    return item


def _name(name: str) -> str:
    if not SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # not only escaped bytes
        return replace_surrogates(name)


def _content_sources(
    name: str, content: bytes, settings: Settings, *, url: str | None = None, body: bytes | str | None = None
) -> Iterator[Source | Failure]:
    """Expand a feed or a JSONL file into its documents; anything else is one document."""
    kind = sniff_kind(content)
    if kind == "feed":
        yield from feed_sources(name, content, settings, base_url=url)
    elif kind == "jsonl":
        yield from jsonl_sources(name, content)
    else:
        yield Source(name=name, content=content if body is None else body, kind=kind, url=url)
