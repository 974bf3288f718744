"""The state the resolver's passes share while they read one Doc.

The names found, the places, the dateline tokens, the sentence of each token and the role phrase
ending at each token are kept in one place, so that each pass (names, datelines, groups, persons,
references) reads the same facts and the role lookups are made once per token.

Each token's text, lower case, lemma, part of speech, entity type, case flags and offset are read
from the Doc once (the strings other stages read too through ``doc_index.strings_of``, which keeps
them per document; the rest as one ``Doc.to_array``): a pass over every word tests these lists and
makes a spaCy ``Token`` only for the few words it keeps (the stage made 1.2 million Tokens on 60
articles when every pass iterated the Doc).
"""

from __future__ import annotations

from functools import cached_property

from spacy.attrs import ENT_TYPE, IDX, IS_ALPHA, IS_TITLE, SENT_START
from spacy.tokens import Doc, Span, Token

from ..doc_index import doc_text, lower_lemmas, strings_of
from ..lexicon.dictionary import ActorDictionary, Entry, Role, match_key, plain_word, split_code
from ..lexicon.gazetteer import geocode
from ..model import Location
from ._candidate import Match
from ._words import word_set

__all__ = ["Reading"]



class Reading:
    """One Doc being read as of ``day`` (ISO date), with the dictionary that resolves its names."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary, day: str) -> None:
        self.doc = doc
        self.dictionary = dictionary
        self.day = day
        self._role_cache: dict[int, tuple[str | None, int]] = {}
        self.places: list[Location] = []
        self.dateline: set[int] = set()  # tokens of wire datelines
        self.matches: list[Match] = []  # names found, set by the names pass
        self.by_token: dict[int, Match] = {}  # token -> its name, set by index_matches()
        self.consumed: set[int] = set()  # role tokens merged into a person's mention
        strings = doc.vocab.strings
        rows = doc.to_array([ENT_TYPE, IS_TITLE, IS_ALPHA, IDX, SENT_START]).tolist()
        self.texts: list[str] = strings_of(doc, "ORTH")  # Token.text
        self.lowers: list[str] = strings_of(doc, "LOWER")  # Token.lower_
        self._lemmas: list[str] = lower_lemmas(doc)  # Token.lemma_, lower case
        self.pos: list[str] = strings_of(doc, "POS")  # Token.pos_
        self.ent_types: list[str] = [strings[r[0]] for r in rows]  # Token.ent_type_
        self.is_title: list[bool] = [bool(r[1]) for r in rows]
        self.is_alpha: list[bool] = [bool(r[2]) for r in rows]
        self.idx: list[int] = [r[3] for r in rows]  # Token.idx
        self.text = doc_text(doc)
        self.keys: list[str] = [match_key(text) for text in self.texts]  # each word's lookup key
        self.sents = _sentences(doc, [r[4] == 1 for r in rows])
        self.sent_of: dict[int, int] = {}  # token -> index of its sentence in self.sents
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.demonym_heads: set[int] = set()  # nouns with a nationality adjective ("Afghans")
        self.nat_rank: dict[int, int] = {}  # head token -> 0 modifier/possessor, 1 "of", 2 "in"
        self.place_country: dict[int, str] = {}  # "the Azerbaijani republic of [Nakhichevan]"
        self.setting: str | None = None  # the country the article is set in (``_setting``)
        self._full_names: dict[str, list[tuple[int, str]]] | None = None

    def name_key(self, start: int, end: int) -> str | None:
        """``match_key`` of the text of tokens ``start`` to ``end - 1``, or None where that key is
        no name of the dictionary's: the range ends in a plain word (``plain_word``) after a space
        which ends no name. A range of plain words each after a space has their lower case joined
        by spaces, which is what ``match_key`` makes of its text, without running it on every
        range the names pass tries (most of them unique, so no cache helps)."""
        plain, spaced, stop, dead = self.joins
        last = end - 1
        if dead[last] and (last == start or spaced[last]):
            return None
        if plain[start] and stop[start + 1] >= end:
            key = " ".join(self.lowers[start:end])
            return key[4:] if key.startswith("the ") else key
        return match_key(self.text[self.idx[start] : self.idx[last] + len(self.texts[last])])

    @cached_property
    def joins(self) -> tuple[list[bool], list[bool], list[int], list[bool]]:
        """Per token: whether it is a plain word, whether a space comes before it, the first
        token from it on that is not both, and whether it is a plain word that ends no name
        (``name_key``'s tables, made on its first use)."""
        n = len(self.texts)
        plain = list(map(plain_word, self.lowers))
        spaced = [k > 0 and self.text[self.idx[k] - 1].isspace() for k in range(n)]
        stop = list(range(n + 1))
        for k in range(n - 1, -1, -1):
            if plain[k] and spaced[k]:
                stop[k] = stop[k + 1]
        ends = self.dictionary.last_words
        dead = [p and word not in ends for p, word in zip(plain, self.lowers, strict=True)]
        return plain, spaced, stop, dead

    def index_matches(self) -> None:
        """Map each token to the name it is part of, once the names are final."""
        self.by_token = {}
        for m in self.matches:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def affiliation(self, m: Match) -> tuple[str | None, str | None] | None:
        """(country, code) a name lends to the noun it modifies; a body named after its state
        lends the state's ("the former president of the Cambodia National Rescue Party")."""
        if m.entry is None:
            return m.owner
        code, _ = m.entry.code_on(self.day)
        country, _ = split_code(code, self.dictionary.countries)
        if m.entry.kind in {"demonym", "country", "capital", "place"}:
            return country, country
        return country, code

    def place(self, span: Span, country: str | None, name: str | None = None) -> None:
        """Record ``span`` as a place name used as a location (of ``country``, named ``name``);
        a place the actor dictionary does not file under a country is looked up in the gazetteer
        ("targets in Jericho", "the invasion of South Lebanon")."""
        if country is None:
            country = self.place_country.get(span.root.i)
        if country is None:
            found = geocode(span.text)
            if found is None and len(span) > 1 and span[-1].lower_ in word_set("geo_nouns"):
                found = geocode(span[:-1].text)  # "Montenegro province", "West Darfur State"
                name = name or span.text
            if found is not None:
                name, country = name or found.name, found.country
        self.places.append(Location(name or span.text, country, text=span.text,
                                    start=span.start_char, end=span.end_char))

    def role(self, tok: Token) -> Role | None:
        """The role (sector, kind) of the role phrase ending at ``tok``, if any."""
        return self.role_at(tok.i)

    def role_at(self, i: int) -> Role | None:
        """The role of the role phrase ending at token ``i`` (``role`` without making the Token)."""
        key = self._role_phrase(i)[0]
        return self.dictionary.roles.get(key) if key else None

    def role_text(self, tok: Token) -> str | None:
        """The longest role phrase ending at ``tok`` ("foreign minister", "minister")."""
        return self._role_phrase(tok.i)[0]

    def role_start(self, tok: Token) -> int:
        """The first token of the role phrase ending at ``tok`` ("head" in "head of state")."""
        return self._role_phrase(tok.i)[1]

    def _role_phrase(self, i: int) -> tuple[str | None, int]:
        found = self._role_cache.get(i)
        if found is None:
            found = self._role_cache[i] = self._find_role_phrase(i)
        return found

    def _find_role_phrase(self, i: int) -> tuple[str | None, int]:
        if self.pos[i] not in {"NOUN", "PROPN"}:
            return None, i
        lowers, lemmas = self.lowers, self._lemmas
        roles, ends = self.dictionary.roles, self.dictionary.role_last_words
        # a last word that ends no role phrase makes no phrase's key a role: skip those lookups
        lasts = [w for w in (lowers[i], lemmas[i]) if w in ends or not plain_word(w)]
        if not lasts:
            return None, i
        for back in (2, 1, 0):
            if i - back < 0:
                continue
            words = lowers[i - back : i]
            lemma = lemmas[i - back]
            firsts = dict.fromkeys([words[0], lemma] if words else [None])
            for first in firsts:  # "Heads of State": the first word's lemma too
                for last in lasts:
                    phrase = [first, *words[1:], last] if first else [last]
                    key = " ".join(phrase)
                    if not all(map(plain_word, phrase)):
                        key = match_key(key)
                    elif key.startswith("the "):  # plain words are their own keys, but for "the"
                        key = key[4:]
                    if key in roles:
                        return key, i - back
        return None, i

    def act(self, tok: Token) -> bool:
        """Whether ``tok`` is a noun of a state's act ("request", "occupation", "sanctions")."""
        acts = self.dictionary.acts
        return tok.lower_ in acts or tok.lemma_.lower() in acts

    def namesake(self, start: int, surname: str, entry: Entry) -> bool:
        """Whether a person other than ``entry`` with the family name ``surname`` is named in
        full before token ``start`` ("Tim Morrison, a former National Security Council official
        ... Morrison said": the official, not Australia's Scott Morrison)."""
        if self._full_names is None:
            self._full_names = {}
            for ent in self.doc.ents:
                words = [t for t in ent if t.is_alpha]
                if (ent.label_ != "PERSON" or len(words) < 2 or not words[0].is_title
                        or match_key(words[0].text) in self.dictionary.roles):
                    continue
                key = match_key(" ".join(t.text for t in words))
                self._full_names.setdefault(match_key(words[-1].text), []).append((ent.start, key))
        own = {match_key(name) for name in (entry.name, *entry.aliases)}
        firsts = {name.split()[0] for name in own if name}
        return any(at < start and key not in own and key.split()[0] not in firsts
                   for at, key in self._full_names.get(match_key(surname), []))

    def root(self, m: Match) -> Token:
        """The syntactic head of the name ``m``."""
        return self.doc[m.start : m.end].root


def _sentences(doc: Doc, starts: list[bool]) -> list[Span]:
    """``list(doc.sents)`` from the SENT_START column already read: the same Spans, without
    ``Doc.sents`` making a Token of every word to test its start."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return list(doc.sents)  # the hook's sentences, or spaCy's error for a Doc without any
    cuts = [0, *(i for i in range(1, len(doc)) if starts[i])]
    ends = [*cuts[1:], len(doc)]
    return [Span(doc, a, b) for a, b in zip(cuts, ends, strict=True) if a < b]
