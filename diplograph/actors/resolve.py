"""Finding actor mentions in a parsed Doc and resolving them to a country, a sector and a code.

Names come from the dictionary (longest match over token ranges) and from spaCy's entities; role
nouns ("forces", "ambassador") make actors of their noun phrase, with the nationality its
adjectives, possessors and "of"/"in" phrases give. The dependency parse decides whether a place
name acts (subject, object, possessor, agent: an actor) or situates ("in Tokyo": a Location).
Later mentions ("the Russian president", "Petro", "the president-elect") take the name and code
of the person named earlier in the article; "he", "it", "they", "the country" and "the group" in a
later sentence become mentions of the nearest compatible actor before them; a bare role noun ("the
prime minister") takes the country of its context when that context names one state only.
Wire datelines ("BERLIN --") are places. Unnamed people of a nationality ("Afghan civilians") and
organisations named after their state ("the United States Treasury") are actors of that state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Location
from .dictionary import ActorDictionary, Entry, Role, match_key, split_code

__all__ = ["find_actors"]

LOCATION_PREPS = {
    "in", "at", "near", "inside", "within", "throughout", "across", "around", "outside", "from",
}
PLACE_KINDS = {"country", "capital", "place"}
ORG_KINDS = {"organisation", "igo", "media", "group", "government"}
ORG_HEADS = {
    "agency", "newspaper", "channel", "network", "broadcaster", "outlet", "group",
    "organization", "organisation", "alliance", "bloc", "movement", "militia", "daily", "radio",
    "television", "tv", "service", "coalition",
}
MEETINGS = {"summit", "conference", "talks", "games", "cup", "championship", "festival", "war"}
MEMBER_NOUNS = {"groups", "members", "supporters", "units", "factions", "movements",
                "organisations", "organizations", "leaders", "figures"}
MEDIA_HEADS = {"newspaper", "channel", "broadcaster", "outlet", "daily", "radio", "television", "tv"}
GENERIC_ROLES = {"people", "state", "citizens", "residents", "leader", "secretary", "media"}
SKIP_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY", "WORK_OF_ART"}
CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december",
}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "madam", "mister"}
FORMER = {"former", "ex", "ex-", "ousted", "late", "deposed", "then"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
# Words that refer back to an actor named before, and the kinds of actor they can name.
PERSONS = frozenset({"person"})
STATES = frozenset({"country", "government"})
BODIES = frozenset({"country", "government", "organisation", "igo"})
GROUPS = frozenset({"group", "organisation"})
ANAPHORS = {"he": PERSONS, "him": PERSONS, "she": PERSONS, "her": PERSONS, "it": BODIES | {"group"},
            "they": GROUPS, "them": GROUPS}
REFERRING_NOUNS = {"country": STATES, "nation": STATES, "group": GROUPS}
# Sectors a bare role noun shares with the state its context names ("the army", "the police");
# not envoys or ambassadors, who are usually the other state's.
CONTEXT_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "OPP", "REB", "SPY", "PTY"}
ANAPHOR_SENTENCES = 2  # how many sentences back an antecedent may be


@dataclass
class Match:
    """A name found in the text: token range, dictionary entry (None: from spaCy's NER)."""

    start: int
    end: int
    entry: Entry | None
    label: str = ""  # NER label for entity-only matches
    owner: tuple[str | None, str | None] | None = None  # "United States Treasury": (USA, USA)

    def kind(self) -> str:
        if self.entry is not None:
            return self.entry.kind
        return {"PERSON": "person", "ORG": "organisation"}.get(self.label, "place")


@dataclass
class Candidate:
    """An actor mention under construction (token offsets)."""

    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    title: str | None = None
    entry: Entry | None = None
    described: bool = False  # a role description ("the Russian president"), not a name
    pronoun: str | None = None  # "his government": whose, from the actor before it
    extra: list[tuple[str | None, str | None]] = field(default_factory=list)


def find_actors(
    doc: Doc, dictionary: ActorDictionary, published: str | None = None
) -> tuple[list[Actor], list[Location]]:
    """The actor mentions and the place names used as locations in ``doc``, on ``published``."""
    day = (published or date.today().isoformat())[:10]
    return _Resolver(doc, dictionary, day).run()


class _Resolver:
    def __init__(self, doc: Doc, dictionary: ActorDictionary, day: str) -> None:
        self.doc = doc
        self.d = dictionary
        self.day = day
        self._role_cache: dict[int, str | None] = {}
        self.places: list[Location] = []
        self.dateline: set[int] = set()  # tokens of wire datelines
        self.matches = _prefer_entities(doc, _dictionary_matches(doc, dictionary))
        self._add_entities()
        self._drop_datelines()
        self.by_token: dict[int, Match] = {}
        for m in self.matches:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.consumed: set[int] = set()  # role tokens merged into a person's mention
        self.sents = list(doc.sents)
        self.sent_of: dict[int, int] = {}  # token -> index of its sentence in self.sents
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.demonym_heads: set[int] = set()  # nouns with a nationality adjective ("Afghan civilians")
        self.nat_rank: dict[int, int] = {}  # head token -> 0 modifier/possessor, 1 "of", 2 "in"

    # --- collecting names -------------------------------------------------------------------

    def _add_entities(self) -> None:
        taken = {i for m in self.matches for i in range(m.start, m.end)}
        for ent in map(_trim, self.doc.ents):
            if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "FAC"} or not len(ent):
                continue
            if ent.label_ == "ORG" and ent.root.lower_ not in MEETINGS and self._owned_organisation(ent):
                continue
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            if ent.label_ == "ORG" and self._role(ent.root) and ent.root.i == ent.end - 1:
                continue  # "The Government", "Parliament": a role noun phrase, read below
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            while start < ent.end - 1 and self.doc[start].lower_ in CALENDAR:
                start += 1  # "This Tuesday Putin": the NER's date word is not the name
            while (ent.label_ == "PERSON" and start > 0 and start - 1 not in taken
                   and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].is_title
                   and self.doc[start - 1].head.i >= start and not self._role(self.doc[start - 1])
                   and self.doc[start - 1].lower_ not in CALENDAR):
                start -= 1
            end = ent.end
            while (ent.label_ == "PERSON" and end < len(self.doc) and end not in taken
                   and self.doc[end].pos_ == "PROPN" and self.doc[end].is_title
                   and self.doc[end - 1].head.i == end):  # "Maria Fernanda" + "Cabal"
                end += 1
            if start < end:
                self.matches.append(Match(start, end, None, ent.label_))
        self.matches.sort(key=lambda m: m.start)

    def _drop_datelines(self) -> None:
        """Names in a wire dateline ("BERLIN --", "MOGADISHU, Somalia (AP) --", "Tehran, March 15,
        IRNA -") say where the story was filed: places, not actors."""
        for sent in self.doc.sents:
            end = _dateline_end(sent)
            if end is None:
                continue
            inside = [m for m in self.matches if sent.start <= m.start and m.end <= end]
            for m in inside:
                if m.kind() in PLACE_KINDS or m.label in {"GPE", "LOC"}:
                    entry = m.entry
                    country = (split_code(entry.code_on(self.day)[0], self.d.countries)[0]
                               if entry else None)
                    self._place(self.doc[m.start : m.end], country, entry.name if entry else None)
            self.matches = [m for m in self.matches if m not in inside]
            self.dateline.update(range(sent.start, end + 1))

    def _owned_organisation(self, ent: Span) -> bool:
        """An organisation named after its state or IGO ("The United States Treasury", "the U.N.
        Conciliation Commission"): one actor with that code, not a place plus a name fragment."""
        inner = [m for m in self.matches if ent.start <= m.start and m.end <= ent.end]
        first = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if (not inner or inner[0].start != first or inner[-1].end >= ent.end or self._role(ent.root)
                or any(m.kind() not in PLACE_KINDS | {"demonym", "igo"} for m in inner)
                or any(m.start < ent.start or m.end > ent.end for m in self.matches
                       if m.start < ent.end and ent.start < m.end and m not in inner)
                or ent.root.pos_ != "PROPN" or ent.root.dep_ in {"compound", "amod", "nmod"}
                or any(self._role(tok) for tok in self.doc[inner[-1].end : ent.end])):
            return False  # "British Defence [Secretary]", "Arab League Secretary": titles
        aff = self._affiliation(inner[0])
        if aff is None:
            return False
        owner = aff if aff[1] and aff[1].startswith("IGO") else (aff[0], aff[0])
        self.matches = [m for m in self.matches if m not in inner]
        self.matches.append(Match(first, ent.end, None, "ORG", owner))
        return True

    # --- main --------------------------------------------------------------------------------

    def run(self) -> tuple[list[Actor], list[Location]]:
        nationality = self._nationalities()
        cands: list[Candidate] = []
        for m in self.matches:
            if m.entry is None and m.label == "ORG" and m.end - m.start == 1:
                m.entry = self._known_surname(m, None)  # "Museveni said": the NER took a person
            kind = m.kind()
            if kind == "person":
                cands.append(self._person(m, nationality))
            else:
                cand = self._named(m, kind, nationality)
                if cand is not None:
                    cands.append(cand)
        cands.extend(self._roles(nationality))
        cands.sort(key=lambda c: (c.start, -c.end))
        self._corefer(cands)
        self._acronyms(cands)
        self._country_possessors(cands)
        self._context_countries(cands)
        cands.extend(self._anaphors(cands))
        cands.sort(key=lambda c: (c.start, -c.end))
        return self._actors(cands), sorted(self.places, key=lambda p: p.start or 0)

    # --- nationality of noun heads -----------------------------------------------------------

    def _affiliation(self, m: Match) -> tuple[str | None, str | None] | None:
        """(country, code) a name lends to the noun it modifies."""
        if m.entry is None:
            return None
        code, _ = m.entry.code_on(self.day)
        country, _ = split_code(code, self.d.countries)
        if m.entry.kind in {"demonym", "country", "capital", "place"}:
            return country, country
        return country, code

    def _nationalities(self) -> dict[int, list[tuple[str | None, str | None]]]:
        """Head token -> affiliations from its adjectives, compounds, possessors, of/in phrases.

        Modifiers in the noun phrase outrank an "of" phrase, which outranks an "in" phrase:
        "Israeli troops in Congo" are Israeli.
        """
        ranked: dict[int, list[tuple[int, tuple[str | None, str | None]]]] = {}
        demonyms: dict[int, int] = {}  # head -> how many nationality adjectives it has
        conjoined: set[int] = set()  # heads whose adjectives are conjoined ("Hungarian and Romanian")
        for m in self.matches:
            aff = self._affiliation(m)
            if aff is None:
                continue
            tok = self._root(m)
            joined = tok.dep_ == "conj"
            while tok.dep_ == "conj" and tok.head.i != tok.i:  # "Hungarian and Romanian officials"
                tok = tok.head
            if tok.dep_ in MODIFIER_DEPS and tok.head.i >= m.end:
                head = tok.head
                if head.lower_ == "led" and head.dep_ == "amod":
                    head = head.head  # "Saudi-led coalition", "Vietnamese-led forces": the leader's
                ranked.setdefault(head.i, []).append((0, aff))
                if m.entry is not None and m.entry.kind == "demonym" and tok.dep_ != "poss":
                    self.demonym_heads.add(head.i)
                    demonyms[head.i] = demonyms.get(head.i, 0) + 1
                    if joined:
                        conjoined.add(head.i)
            elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in {"of", "in"}:
                rank = 1 if tok.head.lower_ == "of" else 2
                ranked.setdefault(tok.head.head.i, []).append((rank, aff))
        nat = {}
        for head, affs in ranked.items():
            best = min(rank for rank, _ in affs)
            nat[head] = list(dict.fromkeys(aff for rank, aff in affs if rank == best))
            if best == 0 and demonyms.get(head, 0) > 1 and head not in conjoined:
                nat[head] = nat[head][:1]  # "Croatian Serb refugees": the state, then the people
            self.nat_rank[head] = best
        return nat

    # --- persons -------------------------------------------------------------------------------

    def _person(self, m: Match, nat: dict) -> Candidate:
        doc = self.doc
        root = self._root(m)
        start, end = m.start, m.end
        title, affs = None, list(nat.get(root.i, []))
        lefts = [c for c in root.lefts if c.i < m.start and c.dep_ in MODIFIER_DEPS | {"det", "amod"}]
        if lefts:
            start = min(c.left_edge.i for c in lefts)
        # "the new Colombian ambassador, Héctor ..." / "Héctor ..., the Colombian ambassador"
        role_tok = None
        if root.dep_ == "appos" and root.head.i < m.start:
            head = root.head
            if not self._role(head) and head.dep_ == "pobj" and head.head.dep_ == "prep":
                head = head.head.head  # "The president of Colombia, Gustavo Petro"
            if self._role(head) and head.i < m.start:
                role_tok = head
                start = min(start, role_tok.left_edge.i)
        for c in root.rights:
            if c.dep_ == "appos" and self._role(c):
                role_tok = c
                end = max(end, c.i + 1)
        for i in range(start, m.start):
            role = self._role(doc[i])
            if role and doc[i].dep_ in {"compound", "nmod", "appos", "amod"} | {"ROOT"}:
                title = self._role_text(doc[i])
                self.consumed.add(i)
            inner = self.by_token.get(i)
            if inner is not None and inner is not m:
                aff = self._affiliation(inner)
                if aff and aff not in affs:
                    affs.append(aff)
        if role_tok is not None:
            title = self._role_text(role_tok)
            self.consumed.add(role_tok.i)
            affs += [a for a in nat.get(role_tok.i, []) if a not in affs]
        role = self.d.roles.get(match_key(title)) if title else None
        text = doc[m.start : m.end].text
        if m.entry is None:
            m.entry = self._known_surname(m, title)
        if m.entry is not None:
            code, current = m.entry.code_on(self.day)
            country, sector = split_code(code, self.d.countries)
            if country is None and affs:  # a code of a state that no longer exists (USRKGZ)
                country = affs[0][0]
            if country is None:  # an undated "ELI": the country of the nearest office
                country = split_code(m.entry.nearest_dated_code(self.day), self.d.countries)[0]
            said = next((a for a, _ in affs if a and a != "IGO"), None)
            if said and country not in {None, "IGO", said} and self.nat_rank.get(root.i, 0) < 2:
                # "King Hassan of Morocco": the text's nationality, not a namesake's in the dictionary
                country, code = said, _code(said, sector)
            former = any(t.lower_ in FORMER for t in doc[start : m.start])
            if not current or sector in {None, "ELI"}:
                # the text's own title ("President Boris Yeltsin") says more than "elite"
                sector = role.sector if role and not former else (None if not current else sector)
                code = _code(country, sector)
            igo = [c for _, c in affs if c and c.startswith("IGO")]
            if country == "IGO" or (igo and not current):
                # "U.N. Secretary-General Kofi Annan", "Arab League Secretary-General Aboul Gheit"
                # (once Egypt's minister): the organisation the text names
                country = "IGO"
                code = igo[0] if igo else m.entry.nearest_dated_code(self.day) or code
                if not code.startswith("IGO"):
                    code = "IGO"
                sector = split_code(code, self.d.countries)[1]
            return Candidate(start, end, m.entry.name, country, sector, code, "person", title, m.entry)
        country, code = affs[0] if affs else (None, None)
        sector = role.sector if role else None
        if code and code != country:
            sector = split_code(code, self.d.countries)[1] or sector
        else:
            code = _code(country, sector)
        return Candidate(start, end, text, country, sector, code, "person", title, None, affs[1:])

    def _known_surname(self, m: Match, title: str | None) -> Entry | None:
        """A name the dictionary knows by its family name: "President Mugabe", "Mr Erdogan" (a title
        needed for a lone surname), "Omar El Bashir" (same first name as Omar Hassan al-Bashir)."""
        words = [t for t in self.doc[m.start : m.end] if t.is_alpha]
        honoured = bool(words) and words[0].lower_ in HONORIFICS  # "Mr Erdogan" as one name
        words = words[1:] if honoured else words
        if not words:
            return None
        known = self.d.lookup(" ".join(w.text for w in words))  # "Mr Erdogan": "Erdogan" is known
        if honoured and known is not None and known.kind == "person":
            return known
        entry = self.d.by_surname(words[-1].text)
        if entry is None:
            return None
        if len(words) == 1:
            before = self.doc[m.start - 1].lower_.rstrip(".") if m.start else ""
            if title or honoured or before in HONORIFICS:
                return entry
            return entry if self._in_office(entry) else None
        same_first = match_key(entry.name).split()[0] == match_key(words[0].text)
        return entry if same_first else None

    def _in_office(self, entry: Entry) -> bool:
        """Whether a dated office of ``entry`` covers the publication day ("Mugabe" in 2001)."""
        return any(t.start and t.start <= self.day and (not t.end or self.day <= t.end)
                   and not t.code.endswith("ELI") for t in entry.terms)

    # --- named countries, places, organisations ----------------------------------------------

    def _named(self, m: Match, kind: str, nat: dict) -> Candidate | None:
        doc = self.doc
        root = self._root(m)
        span = doc[m.start : m.end]
        entry = m.entry
        code, _ = entry.code_on(self.day) if entry else (None, True)
        country, sector = split_code(code, self.d.countries)
        if entry is None and kind == "organisation":
            owner = m.owner
            if owner is None and self.nat_rank.get(root.i, 2) < 2:
                owner = nat.get(root.i, [None])[0]  # "Russia's Gazprom", "Syria's Baath party"
            if owner is not None:
                country = owner[0]
                code = owner[1] if owner[1] and owner[1].startswith("IGO") else owner[0]
                sector = split_code(code, self.d.countries)[1]
        head = root.head
        dep = root.dep_
        while dep == "conj" and head.i != root.i and head.dep_ == "pobj":
            dep = head.dep_  # "in Asia, Africa and Europe": conjuncts share the preposition
            head = head.head
        if kind == "demonym":
            plural = root.tag_ in {"NNS", "NNPS"}
            argument = dep in {"nsubj", "dobj", "pobj", "nsubjpass"} and root.tag_.startswith("NN")
            if plural or argument:  # "Colombians", "the Chinese said"
                start = m.start
                home = self._homeland(root, nat)
                if home is not None:  # "Bosnian Serbs", "ethnic Albanians in Serbia"
                    country, start = home, min(start, root.left_edge.i)
                name = self.d.country_names.get(country or "", span.text)
                return Candidate(start, m.end, name, country, None, country, "group", entry=entry)
            return None
        modifier = dep in {"compound", "amod", "nmod"} and head.i >= m.end
        if modifier and self._role(head):
            return None  # lends its nationality to the role noun's mention
        if dep == "pobj" and head.lower_ == "of" and self._role(head.head) and kind in PLACE_KINDS:
            return None  # "the ambassadors of Uruguay": their nationality
        if modifier and kind == "government" and head.pos_ == "PROPN":
            if head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS:
                self._place(doc[m.start : head.i + 1], country)  # "at the Kremlin Palace"
                return None
        locative = dep == "pobj" and head.lower_ in LOCATION_PREPS
        if kind == "government" and head.lower_ == "from":
            locative = False  # "support from the U.S. military": who gave it, not where
        place_like = kind in PLACE_KINDS or (m.entry is None and m.label in {"GPE", "LOC", "FAC"})
        if modifier and kind in ORG_KINDS - {"government"} and head.lower_ in ORG_HEADS:
            start = min(m.start, head.left_edge.i)
            return Candidate(start, head.i + 1, entry.name if entry else span.text, country,
                             sector, code, _actor_kind(kind), entry=entry)
        if place_like or (kind == "government" and locative):
            if modifier:
                if head.pos_ == "PROPN":
                    self._place(doc[m.start : head.i + 1], country)
                return None
            acting = dep in {"nsubj", "nsubjpass", "dobj", "poss"} or (
                dep == "pobj" and head.lower_ in {"by", "against", "on", "with", "to"})
            if kind == "place" and acting and m.entry is not None and not locative:
                name = entry.name
                return Candidate(m.start, m.end, name, country, None, country, "country", entry=entry)
            if locative or kind == "place" or m.entry is None:
                self._place(span, country, entry.name if entry and kind != "place" else None)
                return None
        if modifier and kind in ORG_KINDS | {"person"} and dep == "compound" and not self._role(head):
            if head.pos_ == "PROPN":
                return None  # part of a longer name spaCy did not know
        start = m.start
        if m.start > 0 and doc[m.start - 1].lower_ == "the" and doc[m.start - 1].head.i == root.i:
            start = m.start - 1
        if kind == "capital":
            name = entry.name if entry else span.text
            return Candidate(start, m.end, name, country, sector, code, "government", entry=entry)
        if kind == "country":
            name = self.d.country_names.get(country or "", entry.name if entry else span.text)
            return Candidate(start, m.end, name, country, None, country, "country", entry=entry)
        lefts = [c for c in root.lefts if c.i < m.start and c.dep_ in {"det", "compound", "amod"}]
        if lefts:  # "the state media RT"
            start = min(start, *(c.left_edge.i for c in lefts))
        name = entry.name if entry else span.text
        return Candidate(start, m.end, name, country, sector, code, _actor_kind(kind), entry=entry)

    def _homeland(self, root: Token, nat: dict) -> str | None:
        """The state of a people named by its ethnicity: "Bosnian Serbs" (BIH), "the Albanians of
        southern Serbia", "ethnic Albanians in Serbia" (SRB); None when the text gives none."""
        rank = self.nat_rank.get(root.i)
        ethnic = any(t.lower_ == "ethnic" for t in root.lefts)
        if rank is None or (rank == 2 and not ethnic):
            return None  # "Americans in Iraq" stay Americans
        return next((c for c, _ in nat.get(root.i, []) if c and c != "IGO"), None)

    def _place(self, span: Span, country: str | None, name: str | None = None) -> None:
        self.places.append(Location(name or span.text, country, text=span.text,
                                    start=span.start_char, end=span.end_char))

    # --- role noun phrases -------------------------------------------------------------------

    def _roles(self, nat: dict) -> list[Candidate]:
        out = []
        for tok in self.doc:
            if tok.i in self.consumed or tok.i in self.by_token or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            role = self._role(tok)
            if role is None:
                role = self._people(tok)
            if role is None or (tok.dep_ in {"compound", "amod", "nmod"}
                                and tok.head.pos_ in {"NOUN", "PROPN"}):
                continue
            if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == "-":
                continue  # "immigrant-friendly"
            if role.kind == "person" and tok.tag_ in {"NNS", "NNPS"}:
                role = Role(role.sector, "group")  # "Taliban leaders"
            key = self._role_text(tok)
            start = tok.left_edge.i if tok.left_edge.i < tok.i else tok.i
            start = min([start] + [c.left_edge.i for c in tok.lefts])
            affs = nat.get(tok.i, [])
            if affs and self.nat_rank.get(tok.i) == 2 and (
                    any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.lefts)
                    or any(t.lower_.startswith("peacekeep") for t in self.doc[start : tok.i + 1])):
                affs = []  # "its troops in Iraq", "the peacekeeping force in Lebanon": not Iraq's
            end = tok.i + 1
            for child in tok.rights:  # "The Government of India": the name runs to the country
                if child.dep_ == "prep" and child.lower_ == "of" and affs:
                    inner = [self.by_token[t.i].end for t in child.subtree
                             if t.i in self.by_token and self._affiliation(self.by_token[t.i])]
                    end = max([end, *inner])
            if not affs:
                if key in GENERIC_ROLES:
                    continue
                pronoun = next((c.lower_ for c in tok.lefts if c.dep_ == "poss" and c.pos_ == "PRON"), None)
                if pronoun and role.kind != "person":
                    out.append(Candidate(start, end, self.doc[start:end].text, None, role.sector,
                                         role.sector, role.kind, key, pronoun=pronoun))
                    continue
                if role.kind == "person":  # "the president": the person named earlier, if any
                    out.append(Candidate(start, tok.i + 1, self.doc[start : tok.i + 1].text,
                                         None, role.sector, role.sector, "person", key,
                                         described=True))
                    continue
                out.append(Candidate(start, tok.i + 1, self.doc[start : tok.i + 1].text, None,
                                     role.sector, role.sector, role.kind, key))
                continue
            for country, code in affs:
                sector = role.sector
                if code and code != country:  # "UN envoy", "Kremlin spokesman"
                    keep = code.startswith("IGO") or split_code(code, self.d.countries)[1]
                    full = code if keep else _code(country, sector)
                    sector = split_code(full, self.d.countries)[1]
                else:
                    full = _code(country, sector)
                name = self.doc[start:end].text
                if name.lower().startswith("the "):
                    name = name[4:]
                out.append(Candidate(start, end, name, country, sector, full, role.kind, key,
                                     described=role.kind == "person"))
        return out

    def _people(self, tok: Token) -> Role | None:
        """Unnamed people of a nationality ("Palestinian militants", "Syrian opposition members",
        "Iraqi towns"): a group with the country, and the sector of a role noun before the head."""
        inner = [self._role(c) for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"}]
        sector = next((r.sector for r in inner if r is not None), None)
        if tok.tag_ == "NN" and tok.lower_ in ORG_HEADS and self.nat_rank.get(tok.i) == 0:
            # "a U.S. government watchdog agency", "an official Syrian newspaper"
            media = tok.lower_ in MEDIA_HEADS
            return Role(sector or ("MED" if media else None), "media" if media else "organisation")
        if tok.tag_ == "NNS" and sector and tok.lower_ in MEMBER_NOUNS:
            return Role(sector, "group")  # "opposition groups", "army units": the role's
        if tok.tag_ != "NNS" or tok.i not in self.demonym_heads or tok.ent_type_ in SKIP_ENTS:
            return None
        return Role(sector, "group")

    def _role(self, tok: Token) -> Role | None:
        key = self._role_text(tok)
        return self.d.roles.get(key) if key else None

    def _role_text(self, tok: Token) -> str | None:
        """The longest role phrase ending at ``tok`` ("foreign minister", "minister")."""
        if tok.i not in self._role_cache:
            self._role_cache[tok.i] = self._find_role_text(tok)
        return self._role_cache[tok.i]

    def _find_role_text(self, tok: Token) -> str | None:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        for back in (2, 1, 0):
            if tok.i - back < 0:
                continue
            words = [t.lower_ for t in self.doc[tok.i - back : tok.i]]
            for last in (tok.lower_, tok.lemma_.lower()):
                key = match_key(" ".join([*words, last]))
                if key in self.d.roles:
                    return key
        return None

    # --- coreference -------------------------------------------------------------------------

    def _corefer(self, cands: list[Candidate]) -> None:
        """Surnames, titles and role descriptions take the person named earlier."""
        named: list[Candidate] = []
        for n, c in enumerate(cands):
            if c.pronoun and c.country is None:
                self._possessor(c, cands[:n])
            if c.kind == "organisation" and c.entry is None and " " not in c.name:
                if any(p.name.split()[-1] == c.name for p in named if " " in p.name):
                    c.kind = "person"  # a surname spaCy took for an organisation
            if c.kind != "person":
                continue
            target = None
            if c.described:
                if self.doc[c.start].lower_ in {"the", "his", "her", "its"}:
                    target = next((p for p in reversed(named) if _same_office(p.title, c.title)
                                   and (c.country is None or p.country == c.country)), None)
                    if target is None:
                        target = self._office_holder(c, named)
            elif c.entry is None:
                words = c.name.split()
                if 0 < len(words) <= 2:
                    target = next((p for p in reversed(named) if p.name != c.name
                                   and len(p.name.split()) > len(words)
                                   and p.name.split()[-len(words):] == words), None)
            if target is not None:
                c.name, c.country, c.sector, c.code = target.name, target.country, target.sector, target.code
                c.entry, c.described = target.entry, False
                c.title = c.title or target.title
            if not c.described:
                named.append(c)

    def _country_possessors(self, cands: list[Candidate]) -> None:
        """"Colombia ... the Andean nation's defence minister", "the country's army": the role is
        the state named before (in this sentence or the two before)."""
        for c in cands:
            if c.country is not None or not c.title:
                continue
            head = self.doc[c.end - 1]
            owner = next((t for t in head.lefts if t.dep_ == "poss"
                          and t.lower_ in REFERRING_NOUNS and REFERRING_NOUNS[t.lower_] is STATES
                          and any(d.lower_ == "the" for d in t.lefts)), None)
            state = self._antecedent(owner, STATES, cands) if owner is not None else None
            if state is not None:
                c.country, c.code = state.country, _code(state.country, c.sector)

    def _acronyms(self, cands: list[Candidate]) -> None:
        """"the Nigerian Union of Teachers (NUT)": an unknown acronym in brackets right after a
        name is that name's."""
        ends = {c.end: c for c in cands if c.code}
        for c in cands:
            span = self.doc[c.start : c.end]
            if (c.code or c.entry is not None or len(span) != 1 or not span.text.isupper()
                    or c.start < 2 or self.doc[c.start - 1].text != "("):
                continue
            named = ends.get(c.start - 1)
            if named is not None:
                c.name, c.country, c.sector, c.code = named.name, named.country, named.sector, named.code
                c.kind = named.kind

    def _office_holder(self, c: Candidate, named: list[Candidate]) -> Candidate | None:
        """"Gustavo Petro won ... The president-elect said": the one person of that sector (and
        country, if the phrase gives one) named in this sentence or the two before, if only one."""
        head = self.doc[c.end - 1]
        if any(t.lower_ in FORMER for t in self.doc[c.start : c.end]) or any(
                ch.dep_ == "prep" and ch.lower_ == "of" for ch in head.rights):
            return None  # "the former president", "the president of the party": someone else
        first = self.sent_of[c.start] - ANAPHOR_SENTENCES
        elect = (c.title or "").endswith("elect")  # not in office yet: any sector
        fits = [p for p in named if p.entry is not None and (elect or p.sector == c.sector)
                and p.end <= c.start and self.sent_of[p.start] >= first and not p.title
                and (c.country is None or p.country == c.country)
                and self.doc[p.start : p.end].root.head.i != head.head.i]  # "Putin congratulated
        # the president-elect": not Putin
        return fits[-1] if fits and len({p.name for p in fits}) == 1 else None

    def _context_countries(self, cands: list[Candidate]) -> None:
        """"the prime minister", "the government", "the police" with no country in the phrase take
        the country of the text around them, but only when it names one state: every actor with a
        country in that sentence before them and in the sentence before is of the same state."""
        for n, c in enumerate(cands):
            if (c.country is not None or c.entry is not None or c.pronoun or not c.title
                    or c.sector not in CONTEXT_SECTORS or self.doc[c.start].lower_ != "the"):
                continue
            sent = self.sent_of[c.start]
            near = {p.country for p in cands[:n] if p.country and p.end <= c.start
                    and sent - 1 <= self.sent_of[p.start] <= sent
                    and self.doc[p.start : p.end].root.dep_ not in {"npadvmod", "amod"}}
            # ("Iran-allied group ... the government": Iran only qualifies the group)
            since = self.sents[max(sent - 1, 0)].start_char  # places named there count too
            near |= {pl.country for pl in self.places if pl.country and pl.start is not None
                     and since <= pl.start < self.doc[c.start].idx}
            if len(near) == 1 and "IGO" not in near:
                c.country = near.pop()
                c.code = _code(c.country, c.sector)

    def _anaphors(self, cands: list[Candidate]) -> list[Candidate]:
        """"he", "it", "they", "the country", "the group" -> the nearest compatible actor before
        them, as a mention at the word itself, when it was named in one of the two sentences before.

        Within one sentence the events stage points at the name itself ("Syria says it will ...":
        Syria), which is the better evidence; only references across sentences become mentions.
        """
        covered = {i for c in cands for i in range(c.start, c.end)}
        found = []
        for tok in self.doc:
            if tok.i in covered or tok.i in self.dateline:
                continue
            kinds = self._anaphor_kinds(tok)
            if kinds is None:
                continue
            ante = self._antecedent(tok, kinds, cands)
            if ante is None or self.sent_of[ante.start] == self.sent_of[tok.i]:
                continue
            start = tok.i - 1 if tok.pos_ != "PRON" else tok.i  # "the country"
            found.append(Candidate(start, tok.i + 1, ante.name, ante.country, ante.sector, ante.code,
                                   ante.kind, entry=ante.entry))
        return found

    def _anaphor_kinds(self, tok: Token) -> frozenset[str] | None:
        """The kinds of actor ``tok`` can refer back to, or None when it refers to no actor."""
        if tok.pos_ == "PRON":
            if tok.dep_ not in {"nsubj", "nsubjpass"}:
                return None  # "follow him", "has not seen it": objects are too often things
            if tok.lower_ == "it" and (tok.head.lemma_ == "be" or tok.head.pos_ == "AUX"
                                       or tok.head.lower_ in {"'s", "’s"}):
                return None  # "It is likely that ...", "it's serious business": no one
            return ANAPHORS.get(tok.lower_)
        kinds = REFERRING_NOUNS.get(tok.lower_)
        if kinds is None or tok.tag_ != "NN" or tok.i == 0:
            return None
        before = self.doc[tok.i - 1]
        if before.lower_ != "the" or before.head.i != tok.i or any(
                c.dep_ in {"amod", "compound", "nmod"} for c in tok.lefts):
            return None  # "the country": not "a country", "the whole country", "the Andean nation"
        if tok.dep_ in {"pobj"} and tok.head.lower_ in LOCATION_PREPS:
            return None  # "in the country": where, not who
        return kinds

    def _antecedent(self, tok: Token, kinds: frozenset[str],
                    cands: list[Candidate]) -> Candidate | None:
        """The nearest actor before ``tok`` of one of ``kinds``, named up to two sentences back."""
        first = self.sent_of[tok.i] - ANAPHOR_SENTENCES
        fits = []
        for c in sorted(cands, key=lambda c: c.start, reverse=True):
            if c.end > tok.i or c.kind not in kinds:
                continue
            if self.sent_of[c.start] < first:
                break
            if c.described:
                continue  # an unresolved "the president" is no antecedent
            if kinds is STATES and c.sector not in {None, "GOV"}:
                continue  # "the country" is the state, not its army
            root = self.doc[c.start : c.end].root
            if tok.lower_ == "it" and root.tag_ in {"NNS", "NNPS"}:
                continue  # "it" is one body, not "Palestinian militants"
            if root.head.i == tok.head.i and tok.dep_ not in {"nsubj", "nsubjpass"}:
                continue  # "Putin praised him": not Putin
            fits.append(c)
        if not fits or not fits[0].code:
            return None  # the nearest is someone the dictionary does not know
        if kinds is PERSONS and len({c.name for c in fits}) > 1:
            return None  # two people named: "he" or "she" could be either (no gender known)
        return fits[0]

    def _possessor(self, c: Candidate, before: list[Candidate]) -> None:
        """"his government" -> the government of the person just named; "its troops" -> the state's."""
        kinds = {"his": {"person"}, "her": {"person"}}.get(c.pronoun, {"country", "government", "igo"})
        for prev in reversed(before):
            if self.sent_of[prev.start] < self.sent_of[c.start] - 1:
                return  # only the same or the previous sentence
            if prev.start < c.start and prev.kind in kinds and prev.country:
                c.country = prev.country  # "NATO ... its forces": the alliance's own code
                c.code = prev.code if prev.country == "IGO" else _code(prev.country, c.sector)
                return

    # --- output --------------------------------------------------------------------------------

    def _actors(self, cands: list[Candidate]) -> list[Actor]:
        doc = self.doc
        out: list[Actor] = []
        kept: list[Candidate] = []
        for c in cands:
            while c.start in self.dateline and c.start < c.end - 1:
                c.start += 1  # "Washington - US President Donald Trump": the mention starts after it
            if c.start in self.dateline:
                continue
            if any((k.start, k.end, k.code) == (c.start, c.end, c.code) for k in kept):
                continue
            kept.append(c)
            span = doc[c.start : c.end]
            for country, code in [(c.country, c.code), *c.extra]:
                sector = c.sector if code == c.code else split_code(code, self.d.countries)[1]
                if code != c.code and c.sector and country == code:
                    code, sector = _code(country, c.sector), c.sector
                out.append(Actor("", span.text, span.start_char, span.end_char, c.name, country,
                                 sector, code, c.kind, self.sent_of[c.start]))
        out.sort(key=lambda a: (a.start, -a.end))
        for n, actor in enumerate(out, 1):
            actor.id = f"a{n}"
        return out

    def _root(self, m: Match) -> Token:
        return self.doc[m.start : m.end].root


def _same_office(title: str | None, other: str | None) -> bool:
    """Whether two role phrases name one office ("premier" and "prime minister"; a
    "president-elect" is not yet the president)."""
    if not title or not other:
        return False
    return title.replace("premier", "prime minister") == other.replace("premier", "prime minister")


def _code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


def _actor_kind(kind: str) -> str:
    if kind in {"organisation", "igo", "media", "group", "government", "person", "country"}:
        return kind
    return "organisation"


DATELINE_MARKS = {"--", "—", "–", "-", ":"}


def _dateline_end(sent: Span) -> int | None:
    """The token index ending a dateline that opens ``sent``, or None when there is none.

    A dateline is a capitalised place (optionally ", country", a date, an agency in parentheses
    or after a comma) then a dash, before the first verb: "BERLIN --", "Washington - US President".
    """
    first = sent[0]
    if not (first.is_title or first.is_upper) or not first.is_alpha:
        return None
    for tok in sent[: min(len(sent), 12)]:
        if tok.text in DATELINE_MARKS and tok.i > sent.start:
            if tok.i + 1 >= len(tok.doc):
                return None
            if tok.text == "-" and not (tok.whitespace_ and tok.doc[tok.i - 1].whitespace_):
                return None  # "Secretary-General": a hyphen, not the dateline's dash
            nxt = tok.doc[tok.i + 1]
            if tok.text == ":" and not first.is_upper:
                return None
            if not (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text in {'"', "“"}):
                return None
            return tok.i
        if tok.pos_ in {"VERB", "AUX"} or tok.lower_ in {"the", "a", "an"}:
            return None
        if tok.is_alpha and not (tok.is_title or tok.is_upper) and tok.ent_type_ != "DATE":
            return None
    return None


def _trim(ent: Span) -> Span:
    """The entity without a trailing possessive or punctuation ("North Korea's" -> "North Korea")."""
    end = ent.end
    while end > ent.start and not ent.doc[end - 1].text[:1].isalnum():
        end -= 1
    return Span(ent.doc, ent.start, end, label=ent.label) if end != ent.end else ent


def _prefer_entities(doc: Doc, matches: list[Match]) -> list[Match]:
    """Drop a dictionary place inside a longer named entity ("America" in "Latin America")."""
    ent_of = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    kept = []
    for m in matches:
        ent = ent_of.get(m.start)
        if ent is not None:
            ent = _trim(ent)
        longer = ent is not None and ent.start <= m.start and m.end <= ent.end
        longer = longer and (ent.end - ent.start) > (m.end - m.start) and ent[0].lower_ != "the"
        if longer and m.kind() in PLACE_KINDS | {"demonym"} and ent.label_ in {"LOC", "GPE", "FAC"}:
            continue
        if longer and m.kind() in PLACE_KINDS and ent.label_ == "PERSON":
            continue  # "Hamilton" in "Hamilton Mourao": a first name, not Bermuda's capital
        kept.append(m)
    return kept


def _dictionary_matches(doc: Doc, d: ActorDictionary) -> list[Match]:
    """Longest dictionary names over token ranges inside each sentence, left to right."""
    keys = [match_key(t.text) for t in doc]
    full = doc.text
    out: list[Match] = []
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            if not tok.text[:1].isalnum() or keys[i].split(" ", 1)[0] not in d.first_words:
                i += 1
                continue
            found = None
            for j in range(min(sent.end, i + d.max_words + 3), i, -1):
                last = doc[j - 1]
                if not last.text[:1].isalnum():
                    continue
                text = full[tok.idx : last.idx + len(last.text)]
                entry = d.index.get(match_key(text))  # "People's" is one word, not "People 's"
                if entry is not None and _plausible(doc[i:j], entry, text):
                    if entry.kind == "person" and _inside_longer_name(doc, i, j, d):
                        break  # "Hassan" in "Omar Hassan al-Bashir": leave it to the NER
                    found = Match(i, j, entry)
                    break
            if found is None:
                i += 1
            else:
                out.append(found)
                i = found.end
    return out


def _inside_longer_name(doc: Doc, start: int, end: int, d: ActorDictionary) -> bool:
    """Whether capitalised name words (not titles) continue the match on either side."""
    for k in (start - 1, end):
        if 0 <= k < len(doc):
            tok = doc[k]
            if (tok.pos_ == "PROPN" and tok.is_title and match_key(tok.text) not in d.roles
                    and tok.ent_type_ not in SKIP_ENTS):
                return True
    return False


def _plausible(span: Span, entry: Entry, text: str) -> bool:
    """A proper name is capitalised and not a date; a stop word must be written in capitals."""
    if not any(c.isupper() for c in text):
        return False
    if any(t.ent_type_ in SKIP_ENTS for t in span):
        return False
    key = match_key(text)
    if key in STOP_WORDS or len(key) <= 2:
        return text.replace(".", "").isupper() and len(text.replace(".", "")) > 1
    if entry.kind == "demonym":
        return True
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in span) or text.isupper()
