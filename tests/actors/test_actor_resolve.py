"""Actors found and resolved in real news text: the seed article and sentences from the news."""

from __future__ import annotations

import pytest


def actor(doc, text):
    """The first actor whose text contains ``text``."""
    found = [a for a in doc._.actors if text in a.text]
    assert found, f"no actor for {text!r} in {[a.text for a in doc._.actors]}"
    return found[0]


@pytest.fixture(scope="module")
def seed(run, seed_text):
    return run(seed_text, published="2022-09-21")


def test_putin_with_title_is_one_rusgov_person(seed):
    a = actor(seed, "Russian President Vladimir Putin")
    assert (a.name, a.code, a.country, a.sector, a.kind) == (
        "Vladimir Putin", "RUSGOV", "RUS", "GOV", "person")
    assert seed.text[a.start : a.end] == a.text


def test_role_description_takes_the_named_person(seed):
    a = actor(seed, "The Russian president")
    assert (a.name, a.code) == ("Vladimir Putin", "RUSGOV")


def test_new_colombian_ambassador_is_coldip_person(seed):
    a = actor(seed, "Héctor Isidro Arenas Neira")
    assert a.text.startswith("the new Colombian ambassador")
    assert (a.name, a.code, a.kind) == ("Héctor Isidro Arenas Neira", "COLDIP", "person")


def test_petro_is_colombian_government_in_september_2022(seed):
    petros = [a for a in seed._.actors if "Petro" in a.text]
    assert len(petros) >= 3
    assert {(a.name, a.code) for a in petros} == {("Gustavo Petro", "COLGOV")}


def test_countries_governments_and_forces(seed):
    assert actor(seed, "United States").code == "USA"
    gov = actor(seed, "US government")
    assert (gov.code, gov.kind) == ("USAGOV", "government")
    assert actor(seed, "Russian forces").code == "RUSMIL"
    assert actor(seed, "Sergey Lavrov").code == "RUSGOV"


def test_media_outlets_and_igos(seed):
    efe = actor(seed, "Efe agency")
    assert (efe.kind, efe.sector, efe.country) == ("media", "MED", "ESP")
    rt = actor(seed, "the state media RT")
    assert (rt.kind, rt.country) == ("media", "RUS")
    unga = actor(seed, "United Nations General Assembly")
    assert (unga.country, unga.kind) == ("IGO", "igo")


def test_ids_and_sentences_follow_the_text(seed):
    ids = [a.id for a in seed._.actors]
    assert ids == [f"a{n}" for n in range(1, len(ids) + 1)]
    starts = [a.start for a in seed._.actors]
    assert starts == sorted(starts)
    sents = list(seed.sents)
    for a in seed._.actors:
        assert sents[a.sentence].start_char <= a.start < sents[a.sentence].end_char


def test_war_in_ukraine_places_ukraine_and_keeps_russia_an_actor(seed):
    places = {(p.text, p.country) for p in seed._.places}
    assert ("Ukraine", "UKR") in places
    assert ("Kremlin Palace", "RUS") in places
    sents = list(seed.sents)
    invasion = [a for a in seed._.actors if a.text == "Ukraine"
                and "invasion of Ukraine by" in sents[a.sentence].text]
    assert invasion and invasion[0].code == "UKR"  # "the invasion of Ukraine": its target


def test_city_after_in_is_a_location_not_an_actor(run):
    doc = run("Officials inaugurated an energy research center in Tokyo on Monday.")
    assert not [a for a in doc._.actors if "Tokyo" in a.text]
    assert [(p.text, p.country) for p in doc._.places] == [("Tokyo", "JPN")]


def test_compound_nationalities_give_two_actors(run):
    doc = run("Senior Hungarian and Romanian officials met in Budapest to discuss the border.")
    assert {a.code for a in doc._.actors} >= {"HUNGOV", "ROUGOV"}


def test_metonyms_and_troops(run):
    doc = run("The Kremlin said Israeli troops in Gaza were not its concern, while the US Congress "
              "debated aid. Rebels in eastern Congo seized the town of Sake on Tuesday.")
    codes = {a.text: a.code for a in doc._.actors}
    assert codes.get("The Kremlin") == "RUSGOV"
    assert codes.get("Israeli troops") == "ISRMIL"
    assert codes.get("the US Congress") == "USALEG"
    assert any(a.code == "CODREB" and a.text.startswith("Rebels") for a in doc._.actors)


def test_surname_takes_the_full_name_seen_earlier(run):
    doc = run("Colombian Senator Maria Fernanda Cabal criticised the plan. Cabal said it would fail.")
    cabal = [a for a in doc._.actors if "Cabal" in a.text]
    assert len(cabal) == 2
    assert {a.name for a in cabal} == {"Maria Fernanda Cabal"}
    assert cabal[1].country == "COL"


def test_capitals_and_seats_of_government_act_for_their_state(run):
    doc = run("Washington warned Moscow on Monday, and the White House said the Pentagon would "
              "send more troops.")
    codes = {a.text: (a.code, a.kind) for a in doc._.actors}
    assert codes["Washington"] == ("USAGOV", "government")
    assert codes["Moscow"] == ("RUSGOV", "government")
    assert codes["the White House"][0] == "USAGOV"
    assert codes["the Pentagon"][0] == "USAMIL"


def test_war_on_a_country_makes_it_the_target(run):
    doc = run("Russia's war on Ukraine entered its third year as Russian troops advanced from Belarus.")
    assert [a.code for a in doc._.actors if a.text == "Ukraine"] == ["UKR"]
    assert ("Belarus", "BLR") in {(p.text, p.country) for p in doc._.places}


def test_appositive_title_with_of_phrase(run):
    doc = run("The president of Colombia, Gustavo Petro, met the Venezuelan leader Nicolas Maduro "
              "in Caracas.", published="2023-06-01")
    people = [(a.text, a.name, a.code) for a in doc._.actors if a.kind == "person"]
    assert people == [
        ("The president of Colombia, Gustavo Petro", "Gustavo Petro", "COLGOV"),
        ("the Venezuelan leader Nicolas Maduro", "Nicolás Maduro", "VENGOV"),
    ]
