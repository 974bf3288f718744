"""The actor dictionary: shipped data files plus users' files, indexed once per process.

Every entry file has the same TAB-separated format (``name, code, kind, aliases, from, until``,
described in ``diplograph.actors``); later files override earlier ones entry by entry (same name),
so the hand-curated files update PETRARCH-2's conversion and a user's file updates both.
Names are matched by a normalised key (lower case, no accents, no dots or hyphens, no leading
"the"), so ``U.S.``, ``US`` and ``the US`` meet the same entry in one dict lookup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from ..errors import InputError
from .tables import rows, shipped_text, user_text

__all__ = [
    "ActorDictionary",
    "Entry",
    "Role",
    "Term",
    "load_dictionary",
    "match_key",
    "parse_entries",
    "plain_word",
    "split_code",
]

# Shipped entry files, in load order (later overrides earlier by name).
ENTRY_FILES = (
    "countries.tsv",
    "organisations.tsv",
    "people.tsv",
    "nationalities.tsv",
    "subdivisions.tsv",
    "institutions.tsv",
    "agencies.tsv",
    "outlets.tsv",
    "leaders.tsv",
)
CONVERTED_FILES = ("countries.tsv", "organisations.tsv", "people.tsv")  # from PETRARCH-2
ROLE_FILES = ("agents.tsv", "roles.tsv")
ACT_FILE = "acts.txt"  # nouns of a state's act: "a U.S. request" is the United States acting
HOMONYM_FILE = "homonyms.tsv"  # "Tripoli": Lebanon's when the text names Lebanon
TERRITORY_FILE = "territories.tsv"  # "HKG": China's territory, one setting with China
ABROAD_FILE = "abroad.txt"  # "hostages": people whom an article's setting says nothing of
KINDS = {
    "person", "country", "government", "organisation", "igo", "media", "group",
    "demonym", "capital", "place",
}
# Last words of a role phrase that names a body, not a person ("interior ministry", "ruling party").
BODY_WORDS = {
    "court", "ministry", "department", "office", "agency", "bureau", "commission", "committee",
    "council", "assembly", "parliament", "senate", "congress", "cabinet", "government",
    "administration", "authority", "junta", "regime", "tribunal", "service", "command", "army",
    "navy", "force", "guard", "police", "party", "coalition", "movement", "front", "union",
    "militia",
}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
ARMED_SECTORS = {"REB", "UAF", "OPP"}
NON_COUNTRY_PREFIXES = {"IGO", "NGO", "IMG", "MNC", "UAF"}
PREFIX_SECTOR = {"NGO": "NGO", "IMG": "REB", "MNC": "BUS", "UAF": "UAF"}
_DROP = re.compile(r"[.'’`,()\"]")
_SPACE = re.compile(r"[\s\-‐‑–—/]+")
MISSPELT_MIN_LENGTH = 6  # shorter family names differ by one letter too often ("Ali", "Alu")
VARIANT_SIMILARITY = 0.8  # how alike a misspelt alias and the name must be ("Quatar", "Qatar")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=1 << 16)  # pure; the actor stage asks it of every word and phrase, most of them often
def match_key(text: str) -> str:
    """The lookup key of a name: folded case and accents, no dots, hyphens or leading "the"."""
    folded = text.lower()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    key = _SPACE.sub(" ", _DROP.sub("", folded)).strip()
    return key[4:] if key.startswith("the ") else key


def plain_word(word: str) -> bool:
    """Whether the lower-case ``word`` is made of ASCII letters and digits only: then it is its own
    ``match_key``, and the key of a phrase ending in it (after a space) ends in it as a word of its
    own, so the phrase's key is in a dictionary only when ``word`` ends one of its keys."""
    return word.isascii() and word.isalnum()


def split_code(code: str | None, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """``RUSGOV`` -> (RUS, GOV); ``IGOUNO`` -> (IGO, None); ``NGOHRIAMN`` -> (None, NGO)."""
    if not code:
        return None, None
    prefix, rest = code[:3], code[3:]
    if prefix in PREFIX_SECTOR:
        return None, PREFIX_SECTOR[prefix]
    if prefix == "IGO":
        return "IGO", None
    if prefix in countries:
        return prefix, rest[:3] or None
    return None, code[:3]


@dataclass(frozen=True)
class Term:
    """One office: a code valid from ``start`` to ``end`` (ISO dates, None = open)."""

    code: str
    start: str | None
    end: str | None


@dataclass
class Entry:
    """A named actor (or place) with its offices over time."""

    name: str
    kind: str
    terms: list[Term] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    origin: str = ""  # the file it was read from

    def code_on(self, day: str) -> tuple[str, bool]:
        """The code on ``day`` and whether an office covers it (False: nearest term's country)."""
        dated = [t for t in self.terms if t.start or t.end]
        current = [
            t for t in dated if (not t.start or t.start <= day) and (not t.end or day <= t.end)
        ]
        if current:
            return max(current, key=lambda t: t.start or "").code, True
        undated = [t for t in self.terms if not t.start and not t.end]
        if undated:
            return undated[0].code, True
        nearest = min(dated, key=lambda t: _distance(t, day))
        return nearest.code, False

    def nearest_dated_code(self, day: str) -> str | None:
        """The code of the office nearest ``day`` (PETRARCH's undated "ELI" says no country)."""
        dated = [t for t in self.terms if t.start or t.end]
        return min(dated, key=lambda t: _distance(t, day)).code if dated else None


def _distance(term: Term, day: str) -> int:
    d = date.fromisoformat(day)
    start = date.fromisoformat(term.start) if term.start else date.min
    end = date.fromisoformat(term.end) if term.end else date.max
    return (start - d).days if d < start else (d - end).days


@dataclass(frozen=True)
class Role:
    """What a role noun says about its actor: the sector and whether it is one person or many."""

    sector: str | None  # None: an actor with no sector ("Iraqi towns")
    kind: str


@dataclass
class ActorDictionary:
    """Entries by normalised name key, role nouns, and what the matcher needs to be quick."""

    entries: dict[str, Entry]
    index: dict[str, Entry]
    roles: dict[str, Role]
    countries: frozenset[str]
    country_names: dict[str, str]
    first_words: frozenset[str]
    max_words: int
    # the last word of every name key and of every role key: a phrase ending in a plain word
    # (ASCII letters and digits) that is in neither cannot be a name or a role, and the actor
    # stage skips its lookup (``match_key`` of the phrase) without making the key
    last_words: frozenset[str]
    role_last_words: frozenset[str]
    surnames: dict[str, Entry] = field(default_factory=dict)  # "mugabe" -> Robert Mugabe
    acts: frozenset[str] = frozenset()  # "request", "occupation": nouns of a state's act
    by_first_name: dict[str, list[Entry]] = field(default_factory=dict)  # "francois" -> people
    # "tripoli" -> [(Tripoli in Lebanon, {"lebanon", "lebanese", ...})]: the other state's place
    homonyms: dict[str, list[tuple[Entry, frozenset[str]]]] = field(default_factory=dict)
    sovereigns: dict[str, str] = field(default_factory=dict)  # "HKG" -> "CHN"
    abroad: frozenset[str] = frozenset()  # role nouns of people away from home ("hostages")
    # every entry an alias names, when several do ("People's Liberation Army": China's army and
    # a Turkish group's old name); ``index`` keeps the last file's
    namesakes: dict[str, list[Entry]] = field(default_factory=dict)

    def misspelt(self, text: str) -> Entry | None:
        """The one person of the dictionary with this first name whose family name differs from
        the text's by one letter ("Francois Mitterand", "Juvenal Habyariman"), if only one."""
        words = match_key(text).split()
        if len(words) < 2 or len(words[-1]) < MISSPELT_MIN_LENGTH:
            return None
        found = {e.name: e for e in self.by_first_name.get(words[0], [])
                 if _one_edit(" ".join(words[1:]), " ".join(match_key(e.name).split()[1:]))}
        return next(iter(found.values())) if len(found) == 1 else None

    def lookup(self, text: str) -> Entry | None:
        return self.index.get(match_key(text))

    def by_surname(self, text: str) -> Entry | None:
        """The one person of the dictionary with this family name ("President Mugabe"), if one."""
        return self.surnames.get(match_key(text))



def parse_entries(text: str, origin: str) -> list[tuple[int, list[str]]]:
    """(line number, six fields) for each entry line; InputError naming file and line otherwise."""
    found = []
    for number, fields in rows(text, origin):
        fields += [""] * (6 - len(fields))
        where = f"{origin}, line {number}"
        if len(fields) != 6:
            raise InputError(where, f"expected 6 TAB-separated fields, found {len(fields)}")
        name, code, kind, _, start, end = (f.strip() for f in fields)
        if not name:
            raise InputError(where, "the name (first field) is empty")
        if not re.fullmatch(r"[A-Z]{3,}", code):
            raise InputError(where, f"code {code!r} is not a CAMEO code (e.g. RUSGOV, USA, IGOUNO)")
        if kind not in KINDS:
            raise InputError(where, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        for value in (start, end):
            if value and not _DATE.fullmatch(value):
                raise InputError(where, f"date {value!r} is not YYYY-MM-DD")
        found.append((number, [f.strip() for f in fields]))
    return found


def _entries_from(text: str, origin: str) -> dict[str, Entry]:
    found: dict[str, Entry] = {}
    for _, (name, code, kind, aliases, start, end) in parse_entries(text, origin):
        entry = found.setdefault(name.lower(), Entry(name, kind, origin=origin))
        entry.terms.append(Term(code, start or None, end or None))
        entry.aliases.extend(a.strip() for a in aliases.split("|") if a.strip())
    return found


def _homonyms_from(text: str) -> dict[str, list[tuple[Entry, frozenset[str]]]]:
    """Name key -> (entry of the other state's place, the words that say it is that one)."""
    origin = f"diplograph/data/actors/{HOMONYM_FILE}"
    found: dict[str, list[tuple[Entry, frozenset[str]]]] = {}
    for _, (name, code, kind, cues, _start, _end) in parse_entries(text, origin):
        entry = Entry(name, kind, [Term(code, None, None)], origin=origin)
        words = frozenset(match_key(c) for c in cues.split("|") if c.strip())
        found.setdefault(match_key(name), []).append((entry, words))
    return found


def _roles_from(text: str, origin: str) -> dict[str, Role | None]:
    """Role noun key -> Role; None for a curated "not an actor" (sector "-"), which removes the
    noun from the files read before."""
    roles: dict[str, Role | None] = {}
    for _, (noun, sector, *kind) in rows(text, origin):
        if sector.strip() == "-":  # a curated "not an actor"
            roles[match_key(noun)] = None
            continue
        roles[match_key(noun)] = Role(sector.strip(), kind[0].strip() if kind else
                                      _default_kind(match_key(noun), sector.strip()))
    return roles


def _default_kind(noun: str, sector: str) -> str:
    """The kind of a role noun PETRARCH-2 lists without one: a body ("interior ministry", "ruling
    party", "rebel army") is an institution or a group, a plural several people, else one."""
    if noun.split()[-1] in BODY_WORDS:
        if sector in STATE_SECTORS:
            return "government"
        return "group" if sector in ARMED_SECTORS else "organisation"
    return "group" if noun.endswith("s") and not noun.endswith("ss") else "person"


def _pairs_from(text: str, origin: str) -> dict[str, str]:
    """First field -> second field of a two-column TAB-separated file, without comments."""
    pairs = {}
    for number, raw in rows(text, origin):
        fields = [f.strip() for f in raw]
        if len(fields) != 2 or not all(fields):
            raise InputError(f"{origin}, line {number}", "expected 2 TAB-separated fields")
        pairs[fields[0]] = fields[1]
    return pairs


def _words_from(text: str, origin: str) -> frozenset[str]:
    """The words of a one-word-a-line list, without comments and blank lines."""
    return frozenset(fields[0].strip().lower() for _, fields in rows(text, origin, width=1))


def _spelling_variants(replaced: Entry, entry: Entry) -> list[str]:
    """The aliases of a PETRARCH-2 entry that its curated replacement (same kind and country)
    lacks and that spell its name otherwise ("Quatar", "Isreal"), not other places ("Darfur")."""
    if replaced.kind != entry.kind or not replaced.terms or not entry.terms:
        return []
    if replaced.terms[0].code[:3] != entry.terms[0].code[:3]:
        return []
    name = match_key(entry.name)
    kept = {match_key(a) for a in (entry.name, *entry.aliases)}
    return [a for a in replaced.aliases if match_key(a) not in kept
            and SequenceMatcher(None, name, match_key(a)).ratio() >= VARIANT_SIMILARITY]


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter added, dropped or changed, or two letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and (a[i], a[i + 1]) == (b[i + 1], b[i]) and a[i + 2 :] == b[i + 2 :]


def _first_names(entries: dict[str, Entry]) -> dict[str, list[Entry]]:
    """First name -> the people of the dictionary with it, for finding misspelt family names."""
    found: dict[str, list[Entry]] = {}
    for entry in entries.values():
        words = match_key(entry.name).split()
        if entry.kind == "person" and len(words) >= 2:
            found.setdefault(words[0], []).append(entry)
    return found


def _surnames(entries: dict[str, Entry], index: dict[str, Entry],
              roles: dict[str, Role]) -> dict[str, Entry]:
    """Family name -> the person entry, for names that belong to one person of the dictionary only
    and are no other entry's name or a role noun."""
    owners: dict[str, set[str]] = {}
    people: dict[str, Entry] = {}
    for entry in entries.values():
        words = match_key(entry.name).split()
        if entry.kind != "person" or len(words) < 2 or len(words[-1]) < 4:
            continue
        owners.setdefault(words[-1], set()).add(entry.name.lower())
        people[words[-1]] = entry
    return {k: people[k] for k, names in owners.items()
            if len(names) == 1 and k not in index and k not in roles}


@lru_cache(maxsize=8)
def load_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The shipped dictionary with ``extra_files`` on top; built once per process and file list."""
    import pycountry

    entries: dict[str, Entry] = {}
    layers = [_entries_from(shipped_text("actors", n), f"diplograph/data/actors/{n}") for n in ENTRY_FILES]
    layers += [_entries_from(user_text(path, "actor file"), path) for path in extra_files]
    variants: list[tuple[str, Entry]] = []  # misspellings a curated entry would otherwise drop
    for n, layer in enumerate(layers):
        for key, entry in layer.items():
            replaced = entries.pop(key, None)  # re-insert at the end: a later file's aliases win
            entries[key] = entry
            if replaced is not None and n < len(ENTRY_FILES):
                variants += [(a, entry) for a in _spelling_variants(replaced, entry)]
    index: dict[str, Entry] = {}
    namesakes: dict[str, list[Entry]] = {}
    for entry in entries.values():  # insertion order: later files' names and aliases win
        for alias in (entry.name, *entry.aliases):
            key = match_key(alias)
            if key:
                index[key] = entry
                named = namesakes.setdefault(key, [])
                if entry not in named:
                    named.append(entry)
    for alias, entry in variants:  # "Quatar", "Isreal": never in place of a name of their own
        index.setdefault(match_key(alias), entry)
    roles: dict[str, Role] = {}
    for name in ROLE_FILES:
        for key, role in _roles_from(shipped_text("actors", name), f"diplograph/data/actors/{name}").items():
            if role is None:
                roles.pop(key, None)  # a later file's "not an actor" removes an earlier file's noun
            else:
                roles[key] = role
    converted = {f"diplograph/data/actors/{n}" for n in CONVERTED_FILES}
    for key in [k for k, e in index.items() if k in roles and e.origin in converted]:
        del index[key]  # a bare "Senate" or "Army" is whose the sentence says, not PETRARCH's
    # A user's file may define countries of its own (PETRARCH's test dictionaries, a new state):
    # the code of each of its kind-country entries counts as a country code.
    user_countries = {e.terms[0].code[:3] for layer in layers[len(ENTRY_FILES):] for e in layer.values()
                      if e.kind == "country" and e.terms and e.terms[0].code and len(e.terms[0].code) == 3}
    countries = frozenset(c.alpha_3 for c in pycountry.countries) | {"KOS", "PSE"} | user_countries
    country_names: dict[str, str] = {}
    for entry in entries.values():
        code = entry.terms[0].code
        if entry.kind == "country" and code in countries:
            country_names.setdefault(code, entry.name)
    curated = layers[ENTRY_FILES.index("nationalities.tsv")]  # short names: "Russia", not the ISO name
    country_names.update({e.terms[0].code: e.name for e in curated.values() if e.kind == "country"})
    return ActorDictionary(
        surnames=_surnames(entries, index, roles),
        acts=_words_from(shipped_text("actors", ACT_FILE), f"diplograph/data/actors/{ACT_FILE}"),
        homonyms=_homonyms_from(shipped_text("actors", HOMONYM_FILE)),
        abroad=frozenset(match_key(w) for w in _words_from(shipped_text("actors", ABROAD_FILE),
                                                           f"diplograph/data/actors/{ABROAD_FILE}")),
        sovereigns=_pairs_from(shipped_text("actors", TERRITORY_FILE),
                               f"diplograph/data/actors/{TERRITORY_FILE}"),
        namesakes={k: v for k, v in namesakes.items() if len(v) > 1 and index.get(k) in v},
        by_first_name=_first_names(entries),
        entries=entries,
        index=index,
        roles=roles,
        countries=countries,
        country_names=country_names,
        first_words=frozenset(k.split(" ", 1)[0] for k in index),
        max_words=min(8, max(len(k.split()) for k in index)),
        last_words=frozenset(k.rsplit(" ", 1)[-1] for k in index),
        role_last_words=frozenset(k.rsplit(" ", 1)[-1] for k in roles),
    )
