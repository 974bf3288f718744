"""The country an article is set in, decided once per document, and the domestic actors it gives.

A news story is set in one country more often than not: its dateline says where it was filed
("BERLIN --"), and the people, institutions and places it names are mostly of that country
("South Dakota Gov. Kristi Noem ... Sen. ... the DHS"). The setting is the country of the first
dateline, else the one with the most weight, when it has enough and clearly more than the next:
each name counts once, a named person or a state body of a country more than the bare name of a
country (a story from Washington about
Ukraine names "Ukraine" often, but its officials, senators and agencies are American).

Actors the text gives no country take the setting where they are domestic: unnamed police,
prosecutors, courts, legislators, parties, businesses and civilians, officials and state bodies
with no name of their state, and people and organisations the dictionary does not know ("Sen.
Jane Doe", "Mr. Carlineo", "Republican counsel Steve Castor"); never envoys or troops, who act
abroad as often as at home, nor "the president", whose country the sentences around it give.
"""

from __future__ import annotations

from collections import Counter

from ._candidate import Candidate, code_of
from ._reading import Reading
from ._words import word_set

__all__ = ["HOME_SECTORS", "all_sides", "article_setting", "home_countries"]

PERSON_WEIGHT = 2  # a named person or a state body of a country
NAME_WEIGHT = 1  # a country's name, a people, a place
MIN_WEIGHT = 3  # less evidence than this decides nothing
MIN_SENTENCES = 3  # a sentence or two (a headline, a curated sentence) is set nowhere in particular
MIN_LEAD = 1.4  # the setting must outweigh the next country by this factor
# Sectors of actors that act at home: an unnamed one is of the country the article is set in.
HOME_SECTORS = {"COP", "JUD", "LEG", "PTY", "OPP", "CVL", "PPL", "EDU", "LAB", "BUS", "REL", "CRM"}
STATE_KINDS = {"government"}  # a state body ("the State Department", "the government")
NO_COUNTRY = {"IGO", "NGO", "MNC", "IMG", "UAF"}


def article_setting(reading: Reading, cands: list[Candidate]) -> str | None:
    """The country the article is set in, or None when its text does not make one plain: the
    country of its first dateline ("HANOI, Vietnam (AP) --"), else the one its actors and places
    are mostly of (a territory and its state, "Hong Kong" and "China", counting as one: of the two, the one
    named most as a place)."""
    if len(reading.sents) < MIN_SENTENCES:
        return None
    dateline_chars = {reading.doc[i].idx for i in reading.dateline}
    for place in sorted(reading.places, key=lambda p: p.start or 0):
        if place.start in dateline_chars and place.country and place.country not in NO_COUNTRY:
            return place.country
    weight: Counter[str] = Counter()
    where: Counter[str] = Counter()  # places and the country's own name: where things happen
    seen: set[tuple[str, str]] = set()  # each name counts once, however often it is repeated
    for place in reading.places:
        if place.country and place.country not in NO_COUNTRY:
            where[place.country] += 1
            if (place.country, place.name) not in seen:
                seen.add((place.country, place.name))
                weight[place.country] += NAME_WEIGHT
    for c in cands:
        if not c.country or c.country in NO_COUNTRY:
            continue
        where[c.country] += c.kind == "country"
        if (c.country, c.name) in seen:
            continue
        seen.add((c.country, c.name))
        weighty = c.kind == "person" or (c.sector is not None and c.kind in STATE_KINDS | {"group"})
        weight[c.country] += PERSON_WEIGHT if weighty else NAME_WEIGHT
    sovereigns = reading.dictionary.sovereigns
    states: Counter[str] = Counter()
    for country, w in weight.items():
        states[sovereigns.get(country, country)] += w
    ranked = states.most_common(2)
    if not ranked or ranked[0][1] < MIN_WEIGHT:
        return None
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return None
    state = ranked[0][0]  # the territory or its state, whichever is named most as the place
    return max((c for c in weight if sovereigns.get(c, c) == state),
               key=lambda c: (where[c], weight[c]))


def home_countries(reading: Reading, cands: list[Candidate]) -> None:
    """Give the setting to the domestic actors with no country: unnamed police, courts,
    lawmakers, parties, businesses and civilians, officials and state bodies, and people and
    organisations the dictionary does not know."""
    home = reading.setting
    if home is None:
        return
    for c in cands:
        if c.country is not None or c.pronoun or (c.code and c.code[:3] in NO_COUNTRY):
            continue
        if c.code and c.code != c.sector:
            continue  # a code of its own with no country in it
        if c.title and c.title in reading.dictionary.abroad:
            continue  # "Two hostages": held in the country, seldom of it
        proper = any(t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_)
                     for t in reading.doc[c.start : c.end])  # a name, not "the exchange"
        named = proper and not c.described and (c.kind == "person"
                                                or (c.kind == "organisation" and c.entry is None))
        body = c.sector == "GOV" and c.kind != "person"  # "officials", "the government"
        if named or c.sector in HOME_SECTORS or body:
            c.country, c.code = home, code_of(home, c.sector)


def all_sides(reading: Reading, cands: list[Candidate]) -> list[Candidate]:
    """"all sides" / "all parties" / "all factions" in a story set in one country: its parties
    ("The UK has urged an “end to the violence and for all sides to engage in meaningful political
    dialogue”" in a story set in Hong Kong: the sides there), as mentions of the setting."""
    home = reading.setting
    if home is None or home in NO_COUNTRY:
        return []
    covered = {i for c in cands for i in range(c.start, c.end)}
    found = []
    sides = word_set("side_nouns")
    for i, lower in enumerate(reading.lowers):
        if lower not in sides or i in covered or i in reading.dateline:
            continue
        tok = reading.doc[i]
        first = next((c for c in tok.lefts if c.lower_ == "all" and c.dep_ in {"det", "amod", "predet"}),
                     None)
        if first is None or any(c.dep_ == "prep" for c in tok.rights):
            continue  # "all sides of the debate", "all parties in the coalition": named there
        found.append(Candidate(first.i, tok.i + 1, reading.doc[first.i : tok.i + 1].text, home,
                               None, home, "group"))
    return found
