"""Parse helpers for the event coder: where spaCy's dependency tree hides an argument ("granted
asylum to officers holed up ...", "kidnapped up to 16 advisers"), what a phrase is for, which
clauses are passive, conditional or obligations."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ._words import CLAUSE_DEPS, COMPOUND_PREPS, word_list

__all__ = [
    "cited_reasons", "described_noun",
    "is_circumstance", "is_conditional", "is_for_clause", "is_infinitival", "is_mutual",
    "is_obligation", "is_passive", "is_temporal", "naming_predicate", "object_heads", "orphan_object",
    "phrase_tokens", "purpose_clauses", "received_by", "stray_recipient", "struck_by", "yielding_context",
]


def cited_reasons(verb: Token) -> list[Token]:
    """The "citing X" clauses that give the reason for ``verb``, on it or (the parser often hangs the
    participle on the main clause) on the clause ``verb`` modifies: "They were on the verge of a deal
    when President Trump scuttled the talks in September, citing Taliban violence"."""
    verbs = [verb, *((verb.head,) if verb.dep_ in ("advcl", "conj") else ())]
    return [c for v in verbs for c in v.children if c.dep_ == "advcl" and c.lemma_.lower() == "cite"]


def described_noun(clause: Token) -> Token | None:
    """The noun a relative clause headed by ``clause`` describes, also where the parser took a
    subjectless "that" clause right after the noun for a complement: "outraged by the Trump
    administration that at last fulfilled their wildest agendas" (the administration)."""
    if clause.dep_ == "relcl":
        return clause.head
    if clause.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children):
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i), None)
    if mark is None or mark.i == clause.sent.start:
        return None
    before = clause.doc[mark.i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") else None


def stray_recipient(verb: Token) -> Token | None:
    """The "to" phrase of a giving verb that the parser hung inside its object: "returned dozens of
    artifacts to the Embassy", "returned 12 skulls that date back to A.D. 640 to Peru" (the last
    "to" there), when the verb has no "to" phrase of its own."""
    if verb.lemma_.lower() not in word_list("giving_verbs") | word_list("returning_verbs") or any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "to"
                 and any(p.dep_ == "pobj" for p in t.children) and t.head.lower_ not in COMPOUND_PREPS]
        if found:
            return found[-1]
    # "provide ammunition alongside humanitarian assistance to Turkey": inside another phrase
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ not in COMPOUND_PREPS | {"to"}):
        found = [t for t in phrase_tokens(prep) if t.dep_ == "prep" and t.lower_ == "to"
                 and any(p.dep_ == "pobj" for p in t.children) and t.head.lower_ not in COMPOUND_PREPS]
        if found:
            return found[0]
    return None


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive; "Israel is opposed to X", "is committed to X" (a participle
    of stance with no agent) are states of their subject, read as active."""
    children = list(verb.children)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
        return False
    return verb.lower_ not in word_list("stance_participles") or any(c.dep_ == "agent" for c in children)


def is_conditional(verb: Token) -> bool:
    """Whether ``verb`` is said to happen on a condition ("... if X does Y", "unless X ...")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def is_obligation(clause: Token) -> bool:
    """A clause saying what someone must or should do ("Sudan must return the helicopter")."""
    children = list(clause.children)
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in children) and not any(
        c.dep_ == "neg" for c in children)


def orphan_object(verb: Token, prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty and made the subject of a clause instead:
    "granted asylum to five army officers holed up in ..." ("officers" the subject of "holed")."""
    return [s for c in verb.children if c.i > prep.i and c.dep_ in ("advcl", "ccomp", "relcl")
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == prep.i + 1]


def is_infinitival(clause: Token) -> bool:
    """A "to"-clause with its own subject ("allow X to deliver"): the subject is the verb's object."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and any(
        c.dep_ == "nsubj" and c.i < clause.i for c in clause.children)


def object_heads(head: Token, preps: set[str]) -> list[Token]:
    """The direct objects of ``head`` and the objects of its prepositions in ``preps``, in order."""
    found = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    found.extend(p for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                 for p in c.children if p.dep_ == "pobj")
    return found


def phrase_tokens(head: Token) -> Iterator[Token]:
    """The tokens of ``head``'s phrase in order, without its clauses: "foreigners who fought in
    the east" says nothing of where the granting happens."""
    yield head
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS or child.dep_ in ("conj", "cc", "punct"):
            yield from phrase_tokens(child)


def purpose_clauses(head: Token) -> list[Token]:
    """What ``head`` is done for: its "to" clauses ("struck to demand X") and "in protest at/of X"."""
    found = [c for c in head.children if c.dep_ in ("advcl", "xcomp", "acl")
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    found.extend(c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                 and any(p.lemma_.lower() in ("protest", "defiance") for p in c.children))
    return found


def is_for_clause(token: Token) -> bool:
    """A "for X to do" clause: the content of a demand ("pushing hard for the US to support the plan")."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)


def is_temporal(token: Token) -> bool:
    """A prepositional phrase that only says when ("on Saturday", "in March")."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def yielding_context(verb: Token) -> list[Token]:
    """The phrases that say what a concession or refusal answers: "after deliberations with X",
    "after X accepted the deal", "despite pressure by X" (on the verb or on the verb governing it)."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp"), *((verb.head,) if verb.dep_ == "xcomp" else ())]
    return [c for v in verbs for c in v.children
            if (c.dep_ == "prep" and c.lower_ in ("after", "following", "despite"))
            or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children))]


def received_by(noun: Token) -> Token | None:
    """The verb whose subject undergoes the act an event noun names: "The United States faced stiff
    international and Palestinian criticism" (faced), "Warren was under near-constant attack" (was);
    None when ``noun`` is no such object."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in word_list("receiving_verbs"):
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.dep_ == "prep" \
            and head.head.lemma_.lower() in word_list("undergoing_verbs"):
        return head.head
    return None


def struck_by(noun: Token) -> tuple[Token, Token] | None:
    """The verb through which the act an event noun names strikes someone, and the phrase naming whom:
    "Retaliatory tariffs imposed by China have particularly hurt U.S. farmers" (hurt, farmers),
    "payments to farmers hit by retaliatory Chinese tariffs" (hit, farmers); None otherwise."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.pos_ == "VERB":
        found = next((c for c in head.children if c.dep_ == "dobj"), None)
        return (head, found) if found is not None else None
    if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.dep_ == "acl" and head.head.tag_ == "VBN" \
            and head.head.head.pos_ in ("NOUN", "PROPN"):
        return head.head, head.head.head
    return None


def is_circumstance(prep: Token) -> bool:
    """A "with" phrase that is a clause of its own, not a party: "sharply criticised the US policy
    shift, with Jordanian Foreign Minister Ayman Safadi warning of 'dangerous consequences'" (the
    parser makes "warning" the object of "with", tagged a verb or a noun: a noun in "-ing" whose name
    modifies it is the same clause)."""
    return prep.lower_ == "with" and any(p.dep_ == "pobj" and (p.tag_ == "VBG" or (
        p.tag_ == "NN" and p.lower_.endswith("ing") and any(c.pos_ == "PROPN" for c in p.lefts)))
        for p in prep.children)


def is_mutual(verb: Token) -> bool:
    """Whether ``verb``'s object is "each other" or "one another": its conjoined subjects act on each
    other ("Johnson and Corbyn attacked each other's policies on Brexit")."""
    for head in object_heads(verb, {"with", "against", "on", "at", "to", "of"}):
        for token in phrase_tokens(head):
            if token.lower_ in ("other", "another") and token.i > 0 \
                    and token.doc[token.i - 1].lower_ in ("each", "one"):
                return True
    return False


def naming_predicate(verb: Token) -> tuple[Token, list[Token]] | None:
    """What a verb of naming names and the words it names it with: "called the US sanctions illegal and
    unacceptable" (sanctions; illegal, unacceptable), "viewed Washington's move as a violation of
    international law" (move; violation), "described the annexation as illegal"; None without both."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    predicates.extend(c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN")
                      and any(s.dep_ == "nsubj" for s in c.children))
    if not objects:
        objects = [s for p in predicates for s in p.children if s.dep_ == "nsubj"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        predicates.extend(p for p in prep.children if p.dep_ in ("pobj", "amod", "acomp"))
    if not objects or not predicates:
        return None
    # (a participle naming what the thing does judges it too: "viewed Washington's move as 'another
    # measure contradicting' the legal footing for a peace deal")
    words = [w for p in predicates for w in (p, *p.conjuncts, *(c for c in p.children if c.dep_ == "amod" or (
        c.dep_ == "acl" and c.tag_ == "VBG")))]
    return objects[0], words
