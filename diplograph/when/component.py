"""The spaCy component "diplograph_when": dates each event in ``doc._.events``.

An event's date comes from the temporal phrase of its sentence that the parse attaches closest to
the event's trigger ("told ... on Tuesday", not "since 2000" of a neighbouring clause), resolved by
``resolve_date`` against ``doc._.meta["published"]`` with the tense of the trigger.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .resolve import MONTHS, WEEKDAYS, resolve_date

__all__ = ["WhenComponent", "date_phrases", "event_date", "tense_of", "tree_distance"]

# A phrase after these words is a duration or a bound ("since 2000", "until June"), not the date.
NOT_EVENT_DATE = frozenset({"since", "for", "until", "till", "through", "throughout", "over", "within", "by"})
_DATEISH = re.compile(
    r"\b(" + "|".join(WEEKDAYS + MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|\d{4}|today|tonight|yesterday|tomorrow|ago|(?:this|last|next|past|coming)\s+(?:week|month|year|weekend))\b",
    re.IGNORECASE,
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_PAST_AUX = frozenset({"had", "has", "have", "was", "were", "did"})


@Language.factory("diplograph_when", requires=["doc._.events"], assigns=["doc._.events"])
def make_when_component(nlp: Language, name: str) -> WhenComponent:
    return WhenComponent()


class WhenComponent:
    """Sets ``date`` and ``date_precision`` of every event from its sentence."""

    def __call__(self, doc: Doc) -> Doc:
        published = (doc._.meta or {}).get("published")
        for event in doc._.events or []:
            trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if trigger is None:
                raise ValueError(f"event {event.id}: trigger offsets outside the text")
            event.date, event.date_precision = event_date(trigger.root, published)
        return doc


def date_phrases(sentence: SpacySpan) -> list[SpacySpan]:
    """The temporal phrases of a sentence that can date an event (DATE entities naming a date)."""
    phrases = []
    for ent in sentence.ents:
        if ent.label_ != "DATE" or not _DATEISH.search(ent.text):
            continue
        before = ent.doc[ent.start - 1] if ent.start > sentence.start else None
        if before is not None and before.lower_ in NOT_EVENT_DATE:
            continue
        phrases.append(ent)
    return phrases


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


def tense_of(trigger: Token) -> str:
    """past, present or future, from the trigger's tag and auxiliaries (and those of its governor)."""
    for verb in (trigger, trigger.head if trigger.dep_ in ("xcomp", "conj") else None):
        if verb is None:
            continue
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & _FUTURE_AUX or "going" in auxiliaries:
            return "future"
        if verb.tag_ in ("VBD",) or auxiliaries & _PAST_AUX:
            return "past"
    return "present"


def event_date(trigger: Token, published: str | None) -> tuple[str | None, str | None]:
    """(date, precision) of the event whose trigger word is ``trigger``."""
    phrases = date_phrases(trigger.sent)
    tense = tense_of(trigger)
    for phrase in sorted(phrases, key=lambda p: tree_distance(trigger, p.root)):
        value, precision = resolve_date(phrase.text, published, tense)
        if value is not None:
            return value, precision
    return resolve_date(None, published, tense)
