"""Wire datelines ("BERLIN --", "MOGADISHU, Somalia (AP) --"): places where a lead starts.

A dateline says where the story was filed, so its names are places and never actors, and a mention
that starts in it ("Washington - US President Donald Trump") starts after it.
"""

from __future__ import annotations

from ..lexicon.datelines import dateline_end
from ..lexicon.dictionary import split_code
from ._names import PLACE_KINDS
from ._reading import Reading

__all__ = ["drop_datelines"]


def drop_datelines(reading: Reading) -> None:
    """Names in a wire dateline ("BERLIN --", "MOGADISHU, Somalia (AP) --", "Tehran, March 15,
    IRNA -") say where the story was filed: places, not actors."""
    for sent in reading.sents:
        end = dateline_end(sent)
        if end is None:
            continue
        inside = [m for m in reading.matches if sent.start <= m.start and m.end <= end]
        for m in inside:
            if m.kind() in PLACE_KINDS or m.label in {"GPE", "LOC"}:
                entry = m.entry
                countries = reading.dictionary.countries
                country = (split_code(entry.code_on(reading.day)[0], countries)[0]
                           if entry else None)
                reading.place(reading.doc[m.start : m.end], country, entry.name if entry else None)
        reading.matches = [m for m in reading.matches if m not in inside]
        reading.dateline.update(range(sent.start, end + 1))

