"""JSONL inputs: one document per line, so that a scraper's dump goes in as one file.

Each line is {"text": ...} or {"html": ...} with optional "url", "title", "outlet", "published"
and "id". A bad line becomes a Failure naming "path:LINE" (not UTF-8, not JSON, nested too deep,
a field of the wrong type); the other lines go on. Lines end in "\\n" or "\\r\\n"; blank lines are
skipped. The file is UTF-8 (a UTF-8, UTF-16 or UTF-32 byte-order mark is followed). A lone
surrogate escape in a string ("\\ud800", which no UTF-8 can hold) is left to ingest, which makes
it U+FFFD in every Source, so the document is kept. A file holding one JSON object over several lines (a
pretty-printed .json) is read as that one document rather than failing line by line.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator

from ..clean._encoding import byte_order_mark
from ..model import Failure, Source

__all__ = ["jsonl_sources", "looks_like_jsonl"]

_META = ("url", "title", "outlet", "published")
_OBJECT_START = re.compile(rb'\{\s*["}]')


def looks_like_jsonl(head: bytes) -> bool:
    """True when the content starts with a JSON object: a JSONL dump rather than an article.

    An object opens with a quoted key (or is empty): an article that opens with a brace, as in
    "{Editor's note: ...}", is no JSON and stays a text.
    """
    return bool(_OBJECT_START.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")))


def jsonl_sources(name: str, content: bytes) -> Iterator[Source | Failure]:
    """One Source per document line of ``content``, or a Failure naming the line."""
    lines = _lines(name, content)
    if isinstance(lines, Failure):
        yield lines
        return
    numbered = [(number, line) for number, line in enumerate(lines, 1) if line.strip()]
    for index, (number, line) in enumerate(numbered):
        item = _line_source(f"{name}:{number}", line)
        if index == 0 and isinstance(item, Failure) and len(numbered) > 1:
            whole = _pretty_printed(name, lines)
            if whole is not None:
                yield whole
                return
        yield item


def _lines(name: str, content: bytes) -> list[str | bytes] | Failure:
    """The lines, as text after a UTF-16/32 byte-order mark, else as UTF-8 bytes decoded line by line."""
    encoding = byte_order_mark(content)
    if encoding in ("utf-16", "utf-32"):
        try:
            return list(content.decode(encoding).split("\n"))
        except UnicodeDecodeError as exc:
            return Failure(name, f"starts with a {encoding} byte-order mark but is not {encoding} "
                                 f"(bad byte at offset {exc.start})")
    return list(content.removeprefix(codecs.BOM_UTF8).split(b"\n"))


def _pretty_printed(name: str, lines: list[str | bytes]) -> Source | Failure | None:
    """The one document of a JSON object written over several lines, or None when it is not one."""
    try:
        whole = "\n".join(line if isinstance(line, str) else line.decode("utf-8") for line in lines)
        record = json.loads(whole)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    return _record_source(name, record) if isinstance(record, dict) else None


def _line_source(name: str, line: str | bytes) -> Source | Failure:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Failure(name, f"not UTF-8 (bad byte at column {exc.start + 1})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(name, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return Failure(name, "JSON nested too deep")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return Failure(name, f"not valid JSON ({exc})")
    if not isinstance(record, dict):
        return Failure(name, f"a JSON {type(record).__name__}, not an object with \"text\" or \"html\"")
    return _record_source(name, record)


def _record_source(name: str, record: dict) -> Source | Failure:
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
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        return Failure(name, f'field "id" must be a string or integer, not {type(doc_id).__name__}')
    return Source(
        name=name,
        content=body,
        kind="html" if field == "html" else "text",
        doc_id=None if doc_id is None else str(doc_id),
        **meta,
    )

