"""One episode, one event: a protest's demand is its purpose, an attack's toll and what rioters did
while rioting are not events of their own."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Event
from ._grammar import phrase_tokens
from ._parts import Trigger
from ._words import VIOLENT_ROOTS, word_list

__all__ = [
    "demand_clauses", "is_protest_purpose", "is_protesting", "joins_protest", "violence_kind",
    "without_bare_repeats",
]


def is_protesting(head: Token, triggers: dict[int, Trigger]) -> bool:
    """Whether ``head`` states a protest (14x), itself or through its event noun ("staged rallies")."""
    stated = [head, *(c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "attr"))]
    return joins_protest(head) or any(
        t.i in triggers and (triggers[t.i].match.cameo[:2] == "14" or triggers[t.i].match.cameo == "191")
        for t in stated)  # (a blockade by farmers or strikers is their protest too)


def joins_protest(verb: Token) -> bool:
    """"joining thousands of demonstrators": taking part in a protest."""
    return verb.lemma_.lower() == "join" and any(
        t.lemma_.lower() in word_list("protest_words") for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


def is_protest_purpose(token: Token, triggers: dict[int, Trigger]) -> bool:
    """A demand or appeal that is what a protest is for ("began a hunger strike to demand X")."""
    if token.i not in triggers or triggers[token.i].match.cameo[:2] not in ("02", "10"):
        return False
    if token.dep_ == "pcomp" and token.head.lower_ == "in" and token.tag_ == "VBG":
        return is_protesting(token.head.head, triggers)  # "rioted ... in demanding a referendum"
    if token.dep_ in ("advcl", "acl") and token.tag_ == "VBG" and is_protesting(token.head, triggers):
        return True  # "demonstrated in Kirkuk calling for independence"
    return (token.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            and is_protesting(token.head, triggers))


def demand_clauses(verb: Token, triggers: dict[int, Trigger]) -> list[Token]:
    """Participle clauses of demand or appeal in ``verb``'s phrase ("demanding that ...", "calling for
    ..."), on the verb itself or on a noun it governs, not in another finite clause."""
    found = []
    # "..., joining protesters in demanding X"
    joined = [c for c in verb.children if c.dep_ == "advcl" and joins_protest(c)]
    for token in (*phrase_tokens(verb), *(t for c in joined for t in phrase_tokens(c))):
        for clause in token.children:
            if clause.dep_ in ("advcl", "acl", "xcomp", "pcomp") and clause.tag_ == "VBG" and clause.i in triggers \
                    and triggers[clause.i].match.cameo[:2] in ("02", "10", "11"):
                found.append(clause)
    return found


def without_bare_repeats(events: list[Event], doc: Doc) -> list[Event]:
    """Drop a protest or violent act with no target when the same source's act of that kind in the
    sentence has one ("attacked the camp, killing 156 people" is one attack, not two), or when it
    is a participle of a protest or attack with a target ("rioted at the jail, setting fire to
    their mattresses")."""
    aimed = {(e.source.code, e.source.start, violence_kind(e.cameo)) for e in events
             if e.target is not None and e.source is not None}
    aimed_at = {(e.source.code, e.source.start, e.trigger.start) for e in events
                if e.target is not None and e.source is not None and violence_kind(e.cameo)}

    def episode(e: Event) -> bool:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or span.root.tag_ != "VBG":
            return False
        token = span.root
        while token.dep_ == "conj" and token.head.tag_ == "VBG":  # "setting fire ... and smashing"
            token = token.head
        return (e.source is not None and token.dep_ in ("advcl", "conj")
                and (e.source.code, e.source.start, token.head.idx) in aimed_at)

    def toll(e: Event) -> bool:  # "killing about 20 people": unnamed people, a count of victims
        return e.target is None or (e.target.actor is not None and e.target.sector in (None, "CVL")
                                    and e.target.name == e.target.text)

    return [e for e in events if e.source is None or violence_kind(e.cameo) is None
            or (e.target is not None and not toll(e))
            or ((e.target is not None or (e.source.code, e.source.start, violence_kind(e.cameo)) not in aimed)
                and not episode(e))]


def violence_kind(code: str) -> str | None:
    """The kind of act for :func:`without_bare_repeats`: protest, or force (18-20)."""
    return "protest" if code[:2] == "14" else "force" if code[:2] in VIOLENT_ROOTS else None
