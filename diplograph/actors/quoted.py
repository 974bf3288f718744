"""The spaCy component "diplograph_quoted_persons": first-person pronouns inside a direct quote
are actors of its speaker.

"“We thank the Afghan government for its actions, in the spirit of our partnership that enabled
the freeing of the hostages,” White House Press Secretary Stephanie Grisham said": "We" and "our"
are the speaker's side (the United States), "I" and "my" the speaker. The speaker of a quote is
only known once the quotes stage has read the attributions, which needs the actors first; so this
runs once, between the quotes and the events stage, and adds each such pronoun as a mention of
the speaker's actor (the speaker's name, country and code), renumbering the actors and the
quotes' references to them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Actor, Quote

__all__ = ["QuotedPersons", "make_quoted_persons", "quoted_person_actors"]

# First-person pronouns: the speaker ("I"), or the side the speaker speaks for ("we").
SINGULAR = frozenset({"i", "me", "my"})
PLURAL = frozenset({"we", "us", "our"})
THIRD_PLURAL = frozenset({"they", "them"})


@Language.factory(
    "diplograph_quoted_persons",
    requires=["doc._.actors", "doc._.quotes"],
    assigns=["doc._.actors", "doc._.quotes"],
)
def make_quoted_persons(nlp: Language, name: str) -> QuotedPersons:
    return QuotedPersons()


class QuotedPersons:
    """Adds the first-person pronouns of direct quotes to ``doc._.actors`` as the speaker's."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = quoted_person_actors(doc, doc._.actors or [], doc._.quotes or [])
        return doc


def quoted_person_actors(doc: Doc, actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    """``actors`` with a mention of the speaker for each "I"/"we" (and "me", "my", "us", "our")
    inside a direct quote whose speaker is an actor with a country or a code; the quotes'
    ``speaker.actor`` ids follow the renumbering."""
    by_id = {a.id: a for a in actors}
    covered = {i for a in actors for i in range(a.start, a.end)}
    added: list[Actor] = []
    sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
    for quote in quotes:
        speaker = quote.speaker
        if quote.kind != "direct" or speaker is None or speaker.actor not in by_id:
            continue
        who = by_id[speaker.actor]
        if who.country is None and who.code is None:
            continue  # "a protester": no side to give
        for tok in doc.char_span(quote.start, quote.end, alignment_mode="expand") or ():
            word = tok.lower_
            if tok.pos_ != "PRON" or tok.idx in covered or word not in SINGULAR | PLURAL:
                continue
            if word in SINGULAR and who.kind != "person":
                continue  # "I" of a ministry's statement is no one
            # "we" of an official speaks for the state, not for the person
            kind = who.kind if word in SINGULAR or who.kind != "person" else "group"
            added.append(replace(who, id="", text=tok.text, start=tok.idx,
                                 end=tok.idx + len(tok.text), kind=kind, sentence=sentence_of[tok.sent.start]))
            covered.add(tok.idx)
    others = _others(doc, actors, quotes, by_id, added)
    if not added and not others:
        return actors
    out = sorted([a for a in [*actors, *added] if a.id not in others],
                 key=lambda a: (a.start, -a.end))
    renamed = {}
    for n, actor in enumerate(out, 1):  # the added ones have no id yet
        if actor.id:
            renamed[actor.id] = f"a{n}"
        actor.id = f"a{n}"
    for quote in quotes:
        if quote.speaker is not None and quote.speaker.actor in renamed:
            quote.speaker.actor = renamed[quote.speaker.actor]
    return out


def _others(doc: Doc, actors: list[Actor], quotes: list[Quote], by_id: dict[str, Actor],
            added: list[Actor]) -> set[str]:
    """Ids of "they"/"them" mentions the actors stage took for the speaker's own side in a direct
    quote where "we"/"us" is that side: set against "us", "they" are someone else ("“They wanted
    us on our knees and they used every trick ... to put pressure on us,” Erekat said" is not
    the Palestinians pressing themselves); such a "they" is left unresolved."""
    out: set[str] = set()
    for quote in quotes:
        speaker = quote.speaker
        if quote.kind != "direct" or speaker is None or speaker.actor not in by_id:
            continue
        side = by_id[speaker.actor].country
        if side is None or not any(quote.start <= a.start < quote.end
                                   and a.text.lower() in PLURAL for a in added):
            continue
        out |= {a.id for a in actors if quote.start <= a.start < quote.end
                and a.text.lower() in THIRD_PLURAL and a.country == side}
    return out
