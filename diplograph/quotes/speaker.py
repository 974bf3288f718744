"""Speakers: the words that name who spoke, resolved to the named actor they refer to.

A name resolves to the actor mention it overlaps. A pronoun ("he") or a description ("the president",
"the Russian leader") that the actors stage did not already resolve to a named person resolves to
the nearest earlier person: first the speaker of the previous quote, then the nearest earlier person
actor in subject position, then any earlier person actor; a country the description names ("the
Ukrainian leader") must match the person's.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..doc_index import doc_text
from ..lexicon.cues import load_cues
from ..model import Actor, Speaker

__all__ = ["resolve_speaker", "speaker_span"]

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "i", "we"})
_KEEP_LEFT = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "punct"})


def speaker_span(head: Token) -> tuple[int, int]:
    """Char offsets of the speaker phrase: the head with its left modifiers and an "of" phrase.

    Appositions and relative clauses ("Petro, a left-wing politician,") are left out.
    """
    left = head
    for child in head.lefts:
        if child.dep_ in _KEEP_LEFT:
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = head
    for child in head.rights:
        if (child.dep_ in ("prep",) and child.lower_ == "of") or child.dep_ in ("compound", "flat"):
            right = max(right, child.right_edge, key=lambda t: t.i)
    doc = head.doc
    while left.i < head.i and (left.is_punct or left.is_space):
        left = doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


def _bare(words: str) -> str:
    return words.lower().removeprefix("the ").strip()


def _overlapping(actors: Sequence[Actor], start: int, end: int) -> Actor | None:
    hits = [a for a in actors if a.start < end and start < a.end]
    hits.sort(key=lambda a: (a.kind != "person", a.start))
    return hits[0] if hits else None


def _is_reference(doc: Doc, start: int, end: int) -> bool:
    """A pronoun or a definite description ("the Russian president") rather than a name."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return False
    if len(words) == 1 and words[0].lower_ in PRONOUNS:
        return True
    roles = load_cues().get("role", frozenset())
    return words[0].lower_ in ("the", "this", "that") and words[-1].lower_ in roles and not any(
        t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in words
    )


def _described_country(doc: Doc, start: int, end: int) -> str | None:
    """The country a description names by its adjective or name ("the Russian leader" -> RUS)."""
    from ..lexicon.dictionary import load_dictionary

    dictionary = load_dictionary()
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        entry = dictionary.lookup(token.text) if token.pos_ in ("ADJ", "PROPN") else None
        if entry is not None and entry.kind in ("demonym", "country") and entry.terms:
            return entry.terms[0].code[:3]
    return None


def _antecedent(
    doc: Doc, start: int, end: int, actors: Sequence[Actor], previous: Speaker | None
) -> Actor | None:
    """The person a pronoun or description refers to; a named country must match the person's."""
    country = _described_country(doc, start, end)
    by_id = {a.id: a for a in actors}
    if (previous is not None and previous.actor in by_id
            and (country is None or by_id[previous.actor].country in (country, None))):
        return by_id[previous.actor]
    earlier = [a for a in actors if a.end <= start and a.kind == "person"]
    if country is not None:
        earlier = [a for a in earlier if a.country == country] or earlier
    if not earlier:
        return None
    subjects = []
    for actor in earlier:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            subjects.append(actor)
    return (subjects or earlier)[-1]


def resolve_speaker(
    doc: Doc, start: int, end: int, actors: Sequence[Actor], previous: Speaker | None = None
) -> Speaker:
    """The Speaker for the words at ``start:end``, resolved to an actor where the text allows.

    ``previous`` is the speaker of the quote before this one, the likeliest referent of "he".
    """
    actor = _overlapping(actors, start, end)
    resolved = actor is not None and actor.kind == "person" and _bare(actor.name) != _bare(actor.text)
    if _is_reference(doc, start, end) and not resolved:
        actor = _antecedent(doc, start, end, actors, previous) or actor
    speaker = Speaker(doc_text(doc)[start:end], start, end)
    if actor is not None:
        speaker.name, speaker.country, speaker.code, speaker.actor = (
            actor.name, actor.country, actor.code, actor.id,
        )
    return speaker
