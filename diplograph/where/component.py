"""The spaCy component "diplograph_where": places each event in ``doc._.events``.

The place comes from the event's own sentence: a landmark ("at the Kremlin Palace", "told the UN
General Assembly") wherever it stands in the sentence, else a place mention governed by a locative
preposition ("in eastern Ukraine"), the one nearest the trigger in the parse. A sentence that names
no place leaves the location None rather than guessing from the dateline.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..doc_index import doc_text, span_ents
from ..lexicon.gazetteer import geocode, landmarks
from ..lexicon.parse import tree_distance
from ..model import Location

__all__ = ["WhereComponent", "event_location"]

LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around"})
_PLACE_LABELS = ("GPE", "LOC", "FAC")


@Language.factory(
    "diplograph_where", requires=["doc._.events", "doc._.places"], assigns=["doc._.events"]
)
def make_where_component(nlp: Language, name: str) -> WhereComponent:
    return WhereComponent()


class WhereComponent:
    """Sets ``location`` of every event from its sentence."""

    def __call__(self, doc: Doc) -> Doc:
        for event in doc._.events or []:
            trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if trigger is None:
                raise ValueError(f"event {event.id}: trigger offsets outside the text")
            event.location = event_location(trigger.root, doc._.places or [])
        return doc


def _is_locative(span: SpacySpan) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE


def _known_place(places: list[Location], start: int, end: int) -> Location | None:
    """A place mention the actors stage already placed in a country, when the gazetteer has no entry."""
    for place in places:
        if place.start == start and place.end == end and place.country:
            return Location(place.name, place.country, place.lat, place.lon)
    return None


def event_location(trigger: Token, places: list[Location]) -> Location | None:
    """The Location of the event whose trigger word is ``trigger``, from its sentence, or None."""
    sentence = trigger.sent
    doc = trigger.doc
    offset = sentence.start_char
    candidates: list[tuple[int, Location]] = []
    for start, end, landmark in landmarks(sentence.text):
        span = doc.char_span(offset + start, offset + end, alignment_mode="expand")
        if span is None:  # a match inside the sentence's text always covers a token; kept for the type
            continue
        location = Location(landmark.place, landmark.country, landmark.lat, landmark.lon,
                            doc_text(doc)[offset + start : offset + end], offset + start, offset + end)
        candidates.append((tree_distance(trigger, span.root), location))
    if not candidates:
        mentions: list[tuple[int, int]] = [
            (p.start, p.end) for p in places
            if p.start is not None and p.end is not None and sentence.start_char <= p.start < sentence.end_char
        ]
        mentions += [(e.start_char, e.end_char) for e in span_ents(sentence) if e.label_ in _PLACE_LABELS]
        for start, end in sorted(set(mentions)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not _is_locative(span):
                continue
            words = doc[span.root.left_edge.i : span.end] if span.root.left_edge.i >= span.start - 2 else span
            found = geocode(words.text) or geocode(span.text) or _known_place(places, start, end)
            if found is None:
                continue
            # a copy: the gazetteer's answers are cached and the document's places are shared
            found = replace(found, text=words.text, start=words.start_char, end=words.end_char)
            candidates.append((tree_distance(trigger, span.root), found))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]
