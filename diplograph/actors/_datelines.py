"""Wire datelines ("BERLIN --", "MOGADISHU, Somalia (AP) --"): places where a lead starts.

A dateline says where the story was filed, so its names are places and never actors, and a mention
that starts in it ("Washington - US President Donald Trump") starts after it.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicon.dictionary import split_code
from ._names import PLACE_KINDS
from ._reading import Reading

__all__ = ["drop_datelines"]

DATELINE_MARKS = {"--", "—", "–", "-", ":"}


def drop_datelines(reading: Reading) -> None:
    """Names in a wire dateline ("BERLIN --", "MOGADISHU, Somalia (AP) --", "Tehran, March 15,
    IRNA -") say where the story was filed: places, not actors."""
    for sent in reading.doc.sents:
        end = _dateline_end(sent)
        if end is None:
            continue
        inside = [m for m in reading.matches if sent.start <= m.start and m.end <= end]
        for m in inside:
            if m.kind() in PLACE_KINDS or m.label in {"GPE", "LOC"}:
                entry = m.entry
                countries = reading.dictionary.countries
                country = (split_code(entry.code_on(reading.day)[0], countries)[0]
                           if entry else None)
                reading.place(reading.doc[m.start : m.end], country, entry.name if entry else None)
        reading.matches = [m for m in reading.matches if m not in inside]
        reading.dateline.update(range(sent.start, end + 1))


def _dateline_end(sent: Span) -> int | None:
    """The token index ending a dateline that opens ``sent``, or None when there is none.

    A dateline is a capitalised place (optionally ", country", a date, an agency in parentheses
    or after a comma) then a dash, before the first verb: "BERLIN --", "Washington - US President".
    """
    first = sent[0]
    if not (first.is_title or first.is_upper) or not first.is_alpha:
        return None
    for tok in sent[: min(len(sent), 12)]:
        if tok.text in DATELINE_MARKS and tok.i > sent.start:
            if tok.i + 1 >= len(tok.doc):
                return None
            if tok.text == "-" and not (tok.whitespace_ and tok.doc[tok.i - 1].whitespace_):
                return None  # "Secretary-General": a hyphen, not the dateline's dash
            nxt = tok.doc[tok.i + 1]
            if tok.text == ":" and not first.is_upper:
                return None
            if not (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text in {'"', "“"}):
                return None
            return tok.i
        if tok.pos_ in {"VERB", "AUX"} or tok.lower_ in {"the", "a", "an"}:
            return None
        if tok.is_alpha and not (tok.is_title or tok.is_upper) and tok.ent_type_ != "DATE":
            return None
    return None
