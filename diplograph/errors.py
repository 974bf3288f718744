"""The errors that reach a user, each printed as one line: an input or the store, and what is wrong."""

from __future__ import annotations

import re

__all__ = ["DiplographError", "InputError", "NotFoundError", "StoreError", "one_line"]


class DiplographError(Exception):
    """Base of diplograph's own errors; the CLI prints these as one line, never a traceback."""


class InputError(DiplographError):
    """A document (file, URL, JSONL line, feed item) that cannot be processed, and why."""

    def __init__(self, input: str, problem: str) -> None:
        super().__init__(f"{one_line(input)}: {one_line(problem)}")
        self.input = input
        self.problem = problem



class NotFoundError(InputError):
    """An id (an event's, a document's) that the store does not hold: the API answers 404."""


class StoreError(DiplographError):
    """The store file cannot be opened, read or written (damaged, locked, read-only, disk full)."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{one_line(str(path))}: {one_line(problem)}")
        self.path = str(path)
        self.problem = problem


# What must not reach a terminal or a log line raw: C0 and C1 controls (newline, carriage return,
# escape sequences), the Unicode line and paragraph separators, the bidirectional overrides and
# isolates (which reorder what follows them on the line), and lone surrogates (not encodable).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: str) -> str:
    """``text`` fit for one line of a terminal or a log: control characters escaped as Python writes them."""
    return _UNPRINTABLE.sub(_escape, text)
