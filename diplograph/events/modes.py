"""What a sentence claims about an event: asserted, negated, hypothetical, future, or a question.

Read from the trigger's own clause (its auxiliaries, negation, "if", a question mark) and from the
verbs and adjectives that govern it ("plans to attack", "refused to meet", "may consider", "is likely
to have", "expected to sign"), because "Russia did not attack Ukraine" and "Russia could attack
Ukraine" must not count as attacks. "would have" with a past participle is hypothetical, never the
future of a report. A clause of its own below the governing one (a conjunct or an adverbial clause
with its own tense: "will deplore that decision and were rightly repelled when a man was set on
fire") keeps its own mode: the governing clause's future or negation is not its. A purpose clause
of an act done to something ("used every trick to put pressure on us") is hypothetical unless a
governing clause says more; after an intransitive verb it tells the result ("rallied to defeat").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.auxiliaries import FUTURE, HYPOTHETICAL

__all__ = ["event_mode"]

FUTURE_HEADS = {"plan", "intend", "prepare", "aim", "schedule", "set", "go", "vow", "pledge", "promise",
                "ready", "willing", "prepared", "swear"}
PLEDGING_HEADS = {"vow", "swear", "pledge", "promise"}
HYPOTHETICAL_HEADS = {"want", "hope", "wish", "consider", "seek", "try", "attempt", "propose", "offer",
                      "threaten",
                      # adjectives of likelihood: "Horowitz is likely to have more criminal referrals"
                      "likely", "unlikely", "possible", "able", "poised", "bound",
                      # what others expect is not yet said to happen: "have been expected to sign a deal"
                      "expect"}
NEGATING_HEADS = {"fail", "refuse", "decline", "deny", "avoid", "stop"}
NEGATIVE_DETERMINERS = {"no", "neither", "never", "nobody", "none"}


def _clause_children(token: Token) -> list[Token]:
    deps = ("aux", "auxpass", "neg", "mark", "advmod", "nsubj", "nsubjpass")
    return [child for child in token.children if child.dep_ in deps]


def _reported_past(verb: Token) -> bool:
    """Whether ``verb`` is the content of a past-tense report ("X said ... would ...")."""
    return verb.dep_ == "ccomp" and verb.head.tag_ == "VBD" and not any(
        c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)


def _counterfactual(verb: Token) -> bool:
    """A modal with "have" and a past participle: "would have been", "could have stopped"."""
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("have", "'ve")
                                      for c in verb.children)


def _own_tense(verb: Token) -> bool:
    """Whether ``verb`` heads a finite clause of its own (past or present tense, or an auxiliary)."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def _local_mode(verb: Token) -> str | None:
    """The mode the verb's own auxiliaries and negation give, or None when they say nothing."""
    negated = hypothetical = future = False
    for child in _clause_children(verb):
        lower = child.lower_
        if child.dep_ == "neg" or lower in ("never", "not", "n't"):
            negated = True
        elif lower == "longer" and any(c.lower_ == "no" for c in child.children):
            negated = True  # "will no longer tolerate rallies"
        elif child.dep_ in ("aux", "auxpass") and lower in HYPOTHETICAL and _counterfactual(verb):
            hypothetical = True  # "would then have claimed", "might have attacked": did not happen
        elif child.dep_ in ("aux", "auxpass") and lower == "would" and _reported_past(verb):
            future = True  # "said it would free the prisoners": the future seen from the past
        elif child.dep_ in ("aux", "auxpass") and lower in HYPOTHETICAL:
            hypothetical = True
        elif child.dep_ in ("aux", "auxpass") and lower in FUTURE:
            future = True
        elif child.dep_ == "mark" and lower in ("if", "unless", "whether"):
            hypothetical = True
        elif child.dep_.startswith("nsubj") and any(
            t.lower_ in NEGATIVE_DETERMINERS
            for t in (child, *child.children) if t.dep_ in ("det", "nsubj", "nsubjpass")
        ):
            negated = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future:
        return "future"
    return None


def event_mode(trigger: Token) -> str:
    """The mode of the event whose trigger (verb or event noun) is ``trigger``."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("ROOT",) and verb.head.i != verb.i:
        verb = verb.head
    if (verb.sent.text.rstrip().rstrip("\"”’'").endswith("?") and verb.dep_ == "ROOT") or any(
        child.dep_ == "mark" and child.lower_ == "whether" for child in verb.children
    ):
        return "question"
    mode = _local_mode(verb)
    if mode:
        return mode
    # Verbs that govern this one: "plans to attack", "refused to meet", "could try to invade".
    node = verb
    purpose = False  # "used every trick ... to put pressure on us": what it is for, not yet done
    while node.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp", "acomp") and node.head.i != node.i:
        if node.dep_ in ("conj", "advcl") and _own_tense(node) and node.tag_ != "VB":
            break  # "... and were rightly repelled when a man was set on fire": its own clause
        head = node.head
        # "have sworn to fight", which the parser may hang as a purpose clause
        pledged = node.dep_ == "advcl" and head.lemma_.lower() in PLEDGING_HEADS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ in ("xcomp", "acomp", "pcomp") or (node.dep_ == "advcl" and head.lemma_ == "be") or pledged:
            lemma = head.lemma_.lower()
            if lemma in NEGATING_HEADS:
                return "negated"
            if lemma in FUTURE_HEADS or (lemma == "go" and any(c.dep_ == "aux" for c in head.children)):
                return "future"
            if lemma in HYPOTHETICAL_HEADS:
                return "hypothetical"
        # (only after an act done to something: "rallied to defeat Japan" tells the result)
        purpose = purpose or (node.dep_ == "advcl" and not pledged and head.lemma_ != "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and not any(
            c.dep_.startswith("nsubj") for c in node.children) and any(c.dep_ == "dobj" for c in head.children))
        if node.dep_ == "ccomp" and head.lemma_.lower() == "deny":
            return "negated"
        mode = _local_mode(head)
        if mode and node.dep_ != "ccomp":
            return mode
        if node.dep_ == "ccomp":
            break
        node = head
    return "hypothetical" if purpose else "asserted"
