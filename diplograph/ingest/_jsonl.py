"""JSONL inputs: one document per line, so that a scraper's dump goes in as one file.

Each line is {"text": ...} or {"html": ...} with optional "url", "title", "outlet", "published"
and "id". A bad line becomes a Failure naming "path:LINE"; the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Failure, Source

__all__ = ["jsonl_sources", "looks_like_jsonl"]

_META = ("url", "title", "outlet", "published")


def looks_like_jsonl(head: bytes) -> bool:
    """True when the content starts with a JSON object: a JSONL dump rather than an article."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def jsonl_sources(name: str, content: bytes) -> Iterator[Source | Failure]:
    """One Source per document line of ``content``, or a Failure naming the line."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Failure(name, f"a JSONL file that is not UTF-8 (bad byte at offset {exc.start})")
        return
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield _line_source(f"{name}:{number}", line)


def _line_source(name: str, line: str) -> Source | Failure:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(name, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Failure(name, f"a JSON {type(record).__name__}, not an object with \"text\" or \"html\"")
    field = "text" if record.get("text") is not None else "html"
    body = record.get(field)
    if not isinstance(body, str):
        return Failure(name, 'no "text" or "html" string field')
    meta = {}
    for key in _META:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return Failure(name, f'field "{key}" must be a string, not {type(value).__name__}')
        meta[key] = value
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        return Failure(name, f'field "id" must be a string or integer, not {type(doc_id).__name__}')
    return Source(
        name=name,
        content=body,
        kind="html" if field == "html" else "text",
        doc_id=None if doc_id is None else str(doc_id),
        **meta,
    )
