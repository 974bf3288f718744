"""Text and parse helpers more than one stage reads: quotation spans and tree distance.

Quotation spans are the stretches of text between quotation marks, straight or curly. A quote may
run over several paragraphs: by news convention a paragraph that continues the quote opens again
with a mark and the closing mark comes only at the end, so an unclosed quote followed by a paragraph
that opens with a mark is one quote. Content offsets exclude the marks. The quotes stage reads them
as direct speech, the when stage to leave dates inside quotes aside.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

__all__ = ["QuotedSpan", "quoted_spans", "tree_distance"]

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
_MARK = re.compile(r"''|``|[\"“”„«»]|\n\s*\n|\n")  # '' and `` are the marks of some wire texts
_TRAILING = " \t\n,;:"


class QuotedSpan(tuple):
    """(start, end) character offsets of a quote's content, without its marks."""

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> QuotedSpan:
        return super().__new__(cls, (start, end))

    @property
    def start(self) -> int:
        return self[0]

    @property
    def end(self) -> int:
        return self[1]


def _opens(text: str, i: int, width: int = 1) -> bool:
    """Whether the mark at ``i`` opens a quote (curly marks say so; a straight one by its context)."""
    char = text[i]
    if char in OPENING or text.startswith("``", i):
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if char in CLOSING:  # a closing mark used to open, as some sites do: '\n”Fear. I am ...'
        return before in "\n" and after.isalnum()
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    return False


def _trimmed(text: str, start: int, end: int) -> QuotedSpan | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return QuotedSpan(start, end) if end > start else None


def quoted_spans(text: str) -> list[QuotedSpan]:
    """The content spans of every quotation in ``text``, in order; multi-paragraph quotes are one."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None  # offset just after the opening mark
    for match in _MARK.finditer(text):
        i, width = match.start(), len(match.group())
        if match.group().startswith("\n"):
            if open_at is None:
                continue
            following = text[match.end() : match.end() + 2]
            if (following[:1] in OPENING + STRAIGHT and following[:1]) or following in ("''", "``"):
                continue  # the quote goes on in the next paragraph, which reopens it
            span = _trimmed(text, open_at, i)  # never closed: end it with its paragraph
            if span:
                spans.append(span)
            open_at = None
            continue
        if open_at is None:
            if _opens(text, i, width):
                open_at = i + width
            continue
        if _opens(text, i, width) and text[i - 1 : i] != "\n" and not text[max(0, i - 2) : i].endswith(("\n", "\n ")):
            # a second opening mark inside an open quote: the first was never closed
            span = _trimmed(text, open_at, i)
            if span:
                spans.append(span)
            open_at = i + width
            continue
        if _opens(text, i, width):
            continue  # the reopening mark of a continued paragraph
        span = _trimmed(text, open_at, i)
        if span:
            spans.append(span)
        open_at = None
    if open_at is not None:
        span = _trimmed(text, open_at, len(text))
        if span:
            spans.append(span)
    return spans


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree."""
    up = {a.i: 0}
    for steps, ancestor in enumerate(a.ancestors, 1):
        up[ancestor.i] = steps
    if b.i in up:
        return up[b.i]
    for steps, ancestor in enumerate(b.ancestors, 1):
        if ancestor.i in up:
            return steps + up[ancestor.i]
    return len(a.doc)
