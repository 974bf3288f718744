"""The fast attribute ruler and lemmatizer give every token the POS, morphology and lemma that the
model's own components give."""

from __future__ import annotations

from diplograph._attributes import FastAttributeRuler, FastLemmatizer

# Real news sentences holding what the model's span rules and lemma exceptions are for: "there are"
# (expletive "there" + "are": VERB), "gonna", contractions, plural and irregular forms.
NEWS = (
    "There are reports that the ministers were gonna meet, but they didn't. "
    "Let's be clear, y'all: the talks got nowhere, officials said on Tuesday.\n"
    "Turkey's foreign ministry summoned the envoys, saying the strikes were carried out by militias "
    "hiding in the mountains. Children, women and geese fled as the fighting worsened."
)


def _attributes(doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_fast_components_take_the_model_components_places(model_and_fast) -> None:
    model, fast = model_and_fast
    assert fast.pipe_names == model.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)


def test_every_token_gets_the_model_components_attributes(model_and_fast, seed_text: str) -> None:
    model, fast = model_and_fast
    for text in (NEWS, seed_text):
        expected = _attributes(model(text))
        assert _attributes(fast(text)) == expected
        assert _attributes(fast(text)) == expected  # and again, from the caches


def test_span_rules_still_apply(model_and_fast) -> None:
    _, fast = model_and_fast
    doc = fast("There are reports that they were gonna meet.")
    assert doc[1].pos_ == "VERB"  # expletive "there" + "are"
    assert [t.lemma_ for t in doc[6:8]] == ["go", "to"]  # "gonna"


def test_the_pipeline_uses_the_fast_components(nlp) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
