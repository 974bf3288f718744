"""The spaCy component "diplograph_actors": assigns ``doc._.actors`` and ``doc._.places``."""

from __future__ import annotations

import pycountry
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Actor, Location

__all__ = ["ActorComponent"]


@Language.factory(
    "diplograph_actors",
    default_config={"extra_files": []},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.actors", "doc._.places"],
)
def make_actor_component(nlp: Language, name: str, extra_files: list[str]) -> ActorComponent:
    return ActorComponent(extra_files)


class ActorComponent:
    def __init__(self, extra_files: list[str]) -> None:
        self.countries = {c.name.lower(): c.alpha_3 for c in pycountry.countries}

    def __call__(self, doc: Doc) -> Doc:
        sents = {s.start: i for i, s in enumerate(doc.sents)}
        actors, places = [], []
        for ent in doc.ents:
            sent = sents[ent.sent.start]
            if ent.label_ == "GPE" and ent.text.lower() in self.countries:
                iso = self.countries[ent.text.lower()]
                actors.append(Actor("", ent.text, ent.start_char, ent.end_char, ent.text, iso, None, iso, "country", sent))
            elif ent.label_ in ("PERSON", "ORG"):
                kind = "person" if ent.label_ == "PERSON" else "organisation"
                actors.append(Actor("", ent.text, ent.start_char, ent.end_char, ent.text, None, None, None, kind, sent))
            elif ent.label_ in ("GPE", "LOC"):
                places.append(Location(ent.text, None, text=ent.text, start=ent.start_char, end=ent.end_char))
        for i, a in enumerate(actors, 1):
            a.id = f"a{i}"
        doc._.actors = actors
        doc._.places = places
        return doc
