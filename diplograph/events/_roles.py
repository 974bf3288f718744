"""Sources and targets: the actors a trigger's clause names as its parties, through subjects and
objects (swapped in the passive), prepositions, conjuncts, complements, the phrase a party hides
in, pronouns and role nouns, and places standing for their country."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..lexicon.datelines import in_dateline
from ..model import Actor, ActorRef, Quote
from ._grammar import (
    described_noun,
    is_circumstance,
    is_for_clause,
    is_infinitival,
    is_passive,
    is_temporal,
    object_heads,
    orphan_object,
    phrase_tokens,
    stray_recipient,
)
from ._parts import Argument, DocumentContext, Place
from ._words import (
    CLAUSE_DEPS,
    CONDITION_MARKS,
    DOMESTIC_AUTHORITIES,
    ENVOY_SECTORS,
    GIVING_ROOTS,
    INNER_HOSTS,
    INNER_PREPS,
    NOT_AGENTS,
    PARTY_DEPS,
    PLACE_TARGET_ROOTS,
    PRONOUN_KINDS,
    TARGET_PREPS,
    role_kinds,
    word_list,
)
from .verbs import VerbDictionary

DASHES = ("-", "–", "—", "--")  # punctuation that sets off an apposition

__all__ = ["RoleFinder", "place_ref", "same_actor", "same_side"]


class RoleFinder:
    """Who acts and who is acted on: the actors (or places) a trigger's grammar names.

    A mix-in of :class:`~diplograph.events.coder.DocumentCoder`, which gives it the document's
    context (``doc``, ``text``, ``token_actor``, ``actor_kind``, ``places``, ``quotes`` are read from
    it), the verb dictionary and whether generic nouns may stand as parties."""

    verbs: VerbDictionary
    context: DocumentContext
    generic_arguments: bool

    @property
    def doc(self) -> Doc:
        return self.context.doc

    @property
    def text(self) -> str:
        return self.context.text

    @property
    def token_actor(self) -> dict[int, list[Actor]]:
        return self.context.token_actor

    @property
    def actor_kind(self) -> dict[str, str]:
        return self.context.actor_kind

    @property
    def places(self) -> list[Place]:
        return self.context.places

    @property
    def quotes(self) -> list[Quote]:
        return self.context.quotes

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
            if child.dep_ in CLAUSE_DEPS or child.dep_ == "npadvmod" or is_temporal(child):
                continue  # "called King Salman on Saturday" is no "call on"
            words.append(child)
            words.extend(g for g in child.children if g.dep_ not in CLAUSE_DEPS)
        stray = stray_recipient(verb)
        if stray is not None:
            words.extend((stray, *stray.children))
        return sorted(words, key=lambda t: t.i)

    # ------------------------------------------------------------------ roles
    def _sources(self, verb: Token) -> tuple[list[Argument], bool]:
        """The actors doing what ``verb`` says, and whether they were inherited from a governing verb."""
        passive = is_passive(verb)
        if passive:
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return [a for t in agents for a in self._arguments(t)], False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
        # "MOGADISHU, Somalia -- A U.S. airstrike has killed": the parser hangs the story's subject
        # on the dateline as an apposition
        undated = [c if not in_dateline(c) else next((a for a in c.subtree if a.dep_ == "appos"
                                                        and not in_dateline(a)), None) for c in subjects]
        subjects = [c for c in undated if c is not None]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                subject = verb.head
            found = self._arguments(subject)
            if subject.lemma_.lower() in word_list("law_nouns"):
                # "the Hong Kong Human Rights and Democracy Act, under consideration by the US Senate,
                # would impose economic sanctions": a law acts through who passes or weighs it
                phrases = [subject, *(c for c in verb.children if c.dep_ == "prep" and subject.i < c.i < verb.i)]
                found = [a for phrase in phrases for t in phrase_tokens(phrase)
                         if t.dep_ in ("agent", "prep") and t.lower_ == "by"
                         for p in t.children if p.dep_ == "pobj" for a in self._arguments(p)]
            if not found and subject.dep_ == "appos" and subject.i not in self.token_actor:
                # "the Alliance for American Manufacturing, a group that has applauded some of Trump's
                # tariff decisions": the apposition's head names who
                found = self._arguments(subject.head)
            if not found and subject.pos_ == "NOUN" and subject.i not in self.token_actor:
                # "A car bombing by the Islamic State killed ...", "The missiles fired by the Israeli
                # military struck ...": the agent of the weapon or attack is the source
                found = self._inner_arguments(subject, agent_only=True)
            if not found and subject.pos_ == "NOUN" and subject.i not in self.token_actor:
                # "The summit between the EU and Turkey failed to reach agreement": its parties
                found = [a for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "between"
                         for p in prep.children if p.dep_ == "pobj" for a in self._arguments(p)]
            if not found and len(subjects) > 1:
                # "Old foes Russia and Georgia have renewed ties": the parser may split an apposition
                found = [a for other in subjects[1:] for a in self._arguments(other)]
            return found, False
        dashed = self._dashed_subject(verb)
        if dashed:
            return dashed, False
        relative = self._misparsed_relative(verb)
        if relative:
            return relative, False
        # "should the House vote to impeach President Donald Trump": after an inverted auxiliary the
        # parser reads subject and verb as one noun ("House vote"), the subject a compound of the verb
        compounds = [c for c in verb.lefts if c.dep_ == "compound" and c.i in self.token_actor] \
            if verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.i < verb.i for c in verb.children) else []
        if compounds:
            return self._arguments(compounds[0]), False
        head = verb.head
        if head.i == verb.i:
            return [], False
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj" \
                and head.lemma_.lower() in word_list("document_nouns"):
            return self._sources(head.head)[0], True  # "issued a statement condemning X": the issuer
        pledge = head.head if verb.dep_ == "pcomp" and head.lower_ == "to" else head if verb.dep_ == "acl" else None
        if pledge is not None and pledge.dep_ == "dobj" and pledge.lemma_.lower() in word_list("commitment_nouns"):
            # "reiterated its commitment to support the police": who reiterates it
            return self._sources(pledge.head)[0], True
        controller = head.head if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ not in ("of", "for") \
            else head if verb.dep_ == "xcomp" else None
        if controller is not None and is_passive(controller) \
                and not any(c.dep_ == "agent" for c in controller.children):
            # "Trump and Xi have been expected to sign a trade deal", "Mueller was tasked with
            # investigating Russian collusion": the passive subject does it ("was accused of X-ing" is
            # the accusation's content, as for "accused X of")
            return [a for c in controller.children if c.dep_ == "nsubjpass" for a in self._arguments(c)], True
        if verb.dep_ == "xcomp":
            for child in head.children:
                if head.lemma_.lower() in word_list("object_control") and child.dep_ in ("dobj", "dative"):
                    return self._arguments(child), True
                if head.lemma_.lower() in word_list("object_control") and child.dep_ == "prep" \
                        and child.lower_ in ("on", "upon"):
                    return [a for p in child.children if p.dep_ == "pobj" for a in self._arguments(p)], True
            return self._sources(head)[0], True
        if verb.dep_ == "conj" and is_passive(head):
            # "X has been indicted by the court and will resign": the shared subject, not the agent
            return [a for c in head.children if c.dep_ == "nsubjpass" for a in self._arguments(c)], True
        if verb.dep_ in ("conj", "acomp"):  # "... and sent aid", "is ready to send troops"
            return self._sources(head)[0], True
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            governor = head.head
            if head.lower_ in ("of", "for") and (any(c.dep_ == "dobj" for c in governor.children)
                                                 or is_passive(governor)):
                # "accused X of fuelling": X is the subject, already the target (and "Russia was
                # accused by the United States of invading Ukraine" is no US invasion)
                return [], False
            if governor.pos_ in ("VERB", "AUX"):
                return self._sources(governor)[0], True
            if governor.dep_ == "acomp" and governor.head.pos_ in ("VERB", "AUX"):
                # "X and Y are guilty of violating the ceasefire", "X is responsible for killing Y"
                return self._sources(governor.head)[0], True
        if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(c.lower_ == "to" and c.dep_ == "aux"
                                                               for c in verb.children)):
            # "Upon receiving X, Putin ...", "struck to protest against X"; a past participle names no
            # doer, it says what was done to someone ("Arrested in 2017, he ...", "the party, now banned")
            return self._sources(head)[0], True
        return [], False

    def _targets(self, verb: Token, code: str, sources: Sequence[Argument]) -> list[Argument]:
        """The actors ``verb`` acts on: passive subject, indirect and direct objects, prepositional objects."""
        heads: list[Token] = []
        children = list(verb.children)
        if is_passive(verb):
            heads.extend(c for c in children if c.dep_ == "nsubjpass")
        heads.extend(c for c in children if c.dep_ == "dative" and c.pos_ != "ADP")
        for c in children:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                heads.extend(p for p in c.children if p.dep_ == "pobj")
        objects = [c for c in children if c.dep_ in ("dobj", "attr", "oprd")]
        if not objects:
            # "denounced as an ugly crime Serbia's suppression of ...": the object shifted after "as X"
            objects = [a for c in children if c.dep_ == "prep" and c.lower_ == "as"
                       for p in c.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
        if not objects:
            # "negotiations, which the United States stands ready to support": the parser hangs the
            # relative pronoun on the relative clause's first verb; it is the object of the last
            clause = verb
            while clause.dep_ in ("xcomp", "acomp") and clause.head.i != clause.i:
                clause = clause.head
            if clause is not verb and clause.dep_ == "relcl" and any(
                    c.dep_ in ("dobj", "dep") and c.tag_ in ("WDT", "WP") for c in clause.children):
                objects = [clause.head]
        # "found the regime guilty" parses as a small clause: its subject is the object
        objects.extend(s for c in children if c.dep_ == "ccomp" and c.pos_ == "ADJ"
                       for s in c.children if s.dep_ == "nsubj")
        object_preps = [c for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
        if code[:2] == "15":  # "deployed troops to the border": the object is what is mobilised
            objects = []
            heads = [h for h in heads if h.dep_ == "pobj"]  # "sent peacekeepers to Iraq" (dative "to")
        speech = code[:2] == "01"
        giving = code[:2] == "07" or code.startswith(("033", "0842")) or verb.lemma_.lower() in (
            word_list("giving_verbs") | word_list("moving_verbs") | word_list("sending_verbs"))
        # the source's own object ("withdraw its troops from X") is a target only failing any other
        own = [o for o in objects if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS and not is_circumstance(c)]
        if verb.lemma_.lower() in word_list("moving_verbs") or code.startswith("087"):
            # "withdrew the batch of 200 peacekeepers from Liberia", "completed its withdrawal of
            # troops from Iraq": where they are moved from, however deep in the object
            heads.extend(p for o in objects for t in phrase_tokens(o) if t.dep_ == "prep" and t.lower_ == "from"
                         for p in t.children if p.dep_ == "pobj")
        if code[:2] == "04":
            # "discussed Libya with Trump": one consults with a party about a topic
            heads.extend(p for c in preps if c.lower_ == "with" for p in c.children if p.dep_ == "pobj")
        if not giving:
            heads.extend(o for o in objects if o not in own)
        # "kidnapped up to 16 Russian advisers": the parser hangs the phrase on the particle
        preps.extend(p for c in children if c.dep_ == "prt" for p in c.children
                     if p.dep_ == "prep" and p.lower_ in TARGET_PREPS)
        stray = stray_recipient(verb)
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
                heads.extend(orphan_object(verb, prep))
        if code[:2] == "08":
            # "gave approval for the United Nations to deliver aid": whom the concession lets act
            heads.extend(sub for c in children if is_for_clause(c) for sub in c.children if sub.dep_ == "nsubj")
        # "would allow the WFP to deliver food" parsed with the WFP as subject of "to deliver"
        # ("allow UN aid workers expanded access": a bare complement after a verb of letting)
        heads.extend(s for c in children if c.dep_ in ("ccomp", "xcomp") and (
            is_infinitival(c) or verb.lemma_.lower() in word_list("letting_verbs"))
            for s in c.children if s.dep_ == "nsubj")
        if giving:  # "contributed troops to X", "gave Y $5m": what is given is no target
            heads.extend(objects)
        else:
            heads.extend(own)
        # (whatever people are sent to do, where they are sent stands for its country)
        place_targets = code[:2] in PLACE_TARGET_ROOTS or verb.lemma_.lower() in word_list("sending_verbs") or (
            verb.lemma_.lower() == "seek" and any(o.lemma_.lower() in word_list("refuge_nouns") for o in objects))
        found = self._first_arguments(heads, sources, place_targets, speech, generic=False)
        if not found and code[:2] in ("02", "10"):
            # "demanded parties to the conflict in Iraq to allow ...": the country the appeal is about
            # (not a place the appeal is made in: "told reporters in Geneva")
            found = self._deep_place([h for h in heads if h.dep_ == "dobj" or (
                h.dep_ == "pobj" and h.head.lower_ not in ("in", "at"))], sources)
        if not found and self.generic_arguments:
            found = self._first_arguments(heads, sources, place_targets, speech, generic=True)
        return found

    def _first_arguments(self, heads: list[Token], sources: Sequence[Argument], place_targets: bool, speech: bool,
                         generic: bool) -> list[Argument]:
        for head in heads:
            clause = head.head
            while head.tag_ in ("WP", "WDT") and clause.dep_ in ("xcomp", "acomp") and clause.head.i != clause.i:
                clause = clause.head  # "the Afghan government, which Germany is willing to fund"
            if head.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
                head = clause.head  # "members of his government, whom they had taken hostage"
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

    def _receiving_parties(self, noun: Token, verb: Token) -> tuple[list[Argument], list[Argument]]:
        """Who does what an event noun names to the subject of ``verb`` ("faced", "came under"):
        "The United States faced stiff international and Palestinian criticism" is Palestinian
        criticism of the United States; "drew condemnation from Britain" Britain's; "is under
        investigation by federal prosecutors". The doer is named "from X" or "by X", or as the noun's
        modifier; the subject of the verb of receiving is the target."""
        targets, _ = self._sources(verb)
        sources = [a for prep in (*noun.children, *verb.children)
                   if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by")
                   for p in prep.children if p.dep_ == "pobj" for a in self._arguments(p, avoid=targets)]
        if not sources:
            sources = [a for c in noun.children if c.dep_ in ("amod", "compound", "poss")
                       for m in (c, *c.conjuncts) for a in self._arguments(m, avoid=targets)]
        return sources, targets

    def _holders(self, verb: Token) -> list[Argument]:
        """Who held those a passive ``verb`` frees, named in a clause on them: "An Australian professor
        held by the Taliban since 2016 was freed", "hostages who had been held by the Taliban"."""
        released = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return [a for person in released for clause in person.children
                if clause.dep_ in ("acl", "relcl") and clause.tag_ == "VBN"
                for agent in clause.children if agent.dep_ == "agent"
                for p in agent.children if p.dep_ == "pobj" for a in self._arguments(p, avoid=())]

    def _swapped_back(self, verb: Token) -> list[tuple[Argument, Argument]]:
        """The other release of a swap: "the Taliban swapped two Western hostages for three of its
        commanders held by the Afghan government" -- the Afghan government releases the commanders."""
        if verb.lemma_.lower() not in word_list("swapping_verbs"):
            return []
        found: list[tuple[Argument, Argument]] = []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
            for held in (p for p in prep.children if p.dep_ == "pobj"):
                holders = [a for t in held.subtree if t.dep_ == "acl" and t.tag_ == "VBN"
                           for g in t.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                           for a in self._arguments(p)]
                captives = self._arguments(held, avoid=holders, target=True) or \
                    self._inner_arguments(held, avoid=holders)
                found.extend((h, c) for h in holders[:1] for c in captives)
        return found

    def _content_targets(self, verb: Token, sources: Sequence[Argument]) -> list[Argument]:
        """The target inside what was promised, demanded or threatened: "threatened to attack X",
        "demanded that X extradite ..." (the subject of the demanded act)."""
        for child in verb.children:
            if child.dep_ == "xcomp":
                inner = self.verbs.match(child.lemma_.lower(), [], self._forms(self._after(child)))
                found = self._targets(child, inner.cameo if inner else "000", sources)
                if found:
                    return found
            clauses = [child] if (child.dep_ == "ccomp" and verb.lemma_.lower() not in word_list("speech_verbs")) \
                or is_for_clause(child) else []
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
        """The first actors named as subject or object in ``clauses`` (an event noun's purpose), or
        as the modifier of one ("independence from Indonesian rule")."""
        for clause in clauses:
            for token in clause.subtree:
                if token.i in self.token_actor and token.dep_ in deps:
                    found = self._arguments(token, avoid=sources)
                elif token.i not in self.token_actor and token.dep_ in deps and token.pos_ == "NOUN":
                    found = [a for c in token.children
                             if c.dep_ in ("amod", "compound", "poss") and c.i in self.token_actor
                             for a in self._arguments(token, avoid=sources)][:1]
                else:
                    continue
                if found:
                    return found
        return []

    def _deep_parties(self, heads: Sequence[Token], sources: Sequence[Argument]) -> list[Argument]:
        """The first actor anywhere inside the objects of a violent act that names no actor at its
        head: "attacked a Daesh explosives factory", "captured two towns south of the capital Tripoli"."""
        for head in heads:
            for token in head.subtree:
                if token.i in self.token_actor and not in_dateline(token):
                    found = self._arguments(token, avoid=sources)
                    if found:
                        return found
        return []

    def _is_party(self, party: Argument) -> bool:
        """Whether a target the actors stage found is an actor at all: one it knows (a code or a
        country) is; a name it does not know is not when it is only a topic ("failing to answer a
        question about Brexit")."""
        ref = party.ref
        if party.generic or ref.code is not None or ref.country is not None or ref.actor is None:
            return True
        return not (party.token.dep_ == "pobj" and party.token.head.lower_ in ("about", "regarding", "concerning"))

    def _is_place(self, party: Argument) -> bool:
        """Whether ``party`` is a geocoded place standing for its country, not an actor."""
        return party.ref.actor is None and any(p.start == party.ref.start and p.end == party.ref.end
                                               for p in self.places)

    def _deep_place(self, heads: Sequence[Token], sources: Sequence[Argument]) -> list[Argument]:
        """The first geocoded place inside the objects of a deployment or a violent act that names
        no actor: "remained on alert in Manila", "struck a camp in Pakistan" are aimed at its country."""
        for head in heads:
            for token in phrase_tokens(head):
                place = self.context.place_at(token.idx)
                if place is not None and not in_dateline(token) and not any(
                        s.ref.start <= place.start < s.ref.end for s in sources):
                    return [Argument(place_ref(place), token)]
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
            if clause.dep_ in ("xcomp", "advcl") and clause.lemma_.lower() in word_list("helping_verbs"):
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
                    inner = next((c for c in prep.children if (c.dep_ == "agent" and wanted == "by")
                                  or (c.dep_ == "prep" and c.lower_ == wanted)), None)
                    if inner is None:
                        continue
                    prep = inner
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
        if not agent_only and depth == 0 and head.lemma_.lower() in word_list("proposal_nouns"):
            # "an invitation to attend a meeting of Palestinian factions", "a proposal to hold talks
            # with X": the party of the act the phrase proposes
            for clause in head.children:
                if clause.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                    for obj in object_heads(clause, {"with", "to", "of", "against"}):
                        found = self._arguments(obj, generic=generic, avoid=avoid) or \
                            self._inner_arguments(obj, generic, avoid, depth + 1)
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
        # a place is no phrase an actor hides in ("from Syria, Defence Minister Shoigu said": a misparse)
        located = self.context.place_at(head.idx) is not None
        if actors is None and not located:
            for child in head.children:  # "Colombian ambassador", "the ambassador, Héctor Arenas"
                if child.dep_ in ("compound", "amod", "appos", "nmod", "poss") and child.i in self.token_actor:
                    noun_code = self.verbs.noun_code(head.lemma_.lower()) or ""
                    if child.dep_ in ("poss", "compound", "amod", "nmod") and noun_code[:2] in GIVING_ROOTS and any(
                            a.country is not None and a.country in self._avoided_countries(avoid)
                            for a in self.token_actor[child.i]):
                        # "promised Washington's support for X", "withheld US military aid to Ukraine":
                        continue  # the giver's side, not the target
                    if target and child.dep_ in ("compound", "nmod") \
                            and head.lemma_.lower() not in word_list("agent_nouns") | role_kinds().keys() \
                            and all(a.code is None and a.country is None for a in self.token_actor[child.i]):
                        # a name the dictionary does not know, naming a thing, is no target: "paid a
                        # visit to the city's Hoa Lo prison", "visited the U.S.-Mexico border"
                        continue
                    actors = self.token_actor[child.i]
                    if child.dep_ == "appos":  # "The two largest powers in the region – Saudi Arabia and Iran –"
                        actors = actors + [a for c in child.conjuncts for a in self.token_actor.get(c.i, ())
                                           if a not in actors]
                    break
        if actors is None and head.lemma_.lower() in word_list("group_heads"):
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
        if actors is None and head.lemma_.lower() in word_list("owned_states"):
            owned = self._owned_state(head, avoid)
            if owned is not None:
                return [owned]
        if actors is None or all(a.country is None for a in actors):
            antecedent = self._antecedent(head, avoid)
            in_sentence = antecedent is not None and head.sent.start_char <= antecedent.start < head.sent.end_char
            if antecedent is not None and actors is None and in_sentence:
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
            words = [head, *(c for c in head.children if c.dep_ in ("compound", "nmod", "amod", "poss")),
                     *(p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj")]
            if head.dep_ == "pobj" and head.head.lower_ in ("to", "into"):
                words.extend(phrase_tokens(head))  # "sent inspectors to the plant in central Iran"
            place = next((p for t in words if (p := self.context.place_at(t.idx)) is not None), None)
            if place is not None:
                return [Argument(place_ref(place), head)]
        if not generic or head.ent_type_ in NOT_AGENTS or head.pos_ not in ("PROPN", "NOUN"):
            return []
        agent = head.lemma_.lower() in word_list("agent_nouns") or head.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        if head.pos_ == "NOUN" and not agent and not target:  # any thing may be acted on; only agents act
            return []
        span = self._phrase(head)
        return [Argument(ActorRef(span.text, span.start_char, span.end_char, None, None, None, span.text), head, True)]

    def _avoided_countries(self, avoid: set[str]) -> set[str]:
        """The countries of the actors ``avoid`` names (the other side of the event)."""
        return {a.country for actors in self.token_actor.values() for a in actors if a.id in avoid and a.country}

    def _owned_state(self, head: Token, avoid: set[str]) -> Argument | None:
        """"his country", "her government": the state of the person the possessive names."""
        pronoun = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        owner = self._antecedent(pronoun, avoid) if pronoun is not None else None
        if owner is None or owner.country is None:
            return None
        span = self._phrase(head)
        sector = "GOV" if head.lemma_.lower() == "government" else None
        ref = ActorRef(span.text, span.start_char, span.end_char, owner.country, sector,
                       owner.country + (sector or ""), span.text, None)
        return Argument(ref, head)

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
        role = "country" in role_kinds().get(head.lemma_.lower(), ()) and all(
            t.dep_ in ("det", "poss", "punct") for t in self._phrase(head) if t.i != head.i)
        if not (pronoun or role):
            return False
        other = self._avoided_countries(avoid)
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
        elif (head.lemma_.lower() in role_kinds()
              and self._phrase(head)[0].lower_ in ("the", "his", "her", "its", "their")):
            kinds = role_kinds()[head.lemma_.lower()]
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
            subjects = [a for a in before if any(self.doc[i].dep_ in ("nsubj", "nsubjpass")
                                                 and self.doc[i].head.pos_ in ("VERB", "AUX")
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

    def _misparsed_relative(self, verb: Token) -> list[Argument]:
        """The actor right before a subjectless clause opened by "that", which the parser took for a
        complement clause: "outraged by the Trump administration that at last fulfilled their wildest
        agendas: ..., arming Ukraine" (the administration fulfils them)."""
        noun = described_noun(verb) if verb.dep_ == "ccomp" else None
        return self._arguments(noun) if noun is not None and noun.i in self.token_actor else []

    def _dashed_subject(self, verb: Token) -> list[Argument]:
        """Actors named between dashes right before a verb with no subject: "The only two Arab states to
        have signed peace treaties with Israel - Egypt and Jordan - also sharply criticised the US policy
        shift" (the parser hangs "Egypt and Jordan" on "Israel", and the subject on "signed")."""
        doc, start = verb.doc, verb.sent.start
        i = verb.i - 1
        while i >= start and doc[i].dep_ in ("advmod", "aux", "auxpass", "neg"):
            i -= 1
        if i <= start or doc[i].text not in DASHES:
            return []
        end = i
        i -= 1
        while i >= start and doc[i].text not in DASHES:
            i -= 1
        inner = doc[i + 1:end]
        if i < start or not len(inner) or any(t.i not in self.token_actor and t.pos_ not in ("CCONJ", "DET", "PUNCT")
                                              for t in inner):
            return []
        found: list[Argument] = []
        for token in inner:
            for actor in self.token_actor.get(token.i, ()):
                if all(a.ref.actor != actor.id for a in found):
                    found.append(Argument(self._ref(actor, verb.sent), token))
        return found

    def _ref(self, actor: Actor, sent: SpacySpan) -> ActorRef:
        start = max(actor.start, sent.start_char)
        end = min(actor.end, sent.end_char)
        text = self.text[start:end]
        return ActorRef(text, start, end, actor.country, actor.sector, actor.code, actor.name, actor.id)

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
             and not ref.start <= p.start < ref.end and not self._speakers_place(p)), None)
        after = party.token.doc[party.token.i + 1] if party.token.i + 1 < len(party.token.doc) else None
        within = [a.country for p in (after.children if after is not None and after.lower_ == "in" else ())
                  if p.dep_ == "pobj" for a in self.token_actor.get(p.i, ()) if a.country is not None]
        country: str | None
        if within:  # "hates radical Muslims in government" (however the parser hangs "in government")
            country = within[0]
        elif place is not None:
            country = place.country
        elif other.ref.sector in DOMESTIC_AUTHORITIES and other.ref.country is not None \
                and ref.sector not in ENVOY_SECTORS:
            country = other.ref.country
        else:
            return party
        code = country + (ref.sector or "")
        return Argument(replace(ref, country=country, code=code), party.token, party.generic)

    def _speakers_place(self, place: Place) -> bool:
        """Whether ``place`` locates who reports the event, not the event ("..., relief officials in
        Nairobi said"): it sits in the subject of a verb of saying."""
        span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            return False
        return any(a.dep_ in ("nsubj", "nsubjpass") and a.head.lemma_.lower() in word_list("speech_verbs")
                   for a in (span.root, *span.root.ancestors))

    def _sentence_place(self, sent: SpacySpan, sources: Sequence[Argument]) -> list[Argument]:
        """The first geocoded place of the sentence outside the source: a protest, threat or
        coercion with no one named is aimed at the country where it happens ("demonstrated in the
        city of Kirkuk")."""
        # (nor in the source's own apposition: "Former President Barack Obama, the most popular
        # Democrat in America, ... by warning candidates")
        owned = {t.idx for s in sources for a in s.token.children if a.dep_ == "appos" for t in a.subtree}
        for place in self.places:
            if sent.start_char <= place.start < sent.end_char and not self._speakers_place(place) and not any(
                    s.ref.start <= place.start < s.ref.end for s in sources) and place.start not in owned:
                span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
                if span is not None:
                    return [Argument(place_ref(place), span[-1])]
        return []


def place_ref(place: Place) -> ActorRef:
    """A geocoded place as an event's target: it stands for its country."""
    return ActorRef(place.text or place.name, place.start, place.end, place.country, None, place.country,
                    place.name)


def same_side(one: ActorRef, other: ActorRef) -> bool:
    """Whether two actors belong to one party: the same country, or the same organisation."""
    if one.country is not None:
        return one.country == other.country
    return one.code is not None and other.code is not None and one.code[:6] == other.code[:6]


def same_actor(source: ActorRef, target: ActorRef) -> bool:
    if source.actor is not None and source.actor == target.actor:
        return True
    if source.start == target.start and (source.actor is None or target.actor is None or source.code == target.code):
        return True  # one phrase may name two actors ("Nigerian and British armed forces"): not the same
    # Same code and name: one actor named twice ("Iraq ... Iraq"); two people of one country
    # ("Ford pardoned Nixon", both "USA") are two actors.
    return source.code is not None and source.code == target.code and source.name == target.name
