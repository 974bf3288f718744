"""One list of future auxiliaries: the when stage's tense and the coder's refusals read the same."""

from __future__ import annotations

import pytest

from diplograph.events.coder import refusal_code
from diplograph.lexicon.auxiliaries import FUTURE, auxiliaries
from diplograph.when.component import tense_of


def _root(nlp, text: str):
    return next(t for t in nlp(text) if t.dep_ == "ROOT")


@pytest.mark.parametrize("text", [
    "The ministers won't sign the accord in Geneva.",
    "We'll meet the envoy on Friday.",
    "Iran shall not lift the ban on imports.",
])
def test_future_auxiliary_makes_the_tense_future(nlp, text):
    verb = _root(nlp, text)
    assert any(a.lower_ in FUTURE for a in auxiliaries(verb))
    assert tense_of(verb) == "future"


@pytest.mark.parametrize("text", [
    "Iran will not lift the ban on imports.",
    "Iran shall not lift the ban on imports.",
    "Iran won't lift the ban on imports.",
])
def test_refusing_a_cooperative_act_with_any_future_auxiliary_is_a_rejection(nlp, text):
    assert refusal_code("081", _root(nlp, text)) == "1241"


def test_past_act_is_not_future(nlp):
    assert tense_of(_root(nlp, "Iran lifted the ban on imports.")) == "past"
