"""Per-document indexes, so that a question asked once per sentence, line or event costs the size
of its answer, not the size of the document.

spaCy's ``Span.ents`` walks the whole document's entities (``Doc.ents`` rebuilds them token by token)
on every call: asked once per sentence it made a text of 6,000 short lines spend 65 of its 84 seconds
there. Here the entities are read once per document, kept as plain numbers in ``doc.user_data`` (no
Span, so no reference cycle keeps the Doc alive), and each question bisects them. The index is built
after the entity recognizer, which is the last to set entities: no diplograph component changes them.
``doc_text`` keeps the text spaCy joins from the tokens on every ``doc.text``. ``Intervals``
answers "does any of these spans overlap this range" by bisection in the same spirit.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span

__all__ = ["Intervals", "doc_text", "line_breaks", "lower_lemmas", "span_ents", "strings_of"]

_ENTS_KEY = "diplograph.ents"  # doc.user_data key: (starts, [(start, end, label, kb_id, id)])
_TEXT_KEY = "diplograph.text"
_BREAKS_KEY = "diplograph.breaks"
_STRINGS_KEY = "diplograph.strings"


def _ents_index(doc: Doc) -> tuple[list[int], list[tuple[int, int, int, int, int]]]:
    index = doc.user_data.get(_ENTS_KEY)
    if index is None:
        rows = [(e.start, e.end, e.label, e.kb_id, e.id) for e in doc.ents]
        index = ([row[0] for row in rows], rows)
        doc.user_data[_ENTS_KEY] = index
    return index


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document (spaCy joins every token again on each call), from
    two arrays rather than a Token of every word."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        strings = doc.vocab.strings
        text = doc.user_data[_TEXT_KEY] = "".join(
            strings[orth] + " " if space else strings[orth] for orth, space in doc.to_array([ORTH, SPACY]).tolist())
    return text


def strings_of(doc: Doc, attr: str) -> list[str]:
    """Each token's string of ``attr`` ("ORTH" for ``text``, "LOWER", "LEMMA", "POS" for ``pos_``),
    read once per document as one array and kept, for every stage: a stage that tests every word
    makes no Token to do it. The list is shared: read it, never change it."""
    key = f"{_STRINGS_KEY}.{attr}"
    found = doc.user_data.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data[key] = [strings[n] for n in doc.to_array(attr).tolist()]
    return found


def lower_lemmas(doc: Doc) -> list[str]:
    """Each token's ``lemma_.lower()``, kept as ``strings_of`` keeps its lists."""
    key = f"{_STRINGS_KEY}.lemma-lower"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = [lemma.lower() for lemma in strings_of(doc, "LEMMA")]
    return found


def line_breaks(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token, how many line breaks the text has before its start and before its end: the
    text from token ``a``'s start to token ``b``'s end has one when the second count of ``b``
    exceeds the first of ``a`` (asked of many token pairs, each a Span and a join otherwise).
    A line break is always inside a token: what follows one is a single space or nothing."""
    found = doc.user_data.get(_BREAKS_KEY)
    if found is None:
        strings = doc.vocab.strings
        counts = [strings[orth].count("\n") for orth in doc.to_array(ORTH).tolist()]
        through = list(accumulate(counts))
        found = doc.user_data[_BREAKS_KEY] = ([t - c for t, c in zip(through, counts, strict=True)], through)
    return found


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``, in order), read from the document's index.

    The same answer as spaCy's: the entities starting in the span, up to the first that runs past its
    end."""
    doc = span.doc
    starts, rows = _ents_index(doc)
    found: list[Span] = []
    for start, end, label, kb_id, ent_id in rows[bisect_left(starts, span.start):]:
        if end > span.end:
            break
        found.append(Span(doc, start, end, label=label, kb_id=kb_id, span_id=ent_id))
    return found


class Intervals:
    """Half-open ranges (start, end), asked whether any overlaps a range: O(log n) a question."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        # the furthest end of the ranges up to each one: some range starting before x reaches past y
        # exactly when the furthest end of those starting before x does
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range ``(s, e)`` has ``s < end and start < e``."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start
