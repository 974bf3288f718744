"""Event places on real sentences: landmarks, locative place mentions, none when none is named."""

from __future__ import annotations

import pytest

from diplograph.where.component import event_location


@pytest.fixture(scope="module")
def seed_doc(run, seed_text):
    return run(seed_text)


def _token(doc, word, after=""):
    start = doc.text.index(after) if after else 0
    return next(t for t in doc if t.text == word and t.idx >= start)


def test_kremlin_palace_is_moscow(seed_doc):
    place = event_location(_token(seed_doc, "came"), seed_doc._.places)
    assert (place.name, place.country, place.text) == ("Moscow", "RUS", "Kremlin Palace")
    assert round(place.lat) == 56 and round(place.lon) == 38


def test_un_general_assembly_is_new_york(seed_doc):
    told = event_location(_token(seed_doc, "told"), seed_doc._.places)
    assert (told.name, told.country) == ("New York", "USA")
    pointed = event_location(_token(seed_doc, "pointed"), seed_doc._.places)
    assert (pointed.name, pointed.country, pointed.text) == ("New York", "USA", "UN General Assembly")


def test_sentence_without_place_has_none(seed_doc):
    assert event_location(_token(seed_doc, "congratulated"), seed_doc._.places) is None
    # the ambassadors of Uruguay, Colombia, Venezuela are not where the ceremony was
    assert event_location(_token(seed_doc, "received", "This Tuesday"), seed_doc._.places) is None


def test_locative_country_mention(run):
    doc = run("Russian forces shelled villages in eastern Ukraine on Monday.")
    place = event_location(_token(doc, "shelled"), doc._.places)
    assert (place.name, place.country, place.text) == ("Ukraine", "UKR", "eastern Ukraine")
    assert place.lat is None


def test_city_carries_its_country(run):
    doc = run("Foreign ministers met in Geneva on Thursday.")
    place = event_location(_token(doc, "met"), doc._.places)
    assert (place.name, place.country) == ("Geneva", "CHE")
