"""The pieces an event is built from while coding: a trigger and its pattern, a party and its actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from ..doc_index import doc_text, lower_lemmas, strings_of
from ..model import Actor, ActorRef, Location, Quote
from .verbs import PatternMatch

__all__ = ["Argument", "DocumentContext", "Place", "Trigger"]


@dataclass(frozen=True)
class Place:
    """A geocoded place the text names, with its country and offsets (what the coder may aim at)."""

    name: str
    country: str
    start: int
    end: int
    text: str | None = None

    @classmethod
    def of(cls, location: Location) -> Place | None:
        """The place of a ``Location`` that has a country and offsets; None for one that has not."""
        if location.country is None or location.start is None or location.end is None:
            return None
        return cls(location.name, location.country, location.start, location.end, location.text)


@dataclass(frozen=True)
class DocumentContext:
    """What the coder reads of one document, made once per document and passed along.

    ``text`` is the Doc's text read once (spaCy joins the tokens again on each ``doc.text``);
    ``token_actor`` the actor mentions over each token; ``places`` the geocoded places with a
    country and offsets; ``pos`` each token's part of speech, read as one array.
    """

    doc: Doc
    text: str
    token_actor: dict[int, list[Actor]]
    actor_kind: dict[str, str]
    places: list[Place]
    quotes: list[Quote]

    @property
    def pos(self) -> list[str]:
        """Each token's ``pos_`` (``doc_index.strings_of``): the coder tests every word for a
        trigger and makes a spaCy Token only for the verbs and nouns."""
        return strings_of(self.doc, "POS")

    @property
    def lemmas(self) -> list[str]:
        """Each token's ``lemma_.lower()`` (``doc_index.lower_lemmas``)."""
        return lower_lemmas(self.doc)

    @cached_property
    def _place_over(self) -> dict[int, Place]:
        over: dict[int, Place] = {}
        for place in self.places:
            for offset in range(place.start, place.end):
                over.setdefault(offset, place)
        return over

    def place_at(self, offset: int) -> Place | None:
        """The first place (in ``places``' order) whose words cover character ``offset``: a look-up,
        not a scan of every place, since the coder asks it of every token of many phrases."""
        return self._place_over.get(offset)

    @classmethod
    def of(cls, doc: Doc, actors: Sequence[Actor], quotes: Sequence[Quote],
           places: Sequence[Location] = ()) -> DocumentContext:
        token_actor: dict[int, list[Actor]] = {}
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    token_actor.setdefault(token.i, []).append(actor)
        return cls(doc=doc, text=doc_text(doc), token_actor=token_actor,
                   actor_kind={actor.id: actor.kind for actor in actors},
                   places=[p for p in map(Place.of, places) if p is not None], quotes=list(quotes))


@dataclass
class Argument:
    """A source or target: the actor found in the phrase, and whether it is only a generic noun."""

    ref: ActorRef
    token: Token
    generic: bool = False


@dataclass
class Trigger:
    """A word that states an event, with the code its pattern gave."""

    token: Token
    match: PatternMatch
    noun: bool = False
