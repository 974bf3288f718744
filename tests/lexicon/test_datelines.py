"""One reading of wire datelines: where the one opening a lead ends, for actors and events alike."""

from __future__ import annotations

import pytest

from diplograph.lexicon.datelines import in_dateline


def _dateline(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text) if in_dateline(t)]


@pytest.mark.parametrize(("text", "dateline"), [
    ("JERUSALEM -- An Israeli court on Friday rejected the appeal of a U.S. student.", ["JERUSALEM", "--"]),
    ("MOGADISHU, Somalia -- A U.S. military airstrike has killed three al-Shabab fighters.",
     ["MOGADISHU", ",", "Somalia", "--"]),
    ("UNITED NATIONS (AP) — The Security Council condemned North Korea.",
     ["UNITED", "NATIONS", "(", "AP", ")", "—"]),
    ("KABUL (Pajhwok): Afghan forces killed ten Taliban fighters.", ["KABUL", "(", "Pajhwok", "):"]),
    ("WASHINGTON (Reuters) The United States imposed sanctions on Iran.", ["WASHINGTON", "(", "Reuters", ")"]),
    ("Washington - US President Donald Trump met Kim Jong Un.", ["Washington", "-"]),
    ("THE HAGUE, Netherlands -- A United Nations prosecutor has charged a former Rwandan minister.",
     ["THE", "HAGUE", ",", "Netherlands", "--"]),
    ('WASHINGTON (AP) " President Donald Trump on Wednesday granted a full pardon to Conrad Black.',
     ["WASHINGTON", "(", "AP", ")"]),
    ("Tehran, March 15, IRNA - The Iranian parliament condemned the attacks on Gaza.",
     ["Tehran", ",", "March", "15", ",", "IRNA", "-"]),
])
def test_dateline_ends_at_its_dash(nlp, text, dateline):
    assert _dateline(nlp, text) == dateline


@pytest.mark.parametrize("text", [
    "ICE returned five pre-Columbian artifacts to the government of Peru on June 2.",
    "NATO (the alliance) condemned Russia on Friday.",
    "ISIS (Islamic State) attacked Iraqi troops near Mosul.",
    "The Secretary-General condemned the attack.",
])
def test_no_dateline_in_a_story_sentence(nlp, text):
    assert _dateline(nlp, text) == []
