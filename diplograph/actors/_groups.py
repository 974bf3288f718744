"""Nationalities of noun heads and the actors role nouns make: "Israeli troops", "the army".

A role noun ("forces", "ambassador") or a people ("Afghan civilians", "Bosnian Serbs", "Iraqi
Kurds") is an actor of the state its adjectives, possessors and "of"/"in" phrases name ("Kurds"
alone: of no state; "supporters of X": of X's state, not of X's office); this pass ranks those
phrases and makes the mentions, leaving the country of a bare role noun to the references pass.
People "from" a place or group, a group "based in" or "affiliated with" one, and people "in" a
state's capital or territory are of that state; civilians of no nationality who act in a named place
("people blocked streets in Hong Kong") are its people. A national attack that acts ("A U.S. drone
strike killed") is the state's forces; a role noun used as a plain noun ("shared intelligence",
"join forces", "at 4 pm") is no actor. A nation's ship or plane acted on ("released a Turkish
ship") is that state, a group's site ("an Afghan army base") the group, and a war a state leads
("the US-led war") that state; weapons fired ("launched artillery") are the instrument, no actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.dictionary import Role, split_code
from ._candidate import Candidate, code_of
from ._names import SKIP_ENTS
from ._reading import Reading
from ._words import word_pairs, word_set

__all__ = ["MODIFIER_DEPS", "ethnic_word", "homeland", "nationalities", "role_mentions"]

# Closed classes stay here (dependency labels, prepositions, entity labels); the open-class word
# lists (role, place, craft and weapon nouns, verbs of arrival) are data/actors/groups.txt.
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
ACTING_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}  # a people as argument
PHRASE_RANK = {"of": 1, "from": 1, "in": 2}  # how much a phrase says of a noun's state
CLOCK_ENTS = {"TIME", "DATE"}  # "at 4 pm", "5 p.m.": the hour, not a prime minister


def nationalities(reading: Reading) -> dict[int, list[tuple[str | None, str | None]]]:
    """Head token -> affiliations from its adjectives, compounds, possessors, of/in phrases.

    Modifiers in the noun phrase outrank an "of" phrase, which outranks an "in" phrase:
    "Israeli troops in Congo" are Israeli.
    """
    ranked: dict[int, list[tuple[int, tuple[str | None, str | None]]]] = {}
    demonyms: dict[int, int] = {}  # head -> how many nationality adjectives it has
    conjoined: set[int] = set()  # heads whose adjectives are conjoined ("Hungarian and Romanian")
    for m in reading.matches:
        aff = reading.affiliation(m)
        if aff is None:
            continue
        tok = reading.root(m)
        while (tok.dep_ == "compound" and tok.head.lower_ in word_set("place_nouns")
               and m.entry is not None):
            tok = tok.head  # "the government of Sindh province", "Kaduna State police"
        while (tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i
               and tok.head.i not in reading.by_token and not reading.role(tok.head)
               and m.kind() in {"country", "demonym"}):
            tok = tok.head  # "Montenegro Municipality Association officials": the body's state
        joined = tok.dep_ == "conj"
        while tok.dep_ == "conj" and tok.head.i != tok.i:  # "Hungarian and Romanian officials"
            tok = tok.head
        if tok.dep_ in MODIFIER_DEPS and tok.head.i >= m.end:
            head = tok.head
            if head.lower_ == "led" and head.dep_ == "amod":
                head = head.head  # "Saudi-led coalition", "Vietnamese-led forces": the leader's
            if ethnic_word(reading, head):
                head = head.head  # "Turkish Kurd refugees": the refugees are Turkish
            ranked.setdefault(head.i, []).append((0, aff))
            if m.entry is not None and m.entry.kind == "demonym" and tok.dep_ != "poss":
                reading.demonym_heads.add(head.i)
                demonyms[head.i] = demonyms.get(head.i, 0) + 1
                if joined:
                    conjoined.add(head.i)
        elif (tok.dep_ == "appos" and m.kind() == "demonym" and tok.head.tag_ == "NNS"
              and tok.head.i < tok.i):
            # "Two hostages — an American and an Australian — who had been held by the Taliban":
            # people named by their nationalities in apposition are of those states
            ranked.setdefault(tok.head.i, []).append((0, aff))
            conjoined.add(tok.head.i)
        elif (owner := _affiliated(tok)) is not None:  # "a terror group based in Trinidad"
            ranked.setdefault(owner.i, []).append((1, aff))
        elif (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in PHRASE_RANK
              and (tok.head.lower_ != "from" or tok.head.head.pos_ == "NOUN")):
            # "a missionary from Calgary": where people come from is their state
            ranked.setdefault(tok.head.head.i, []).append((PHRASE_RANK[tok.head.lower_], aff))
    for head_i, affs in list(ranked.items()):  # a place's or group's state lent to the noun
        tok = reading.doc[head_i]
        while tok.dep_ in {"poss", "compound"} and tok.head.i > tok.i:
            tok = tok.head  # "with the Serbian Workers' Union": the union's
        if tok.dep_ != "pobj" or tok.head.head.i == tok.i:
            continue
        owner = _affiliated(tok)  # "workers affiliated with the Serbian Workers' Union"
        if owner is None and tok.pos_ == "NOUN" and (
                (tok.lower_ in word_set("geo_nouns") and tok.head.lower_ in {"of", "in"})
                or (tok.head.lower_ == "from" and tok.head.head.pos_ == "NOUN")):
            owner = tok.head.head  # "leaders in Chad's capital", "doctors from American groups"
        if owner is not None:
            rank = PHRASE_RANK.get(tok.head.lower_, 1) if owner is tok.head.head else 1
            lent = [(rank, aff) for r, aff in affs if r == 0]
            if lent:
                outer = ranked.setdefault(owner.i, [])
                outer += [pair for pair in lent if pair not in outer]
    nat: dict[int, list[tuple[str | None, str | None]]] = {}
    for head_i, affs in ranked.items():
        best = min(rank for rank, _ in affs)
        nat[head_i] = list(dict.fromkeys(aff for rank, aff in affs if rank == best))
        if best == 0 and demonyms.get(head_i, 0) > 1 and head_i not in conjoined:
            nat[head_i] = nat[head_i][:1]  # "Croatian Serb refugees": the state, then the people
        reading.nat_rank[head_i] = best
    return nat


def _affiliated(tok: Token) -> Token | None:
    """The noun a participle ties to ``tok`` ("workers affiliated with [the union]", "a group
    based in [Trinidad]", "militias loyal to [Tehran]"), whose state ``tok``'s is."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
    if (verb is None or verb.dep_ not in {"acl", "amod"}
            or verb.lower_ not in word_set("affiliations")):
        return None
    return verb.head if verb.head.pos_ in {"NOUN", "PROPN"} else None


def ethnic_word(reading: Reading, tok: Token) -> bool:
    """Whether ``tok`` is a people's name the dictionary does not know, between a nationality and
    the noun it qualifies ("Kurd" in "Turkish Kurd refugees"): no person, no actor of its own."""
    name = reading.by_token.get(tok.i)
    if name is None or name.entry is not None or name.end - name.start != 1:
        return False
    if tok.dep_ != "compound" or tok.head.i <= tok.i or tok.head.pos_ != "NOUN":
        return False
    for c in tok.lefts:
        entry = reading.by_token[c.i].entry if c.i in reading.by_token else None
        if c.dep_ == "amod" and entry is not None and entry.kind == "demonym":
            return True
    return False


def homeland(reading: Reading, root: Token, nat: dict) -> str | None:
    """The state of a people named by its ethnicity: "Bosnian Serbs" (BIH), "the Albanians of
    southern Serbia", "ethnic Albanians in Serbia" (SRB); None when the text gives none."""
    rank = reading.nat_rank.get(root.i)
    ethnic = any(t.lower_ == "ethnic" for t in root.lefts)
    if rank is None or (rank == 2 and not ethnic):
        return None  # "Americans in Iraq" stay Americans
    return next((c for c, _ in nat.get(root.i, []) if c and c != "IGO"), None)


def role_mentions(reading: Reading, nat: dict) -> list[Candidate]:
    """Mentions made by role nouns ("the Russian president", "Afghan civilians", "its troops")."""
    doc = reading.doc
    out = []
    for i in range(len(doc)):
        if (i in reading.consumed or i in reading.by_token
                or reading.pos[i] not in {"NOUN", "PROPN"} or reading.ent_types[i] in CLOCK_ENTS):
            continue
        tok = doc[i]
        role = reading.role(tok)
        if role is None:
            role = _people(reading, tok)
        site = tok.head if (role is not None and tok.dep_ == "compound"
                            and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN"
                            and tok.head.lemma_.lower() in word_set("sites")) else None
        if role is None or (tok.dep_ in {"compound", "amod", "nmod"}
                            and tok.head.pos_ in {"NOUN", "PROPN"} and site is None):
            continue
        if site is not None:
            role = Role(role.sector, "group")  # "an Afghan army base": the army's
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-":
            continue  # "immigrant-friendly"
        if role.kind == "person" and tok.tag_ in {"NNS", "NNPS"}:
            role = Role(role.sector, "group")  # "Taliban leaders"
        key = reading.role_text(tok)
        start = tok.left_edge.i if tok.left_edge.i < tok.i else tok.i
        start = min([start] + [c.left_edge.i for c in tok.lefts])
        affs = nat.get(tok.i, []) or (nat.get(site.i, []) if site is not None else [])
        if site is not None:
            start = min(start, site.left_edge.i)
        first = doc[reading.role_start(tok)]
        if first.i < tok.i and first.is_ancestor(tok):
            # "the Polish head of state": the phrase's head has the nationality and the article
            start = min(start, first.left_edge.i)
            affs = affs or nat.get(first.i, [])
        if _condition(reading, tok):
            continue  # "declared a state of emergency": a condition, not the state
        if (tok.lemma_.lower() in word_set("weapons") and not affs
                and tok.dep_ not in {"nsubj", "nsubjpass", "appos"}):
            continue  # "launched artillery, mortar, and rocket fire against ...": the instrument
        if affs and reading.nat_rank.get(tok.i) == 2 and (
                any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.lefts)
                or any(t.lower_.startswith("peacekeep") for t in doc[start : tok.i + 1])):
            affs = []  # "its troops in Iraq", "the peacekeeping force in Lebanon": not Iraq's
        end = (site or tok).i + 1
        for child in tok.rights:  # "The Government of India": the name runs to the country
            if child.dep_ == "prep" and child.lower_ == "of" and affs:
                inner = [reading.by_token[t.i].end for t in child.subtree
                         if t.i in reading.by_token and reading.affiliation(reading.by_token[t.i])]
                end = max([end, *inner])
        while (end < len(doc) and doc[end].lower_ in word_set("place_nouns")
               and doc[end - 1].head.i == end):
            end += 1  # "The government of Sindh province"
        if not affs and role.sector == "CVL":
            affs = _situated(reading, tok)  # "people blocked streets in Hong Kong"
        partners = tok.lower_ in word_set("partner_nouns")
        if partners:
            affs = []  # "Russia's allies", "its allies": other states, of no country named
        if not affs:
            if key in word_set("generic_roles") or _not_an_actor(tok, key):
                continue
            pronoun = next((c.lower_ for c in tok.lefts if c.dep_ == "poss" and c.pos_ == "PRON"
                            and not partners), None)
            if pronoun and role.kind != "person":
                out.append(Candidate(start, end, doc[start:end].text, None, role.sector,
                                     role.sector, role.kind, key, pronoun=pronoun))
                continue
            if role.kind == "person":  # "the president": the person named earlier, if any
                out.append(Candidate(start, tok.i + 1, doc[start : tok.i + 1].text,
                                     None, role.sector, role.sector, "person", key,
                                     described=True))
                continue
            out.append(Candidate(start, end, doc[start:end].text, None,
                                 role.sector, role.sector, role.kind, key))
            continue
        if (tok.lower_ in word_set("follower_nouns") and not role.sector) or role.sector == "OPP":
            # "supporters of Gbagbo", "Kremlin critics": of the state, not of the office
            affs = list(dict.fromkeys((country, country) for country, _ in affs))
        for country, code in affs:
            sector = role.sector
            if code and code != country:  # "UN envoy", "Kremlin spokesman"
                keep = code.startswith("IGO") or split_code(code, reading.dictionary.countries)[1]
                full = code if keep else code_of(country, sector)
                sector = split_code(full, reading.dictionary.countries)[1]
            else:
                full = code_of(country, sector)
            name = doc[start:end].text
            if name.lower().startswith("the "):
                name = name[4:]
            out.append(Candidate(start, end, name, country, sector, full, role.kind, key,
                                 described=role.kind == "person"))
    return out


def _situated(reading: Reading, tok: Token) -> list[tuple[str | None, str | None]]:
    """The state of the place where civilians of no nationality act ("Hundreds of thousands of
    people blocked streets in Hong Kong": Hong Kong's people), from the verb's "in" phrase or its
    object's; people who arrive there ("116 people arrived in Kyrgyzstan") act, of no state
    named ([(None, None)]); nothing when they are not the subject."""
    actor = tok
    if (tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and (tok.head.head.like_num or tok.head.head.lower_ in word_set("quantity_nouns"))):
        actor = tok.head.head  # "thousands of people"
    if actor.dep_ != "nsubj" or actor.head.pos_ != "VERB":
        return []
    verb = actor.head
    stranger = verb.lemma_.lower() in word_set("arrivals")  # arrived there: of no state named
    for word in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            objs += [c for o in objs if o.lower_ in word_set("geo_nouns") for c in o.children
                     if c.dep_ in MODIFIER_DEPS]  # "in Kenya's capital"
            for obj in objs:
                name = reading.by_token.get(obj.i)
                if name is None:
                    continue
                aff = reading.affiliation(name)
                if aff and aff[0] and aff[0] != "IGO" and name.kind() in {"country", "place",
                                                                           "capital", "demonym"}:
                    return [(None, None)] if stranger else [(aff[0], aff[0])]
    return []


def _condition(reading: Reading, tok: Token) -> bool:
    """"a state of emergency", "a state of siege": "state" with an "of" phrase naming a condition
    (a common noun, no name), unlike "the state of Israel"."""
    if tok.lower_ != "state":
        return False
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            return bool(objs) and all(o.pos_ == "NOUN" and o.i not in reading.by_token
                                      for o in objs)
    return False


def _not_an_actor(tok: Token, key: str | None) -> bool:
    """A role noun used as a plain noun: "shared intelligence", "join forces", "freedom of
    assembly"."""
    if (tok.head.lemma_.lower(), tok.lower_) in word_pairs("idioms") and tok.dep_ == "dobj":
        return True
    bare = not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in tok.lefts)
    return key in word_set("plain_when_bare") and bare


def _people(reading: Reading, tok: Token) -> Role | None:
    """Unnamed people of a nationality ("Palestinian militants", "Syrian opposition members",
    "Iraqi towns"): a group with the country, and the sector of a role noun before the head."""
    inner = [reading.role(c) for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    sector = next((r.sector for r in inner if r is not None), None)
    based = any(c.dep_ == "acl" and c.lower_ == "based" for c in tok.rights)
    if tok.tag_ == "NN" and tok.lower_ in word_set("org_heads") and reading.nat_rank.get(tok.i) in (
            {0, 1} if based else {0}):
        # "a U.S. government watchdog agency", "an official Syrian newspaper", "a terror group
        # based in Trinidad"
        media = tok.lower_ in word_set("media_heads")
        return Role(sector or ("MED" if media else None), "media" if media else "organisation")
    lemma = tok.lemma_.lower()
    if ((tok.lower_ in word_set("attack_heads") or lemma in word_set("war_machines"))
            and reading.nat_rank.get(tok.i) == 0 and tok.dep_ in {"nsubj", "nsubjpass"}):
        # "A U.S. drone strike killed", "A Venezuelan police helicopter attacked": its forces acted
        return Role(sector or "MIL", "group")
    if (lemma in word_set("vehicles") | word_set("war_machines")
            and reading.nat_rank.get(tok.i) == 0 and tok.dep_ in {"dobj", "nsubjpass"}):
        # "released a Turkish ship", "forced a Georgian cargo plane to land": the state's
        military = lemma in word_set("war_machines") - word_set("vehicles")
        return Role(sector or ("MIL" if military else None), "group")
    if (reading.nat_rank.get(tok.i) == 0 and tok.dep_ == "pobj"
            and any(c.dep_ == "amod" and c.lower_ == "led" for c in tok.lefts)):
        # "assistance to the US-led war against Iraq": the state leading it is the party to it
        return Role(sector, "group")
    if (tok.tag_ == "NNS" and tok.lower_ in word_set("follower_nouns")
            and reading.nat_rank.get(tok.i) == 1):
        return Role(sector, "group")  # "supporters of Gbagbo": of his country, not his office
    if tok.tag_ == "NNS" and sector and tok.lower_ in word_set("member_nouns"):
        return Role(sector, "group")  # "opposition groups", "army units": the role's
    if (tok.tag_ in {"NNS", "NNPS"} and tok.ent_type_ == "NORP" and tok.is_title
            and tok.i not in reading.demonym_heads and tok.dep_ in ACTING_DEPS
            and not any(c.dep_ == "compound" for c in tok.lefts)):
        # "Kurds clashed with police": a people, of no state named; "West Africans" a region's
        return Role(sector, "group")
    if (tok.tag_ not in {"NNS", "NNPS"} or tok.i not in reading.demonym_heads
            or tok.ent_type_ in SKIP_ENTS or reading.act(tok)):  # "Afghan civilians", "Iraqi
        # Kurds"; "Israeli attacks" are Israel's acts, the adjective its mention
        return None
    return Role(sector, "group")
