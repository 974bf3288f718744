"""Is it an event? Whether a trigger denotes a political act in its sentence, and which.

Whole articles use the words of force and of acts for other things: candidates "moving into the
race", rivals who "attacked each other's policies", parties that "battle to win the election",
tariffs that "hurt farmers". They also tell of acts that did not happen: the author's
counterfactual ("would then have claimed that ..."), a claim the article calls false ("their empty
charges that Trump is appeasing Russia"), what a doctored record was made to show ("the video had
been altered to show Starmer failing to answer"), the author's own speculation ("expect
Bloomberg's shadow to generate ..."), and lines of page furniture ("SEE MORE: ...").

Some words state no act toward their object at all: leading or weighing an actor ("who heads the
Alliance"), a trip at home or to a facility ("visited the U.S.-Mexico border"), a question put
("asked Morrison about concerns"), the public's voting, an event noun that is only a topic ("amid
fears of airstrikes"), an act nested in the author's own question, and sport ("rallied to defeat
... in the deciding doubles match").

``act_code`` decides it once for every event the coder makes: the code to keep, another code
(force done with tariffs is a sanction, 163; a verbal attack is criticism, 111), or None for no
event; the checks that find no act are the ordered table ``NO_ACT_CHECKS``. The word classes are
in ``data/events/senses.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Token

from ..lexicon.auxiliaries import COUNTERFACTUAL, auxiliaries
from ..lexicon.tables import shipped_text, word_sections
from ..model import Actor, ActorRef
from ._grammar import described_noun
from ._words import word_list

__all__ = ["NO_ACT_CHECKS", "act_code", "is_unreal", "word_class"]

SENSE_FILE = "senses.txt"
# Roots of coercion and force, whose words have other senses ("moving into the race").
FORCE_ROOTS = {"17", "18", "19", "20"}
# Roots of physical force only (a curfew or a law imposed, 17x, is an act whatever its object).
PHYSICAL_ROOTS = {"18", "19", "20"}
SANCTION_CODE = "163"  # impose embargo, boycott or sanctions
CRITICISM_CODE = "111"  # criticize or denounce
# CAMEO sectors of armed actors: their force is physical (closed: the CAMEO role codes).
ARMED_SECTORS = {"MIL", "COP", "REB", "SPY", "CRM", "INS", "UAF", "SEP"}
# CAMEO sectors of the public at large, whose voting is an election (closed: CAMEO role codes).
PUBLIC_SECTORS = {"CVL", "PPL"}
# A game's score: "6-4", "2-1", "24–17" (a range of numbers looks the same: see _sport).
SCORE = re.compile(r"\b\d{1,3}[-–]\d{1,3}\b(?![-–]\d)")
SPORT_PAGE_SENTENCES = 3
# Prepositions whose object is the background of a sentence, not its act ("amid the trade war").
TOPIC_PREPOSITIONS = {"amid", "amidst"}
# Actor kinds that are places: a visit there is made to a country, not received by anyone.
PLACE_KINDS = {"country", "capital", "place"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
QUOTE_MARKS = ('"', "“", "”", "‘")
# Actor kinds that a verbal attack can be aimed at (persons and outlets, not states or armies).
VERBAL_TARGETS = {"person", "media"}
# Modals whose "have" with a past participle tells what did not happen ("would have claimed"); with
# "may", "might", "could" or "must" it is a guess about what did ("hackers may have launched cyber
# attacks"), a hypothetical event that stays.
# Dependencies by which a clause says what a noun or a verb of saying holds ("charges that X ...",
# "falsely claimed that X ..."), and by which a clause of its own begins (where a counterfactual or a
# false claim above it stops: "The deal, which Iran signed, would have ...").
NOUN_CONTENT_DEPS = {"acl", "ccomp", "appos"}
VERB_CONTENT_DEPS = {"ccomp", "xcomp"}
OWN_CLAUSE_DEPS = {"relcl", "parataxis"}


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    return word_sections(shipped_text("events", SENSE_FILE), f"diplograph/data/events/{SENSE_FILE}")


def word_class(name: str) -> frozenset[str]:
    """The words of one class of ``data/events/senses.txt`` (e.g. "economic", "contest")."""
    return _classes()[name]


# ------------------------------------------------------------------ acts that did not happen
def _ancestors(token: Token) -> Iterator[tuple[Token, Token]]:
    """(child, head) pairs from ``token`` up to the top of its own clause chain: not past a relative
    clause, a parenthetical or a conjoined clause with a subject of its own."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in OWN_CLAUSE_DEPS or (node.dep_ == "conj" and any(
                c.dep_.startswith("nsubj") for c in node.children)):
            return
        yield node, node.head
        node = node.head


def _counterfactual(verb: Token) -> bool:
    """"would then have claimed", "would have targeted", "would have been": a modal with "have" and
    a past participle states what did not happen; so does an inverted condition ("had X gone")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = auxiliaries(verb)
    have = [c for c in auxes if c.lower_ in ("have", "'ve")]
    if have and verb.tag_ == "VBN" and any(c.lower_ in COUNTERFACTUAL and c.i < have[0].i for c in auxes):
        return True
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and bool(subjects) and any(
        c.lower_ == "had" and c.i < subjects[0].i for c in auxes)


def _called_false(child: Token, head: Token) -> bool:
    """"their empty charges that X ...", "falsely claimed that X ...": the head calls ``child`` false."""
    false = word_class("false")
    deps = NOUN_CONTENT_DEPS if head.pos_ in ("NOUN", "PROPN") else VERB_CONTENT_DEPS
    return child.dep_ in deps and any(c.dep_ in ("amod", "advmod") and c.lower_ in false for c in head.children)


def _faked(child: Token, head: Token) -> bool:
    """"the video had been altered to show X failing ...": what a faked record shows."""
    return head.lemma_.lower() in word_class("faking") and child.dep_ in ("xcomp", "advcl", "ccomp")


def _speculation(verb: Token) -> bool:
    """The author's imperative guess: "but expect Bloomberg's shadow to generate arguments"."""
    return (verb.lemma_.lower() in word_class("speculating") and verb.tag_ in ("VB", "VBP")
            and verb.dep_ in ("ROOT", "conj") and not any(
                c.dep_ in ("nsubj", "aux", "auxpass", "mark") for c in verb.children))


def _furniture(trigger: Token) -> bool:
    """A line of page furniture: "SEE MORE: Hong Kong protests: 800 students under siege"."""
    opening = trigger.sent.text.lstrip(" \"'“‘").lower()
    head, colon, _ = opening.partition(":")
    return bool(colon) and head.strip() in word_class("furniture")


def is_unreal(trigger: Token) -> bool:
    """Whether the sentence tells the trigger's act as one that did not happen: a counterfactual,
    a claim it calls false, what a faked record shows, the author's speculation, page furniture."""
    if _furniture(trigger) or _counterfactual(trigger) or _speculation(trigger):
        return True
    for child, head in _ancestors(trigger):
        if _counterfactual(head) or _speculation(head) or _called_false(child, head) or _faked(child, head):
            return True
    return False


# ------------------------------------------------------------------ senses of force
def _head_lemma(token: Token) -> str:
    return token.lemma_.lower()


def _objects(trigger: Token, direct: bool = False) -> list[Token]:
    """What the trigger acts on: direct and (unless ``direct``) prepositional objects, with their
    conjuncts; the subject of a passive; the objects of a "to"-complement ("battle to win the
    election")."""
    found: list[Token] = []
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "dative"):
                found.append(child)
            elif child.dep_ == "prep" and not direct:
                found.extend(p for p in child.children if p.dep_ == "pobj")
    return [*found, *(c for t in found for c in t.conjuncts)]


def _subjects(trigger: Token) -> list[Token]:
    """Who or what does the act: the subject, or the noun a relative or participle clause hangs on
    ("investigations that would have targeted his son", "a video containing ...")."""
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if trigger.dep_ in ("relcl", "acl") and (not subjects or subjects[0].tag_ in ("WDT", "WP")):
        return [trigger.head]
    return subjects


def _physical_cue(trigger: Token) -> bool:
    """Whether the sentence names weapons, fire, forces, bodies or violence (the trigger aside)."""
    physical = word_class("physical")
    return any(t.i != trigger.i and (t.lemma_.lower() in physical or t.lower_ in physical) for t in trigger.sent)


def _armed(ref: ActorRef | Actor | None) -> bool:
    return ref is not None and (ref.sector or "") in ARMED_SECTORS


def _verbal_sides(trigger: Token, source: ActorRef, target: ActorRef | None,
                  token_actors: Mapping[int, Sequence[Actor]]) -> bool:
    """Whether an attack is between political figures, not armed forces or states: its source is
    neither armed nor a state, no party is armed, and what it is aimed at names a person or an
    outlet ("attacked Trump's wife, children, family, businesses, and associates")."""
    kind = {a.id: a.kind for actors in token_actors.values() for a in actors}
    if _armed(source) or _armed(target) or kind.get(source.actor or "") in ("country", "government"):
        return False
    aimed = [a for obj in _objects(trigger) for t in obj.subtree for a in token_actors.get(t.i, ())]
    return bool(aimed) and not any(_armed(a) for a in aimed) and any(a.kind in VERBAL_TARGETS for a in aimed)


def _sport(trigger: Token) -> bool:
    """A match, not politics: "Herbert and Mahut rallied to defeat Ben McLachlan and Yasutaka
    Uchiyama of Japan 6-7 (4), 6-4, 7-5 in the deciding doubles match in Group A, giving top-ranked
    France a 2-1 victory"."""
    sport = word_class("sport")
    return any(t.lemma_.lower() in sport and t.pos_ == "NOUN" for t in trigger.sent)


def _sport_page(trigger: Token) -> bool:
    """A sports page, where beating and defeating are games even with no sport word in the sentence
    ("Wild 4, Sabres 1: Zach Parise scored twice, Alex Stalock made 30 saves and Minnesota beat
    Buffalo"): three sentences or more about a match, or with a score."""
    sport = word_class("sport")
    found = 0
    for sent in trigger.doc.sents:
        if SCORE.search(sent.text) or any(t.lemma_.lower() in sport and t.pos_ == "NOUN" for t in sent):
            found += 1
            if found >= SPORT_PAGE_SENTENCES:
                return True
    return False


def _scored(trigger: Token) -> bool:
    """Force with a score and nothing physical is a game ("Rublev had rallied to beat Roberto
    Bautista-Agut 3-6, 6-3, 7-6"); not a vote's tally ("voted 51-49"), which is no force."""
    return bool(SCORE.search(trigger.sent.text)) and not _physical_cue(trigger)  # ("killed 20-30 civilians")


def _force_code(trigger: Token, code: str, source: ActorRef, target: ActorRef | None,
                token_actors: Mapping[int, Sequence[Actor]]) -> str | None:
    objects = [_head_lemma(t) for t in _objects(trigger)]
    subjects = [_head_lemma(t) for t in _subjects(trigger)]
    if set(objects + subjects) & word_class("economic"):
        return SANCTION_CODE  # "slaps tariffs on goods", "tariffs imposed by China have hurt farmers"
    physical = code[:2] in PHYSICAL_ROOTS
    verbal = trigger.pos_ == "VERB" and trigger.lemma_.lower() in word_class("verbal")
    # (and where the object is: "defeated Sanders in the South Carolina primary")
    settings = [_head_lemma(p) for t in _objects(trigger) for c in t.children if c.dep_ == "prep"
                for p in c.children if p.dep_ == "pobj"]
    if physical and set(objects + settings) & word_class("contest"):
        # "are moving into the race", "battle to win the U.K.'s election"; but "In their first TV
        # debate of the election, Johnson and Corbyn attacked each other's policies" is criticism
        return CRITICISM_CODE if verbal else None
    if set(subjects) & word_class("abstract") and (physical or trigger.dep_ in ("acl", "relcl")):
        return None  # "investigations that would have targeted his son", "a video containing ..."
    if not physical:
        return code
    if _scored(trigger) and not _armed(source):
        return None
    if trigger.lemma_.lower() in word_class("winning") and not _armed(source) and _sport_page(trigger):
        return None
    direct = [_head_lemma(t) for t in _objects(trigger, direct=True)] or objects
    if direct and set(direct) <= word_class("abstract"):
        # "attacked each other's policies", "let him ruin the economy", "the war on poverty"
        return CRITICISM_CODE if verbal else None
    contending = trigger.pos_ == "VERB" and trigger.lemma_.lower() in word_class("contending")
    if (verbal or contending) and not _physical_cue(trigger) and _verbal_sides(trigger, source, target, token_actors):
        # "the Dems ... attacked Trump's wife, children, family, businesses, and associates, 24/7"
        return CRITICISM_CODE if verbal else None
    return code


def _leads(trigger: Token, sides: Sequence[ActorRef | None], token_actors: Mapping[int, Sequence[Actor]]) -> bool:
    """"Scott Paul, who heads the Alliance for American Manufacturing", "Democrats are considering
    Bloomberg as a candidate": a role or a deliberation, not an act toward the object (nor, the
    other way round, a visit the body receives)."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in word_class("leading"):
        return False
    led = {a.id for obj in trigger.children if obj.dep_ == "dobj"
           for t in obj.subtree for a in token_actors.get(t.i, ())}
    return any(side is not None and side.actor in led for side in sides)


def _armed_protest(code: str, source: ActorRef) -> bool:
    """An army or police "taking to the streets" deploys; it does not protest ("the People's
    Liberation Army took to the city's streets to clear barricades"). A strike (143), a blockade (144)
    or a riot they may make ("Rebels blocked transport into Abidjan")."""
    return code[:3] in ("140", "141") and (source.sector or "") in ARMED_SECTORS


def _topic_noun(trigger: Token) -> bool:
    """An event noun that names a topic, not an act: the object of "amid" ("stocks fell amid the trade
    war") or of a noun of fear or talk ("amid fears of Israeli airstrikes", "the threat of a US strike
    on Iran worries oil markets")."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    return prep.lower_ in TOPIC_PREPOSITIONS or (
        prep.lower_ in ("of", "about", "over") and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in word_class("topic"))


def _question_put(trigger: Token, code: str) -> bool:
    """"Castor asked Morrison about concerns within the NSC": a question, not an appeal (02); "asked
    Russia for help" and "asked the United States to lift sanctions" stay appeals."""
    if code[:2] != "02" or trigger.lemma_.lower() not in word_class("questioning"):
        return False
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    return "about" in preps and "for" not in preps and not any(
        c.dep_ in ("xcomp", "ccomp") for c in trigger.children)


def _public_vote(trigger: Token, source: ActorRef) -> bool:
    """Voters voting is an election, not an act ("allowing the American people to vote on their
    first-team president"); "the Iraqi parliament voted to expel US troops" stays an act."""
    return trigger.lemma_.lower() in word_class("balloting") and source.sector in PUBLIC_SECTORS


def _home_visit(trigger: Token, code: str, source: ActorRef, target: ActorRef | None,
                token_actors: Mapping[int, Sequence[Actor]]) -> bool:
    """A trip to a place in one's own country is no state visit ("The senator travelled to a rally in
    Iowa", "Rep. David McKinley visited the U.S.-Mexico border near McAllen, Texas"), nor does
    the place receive the visitor."""
    if code[:2] != "04" or trigger.lemma_.lower() not in word_list("visiting_verbs") or target is None:
        return False
    if not source.country or source.country != target.country:
        return False
    kind = {a.id: a.kind for actors in token_actors.values() for a in actors}
    return any(side.actor is None or kind.get(side.actor) in PLACE_KINDS or _named_place(side, trigger)
               for side in (source, target))


def _named_place(ref: ActorRef, trigger: Token) -> bool:
    """Whether the words of ``ref`` are a named place (GPE, LOC, FAC) in the parse."""
    span = trigger.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in PLACE_ENTITIES for t in span)


def _facility_visit(trigger: Token, code: str, source: ActorRef, target: ActorRef | None) -> bool:
    """A visit to a facility ("visited the U.S.-Mexico border", "paid a visit to the city's Hoa Lo
    prison"): the place named in it receives no one, and at home it is no state visit."""
    if code[:2] != "04" or target is None:
        return False
    visits = [trigger, *(c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() == "visit")]
    if trigger.lemma_.lower() not in word_list("visiting_verbs") and len(visits) == 1:
        return False
    places = [o for v in visits for o in _objects(v) if o.lemma_.lower() in word_class("facility")]
    spans = [(min(t.idx for t in p.subtree), max(t.idx + len(t) for t in p.subtree)) for p in places]

    def inside(ref: ActorRef) -> bool:
        return any(start <= ref.start and ref.end <= end for start, end in spans)

    # (a visitor of no known country is not known to be abroad)
    return inside(source) or (inside(target) and source.country in (None, target.country))


def _rhetorical_question(trigger: Token, token_actors: Mapping[int, Sequence[Actor]]) -> bool:
    """The author's own question, outside any quotation: "What would have been the reaction in 2012
    had an anonymous Bush holdover ... to claim third-hand knowledge of a confidential Obama phone
    call to Russia's President Medvedev?" asks; it reports no call. The act the question itself asks
    about keeps its event, in the question mode ("Did Russia attack Ukraine?")."""
    text = trigger.sent.text.strip()
    if not (text.endswith("?") and trigger.dep_ != "ROOT" and not any(mark in text for mark in QUOTE_MARKS)):
        return False
    # what a party the question names is said to have done is no part of the question: "why would
    # these career experts be outraged by the Trump administration that at last fulfilled their
    # wildest agendas: ..., upping sanctions against Russians, ... and arming Ukraine?"
    node = trigger
    while node.head.i != node.i:
        described = described_noun(node)
        if described is not None and described.i in token_actors:
            return False
        node = node.head
    return True


class _Sides(NamedTuple):
    """What a check reads: the trigger, its code, its parties, and the actors on each token."""

    trigger: Token
    code: str
    source: ActorRef
    target: ActorRef | None
    token_actors: Mapping[int, Sequence[Actor]]


# The checks that find no act, in order; each quotes the sentence it exists for in its docstring.
NO_ACT_CHECKS: tuple[tuple[str, Callable[[_Sides], bool]], ...] = (
    ("did not happen", lambda s: is_unreal(s.trigger)),
    ("a match", lambda s: _sport(s.trigger)),
    ("the author's question", lambda s: _rhetorical_question(s.trigger, s.token_actors)),
    ("a topic noun", lambda s: _topic_noun(s.trigger)),
    ("a role", lambda s: _leads(s.trigger, (s.source, s.target), s.token_actors)),
    ("an army on the streets", lambda s: _armed_protest(s.code, s.source)),
    ("an election", lambda s: _public_vote(s.trigger, s.source)),
    ("a question put", lambda s: _question_put(s.trigger, s.code)),
    ("a trip at home", lambda s: _home_visit(s.trigger, s.code, s.source, s.target, s.token_actors)),
    ("a visit to a facility", lambda s: _facility_visit(s.trigger, s.code, s.source, s.target)),
)


def act_code(trigger: Token, code: str, source: ActorRef, target: ActorRef | None,
             token_actors: Mapping[int, Sequence[Actor]]) -> str | None:
    """The code of the act ``trigger`` states between ``source`` and ``target``: ``code`` itself,
    the code of the sense the words have here, or None when the sentence reports no act.

    ``token_actors`` maps token indices to the actors found on them."""
    sides = _Sides(trigger, code, source, target, token_actors)
    if any(check(sides) for _, check in NO_ACT_CHECKS):
        return None
    if code[:2] in FORCE_ROOTS:
        return _force_code(trigger, code, source, target, token_actors)
    return code
