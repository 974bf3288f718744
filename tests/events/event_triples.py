"""Helpers the event tests share (a plain module: pytest does not collect it)."""

from __future__ import annotations


def triples(doc, by: str = "country") -> set[tuple]:
    """(source, PLOVER type, target or None) of each event, the actors given by ``by`` (country or code)."""
    return {(getattr(e.source, by) if e.source else None, e.plover, getattr(e.target, by) if e.target else None)
            for e in doc._.events}


def word_forms(text: str) -> list[set[str]]:
    """A phrase as the verb dictionary's pattern context: each word its own form set."""
    return [{word} for word in text.split()]
