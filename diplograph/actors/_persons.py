"""Person names: the title and nationality around them, and the dictionary entry they name on a day.

"President Boris Yeltsin", "Héctor ..., the Colombian ambassador", "Mr Erdogan": a person's mention
takes in the role phrase beside the name (or inside it, where the NER took "Archbishop Desmond Tutu"
as one name), and the dictionary's dated offices give the code unless
the text says otherwise ("King Hassan of Morocco").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.dictionary import Entry, match_key, split_code
from ._candidate import Candidate, Match, code_of
from ._groups import MODIFIER_DEPS
from ._reading import Reading
from ._words import word_set

__all__ = ["conjoined_surnames", "known_surname", "person_mention"]

JOINERS = {"and", "or", "&"}  # a conjunction before a name ends another's phrase


def person_mention(reading: Reading, m: Match, nat: dict) -> Candidate:
    """The mention of the person named by ``m``, with its title and country."""
    doc = reading.doc
    root = reading.root(m)
    start, end = m.start, m.end
    title, affs = None, list(nat.get(root.i, []))
    lead = m.start  # "Archbishop Desmond Tutu" as one name: the title inside it
    while (lead < m.end - 1 and doc[lead].dep_ in {"compound", "nmod"}
           and reading.role(doc[lead]) is not None):
        title = reading.role_text(doc[lead])
        lead += 1
    lefts = [c for t in doc[m.start : m.end] for c in t.lefts  # "Archbishop" of "Desmond Tutu"
             if c.i < m.start and c.dep_ in MODIFIER_DEPS | {"det", "amod"}]
    if lefts:
        start = min(c.left_edge.i for c in lefts)
    # "the new Colombian ambassador, Héctor ..." / "Héctor ..., the Colombian ambassador"
    role_tok = None
    if root.dep_ == "appos" and root.head.i < m.start:
        head = root.head
        if not reading.role(head) and head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head  # "The president of Colombia, Gustavo Petro"
        if reading.role(head) and head.i < m.start:
            role_tok = head
            start = min(start, role_tok.left_edge.i)
    office = None  # "Kenzo Oshima, the United Nations Emergency Relief Coordinator": the IGO's
    for c in root.rights:
        if c.dep_ == "appos" and reading.role(c):
            role_tok = c
            end = max(end, c.i + 1)
        elif c.dep_ == "appos":
            office = office or _igo_office(reading, c)
    joined = [i for i in range(start, m.start) if doc[i].dep_ == "cc" or doc[i].lower_ in JOINERS]
    if joined and (role_tok is None or role_tok.i > joined[-1]):
        start = joined[-1] + 1  # "Trump and Chinese leader Xi Jinping": the leader's words only
    for i in range(start, m.start):
        role = reading.role(doc[i])
        if role and doc[i].dep_ in {"compound", "nmod", "appos", "amod"} | {"ROOT"}:
            title = reading.role_text(doc[i])
            reading.consumed.add(i)
        inner = reading.by_token.get(i)
        if inner is not None and inner is not m:
            aff = reading.affiliation(inner)
            if aff and aff not in affs:
                affs.append(aff)
    if role_tok is not None:
        title = reading.role_text(role_tok)
        reading.consumed.add(role_tok.i)
        affs += [a for a in nat.get(role_tok.i, []) if a not in affs]
    hosts = _hosts(reading, start, m.start)
    if hosts and any(a not in hosts for a in affs):
        affs = [a for a in affs if a not in hosts]  # "China's ambassador to Britain Liu": China's
    role = reading.dictionary.roles.get(match_key(title)) if title else None
    text = doc[lead : m.end].text
    if m.entry is None:
        m.entry = known_surname(reading, m, title)
    code: str | None
    if m.entry is not None:
        code, current = m.entry.code_on(reading.day)
        country, sector = split_code(code, reading.dictionary.countries)
        if country is None and affs:  # a code of a state that no longer exists (USRKGZ)
            country = affs[0][0]
        if country is None:  # an undated "ELI": the country of the nearest office
            nearest = m.entry.nearest_dated_code(reading.day)
            country = split_code(nearest, reading.dictionary.countries)[0]
        said = next((a for a, _ in affs if a and a != "IGO"), None)
        if said and country not in {None, "IGO", said} and reading.nat_rank.get(root.i, 0) < 2:
            # "King Hassan of Morocco": the text's nationality, not a namesake's in the dictionary
            country, code = said, code_of(said, sector)
        former = any(t.lower_ in word_set("former") for t in doc[start : m.start])
        if not current or sector in {None, "ELI"}:
            # the text's own title ("President Boris Yeltsin") says more than "elite"
            sector = role.sector if role and not former else (None if not current else sector)
            code = code_of(country, sector)
        igo = [c for _, c in affs if c and c.startswith("IGO")]
        if office is not None:
            igo, current = [office], False
        if country == "IGO" or (igo and not current):
            # "U.N. Secretary-General Kofi Annan", "Arab League Secretary-General Aboul Gheit"
            # (once Egypt's minister): the organisation the text names
            country = "IGO"
            code = igo[0] if igo else m.entry.nearest_dated_code(reading.day) or code
            if not code or not code.startswith("IGO"):
                code = "IGO"
            sector = split_code(code, reading.dictionary.countries)[1]
        return Candidate(start, end, m.entry.name, country, sector, code, "person", title, m.entry)
    country, code = affs[0] if affs else (None, None)
    if office is not None:
        country, code = "IGO", office
    sector = role.sector if role else None
    if code and code != country:
        sector = split_code(code, reading.dictionary.countries)[1] or sector
    else:
        code = code_of(country, sector)
    # "Russian-American journalist Evan Gershkovich": one mention, an actor of each state
    return Candidate(start, end, text, country, sector, code, "person", title, extra=affs[1:])


def _hosts(reading: Reading, start: int, end: int) -> list[tuple[str | None, str | None]]:
    """The affiliations of the names after "to" in a title before a person's name ("ambassador
    to Britain Liu Xiaoming"): the state the person is sent to, not the person's own."""
    found = []
    for i in range(max(start, 1), end):
        m = reading.by_token.get(i)
        if m is not None and m.start == i and reading.doc[i - 1].lower_ == "to":
            aff = reading.affiliation(m)
            if aff is not None:
                found.append(aff)
    return found


def _igo_office(reading: Reading, tok: Token) -> str | None:
    """The IGO code of an office named in apposition ("the United Nations Emergency Relief
    Coordinator"): the person holds it, whatever the nationality the dictionary gives him."""
    m = reading.by_token.get(tok.i)
    if m is None or m.kind() == "person":
        return None
    code = m.owner[1] if m.owner else (m.entry.code_on(reading.day)[0] if m.entry else None)
    return code if code and code.startswith("IGO") else None


COORDINATORS = {"and", "or", "&"}
BETWEEN_POS = {"DET", "ADJ", "NOUN", "PROPN"}  # "and [the] Chinese leader Xi Jinping"
CONJOINED_GAP = 4  # how many words (a title, a nationality) may stand between "and" and the name


def conjoined_surnames(reading: Reading) -> None:
    """A lone family name the NER missed where it is coordinated with a person ("Trump and
    Chinese leader Xi Jinping have been expected to sign a partial trade deal": spaCy takes
    "Trump" for an adjective of "leader"): a person's name when the dictionary knows a holder of
    office by it (``known_surname``)."""
    doc = reading.doc
    taken = {i for m in reading.matches for i in range(m.start, m.end)}
    persons = [m for m in reading.matches
               if m.label == "PERSON" or (m.entry is not None and m.entry.kind == "person")]
    names = {i for m in reading.matches if m.entry is None or m.entry.kind != "demonym"
             for i in range(m.start, m.end)}  # a nationality may stand between: "Chinese leader"
    starts = {m.start for m in persons}
    ends = {m.end for m in persons}
    added = False
    for i in range(len(doc)):
        if (i in taken or not reading.is_title[i] or not reading.is_alpha[i] or reading.ent_types[i]
                or reading.pos[i] not in {"PROPN", "ADJ", "NOUN"} or reading.role_at(i) is not None):
            continue
        tok = doc[i]
        after = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in COORDINATORS and any(
            tok.i + 2 + gap in starts and all(doc[j].pos_ in BETWEEN_POS and j not in names
                                              for j in range(tok.i + 2, tok.i + 2 + gap))
            for gap in range(CONJOINED_GAP + 1))
        before = tok.i >= 2 and doc[tok.i - 1].lower_ in COORDINATORS and (tok.i - 1) in ends
        if not (after or before):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue  # the first of several names: not a lone family name
        m = Match(tok.i, tok.i + 1, reading.dictionary.lookup(tok.text), "PERSON")
        if m.entry is None or m.entry.kind != "person":  # "Trump" is an alias of its own
            m.entry = known_surname(reading, m, None)
        if m.entry is None or m.entry.kind != "person":
            continue
        reading.matches.append(m)
        taken.add(tok.i)
        added = True
    if added:
        reading.matches.sort(key=lambda m: m.start)


def known_surname(reading: Reading, m: Match, title: str | None) -> Entry | None:
    """A name the dictionary knows by its family name: "President Mugabe", "Mr Erdogan" (a title
    needed for a lone surname), "Omar El Bashir" (same first name as Omar Hassan al-Bashir),
    "Francois Mitterand" (one letter off one person's name)."""
    words = [t for t in reading.doc[m.start : m.end] if t.is_alpha]
    honoured = bool(words) and words[0].lower_ in word_set("honorifics")  # "Mr Erdogan" as one name
    words = words[1:] if honoured else words
    if not words:
        return None
    # "Mr Erdogan": "Erdogan" is known
    known = reading.dictionary.lookup(" ".join(w.text for w in words))
    if honoured and known is not None and known.kind == "person":
        return None if reading.namesake(m.start, words[-1].text, known) else known
    entry = reading.dictionary.by_surname(words[-1].text)
    if entry is None:  # "Francois Mitterand": a misspelling of one person's name, if any
        return reading.dictionary.misspelt(" ".join(w.text for w in words))
    if len(words) == 1:
        if reading.namesake(m.start, words[0].text, entry):
            return None  # "Tim Morrison ... Morrison": the person named in full, not a namesake
        before = reading.doc[m.start - 1].lower_.rstrip(".") if m.start else ""
        doc = reading.doc
        if m.end < len(doc) and doc[m.end].like_num:
            return None  # "Senate Bill 2770", "Resolution 1441": a numbered text, no person
        if title or honoured or before in word_set("honorifics"):
            return entry
        return entry if _in_office(reading, entry) else None
    same_first = match_key(entry.name).split()[0] == match_key(words[0].text)
    return entry if same_first else None


def _in_office(reading: Reading, entry: Entry) -> bool:
    """Whether a dated office of ``entry`` covers the publication day ("Mugabe" in 2001)."""
    return any(t.start and t.start <= reading.day and (not t.end or reading.day <= t.end)
               and not t.code.endswith("ELI") for t in entry.terms)
