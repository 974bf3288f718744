"""Judgements stated through a naming verb or a stated position are criticism (111), not bare talk (010)."""

from __future__ import annotations

from event_triples import triples


def test_move_viewed_as_a_measure_contradicting_something_is_criticism(run):
    found = triples(run("Russia's foreign ministry said it viewed Washington's move as \"another measure "
                        "contradicting\" the legal footing for a peace deal."))
    assert ("RUS", "ACCUSE", "USA") in found, found


def test_own_position_that_something_is_illegal_is_criticism(run):
    found = triples(run("Turkey reiterated its view that the Syrian government is illegitimate."))
    assert ("TUR", "ACCUSE", "SYR") in found, found


def test_rejected_claim_that_something_is_illegal_is_no_criticism(run):
    found = triples(run("Turkey rejected the claim that the Syrian government is illegitimate."))
    assert ("TUR", "ACCUSE", "SYR") not in found, found


def test_quoted_judgement_of_a_party_taken_up_by_a_pronoun_names_that_party(run):
    found = triples(run("Hong Kong police commander Cheuk Hau-yip said: “These Hong Kong rioters, they are also "
                        "criminals.”"), by="text")
    assert ("Hong Kong police commander Cheuk Hau-yip", "ACCUSE", "These Hong Kong rioters") in found, found


def test_allegations_against_someone_called_baseless_defend_them(run):
    found = triples(run("Germany said the accusations against Iran were baseless."))
    assert ("DEU", "SUPPORT", "IRN") in found, found


def test_allegations_against_someone_called_not_credible_defend_them(run):
    found = triples(run("German Foreign Minister Heiko Maas said the allegations against Iran are self-serving "
                        "and not credible."))
    assert ("DEU", "SUPPORT", "IRN") in found, found


def test_allegations_against_ones_own_state_called_baseless_are_a_denial(run):
    found = triples(run("The Kremlin said the accusations against Russia were baseless."))
    assert not any(plover == "SUPPORT" for _, plover, _ in found), found


def test_persuading_someone_that_a_party_is_not_corrupt_defends_that_party(run):
    found = triples(run("US envoy Kurt Volker tried to convince Trump that the new Ukrainian president was "
                        "not corrupt."))
    assert ("USA", "SUPPORT", "UKR") in found, found
    assert ("USA", "ACCUSE", "UKR") not in found, found


def test_saying_ones_own_forces_are_not_responsible_is_no_defence_of_another(run):
    found = triples(run("Russia said its forces were not responsible for the attack."))
    assert not any(plover == "SUPPORT" for _, plover, _ in found), found


def test_stated_hatred_of_a_party_is_denunciation(run):
    found = triples(run("Iranian protesters said they hate the United States."))
    assert ("IRN", "ACCUSE", "USA") in found, found


def test_criticised_policy_shift_of_a_country_is_criticism_of_that_country(run):
    found = triples(run("The only two Arab states to have signed peace treaties with Israel - Egypt and Jordan - also "
                        "sharply criticised the US policy shift."))
    assert ("EGY", "ACCUSE", "USA") in found and ("JOR", "ACCUSE", "USA") in found, found


def test_hatred_of_a_group_in_government_is_denunciation_of_that_countrys_people(run):
    found = triples(run("US Rep. Ilhan Omar was threatened. When the man was approached, he told police he "
                        "supported Trump and hates radical Muslims in the US government."))
    assert any(plover == "ACCUSE" and target == "USA" for _, plover, target in found), found
