"""Finding actor mentions in a parsed Doc and resolving them to a country, a sector and a code.

Names come from the dictionary (longest match over token ranges) and from spaCy's entities; role
nouns ("forces", "ambassador") make actors of their noun phrase, with the nationality its
adjectives, possessors and "of"/"in" phrases give; a state named on a noun of its act ("rejected a
U.S. request", "an Indian proposal") is an actor of its own. The dependency parse decides whether a place
name acts (subject, object, possessor, agent: an actor) or situates ("in Tokyo": a Location).
Later mentions ("the Russian president", "Petro", "the president-elect") take the name and code
of the person named earlier in the article; "he", "it", "they", "the country" and "the group" in a
later sentence become mentions of the nearest compatible actor before them (a subject pronoun the
subject of the sentence before, first); "Both men" and "their governments" after "Two hostages — an
American and an Australian" are of both states; "all sides" in a story set in one country are its
parties; a bare role noun ("the prime minister") takes the country of its context when that
context names one state only.
"ethnic Albanians" are of the other state their sentence names. Wire datelines ("BERLIN --") are
places. Unnamed people of a nationality ("Afghan civilians") and organisations named after their
state ("the United States Treasury") are actors of that state. First persons inside a direct quote
("“We thank ...,” said Grisham") are its speaker's, in the stage after quotes (``quoted``).

The passes live in private modules by concern: ``_names`` (dictionary names and spaCy's
entities), ``_datelines`` (wire datelines), ``_groups`` (nationalities of noun heads, role nouns,
national groups), ``_persons`` (person names and their titles), ``_named`` (countries, places,
organisations), ``_references`` (pronouns, "the country", titles linked across sentences); they
share one ``Reading`` of the Doc (``_reading``) and build ``Candidate`` mentions (``_candidate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ..lexicon.dictionary import ActorDictionary, split_code
from ..model import Actor, Location
from ._candidate import Candidate, code_of
from ._datelines import drop_datelines
from ._groups import ethnic_word, nationalities, role_mentions
from ._named import land_name, named_mention
from ._names import find_names
from ._persons import conjoined_surnames, known_surname, person_mention
from ._reading import Reading
from ._references import (
    acronyms,
    anaphors,
    context_countries,
    corefer,
    country_possessors,
    ethnic_minorities,
    pairs,
    party_countries,
    place_countries,
)
from ._setting import all_sides, article_setting, home_countries

__all__ = ["ActorReading", "find_actors", "read_actors"]


@dataclass
class ActorReading:
    """What the actors stage found in one Doc: the actor mentions, the place names used as
    locations, and the country the article is set in (None when the text does not make one plain),
    which later stages read instead of deciding it again."""

    actors: list[Actor]
    places: list[Location]
    setting: str | None


def find_actors(
    doc: Doc, dictionary: ActorDictionary, published: str | None = None
) -> tuple[list[Actor], list[Location]]:
    """The actor mentions and the place names used as locations in ``doc``, on ``published``."""
    found = read_actors(doc, dictionary, published)
    return found.actors, found.places


def read_actors(doc: Doc, dictionary: ActorDictionary, published: str | None = None) -> ActorReading:
    """The actors, places and setting of ``doc`` as of ``published``."""
    day = (published or date.today().isoformat())[:10]
    reading = Reading(doc, dictionary, day)
    find_names(reading)
    drop_datelines(reading)
    conjoined_surnames(reading)
    reading.index_matches()
    for m in reading.matches:  # "Mr Erdogan's critics": a known person lends his country
        if m.entry is None and m.label == "PERSON":
            m.entry = known_surname(reading, m, None)
    nationality = nationalities(reading)
    cands: list[Candidate] = []
    for m in reading.matches:
        if m.entry is None and m.label == "ORG" and m.end - m.start == 1:
            m.entry = known_surname(reading, m, None)  # "Museveni said": the NER took a person
        kind = m.kind()
        if kind in {"person", "organisation"} and land_name(reading, m):
            kind = "place"  # "the town of Gjilan", "based in Akure"
        if kind == "person" and ethnic_word(reading, reading.root(m)):
            continue  # "Kurd" in "Turkish Kurd refugees": the refugees' people, no person
        if kind == "person":
            cands.append(person_mention(reading, m, nationality))
        else:
            cand = named_mention(reading, m, kind, nationality)
            if cand is not None:
                cands.append(cand)
    cands.extend(role_mentions(reading, nationality))
    cands.sort(key=lambda c: (c.start, -c.end))
    pairs(reading, cands)
    corefer(reading, cands)
    acronyms(reading, cands)
    country_possessors(reading, cands)
    reading.setting = article_setting(reading, cands)
    context_countries(reading, cands)
    ethnic_minorities(reading, cands)
    party_countries(reading, cands)
    place_countries(reading, cands)
    home_countries(reading, cands)
    cands.extend(anaphors(reading, cands))
    cands.extend(all_sides(reading, cands))
    cands.sort(key=lambda c: (c.start, -c.end))
    return ActorReading(_actors(reading, cands), sorted(reading.places, key=lambda p: p.start or 0),
                        reading.setting)


def _actors(reading: Reading, cands: list[Candidate]) -> list[Actor]:
    """The Actors of the candidates: none in a dateline, no duplicate, one per country named."""
    doc = reading.doc
    out: list[Actor] = []
    kept: set[tuple[int, int, str | None]] = set()  # a set, not a scan of those kept: linear in mentions
    for c in cands:
        while c.start in reading.dateline and c.start < c.end - 1:
            c.start += 1  # "Washington - US President Donald Trump": the mention starts after it
        if c.start in reading.dateline:
            continue
        if (c.start, c.end, c.code) in kept:
            continue
        kept.add((c.start, c.end, c.code))
        span = doc[c.start : c.end]
        for country, code in [(c.country, c.code), *c.extra]:
            sector = (c.sector if code == c.code
                      else split_code(code, reading.dictionary.countries)[1])
            if code != c.code and c.sector and country == code:
                code, sector = code_of(country, c.sector), c.sector
            out.append(Actor("", span.text, span.start_char, span.end_char, c.name, country,
                             sector, code, c.kind, reading.sent_of[c.start]))
    out.sort(key=lambda a: (a.start, -a.end))
    for n, actor in enumerate(out, 1):
        actor.id = f"a{n}"
    return out
