"""Via-chains: the outlets and agencies through which a quote reached the article.

"according to the state media RT and also reported by the Efe agency" gives ["RT", "Efe"]; "he quoted
RT" and "citing RT" give ["RT"]. The outlet is named by its proper name where the phrase has one
("the Efe agency" -> "Efe"), nearest to the quote first.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..lexicon.cues import load_cues
from ..model import Actor
from .indirect import Cue, cites_content, words

__all__ = ["outlet_name", "via_phrases"]


def outlet_name(head: Token, actors: Sequence[Actor]) -> str:
    """The name of the outlet a phrase refers to: a media actor, else its proper nouns, else the phrase."""
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    for actor in actors:
        if actor.start < end and start < actor.end and actor.kind == "media":
            return actor.name
    tokens = [t for t in head.subtree if t.pos_ != "PUNCT"]
    proper = [t for t in tokens if t.pos_ == "PROPN" and t.i <= head.i + 3]
    if proper:
        run = [proper[-1]]
        for token in reversed(proper[:-1]):
            if token.i == run[0].i - 1:
                run.insert(0, token)
        return " ".join(t.text for t in run)
    words = [t for t in tokens if t.dep_ not in ("det", "cc", "conj") and t.i <= head.i]
    return " ".join(t.text for t in words) or head.text


def via_phrases(sentence: SpacySpan, cues: Sequence[Cue]) -> list[Token]:
    """Heads of the phrases naming outlets in a sentence: via-cue objects and "according to" outlets.

    ``cues`` are the sentence's "according to" cues judged to be via (not the speaker's own cue).
    """
    via_lemmas = load_cues().get("via", frozenset())
    heads: list[Token] = [c.subject for c in cues if c.subject is not None]
    pos, _, lemmas = words(sentence.doc)
    for i in range(sentence.start, sentence.end):
        if lemmas[i] not in via_lemmas or pos[i] not in ("VERB", "AUX"):
            continue
        token = sentence.doc[i]
        if cites_content(token):
            continue  # "Clinton cited derogatory comments": what is attributed, not an outlet
        for child in token.children:
            if child.dep_ == "agent":
                heads.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("dobj", "pobj") and token.lemma_.lower() != "report":
                heads.append(child)  # "he quoted RT", "citing Efe"
            elif child.dep_ == "nsubj" and token.lemma_.lower() == "report" and child.i < token.i:
                heads.append(child)  # "..., RT reported."
    return heads
