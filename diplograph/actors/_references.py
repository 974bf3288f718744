"""References to actors named before: pronouns, "the country", titles and surnames.

"Petro", "the president-elect" and "the Russian president" take the person named earlier; "he",
"it", "they", "the country" and "the group" in a later sentence become mentions of the nearest
compatible actor; a bare role noun ("the prime minister") or a titled name the dictionary does
not know ("Opposition leader Jean Minani") takes the country of its context when that context names
one state only; "ethnic Albanians" are of the other state their sentence names, if one; a party
the dictionary does not know ("the Umma (Nation) party") and a place neither the dictionary nor the
gazetteer knows ("in Santa Cruz Barillas") are of the one state their sentence names, if one.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.gazetteer import regions
from ._candidate import Candidate, code_of
from ._named import LOCATION_PREPS
from ._reading import Reading
from ._words import word_set

__all__ = [
    "acronyms", "anaphors", "context_countries", "corefer", "country_possessors", "ethnic_minorities",
    "pairs", "party_countries", "place_countries",
]

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
CONTEXT_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "OPP", "REB", "SPY", "PTY", "REL"}
# Sectors of a state's own people, which a foreign leader seldom deals with by name.
DOMESTIC_SECTORS = {"REB", "OPP", "PTY", "CVL", "LAB", "JUD", "LEG", "EDU", "REL", "COP"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "poss"}  # a state acting in its sentence
ANAPHOR_SENTENCES = 2  # how many sentences back an antecedent may be
# Determiners and numbers of a phrase naming two people named before ("Both men", "the two men").
PAIR_WORDS = {"both", "two"}


def corefer(reading: Reading, cands: list[Candidate]) -> None:
    """Surnames, titles and role descriptions take the person named earlier."""
    named: list[Candidate] = []
    ends_with = _NameEndings()
    for n, c in enumerate(cands):
        if c.pronoun and c.country is None:
            _possessor(reading, c, cands[:n])
        if (c.kind == "organisation" and c.entry is None and " " not in c.name
                and any(p.name.split()[-1] == c.name for p in named if " " in p.name)):
            c.kind = "person"  # a surname spaCy took for an organisation
        if c.kind != "person":
            continue
        target = None
        if c.described and c.end - c.start == 1 and reading.doc[c.start].is_title:
            # "American Kevin King ... King said": a family name that is also a title
            target = next((p for p in reversed(named) if len(p.name.split()) > 1
                           and p.name.split()[-1] == reading.doc[c.start].text), None)
        if c.described and target is None:
            if reading.doc[c.start].lower_ in {"the", "his", "her", "its"}:
                target = next((p for p in reversed(named) if _same_office(p.title, c.title)
                               and (c.country is None or p.country == c.country)), None)
                if target is None:
                    target = _office_holder(reading, c, named)
        elif c.entry is None:
            words = c.name.split()
            if len(words) > 1 and words[0].lower().rstrip(".") in word_set("honorifics"):
                words = words[1:]  # "Mr. Trump": the Trump named before
            if 0 < len(words) <= 2:
                target = ends_with.last(tuple(words), c.name)
        if target is not None:
            c.name, c.country, c.sector, c.code = target.name, target.country, target.sector, target.code
            c.entry, c.described = target.entry, False
            c.title = c.title or target.title
        if not c.described:
            named.append(c)
            ends_with.add(c)


class _NameEndings:
    """The persons named so far by the last one or two words of their longer names, so that "Smith
    said" finds the last "John Smith" in one look-up, not a scan of every person named before."""

    def __init__(self) -> None:
        # ending -> (the last person whose name ends so, the last before it under another name)
        self._last: dict[tuple[str, ...], tuple[Candidate, Candidate | None]] = {}

    def add(self, person: Candidate) -> None:
        words = tuple(person.name.split())
        for size in (1, 2):
            if len(words) > size:
                last = self._last.get(words[-size:])
                other = None if last is None else (last[1] if last[0].name == person.name else last[0])
                self._last[words[-size:]] = (person, other)

    def last(self, ending: tuple[str, ...], other_than: str) -> Candidate | None:
        """The last person named before whose longer name ends in ``ending``, named other than
        ``other_than``."""
        last = self._last.get(ending)
        if last is None:
            return None
        return last[0] if last[0].name != other_than else last[1]


def _same_office(title: str | None, other: str | None) -> bool:
    """Whether two role phrases name one office ("premier" and "prime minister"; a
    "president-elect" is not yet the president)."""
    if not title or not other:
        return False
    return title.replace("premier", "prime minister") == other.replace("premier", "prime minister")


def _office_holder(reading: Reading, c: Candidate, named: list[Candidate]) -> Candidate | None:
    """"Gustavo Petro won ... The president-elect said": the one person of that sector (and
    country, if the phrase gives one) named in this sentence or the two before, if only one."""
    head = reading.doc[c.end - 1]
    if any(t.lower_ in word_set("former") for t in reading.doc[c.start : c.end]) or any(
            ch.dep_ == "prep" and ch.lower_ == "of" for ch in head.rights):
        return None  # "the former president", "the president of the party": someone else
    first = reading.sent_of[c.start] - ANAPHOR_SENTENCES
    elect = (c.title or "").endswith("elect")  # not in office yet: any sector
    fits = [p for p in named if p.entry is not None and (elect or p.sector == c.sector)
            and p.end <= c.start and reading.sent_of[p.start] >= first and not p.title
            and (c.country is None or p.country == c.country)
            and reading.doc[p.start : p.end].root.head.i != head.head.i]  # "Putin congratulated
    # the president-elect": not Putin
    return fits[-1] if fits and len({p.name for p in fits}) == 1 else None


def _possessor(reading: Reading, c: Candidate, before: list[Candidate]) -> None:
    """"his government" -> the government of the person just named; "its troops" -> the state's;
    "Both men ... asked their governments" -> the governments of the two men's states."""
    kinds = {"his": {"person"}, "her": {"person"}}.get(c.pronoun or "", {"country", "government", "igo"})
    for prev in reversed(before):
        if reading.sent_of[prev.start] < reading.sent_of[c.start] - 1:
            return  # only the same or the previous sentence
        if prev.start >= c.start or not prev.country:
            continue
        states = _states_at(before, prev)
        if c.pronoun == "their" and len(states) > 1 and prev.kind in {"group", "person"}:
            _give_states(c, states)
            return
        if (c.pronoun == "its" and prev.kind in GROUPS and prev.code and c.sector != "GOV"
                and prev.code != prev.country):
            # "The Taliban said its commanders had been ordered to stop attacks": the group's
            # own (AFGREB, not AFGMIL); "their" is as often people as the group named last
            c.country, c.code = prev.country, prev.code
            return
        if prev.kind in kinds:
            c.country = prev.country  # "NATO ... its forces": the alliance's own code
            c.code = prev.code if prev.country == "IGO" else code_of(prev.country, c.sector)
            return


def pairs(reading: Reading, cands: list[Candidate]) -> None:
    """"Two hostages — an American and an Australian — ... were released. Both men claimed ...":
    a phrase naming two people ("both men", "the two men") with no country of its own is the
    group of two states named in its sentence or the one before, when there is one such group."""
    for n, c in enumerate(cands):
        head = reading.doc[c.end - 1]
        if (c.country is not None or c.kind not in {"group", "person"} or head.tag_ != "NNS"
                or not any(t.lower_ in PAIR_WORDS for t in reading.doc[c.start : c.end - 1])):
            continue
        sent = reading.sent_of[c.start]
        groups = {(p.start, p.end): _states_at(cands[:n], p) for p in cands[:n]
                  if p.country and p.end <= c.start and p.kind in {"group", "person"}
                  and sent - 1 <= reading.sent_of[p.start] <= sent}
        two = [states for states in groups.values() if len(states) == 2]
        if len(two) == 1:
            _give_states(c, two[0])


def _states_at(cands: list[Candidate], c: Candidate) -> list[str]:
    """The countries of the mention ``c`` is one of ("Two hostages — an American and an
    Australian": one mention per state, or one with the others as extras)."""
    states = [p.country for p in cands if (p.start, p.end) == (c.start, c.end) and p.country]
    states += [country for p in cands if (p.start, p.end) == (c.start, c.end)
               for country, _ in p.extra if country]
    return list(dict.fromkeys(states))


def _give_states(c: Candidate, states: list[str]) -> None:
    """Make ``c`` a mention of each of ``states`` (the first its own, the others extras)."""
    c.country, c.code = states[0], code_of(states[0], c.sector)
    c.extra = [(country, code_of(country, c.sector)) for country in states[1:]]


def country_possessors(reading: Reading, cands: list[Candidate]) -> None:
    """"Colombia ... the Andean nation's defence minister", "the country's army", "the Jewish
    state's premier": the role is the state named before (in this sentence or the two before)."""
    for c in cands:
        if c.country is not None or not c.title:
            continue
        head = reading.doc[c.end - 1]
        owner = next((t for t in head.lefts if t.dep_ == "poss"
                      and t.lower_ in word_set("state_nouns")
                      and any(d.lower_ == "the" for d in t.lefts)), None)
        state = _antecedent(reading, owner, STATES, cands) if owner is not None else None
        if state is not None:
            c.country, c.code = state.country, code_of(state.country, c.sector)


def context_countries(reading: Reading, cands: list[Candidate]) -> None:
    """"the prime minister", "the government", "the police", "President Dos Santos" (a name the
    dictionary does not know) with no country in the phrase take the country of the text around
    them, but only when it names one state: every actor with a country in that sentence before
    them and in the sentence before is of the same state. With none before, the state's own
    people named after them in the sentence say it ("President Dos Sontas conceded to demands
    from UNITA": Angola's), when no other state is named there; a foreign counterpart ("welcomed
    South African leader de Klerk") or a state named bare says nothing of theirs."""
    for n, c in enumerate(cands):
        bare = reading.doc[c.start].lower_ == "the"  # "the prime minister"
        named = c.kind == "person" and reading.doc[c.start].is_title and not bare
        if (c.country is not None or c.entry is not None or c.pronoun or not c.title
                or c.sector not in CONTEXT_SECTORS or not (named or bare)):
            continue
        sent = reading.sent_of[c.start]
        near: set[str] = set()
        if bare or reading.role(reading.doc[c.start]) is not None:  # "President Dos Santos"
            # a name with its title after it ("Tim Morrison, a former National Security Council
            # official", after "the former special envoy to Ukraine") borrows no neighbour's
            # country: only its own sentence's people after it say it
            near = {p.country for p in cands[:n] if p.country and p.end <= c.start
                    and sent - 1 <= reading.sent_of[p.start] <= sent
                    and reading.doc[p.start : p.end].root.dep_ not in {"npadvmod", "amod"}}
            # ("Iran-allied group ... the government": Iran only qualifies the group)
            since = reading.sents[max(sent - 1, 0)].start_char  # places named there count too
            near |= {pl.country for pl in reading.places if pl.country and pl.start is not None
                     and since <= pl.start < reading.doc[c.start].idx}
        if not near:
            near = _domestic_after(reading, c, cands[n + 1 :])
        if len(near) == 1 and "IGO" not in near:
            c.country = near.pop()
            c.code = code_of(c.country, c.sector)


def party_countries(reading: Reading, cands: list[Candidate]) -> None:
    """A party or alliance the dictionary does not know ("The Homeland Union (Conservatives)
    ... the Lithuanian Parliament", "the Umma (Nation) party ... Algeria's elections") is of
    the one state its sentence names, when it names exactly one."""
    for c in cands:
        if c.country is not None or c.entry is not None or c.kind != "organisation":
            continue
        root = reading.doc[c.start : c.end].root
        if root.lower_ not in word_set("party_heads"):
            continue
        sent = reading.sents[reading.sent_of[c.start]]
        states = {p.country for p in cands if p is not c and p.country
                  and sent.start <= p.start < sent.end}
        states |= {pl.country for pl in reading.places if pl.country and pl.start is not None
                   and sent.start_char <= pl.start < sent.end_char}
        if len(states) == 1 and "IGO" not in states:
            c.country = states.pop()
            c.code = code_of(c.country, c.sector)


def place_countries(reading: Reading, cands: list[Candidate]) -> None:
    """A place neither the dictionary nor the gazetteer knows ("declared a state of siege in
    Santa Cruz Barillas" after "Government of Guatemala") is of the one state its sentence names,
    when it names one; a world region ("Europe") is of none."""
    skip = regions()
    for place in reading.places:
        name = (place.text or place.name).lower().removeprefix("the ")
        if (place.country is not None or place.start is None or name in skip
                or any(word in skip or word in word_set("seas") for word in name.split())):
            continue  # "West Africa", "the Mediterranean Sea": more than one state's
        sent = next(s for s in reading.sents if s.start_char <= place.start < s.end_char)
        states = {c.country for c in cands if c.country and sent.start <= c.start < sent.end}
        states |= {p.country for p in reading.places if p.country and p.start is not None
                   and sent.start_char <= p.start < sent.end_char}
        states.discard("IGO")
        if len(states) == 1:
            place.country = states.pop()


def _domestic_after(reading: Reading, c: Candidate, after: list[Candidate]) -> set[str]:
    """The one state of the actors after ``c`` in its sentence when all are its own people
    (rebels, opposition, courts, civilians) and no other state or place is named there."""
    sent = reading.sents[reading.sent_of[c.start]]
    later = [p for p in after if p.start >= c.end and p.start < sent.end and p.country]
    states = {p.country for p in later if p.country}
    states |= {pl.country for pl in reading.places if pl.country and pl.start is not None
               and sent.start_char <= pl.start < sent.end_char}
    if len(states) != 1 or not all(p.sector in DOMESTIC_SECTORS for p in later):
        return set()
    return states


def ethnic_minorities(reading: Reading, cands: list[Candidate]) -> None:
    """"ethnic Albanians demonstrated in Serbia": a people called ethnic lives in a state not its
    own; when the sentence names one other state, or one acting among several, they are its, else
    of no state at all."""
    for c in cands:
        if (c.entry is None or c.entry.kind != "demonym" or c.start == 0
                or reading.doc[c.start - 1].lower_ != "ethnic"):
            continue
        sent = reading.sent_of[c.start]
        span = reading.sents[sent]
        states = {p.country for p in cands if p is not c and p.country
                  and reading.sent_of[p.start] == sent}
        states |= {pl.country for pl in reading.places if pl.country and pl.start is not None
                   and span.start_char <= pl.start < span.end_char}
        states -= {c.country, "IGO"}
        if len(states) > 1:  # "against Sweden's decision to send them back to Bulgaria": the
            # state that acts in the sentence, not one named as a destination or a neighbour
            states = {p.country for p in cands if p is not c and p.country in states
                      and reading.sent_of[p.start] == sent
                      and reading.doc[p.start : p.end].root.dep_ in ARGUMENT_DEPS}
        c.country = states.pop() if len(states) == 1 else None
        c.code, c.name = c.country, reading.doc[c.start : c.end].text


def acronyms(reading: Reading, cands: list[Candidate]) -> None:
    """"the Nigerian Union of Teachers (NUT)": an unknown acronym in brackets right after a
    name is that name's; "Mujahideen (Taliban)": an unknown name glossed by a known one in
    brackets is that one."""
    ends = {c.end: c for c in cands if c.code}
    starts = {c.start: c for c in cands if c.code}
    for c in cands:
        glossed = starts.get(c.end + 1)  # "Mujahideen (Taliban)": the bracket names it
        if (c.code is None and c.entry is None and c.end + 1 < len(reading.doc)
                and reading.doc[c.end].text == "(" and glossed is not None
                and glossed.end < len(reading.doc) and reading.doc[glossed.end].text == ")"):
            c.name, c.country, c.sector, c.code = (glossed.name, glossed.country, glossed.sector,
                                                   glossed.code)
            c.kind, c.entry = glossed.kind, glossed.entry
            continue
        span = reading.doc[c.start : c.end]
        if (c.code or c.entry is not None or len(span) != 1 or not span.text.isupper()
                or c.start < 2 or reading.doc[c.start - 1].text != "("):
            continue
        named = ends.get(c.start - 1)
        if named is not None:
            c.name, c.country, c.sector, c.code = named.name, named.country, named.sector, named.code
            c.kind = named.kind


def anaphors(reading: Reading, cands: list[Candidate]) -> list[Candidate]:
    """"he", "it", "they", "the country", "the group" -> the nearest compatible actor before
    them, as a mention at the word itself, when it was named in one of the two sentences before.

    Within one sentence the events stage points at the name itself ("Syria says it will ...":
    Syria), which is the better evidence; only references across sentences become mentions.
    """
    covered = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for tok in reading.doc:
        if tok.i in covered or tok.i in reading.dateline:
            continue
        kinds = _anaphor_kinds(reading, tok)
        if kinds is None:
            continue
        ante = _antecedent(reading, tok, kinds, cands)
        if ante is None or reading.sent_of[ante.start] == reading.sent_of[tok.i]:
            continue
        start = tok.i - 1 if tok.pos_ != "PRON" else tok.i  # "the country"
        found.append(Candidate(start, tok.i + 1, ante.name, ante.country, ante.sector, ante.code,
                               ante.kind, entry=ante.entry))
    return found


def _anaphor_kinds(reading: Reading, tok: Token) -> frozenset[str] | None:
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
    before = reading.doc[tok.i - 1]
    if before.lower_ != "the" or before.head.i != tok.i or any(
            c.dep_ in {"amod", "compound", "nmod"} for c in tok.lefts):
        return None  # "the country": not "a country", "the whole country", "the Andean nation"
    if tok.dep_ in {"pobj"} and tok.head.lower_ in LOCATION_PREPS:
        return None  # "in the country": where, not who
    return kinds


def _antecedent(reading: Reading, tok: Token, kinds: frozenset[str],
                cands: list[Candidate]) -> Candidate | None:
    """The nearest actor before ``tok`` of one of ``kinds``, named up to two sentences back."""
    first = reading.sent_of[tok.i] - ANAPHOR_SENTENCES
    fits = []
    for c in sorted(cands, key=lambda c: c.start, reverse=True):
        if c.end > tok.i or c.kind not in kinds:
            continue
        if reading.sent_of[c.start] < first:
            break
        if c.described:
            continue  # an unresolved "the president" is no antecedent
        if kinds is STATES and c.sector not in {None, "GOV"}:
            continue  # "the country" is the state, not its army
        root = reading.doc[c.start : c.end].root
        if tok.lower_ == "it" and root.tag_ in {"NNS", "NNPS"}:
            continue  # "it" is one body, not "Palestinian militants"
        if root.head.i == tok.head.i and tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue  # "Putin praised him": not Putin
        fits.append(c)
    if fits and tok.dep_ in {"nsubj", "nsubjpass"} and kinds is not PERSONS:
        fits = _subjects_first(reading, tok, fits)
    if not fits or not fits[0].code:
        return None  # the nearest is someone the dictionary does not know
    if kinds is PERSONS and len({c.name for c in fits}) > 1:
        return None  # two people named: "he" or "she" could be either (no gender known)
    return fits[0]


def _subjects_first(reading: Reading, tok: Token, fits: list[Candidate]) -> list[Candidate]:
    """``fits`` (nearest first) with the subject of the sentence before ``tok``'s first, for a
    subject pronoun opening a new sentence: "Beijing has long insisted the protests are an internal
    matter ... It will angrily dismiss any criticism": "It" continues the topic, the subject, not
    the last body named in that sentence."""
    sent = reading.sent_of[tok.i]
    if any(reading.sent_of[c.start] == sent for c in fits):
        return fits  # a candidate in its own sentence, before it: the nearest stands
    last = reading.sent_of[fits[0].start]
    subjects = [c for c in fits if reading.sent_of[c.start] == last
                and reading.doc[c.start : c.end].root.dep_ in {"nsubj", "nsubjpass"}
                and reading.doc[c.start : c.end].root.head.dep_ == "ROOT"]
    if not subjects:
        return fits
    return [subjects[-1], *[c for c in fits if c is not subjects[-1]]]
