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
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..model import Actor, ActorRef, Event, Location, Mention, Quote, Span
from .cameo import cameo_code
from .modes import event_mode
from .verbs import PatternMatch, VerbDictionary

__all__ = ["EventCoder", "intent_code", "refusal_code"]

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
INNER_HOSTS = {"for", "to", "with", "against", "on", "upon", "into", "about", "from", "toward", "towards"}
# Verbs that take an object and hand the event to a "to"-complement's subject ("urged X to ...").
# Participles that state their subject's stance ("is opposed to", "is committed to").
STANCE_PARTICIPLES = {"opposed", "committed", "determined", "prepared", "resolved", "dedicated", "devoted",
                      "engaged", "involved"}  # "were engaged in ethnic cleansing": what they did
# Verbs of going somewhere: a visit's place is its host ("arrived in Amman", "visited Moscow").
VISITING_VERBS = {"arrive", "visit", "travel", "fly", "tour"}
# Light verbs with which "strike" is a labour or political strike, not a military one.
STRIKE_VERBS = {"stage", "stag", "hold", "begin", "call", "organize", "organise", "start", "continue", "declare"}
# Verbs of letting, whose object the parser may make the subject of a bare complement.
LETTING_VERBS = {"allow", "let", "permit", "help", "make"}
OBJECT_CONTROL = {"call", "urge", "ask", "tell", "order", "force", "persuade", "press", "encourage",
                  "invite", "allow", "help", "push", "pressure", "expect", "want", "convince"}
# Verbs that carry an event noun without adding meaning of their own ("launched an offensive").
LIGHT_VERBS = {"launch", "wage", "carry", "conduct", "begin", "continue", "start", "mount", "escalate",
               "open", "order", "head", "file", "impose", "make", "issue", "announce", "join", "level", "hold",
               "renew", "resume", "stag",  # "stag": the model's lemma of "staged"
               "intensify", "step", "have", "lead", "give", "deliver", "stage", "pursue", "undertake",
               # verbs of expressing: "expressed its condemnation of X", "reiterated its support for X"
               "express", "voice", "reiterate", "reaffirm", "convey", "repeat"}
SPEECH_VERBS = {"say", "tell", "state", "announce", "affirm", "assure", "declare", "add", "insist",
                "claim", "note", "stress", "write", "report", "explain", "argue", "warn", "remark",
                "emphasize", "emphasise", "point", "believe", "think", "deny", "suggest", "acknowledge",
                "reiterate", "conclude", "repeat", "maintain", "reaffirm"}
# Copular appraisals in reported speech: "Putin said that Colombia is a promising partner" -> praise.
PRAISE_NOUNS = {"partner", "ally", "friend", "brother", "model", "leader", "example", "pillar"}
BLAME_NOUNS = {"threat", "enemy", "aggressor", "terrorist", "criminal", "dictator", "danger", "liar",
               "puppet", "regime", "menace", "adversary"}
# "The government said Taliban militants were responsible": blaming them (112).
BLAME_ADJECTIVES = {"responsible", "guilty", "culpable", "complicit", "liable"}
# Roles in which a purpose clause names a party ("to resolve the rift between Qatar and ..."); a
# protest's purpose may name it as a possessor too ("to protest President Assad's failure").
PARTY_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
PROTESTED_DEPS = PARTY_DEPS | {"poss"}
# Violent acts, whose target may sit deep inside their object ("attacked a Daesh explosives factory").
VIOLENT_ROOTS = {"18", "19", "20"}
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
# Material acts (and promises of them) whose place can stand for the target country
# ("attacked positions in Ukraine", "sent aid to Kuwait City").
PLACE_TARGET_ROOTS = {"03", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
# Rejections and threats whose target may be named only in their condition ("until X ...").
CONDITIONAL_ROOTS = {"12", "13"}
CONDITION_MARKS = {"until", "unless", "till", "before", "if"}
# Documents whose "-ing" clause states their issuer's act ("issued a statement condemning X").
DOCUMENT_NOUNS = {"report", "statement", "resolution", "declaration", "lawsuit", "suit", "letter", "bill",
                  "communique", "communiqué", "motion", "petition", "complaint", "message", "decree",
                  "note", "editorial", "video", "memo", "document", "study"}
# Prepositions that name what cooperation is about, not with whom ("talks on North Korea").
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
# Verbs of handing back, whose object is what is returned ("returned the artifacts to Peru").
RETURNING_VERBS = {"return", "hand", "transfer", "deliver", "repatriate"}
# Verbs of calling someone up, whose purpose may be the event ("called X to apologize").
CALLING_VERBS = {"call", "phone", "telephone", "ring"}
# Verbs of sending people somewhere, and the words that make a sending peacekeeping.
SENDING_VERBS = {"send", "dispatch", "deploy", "despatch"}
PEACEKEEPING = {"peacekeeping", "peacekeeper", "peacekeepers", "observer", "observers", "monitor", "monitors"}
# Nouns whose "to" clause is an act their holder stands by ("reiterated its commitment to support X").
COMMITMENT_NOUNS = {"commitment", "readiness", "willingness", "determination", "resolve"}
# Light verbs of expressing: their subject speaks for the possessor of the event noun.
EXPRESSING_VERBS = {"express", "voice", "reiterate", "reaffirm", "convey", "repeat"}
# Heads whose "to"-complement is their content, coded into the head's own code (not an event of its own).
CONTENT_ROOTS = {"02", "03", "10", "11", "12", "13"}
# Verbs of deciding: what was decided is done, so the "to"-complement is the event ("the court
# decided to allow X to run" is the concession, not an intent to make one).
DECIDING_VERBS = {"decide", "vote", "opt", "choose", "elect"}
# Common nouns that name an agent when no actor was resolved (used only with generic_arguments).
AGENT_NOUNS = {"police", "government", "army", "troops", "soldiers", "forces", "rebels", "militants",
               "protesters", "demonstrators", "court", "judge", "prosecutors", "officials", "minister",
               "president", "military", "company", "lawmakers", "parliament", "authorities", "ministry",
               "insurgents", "fighters", "group", "opposition", "activists", "workers", "students"}
PERSONAL = ("person",)
COLLECTIVE = ("country", "government", "organisation", "igo", "group", "media")
PRONOUN_KINDS = {"he": PERSONAL, "him": PERSONAL, "she": PERSONAL, "her": PERSONAL, "his": PERSONAL,
                 "it": ("country", "government", "organisation", "igo", "media", "group"), "its": COLLECTIVE,
                 "they": COLLECTIVE, "them": COLLECTIVE, "their": COLLECTIVE}
# Role nouns the actors stage left unresolved ("the president-elect"): the kinds they can refer to.
ROLE_NOUNS = {"president": PERSONAL, "president-elect": PERSONAL, "elect": PERSONAL, "leader": PERSONAL,
              "minister": PERSONAL, "premier": PERSONAL, "chancellor": PERSONAL, "king": PERSONAL,
              "country": ("country",), "nation": ("country",), "government": ("government", "country", "person")}
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
# Coercive acts that, said to follow on a condition, are threats of them.
THREAT_ROOTS = {"14", "16", "17", "18", "19", "20"}
# What refusing ("refused to", "declined to") a cooperative act of each root is.
REFUSED_CONTENT = {"04": "125", "06": "121", "07": "122", "08": "124"}
# A refused cooperative act is the matching rejection ("will not lift the ban" -> 124).
REFUSAL_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Purpose clauses of aid whose object is who it is for ("sent food to help the refugees").
HELPING_VERBS = {"help", "support", "assist", "aid", "feed", "rebuild", "benefit", "relieve"}
# Verbs whose object is what is given, not who receives it ("offered its troops to Lebanon"; so is
# property returned, 0842: "returned six Iraqi artifacts to the government of Iraq").
GIVING_VERBS = {"offer", "pledge", "promise", "contribute", "donate", "send", "give", "provide", "supply"}
# Verbs of moving people or things away, whose object is what is moved ("withdrew its troops from
# X", "evacuated the wounded from Gorazde"): the place or party it is moved from is the target.
MOVING_VERBS = {"withdraw", "pull", "evacuate", "remove", "redeploy"}
# Heads that stand for the group their "of" phrase names ("thousands of Armenians").
GROUP_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
               "group", "crowd", "number", "members", "member", "supporters", "delegation", "leader", "leaders",
               "representatives"}
NOT_AGENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LOC", "FAC"}


@dataclass
class Argument:
    """A source or target: the actor found in the phrase, and whether it is only a generic noun."""

    ref: ActorRef
    token: Token
    generic: bool = False


@dataclass
class Trigger:
    """A word that states an event, with the code its pattern gave."""

    token: Token
    match: PatternMatch
    noun: bool = False


class EventCoder:
    """Codes the events of a parsed, actor-annotated Doc (one Doc at a time: ``code`` keeps its
    per-document lookups on the instance)."""

    def __init__(self, verbs: VerbDictionary, generic_arguments: bool = False) -> None:
        self.verbs = verbs
        self.generic_arguments = generic_arguments

    # ------------------------------------------------------------------ entry point
    def code(self, doc: Doc, actors: Sequence[Actor], quotes: Sequence[Quote],
             places: Sequence[Location] = ()) -> list[Event]:
        """Every event in ``doc``, in text order (not yet deduplicated, ids unset)."""
        self.doc = doc
        self.token_actor: dict[int, list[Actor]] = {}
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.token_actor.setdefault(token.i, []).append(actor)
        self.actor_kind = {actor.id: actor.kind for actor in actors}
        self.places = [p for p in places if p.country and p.start is not None]
        self.quotes = list(quotes)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self._sentence_events(index, sent))
        return events

    def _sentence_events(self, index: int, sent: SpacySpan) -> Iterator[Event]:
        triggers: dict[int, Trigger] = {}
        for token in sent:
            found = self._trigger(token)
            if found:
                triggers[token.i] = found
        events = [e for trigger in triggers.values() for e in self._events_for(index, sent, trigger, triggers)]
        events.extend(self._appraisals(index, sent, triggers))
        yield from _without_bare_repeats(events, self.doc)

    # ------------------------------------------------------------------ triggers and codes
    def _trigger(self, token: Token) -> Trigger | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and self.verbs.is_verb(lemma):
            if token.i in self.token_actor and self.token_actor[token.i][0].kind != "person":
                return None
            match = self.verbs.match(lemma, self._forms(self._before(token)), self._forms(self._after(token)))
            return Trigger(token, match) if match else None
        if token.pos_ in ("NOUN", "PROPN") and token.i not in self.token_actor:
            modifiers = [c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
            code = next((self.verbs.noun_code(f"{m} {lemma}") for m in modifiers
                         if self.verbs.noun_code(f"{m} {lemma}")), None) or self.verbs.noun_code(lemma)
            if code:
                return Trigger(token, PatternMatch(code, None, lemma, True), noun=True)
        return None

    @staticmethod
    def _forms(tokens: Sequence[Token]) -> list[set[str]]:
        """Each token's lower-case text and lemma; a direct object also matches the pattern word
        ``@dobj`` ("strike * @dobj": "struck militia positions" is an attack, "workers struck" not)."""
        return [{t.lower_, t.lemma_.lower(), *(("@dobj",) if t.dep_ == "dobj" else ())} for t in tokens]

    @staticmethod
    def _before(verb: Token) -> list[Token]:
        words: list[Token] = []
        for child in verb.lefts:
            if child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod"):
                words.extend(child.subtree)
        return words

    @staticmethod
    def _after(verb: Token) -> list[Token]:
        """The words after the verb in its own clause, two links deep at most ("accused X of",
        "received the credentials of"), so a preposition deep in a later phrase does not count."""
        words: list[Token] = []
        for child in verb.rights:
            if child.dep_ == "ccomp" and child.pos_ == "ADJ":  # "found X guilty": a small clause
                words.extend([t for s in child.children if s.dep_ == "nsubj" for t in s.subtree] + [child])
                continue
            if child.dep_ in CLAUSE_DEPS or child.dep_ == "npadvmod" or _temporal(child):
                continue  # "called King Salman on Saturday" is no "call on"
            words.append(child)
            words.extend(g for g in child.children if g.dep_ not in CLAUSE_DEPS)
        stray = _stray_recipient(verb)
        if stray is not None:
            words.extend((stray, *stray.children))
        return sorted(words, key=lambda t: t.i)

    def _xcomp_code(self, trigger: Trigger, triggers: dict[int, Trigger]) -> str:
        """The head's code refined by its "to"-complement: "threatened to attack" -> 138."""
        code = trigger.match.cameo
        root = code[:2]
        for child in trigger.token.children:
            if child.dep_ not in ("xcomp", "ccomp") or child.i not in triggers:
                continue
            inner = triggers[child.i].match.cameo[:2]
            words = {t.lemma_.lower() for t in child.subtree}
            peace = bool(words & {"peace", "ceasefire", "truce", "settle", "dispute", "reconcile"})
            if root in ("13", "03") and inner in ("18", "19", "20"):
                return "138"
            if root in ("13", "03") and inner in ("16", "17"):
                return INTENT_CODES[inner]  # "threatened to sever ties", "plans to impose restrictions"
            if code == "020":
                return "027" if peace else {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}.get(inner, code)
            if code == "100":
                return "107" if peace else {"04": "106", "06": "101", "07": "103", "08": "105"}.get(inner, code)
            if code == "030":
                return {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}.get(inner, code)
            if code == "120" and inner in REFUSED_CONTENT:
                return REFUSED_CONTENT[inner]  # "refused to meet" 125, "declined to lift the curfew" 124
        if code == "020" and any(t.lemma_.lower() in ("peace", "ceasefire", "truce") for t in self._after(trigger.token)):
            return "027"
        return code

    @staticmethod
    def _mission_code(verb: Token, code: str, triggers: dict[int, Trigger]) -> str:
        """What sending people, or calling someone, is for: "sent experts to Iran to investigate the
        crash" is an investigation (090); sending peacekeepers or observers is peacekeeping (074), not a
        show of force; "called X to express his support" is support."""
        purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i in triggers]
        if verb.lemma_.lower() in CALLING_VERBS and code[:2] == "04":
            # "called Erdogan to apologize", "called X to express his support for Sudan": the call's
            # purpose, when it is support or praise, is the event
            for clause in purposes:
                stated = [clause, *(c for c in clause.children if c.dep_ == "dobj" and c.i in triggers)]
                codes = [triggers[t.i].match.cameo for t in stated]
                found = next((c for c in codes if c[:2] == "05"), None)
                if found:
                    return found
        if verb.lemma_.lower() not in SENDING_VERBS:
            return code
        if any(triggers[c.i].match.cameo[:2] == "09" for c in purposes):
            return "090"
        if code[:2] in ("03", "04", "06", "15") and any(t.lemma_.lower() in PEACEKEEPING for t in verb.subtree):
            return "074"
        return code

    # ------------------------------------------------------------------ events
    def _events_for(self, index: int, sent: SpacySpan, trigger: Trigger, triggers: dict[int, Trigger]) -> Iterator[Event]:
        token = trigger.token
        if trigger.noun:
            yield from self._noun_events(index, sent, trigger, triggers)
            return
        if token.lemma_.lower() in DECIDING_VERBS and any(
                c.dep_ == "xcomp" and c.i in triggers and not triggers[c.i].noun for c in token.children):
            return  # "decided to allow X": the allowing is the event
        deciding = token.dep_ == "xcomp" and token.head.lemma_.lower() in DECIDING_VERBS
        if not deciding and token.head.i in triggers and triggers[token.head.i].match.cameo[:2] in CONTENT_ROOTS and (
                token.dep_ in ("xcomp", "acl") or _for_clause(token)
                or (token.dep_ == "advcl" and triggers[token.head.i].match.cameo[:2] in ("02", "10", "13")
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
                or (token.dep_ == "ccomp" and token.head.lemma_.lower() not in SPEECH_VERBS)):
            return  # the content of an appeal, demand, promise, refusal or threat: coded into the head
            # ("warned that Russia could attack" reports the attack: it stays an event)
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in LIGHT_VERBS and any(
                c.dep_ == "dobj" and c.i in triggers and triggers[c.i].noun
                and triggers[c.i].match.cameo[:2] in CONTENT_ROOTS for c in token.head.children):
            return  # "reiterated its demand that Israel ease restrictions": the demand's content
        if _protest_purpose(token, triggers):
            return  # "staged rallies to demand reforms": the protest is the event, the demand its purpose
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_VERBS and _obligation(token):
            return  # "Russia said Sudan must return the helicopter": coded as Russia's demand
        if token.dep_ == "xcomp" and token.head.i in triggers and triggers[token.head.i].match.cameo[:2] == "17":
            return  # "ordered the paper to suspend publication": the coercion is the event
        if token.dep_ in ("xcomp", "advcl") and token.lemma_.lower() in HELPING_VERBS and token.head.i in triggers \
                and triggers[token.head.i].match.cameo[:2] == "07" and token.head.lemma_.lower() not in HELPING_VERBS:
            return  # "provided aid to support refugees": the support is the aid
        if token.lemma_.lower() in LIGHT_VERBS and any(
            c.dep_ == "dobj" and c.i in triggers and triggers[c.i].noun for c in token.children
        ):
            return  # "launched an offensive": the event noun states the event
        code = self._mission_code(token, self._xcomp_code(trigger, triggers), triggers)
        sources, inherited = self._sources(token)
        targets = self._targets(token, code, sources)
        if not targets and code[:2] in CONTENT_ROOTS:
            targets = self._content_targets(token, sources)
        if not targets and code[:2] == "07":
            targets = self._beneficiaries(token, sources)
        if not targets and (refusal_code(code, token) or code)[:2] in CONDITIONAL_ROOTS:
            targets = self._condition_targets(token, sources)
        if not targets and code[:2] in VIOLENT_ROOTS:
            # "attacked a Daesh explosives factory"; "a camp for Congolese refugees was attacked by X"
            targets = self._deep_parties([*_object_heads(token, TARGET_PREPS),
                                          *(c for c in token.children if c.dep_ == "nsubjpass")], sources)
        if not targets and code[:2] in VIOLENT_ROOTS:
            # "opened fire to disperse the demonstrators": at whom the force was aimed
            targets = self._purpose_parties(_purposes(token), sources)
        if not targets and (code[:2] in PLACE_ACT_ROOTS or (code[:2] == "04" and token.lemma_.lower() in VISITING_VERBS)):
            # "arrived in Amman on a visit": the host country
            targets = self._deep_place(_object_heads(token, PLACE_PREPS), sources)
        if not targets and code[:2] == "14":
            targets = self._purpose_parties(_purposes(token), sources, PROTESTED_DEPS)
        if not targets and code[:2] == "14":
            # "blocked roads demanding that he be reinstated", "rioted following a demonstration
            # calling for the removal of President X": whom the protest's demand concerns
            targets = self._purpose_parties(_demands(token, triggers), sources, PROTESTED_DEPS)
        if not targets and code[:2] in PLACED_ROOTS:
            targets = self._sentence_place(sent, sources)
        reciprocal = False
        if targets and len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS and all(
                t.token.dep_ == "pobj" and t.token.head.lower_ in TOPIC_PREPS for t in targets):
            targets = []  # "Trump and Putin agreed to share information on North Korea": a topic, not a party
        if not targets and len(sources) > 1 and (code[:2] in RECIPROCAL_ROOTS or (
                code[:2] == "12" and self._joint_content(token, triggers))):
            reciprocal = True  # "Jordan and Britain have agreed to ...", "X and Y failed to reach a deal"
        elif not targets and code[:2] not in TARGETLESS_ROOTS and code not in TARGETLESS_CODES and not (
                code[:2] in CONTENT_ROOTS and self._targetless_content(token, triggers)):
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
        elif mode == "hypothetical" and code[:2] in THREAT_ROOTS and _conditional(token):
            # "the EC may halt mediation if cooperation founders": a conditional threat, stated now
            code, mode = INTENT_CODES[code[:2]], "asserted"
        code = intent_code(code, mode)
        for source in sources:
            for target in ([s for s in sources if s is not source] if reciprocal else targets or [None]):
                yield from self._make(index, sent, token, code, source, target, mode, confidence)
                if trigger.match.reverse and target is not None and not self._is_place(target) and mode == "asserted":
                    # "received the envoy": the envoy visits (a place does not act back; a visit only
                    # promised or supposed says nothing yet of the host)
                    yield from self._make(index, sent, token, intent_code(trigger.match.reverse, mode), target,
                                          source, mode, confidence * 0.9)

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

    def _noun_events(self, index: int, sent: SpacySpan, trigger: Trigger, triggers: dict[int, Trigger]) -> Iterator[Event]:
        noun = trigger.token
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i not in triggers \
                and noun.head.i not in self.token_actor:
            noun = noun.head  # "undertook a mediation mission between X and Y": the phrase's head holds it
        first = noun
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head  # "expressed its rejection and condemnation of X": the first conjunct's verb
        governor = first.head
        # "launched an offensive", and in the passive "the war game was staged by X"
        light = first.dep_ in ("dobj", "nsubjpass") and governor.lemma_.lower() in LIGHT_VERBS
        code = trigger.match.cameo
        if first.dep_ == "pobj" and governor.lower_ == "on" and governor.head.lemma_.lower() in ("go", "remain", "stay"):
            governor, light = governor.head, True  # "went on strike", "remain on hunger strike"
            code = "143" if code == "190" else code  # a strike one goes on is a labour strike
        elif noun.dep_ in ("dobj", "pobj", "attr") and governor.i in triggers and governor.i != noun.i and not light:
            return  # "provided aid": the verb's pattern already coded it
        elif noun.dep_ == "pobj" and governor.head.i in triggers and not triggers[governor.head.i].noun:
            return
        if light and noun.lemma_.lower() == "strike" and governor.lemma_.lower() in STRIKE_VERBS and code == "190":
            code = "143"  # "staged a strike", "called a strike": a labour or political strike
        sources: list[Argument] = []
        targets: list[Argument] = []
        place_targets = code[:2] in PLACE_TARGET_ROOTS
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.i < noun.i):
                sources.extend(self._arguments(child))
            elif child.dep_ == "prep" and child.lower_ == "by":
                sources.extend(arg for pobj in child.children if pobj.dep_ == "pobj" for arg in self._arguments(pobj))
            elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        targets.extend(self._arguments(pobj, avoid=sources, places=place_targets, target=True)
                                       or self._inner_arguments(pobj, avoid=sources))  # "suspension of aid to X"
                        # "the invasion of Ukraine by Russian forces": "by" may hang on the object
                        for grand in pobj.children:
                            if grand.dep_ == "prep" and grand.lower_ == "by":
                                sources.extend(a for g in grand.children if g.dep_ == "pobj" for a in self._arguments(g))
        for other in (c for c in (first, *first.conjuncts) if c.i != noun.i):
            # conjoined event nouns share their possessor and their object ("its rejection and
            # condemnation of X")
            for child in other.children:
                if not sources and child.dep_ == "poss":
                    sources.extend(self._arguments(child))
                if not targets and child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
                    targets.extend(a for pobj in child.children if pobj.dep_ == "pobj"
                                   for a in self._arguments(pobj, avoid=sources, places=place_targets, target=True))
        if not targets and code[:2] in CONTENT_ROOTS:
            # "its demand that Israel ease restrictions": Israel (the clause may hang on the light verb)
            for clause in (*noun.children, *(c for c in governor.children if c.dep_ == "ccomp" and light)):
                if clause.dep_ in ("acl", "ccomp"):
                    targets.extend(a for subject in clause.children if subject.dep_ in ("nsubj", "nsubjpass")
                                   for a in self._arguments(subject, avoid=sources))
        if not targets and code[:2] == "09":
            # "an investigation into claims that two servicemen abused children", "into whether X
            # was spied on", "of the killing of X": whom the inquiry concerns, however deep
            targets = self._purpose_parties([c for c in (*noun.children, *(governor.children if light else ()))
                                             if c.dep_ == "prep" and c.lower_ in ("into", "of", "on", "against")],
                                            sources)
        if not targets and code[:2] == "04":
            # "launched a mediation effort to resolve the rift between Qatar and ...": the parties
            # named in its purpose clause
            targets = self._purpose_parties([c for c in noun.children if c.dep_ in ("acl", "relcl")]
                                            + ([c for c in governor.children if c.dep_ in ("advcl", "xcomp")]
                                               if light else []), sources)
        if light and governor.dep_ == "xcomp" and governor.head.i in triggers \
                and triggers[governor.head.i].match.cameo[:2] in CONTENT_ROOTS:
            return  # "threatened to launch an offensive": the content of the threat
        inherited = False
        if sources and light and governor.lemma_.lower() in EXPRESSING_VERBS:
            # "Erdogan reiterated Turkey's support for X": the one who speaks for the possessor
            speakers, _ = self._sources(governor)
            if speakers and all(any(_same_side(p.ref, s.ref) for s in speakers) for p in sources):
                sources = speakers
        if not sources and light:  # "launched an investigation into X", "launched airstrikes against X"
            sources, inherited = self._sources(governor)
            if not targets:
                for prep in governor.children:
                    if prep.dep_ == "prep" and prep.lower_ in NOUN_TARGET_PREPS:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                targets.extend(self._arguments(pobj, avoid=sources, places=place_targets, target=True))
        if not targets and code[:2] in VIOLENT_ROOTS:
            targets = self._deep_parties(_object_heads(noun, NOUN_TARGET_PREPS), sources)
        if not targets and code[:2] in PLACE_ACT_ROOTS:  # "airstrikes on militant targets in Gaza"
            targets = self._deep_place([*_object_heads(noun, PLACE_PREPS),
                                        *(_object_heads(governor, PLACE_PREPS) if light else ())], sources)
        if not targets and code[:2] == "14":  # "began a hunger strike to demand the resignation of X"
            targets = self._purpose_parties([*_purposes(noun), *(_purposes(governor) if light else ())],
                                            sources, PROTESTED_DEPS)
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
            for target in ([s for s in sources if s is not source] if reciprocal else targets or [None]):
                yield from self._make(index, sent, noun, code, source, target, mode, confidence)

    def _appraisals(self, index: int, sent: SpacySpan, triggers: dict[int, Trigger]) -> Iterator[Event]:
        """Reported judgements: "Putin said Colombia is a promising partner" -> 051 praise;
        "Egypt said the US must mediate" -> 100 demand."""
        for verb in sent:
            if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
                continue
            for clause in verb.children:
                if clause.dep_ == "ccomp" and _obligation(clause):
                    if not (verb.dep_ == "advcl" and _protesting(verb.head, triggers)):
                        # (protesters "saying he must resign" state what they protest for)
                        yield from self._reported_demand(index, sent, verb, clause)
                    continue
                if clause.dep_ != "ccomp" or clause.lemma_ != "be":
                    continue
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                attrs = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
                if not subjects or not attrs:
                    continue
                lemma = attrs[0].lemma_.lower()
                code = ("051" if lemma in PRAISE_NOUNS else "111" if lemma in BLAME_NOUNS
                        else "112" if lemma in BLAME_ADJECTIVES else None)
                if code is None:
                    continue
                sources, _ = self._sources(verb)
                targets = self._arguments(subjects[0], generic=False, avoid=sources)
                mode = event_mode(clause)
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

    # ------------------------------------------------------------------ roles
    def _sources(self, verb: Token) -> tuple[list[Argument], bool]:
        """The actors doing what ``verb`` says, and whether they were inherited from a governing verb."""
        passive = _passive(verb)
        if passive:
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return [a for t in agents for a in self._arguments(t)], False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
        # "MOGADISHU, Somalia -- A U.S. airstrike has killed": the parser hangs the story's subject
        # on the dateline as an apposition
        subjects = [c if not _in_dateline(c) else next((a for a in c.subtree if a.dep_ == "appos"
                                                         and not _in_dateline(a)), None) for c in subjects]
        subjects = [c for c in subjects if c is not None]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                subject = verb.head
            found = self._arguments(subject)
            if not found and subject.pos_ == "NOUN" and subject.i not in self.token_actor:
                # "A car bombing by the Islamic State killed ...", "The missiles fired by the Israeli
                # military struck ...": the agent of the weapon or attack is the source
                found = self._inner_arguments(subject, agent_only=True)
            return found, False
        head = verb.head
        if head.i == verb.i:
            return [], False
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj" and head.lemma_.lower() in DOCUMENT_NOUNS:
            return self._sources(head.head)[0], True  # "issued a statement condemning X": the issuer
        pledge = head.head if verb.dep_ == "pcomp" and head.lower_ == "to" else head if verb.dep_ == "acl" else None
        if pledge is not None and pledge.dep_ == "dobj" and pledge.lemma_.lower() in COMMITMENT_NOUNS:
            # "reiterated its commitment to support the police": who reiterates it
            return self._sources(pledge.head)[0], True
        if verb.dep_ == "xcomp":
            for child in head.children:
                if head.lemma_.lower() in OBJECT_CONTROL and child.dep_ in ("dobj", "dative"):
                    return self._arguments(child), True
                if head.lemma_.lower() in OBJECT_CONTROL and child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                    return [a for p in child.children if p.dep_ == "pobj" for a in self._arguments(p)], True
            return self._sources(head)[0], True
        if verb.dep_ == "conj" and _passive(head):
            # "X has been indicted by the court and will resign": the shared subject, not the agent
            return [a for c in head.children if c.dep_ == "nsubjpass" for a in self._arguments(c)], True
        if verb.dep_ in ("conj", "acomp"):  # "... and sent aid", "is ready to send troops"
            return self._sources(head)[0], True
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            governor = head.head
            if head.lower_ in ("of", "for") and any(c.dep_ == "dobj" for c in governor.children):
                return [], False  # "accused X of fuelling": X is the subject, already the target
            if governor.pos_ in ("VERB", "AUX"):
                return self._sources(governor)[0], True
            if governor.dep_ == "acomp" and governor.head.pos_ in ("VERB", "AUX"):
                # "X and Y are guilty of violating the ceasefire", "X is responsible for killing Y"
                return self._sources(governor.head)[0], True
        if verb.dep_ == "advcl" and (verb.tag_ in ("VBG", "VBN") or any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)):
            return self._sources(head)[0], True  # "Upon receiving X, Putin ...", "struck to protest against X"
        return [], False

    def _targets(self, verb: Token, code: str, sources: Sequence[Argument]) -> list[Argument]:
        """The actors ``verb`` acts on: passive subject, indirect and direct objects, prepositional objects."""
        heads: list[Token] = []
        children = list(verb.children)
        if _passive(verb):
            heads.extend(c for c in children if c.dep_ == "nsubjpass")
        heads.extend(c for c in children if c.dep_ == "dative" and c.pos_ != "ADP")
        for c in children:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                heads.extend(p for p in c.children if p.dep_ == "pobj")
        objects = [c for c in children if c.dep_ in ("dobj", "attr", "oprd")]
        # "found the regime guilty" parses as a small clause: its subject is the object
        objects.extend(s for c in children if c.dep_ == "ccomp" and c.pos_ == "ADJ"
                       for s in c.children if s.dep_ == "nsubj")
        object_preps = [c for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
        if code[:2] == "15":  # "deployed troops to the border": the object is what is mobilised
            objects = []
            heads = [h for h in heads if h.dep_ == "pobj"]  # "sent peacekeepers to Iraq" (dative "to")
        speech = code[:2] == "01"
        giving = code[:2] == "07" or code.startswith(("033", "0842")) or verb.lemma_.lower() in (
            GIVING_VERBS | MOVING_VERBS | SENDING_VERBS)
        # the source's own object ("withdraw its troops from X") is a target only failing any other
        own = [o for o in objects if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
        if not giving:
            heads.extend(o for o in objects if o not in own)
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
        # "kidnapped up to 16 Russian advisers": the parser hangs the phrase on the particle
        preps.extend(p for c in children if c.dep_ == "prt" for p in c.children
                     if p.dep_ == "prep" and p.lower_ in TARGET_PREPS)
        stray = _stray_recipient(verb)
        if stray is not None:
            preps.append(stray)
        if speech:
            preps = [p for p in preps if p.lower_ in ("to", "with")]
        if code[:2] == "11":
            # "complained to the UN over Israeli air raids": the complaint is aimed at what it is
            # about; the one addressed is the target only failing that
            preps.sort(key=lambda p: p.lower_ in ("to", "with"))
        preps.extend(object_preps)
        for prep in preps:
            heads.extend(p for p in prep.children if p.dep_ == "pobj")
            if not any(p.dep_ == "pobj" for p in prep.children):
                heads.extend(_orphan_object(verb, prep))
        # "would allow the WFP to deliver food" parsed with the WFP as subject of "to deliver"
        # ("allow UN aid workers expanded access": a bare complement after a verb of letting)
        heads.extend(s for c in children if c.dep_ in ("ccomp", "xcomp") and (
            _infinitival(c) or verb.lemma_.lower() in LETTING_VERBS) for s in c.children if s.dep_ == "nsubj")
        if giving:  # "contributed troops to X", "gave Y $5m": what is given is no target
            heads.extend(objects)
        else:
            heads.extend(own)
        # (whatever people are sent to do, where they are sent stands for its country)
        place_targets = code[:2] in PLACE_TARGET_ROOTS or verb.lemma_.lower() in SENDING_VERBS
        found = self._first_arguments(heads, sources, place_targets, speech, generic=False)
        if not found and self.generic_arguments:
            found = self._first_arguments(heads, sources, place_targets, speech, generic=True)
        return found

    def _first_arguments(self, heads: list[Token], sources: Sequence[Argument], place_targets: bool, speech: bool,
                         generic: bool) -> list[Argument]:
        for head in heads:
            arguments = self._arguments(head, generic=generic, avoid=sources,
                                        places=place_targets and head.dep_ == "pobj", target=True)
            if speech:  # "he quoted RT", "according to Efe": the outlet is not a party to the event
                arguments = [a for a in arguments if not (a.ref.actor and self.actor_kind.get(a.ref.actor) == "media")]
            if arguments:
                return arguments
            if head.i not in self.token_actor and (head.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "nsubj") or (
                    head.dep_ == "pobj" and head.head.lower_ in INNER_HOSTS)):
                # "received the credentials of the ambassadors of Colombia", "rejected a request by
                # Sirisena", "called for sanctions against Nigeria": look inside the phrase
                for member in (head, *(c for c in head.conjuncts if c.i > head.i)):
                    # "condemned the act of aggression and the threats made by X": each conjunct
                    inner = self._inner_arguments(member, generic, sources)
                    if inner:
                        return inner
        return []

    def _content_targets(self, verb: Token, sources: Sequence[Argument]) -> list[Argument]:
        """The target inside what was promised, demanded or threatened: "threatened to attack X",
        "demanded that X extradite ..." (the subject of the demanded act)."""
        for child in verb.children:
            if child.dep_ == "xcomp":
                inner = self.verbs.match(child.lemma_.lower(), [], self._forms(self._after(child)))
                found = self._targets(child, inner.cameo if inner else "000", sources)
                if found:
                    return found
            clauses = [child] if (child.dep_ == "ccomp" and verb.lemma_.lower() not in SPEECH_VERBS) \
                or _for_clause(child) else []
            if child.dep_ == "prep":  # "insisted on its demands that Burundi's government grant ..."
                clauses = [c for p in child.children if p.dep_ == "pobj" for c in p.children
                           if c.dep_ in ("acl", "ccomp")]
            for clause in clauses:
                for subject in clause.children:
                    if subject.dep_ in ("nsubj", "nsubjpass"):
                        # "demanded that control of the Interior Ministry be taken away": inside it
                        return self._arguments(subject, avoid=sources) or (
                            self._inner_arguments(subject, avoid=sources) if subject.i not in self.token_actor else [])
        return []

    def _purpose_parties(self, clauses: Sequence[Token], sources: Sequence[Argument],
                         deps: frozenset[str] = PARTY_DEPS) -> list[Argument]:
        """The first actors named as subject or object in ``clauses`` (an event noun's purpose)."""
        for clause in clauses:
            for token in clause.subtree:
                if token.i in self.token_actor and token.dep_ in deps:
                    found = self._arguments(token, avoid=sources)
                    if found:
                        return found
        return []

    def _deep_parties(self, heads: Sequence[Token], sources: Sequence[Argument]) -> list[Argument]:
        """The first actor anywhere inside the objects of a violent act that names no actor at its
        head: "attacked a Daesh explosives factory", "captured two towns south of the capital Tripoli"."""
        for head in heads:
            for token in head.subtree:
                if token.i in self.token_actor and not _in_dateline(token):
                    found = self._arguments(token, avoid=sources)
                    if found:
                        return found
        return []

    def _is_place(self, party: Argument) -> bool:
        """Whether ``party`` is a geocoded place standing for its country, not an actor."""
        return party.ref.actor is None and any(p.start == party.ref.start and p.end == party.ref.end
                                               for p in self.places)

    def _deep_place(self, heads: Sequence[Token], sources: Sequence[Argument]) -> list[Argument]:
        """The first geocoded place inside the objects of a deployment or a violent act that names
        no actor: "remained on alert in Manila", "struck a camp in Pakistan" are aimed at its country."""
        for head in heads:
            for token in _phrase_tokens(head):
                place = next((p for p in self.places if p.start <= token.idx < p.end), None)
                if place is not None and not _in_dateline(token) and not any(
                        s.ref.start <= place.start < s.ref.end for s in sources):
                    return [Argument(_place_ref(place), token)]
        return []

    def _condition_targets(self, verb: Token, sources: Sequence[Argument]) -> list[Argument]:
        """Who a refusal or threat is aimed at when only its condition names them: "will not lift the
        embargo until Cuba undertakes reforms", "threatened to launch an offensive unless Baghdad
        accepted its conditions" (the subject, or the agent, of the "until"/"unless"/"if" clause)."""
        for clause in (c for v in (verb, *[c for c in verb.children if c.dep_ == "xcomp"]) for c in v.children):
            if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                                 for m in clause.children):
                continue
            for child in clause.children:
                heads = [child] if child.dep_ in ("nsubj", "nsubjpass") else \
                    [p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "agent" else []
                for head in heads:
                    found = self._arguments(head, avoid=sources)
                    if found:
                        return found
        return []

    def _beneficiaries(self, verb: Token, sources: Sequence[Argument]) -> list[Argument]:
        """Who aid given "to help X" is for: the object of a purpose clause of helping
        ("donated ventilators to assist Ethiopia", "provided $1.7 billion to support refugees")."""
        for clause in verb.children:
            if clause.dep_ in ("xcomp", "advcl") and clause.lemma_.lower() in HELPING_VERBS:
                for obj in clause.children:
                    if obj.dep_ == "dobj":
                        found = self._arguments(obj, avoid=sources)
                        if found:
                            return found
        return []

    def _inner_arguments(self, head: Token, generic: bool = False, avoid: Sequence[Argument] = (),
                         depth: int = 0, agent_only: bool = False) -> list[Argument]:
        """The party a non-actor phrase is about: "a request by X", "demands from X", "sanctions
        against X", "the death of X"; the agent ("by", "from") first, two phrases deep at most.
        ``agent_only``: only "by" (the doer of a phrase that is a subject)."""
        for wanted in ("by",) if agent_only else INNER_PREPS:
            for prep in head.children:
                if prep.dep_ == "acl" and prep.tag_ == "VBN" and wanted in ("by", "on", "against"):
                    # "an offer made by the Taliban", "sanctions imposed on India"
                    prep = next((c for c in prep.children if (c.dep_ == "agent" and wanted == "by")
                                 or (c.dep_ == "prep" and c.lower_ == wanted)), None)
                    if prep is None:
                        continue
                elif prep.dep_ != "prep" or prep.lower_ != wanted:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = self._arguments(pobj, generic=generic, avoid=avoid)
                    if not found and depth < 1:
                        found = self._inner_arguments(pobj, generic, avoid, depth + 1, agent_only)
                    if found:
                        return found
        return []

    def _arguments(self, head: Token, generic: bool | None = None, avoid: Sequence[Argument] = (),
                   places: bool = False, target: bool = False) -> list[Argument]:
        """The actor(s) a phrase headed by ``head`` names: one per conjunct ("Ukraine and Russia")."""
        found: list[Argument] = []
        seen: set[tuple[int, str | None]] = set()
        avoid_ids = {a.ref.actor for a in avoid if a.ref.actor}
        for member in [head, *[c for c in head.conjuncts if c.i > head.i]]:
            for argument in self._member_arguments(member, self.generic_arguments if generic is None else generic,
                                                   avoid_ids, places, target):
                key = (argument.ref.start, argument.ref.code)
                if key not in seen:
                    seen.add(key)
                    found.append(argument)
        return found

    def _member_arguments(self, head: Token, generic: bool, avoid: set[str], places: bool,
                          target: bool = False) -> list[Argument]:
        actors = self.token_actor.get(head.i)
        if actors is None:
            for child in head.children:  # "Colombian ambassador", "the ambassador, Héctor Arenas"
                if child.dep_ in ("compound", "amod", "appos", "nmod", "poss") and child.i in self.token_actor:
                    actors = self.token_actor[child.i]
                    break
        if actors is None and head.lemma_.lower() in GROUP_HEADS:
            for prep in head.children:  # "thousands of Armenians", "members of the opposition"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.i in self.token_actor:
                            actors = self.token_actor[pobj.i]
        if actors is not None and all(a.country is None for a in actors):
            # "The main Hutu rebel group, Forces for Defence of Democracy (FDD)": the apposition
            # names it with its country
            named = [a for c in head.children if c.dep_ == "appos" for t in (c, *c.children)
                     if t.dep_ in ("appos", "appos", "compound") or t is c
                     for a in self.token_actor.get(t.i, ()) if a.country is not None and a.kind != "person"]
            actors = named[:1] or actors
        if actors is not None:
            actors = [a for a in actors if a.code or generic or a.kind != "media"] or None
        if actors is not None and head.pos_ == "PRON":
            actors = [self._named_before(head, a) for a in actors]  # "Ethiopia said it would ..."
        if actors is not None and avoid and self._bound_anaphor(head, actors, avoid):
            if head.lower_ == "it":
                return []  # "Berlin was withholding it": an object "it" is mostly a thing
            actors = None  # "The US has provided aid to the country": not the US itself (no "itself")
        if actors is None or all(a.country is None for a in actors):
            antecedent = self._antecedent(head, avoid)
            if antecedent is not None and actors is None and head.sent.start_char <= antecedent.start < head.sent.end_char:
                return [Argument(self._ref(antecedent, head.sent), head)]  # "Petro spoke ... he called"
            if antecedent is not None:
                span = self._phrase(head)
                sector, code = antecedent.sector, antecedent.code
                if head.lemma_.lower() == "government" and antecedent.kind == "person" and antecedent.country:
                    sector, code = "GOV", antecedent.country + "GOV"  # "his government": the leader's
                ref = ActorRef(span.text, span.start_char, span.end_char, antecedent.country, sector,
                               code, antecedent.name, antecedent.id)
                return [Argument(ref, head)]
        if actors is not None:
            return [Argument(self._ref(actor, head.sent), head) for actor in actors]
        if places:
            # "from the West Bank cities", "in the town of Gorazde": a place modifying the head
            named = [head, *(c for c in head.children if c.dep_ in ("compound", "nmod", "amod", "poss")),
                     *(p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj")]
            if head.dep_ == "pobj" and head.head.lower_ in ("to", "into"):
                named.extend(_phrase_tokens(head))  # "sent inspectors to the plant in central Iran"
            place = next((p for t in named for p in self.places if p.start <= t.idx < p.end), None)
            if place is not None:
                return [Argument(_place_ref(place), head)]
        if not generic or head.ent_type_ in NOT_AGENTS or head.pos_ not in ("PROPN", "NOUN"):
            return []
        agent = head.lemma_.lower() in AGENT_NOUNS or head.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        if head.pos_ == "NOUN" and not agent and not target:  # any thing may be acted on; only agents act
            return []
        span = self._phrase(head)
        return [Argument(ActorRef(span.text, span.start_char, span.end_char, None, None, None, span.text), head, True)]

    def _named_before(self, pronoun: Token, actor: Actor) -> Actor:
        """The mention earlier in ``pronoun``'s sentence of the actor the actors stage resolved it
        to, so the event names the actor as the sentence does; else the pronoun's own mention."""
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            for other in self.token_actor.get(i, ()):
                if other is not actor and other.code == actor.code and other.name == actor.name \
                        and self.doc[i].pos_ != "PRON":
                    return other
        return actor

    def _bound_anaphor(self, head: Token, actors: Sequence[Actor], avoid: set[str]) -> bool:
        """Whether ``head`` is a pronoun or country noun ("it", "the country") the actors stage resolved
        to the event's other side: a plain pronoun does not name its own clause's subject, so it is
        read again, avoiding that side."""
        pronoun = head.pos_ == "PRON" and head.lower_ in PRONOUN_KINDS and head.dep_ != "poss"
        # a bare role noun only ("the country", "his government"), not "the Afghan government"
        role = "country" in ROLE_NOUNS.get(head.lemma_.lower(), ()) and all(
            t.dep_ in ("det", "poss", "punct") for t in self._phrase(head) if t.i != head.i)
        if not (pronoun or role):
            return False
        other = {a.country for i in self.token_actor for a in self.token_actor[i] if a.id in avoid and a.country}
        return any(a.id in avoid or (a.country is not None and a.country in other) for a in actors)

    def _phrase(self, head: Token) -> SpacySpan:
        """The words of a noun phrase up to its head ("the new president-elect")."""
        left = min((t for t in head.subtree if t.i <= head.i and t.dep_ != "punct"), key=lambda t: t.i)
        return self.doc[left.i : head.i + 1]

    def _antecedent(self, head: Token, avoid: set[str]) -> Actor | None:
        """An unresolved pronoun or role noun ("he", "the country") -> the actor it most likely names.

        First an actor earlier in the same sentence; failing that, for a role noun, the subject of the
        sentence just before ("Colombia has been an ally ... The US has provided aid to the country");
        pronouns across sentences are the actors stage's to resolve. Actors of the
        event's other side (``avoid``: ids and countries) are never taken.
        """
        if head.pos_ == "PRON":
            kinds = PRONOUN_KINDS.get(head.lower_)
        elif head.lemma_.lower() in ROLE_NOUNS and self._phrase(head)[0].lower_ in ("the", "his", "her", "its", "their"):
            kinds = ROLE_NOUNS[head.lemma_.lower()]
        else:
            return None
        if not kinds:
            return None
        avoid_countries = {a.country for i in self.token_actor for a in self.token_actor[i] if a.id in avoid}

        def fits(actor: Actor, stateless: bool = False) -> bool:
            return (actor.kind in kinds and actor.id not in avoid
                    and (actor.country is not None
                         or (stateless and (actor.code is not None or actor.kind == "person")))
                    and actor.country not in avoid_countries and not actor.start <= head.idx < actor.end)

        before = [a for i in range(head.sent.start, head.i) for a in self.token_actor.get(i, ())]
        found = None
        if head.pos_ == "PRON" and head.dep_ in ("nsubj", "nsubjpass"):
            # a subject pronoun names an earlier subject first ("the rebels rejected a Senegalese
            # plan and said they ..." are the rebels)
            subjects = [a for a in before if any(self.doc[i].dep_ in ("nsubj", "nsubjpass") and self.doc[i].head.pos_ in ("VERB", "AUX")
                                                 for i in range(head.sent.start, head.i)
                                                 if a.start <= self.doc[i].idx < a.end)]
            found = next((a for a in reversed(subjects) if fits(a)), None)
        found = found or next((a for a in reversed(before) if fits(a)), None)
        if found is None and head.pos_ == "PRON":  # "Teachers said they will not end the strike"
            found = next((a for a in reversed(before) if fits(a, stateless=True)), None)
        if found is not None or head.sent.start == 0 or head.pos_ == "PRON":
            return found  # a pronoun the actors stage left unresolved across sentences stays so
        previous = self.doc[head.sent.start - 1].sent
        for token in previous:
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
                return next((a for a in self.token_actor.get(token.i, ()) if fits(a)), None)
        return None

    def _ref(self, actor: Actor, sent: SpacySpan) -> ActorRef:
        start = max(actor.start, sent.start_char)
        end = min(actor.end, sent.end_char)
        text = self.doc.text[start:end]
        return ActorRef(text, start, end, actor.country, actor.sector, actor.code, actor.name, actor.id)

    def _reported(self, token: Token) -> bool:
        node = token
        while node.head.i != node.i:
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS:
                return True
            node = node.head
        return False

    # ------------------------------------------------------------------ assembly
    def _make(self, index: int, sent: SpacySpan, trigger: Token, code: str, source: Argument,
              target: Argument | None, mode: str, confidence: float) -> Iterator[Event]:
        if target is not None and _same(source.ref, target.ref):
            return
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

    def _sentence_place(self, sent: SpacySpan, sources: Sequence[Argument]) -> list[Argument]:
        """The first geocoded place of the sentence outside the source: a protest, threat or
        coercion with no one named is aimed at the country where it happens ("demonstrated in the
        city of Kirkuk")."""
        for place in self.places:
            if sent.start_char <= place.start < sent.end_char and not any(
                    s.ref.start <= place.start < s.ref.end for s in sources):
                token = self.doc.char_span(place.start, place.end, alignment_mode="expand")[-1]
                return [Argument(_place_ref(place), token)]
        return []

    def _placed(self, party: Argument, sent: SpacySpan, other: Argument) -> Argument:
        """A source or target group with a sector but no country ("protesters", "refugees") is of
        the country where the sentence places the event ("demonstrators in Monrovia"); with no
        place, of the country of the police, court or government on the other side, which act at
        home ("police arrested opposition supporters")."""
        ref = party.ref
        if ref.country is not None or (ref.code is not None and ref.code != ref.sector):
            return party
        # officials, troops and diplomats act abroad too: a place says nothing of theirs, and a
        # state body facing a government is not of that government's state
        place = None if ref.sector in ENVOY_SECTORS else next(
            (p for p in self.places if sent.start_char <= p.start < sent.end_char
             and not ref.start <= p.start < ref.end), None)
        if place is not None:
            country = place.country
        elif other.ref.sector in DOMESTIC_AUTHORITIES and other.ref.country is not None \
                and ref.sector not in ENVOY_SECTORS:
            country = other.ref.country
        else:
            return party
        code = country + (ref.sector or "")
        return Argument(replace(ref, country=country, code=code), party.token, party.generic)

    def _quote_for(self, trigger: Span) -> str | None:
        for quote in self.quotes:
            if quote.cue is not None and quote.cue.start <= trigger.start < quote.cue.end:
                return quote.id
        for quote in self.quotes:
            if quote.start <= trigger.start < quote.end:
                return quote.id
        return None


def _place_ref(place: Location) -> ActorRef:
    """A geocoded place as an event's target: it stands for its country."""
    return ActorRef(place.text or place.name, place.start, place.end, place.country, None, place.country,
                    place.name)


def _in_dateline(token: Token) -> bool:
    """Whether ``token`` is in a wire dateline ("JERUSALEM --", "KABUL (Pajhwok):"), not the story."""
    sent = token.sent
    first = sent[0]
    if not (first.is_upper and len(first.text) > 2 and first.is_alpha):
        return False
    for other in sent[: min(len(sent), 8)]:
        # a dash between spaces ("BEIRUT - The"), not a hyphen inside a word ("ICE returned pre-Columbian")
        spaced = other.i > sent.start and bool(other.doc[other.i - 1].whitespace_)
        if other.text in ("--", "—", "–", ":") or (other.text == "-" and spaced) or other.text.startswith("("):
            return token.i < other.i or (other.text.startswith("(") and token.i <= other.i + 3)
    return False


def _stray_recipient(verb: Token) -> Token | None:
    """The "to" phrase of a giving verb that the parser hung inside its object: "returned dozens of
    artifacts to the Embassy", "returned 12 skulls that date back to A.D. 640 to Peru" (the last
    "to" there), when the verb has no "to" phrase of its own."""
    if verb.lemma_.lower() not in GIVING_VERBS | RETURNING_VERBS or any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "to"
                 and any(p.dep_ == "pobj" for p in t.children)]
        if found:
            return found[-1]
    # "provide ammunition alongside humanitarian assistance to Turkey": inside another phrase
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ != "to"):
        found = [t for t in _phrase_tokens(prep) if t.dep_ == "prep" and t.lower_ == "to"
                 and any(p.dep_ == "pobj" for p in t.children)]
        if found:
            return found[0]
    return None


def _passive(verb: Token) -> bool:
    """Whether ``verb`` is passive; "Israel is opposed to X", "is committed to X" (a participle
    of stance with no agent) are states of their subject, read as active."""
    children = list(verb.children)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
        return False
    return verb.lower_ not in STANCE_PARTICIPLES or any(c.dep_ == "agent" for c in children)


def _conditional(verb: Token) -> bool:
    """Whether ``verb`` is said to happen on a condition ("... if X does Y", "unless X ...")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def _obligation(clause: Token) -> bool:
    """A clause saying what someone must or should do ("Sudan must return the helicopter")."""
    children = list(clause.children)
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in children) and not any(
        c.dep_ == "neg" for c in children)


def _protesting(head: Token, triggers: dict[int, Trigger]) -> bool:
    """Whether ``head`` states a protest (14x), itself or through its event noun ("staged rallies")."""
    stated = [head, *(c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "attr"))]
    return any(t.i in triggers and (triggers[t.i].match.cameo[:2] == "14" or triggers[t.i].match.cameo == "191")
               for t in stated)  # (a blockade by farmers or strikers is their protest too)


def _protest_purpose(token: Token, triggers: dict[int, Trigger]) -> bool:
    """A demand or appeal that is what a protest is for ("began a hunger strike to demand X")."""
    return (token.dep_ in ("advcl", "xcomp") and token.i in triggers
            and triggers[token.i].match.cameo[:2] in ("02", "10")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            and _protesting(token.head, triggers))


def _without_bare_repeats(events: list[Event], doc: Doc) -> list[Event]:
    """Drop a protest or violent act with no target when the same source's act of that kind in the
    sentence has one ("attacked the camp, killing 156 people" is one attack, not two), or when it
    is a participle of a protest or attack with a target ("rioted at the jail, setting fire to
    their mattresses")."""
    aimed = {(e.source.code, e.source.start, _violence(e.cameo)) for e in events
             if e.target is not None and e.source is not None}
    aimed_at = {(e.source.code, e.source.start, e.trigger.start) for e in events
                if e.target is not None and e.source is not None and _violence(e.cameo)}

    def episode(e: Event) -> bool:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or span.root.tag_ != "VBG":
            return False
        token = span.root
        while token.dep_ == "conj" and token.head.tag_ == "VBG":  # "setting fire ... and smashing"
            token = token.head
        return token.dep_ in ("advcl", "conj") and (e.source.code, e.source.start, token.head.idx) in aimed_at

    return [e for e in events if e.target is not None or e.source is None or _violence(e.cameo) is None
            or ((e.source.code, e.source.start, _violence(e.cameo)) not in aimed and not episode(e))]


def _violence(code: str) -> str | None:
    """The kind of act for :func:`_without_bare_repeats`: protest, or force (18-20)."""
    return "protest" if code[:2] == "14" else "force" if code[:2] in VIOLENT_ROOTS else None


def _orphan_object(verb: Token, prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty and made the subject of a clause instead:
    "granted asylum to five army officers holed up in ..." ("officers" the subject of "holed")."""
    return [s for c in verb.children if c.i > prep.i and c.dep_ in ("advcl", "ccomp", "relcl")
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == prep.i + 1]


def _infinitival(clause: Token) -> bool:
    """A "to"-clause with its own subject ("allow X to deliver"): the subject is the verb's object."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and any(
        c.dep_ == "nsubj" and c.i < clause.i for c in clause.children)


def _object_heads(head: Token, preps: set[str]) -> list[Token]:
    """The direct objects of ``head`` and the objects of its prepositions in ``preps``, in order."""
    found = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    found.extend(p for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                 for p in c.children if p.dep_ == "pobj")
    return found


def _phrase_tokens(head: Token) -> Iterator[Token]:
    """The tokens of ``head``'s phrase in order, without its clauses: "foreigners who fought in
    the east" says nothing of where the granting happens."""
    yield head
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS or child.dep_ in ("conj", "cc", "punct"):
            yield from _phrase_tokens(child)


def _purposes(head: Token) -> list[Token]:
    """What ``head`` is done for: its "to" clauses ("struck to demand X") and "in protest at/of X"."""
    found = [c for c in head.children if c.dep_ in ("advcl", "xcomp", "acl")
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    found.extend(c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                 and any(p.lemma_.lower() in ("protest", "defiance") for p in c.children))
    return found


def _demands(verb: Token, triggers: dict[int, Trigger]) -> list[Token]:
    """Participle clauses of demand or appeal in ``verb``'s phrase ("demanding that ...", "calling for
    ..."), on the verb itself or on a noun it governs, not in another finite clause."""
    found = []
    for token in _phrase_tokens(verb):
        for clause in token.children:
            if clause.dep_ in ("advcl", "acl", "xcomp", "pcomp") and clause.tag_ == "VBG" and clause.i in triggers \
                    and triggers[clause.i].match.cameo[:2] in ("02", "10", "11"):
                found.append(clause)
    return found


def _for_clause(token: Token) -> bool:
    """A "for X to do" clause: the content of a demand ("pushing hard for the US to support the plan")."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)


def _temporal(token: Token) -> bool:
    """A prepositional phrase that only says when ("on Saturday", "in March")."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def refusal_code(code: str, verb: Token) -> str | None:
    """"will not lift the ban", "would not meet": a refused cooperative act is a rejection (12x)."""
    children = list(verb.children)
    if not (any(c.dep_ == "neg" for c in children) and any(c.lower_ in ("will", "would", "wo") for c in children)):
        return None
    return REFUSAL_CODES.get(code[:2])


def intent_code(code: str, mode: str) -> str:
    """CAMEO codes a promised act as the intent to do it: "will provide aid" is 033, not 070;
    "will attack" is a threat (138), "will boycott" one too (133)."""
    if mode != "future":
        return code
    return INTENT_CODES.get(code[:2], code)


def _same_side(one: ActorRef, other: ActorRef) -> bool:
    """Whether two actors belong to one party: the same country, or the same organisation."""
    if one.country is not None:
        return one.country == other.country
    return one.code is not None and other.code is not None and one.code[:6] == other.code[:6]


def _same(source: ActorRef, target: ActorRef) -> bool:
    if source.actor is not None and source.actor == target.actor:
        return True
    if source.start == target.start and (source.actor is None or target.actor is None or source.code == target.code):
        return True  # one phrase may name two actors ("Nigerian and British armed forces"): not the same
    # Same code and name: one actor named twice ("Iraq ... Iraq"); two people of one country
    # ("Ford pardoned Nixon", both "USA") are two actors.
    return source.code is not None and source.code == target.code and source.name == target.name
