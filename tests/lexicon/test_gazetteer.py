"""The offline gazetteer: countries, cities by population, regions, landmarks."""

from __future__ import annotations

from diplograph.lexicon.gazetteer import geocode, landmarks


def test_countries_and_compass_regions():
    assert geocode("Russia").country == "RUS"
    assert geocode("the United States").country == "USA"
    ukraine = geocode("eastern Ukraine")
    assert (ukraine.name, ukraine.country, ukraine.lat) == ("Ukraine", "UKR", None)


def test_ambiguous_city_goes_to_the_most_populous():
    paris = geocode("Paris")
    assert paris.country == "FRA"
    assert round(paris.lat) == 49
    assert geocode("Moscow").country == "RUS"
    assert geocode("Kiev").name == "Kyiv"


def test_continents_are_not_places():
    assert geocode("Asia") is None
    assert geocode("Latin America") is None


def test_landmarks_in_text():
    text = "Petro told the United Nations General Assembly, then flew to the Kremlin Palace."
    hits = [(text[s:e], lm.place, lm.country) for s, e, lm in landmarks(text)]
    assert hits == [
        ("United Nations General Assembly", "New York", "USA"),
        ("Kremlin Palace", "Moscow", "RUS"),
    ]
