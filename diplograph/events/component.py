"""The spaCy component "diplograph_events": assigns ``doc._.events`` from the parse and the actors."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .coder import EventCoder
from .dedup import dedup_events
from .verbs import load_verb_dictionary

__all__ = ["EventComponent"]


@Language.factory(
    "diplograph_events",
    default_config={"extra_files": [], "replace_verbs": False, "generic_arguments": False},
    requires=["doc._.actors", "doc._.quotes", "token.dep"],
    assigns=["doc._.events"],
)
def make_event_component(nlp: Language, name: str, extra_files: list[str], replace_verbs: bool,
                         generic_arguments: bool) -> EventComponent:
    return EventComponent(extra_files, generic_arguments, replace_verbs)


class EventComponent:
    """Codes each document's events; ``extra_files`` add verb patterns (petrarch2.tsv format).

    ``generic_arguments`` lets a plain agent noun ("the police", "protesters") stand as source or
    target when no actor was resolved there (codes stay null, confidence lower). ``replace_verbs``:
    the extra files decide the verbs they name alone (see ``verbs.load_verb_dictionary``).
    """

    def __init__(self, extra_files: list[str], generic_arguments: bool = False,
                 replace_verbs: bool = False) -> None:
        self.coder = EventCoder(load_verb_dictionary(tuple(extra_files), replace_verbs), generic_arguments)

    def __call__(self, doc: Doc) -> Doc:
        events = self.coder.code(doc, doc._.actors or [], doc._.quotes or [], doc._.places or [])
        doc._.events = dedup_events(events)
        return doc
