"""The spaCy component "diplograph_actors": assigns ``doc._.actors``, ``doc._.places`` and
``doc._.setting`` (the country the article is set in, decided once here for every later stage).

The dictionary (shipped files plus the user's ``extra_files``) is built once, when the pipeline
is assembled, so every document only pays for the lookups.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.dictionary import load_dictionary
from .resolve import read_actors

__all__ = ["ActorComponent", "make_actor_component"]


@Language.factory(
    "diplograph_actors",
    default_config={"extra_files": []},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.actors", "doc._.places", "doc._.setting"],
)
def make_actor_component(nlp: Language, name: str, extra_files: list[str]) -> ActorComponent:
    return ActorComponent(extra_files)


class ActorComponent:
    """Finds and resolves the actors of a Doc as of its publication date (``doc._.meta``)."""

    def __init__(self, extra_files: list[str]) -> None:
        self.dictionary = load_dictionary(tuple(str(p) for p in extra_files))

    def __call__(self, doc: Doc) -> Doc:
        published = (doc._.meta or {}).get("published")
        found = read_actors(doc, self.dictionary, published)
        doc._.actors, doc._.places, doc._.setting = found.actors, found.places, found.setting
        return doc
