"""The spaCy component "diplograph_when": dates each event in ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["WhenComponent"]


@Language.factory("diplograph_when", requires=["doc._.events"], assigns=["doc._.events"])
def make_when_component(nlp: Language, name: str) -> WhenComponent:
    return WhenComponent()


class WhenComponent:
    """Dates each event (first version: the publication date)."""

    def __call__(self, doc: Doc) -> Doc:
        published = (doc._.meta or {}).get("published")
        for event in doc._.events or []:
            event.date, event.date_precision = (published, "day") if published else (None, None)
        return doc
