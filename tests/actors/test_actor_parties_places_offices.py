"""Parties named with a bracket, peoples of one state, offices held for an IGO, and places a
state's name qualifies ("in Thailand border"), on sentences from wire copy (PLOVER GSR, PLV)."""

from __future__ import annotations


def one(doc, text):
    found = [a for a in doc._.actors if a.text == text]
    assert found, f"no actor {text!r} in {[a.text for a in doc._.actors]}"
    return found[0]


def place(doc, text):
    found = [p for p in doc._.places if p.text == text]
    assert found, f"no place {text!r} in {[p.text for p in doc._.places]}"
    return found[0]


def test_party_name_keeps_its_bracket_and_takes_the_one_state_named(run):
    doc = run("The Homeland Union (Conservatives) began collecting signatures in part of a drive "
              "to convince the Lithuanian Parliament to amend the constitution so that same-sex "
              "marriages are banned.")
    union = one(doc, "The Homeland Union (Conservatives)")
    assert union.country == "LTU"


def test_party_head_noun_is_part_of_the_unknown_party(run):
    doc = run("The fundamentalist Umma (Nation) party has said it will boycott Algeria's first "
              "multi-party elections unless the president agrees to step down.")
    umma = one(doc, "The fundamentalist Umma (Nation) party")
    assert umma.country == "DZA"


def test_peoples_of_one_state_are_its_actors(run):
    doc = run("Ibo traditional elders have demanded that control of the Nigerian Interior "
              "Ministry be taken away from Hausa politicians in the next government.")
    assert one(doc, "Ibo traditional elders").country == "NGA"
    assert one(doc, "Hausa politicians").country == "NGA"
    doc = run("A group of Yoruba leaders announced yesterday that they are willing to forgive "
              "Nigerian President Olusegun Obasanjo.")
    assert one(doc, "Yoruba leaders").country == "NGA"


def test_inhabitants_of_a_place_are_its_state_civilians(run):
    doc = run("Druze inhabitants of the Syrian Golan Heights threatened today to hold a general "
              "strike unless Israel rescinded its annexation of the region within 10 days.")
    druze = one(doc, "Druze inhabitants of the Syrian Golan Heights")
    assert (druze.country, druze.sector) == ("SYR", "CVL")


def test_office_in_apposition_makes_the_person_the_igo_s(run):
    doc = run("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded parties "
              "to the conflict in Iraq to allow humanitarian workers the freedom of movement.",
              "2003-04-01")
    assert one(doc, "Kenzo Oshima").code == "IGOUNO"


def test_prison_and_state_of_emergency_are_no_actors(run):
    doc = run("Salaheddine Sidhoum, Algeria's leading human rights activist, staged a 24-hour "
              "hunger strike in prison on Sunday.")
    assert not [a for a in doc._.actors if a.text == "prison"]
    doc = run("New Colombian President Mr Alvaro Uribe has declared a state of emergency in "
              "Colombia to fight what the government described as a regime of terror.")
    assert not [a for a in doc._.actors if a.text == "a state"]


def test_numbered_bill_is_no_person(run):
    doc = run("House and Senate negotiators reached the deal on Senate Bill 2770 Wednesday after "
              "days of negotiations.")
    assert not [a for a in doc._.actors if a.kind == "person"]


def test_tripoli_is_lebanon_s_when_the_text_names_lebanon(run):
    doc = run("Syrian officers today ended mediation efforts between rival militias in Tripoli "
              "as shells continued crashing into the north Lebanese port.")
    assert place(doc, "Tripoli").country == "LBN"
    assert one(doc, "rival militias").country == "LBN"
    doc = run("Libyan militias fought in Tripoli on Sunday.")
    assert place(doc, "Tripoli").country == "LBY"


def test_a_state_s_name_on_a_stretch_of_land_makes_a_place_of_it(run):
    doc = run("Cambodian troops remained on alert in case of more fighting erupts in Thailand "
              "border.")
    assert place(doc, "Thailand border").country == "THA"
    doc = run("NATO troops remained on alert Sunday in Bosnian Serb territory.")
    assert [p.country for p in doc._.places if p.text == "Bosnian Serb territory"] == ["BIH"]
    doc = run("Serbia eased emergency measures on Wednesday in Montenegro province.")
    assert place(doc, "Montenegro province").country == "MNE"


def test_place_named_in_a_state_s_republic_is_that_state_s(run):
    doc = run("Iran on Tuesday threatened to cut off electricity to the autonomous Azerbaijani "
              "republic of Nakhichevan over non-payment of bills.")
    assert place(doc, "Nakhichevan").country == "AZE"


def test_civilians_acting_in_a_place_are_its_people(run):
    doc = run("Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese "
              "authorities to demand democratic reforms.")
    assert one(doc, "people").code == "HKGCVL"
    doc = run("116 people arrived in Kyrgyzstan seeking a refuge in early 2017.")
    assert one(doc, "116 people").country is None  # arrived there: not Kyrgyz


def test_leaders_in_a_state_s_capital_are_its_own(run):
    doc = run("Meanwhile, opposition leaders in Chad's capital, Ndjamena, have announced they are "
              "boycotting the presidential poll.")
    assert one(doc, "opposition leaders").code == "TCDOPP"
    assert not [a for a in doc._.actors if a.text == "Chad"]  # the capital's, not acting
    assert place(doc, "Chad's capital").country == "TCD"


def test_national_body_is_not_the_un_body_inside_its_name(run):
    doc = run("The action by Burundi's National Security Council stops the work of groups such as "
              "Doctors Without Borders and Catholic Relief Services.")
    council = [a for a in doc._.actors if "National Security Council" in a.text]
    assert council and council[0].code == "BDIGOV"
    doc = run("The U.N. Security Council condemned the attack on Monday.")
    assert one(doc, "The U.N. Security Council").code == "IGOUNO"


def test_settlers_named_by_religion_are_the_settling_state_s(run):
    doc = run("Jewish settlers in the West Bank city of Hebron set fire to the offices of the "
              "Palestinian administrators of Muslim property overnight.")
    assert one(doc, "Jewish settlers").country == "ISR"


def test_town_of_a_name_is_a_place_of_the_nationality_before_it(run):
    doc = run("Protesters in the eastern Kosovan town of Gjilan burned the Macedonian flag.")
    assert not [a for a in doc._.actors if a.text == "Gjilan"]
    assert place(doc, "Gjilan").country == "KOS"
    assert one(doc, "Protesters").country == "KOS"
    doc = run("Syrian regime air strikes and artillery fire hit the rebel-held enclave of Eastern "
              "Ghouta for a sixth straight day killing 32 civilians.")
    assert [p.country for p in doc._.places if p.text.endswith("Ghouta")] == ["SYR"]


def test_people_from_a_place_or_group_are_of_its_state(run):
    doc = run("A Christian missionary from Calgary was arrested in Lebanon for collaborating with "
              "Israel, according to the Canadian Press.")
    assert one(doc, "A Christian missionary").country == "CAN"
    doc = run("Some 500,000 workers affiliated with the Serbian Workers' Union (SSS) stopped work "
              "on Monday.")
    assert one(doc, "Some 500,000 workers").country == "SRB"
    doc = run("A terror group based in Trinidad claims to be manufacturing chemical weapons.")
    assert one(doc, "A terror group").country == "TTO"


def test_unknown_place_takes_the_one_state_of_its_sentence(run):
    doc = run("Government of Guatemala declared a state of siege in Santa Cruz Barillas and "
              "mobilized police and military to the area for almost three weeks.")
    assert place(doc, "Santa Cruz Barillas").country == "GTM"
    doc = run("Germany is adding a medical evacuation airplane to fight the Ebola epidemic in "
              "West Africa.")
    assert place(doc, "West Africa").country is None  # a region: no state's


def test_town_the_ner_took_for_an_organisation_is_a_place(run):
    doc = run("It was learnt that the 32 Artillery Brigade of the Nigerian Army, based in Akure, "
              "had mobilised its men to the area.")
    assert not [a for a in doc._.actors if a.text == "Akure"]
    assert place(doc, "Akure").country == "NGA"
    doc = run("Rebel fighters in the Deraa countryside said they will lay down their weapons.")
    assert place(doc, "Deraa countryside").country == "SYR"


def test_former_union_names_are_the_state_that_followed(run):
    doc = run("Poland's parliament has demanded an immediate admission by Moscow that Soviet NKVD "
              "security forces murdered more than 15,000 captive Polish officers.")
    assert one(doc, "Soviet NKVD security forces").country == "RUS"
    doc = run("A guard was involved in a shooting in front of the Yugoslav consulate in Sydney.")
    assert one(doc, "the Yugoslav consulate").country == "SRB"


def test_things_the_ner_takes_for_people_are_no_actors(run):
    doc = run("Algeria authorities suspended publication of Algeria's largest newspaper.")
    assert not [a for a in doc._.actors if a.text == "publication"]
    doc = run("Burma has agreed to allow international aid into the areas devastated by Cyclone "
              "Nargis.")
    assert not [a for a in doc._.actors if "Nargis" in a.text]


def test_inmates_and_drivers_are_actors(run):
    doc = run("Iranian intelligence police tortured a 35-year-old inmate to death in western Iran "
              "yesterday.")
    assert one(doc, "a 35-year-old inmate").sector == "CVL"
    doc = run("President Michel Temer has conceded to the demands of the protesting truck drivers "
              "twice already.")
    assert one(doc, "the protesting truck drivers").sector == "LAB"


def test_subdivision_before_a_title_gives_the_person_its_state(run):
    doc = run("NSW Premier Gladys Berejiklian has warned her Nationals colleagues over the policy.")
    assert one(doc, "NSW Premier Gladys Berejiklian").country == "AUS"
