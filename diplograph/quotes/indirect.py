"""Speech cues and what they report: the speech verb, its speaker phrase and its content clause.

Reported speech is read from the dependency parse: a speech verb ("said", "affirmed", "told") whose
clausal complement is the content and whose subject (or, for a coordinated verb, the subject of the
verb it is coordinated with) names the speaker; "X accused Y of ..." reports the "of" phrase; and
"according to X, ..." makes X the speaker of the rest of its clause when no speech verb is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

__all__ = ["CLOSING_MARKS", "Cue", "find_cues", "load_cues", "same_paragraph", "speaker_head"]

_CONTENT_DEPS = ("ccomp", "parataxis")
CLOSING_MARKS = ("”", '"', "»", "''")  # kept at the end of a clause that ends a partial quote
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Cue:
    """One speech cue in a sentence, with the tokens that say who and what."""

    start: int  # char offsets of the cue words
    end: int
    token: Token  # the cue's head word
    subject: Token | None  # head of the speaker phrase, before resolution
    content: tuple[int, int] | None  # char offsets of the reported clause, if any
    according: bool = False  # an "according to X" cue


@lru_cache(maxsize=8)
def load_cues(extra_files: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """Cue lemmas by kind (verb, noun, via) from data/cues.txt and any user files of its form."""
    lines = resources.files("diplograph.data").joinpath("cues.txt").read_text("utf-8").splitlines()
    for path in extra_files:
        with open(path, encoding="utf-8") as handle:
            lines.extend(handle.read().splitlines())
    kinds: dict[str, set[str]] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        kind, lemma = line.split("\t", 1)
        kinds.setdefault(kind.strip(), set()).add(lemma.strip().lower())
    return {kind: frozenset(lemmas) for kind, lemmas in kinds.items()}


def speaker_head(verb: Token) -> Token | None:
    """The subject of a speech verb, looking through coordination and participle clauses."""
    verbs = load_cues().get("verb", frozenset())
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    child = verb.head  # "a diplomat who said ...": the diplomat
                return child if same_paragraph(child, verb) else None
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            head = verb.head
            if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in verbs:
                head = head.head  # "said that X is Y and assured that ...": coordinated with "said"
            verb, seen = head, seen + 1
            continue
        return None
    return None


def _clause(head: Token) -> tuple[int, int]:
    """Char offsets of a clause's subtree, without a leading complementiser and edge punctuation.

    A speech verb the parser hung off the clause ("said that X is Y and assured that ...") ends it,
    with the conjunction before it, and so does a trailing via phrase ("..., citing Reuters").
    """
    cues = load_cues()
    verbs, via = cues.get("verb", frozenset()), cues.get("via", frozenset())
    limit = head.right_edge.i + 1
    for child in head.children:
        if child.i < head.i:
            continue
        if child.dep_ == "conj" and child.lemma_.lower() in verbs:
            joints = [t.i for t in head.children if t.dep_ == "cc" and head.i < t.i < child.i]
            limit = min(limit, child.left_edge.i, *joints)
        elif (child.pos_ == "VERB" and _is_via_use(child, via)) or child.lower_ == "according":
            limit = min(limit, child.left_edge.i)
    tokens = [t for t in head.subtree if t.i < limit and same_paragraph(t, head)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS:
        tokens.pop()
    if not tokens:
        return head.idx, head.idx + len(head.text)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def same_paragraph(a: Token, b: Token) -> bool:
    """Whether no line break separates two tokens (the parser sometimes links across paragraphs)."""
    low, high = sorted((a.i, b.i))
    return "\n" not in a.doc[low : high + 1].text


def _host_clause(verb: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts, without the cue's own words."""
    own = {t.i for t in verb.subtree}
    tokens = [t for t in verb.head.subtree if t.i not in own and same_paragraph(t, verb)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("mark", "cc")):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS:
        tokens.pop()
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _content_of(verb: Token) -> tuple[int, int] | None:
    """Char offsets of what a speech verb reports, or None when it reports no clause."""
    via = load_cues().get("via", frozenset())
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS and same_paragraph(child, verb):
            if _is_via_use(child, via):  # 'said X, Reuters reported': X hangs on "reported"
                inner = [c for c in child.children if c.dep_ in _CONTENT_DEPS and c.i < child.i]
                return _clause(inner[0]) if inner else None
            return _clause(child)
    for child in verb.children:
        to_clause = load_cues().get("to-clause", frozenset())
        if child.dep_ == "xcomp" and child.i > verb.i and verb.lemma_.lower() in to_clause:
            return _clause(child)  # "promised to cut taxes", "urged Congress to act"
    if verb.dep_ == "parataxis" and same_paragraph(verb, verb.head):
        return _host_clause(verb)  # "X, he said, Y": the sentence the cue interrupts
    if verb.lemma_.lower() == "accuse":
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ in ("pcomp", "pobj")]
                return _clause(objects[0] if objects else child)
    return None


def _is_via_use(verb: Token, via: frozenset[str]) -> bool:
    """"reported by Efe", "he quoted RT", "citing RT": the verb names an outlet, not speech."""
    if verb.lemma_.lower() not in via:
        return False
    if verb.lemma_.lower() != "report":
        return True
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if not clauses or (verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)):
        return True
    # 'Erdogan said X, Reuters reported': the parser may hang X on "reported" and "reported" on "said"
    speech = load_cues().get("verb", frozenset()) - {"report"}
    return verb.head.lemma_.lower() in speech and all(c.i < verb.i for c in clauses)


def _unsaid(verb: Token) -> bool:
    """"did not say whether", "declined to say", "no one has said": a cue that reports that
    nothing was said."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for s in subjects for d in s.children):
        return True
    if any(s.lower_ in ("nobody", "none", "neither") for s in subjects):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse")


def find_cues(sentence: SpacySpan) -> list[Cue]:
    """The speech cues of one sentence, in order."""
    cues = load_cues()
    verbs, via = cues.get("verb", frozenset()), cues.get("via", frozenset())
    found: list[Cue] = []
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs and token.dep_ != "amod":
            if _is_via_use(token, via) or _unsaid(token):
                continue
            found.append(
                Cue(token.idx, token.idx + len(token.text), token, speaker_head(token), _content_of(token))
            )
        elif token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            to = token.nbor()
            objects = [c for c in to.children if c.dep_ == "pobj"]
            found.append(
                Cue(token.idx, to.idx + 2, token, objects[0] if objects else None, None, according=True)
            )
    return found
