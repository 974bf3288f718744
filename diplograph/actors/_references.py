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

from bisect import bisect_left

from spacy.tokens import Token

from ..lexicon.gazetteer import regions
from ..model import Location
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


class _Index:
    """The candidates (sorted by start, as ``read_actors`` keeps them) and the places of a reading,
    found by token or character range by bisection, so that a pass asking "who else is named in
    this sentence" for every mention costs the answer, not a scan of the whole document."""

    def __init__(self, reading: Reading, cands: list[Candidate]) -> None:
        self.cands = cands
        self.starts = [c.start for c in cands]
        if any(a > b for a, b in zip(self.starts, self.starts[1:], strict=False)):
            raise ValueError("candidates out of text order")
        self.places = sorted((p for p in reading.places if p.start is not None), key=lambda p: p.start or 0)
        self.place_starts = [p.start or 0 for p in self.places]
        self.same_span: dict[tuple[int, int], list[Candidate]] = {}
        for c in cands:
            self.same_span.setdefault((c.start, c.end), []).append(c)
        # nearest first (ties in list order, as ``sorted(..., reverse=True)`` leaves them)
        self.nearest = sorted(cands, key=lambda c: c.start, reverse=True)
        self._nearest_keys = [-c.start for c in self.nearest]

    def between(self, start: int, end: int) -> list[Candidate]:
        """The candidates starting at tokens ``start`` to ``end`` (excluded), in list order."""
        return self.cands[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def places_between(self, start: int, end: int) -> list[Location]:
        """The places starting at characters ``start`` to ``end`` (excluded)."""
        return self.places[bisect_left(self.place_starts, start) : bisect_left(self.place_starts, end)]

    def nearest_from(self, token: int) -> list[Candidate]:
        """The candidates starting at or before ``token``, nearest first."""
        return self.nearest[bisect_left(self._nearest_keys, -token):]

    def states_at(self, c: Candidate) -> list[str]:
        """``_states_at`` over the candidates of ``c``'s span."""
        return _states_at(self.same_span.get((c.start, c.end), []), c)


def corefer(reading: Reading, cands: list[Candidate]) -> None:
    """Surnames, titles and role descriptions take the person named earlier."""
    named: list[Candidate] = []
    ends_with = _NameEndings()
    surnames: set[str] = set()  # last words of the names of more than one word named so far
    offices: dict[tuple[str, str | None], Candidate] = {}  # (office, country or None) -> last named
    index = _Index(reading, cands)
    for n, c in enumerate(cands):
        if c.pronoun and c.country is None:
            _possessor(reading, c, n, index)
        if (c.kind == "organisation" and c.entry is None and " " not in c.name
                and c.name in surnames):
            c.kind = "person"  # a surname spaCy took for an organisation
        if c.kind != "person":
            continue
        target = None
        if c.described and c.end - c.start == 1 and reading.doc[c.start].is_title:
            # "American Kevin King ... King said": a family name that is also a title
            target = ends_with.last((reading.doc[c.start].text,), None)
        if c.described and target is None:
            if reading.doc[c.start].lower_ in {"the", "his", "her", "its"}:
                office = _office(c.title)
                target = offices.get((office, c.country)) if office else None
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
            if " " in c.name:
                surnames.add(c.name.split()[-1])
            if office := _office(c.title):
                offices[(office, None)] = offices[(office, c.country)] = c


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

    def last(self, ending: tuple[str, ...], other_than: str | None) -> Candidate | None:
        """The last person named before whose longer name ends in ``ending``, named other than
        ``other_than`` (if given)."""
        last = self._last.get(ending)
        if last is None:
            return None
        return last[0] if last[0].name != other_than else last[1]


def _office(title: str | None) -> str | None:
    """The office a role phrase names, the same for "premier" and "prime minister" (a
    "president-elect" is not yet the president); None for no title."""
    return title.replace("premier", "prime minister") if title else None


def _office_holder(reading: Reading, c: Candidate, named: list[Candidate]) -> Candidate | None:
    """"Gustavo Petro won ... The president-elect said": the one person of that sector (and
    country, if the phrase gives one) named in this sentence or the two before, if only one."""
    head = reading.doc[c.end - 1]
    if any(t.lower_ in word_set("former") for t in reading.doc[c.start : c.end]) or any(
            ch.dep_ == "prep" and ch.lower_ == "of" for ch in head.rights):
        return None  # "the former president", "the president of the party": someone else
    first = reading.sent_of[c.start] - ANAPHOR_SENTENCES
    elect = (c.title or "").endswith("elect")  # not in office yet: any sector
    recent: list[Candidate] = []  # those named in the sentences looked at (named in text order)
    for p in reversed(named):
        if reading.sent_of[p.start] < first:
            break
        recent.append(p)
    fits = [p for p in reversed(recent) if p.entry is not None and (elect or p.sector == c.sector)
            and p.end <= c.start and not p.title
            and (c.country is None or p.country == c.country)
            and reading.doc[p.start : p.end].root.head.i != head.head.i]  # "Putin congratulated
    # the president-elect": not Putin
    return fits[-1] if fits and len({p.name for p in fits}) == 1 else None


def _possessor(reading: Reading, c: Candidate, n: int, index: _Index) -> None:
    """"his government" -> the government of the person just named; "its troops" -> the state's;
    "Both men ... asked their governments" -> the governments of the two men's states. ``n``: the
    place of ``c`` in the candidates."""
    kinds = {"his": {"person"}, "her": {"person"}}.get(c.pronoun or "", {"country", "government", "igo"})
    for at in range(n - 1, -1, -1):
        prev = index.cands[at]
        if reading.sent_of[prev.start] < reading.sent_of[c.start] - 1:
            return  # only the same or the previous sentence
        if prev.start >= c.start or not prev.country:
            continue
        states = index.states_at(prev)  # its span's candidates all come before ``c``
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
    index = _Index(reading, cands)
    for c in cands:
        head = reading.doc[c.end - 1]
        if (c.country is not None or c.kind not in {"group", "person"} or head.tag_ != "NNS"
                or not any(t.lower_ in PAIR_WORDS for t in reading.doc[c.start : c.end - 1])):
            continue
        sent = reading.sent_of[c.start]
        # those ending before ``c`` start before it: all come before it in the candidates
        groups = {(p.start, p.end): index.states_at(p)
                  for p in index.between(reading.sents[max(sent - 1, 0)].start, c.start)
                  if p.country and p.end <= c.start and p.kind in {"group", "person"}}
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
    index = _Index(reading, cands)
    for c in cands:
        if c.country is not None or not c.title:
            continue
        head = reading.doc[c.end - 1]
        owner = next((t for t in head.lefts if t.dep_ == "poss"
                      and t.lower_ in word_set("state_nouns")
                      and any(d.lower_ == "the" for d in t.lefts)), None)
        state = _antecedent(reading, owner, STATES, index) if owner is not None else None
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
    index = _Index(reading, cands)
    for c in cands:
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
            near = {p.country for p in index.between(reading.sents[max(sent - 1, 0)].start, c.start)
                    if p.country and p.end <= c.start
                    and reading.doc[p.start : p.end].root.dep_ not in {"npadvmod", "amod"}}
            # ("Iran-allied group ... the government": Iran only qualifies the group)
            since = reading.sents[max(sent - 1, 0)].start_char  # places named there count too
            near |= {pl.country for pl in index.places_between(since, reading.doc[c.start].idx) if pl.country}
        if not near:
            near = _domestic_after(reading, c, index)
        if len(near) == 1 and "IGO" not in near:
            c.country = near.pop()
            c.code = code_of(c.country, c.sector)


def party_countries(reading: Reading, cands: list[Candidate]) -> None:
    """A party or alliance the dictionary does not know ("The Homeland Union (Conservatives)
    ... the Lithuanian Parliament", "the Umma (Nation) party ... Algeria's elections") is of
    the one state its sentence names, when it names exactly one."""
    index = _Index(reading, cands)
    for c in cands:
        if c.country is not None or c.entry is not None or c.kind != "organisation":
            continue
        root = reading.doc[c.start : c.end].root
        if root.lower_ not in word_set("party_heads"):
            continue
        sent = reading.sents[reading.sent_of[c.start]]
        states = {p.country for p in index.between(sent.start, sent.end) if p is not c and p.country}
        states |= {pl.country for pl in index.places_between(sent.start_char, sent.end_char) if pl.country}
        if len(states) == 1 and "IGO" not in states:
            c.country = states.pop()
            c.code = code_of(c.country, c.sector)


def place_countries(reading: Reading, cands: list[Candidate]) -> None:
    """A place neither the dictionary nor the gazetteer knows ("declared a state of siege in
    Santa Cruz Barillas" after "Government of Guatemala") is of the one state its sentence names,
    when it names one; a world region ("Europe") is of none."""
    skip = regions()
    index = _Index(reading, cands)
    sentence_starts = [s.start_char for s in reading.sents]
    for place in reading.places:
        name = (place.text or place.name).lower().removeprefix("the ")
        if (place.country is not None or place.start is None or name in skip
                or any(word in skip or word in word_set("seas") for word in name.split())):
            continue  # "West Africa", "the Mediterranean Sea": more than one state's
        sent = reading.sents[bisect_left(sentence_starts, place.start + 1) - 1]
        if not sent.start_char <= place.start < sent.end_char:
            raise ValueError(f"place {place.text!r} outside every sentence")
        states = {c.country for c in index.between(sent.start, sent.end) if c.country}
        states |= {p.country for p in index.places_between(sent.start_char, sent.end_char) if p.country}
        states.discard("IGO")
        if len(states) == 1:
            place.country = states.pop()


def _domestic_after(reading: Reading, c: Candidate, index: _Index) -> set[str]:
    """The one state of the actors after ``c`` in its sentence when all are its own people
    (rebels, opposition, courts, civilians) and no other state or place is named there."""
    sent = reading.sents[reading.sent_of[c.start]]
    later = [p for p in index.between(c.end, sent.end) if p.country]  # all after ``c`` in the list
    states = {p.country for p in later if p.country}
    states |= {pl.country for pl in index.places_between(sent.start_char, sent.end_char) if pl.country}
    if len(states) != 1 or not all(p.sector in DOMESTIC_SECTORS for p in later):
        return set()
    return states


def ethnic_minorities(reading: Reading, cands: list[Candidate]) -> None:
    """"ethnic Albanians demonstrated in Serbia": a people called ethnic lives in a state not its
    own; when the sentence names one other state, or one acting among several, they are its, else
    of no state at all."""
    index = _Index(reading, cands)
    for c in cands:
        if (c.entry is None or c.entry.kind != "demonym" or c.start == 0
                or reading.doc[c.start - 1].lower_ != "ethnic"):
            continue
        span = reading.sents[reading.sent_of[c.start]]
        in_sentence = index.between(span.start, span.end)
        states = {p.country for p in in_sentence if p is not c and p.country}
        states |= {pl.country for pl in index.places_between(span.start_char, span.end_char) if pl.country}
        states -= {c.country, "IGO"}
        if len(states) > 1:  # "against Sweden's decision to send them back to Bulgaria": the
            # state that acts in the sentence, not one named as a destination or a neighbour
            states = {p.country for p in in_sentence if p is not c and p.country in states
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
    index = _Index(reading, cands)
    found = []
    for i, lower in enumerate(reading.lowers):
        if (i in covered or i in reading.dateline
                or lower not in (ANAPHORS if reading.pos[i] == "PRON" else REFERRING_NOUNS)):
            continue  # (``_anaphor_kinds`` finds no kinds for a word in neither table)
        tok = reading.doc[i]
        kinds = _anaphor_kinds(reading, tok)
        if kinds is None:
            continue
        ante = _antecedent(reading, tok, kinds, index)
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


def _antecedent(reading: Reading, tok: Token, kinds: frozenset[str], index: _Index) -> Candidate | None:
    """The nearest actor before ``tok`` of one of ``kinds``, named up to two sentences back."""
    first = reading.sent_of[tok.i] - ANAPHOR_SENTENCES
    fits = []
    for c in index.nearest_from(tok.i):  # those starting after it end after it too
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
