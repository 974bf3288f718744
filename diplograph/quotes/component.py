"""The spaCy component "diplograph_quotes": assigns ``doc._.quotes`` (after the actors, whom
speakers resolve to; before the events, which link verbal events to their quote)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .finder import find_quotes

__all__ = ["QuoteComponent"]


@Language.factory("diplograph_quotes", requires=["doc._.actors"], assigns=["doc._.quotes"])
def make_quote_component(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()


class QuoteComponent:
    """Finds the quotes of a document."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, doc._.actors or [])
        return doc
