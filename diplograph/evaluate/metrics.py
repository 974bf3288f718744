"""Scoring arithmetic shared by every gold set: span matching, precision/recall/F1, per-class tables.

Pure functions on plain values (offsets, labels, counts) so that each can be checked by hand in a
unit test, apart from any pipeline run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "ClassScore",
    "accuracy",
    "content_tokens",
    "macro_f1",
    "per_class_table",
    "prf",
    "spans_match",
]

_WORD = re.compile(r"\w+(?:[-.]\w+)*")  # "U.S", "al-Assad"; "Iran's" is "Iran" + "s"

# Words that never name an actor on their own: a predicted span that shares only these with a gold
# span ("the", "of", "'s") does not point at the same actor.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "its", "of", "on", "or", "s", "the", "their", "to", "with"}
)


def content_tokens(text: str, start: int, end: int) -> set[tuple[int, int]]:
    """The (start, end) offsets of the content words inside ``text[start:end]``."""
    return {
        (start + m.start(), start + m.end())
        for m in _WORD.finditer(text[start:end])
        if m.group().lower() not in _FUNCTION_WORDS
    }


def spans_match(text: str, gold: tuple[int, int], predicted: tuple[int, int]) -> bool:
    """True when the two spans of ``text`` share (overlap on) at least one content word.

    Gold sets mark whole noun phrases ("Iranian Foreign Minister Mohammad Javad Zarif", "a U.S.
    Supreme Court decision") where the pipeline marks the actor's name or head inside them ("Zarif",
    "U.S. Supreme Court"); a ratio threshold would punish that difference in span style rather than
    a wrong actor, so one shared content word is the test. Sharing only a function word is not.
    """
    predicted_words = content_tokens(text, *predicted)
    return any(a < d and c < b for a, b in content_tokens(text, *gold) for c, d in predicted_words)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; 0.0 where a ratio has nothing to divide."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class ClassScore:
    """One row of a per-class table: a label's precision, recall, F1 and gold support."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


def per_class_table(pairs: Iterable[tuple[str, str]], labels: Sequence[str]) -> list[ClassScore]:
    """Per-label scores over (gold, predicted) label pairs, one row per label in ``labels``.

    A predicted label outside ``labels`` (e.g. "(none)") is a false negative for its gold label and
    counts against no class's precision.
    """
    pairs = list(pairs)
    gold_counts = Counter(g for g, _ in pairs)
    predicted_counts = Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    rows = []
    for label in labels:
        tp = hits[label]
        precision, recall, f1 = prf(tp, predicted_counts[label] - tp, gold_counts[label] - tp)
        rows.append(ClassScore(label, precision, recall, f1, gold_counts[label], predicted_counts[label]))
    return rows


def macro_f1(pairs: Iterable[tuple[str, str]], labels: Sequence[str]) -> float:
    """The unweighted mean F1 over the labels that occur in the gold side of ``pairs``.

    Labels with no gold support are left out: a class the gold set never asks about says nothing
    about how well types are told apart, and would otherwise drag the mean to 0 or 1 by accident.
    """
    rows = [row for row in per_class_table(pairs, labels) if row.support]
    return sum(row.f1 for row in rows) / len(rows) if rows else 0.0


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    """The share of (gold, predicted) pairs that agree; 0.0 for no pairs."""
    pairs = list(pairs)
    return sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
