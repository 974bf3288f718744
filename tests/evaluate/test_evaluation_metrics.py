"""The scoring arithmetic, checked against values worked out by hand."""

from __future__ import annotations

import pytest

from diplograph.evaluate.metrics import accuracy, content_tokens, macro_f1, per_class_table, prf, spans_match

SENTENCE = "Iran's foreign minister condemned a decision of the U.S. Supreme Court on Monday."


def span(words: str) -> tuple[int, int]:
    start = SENTENCE.index(words)
    return start, start + len(words)


def test_a_name_inside_the_gold_noun_phrase_matches():
    assert spans_match(SENTENCE, span("a decision of the U.S. Supreme Court"), span("U.S. Supreme Court"))
    assert spans_match(SENTENCE, span("Iran's foreign minister"), span("Iran"))


def test_sharing_only_function_words_is_no_match():
    assert not spans_match(SENTENCE, span("a decision of the"), span("the U.S."))
    assert not spans_match(SENTENCE, span("Iran's foreign minister"), span("U.S. Supreme Court"))


def test_content_tokens_keep_dotted_abbreviations_whole():
    words = {SENTENCE[a:b] for a, b in content_tokens(SENTENCE, *span("the U.S. Supreme Court"))}
    assert words == {"U.S", "Supreme", "Court"}


def test_prf_from_counts():
    assert prf(3, 1, 2) == pytest.approx((0.75, 0.6, 2 * 0.75 * 0.6 / 1.35))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_per_class_table_counts_predictions_outside_the_labels_as_misses():
    pairs = [("ACCUSE", "ACCUSE"), ("ACCUSE", "REJECT"), ("REJECT", "REJECT"), ("ASSAULT", "(none)")]
    rows = {row.label: row for row in per_class_table(pairs, ["ACCUSE", "REJECT", "ASSAULT", "AID"])}
    assert (rows["ACCUSE"].precision, rows["ACCUSE"].recall, rows["ACCUSE"].support) == (1.0, 0.5, 2)
    assert (rows["REJECT"].precision, rows["REJECT"].recall, rows["REJECT"].predicted) == (0.5, 1.0, 2)
    assert (rows["ASSAULT"].f1, rows["ASSAULT"].support, rows["ASSAULT"].predicted) == (0.0, 1, 0)
    assert rows["AID"].support == 0


def test_macro_f1_averages_the_classes_the_gold_side_has():
    pairs = [("ACCUSE", "ACCUSE"), ("ACCUSE", "REJECT"), ("REJECT", "REJECT")]
    # ACCUSE: p 1, r .5, f1 2/3; REJECT: p .5, r 1, f1 2/3; AID has no gold support: left out
    assert macro_f1(pairs, ["ACCUSE", "REJECT", "AID"]) == pytest.approx(2 / 3)
    assert macro_f1([], ["ACCUSE"]) == 0.0


def test_accuracy():
    assert accuracy([(1, 1), (3, 1), (4, 4), (2, None)]) == 0.5
    assert accuracy([]) == 0.0


def test_a_possessive_is_its_name():
    words = {SENTENCE[a:b] for a, b in content_tokens(SENTENCE, *span("Iran's foreign minister"))}
    assert words == {"Iran", "foreign", "minister"}
