"""The spaCy component "diplograph_quotes": assigns ``doc._.quotes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["QuoteComponent"]


@Language.factory("diplograph_quotes", requires=["doc._.actors"], assigns=["doc._.quotes"])
def make_quote_component(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()


class QuoteComponent:
    """Finds the quotes of a document (first version: none yet)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc
