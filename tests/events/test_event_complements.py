"""Coder behaviours on news sentences: parties found past parse slips and phrasing (PARTY_CASES), the
content of demands, threats and protests that is no event of its own, one episode one event, modes
and the CAMEO codes of threats and refusals, and doers taken from where an act happened."""

from __future__ import annotations

import pytest
from event_triples import triples


def test_what_was_decided_is_the_event(run):
    doc = run("The Ivory Coast's Supreme Court decided to allow candidate Alassane Ouattara to participate "
              "in the country's upcoming elections.")
    assert ("CIV", "CONCEDE", "CIV") in triples(doc)
    assert not any(e.plover == "AGREE" for e in doc._.events)


def test_demand_content_parsed_as_purpose_is_no_event_of_its_own(run):
    doc = run("The United Nations relief coordinator demanded the warring parties to allow humanitarian "
              "workers the freedom of movement.")
    assert not any(e.plover == "CONCEDE" for e in doc._.events)


def test_party_inside_a_conjoined_object(run):
    doc = run("The Heads of State condemned the act of aggression and the continuing threats made by the "
              "United States Government.")
    assert (None, "ACCUSE", "USA") in {(None, p, t) for _, p, t in triples(doc)}


def test_subject_pronoun_names_the_earlier_subject(run):
    doc = run("Ivory Coast rebels on Friday again rejected a Senegalese peace plan, and said they also opposed "
              "the deployment of a regional peacekeeping force.")
    sources = {e.source.country for e in doc._.events if e.trigger.text == "opposed"}
    assert sources == {"CIV"}


def test_no_reverse_event_for_a_promised_visit(run):
    doc = run("Gambian President Dawda Jawara will visit Mauritania and Senegal next week.")
    assert {s for s, _, _ in triples(doc)} == {"GMB"}


@pytest.mark.parametrize("text", [
    "Tens of thousands of university students throughout Indonesia staged mass demonstrations Saturday to "
    "demand political reforms by President Suharto's government.",
    "Algerian landowners began a hunger strike outside Parliament to demand the return of property seized "
    "by Algerian government forces.",
    "Angry activists from the defeated Fatah Party have staged rallies in the Gaza Strip against the party's "
    "leader Mahmoud Abbas, saying he must resign.",
])
def test_what_a_protest_demands_is_its_purpose_not_another_event(run, text):
    assert {p for _, p, _ in triples(run(text))} == {"PROTEST"}


def test_what_a_speaker_says_must_happen_is_the_demand_only(run):
    doc = run("British Foreign Secretary Jack Straw said on Friday that the Sudanese government and the rebels "
              "in Darfur must reach an agreement that stops the conflict.")
    assert triples(doc) == {("GBR", "REQUEST", "SDN")}


def test_an_attack_and_its_toll_are_one_event(run):
    doc = run("Sudanese rebels shelled the southern town of Yei on Sunday, killing about 20 people.")
    assert [e.plover for e in doc._.events] == ["ASSAULT"]
    assert doc._.events[0].target is not None


@pytest.mark.parametrize("text", [
    "Kenyan teachers staged a strike in Nairobi to demand higher pay.",
    "Teachers from Denver Public Schools went on strike for better pay.",
])
def test_a_strike_staged_or_gone_on_is_a_protest(run, text):
    assert {p for _, p, _ in triples(run(text))} == {"PROTEST"}


def test_a_verb_joined_to_a_passive_shares_its_subject(run):
    doc = run("Montenegro's prime minister has been indicted by the U.N. war crimes court and will resign.")
    assert {s for s, _, _ in triples(doc) if s != "IGO"} == {"MNE"}
    assert ("IGO", "COERCE", "MNE") in triples(doc)


def test_those_guilty_of_an_act_did_it(run):
    doc = run("Both the Philippine military and the Moro Islamic Liberation Front are guilty of violating the "
              "ceasefire agreement.")
    assert {s for s, p, _ in triples(doc) if p == "ASSAULT"} == {"PHL"}


def test_a_demand_reiterated_holds_its_content(run):
    doc = run("The International Labor Office (ILO) reiterated its demand today that Israel ease restrictions on "
              "the movement of Palestinian workers.")
    assert triples(doc) == {("IGO", "REQUEST", "ISR")}


def test_a_riot_and_what_the_rioters_did_are_one_episode(run):
    doc = run("Palestinian prisoners rioted Monday at this jail in northern Israel, setting fire to their "
              "mattresses and smashing furniture, police sources said.")
    assert triples(doc) == {("PSE", "PROTEST", "ISR")}


def test_force_is_aimed_at_whom_it_was_used_on(run):
    doc = run("Egyptian police opened fire to disperse Moslem fundamentalist demonstrators on Monday night, "
              "killing one person.")
    assert triples(doc) == {("EGY", "ASSAULT", "EGY")}


def test_a_blockade_by_farmers_is_their_protest_not_also_a_demand(run):
    doc = run("Radical French farmers said on Friday they would blockade Paris from Monday night to demand an end "
              "to the European Community's drastic farm reform.")
    assert {p for _, p, _ in triples(doc)} == {"THREATEN"}


def test_officials_are_not_of_the_country_where_they_act(run):
    doc = run("The United States sped up the withdrawal of its invasion forces from Panama on Wednesday, but "
              "defence officials cautioned that no deadline had been set.")
    assert not any(e.source.country == "PAN" for e in doc._.events)


def test_declining_to_step_down_is_refusing_to_yield(run):
    doc = run("Vice-President Moody Awori has declined to resign despite growing pressure.")
    assert [e.cameo for e in doc._.events] == ["124"]


def test_a_summit_that_failed_is_its_parties_failing(run):
    doc = run("The summit between the EU and Turkey failed to reach agreement on how to solve the migration crisis.")
    assert {("IGO", "REJECT", "TUR"), ("TUR", "REJECT", "IGO")} <= triples(doc)


def test_rioters_joining_a_protest_aim_at_what_it_demands(run):
    doc = run("Prisoners rioted at a jail in East Timor's capital Dili on Monday joining thousands of demonstrators "
              "in demanding a referendum on independence from Indonesian rule, locals said.")
    assert {(p, t) for _, p, t in triples(doc)} == {("PROTEST", "IDN")}


def test_a_past_participle_names_no_doer(run):
    doc = run("Hun Sen held a 50-minute meeting on Tuesday with the former president of the Cambodia National "
              "Rescue Party (CNRP), now banned.")
    assert not any(e.plover == "COERCE" for e in doc._.events)


def test_no_longer_is_a_refusal(run):
    doc = run("Egyptian police will no longer tolerate rallies by the Kifaya group, the interior ministry said.")
    assert not any(e.plover == "AGREE" for e in doc._.events)


@pytest.mark.parametrize(("text", "code"), [
    ("President Laurent Gbagbo announced on Sunday that he will extend the night-time curfew in Abidjan.", "1323"),
    ("NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.", "1381"),
    ("Russia has threatened to stop negotiations with the United States on nuclear weapons.", "134"),
])
def test_threats_take_the_code_of_what_is_threatened(run, text, code):
    assert code in {e.cameo for e in run(text)._.events}


def test_the_nearest_modifier_names_the_strike(run):
    doc = run("Salaheddine Sidhoum, Algeria's leading human rights activist, staged a 24-hour hunger strike "
              "on Sunday.")
    assert {e.cameo for e in doc._.events} == {"142"}


def test_a_participle_modifying_a_noun_is_no_event(run):
    doc = run("UN helicopters evacuated the wounded from the besieged Bosnian town of Gorazde on Friday.")
    assert not any(e.cameo.startswith("19") for e in doc._.events)


def test_an_arrest_with_no_agent_is_by_the_police_of_where_it_happened(run):
    doc = run("Victoire Ingabire, leader of the FDU-Inkingi political party, was arrested in Rwanda for collaborating "
              "with a terrorist group.")
    assert ("RWA", "COERCE", "RWA") in triples(doc)
    assert {e.source.code for e in doc._.events if e.plover == "COERCE"} == {"RWACOP"}


def test_where_the_reporters_are_is_not_where_it_happened(run):
    doc = run("Sudanese rebels shelled the southern town of Yei on Sunday, killing about 20 people, relief officials "
              "in Nairobi said.")
    assert not any(e.target is not None and e.target.country == "KEN" for e in doc._.events)


@pytest.mark.parametrize(("text", "code"), [
    ("Kazakh oil workers will not end the strike before a new pay system is reviewed.", "1242"),
    ("South Sudanese rebels will not release the two Kenyan pilots until compensation is paid.", "1243"),
])
def test_a_refused_concession_is_coded_by_what_is_refused(run, text, code):
    assert code in {e.cameo for e in run(text)._.events}


def test_protesters_calling_for_something_protest(run):
    doc = run("Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday calling for "
              "independence from Iraq, witnesses said.")
    assert {p for _, p, _ in triples(doc)} == {"PROTEST"}


def test_the_content_of_a_reminder_is_no_event_of_its_own(run):
    doc = run("French President Jacques Chirac issued a stern reminder Saturday to Iraq that it must cooperate "
              "fully with UN inspectors.")
    assert triples(doc) == {("FRA", "REQUEST", "IRQ")}


def test_sworn_to_fight_is_a_threat(run):
    doc = run("Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border.")
    assert {(e.plover, e.mode) for e in doc._.events} == {("THREATEN", "future")}


def test_according_to_names_no_recipient(run):
    doc = run("A Russian official offered concessions last November that U.S. negotiator Paul Nitze believed could "
              "lead to an agreement on reducing nuclear missiles in Europe, according to a senator.")
    assert ("RUS", "AGREE", "USA") in triples(doc)
    assert not any(e.target is not None and e.target.text == "a senator" for e in doc._.events)


# Sentences whose parties the coder finds past the parse or the phrasing, and the (source country,
# PLOVER type, target country) each must code.
PARTY_CASES = [
    pytest.param("Ethiopia said it would allow the World Food Program (WFP) to deliver food to some 1 "
                 "million people.",
                 ("ETH", "AGREE", "IGO"), id="object_of_a_verb_of_letting-0"),
    pytest.param("Syria has agreed to allow access of United Nations aid workers to deliver aid to 12 "
                 "besieged areas.",
                 ("SYR", "AGREE", "IGO"), id="object_of_a_verb_of_letting-1"),
    pytest.param("The Ethiopian government has agreed to allow UN humanitarian aid workers expanded access "
                 "to the Tigray region.",
                 ("ETH", "AGREE", "IGO"), id="object_of_a_verb_of_letting-2"),
    pytest.param("Peru has granted diplomatic asylum to five Panamanian army officers holed up in a "
                 "diplomatic residence, the Peruvian embassy said on Tuesday.",
                 ("PER", "AID", "PAN"), id="preposition_left_without_its_object"),
    pytest.param("Israel is opposed to French mediation in peace negotiations with Syria, an aide said "
                 "Wednesday.",
                 ("ISR", "REJECT", "FRA"), id="parties_found_past_the_parse-0"),
    pytest.param("The main Hutu rebel group, Forces for Defence of Democracy (FDD), insisted on its "
                 "demands that Burundi's government grant the Hutu majority more rights.",
                 ("BDI", "REQUEST", "BDI"), id="parties_found_past_the_parse-1"),
    pytest.param("Egyptian demonstrators rioted following a peaceful demonstration calling for the "
                 "immediate removal of President Hosni Mubarak from office.",
                 ("EGY", "PROTEST", "EGY"), id="parties_found_past_the_parse-2"),
    pytest.param("A temporary camp for Congolese refugees was attacked by Burundian militiamen armed with "
                 "machetes.",
                 ("BDI", "ASSAULT", "COD"), id="parties_found_past_the_parse-3"),
    pytest.param("Afghan rebels have kidnapped up to 16 Russian civilian advisers from a town bazaar.",
                 ("AFG", "ASSAULT", "RUS"), id="parties_found_past_the_parse-4"),
    pytest.param("Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit on "
                 "Wednesday.",
                 ("IRQ", "CONSULT", "JOR"), id="a_visit_is_aimed_at_its_host_country"),
    pytest.param("Ousted President Askar Akayev has agreed to resign without returning to Kyrgyzstan.",
                 ("KGZ", "AGREE", None), id="stepping_down_stands_without_a_target-0"),
    pytest.param("Five hundred Ugandan rebels surrendered last week.",
                 ("UGA", "RETREAT", None), id="stepping_down_stands_without_a_target-1"),
    pytest.param("Serb forces were engaged in ethnic cleansing in Montenegro against the Albanian "
                 "population.",
                 ("SRB", "ASSAULT", "MNE"), id="event_read_through_its_phrasing-0"),
    pytest.param("The United States suspended part of a military aid program for Bosnia.",
                 ("USA", "SANCTION", "BIH"), id="event_read_through_its_phrasing-1"),
    pytest.param("The European Community may halt mediation efforts among Serbia's feuding republics if "
                 "cooperation by all parties founders.",
                 ("IGO", "THREATEN", "SRB"), id="event_read_through_its_phrasing-2"),
    pytest.param("Lebanon complained to the United Nations on Tuesday over two Israeli air raids last "
                 "Friday.",
                 ("LBN", "ACCUSE", "ISR"), id="a_complaint_aims_at_what_it_is_about"),
    pytest.param("The IAEA has dispatched inspectors to the Esfahan conversion plant in central Iran to "
                 "monitor the resumption of nuclear activities.",
                 ("IGO", "ACCUSE", "IRN"), id="people_sent_somewhere_aim_at_that_country"),
    pytest.param("The US is willing to provide ammunition alongside humanitarian assistance to Turkey in "
                 "Syria's war-torn Idlib region.",
                 ("USA", "AGREE", "TUR"), id="recipient_inside_another_phrase_of_a_giving_verb"),
    pytest.param("Erdogan discussed Libya with U.S. President Donald Trump in a phone call.",
                 ("TUR", "CONSULT", "USA"), id="the_party_not_the_topic_or_the_cargo-0"),
    pytest.param("Some 800,000 Iraqi Kurds sought refuge in Germany last month.",
                 ("IRQ", "REQUEST", "DEU"), id="the_party_not_the_topic_or_the_cargo-1"),
    pytest.param("Nigeria on Saturday announced the deployment of 230 troops to Liberia.",
                 ("NGA", "MOBILIZE", "LBR"), id="the_party_not_the_topic_or_the_cargo-2"),
    pytest.param("Prime Minister Vladimir Putin said his country will not lift the ban on European Union "
                 "until the EU provides details.",
                 ("RUS", "REJECT", "IGO"), id="his_country_is_the_speakers_state"),
    pytest.param("Nigeria Police withdrew the batch of 200 peacekeepers from Liberia in February.",
                 ("NGA", "RETREAT", "LBR"), id="withdrawals_aim_at_where_troops_leave-0"),
    pytest.param("The United States completed its withdrawal of troops from Iraq in December 2011.",
                 ("USA", "RETREAT", "IRQ"), id="withdrawals_aim_at_where_troops_leave-1"),
    pytest.param("Russia has begun withdrawing some of its troops from Syria, Defence Minister Sergei "
                 "Shoigu said on Monday.",
                 ("RUS", "RETREAT", "SYR"), id="withdrawals_aim_at_where_troops_leave-2"),
    pytest.param("Indian coal workers called off the two-day old strike after the agreement with the "
                 "Indian government.",
                 ("IND", "CONCEDE", "IND"), id="a_concession_aims_at_whom_it_answers-0"),
    pytest.param("Brazil's truck drivers called off a four-day strike just hours after reaching agreement "
                 "with the Brazilian government.",
                 ("BRA", "CONCEDE", "BRA"), id="a_concession_aims_at_whom_it_answers-1"),
    pytest.param("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded parties to the "
                 "conflict in Iraq to allow humanitarian workers the freedom of movement.",
                 ("IGO", "REQUEST", "IRQ"), id="an_appeal_about_a_country_aims_at_it"),
    pytest.param("The Fijian rebels said they will release Prime Minister Mahendra Chaudhry and more than "
                 "30 members of his government, whom they had taken hostage two weeks ago.",
                 ("FJI", "ASSAULT", "FJI"), id="a_relative_pronoun_object_is_its_antecedent"),
    pytest.param("Albania on Friday denounced as an ugly crime Serbia's suppression of ethnic Albanian "
                 "unrest in Montenegro.",
                 ("ALB", "ACCUSE", "SRB"), id="an_object_shifted_after_its_predicate"),
    pytest.param("A US national has been put under investigation in Italy for her possible role in rioting "
                 "during a G8 summit in Genoa last month.",
                 ("ITA", "ACCUSE", "USA"), id="an_inquiry_with_no_agent_is_by_the_judges_of_where_it_happened"),
    pytest.param("The radical Palestinian Islamic Jihad movement rejected an invitation to attend a "
                 "meeting next week of Palestinian factions to debate plans for independence from Israel.",
                 ("PSE", "REJECT", "PSE"), id="the_party_of_a_proposed_act"),
    pytest.param("The Syrian government gave approval for the United Nations to deliver aid next week to "
                 "thousands of civilians.",
                 ("SYR", "CONCEDE", "IGO"), id="concessions_granted_and_refused-0"),
    pytest.param("Ariel Sharon has vowed not to return the Golan Heights to Syria.",
                 ("ISR", "REJECT", "SYR"), id="concessions_granted_and_refused-1"),
    pytest.param("Some 500,000 workers affiliated with the Serbian Workers' Union stopped work on Monday "
                 "over a controversial employment bill signed in by Serbian Labour Minister Dragan "
                 "Milovanovic.",
                 ("SRB", "PROTEST", "SRB"), id="a_strike_over_a_bill_aims_at_who_signed_it"),
]


@pytest.mark.parametrize(("text", "expected"), PARTY_CASES)
def test_parties_found(run, text, expected):
    assert expected in triples(run(text))


def test_seeking_to_talk_is_ones_own_intent_to_meet_and_seeking_talks_an_appeal(run):
    found = triples(run("A Hong Kong bishop who sought to talk to Hong Kong protesters was turned away."), by="code")
    assert any(plover == "AGREE" for _, plover, _ in found), found
    found = triples(run("Iran sought talks with the United States."))
    assert ("IRN", "REQUEST", "USA") in found, found


def test_subject_after_an_inverted_auxiliary_acts(run):
    # the parser reads "should the House vote" as the noun "House vote"
    found = triples(run("Five of the 10 Democrats on stage will serve as jurors in the Senate impeachment trial "
                        "should the House vote to impeach President Donald Trump."))
    assert ("USA", "COERCE", "USA") in found, found
