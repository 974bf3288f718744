"""The closed class of English auxiliaries, and whether a verb's own auxiliaries make it future.

One list for every stage: the events stage reads a future or hypothetical mode off them ("Russia
will attack", "Russia could attack"), the when stage a future or past tense ("will sign" is not a
past event of the story), the events coder a refused act ("will not lift the ban"). "wo" is the
first half of "won't" as the tokenizer splits it, "'ll" of "we'll".
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["COUNTERFACTUAL", "FUTURE", "HYPOTHETICAL", "PAST", "PERFECT", "REFUSING", "auxiliaries"]

FUTURE = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL = frozenset({"may", "might", "could", "would", "should", "can", "must"})
# "would have targeted", "should have stopped": with "have" and a participle, what did not happen
COUNTERFACTUAL = frozenset({"would", "'d", "should"})
PAST = frozenset({"had", "has", "have", "was", "were", "did"})
PERFECT = frozenset({"had", "has", "have", "'d", "'ve"})
# "will not lift the ban", "would not meet", "won't": the auxiliaries of a refusal when negated
REFUSING = FUTURE | {"would"}


def auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries hanging on ``verb`` ("will" and "be" of "will be signed")."""
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]

