"""The dated dictionary and users' actor files."""

from __future__ import annotations

import pytest

from diplograph.actors import load_dictionary
from diplograph.errors import InputError


def test_same_name_two_dates_two_answers():
    d = load_dictionary()
    trump = d.lookup("Donald Trump")
    assert trump.code_on("2019-06-01") == ("USAGOV", True)
    code, current = trump.code_on("2023-06-01")  # between the two terms
    assert (code[:3], current) == ("USA", False)
    assert trump.code_on("2025-06-01") == ("USAGOV", True)
    biden = d.lookup("Biden")
    assert biden.code_on("2022-01-01") == ("USAGOV", True)
    assert biden.code_on("2026-01-01")[1] is False


def test_petro_president_elect_then_president():
    petro = load_dictionary().lookup("Gustavo Petro")
    assert petro.code_on("2022-07-01")[0] in {"COLOPP", "COLGOV"}
    assert petro.code_on("2022-09-21") == ("COLGOV", True)


def test_out_of_office_person_keeps_country_without_sector(run):
    doc = run("Joe Biden spoke to reporters in Delaware.", published="2026-03-01")
    biden = next(a for a in doc._.actors if a.name == "Joe Biden")
    assert (biden.country, biden.sector, biden.code) == ("USA", None, "USA")
    doc = run("Joe Biden spoke to reporters in Delaware.", published="2022-03-01")
    assert [a.code for a in doc._.actors if a.name == "Joe Biden"] == ["USAGOV"]


def test_user_file_adds_and_overrides(tmp_path, nlp):
    from diplograph.actors.resolve import find_actors
    from diplograph.lexicon.dictionary import load_dictionary as load

    path = tmp_path / "mine.tsv"
    path.write_text(
        "# my actors\n"
        "Gustavo Petro\tCOLOPP\tperson\tPetro\t\t\n"
        "Frente Amplio del Sur\tCOLREB\tgroup\tFAS\t\t\n",
        "utf-8",
    )
    d = load((str(path),))
    doc = nlp("Gustavo Petro met leaders of the Frente Amplio del Sur in Cali.")
    actors, _ = find_actors(doc, d, "2023-01-01")
    codes = {a.name: a.code for a in actors}
    assert codes["Gustavo Petro"] == "COLOPP"  # the user's entry wins over the shipped one
    assert codes["Frente Amplio del Sur"] == "COLREB"


def test_user_file_defines_a_new_country(tmp_path, nlp):
    from diplograph.actors.resolve import find_actors

    path = tmp_path / "new_state.tsv"
    path.write_text("Somaliland\tSLD\tcountry\tSomalilanders|Hargeisa\t\t\n", "utf-8")
    doc = nlp("Somaliland accused Somalia of blocking its trade.")
    actors, _ = find_actors(doc, load_dictionary((str(path),)), "2024-01-01")
    assert [(a.text, a.country) for a in actors if a.text == "Somaliland"] == [("Somaliland", "SLD")]


def test_malformed_user_file_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("# header\nGood Name\tCOLGOV\tperson\t\t\t\nBad Name\tcolgov\tperson\n", "utf-8")
    with pytest.raises(InputError) as err:
        load_dictionary((str(path),))
    assert str(path) in str(err.value) and "line 3" in str(err.value)


def test_missing_user_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        load_dictionary((str(tmp_path / "nope.tsv"),))
