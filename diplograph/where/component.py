"""The spaCy component "diplograph_where": places each event in ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["WhereComponent"]


@Language.factory(
    "diplograph_where", requires=["doc._.events", "doc._.places"], assigns=["doc._.events"]
)
def make_where_component(nlp: Language, name: str) -> WhereComponent:
    return WhereComponent()


class WhereComponent:
    """Places each event (first version: leaves locations empty)."""

    def __call__(self, doc: Doc) -> Doc:
        return doc
