"""Quotes on real news text: the seed article's six quotes, split and multi-paragraph quotes,
scare quotes, and speakers named by pronoun or description."""

from __future__ import annotations

import pytest


def _quote_with(quotes, words):
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.fixture(scope="module")
def seed_quotes(run, seed_text):
    return run(seed_text)._.quotes


@pytest.mark.parametrize(
    ("words", "speaker", "via"),
    [
        ("promising partner of Russia in Latin America", "Putin", ["RT", "Efe"]),
        ("we share the recent words of the new president Petro", "Putin", ["Efe"]),
        ("resolve the post-conflict", "Putin", ["RT"]),
        ("for the sake of maintaining peace", "Putin", ["RT"]),
        ("traditionally been of a friendly character", "Putin", []),
        ("the war on drugs has failed", "Petro", []),
        ("Venezuela is our strategic partner and reliable ally", "Putin", []),
    ],
)
def test_seed_quotes_have_speaker_and_via(seed_quotes, words, speaker, via):
    body = [q for q in seed_quotes if q.start > 100]  # past the headline
    quote = _quote_with(body, words)
    assert quote.speaker is not None
    assert speaker in (quote.speaker.name or quote.speaker.text)
    assert quote.via == via
    assert quote.cue is not None


def test_seed_offsets_point_at_the_text(run, seed_text):
    doc = run(seed_text)
    for quote in doc._.quotes:
        assert doc.text[quote.start : quote.end] == quote.text
        assert doc.text[quote.cue.start : quote.cue.end] == quote.cue.text
        assert doc.text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_fully_quoted_clause_is_direct_and_partial_one_indirect(seed_quotes):
    assert _quote_with(seed_quotes, "the war on drugs has failed").kind == "direct"
    assert _quote_with(seed_quotes, "Venezuela is our strategic partner").kind == "direct"
    partial = _quote_with(seed_quotes, "Colombia is a “promising partner")
    assert partial.kind == "indirect"
    assert partial.speaker.text == "Russian President Vladimir Putin"


def test_the_russian_president_resolves_to_putin(seed_quotes):
    quote = _quote_with(seed_quotes, "resolve the post-conflict")
    assert quote.speaker.text == "The Russian president"
    assert "Putin" in quote.speaker.name
    assert quote.speaker.actor is not None


def test_scare_quote_is_not_a_quote(seed_quotes):
    assert not any(q.text == "allies" for q in seed_quotes)


def test_split_quote_is_two_linked_quotes(run):
    text = (
        "“We will not accept any ultimatum,” Foreign Minister Sergey Lavrov said on Monday, "
        "“and we will respond to every sanction imposed on our country.”"
    )
    quotes = run(text)._.quotes
    assert [q.text for q in quotes] == [
        "We will not accept any ultimatum",
        "and we will respond to every sanction imposed on our country.",
    ]
    assert {q.speaker.text for q in quotes} == {"Foreign Minister Sergey Lavrov"}
    assert {q.cue.start for q in quotes} == {quotes[0].cue.start}


def test_multi_paragraph_quote_is_one_quote(run):
    text = (
        "The foreign minister told reporters in Ankara: “Our position has not changed since the "
        "talks began in March.\n\n"
        "“We will keep the grain corridor open as long as both sides respect the agreement.”\n\n"
        "Officials in Kyiv did not comment."
    )
    quotes = run(text)._.quotes
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Our position has not changed")
    assert quotes[0].text.endswith("respect the agreement.")
    assert quotes[0].speaker.text == "The foreign minister"


def test_pronoun_speaker_resolves_to_previous_person(run):
    text = (
        "German Chancellor Olaf Scholz met the Polish president in Berlin on Friday. "
        "He said that Germany would send more air defence systems to Poland."
    )
    quotes = run(text)._.quotes
    assert len(quotes) == 1
    assert quotes[0].kind == "indirect"
    assert quotes[0].speaker.text == "He"
    assert "Scholz" in quotes[0].speaker.name


def test_according_to_names_the_speaker_without_speech_verb(run):
    text = "According to the Defence Ministry, 40 soldiers were killed near Bakhmut overnight."
    quotes = run(text)._.quotes
    assert len(quotes) == 1
    assert quotes[0].cue.text == "According to"
    assert quotes[0].speaker.text == "the Defence Ministry"
    assert quotes[0].text.startswith("40 soldiers were killed")


def test_description_with_country_picks_that_countrys_leader(run):
    text = (
        "Ukrainian President Volodymyr Zelensky met French President Emmanuel Macron in Paris. "
        "Russian President Vladimir Putin spoke by phone with Turkish President Recep Tayyip Erdogan. "
        "The Ukrainian leader said that his country would never give up Crimea."
    )
    quotes = run(text)._.quotes
    assert len(quotes) == 1
    assert quotes[0].speaker.text == "The Ukrainian leader"
    assert "Zelensky" in quotes[0].speaker.name


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("Erdogan said Turkey would not approve the bid, as quoted by the Anadolu agency.", ["Anadolu"]),
        ("Erdogan said Turkey would not approve the bid, citing Reuters.", ["Reuters"]),
        ("Erdogan said Turkey would not approve the bid, Reuters reported.", ["Reuters"]),
        ("Erdogan said Turkey would not approve the bid, according to Reuters and AFP.",
         ["Reuters", "Agence France-Presse"]),  # outlets by the actor dictionary's name
    ],
)
def test_via_chain_forms(run, text, via):
    quotes = run(text)._.quotes
    assert len(quotes) == 1
    assert quotes[0].speaker.text == "Erdogan"
    assert quotes[0].via == via
    assert quotes[0].text == "Turkey would not approve the bid"


def test_relative_pronoun_speaker_is_its_antecedent(run):
    text = "The talks were led by Foreign Minister Mevlut Cavusoglu, who said Turkey wanted guarantees."
    quotes = run(text)._.quotes
    assert len(quotes) == 1
    assert "Cavusoglu" in quotes[0].speaker.text


@pytest.mark.parametrize("text", [
    "The Kremlin did not say whether Putin would attend the summit in Bali.",
    "No Western country has said whether they have any bilateral plans with the Russian visitor.",
    "Nobody in the ministry said when the talks would resume.",
])
def test_negated_speech_is_no_quote(run, text):
    assert run(text)._.quotes == []
