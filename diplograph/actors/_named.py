"""Named countries, places and organisations: whether a place name acts or situates.

The dependency parse decides: a subject, object, possessor or agent ("Russia said", "talks with
Iran") is an actor; a place after a locative preposition ("in Tokyo") is a Location; a name
modifying a role noun only lends it its nationality; one modifying a noun of the state's act ("a
U.S. request", "Israeli occupation", the nouns of ``data/actors/acts.txt``) is the state acting,
one modifying a thing ("US economy") is neither. A state's name or nationality on a stretch of
land ("in Thailand border", "Bosnian Serb territory", "in Chad's capital") makes that land a place
of the state; a name the NER took for a person or organisation where land is named ("the town of
Gjilan", "based in Akure") is a place; a state's name before a body's ("the Kenya Anti-Corruption
Commission") names that state's body, not a place.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.dictionary import split_code
from ..lexicon.gazetteer import geocode
from ._candidate import Candidate, Match
from ._groups import homeland
from ._names import PLACE_KINDS
from ._reading import Reading
from ._words import word_set

__all__ = ["LOCATION_PREPS", "land_name", "named_mention"]

LOCATION_PREPS = {
    "in", "at", "near", "inside", "within", "throughout", "across", "around", "outside", "from",
}
ORG_KINDS = {"organisation", "igo", "media", "group", "government"}
STATE_KINDS = {"country", "demonym", "capital"}  # names that stand for a state


def named_mention(reading: Reading, m: Match, kind: str, nat: dict) -> Candidate | None:
    """The mention of the country, place or organisation ``m``, or None (a place, a modifier)."""
    doc = reading.doc
    root = reading.root(m)
    span = doc[m.start : m.end]
    entry = m.entry
    code, _ = entry.code_on(reading.day) if entry else (None, True)
    country, sector = split_code(code, reading.dictionary.countries)
    if entry is None and kind == "organisation":
        owner = m.owner
        if owner is None and reading.nat_rank.get(root.i, 2) < 2:
            owner = nat.get(root.i, [None])[0]  # "Russia's Gazprom", "Syria's Baath party"
        if owner is not None:
            country = owner[0]
            code = owner[1] if owner[1] and owner[1].startswith("IGO") else owner[0]
            sector = split_code(code, reading.dictionary.countries)[1]
    head = root.head
    dep = root.dep_
    while dep == "conj" and head.i != root.i and head.dep_ == "pobj":
        dep = head.dep_  # "in Asia, Africa and Europe": conjuncts share the preposition
        head = head.head
    if kind in STATE_KINDS and country and country != "IGO" and _state_act(reading, root):
        # "rejected a U.S. request", "an Indian proposal", "Israeli occupation": the state acted
        if kind == "capital":  # "a Moscow proposal": its government
            name = entry.name if entry else span.text
            return Candidate(m.start, m.end, name, country, sector, code, "government", entry=entry)
        name = reading.dictionary.country_names.get(country, entry.name if entry else span.text)
        return Candidate(m.start, m.end, name, country, None, country, "country", entry=entry)
    if kind == "demonym":
        plural = root.tag_ in {"NNS", "NNPS"}
        argument = dep in {"nsubj", "dobj", "pobj", "nsubjpass"} and root.tag_.startswith("NN")
        argument = argument or dep in {"nsubj", "nsubjpass"}  # "Japanese and Australian armies"
        if plural or argument:  # "Colombians", "the Chinese said"
            start = m.start
            home = homeland(reading, root, nat)
            if home is not None:  # "Bosnian Serbs", "ethnic Albanians in Serbia"
                country, start = home, min(start, root.left_edge.i)
            name = reading.dictionary.country_names.get(country or "", span.text)
            return Candidate(start, m.end, name, country, None, country, "group", entry=entry)
        _land_of(reading, root, country)
        return None
    if kind in STATE_KINDS | {"place"} and dep == "poss" and head.lower_ in word_set("geo_nouns"):
        _land_of(reading, root, country)  # "in Chad's capital", "Venezuela's land borders"
        return None
    modifier = dep in {"compound", "amod", "nmod"} and head.i >= m.end
    if modifier and reading.role(head):
        return None  # lends its nationality to the role noun's mention
    if dep == "pobj" and head.lower_ == "of" and reading.role(head.head) and kind in PLACE_KINDS:
        return None  # "the ambassadors of Uruguay": their nationality
    if (modifier and kind == "government" and head.pos_ == "PROPN" and head.dep_ == "pobj"
            and head.head.lower_ in LOCATION_PREPS):
        reading.place(doc[m.start : head.i + 1], country)  # "at the Kremlin Palace"
        return None
    if dep == "appos" and head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS:
        dep, head = "pobj", head.head  # "in Kenya's capital, Nairobi": where, like its head
    locative = dep == "pobj" and head.lower_ in LOCATION_PREPS
    if head.lower_ == "from" and (kind == "government" or reading.act(head.head)):
        locative = False  # "support from the U.S. military", "a request from Russia": who made it
    place_like = kind in PLACE_KINDS or (m.entry is None and m.label in {"GPE", "LOC", "FAC"})
    if modifier and kind in ORG_KINDS - {"government"} and head.lower_ in word_set("org_heads"):
        start = min(m.start, head.left_edge.i)
        return Candidate(start, head.i + 1, entry.name if entry else span.text, country,
                         sector, code, _actor_kind(kind), entry=entry)
    if (modifier and kind == "country" and head.pos_ == "PROPN"
            and head.lower_ in word_set("body_names") and not locative and head.is_title):
        start = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "the" else m.start
        return Candidate(start, head.i + 1, doc[m.start : head.i + 1].text, country, None,
                         country, "organisation")  # "the Kenya Anti-Corruption Commission"
    if place_like or (kind == "government" and locative):
        if modifier:
            if head.pos_ == "PROPN":
                reading.place(doc[m.start : head.i + 1], country)
            else:
                _land_of(reading, root, country)  # "in Thailand border"
            return None
        acting = dep in {"nsubj", "nsubjpass", "dobj", "poss"} or (
            dep == "pobj" and head.lower_ in {"by", "against", "on", "with", "to"})
        if kind == "place" and acting and entry is not None and not locative:
            name = entry.name
            return Candidate(m.start, m.end, name, country, None, country, "country", entry=entry)
        if locative or kind == "place" or m.entry is None:
            reading.place(span, country, entry.name if entry and kind != "place" else None)
            return None
    if (modifier and kind in ORG_KINDS | {"person"} and dep == "compound" and not reading.role(head)
            and head.pos_ == "PROPN"):
        return None  # part of a longer name spaCy did not know
    start = m.start
    if m.start > 0 and doc[m.start - 1].lower_ == "the" and doc[m.start - 1].head.i == root.i:
        start = m.start - 1
    if kind == "capital":
        name = entry.name if entry else span.text
        return Candidate(start, m.end, name, country, sector, code, "government", entry=entry)
    if kind == "country":
        name = reading.dictionary.country_names.get(country or "", entry.name if entry else span.text)
        return Candidate(start, m.end, name, country, None, country, "country", entry=entry)
    lefts = [c for c in root.lefts if c.i < m.start and c.dep_ in {"det", "compound", "amod"}]
    if lefts:  # "the state media RT"
        start = min(start, *(c.left_edge.i for c in lefts))
    name = entry.name if entry else span.text
    return Candidate(start, m.end, name, country, sector, code, _actor_kind(kind), entry=entry)


def land_name(reading: Reading, m: Match) -> bool:
    """Whether a name the dictionary does not know names land, whatever the NER took it for: the
    land its "of" phrase hangs on ("the eastern Kosovan town of Gjilan"), or a town the gazetteer
    knows where a place stands ("based in Akure", "the Deraa countryside")."""
    if m.entry is not None or m.owner is not None:
        return False
    root = reading.root(m)
    if (root.dep_ == "pobj" and root.head.lower_ == "of"
            and root.head.head.lower_ in word_set("geo_nouns") and root.head.head.pos_ == "NOUN"):
        return True
    where = ((root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPS - {"from"})
             or (root.dep_ == "compound" and root.head.lower_ in word_set("geo_nouns")))
    return (where and m.kind() == "organisation"
            and geocode(reading.doc[m.start : m.end].text) is not None)


def _land_of(reading: Reading, root: Token, country: str | None) -> None:
    """A state's name or nationality qualifying a stretch of land ("in Thailand border", "Bosnian
    Serb territory", "the autonomous Azerbaijani republic of Nakhichevan") makes that land a
    place of the state, and the place its "of" phrase names one too."""
    head = root
    while head.dep_ in {"compound", "amod", "nmod", "poss"} and head.head.i > head.i:
        head = head.head
    if head is root or head.lower_ not in word_set("geo_nouns") or head.pos_ != "NOUN":
        return  # (a name the dictionary does not know: the gazetteer's, "the Deraa countryside")
    for prep in head.rights:
        if country and prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    reading.place_country[obj.i] = country
                    return  # the named place is the place: "the ... republic of Nakhichevan"
    start = min(root.i, *(t.i for t in head.subtree if t.dep_ != "det" and t.i <= head.i))
    span = reading.doc[start : head.i + 1]
    affs = [reading.affiliation(reading.by_token[t.i]) for t in span if t.i in reading.by_token]
    states = {aff[0] for aff in affs if aff}
    if len(states) > 1 and any(t.text == "-" for t in span):
        return  # "the Turkish-Syrian border": both states'
    if not any(p.end == span.end_char for p in reading.places):  # the first nationality's:
        reading.place(span, country)  # "Bosnian Serb territory" is Bosnia's


def _state_act(reading: Reading, root: Token) -> bool:
    """Whether ``root`` (with the names conjoined to it) modifies a noun of a state's act
    ("a U.S. request", "the American and British plans"), not a thing ("US economy")."""
    while root.dep_ == "conj" and root.head.i != root.i and root.head.i < root.i:
        root = root.head  # "American and British plans"
    head = root.head
    if root.dep_ not in {"compound", "amod", "nmod"} or head.i <= root.i:
        return False
    if head.pos_ not in {"NOUN", "VERB"} or reading.role(head):
        return False  # (the tagger takes "a US offer" for a verb)
    if head.lower_ in word_set("attack_heads") and head.dep_ in {"nsubj", "nsubjpass"}:
        return False  # "Israeli air strikes killed": the state's forces, a mention of their own
    return reading.act(head)


def _actor_kind(kind: str) -> str:
    if kind in {"organisation", "igo", "media", "group", "government", "person", "country"}:
        return kind
    return "organisation"
