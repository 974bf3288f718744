"""Finding the names in a Doc: dictionary names (longest match) and spaCy's entities, reconciled.

The dictionary knows codes, the NER knows where names begin and end; this pass keeps one ``Match``
per name so the later passes never see a name twice or a fragment of a longer one. A place name
two states share takes the state the article names (``data/actors/homonyms.tsv``: "Tripoli" with
"Lebanese" is Lebanon's).
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from ..lexicon.dictionary import ActorDictionary, Entry, match_key, split_code
from ._candidate import Match
from ._reading import Reading
from ._words import word_set

__all__ = ["PLACE_KINDS", "SKIP_ENTS", "find_names"]

PLACE_KINDS = {"country", "capital", "place"}
SKIP_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY", "WORK_OF_ART"}
STANCE_PREFIXES = {"anti", "pro", "post", "pre", "non"}  # "pro-Russian": for, not of, Russia
CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december",
}


def find_names(reading: Reading) -> None:
    """Set ``reading.matches``: the dictionary's names, then the entities it does not cover."""
    names = [m for m in _dictionary_matches(reading)
             if not _inside_role_phrase(reading, m)]
    reading.matches = _prefer_entities(reading.doc, names, reading.dictionary)
    _add_entities(reading)
    _add_titled_names(reading)
    reading.matches = [m for m in reading.matches if not _prefixed(reading.doc, m)]
    _homonyms(reading)
    _collisions(reading)
    _namesakes(reading)


def _collisions(reading: Reading) -> None:
    """An alias several entries share ("People's Liberation Army": China's army, and an old name
    of a Turkish group) names the entry of a state the article names elsewhere; with none of them
    named, the dictionary's own choice stands."""
    namesakes = reading.dictionary.namesakes
    text = reading.text
    ambiguous = {}
    for m in reading.matches:
        if m.entry is not None:
            key = match_key(text[reading.doc[m.start].idx : reading.doc[m.end - 1].idx
                                 + len(reading.doc[m.end - 1].text)])
            if key in namesakes:
                ambiguous[id(m)] = namesakes[key]
    if not ambiguous:
        return
    countries = {_country(reading, m.entry)
                 for m in reading.matches if m.entry is not None and id(m) not in ambiguous}
    for m in reading.matches:
        entries = ambiguous.get(id(m))
        if entries is None or m.entry is None or _country(reading, m.entry) in countries:
            continue
        named = [e for e in entries if _country(reading, e) in countries]
        if len({_country(reading, e) for e in named}) == 1:
            m.entry = named[-1]


def _country(reading: Reading, entry: Entry) -> str | None:
    """The country of ``entry``'s code on the article's day."""
    code, _ = entry.code_on(reading.day)
    return split_code(code, reading.dictionary.countries)[0]


def _namesakes(reading: Reading) -> None:
    """A family name the dictionary lists as one person's alias names someone else when the
    article named that other person in full before ("Tim Morrison ... Morrison said"): the name
    is left to the person passes, which link it to the full name."""
    for m in reading.matches:
        words = [t for t in reading.doc[m.start : m.end] if t.is_alpha]
        if (m.entry is not None and m.entry.kind == "person" and len(words) == 1
                and reading.namesake(m.start, words[0].text, m.entry)):
            m.entry, m.label = None, "PERSON"


def _homonyms(reading: Reading) -> None:
    """A place name two states share is the other state's when the article names it ("Tripoli"
    with "the north Lebanese port": Lebanon's, not Libya's capital)."""
    homonyms = reading.dictionary.homonyms
    if not homonyms:
        return
    words = set(reading.keys)
    words |= {match_key(m.entry.name) for m in reading.matches if m.entry is not None}
    for m in reading.matches:
        if m.entry is None:
            continue
        for entry, cues in homonyms.get(match_key(m.entry.name), []):
            if cues & words:
                m.entry = entry
                break


def _inside_role_phrase(reading: Reading, m: Match) -> bool:
    """Whether a role phrase that starts before the name takes it in ("National Security
    Council": a state's body, not the U.N.'s "Security Council" inside it)."""
    start = reading.role_start(reading.doc[m.end - 1])
    while start < m.start and reading.doc[start].pos_ == "DET":
        start += 1
    return start < m.start


def _prefixed(doc: Doc, m: Match) -> bool:
    """A name behind a stance prefix ("anti-American protests", "pro-Russian separatists",
    "post-Soviet wars") qualifies the noun without making it the state's or an actor."""
    return (m.start >= 2 and doc[m.start - 1].text == "-"
            and doc[m.start - 2].lower_ in STANCE_PREFIXES)


def _add_entities(reading: Reading) -> None:
    """Add the entities the dictionary missed (persons, organisations, places), trimmed."""
    doc = reading.doc
    taken = {i for m in reading.matches for i in range(m.start, m.end)}
    for ent in map(_trim, doc.ents):
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "FAC"} or not len(ent):
            continue
        if ent.label_ == "ORG" and ent[-1].lower_ in word_set("law_names") and ent[-1].is_title:
            continue  # "the Hong Kong Human Rights and Democracy Act": a law, no actor
        if (ent.label_ == "ORG" and ent.root.lower_ not in word_set("meetings")
                and _owned_organisation(reading, ent)):
            continue
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        last = doc[ent.end - 1]
        if ent.label_ == "PERSON" and (
                (ent.end < len(doc) and doc[ent.end].like_num)
                or any(c.isdigit() for c in ent.text) or ent[0].lower_ in word_set("storms")):
            continue  # "Senate Bill 2770", "COVID-19", "F-16s", "Cyclone Nargis": no person
        if ent.label_ == "ORG" and reading.role(last) and (
                ent.root.i == ent.end - 1 or reading.role_start(last) <= ent.start + 1):
            continue  # "The Government", "Parliament", "The Heads of State": a role phrase
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        while start < ent.end - 1 and doc[start].lower_ in CALENDAR:
            start += 1  # "This Tuesday Putin": the NER's date word is not the name
        while (ent.label_ == "PERSON" and start > 0 and start - 1 not in taken
               and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
               and doc[start - 1].head.i >= start and not reading.role(doc[start - 1])
               and doc[start - 1].lower_ not in CALENDAR):
            start -= 1
        end = ent.end
        while (ent.label_ == "PERSON" and end < len(doc) and end not in taken
               and doc[end].pos_ == "PROPN" and doc[end].is_title
               and doc[end - 1].head.i == end):  # "Maria Fernanda" + "Cabal"
            end += 1
        if start < end:
            reading.matches.append(Match(start, end, None, ent.label_))
    reading.matches.sort(key=lambda m: m.start)


def _add_titled_names(reading: Reading) -> None:
    """Capitalised words after a person's title that the NER left out ("the Colombian Sergeant
    Pablo Emilio Moncayo"): a person's name."""
    doc = reading.doc
    pos, lowers, is_title, is_alpha, ents = (reading.pos, reading.lowers, reading.is_title,
                                             reading.is_alpha, reading.ent_types)
    taken = {i for m in reading.matches for i in range(m.start, m.end)}
    for i in range(len(doc)):
        if not is_title[i] or i in taken:
            continue
        role = reading.role_at(i)
        if role is None or role.kind != "person":
            continue
        end = i + 1
        while (end < len(doc) and end not in taken and pos[end] == "PROPN"
               and is_title[end] and is_alpha[end] and not ents[end]
               and reading.role_at(end) is None and lowers[end] not in CALENDAR):
            end += 1
        if end - i > 1 and i + 1 <= doc[i].head.i < end:  # the title qualifies the name
            reading.matches.append(Match(i + 1, end, None, "PERSON"))
            taken.update(range(i + 1, end))
    reading.matches.sort(key=lambda m: m.start)


def _owned_organisation(reading: Reading, ent: Span) -> bool:
    """An organisation named after its state or IGO ("The United States Treasury", "the U.N.
    Conciliation Commission"): one actor with that code, not a place plus a name fragment."""
    inner = [m for m in reading.matches if ent.start <= m.start and m.end <= ent.end]
    first = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if (not inner or inner[0].start != first or inner[-1].end >= ent.end or reading.role(ent.root)
            or any(m.kind() not in PLACE_KINDS | {"demonym", "igo"} for m in inner)
            or any(m.start < ent.start or m.end > ent.end for m in reading.matches
                   if m.start < ent.end and ent.start < m.end and m not in inner)
            or ent.root.pos_ != "PROPN" or ent.root.dep_ in {"compound", "amod", "nmod"}
            or any(reading.role(tok) and tok.lower_ not in word_set("name_adjectives")
                   for tok in reading.doc[inner[-1].end : ent.end])):
        return False  # "British Defence [Secretary]", "Arab League Secretary": titles
    aff = reading.affiliation(inner[0])
    if aff is None:
        return False
    owner = aff if aff[1] and aff[1].startswith("IGO") else (aff[0], aff[0])
    reading.matches = [m for m in reading.matches if m not in inner]
    reading.matches.append(Match(first, ent.end, None, "ORG", owner))
    return True


def _trim(ent: Span) -> Span:
    """The entity without a trailing possessive or punctuation ("North Korea's" -> "North Korea"),
    but with the bracket that closes one it opened ("The Homeland Union (Conservatives)")."""
    doc = ent.doc
    end = ent.end
    while end > ent.start and not doc[end - 1].text[:1].isalnum():
        end -= 1
    opened = [t.text for t in doc[ent.start : end]].count("(")
    if (opened and opened > [t.text for t in doc[ent.start : end]].count(")")
            and end < len(doc) and doc[end].text == ")"):
        end += 1
    return Span(ent.doc, ent.start, end, label=ent.label) if end != ent.end else ent


def _prefer_entities(doc: Doc, matches: list[Match], d: ActorDictionary) -> list[Match]:
    """Drop a dictionary place inside a longer named entity ("America" in "Latin America"), but
    not one before a title in a person's name ("NSW Premier Gladys Berejiklian")."""
    ent_of: dict[int, Span] = {}
    for named in doc.ents:
        for i in range(named.start, named.end):
            ent_of[i] = named
    kept = []
    for m in matches:
        ent = ent_of.get(m.start)
        if ent is None:
            kept.append(m)  # no entity to prefer
            continue
        ent = _trim(ent)
        longer = ent.start <= m.start and m.end <= ent.end
        longer = longer and (ent.end - ent.start) > (m.end - m.start) and ent[0].lower_ != "the"
        if longer and m.kind() in PLACE_KINDS | {"demonym"} and ent.label_ in {"LOC", "GPE", "FAC"}:
            continue
        if (ent.label_ == "ORG" and m.end - m.start == 1
                and m.start == ent.start + (ent[0].lower_ == "the") and ent.end - m.start > 2
                and ent.root.i == m.start and m.kind() in {"igo", "organisation", "group"}):
            continue  # "Alliance" (NATO) in "the Alliance for American Manufacturing"
        titled = m.end < len(doc) and match_key(doc[m.end].text) in d.roles
        if longer and m.kind() in PLACE_KINDS and ent.label_ == "PERSON" and not titled:
            continue  # "Hamilton" in "Hamilton Mourao": a first name, not Bermuda's capital
        kept.append(m)
    return kept


def _dictionary_matches(reading: Reading) -> list[Match]:
    """Longest dictionary names over token ranges inside each sentence, left to right."""
    doc, d = reading.doc, reading.dictionary
    texts, idx, keys = reading.texts, reading.idx, reading.keys
    full = reading.text
    _, spaced, _, dead = reading.joins  # name_key's own test of a range it gives no key, inlined
    out: list[Match] = []
    for sent in reading.sents:
        i = sent.start
        while i < sent.end:
            if not texts[i][:1].isalnum() or keys[i].split(" ", 1)[0] not in d.first_words:
                i += 1
                continue
            found = None
            for j in range(min(sent.end, i + d.max_words + 3), i, -1):
                if not texts[j - 1][:1].isalnum() or (dead[j - 1] and (j - 1 == i or spaced[j - 1])):
                    continue
                key = reading.name_key(i, j)  # "People's" is one word, not "People 's"
                entry = d.index.get(key) if key is not None else None
                if entry is not None:
                    text = full[idx[i] : idx[j - 1] + len(texts[j - 1])]
                    if not _plausible(doc[i:j], entry, text):
                        continue
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
                    and tok.ent_type_ not in SKIP_ENTS
                    and not (k < start and _ends_title(doc, k, d))):
                return True
    return False


def _ends_title(doc: Doc, k: int, d: ActorDictionary) -> bool:
    """Whether ``doc[k]`` ends a title's "of" phrase ("Speaker of the House Nancy Pelosi",
    "Secretary of State John Kerry"), not a name the person's continues."""
    back = k - 1
    if back >= 0 and doc[back].lower_ == "the":
        back -= 1
    return (back >= 1 and doc[back].lower_ == "of"
            and (match_key(doc[back - 1].text) in d.roles or doc[back - 1].is_title))


def _plausible(span: Span, entry: Entry, text: str) -> bool:
    """A proper name is capitalised and not a date; a stop word must be written in capitals."""
    if not any(c.isupper() for c in text):
        return False
    if any(t.ent_type_ in SKIP_ENTS for t in span) and not (text.isalpha() and text.isupper()):
        return False  # ("NSW" is no number, whatever the NER says)
    key = match_key(text)
    if len(key) <= 3 and text.endswith(".") and not text.replace(".", "").isupper():
        return False  # "Sec. Pompeo", "Gov. Noem": an abbreviated title, not the SEC
    if (entry.kind in PLACE_KINDS and entry.name.lower().startswith("the ") and " " not in key
            and not (span.start > 0 and span.doc[span.start - 1].lower_ == "the")
            and not text.lower().startswith("the ")):
        return False  # "The Valley" (Anguilla's capital) is never a bare "Valley"
    if key in STOP_WORDS or len(key) <= 2:
        return text.replace(".", "").isupper() and len(text.replace(".", "")) > 1
    if entry.kind == "demonym" or (entry.kind == "country" and span[0].is_title):
        return True  # "Nepal government": the tagger may take a country for an adjective
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in span) or text.isupper()
