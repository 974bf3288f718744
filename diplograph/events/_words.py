"""The word lists and code sets the event coder reads the parse with.

Closed classes stay here: prepositions that can name a party, dependency labels, pronouns, CAMEO
roots and codes that behave alike, CAMEO sectors, entity labels. The open-class lists (verbs whose
grammar decides who is source and target, nouns of documents, laws, blame, agents) are the sections
of ``data/events/words.txt``, read once on first use: ``word_list("speech_verbs")``. Open-ended
vocabularies of events (verb patterns, event nouns) are data files under data/verbs."""

from __future__ import annotations

from functools import lru_cache

from ..lexicon.tables import shipped_text, word_sections

__all__ = [
    "CLAUSE_DEPS",
    "COLLECTIVE",
    "COMPOUND_PREPS",
    "CONDITIONAL_ROOTS",
    "CONDITION_MARKS",
    "CONTENT_ROOTS",
    "DOMESTIC_AUTHORITIES",
    "ENVOY_SECTORS",
    "INNER_HOSTS",
    "INNER_PREPS",
    "INTENT_CODES",
    "NOT_AGENTS",
    "NOUN_TARGET_PREPS",
    "ONE_SIDED_CODES",
    "PARTY_DEPS",
    "PERSONAL",
    "PLACED_ROOTS",
    "PLACE_ACT_ROOTS",
    "PLACE_PREPS",
    "PLACE_TARGET_ROOTS",
    "PRONOUN_KINDS",
    "PROTESTED_DEPS",
    "RECIPROCAL_ROOTS",
    "REFUSAL_CODES",
    "REFUSED_ROOTS",
    "REFUSED_YIELDS",
    "SAYING_ROOTS",
    "TARGETLESS_CODES",
    "TARGETLESS_ROOTS",
    "TARGET_PREPS",
    "THREAT_CODES",
    "THREAT_ROOTS",
    "TOPIC_PREPS",
    "VIOLENT_ROOTS",
    "role_kinds",
    "word_list",
]

# Children that open another clause: their words are not the trigger's pattern context.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "punct", "mark", "conj", "cc"}
# Prepositions whose object can be an event's target ("appeal to", "meet with", "attack on").
TARGET_PREPS = {"to", "with", "on", "upon", "against", "at", "toward", "towards", "into", "from", "for",
                "over", "of", "in", "about", "onto"}
NOUN_TARGET_PREPS = {"of", "on", "against", "in", "to", "into", "with", "towards", "toward", "for", "between",
                     "among"}
# Prepositions inside a non-actor object that name the party it concerns, agent first
# ("a request by X", "an offer from X", "the death of X", "sanctions against X").
INNER_PREPS = ("by", "from", "of", "against", "into", "on", "with", "to", "between", "among", "for")
# Prepositions whose object may hold such a party ("called for sanctions against X", "respond to a
# request from X"); not place or time ones ("in the city of X").
INNER_HOSTS = {"for", "to", "with", "against", "on", "upon", "into", "about", "from", "toward", "towards", "over"}
# Roles in which a purpose clause names a party ("to resolve the rift between Qatar and ..."); a
# protest's purpose may name it as a possessor too ("to protest President Assad's failure").
PARTY_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
PROTESTED_DEPS = PARTY_DEPS | {"poss"}
# Violent acts, whose target may sit deep inside their object ("attacked a Daesh explosives factory").
VIOLENT_ROOTS = {"18", "19", "20"}
# Codes of what is said or offered (appeals, intents, talks, praise, demands, criticism, rejections,
# threats): an event noun of these names its sayer "from X" ("an appeal from the United Nations").
SAYING_ROOTS = {"02", "03", "04", "05", "10", "11", "12", "13"}
# Codes whose event stands without a target (a protest, a mobilisation, an attack on a place).
TARGETLESS_ROOTS = {"14", "15", "18", "19", "20"}
# Concessions made to the public at large, whose target is seldom named: "lifted the state of
# emergency", "called off the strike" (and "will not end the strike", their refusal).
TARGETLESS_CODES = {"081", "0811", "0812", "0813", "0814", "082",
                    # and stepping down or laying down arms: "resigned", "surrendered", "demobilized"
                    "083", "0831", "0873", "0874"}
# Cooperation, and fighting, that conjoined actors do with each other ("Israel and Jordan signed a
# treaty", "Syria and Israel fired across the ceasefire line").
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}
# Force that conjoined subjects use together, never on each other: blockades and occupations.
ONE_SIDED_CODES = {"191", "192"}
# Material acts (and promises of them) whose place can stand for the target country
# ("attacked positions in Ukraine", "sent aid to Kuwait City").
PLACE_TARGET_ROOTS = {"03", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
# Rejections and threats whose target may be named only in their condition ("until X ...").
CONDITIONAL_ROOTS = {"12", "13"}
CONDITION_MARKS = {"until", "unless", "till", "before", "if"}
# Prepositions that name what cooperation is about, not with whom ("talks on North Korea").
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
# Heads whose "to"-complement is their content, coded into the head's own code (not an event of its own).
CONTENT_ROOTS = {"02", "03", "10", "11", "12", "13"}
PERSONAL = ("person",)
COLLECTIVE = ("country", "government", "organisation", "igo", "group", "media")
PRONOUN_KINDS = {"he": PERSONAL, "him": PERSONAL, "she": PERSONAL, "her": PERSONAL, "his": PERSONAL,
                 "it": ("country", "government", "organisation", "igo", "media", "group"), "its": COLLECTIVE,
                 "they": COLLECTIVE, "them": COLLECTIVE, "their": COLLECTIVE}
# Acts that, with no party named, are aimed at the country where they happen: protests, threats
# and coercion ("demonstrated in Kirkuk", "will extend the curfew in Abidjan").
# Deployments and violent acts aimed at a place ("troops on alert in Manila", "air strikes on
# targets in Gaza"): the place's country is the target when no actor is named.
PLACE_ACT_ROOTS = {"07", "08", "15", "16", "17", "18", "19", "20"}
PLACE_PREPS = {"in", "into", "on", "against", "at", "to", "near", "across", "inside"}

PLACED_ROOTS = {"13", "14", "17"}
# Sectors that act within their own country: a group they act on is of that country.
DOMESTIC_AUTHORITIES = {"COP", "JUD", "GOV"}
# Sectors of a state whose people act abroad as well as at home (officials, diplomats).
ENVOY_SECTORS = {"GOV", "DIP"}
# A future cooperative act is coded as the intent to do it (CAMEO 03x: "will provide aid" -> 033),
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
                # and a future coercive act is a threat of it (13x: "will boycott" -> 133)
                "14": "133", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138"}
# The CAMEO threat (13x) of each coercive act, where CAMEO names one ("will impose a curfew" 1323,
# "would tighten the blockade" 1381, "threatened to halt talks" 134); other codes take their root's.
THREAT_CODES = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
                "1661": "136", "1662": "136", "1663": "136", "1721": "1321", "1722": "1322", "1723": "1323",
                "1724": "1324", "175": "137", "191": "1381", "192": "1382", "180": "1383", "181": "1383",
                "182": "1383", "183": "1383", "184": "1383", "185": "1383", "186": "1383", "190": "1384",
                "193": "1384", "194": "1384", "195": "1384", "196": "1384", "200": "1385"}
# Coercive acts that, said to follow on a condition, are threats of them.
THREAT_ROOTS = {"14", "16", "17", "18", "19", "20"}
# Roots of cooperative acts whose refusal ("refused to meet", "declined to lift the curfew") is coded
# by the act refused (REFUSAL_CODES, REFUSED_YIELDS).
REFUSED_ROOTS = {"04", "06", "07", "08"}
# A refused cooperative act is the matching rejection ("will not lift the ban" -> 124).
REFUSAL_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Refusing a concession of each kind (CAMEO 124x): to ease sanctions, dissent, release, allow
# international involvement, de-escalate.
REFUSED_YIELDS = {"081": "1241", "082": "1242", "0841": "1243", "085": "1244", "086": "1245", "087": "1246"}
# Roots of support and aid, whose noun's possessor is the giver ("Washington's support for X").
GIVING_ROOTS = {"05", "06", "07"}
# Words that make "to" part of another preposition, naming no recipient ("according to a senator").
COMPOUND_PREPS = {"according", "due", "thanks", "next", "prior", "owing", "close", "contrary"}
NOT_AGENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LOC", "FAC"}

WORDS_FILE = "words.txt"
# Sections "role_nouns.KIND" of the word file: role nouns that can refer to an actor of that kind.
ROLE_SECTION = "role_nouns."


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    return word_sections(shipped_text("events", WORDS_FILE), f"diplograph/data/events/{WORDS_FILE}")


def word_list(name: str) -> frozenset[str]:
    """The words (lemmas, lower case) of one section of ``data/events/words.txt``, e.g.
    ``word_list("speech_verbs")``; a KeyError for a name the file does not have."""
    return _word_lists()[name]


@lru_cache(maxsize=1)
def role_kinds() -> dict[str, tuple[str, ...]]:
    """Role nouns the actors stage left unresolved ("the president-elect") and the actor kinds each
    can refer to ("government": a government, a country or a person), from the sections
    "role_nouns.KIND" of ``data/events/words.txt``."""
    kinds: dict[str, list[str]] = {}
    for name, words in sorted(_word_lists().items()):
        if name.startswith(ROLE_SECTION):
            for word in words:
                kinds.setdefault(word, []).append(name[len(ROLE_SECTION):])
    return {word: tuple(found) for word, found in kinds.items()}
