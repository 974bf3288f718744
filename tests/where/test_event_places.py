"""Event places on real sentences: landmarks, locative place mentions, none when none is named."""

from __future__ import annotations

from diplograph.where.component import event_location


def test_kremlin_palace_is_moscow(seed_doc, token_at):
    place = event_location(token_at(seed_doc, "came"), seed_doc._.places)
    assert (place.name, place.country, place.text) == ("Moscow", "RUS", "Kremlin Palace")
    assert round(place.lat) == 56 and round(place.lon) == 38


def test_un_general_assembly_is_new_york(seed_doc, token_at):
    told = event_location(token_at(seed_doc, "told"), seed_doc._.places)
    assert (told.name, told.country) == ("New York", "USA")
    pointed = event_location(token_at(seed_doc, "pointed"), seed_doc._.places)
    assert (pointed.name, pointed.country, pointed.text) == ("New York", "USA", "UN General Assembly")


def test_sentence_without_place_has_none(seed_doc, token_at):
    assert event_location(token_at(seed_doc, "congratulated"), seed_doc._.places) is None
    # the ambassadors of Uruguay, Colombia, Venezuela are not where the ceremony was
    assert event_location(token_at(seed_doc, "received", "This Tuesday"), seed_doc._.places) is None


def test_locative_country_mention(run, token_at):
    doc = run("Russian forces shelled villages in eastern Ukraine on Monday.")
    place = event_location(token_at(doc, "shelled"), doc._.places)
    assert (place.name, place.country, place.text) == ("Ukraine", "UKR", "eastern Ukraine")
    assert place.lat is None


def test_city_carries_its_country(run, token_at):
    doc = run("Foreign ministers met in Geneva on Thursday.")
    place = event_location(token_at(doc, "met"), doc._.places)
    assert (place.name, place.country) == ("Geneva", "CHE")
