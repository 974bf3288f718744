"""The mentions the resolver builds before they become Actors: names found and actor candidates.

Both carry token offsets and the dictionary entry behind them, which every pass (names, datelines,
groups, persons, references) reads and refines; only the output step turns them into ``Actor``s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.dictionary import Entry

__all__ = ["Candidate", "Match", "code_of"]


@dataclass
class Match:
    """A name found in the text: token range, dictionary entry (None: from spaCy's NER)."""

    start: int
    end: int
    entry: Entry | None
    label: str = ""  # NER label for entity-only matches
    owner: tuple[str | None, str | None] | None = None  # "United States Treasury": (USA, USA)

    def kind(self) -> str:
        if self.entry is not None:
            return self.entry.kind
        return {"PERSON": "person", "ORG": "organisation"}.get(self.label, "place")


@dataclass
class Candidate:
    """An actor mention under construction (token offsets)."""

    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    title: str | None = None
    entry: Entry | None = None
    described: bool = False  # a role description ("the Russian president"), not a name
    pronoun: str | None = None  # "his government": whose, from the actor before it
    extra: list[tuple[str | None, str | None]] = field(default_factory=list)


def code_of(country: str | None, sector: str | None) -> str | None:
    """The CAMEO code of ``sector`` of ``country`` ("RUS" + "GOV"), or the part that is known."""
    if country and sector:
        return country + sector
    return country or sector
