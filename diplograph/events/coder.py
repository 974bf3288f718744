"""Read events from the dependency parse: trigger, source, target, CAMEO code, mode, confidence.

A trigger is a verb with a pattern in the verb dictionary or an event noun ("the invasion of Ukraine
by Russia"). Its source and target come from the clause's grammar, not from word order: subject and
object (swapped in the passive), prepositional and indirect objects, conjoined actors (one event
each), the controller of a "to"-complement ("called on X to make peace", "threatened to attack"),
the speaker of reported speech. Source and target are actors the actors stage found in the same
sentence; a pronoun or role noun it left unresolved ("he", "the president-elect", "the country")
takes an actor named earlier in that sentence, or (a role noun) the subject of the sentence before.
Material acts may take a geocoded place as target ("attacked positions in Ukraine"); a protest,
threat or coercion with no party named, the place where it happens; a group with no country
("protesters") is of the place named or of the police or government acting on it. When the
object is no actor, the party it concerns is looked for inside it ("rejected a request by X",
"called for sanctions against X", "an offer made by X"); a plain pronoun or role noun never names
its own clause's subject ("the US gave aid to the country" is not the US). Where the parse or the
phrasing hides a party, it is looked for where news puts it: in the condition of a refusal or threat
("will not lift the embargo until Cuba ..."), in the agent of an attack that is the subject ("a car
bombing by X killed ..."), in the issuer of a document ("issued a report accusing X"), in the purpose
of a mediation or the claims an inquiry looks into, deep inside the object of a violent act; what
sending or calling someone is for can set the code ("sent experts to investigate" is 090).

This module finds triggers and codes; the parties are found by ``_roles.RoleFinder`` (a mix-in),
with the parse helpers of ``_grammar``, the word lists of ``_words`` and the one-episode rules of
``_episodes``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..lexicon.auxiliaries import REFUSING
from ..lexicon.cameo import cameo_code
from ..model import Actor, Event, Location, Mention, Quote, Span
from ._episodes import demand_clauses, is_protest_purpose, is_protesting, joins_protest, without_bare_repeats
from ._grammar import (
    cited_reasons,
    is_conditional,
    is_for_clause,
    is_mutual,
    is_obligation,
    is_passive,
    naming_predicate,
    object_heads,
    purpose_clauses,
    received_by,
    struck_by,
    yielding_context,
)
from ._parts import Argument, DocumentContext, Trigger
from ._roles import RoleFinder, same_actor, same_side
from ._sense import act_code
from ._words import (
    CONDITIONAL_ROOTS,
    CONTENT_ROOTS,
    INTENT_CODES,
    NOUN_TARGET_PREPS,
    ONE_SIDED_CODES,
    PLACE_ACT_ROOTS,
    PLACE_PREPS,
    PLACE_TARGET_ROOTS,
    PLACED_ROOTS,
    PROTESTED_DEPS,
    RECIPROCAL_ROOTS,
    REFUSAL_CODES,
    REFUSED_ROOTS,
    REFUSED_YIELDS,
    SAYING_ROOTS,
    TARGET_PREPS,
    TARGETLESS_CODES,
    TARGETLESS_ROOTS,
    THREAT_CODES,
    THREAT_ROOTS,
    TOPIC_PREPS,
    VIOLENT_ROOTS,
    word_list,
)
from .modes import event_mode
from .verbs import PatternMatch, VerbDictionary

__all__ = ["DocumentCoder", "EventCoder", "intent_code", "refusal_code", "threat_code"]

TRIGGER_POS = ("VERB", "NOUN", "PROPN")  # the only parts of speech a trigger has


class EventCoder:
    """Codes the events of a parsed, actor-annotated Doc. Holds only what every document shares
    (the verb dictionary); each document is read by its own :class:`DocumentCoder`."""

    def __init__(self, verbs: VerbDictionary, generic_arguments: bool = False) -> None:
        self.verbs = verbs
        self.generic_arguments = generic_arguments

    def code(self, doc: Doc, actors: Sequence[Actor], quotes: Sequence[Quote],
             places: Sequence[Location] = ()) -> list[Event]:
        """Every event in ``doc``, in text order (not yet deduplicated, ids unset)."""
        context = DocumentContext.of(doc, actors, quotes, places)
        return DocumentCoder(self.verbs, context, self.generic_arguments).events()


class DocumentCoder(RoleFinder):
    """The reading of one document: its triggers, codes and (through ``RoleFinder``) parties, with
    the document's context passed in, never kept on the long-lived ``EventCoder``."""

    def __init__(self, verbs: VerbDictionary, context: DocumentContext, generic_arguments: bool = False) -> None:
        self.verbs = verbs
        self.context = context
        self.generic_arguments = generic_arguments

    def events(self) -> list[Event]:
        events: list[Event] = []
        for index, sent in enumerate(self.doc.sents):
            events.extend(self._sentence_events(index, sent))
        return events

    def _sentence_events(self, index: int, sent: SpacySpan) -> Iterator[Event]:
        triggers: dict[int, Trigger] = {}
        doc, pos, lemmas, verbs = self.doc, self.context.pos, self.context.lemmas, self.verbs
        for i in range(sent.start, sent.end):
            if pos[i] not in TRIGGER_POS:
                continue  # what ``_trigger`` asks first, without making the Token
            if not (verbs.is_verb(lemmas[i]) if pos[i] == "VERB" else verbs.may_name_event(lemmas[i])):
                continue  # a verb without patterns, a noun in no event noun's phrase: no trigger
            token = doc[i]
            found = self._trigger(token)
            if found:
                triggers[token.i] = found
        events = [e for trigger in triggers.values() for e in self._events_for(index, sent, trigger, triggers)]
        events.extend(self._appraisals(index, sent, triggers))
        yield from without_bare_repeats(events, self.doc)

    # ------------------------------------------------------------------ triggers and codes
    def _trigger(self, token: Token) -> Trigger | None:
        if token.pos_ not in TRIGGER_POS:
            return None  # the only triggers; most words are neither (asked first: it is cheap)
        lemma = token.lemma_.lower()
        if token.head.pos_ in ("NOUN", "PROPN") and (token.dep_ in ("amod", "npadvmod") or (
                token.dep_ == "compound" and token.pos_ == "VERB")):
            return None  # "the besieged town", "war-torn", "targeted killings": a modifier states no event
        if token.pos_ == "VERB" and self.verbs.is_verb(lemma):
            if token.i in self.token_actor and self.token_actor[token.i][0].kind != "person":
                return None
            match = self.verbs.match(lemma, self._forms(self._before(token)), self._forms(self._after(token)))
            return Trigger(token, match) if match else None
        if token.pos_ in ("NOUN", "PROPN") and token.i not in self.token_actor:
            # nearest modifier first: "24-hour hunger strike" is a hunger strike
            modifiers = [c.lemma_.lower() for c in sorted(token.children, key=lambda c: -c.i)
                         if c.dep_ in ("compound", "amod") and c.i < token.i]
            # then a noun that states the event with its preposition: "Trump's July 25 call with Zelensky"
            phrases = [f"{m} {lemma}" for m in modifiers] + [f"{lemma} {c.lower_}" for c in token.children
                                                             if c.dep_ == "prep"] + [lemma]
            code = next((self.verbs.noun_code(p) for p in phrases if self.verbs.noun_code(p)), None)
            if code:
                return Trigger(token, PatternMatch(code, None, lemma, True), noun=True)
        return None


    def _xcomp_code(self, trigger: Trigger, triggers: dict[int, Trigger]) -> str:
        """The head's code refined by its "to"-complement: "threatened to attack" -> 138."""
        code = trigger.match.cameo
        root = code[:2]
        for child in trigger.token.children:
            if child.dep_ not in ("xcomp", "ccomp") or child.i not in triggers:
                continue
            inner = triggers[child.i].match.cameo[:2]
            if root == "03" and inner in REFUSED_ROOTS and any(c.dep_ == "neg" for c in child.children):
                return refused(triggers[child.i].match.cameo)  # "vowed not to return the Golan Heights"
            words = {t.lemma_.lower() for t in child.subtree}
            peace = bool(words & {"peace", "ceasefire", "truce", "settle", "dispute", "reconcile"})
            if root in ("13", "03") and inner in ("16", "17", "18", "19", "20"):
                # "threatened to attack" 1384, "to sever ties" 1313, "plans to impose a curfew" 1323
                return threat_code(triggers[child.i].match.cameo)
            if code == "020":
                appeals = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
                return "027" if peace else appeals.get(inner, code)
            if code == "100":
                return "107" if peace else {"04": "106", "06": "101", "07": "103", "08": "105"}.get(inner, code)
            if code == "030":  # "agreed to meet" 036, "plans to send aid" 033
                return INTENT_CODES[inner] if inner in ("04", "05", "06", "07", "08") else code
            if code == "120" and inner in REFUSED_ROOTS:
                # "refused to meet" 125, "declined to lift the curfew" 1241
                return refused(triggers[child.i].match.cameo)
        if code == "020" and any(t.lemma_.lower() in ("peace", "ceasefire", "truce")
                                 for t in self._after(trigger.token)):
            return "027"
        return code

    @staticmethod
    def _mission_code(verb: Token, code: str, triggers: dict[int, Trigger]) -> str:
        """What sending people, or calling someone, is for: "sent experts to Iran to investigate the
        crash" is an investigation (090); sending peacekeepers or observers is peacekeeping (074), not a
        show of force; "called X to express his support" is support."""
        purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i in triggers]
        if verb.lemma_.lower() in word_list("calling_verbs") and code[:2] == "04":
            # "called Erdogan to apologize", "called X to express his support for Sudan": the call's
            # purpose, when it is support or praise, is the event
            for clause in purposes:
                stated = [clause, *(c for c in clause.children if c.dep_ == "dobj" and c.i in triggers)]
                codes = [triggers[t.i].match.cameo for t in stated]
                found = next((c for c in codes if c[:2] == "05"), None)
                if found:
                    return found
        if verb.lemma_.lower() not in word_list("sending_verbs"):
            return code
        if any(triggers[c.i].match.cameo[:2] == "09" for c in purposes):
            return "090"
        peacekeeping = word_list("peacekeeping")
        if code[:2] in ("03", "04", "06", "15") and any(t.lemma_.lower() in peacekeeping for t in verb.subtree):
            return "074"
        return code

    # ------------------------------------------------------------------ events
    def _events_for(self, index: int, sent: SpacySpan, trigger: Trigger,
                    triggers: dict[int, Trigger]) -> Iterator[Event]:
        token = trigger.token
        if trigger.noun:
            yield from self._noun_events(index, sent, trigger, triggers)
            return
        if any(skip(self, trigger, triggers) for skip in VERB_SKIPS):
            return
        code = self._mission_code(token, self._xcomp_code(trigger, triggers), triggers)
        sources, inherited = self._sources(token)
        if not sources and code.startswith("084") and is_passive(token):
            # "An Australian professor held by the Taliban since 2016 was freed": who held them frees them
            sources = self._holders(token)
        if not sources and code.startswith(("173", "174", "09")) and is_passive(token):
            sources = self._arresting_authority(token, "JUD" if code.startswith("09") else "COP")
        targets = self._targets(token, code, sources)
        if code[:2] == "14" and targets and all(self._is_place(t) for t in targets):
            # "rioted at a jail in Dili, demanding independence from Indonesian rule": whom the
            # protest's demand names outranks where it happened
            targets = self._purpose_parties([*purpose_clauses(token), *demand_clauses(token, triggers)],
                                            sources, PROTESTED_DEPS) or targets
        visit = code[:2] == "04" and token.lemma_.lower() in word_list("visiting_verbs")
        # with no target in the clause, where news puts one: tried in order until one finds a party
        targets = _fallback_targets(targets, (
            ("content", lambda: code[:2] in CONTENT_ROOTS, lambda: self._content_targets(token, sources)),
            ("beneficiaries", lambda: code[:2] == "07", lambda: self._beneficiaries(token, sources)),
            ("condition", lambda: (refusal_code(code, token) or code)[:2] in CONDITIONAL_ROOTS,
             lambda: self._condition_targets(token, sources)),
            # "attacked a Daesh explosives factory"; "a camp for Congolese refugees was attacked by X"
            _violent_fallback(self, code, lambda: [*object_heads(token, TARGET_PREPS),
                                                   *(c for c in token.children if c.dep_ == "nsubjpass")], sources),
            # "Israel seized control of the territories, seen as pivotal parts of any future Palestinian
            # state": a participle the parser hangs on the verb describes its object, and whose it is
            ("described object", lambda: code[:2] in VIOLENT_ROOTS and any(c.dep_ == "dobj" for c in token.children),
             lambda: self._deep_parties([c for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBN"
                                         and c.i > token.i and not any(s.dep_.startswith("nsubj") for s in c.children)],
                                        sources)),
            # "opened fire to disperse the demonstrators": at whom the force was aimed
            ("aim of force", lambda: code[:2] in VIOLENT_ROOTS,
             lambda: self._purpose_parties(purpose_clauses(token), sources)),
            # "arrived in Amman on a visit": the host country
            _place_fallback(self, lambda: code[:2] in PLACE_ACT_ROOTS or visit,
                            lambda: object_heads(token, PLACE_PREPS), sources),
        ))
        if visit and targets and sources and all(
                self._is_place(t) and t.ref.country is not None
                and all(s.ref.country in (None, t.ref.country) for s in sources) for t in targets):
            # "Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border near McAllen, Texas": a trip
            # at home (or by a visitor of no known country, whom the place would make local) has no host
            targets = []
        home = {s.ref.country for s in sources}
        targets = _fallback_targets(targets, (
            _protest_fallback(self, code, lambda: purpose_clauses(token), sources),
            # "blocked roads demanding that he be reinstated", "rioted following a demonstration
            # calling for the removal of President X": whom the protest's demand concerns
            _protest_fallback(self, code, lambda: demand_clauses(token, triggers), sources),
            # "called off the strike after deliberations with the government", "declined to resign
            # despite pressure by the anti-corruption commission": to whom one yields, or whom one defies
            ("yielded to", lambda: code[:2] in ("08", "12"),
             lambda: self._purpose_parties(yielding_context(token), sources)),
            # "did extend a temporary general license allowing American companies to sell to Huawei, the
            # embattled Chinese tech company": eased for the foreign party the licence lets one deal with
            ("foreign party eased for", lambda: code.startswith("085") and bool(sources),
             lambda: [a for o in token.children if o.dep_ == "dobj" for t in o.subtree
                      if t.i in self.token_actor for a in self._arguments(t, avoid=sources)
                      if a.ref.country is not None and a.ref.country not in home][:1]),
            # (a recipient no actor stays unknown: "suspended aid to the region, citing X")
            # "President Trump scuttled the talks in September, citing Taliban violence": a break-off
            # or rejection is aimed at the party whose acts it cites
            ("cited reasons", lambda: code[:2] in ("12", "16") and not any(
                c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in token.children),
             lambda: self._purpose_parties(cited_reasons(token), sources)),
            ("sentence place", lambda: code[:2] in PLACED_ROOTS, lambda: self._sentence_place(sent, sources)),
        ))
        if code == "043" and targets and not any(t.ref.start <= t.token.idx < t.ref.end for t in targets):
            # "Germany welcomed the Chinese delegation's proposal": a thing of the visitor's is welcomed,
            # nobody visits; the verb's own sense holds (welcoming is praise)
            plain = self.verbs.match(token.lemma_.lower(), [], [])
            if plain is None:
                return
            trigger, code = Trigger(token, plain), plain.cameo
        reciprocal = False
        if targets and len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS and all(
                t.token.dep_ == "pobj" and t.token.head.lower_ in TOPIC_PREPS for t in targets):
            targets = []  # "Trump and Putin agreed to share information on North Korea": a topic, not a party
        if not targets and len(sources) > 1 and (is_mutual(token) or (
                code[:2] in RECIPROCAL_ROOTS and code[:3] not in ONE_SIDED_CODES) or (
                code[:2] == "12" and self._joint_content(token, triggers))):
            reciprocal = True  # "Jordan and Britain have agreed to ...", "X and Y failed to reach a deal"
            # (but "Deval Patrick and Bloomberg are moving into the race" occupy nothing of each other)
        elif not targets and code[:2] not in TARGETLESS_ROOTS and code not in TARGETLESS_CODES and not (
                code[:2] in CONTENT_ROOTS and self._targetless_content(token, triggers)) and not (
                visit and any(c.dep_ == "dobj" for c in token.children)):
            # (a visit to a site that is no actor is a visit all the same: "Rep. David McKinley
            # visited the U.S.-Mexico border near McAllen, Texas")
            return
        confidence = 0.85 if trigger.match.specific else 0.6
        if reciprocal:
            confidence *= 0.8
        if inherited:
            confidence *= 0.9
        if self._reported(token):
            confidence *= 0.85
        mode = event_mode(token)
        refused = refusal_code(code, token)
        if refused:
            code, mode = refused, "asserted"
        elif mode == "hypothetical" and code[:2] in THREAT_ROOTS and is_conditional(token):
            # "the EC may halt mediation if cooperation founders": a conditional threat, stated now
            code, mode = threat_code(code), "asserted"
        code = intent_code(code, mode)
        for source in sources:
            for target in _partners(source, sources, targets, reciprocal):
                yield from self._make(index, sent, token, code, source, target, mode, confidence)
                if trigger.match.reverse and target is not None and not self._is_place(target) and mode == "asserted" \
                        and target.ref.start <= target.token.idx < target.ref.end:
                    # "received the envoy": the envoy visits (a place does not act back; a visit only
                    # promised or supposed says nothing yet of the host; nor does a thing an actor only
                    # modifies: "paid a visit to the city's Hoa Lo prison", "visited the U.S.-Mexico border")
                    yield from self._make(index, sent, token, intent_code(trigger.match.reverse, mode), target,
                                          source, mode, confidence * 0.9)
        if code.startswith("084"):
            for holder, held in self._swapped_back(token):  # the other side of a prisoner swap
                yield from self._make(index, sent, token, code, holder, held, mode, confidence * 0.9)

    def _arresting_authority(self, verb: Token, sector: str) -> list[Argument]:
        """"A Christian missionary was arrested in Lebanon", "was put under investigation in Italy":
        with no agent named, an arrest, expulsion or inquiry is the police (or the judges) of the
        country where it happened."""
        found = self._deep_place(object_heads(verb, {"in", "at", "under"}), [])
        if not found:
            return []
        place = found[0].ref
        ref = replace(place, sector=sector, code=(place.country or "") + sector)
        return [Argument(ref, found[0].token)]

    @staticmethod
    def _targetless_content(verb: Token, triggers: dict[int, Trigger]) -> bool:
        """Whether what ``verb`` agrees to, refuses or threatens stands without a target ("agreed to
        resign", "declined to resign", "vowed to lift the curfew")."""
        return any(c.dep_ == "xcomp" and c.i in triggers and triggers[c.i].match.cameo in TARGETLESS_CODES
                   for c in verb.children)

    @staticmethod
    def _joint_content(verb: Token, triggers: dict[int, Trigger]) -> bool:
        """Whether ``verb`` refuses or fails a joint act ("failed to reach agreement"): conjoined
        subjects then reject each other, not a third party."""
        return any(c.dep_ == "xcomp" and c.i in triggers and triggers[c.i].match.cameo[:2] in RECIPROCAL_ROOTS
                   for c in verb.children)

    def _noun_events(self, index: int, sent: SpacySpan, trigger: Trigger,
                     triggers: dict[int, Trigger]) -> Iterator[Event]:
        noun = trigger.token
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i not in triggers \
                and noun.head.i not in self.token_actor:
            noun = noun.head  # "undertook a mediation mission between X and Y": the phrase's head holds it
        first = noun
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head  # "expressed its rejection and condemnation of X": the first conjunct's verb
        governor = first.head
        # "launched an offensive", and in the passive "the war game was staged by X"
        light = first.dep_ in ("dobj", "nsubjpass") and governor.lemma_.lower() in word_list("light_verbs")
        code = trigger.match.cameo
        receiver = received_by(first)
        if receiver is not None:  # "The United States faced stiff international and Palestinian criticism"
            yield from self._received(index, sent, noun, code, receiver)
            return
        struck = self._struck(first, code, triggers)
        if struck is not None:
            # "Retaliatory tariffs imposed by China have particularly hurt U.S. farmers": the sanction
            # is the act, on those it hurts (the hurting is no assault: ``_events_for``)
            imposers = [a for c in noun.children if c.dep_ in ("amod", "compound", "poss")
                        for a in self._arguments(c)] or self._inner_arguments(noun, agent_only=True)
            for source in imposers:
                for hurt in self._arguments(struck, avoid=imposers, target=True):
                    yield from self._make(index, sent, noun, code, source, hurt, event_mode(struck.head), 0.7)
            return
        if first.dep_ == "pobj" and governor.lower_ == "on" \
                and governor.head.lemma_.lower() in ("go", "remain", "stay"):
            governor, light = governor.head, True  # "went on strike", "remain on hunger strike"
            code = "143" if code == "190" else code  # a strike one goes on is a labour strike
        elif any(skip(noun, governor, light, triggers) for skip in NOUN_SKIPS):
            return
        if light and noun.lemma_.lower() == "strike" and governor.lemma_.lower() in word_list("strike_verbs") \
                and code == "190":
            code = "143"  # "staged a strike", "called a strike": a labour or political strike
        sources: list[Argument] = []
        targets: list[Argument] = []
        place_targets = code[:2] in PLACE_TARGET_ROOTS
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.i < noun.i):
                sources.extend(self._arguments(child))
            elif child.dep_ == "prep" and child.lower_ == "by":
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    agents = self._arguments(pobj)
                    sources.extend(agents)
                    targets.extend(a for prep in pobj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                   for p in prep.children if p.dep_ == "pobj"
                                   for a in self._arguments(p, avoid=agents, places=place_targets, target=True))
            elif child.dep_ == "prep" and child.lower_ == "from" and code[:2] in SAYING_ROOTS:
                # "an appeal from the United Nations to Israel", "criticism ... from Britain": who
                # says it (what moves "from" a place is no speech: "the withdrawal of troops from Syria")
                sources.extend(a for p in child.children if p.dep_ == "pobj" for a in self._arguments(p))
            elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS and not (
                    code[:2] == "15" and child.lower_ == "of"):  # "the deployment of 230 troops to X": what moves
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        targets.extend(self._arguments(pobj, avoid=sources, places=place_targets, target=True)
                                       or self._inner_arguments(pobj, avoid=sources))  # "suspension of aid to X"
                        # "the invasion of Ukraine by Russian forces": "by" may hang on the object (and
                        # "of" on the agent: "the illegal occupation by Russia of Crimea", below)
                        for grand in pobj.children:
                            if grand.dep_ == "prep" and grand.lower_ == "by":
                                sources.extend(a for g in grand.children if g.dep_ == "pobj"
                                               for a in self._arguments(g))
        for other in (c for c in (first, *first.conjuncts) if c.i != noun.i):
            # conjoined event nouns share their possessor and their object ("its rejection and
            # condemnation of X")
            for child in other.children:
                if not sources and child.dep_ == "poss":
                    sources.extend(self._arguments(child))
                if not targets and child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
                    targets.extend(a for pobj in child.children if pobj.dep_ == "pobj"
                                   for a in self._arguments(pobj, avoid=sources, places=place_targets, target=True))
        targets = _fallback_targets(targets, (
            # "its demand that Israel ease restrictions": Israel (the clause may hang on the light verb)
            ("content", lambda: code[:2] in CONTENT_ROOTS,
             lambda: [a for clause in (*noun.children, *(c for c in governor.children if c.dep_ == "ccomp" and light))
                      if clause.dep_ in ("acl", "ccomp")
                      for subject in clause.children if subject.dep_ in ("nsubj", "nsubjpass")
                      for a in self._arguments(subject, avoid=sources)]),
            # "an investigation into claims that two servicemen abused children", "into whether X
            # was spied on", "of the killing of X": whom the inquiry concerns, however deep
            ("inquiry subject", lambda: code[:2] == "09",
             lambda: self._purpose_parties([c for c in (*noun.children, *(governor.children if light else ()))
                                            if c.dep_ == "prep" and c.lower_ in ("into", "of", "on", "against")],
                                           sources)),
            # (joint parties meet each other: "Washington and the Taliban had been holding direct talks
            # pursuing an agreement for US troops to begin leaving Afghanistan")
            # "launched a mediation effort to resolve the rift between Qatar and ...": the parties
            # named in its purpose clause
            ("meeting purpose",
             lambda: code[:2] == "04" and not (light and not sources and len(self._sources(governor)[0]) > 1),
             lambda: self._purpose_parties([c for c in noun.children if c.dep_ in ("acl", "relcl")]
                                           + ([c for c in governor.children if c.dep_ in ("advcl", "xcomp")]
                                              if light else []), sources)),
        ))
        if light and _complements_content(governor, triggers):
            return  # "threatened to launch an offensive": the content of the threat
        inherited = False
        if sources and light and governor.lemma_.lower() in word_list("expressing_verbs"):
            # "Erdogan reiterated Turkey's support for X": the one who speaks for the possessor
            speakers, _ = self._sources(governor)
            if speakers and all(any(same_side(p.ref, s.ref) for s in speakers) for p in sources):
                sources = speakers
        if not sources and light:  # "launched an investigation into X", "launched airstrikes against X"
            sources, inherited = self._sources(governor)
            if not targets:
                for prep in governor.children:
                    if prep.dep_ == "prep" and prep.lower_ in NOUN_TARGET_PREPS:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                targets.extend(self._arguments(pobj, avoid=sources, places=place_targets, target=True))
        targets = _fallback_targets(targets, (
            _violent_fallback(self, code, lambda: object_heads(noun, NOUN_TARGET_PREPS), sources),
            # "airstrikes on militant targets in Gaza"
            _place_fallback(self, lambda: code[:2] in PLACE_ACT_ROOTS,
                            lambda: [*object_heads(noun, PLACE_PREPS),
                                     *(object_heads(governor, PLACE_PREPS) if light else ())], sources),
            # "began a hunger strike to demand the resignation of X"
            _protest_fallback(self, code, lambda: [*purpose_clauses(noun),
                                                   *(purpose_clauses(governor) if light else ())], sources),
        ))
        reciprocal = not targets and len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS
        if not sources or (not targets and not reciprocal and code[:2] not in TARGETLESS_ROOTS):
            return
        confidence = 0.7 * (0.9 if inherited else 1.0) * (0.85 if self._reported(noun) else 1.0)
        mode = event_mode(first) if first.dep_ in ("dobj", "nsubj", "nsubjpass") else "asserted"
        refused = refusal_code(code, governor) if light else None
        if refused:  # "will not begin talks with X": a rejection, as for verbs
            code, mode = refused, "asserted"
        code = intent_code(code, mode)  # "will hold talks with X": the intent to meet (036), as for verbs
        for source in sources:
            for target in _partners(source, sources, targets, reciprocal):
                yield from self._make(index, sent, noun, code, source, target, mode, confidence)
                if not reciprocal and target is not None and code[:2] == "04" and target.token.dep_ == "pobj" \
                        and target.token.head.lower_ == "with" and source.token.head.i == noun.i \
                        and source.token.dep_ == "poss" and source.token.pos_ != "PRON":
                    # "Trump's July 25 call with Ukrainian President Volodymyr Zelensky": both take part
                    # (as they do when one "held talks with" the other, which is coded one way)
                    yield from self._make(index, sent, noun, code, target, source, mode, confidence * 0.9)

    @staticmethod
    def _struck(noun: Token, code: str, triggers: dict[int, Trigger]) -> Token | None:
        """Whom a sanction noun strikes through a verb of harm ("tariffs have hurt U.S. farmers",
        "farmers hit by retaliatory Chinese tariffs"); None when the noun is no sanction or the verb no harm."""
        found = struck_by(noun) if code[:2] == "16" else None
        if found is None or found[0].i not in triggers or triggers[found[0].i].noun:
            return None
        return found[1] if triggers[found[0].i].match.cameo[:2] in VIOLENT_ROOTS else None

    def _received(self, index: int, sent: SpacySpan, noun: Token, code: str, verb: Token) -> Iterator[Event]:
        """An act the subject of ``verb`` undergoes: "faced criticism from X" is X acting on it."""
        sources, targets = self._receiving_parties(noun, verb)
        mode = event_mode(verb)
        for source in sources:
            for target in targets:
                yield from self._make(index, sent, noun, code, source, target, mode, 0.7)

    def _appraisals(self, index: int, sent: SpacySpan, triggers: dict[int, Trigger]) -> Iterator[Event]:
        """Reported judgements: "Putin said Colombia is a promising partner" -> 051 praise;
        "Egypt said the US must mediate" -> 100 demand."""
        doc, pos = self.doc, self.context.pos
        for i in range(sent.start, sent.end):
            if pos[i] != "VERB":
                continue  # both readings below need a verb: no Token made for the other words
            verb = doc[i]
            if verb.lemma_.lower() in word_list("naming_verbs") and verb.pos_ == "VERB":
                yield from self._naming(index, sent, verb)
            if verb.lemma_.lower() not in word_list("speech_verbs") | word_list("persuading_verbs") \
                    or verb.pos_ != "VERB":
                continue
            # "reiterated the UK's position that settlements 'are illegal under international law'":
            # the speaker's own stated position is said as the clause says it (not so what is denied)
            owned = [c for o in verb.children if o.dep_ == "dobj" and verb.lemma_.lower() != "deny"
                     and any(p.dep_ == "poss" for p in o.children)
                     for c in o.children if c.dep_ in ("acl", "ccomp") and c.lemma_ == "be"
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            for clause in [*verb.children, *owned]:
                if clause.dep_ == "ccomp" and clause.head.i == verb.i and is_obligation(clause):
                    if not (verb.dep_ == "advcl" and is_protesting(verb.head, triggers)):
                        # (protesters "saying he must resign" state what they protest for)
                        yield from self._reported_demand(index, sent, verb, clause)
                    continue
                if clause.dep_ not in ("ccomp", "acl") or clause.lemma_ != "be":
                    continue
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                attrs = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
                if not subjects or not attrs:
                    continue
                if subjects[0].lemma_.lower() in word_list("accusation_nouns") and self._dismissed(attrs[0]):
                    yield from self._defence(index, sent, verb, subjects[0], clause)
                    continue
                code = self._judgement(attrs[0].lemma_.lower())
                if code is None:
                    continue
                sources, _ = self._sources(verb)
                # "Cheuk Hau-yip ... said: “These rioters, they are also criminals.”": a pronoun
                # subject takes up the party named before it in its own clause (spoken dislocation)
                topics = [c for c in clause.children if c.dep_ in ("npadvmod", "dep") and c.i < subjects[0].i
                          and c.i in self.token_actor] if subjects[0].pos_ == "PRON" else []
                targets = self._arguments(topics[0] if topics else subjects[0], generic=False, avoid=sources)
                mode = event_mode(clause)
                if mode == "negated" and code[:2] == "11":
                    # "tried to convince him ... that the new Ukrainian president was not corrupt": saying
                    # someone is no culprit defends them (052)
                    code, mode = "052", "asserted"
                for source in sources:
                    for target in targets:
                        if code == "052" and same_side(source.ref, target.ref):
                            continue  # "Russia said its forces were not responsible": a denial (010)
                        yield from self._make(index, sent, verb, code, source, target, mode, 0.7)

    def _dismissed(self, attr: Token) -> bool:
        """Whether the predicate ``attr`` (with its conjuncts) judges a claim false or unfair: "baseless",
        "self-serving and not credible" (a praise word negated dismisses too)."""
        for word in (attr, *attr.conjuncts):
            lemma = word.lemma_.lower()
            if any(c.dep_ == "npadvmod" and c.lower_ == "self" for c in word.children):
                lemma = "self-" + word.lower_  # "self-serving"
            code = self._judgement(lemma)
            negated = any(c.dep_ == "neg" for c in word.children)
            if code is not None and (code[:2] == "11") != negated:
                return True
        return False

    def _defence(self, index: int, sent: SpacySpan, verb: Token, claim: Token, clause: Token) -> Iterator[Event]:
        """"I think the allegations against Vice President Biden are self-serving and not credible,"
        Volker said: dismissing what is charged against someone defends them (052)."""
        sources, _ = self._sources(verb)
        accused = [p for c in claim.children if c.dep_ == "prep" and c.lower_ == "against"
                   for p in c.children if p.dep_ == "pobj"]
        mode = event_mode(clause)
        for source in sources:
            for head in accused:
                for target in self._arguments(head, generic=False, avoid=sources, target=True):
                    if target.ref.sector is None and same_side(source.ref, target.ref):
                        continue  # "The Kremlin said the accusations against Russia were baseless": a denial
                    yield from self._make(index, sent, verb, "052", source, target, mode, 0.7)

    def _judgement(self, lemma: str) -> str | None:
        """The code of calling someone or something ``lemma``: praise (051), blame (111, 112)."""
        return ("051" if lemma in word_list("praise_nouns") else "111" if lemma in word_list("blame_nouns")
                else "112" if lemma in word_list("blame_adjectives") else self.verbs.appraisal_code(lemma))

    def _naming_code(self, verb: Token) -> str | None:
        """What naming something says of it: "called the US sanctions illegal" 111, "described X as a
        partner" 051; None when the words judge nothing or the naming is negated."""
        found = naming_predicate(verb)
        if found is None or any(c.dep_ == "neg" for c in verb.children):
            return None
        return next((code for word in found[1] if not any(c.dep_ == "neg" for c in word.children)
                     for code in (self._judgement(word.lemma_.lower()),) if code), None)

    def _naming(self, index: int, sent: SpacySpan, verb: Token) -> Iterator[Event]:
        """"Russia's foreign ministry said it viewed Washington's move as a violation of international
        law": the ministry criticises Washington (111), whose move it names."""
        code = self._naming_code(verb)
        found = naming_predicate(verb)
        if code is None or found is None:
            return
        sources, _ = self._sources(verb)
        targets = self._arguments(found[0], generic=False, avoid=sources, target=True) or (
            self._inner_arguments(found[0], avoid=sources) if found[0].i not in self.token_actor else [])
        mode = event_mode(verb)
        for source in sources:
            for target in targets:
                yield from self._make(index, sent, verb, code, source, target, mode, 0.7)

    def _reported_demand(self, index: int, sent: SpacySpan, verb: Token, clause: Token) -> Iterator[Event]:
        """"The US said China must drop barriers": the speaker demands it of the clause's subject (100)."""
        if any(c.dep_ == "neg" for c in clause.children):
            return
        sources, _ = self._sources(verb)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not sources or not subjects:
            return
        for source in sources:
            for target in self._arguments(subjects[0], generic=False, avoid=sources):
                yield from self._make(index, sent, verb, "100", source, target, "asserted", 0.6)


    def _reported(self, token: Token) -> bool:
        node = token
        while node.head.i != node.i:
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in word_list("speech_verbs"):
                return True
            node = node.head
        return False

    # ------------------------------------------------------------------ assembly
    def _make(self, index: int, sent: SpacySpan, trigger: Token, code: str, source: Argument,
              target: Argument | None, mode: str, confidence: float) -> Iterator[Event]:
        if target is not None and same_actor(source.ref, target.ref):
            return
        if target is not None and not self._is_party(target):
            return  # "a question about Brexit", "its cancelled IPO": no actor is acted on
        sensed = act_code(trigger, code, source.ref, target.ref if target else None, self.token_actor)
        if sensed is None:
            return  # no act in this sense, or one the article says did not happen
        code = sensed
        if target is not None and not target.generic:
            target = self._placed(target, sent, source)
        if not source.generic:
            source = self._placed(source, sent, target or source)
        facts = cameo_code(code)
        if source.generic or (target is not None and target.generic):
            confidence *= 0.75
        trigger_span = Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text))
        evidence = Span(sent.text, sent.start_char, sent.end_char)
        yield Event(
            id="",
            sentence=index,
            source=source.ref,
            target=target.ref if target else None,
            trigger=trigger_span,
            cameo=code,
            root=facts.root,
            plover=facts.plover,
            quad_class=facts.quad_class,
            goldstein=facts.goldstein,
            mode=mode,
            quote=self._quote_for(trigger_span),
            confidence=round(min(confidence, 1.0), 3),
            evidence=evidence,
            mentions=[Mention(index, sent.start_char, sent.end_char, trigger_span)],
        )


    def _quote_for(self, trigger: Span) -> str | None:
        for quote in self.quotes:
            if quote.cue is not None and quote.cue.start <= trigger.start < quote.cue.end:
                return quote.id
        for quote in self.quotes:
            if quote.start <= trigger.start < quote.end:
                return quote.id
        return None


# ---------------------------------------------------------------------- target fallbacks
# A fallback names where to look for a target the clause does not name: (its name, whether it applies,
# the finder). A path lists its fallbacks in order; the first that applies and finds a party wins.
# Those both paths use (a violent act's object, a place act's place, a protest's purpose) are built by
# the one function each below.
Fallback = tuple[str, Callable[[], bool], Callable[[], list[Argument]]]


def _fallback_targets(targets: list[Argument], fallbacks: Sequence[Fallback]) -> list[Argument]:
    """``targets``, or (when empty) what the first fallback that applies finds, trying them in order."""
    for _name, applies, find in fallbacks:
        if targets:
            break
        if applies():
            targets = find()
    return targets


def _violent_fallback(coder: DocumentCoder, code: str, heads: Callable[[], Sequence[Token]],
                      sources: Sequence[Argument]) -> Fallback:
    """A violent act strikes the party deep inside its object ("attacked a Daesh explosives factory")."""
    return ("struck object", lambda: code[:2] in VIOLENT_ROOTS, lambda: coder._deep_parties(heads(), sources))


def _place_fallback(coder: DocumentCoder, applies: Callable[[], bool], heads: Callable[[], Sequence[Token]],
                    sources: Sequence[Argument]) -> Fallback:
    """An act on a place takes the place named in its objects ("airstrikes on militant targets in Gaza")."""
    return ("place of act", applies, lambda: coder._deep_place(heads(), sources))


def _protest_fallback(coder: DocumentCoder, code: str, clauses: Callable[[], Sequence[Token]],
                      sources: Sequence[Argument]) -> Fallback:
    """A protest is aimed at whom its purpose names ("began a hunger strike to demand the resignation of X")."""
    return ("protest purpose", lambda: code[:2] == "14",
            lambda: coder._purpose_parties(clauses(), sources, PROTESTED_DEPS))


# ---------------------------------------------------------------------- skip rules
# A skip rule says a trigger is no event of its own (it is coded elsewhere, or states nothing new).
# Each takes the coder, the trigger and the sentence's triggers; the verb path checks its rules in
# order (``VERB_SKIPS``), the first that holds drops the trigger.
Skip = Callable[["DocumentCoder", Trigger, dict[int, Trigger]], bool]


def _named_judgement(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"China called the US sanctions illegal": the judgement (``_appraisals``), not a call."""
    token = trigger.token
    return token.lemma_.lower() in word_list("naming_verbs") and bool(coder._naming_code(token))


def _harm_by_sanction(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"tariffs have hurt U.S. farmers": the tariffs are the event (``_noun_events``)."""
    token = trigger.token
    return trigger.match.cameo[:2] in VIOLENT_ROOTS and any(
        d.i in triggers and triggers[d.i].noun and coder._struck(d, triggers[d.i].match.cameo, triggers)
        is not None for c in token.children for d in (c, *c.children)
        if c.dep_ in ("nsubj", "agent") and (c is d or d.dep_ == "pobj"))


def _decided_act(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"decided to allow X": the allowing is the event."""
    token = trigger.token
    return token.lemma_.lower() in word_list("deciding_verbs") and any(
        c.dep_ == "xcomp" and c.i in triggers and not triggers[c.i].noun for c in token.children)


def _complements_content(verb: Token, triggers: dict[int, Trigger]) -> bool:
    """Whether ``verb`` is the to-complement of an appeal, demand, promise, refusal or threat
    ("threatened to attack", "threatened to launch an offensive"): the head codes it. Shared by the
    verb path (``_content_of_head``) and the noun path (a light verb's complement)."""
    return verb.dep_ == "xcomp" and verb.head.i in triggers and triggers[verb.head.i].match.cameo[:2] in CONTENT_ROOTS


def _content_of_head(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """The content of an appeal, demand, promise, refusal or threat: coded into the head
    ("warned that Russia could attack" reports the attack: it stays an event)."""
    token = trigger.token
    deciding = token.dep_ == "xcomp" and token.head.lemma_.lower() in word_list("deciding_verbs")
    return not deciding and (_complements_content(token, triggers) or (
        token.head.i in triggers and triggers[token.head.i].match.cameo[:2] in CONTENT_ROOTS and (
        token.dep_ == "acl" or is_for_clause(token)
        or (token.dep_ == "advcl" and triggers[token.head.i].match.cameo[:2] in ("02", "10", "13")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
        or (token.dep_ == "ccomp" and token.head.lemma_.lower() not in word_list("speech_verbs")))))


def _content_of_light_noun(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"reiterated its demand that Israel ease restrictions": the demand's content."""
    token = trigger.token
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in word_list("light_verbs") and any(
        c.dep_ == "dobj" and c.i in triggers and triggers[c.i].noun
        and triggers[c.i].match.cameo[:2] in CONTENT_ROOTS for c in token.head.children)


def _content_of_noun(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"issued a stern reminder to Iraq that it must cooperate": the reminder's content."""
    token = trigger.token
    return token.dep_ in ("acl", "ccomp") and token.head.pos_ == "NOUN" and any(
        t.i in triggers and triggers[t.i].match.cameo[:2] in CONTENT_ROOTS
        for t in (token.head, *((token.head.head,) if token.head.dep_ == "dobj" else ()))) \
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _joined_protest(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"rioted ..., joining thousands of demonstrators": the same protest."""
    token = trigger.token
    return joins_protest(token) and token.dep_ == "advcl" and is_protesting(token.head, triggers)


def _protest_purpose(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"staged rallies to demand reforms": the protest is the event, the demand its purpose."""
    return is_protest_purpose(trigger.token, triggers)


def _reported_obligation(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"Russia said Sudan must return the helicopter": coded as Russia's demand."""
    token = trigger.token
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in word_list("speech_verbs") and is_obligation(token)


def _ordered_act(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"ordered the paper to suspend publication": the coercion is the event."""
    token = trigger.token
    return token.dep_ == "xcomp" and token.head.i in triggers and triggers[token.head.i].match.cameo[:2] == "17"


def _help_as_aid(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"provided aid to support refugees": the support is the aid."""
    token = trigger.token
    helping = word_list("helping_verbs")
    return token.dep_ in ("xcomp", "advcl") and token.lemma_.lower() in helping and token.head.i in triggers \
        and triggers[token.head.i].match.cameo[:2] == "07" and token.head.lemma_.lower() not in helping


def _light_verb(coder: DocumentCoder, trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"launched an offensive": the event noun states the event."""
    token = trigger.token
    return token.lemma_.lower() in word_list("light_verbs") and any(
        c.dep_ == "dobj" and c.i in triggers and triggers[c.i].noun for c in token.children)


VERB_SKIPS: tuple[Skip, ...] = (
    _named_judgement,
    _harm_by_sanction,
    _decided_act,
    _content_of_head,
    _content_of_light_noun,
    _content_of_noun,
    _joined_protest,
    _protest_purpose,
    _reported_obligation,
    _ordered_act,
    _help_as_aid,
    _light_verb,
)


# The noun path's rules take the event noun, the verb that governs it, whether that verb is a light
# verb ("launched an offensive") and the sentence's triggers.
NounSkip = Callable[[Token, Token, bool, dict[int, Trigger]], bool]


def _coded_by_verb(noun: Token, governor: Token, light: bool, triggers: dict[int, Trigger]) -> bool:
    """"provided aid": the verb's pattern already coded it."""
    return noun.dep_ in ("dobj", "pobj", "attr") and governor.i in triggers and governor.i != noun.i and not light


def _coded_by_verb_of_preposition(noun: Token, governor: Token, light: bool, triggers: dict[int, Trigger]) -> bool:
    """The object of a preposition on a verb trigger: the verb's pattern codes it."""
    return noun.dep_ == "pobj" and governor.head.i in triggers and not triggers[governor.head.i].noun


NOUN_SKIPS: tuple[NounSkip, ...] = (
    _coded_by_verb,
    _coded_by_verb_of_preposition,
)


def _partners(source: Argument, sources: Sequence[Argument], targets: Sequence[Argument],
              reciprocal: bool) -> list[Argument | None]:
    """Whom ``source`` acts on: the other sources of a reciprocal act, else the targets, else no one."""
    if reciprocal:
        return [s for s in sources if s is not source]
    return [*targets] if targets else [None]


def refusal_code(code: str, verb: Token) -> str | None:
    """"will not lift the ban", "would not meet": a refused cooperative act is a rejection (12x)."""
    children = list(verb.children)
    negated = any(c.dep_ == "neg" or (c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children))
                  for c in children)  # "will not", "will no longer"
    if not (negated and any(c.lower_ in REFUSING for c in children)):
        return None
    return refused(code) if code[:2] in REFUSAL_CODES else None


def refused(code: str) -> str:
    """The rejection (12x) that refusing the cooperative act ``code`` is: "will not end the strike" 1242,
    "refused to release the pilots" 1243, "refused to meet" 125."""
    return REFUSED_YIELDS.get(code[:4]) or REFUSED_YIELDS.get(code[:3]) or REFUSAL_CODES[code[:2]]


def intent_code(code: str, mode: str) -> str:
    """CAMEO codes a promised act as the intent to do it: "will provide aid" is 033, not 070;
    "will attack" is a threat (138), "will boycott" one too (133)."""
    if mode != "future":
        return code
    if code[:2] in THREAT_ROOTS:
        return threat_code(code)
    return INTENT_CODES.get(code[:2], code)


def threat_code(code: str) -> str:
    """The CAMEO threat of a coercive act: its own where CAMEO has one (curfew 1323, blockade 1381,
    halting talks 134), else its root's (131, 132, 133, 138)."""
    return THREAT_CODES.get(code) or INTENT_CODES.get(code[:2], code)


