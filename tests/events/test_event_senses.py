"""Is it an event? Words of force used for campaigns, words and money; acts the article says did not
happen (counterfactuals, claims called false, doctored records, the author's guesses, page
furniture); and the modes of "likely to", of purpose clauses and of clauses with a tense of their own.
The sentences are from whole news articles (2019) and PLV/PETRARCH-style news."""

from __future__ import annotations

import pytest

from diplograph.events._sense import word_class


def _events(doc):
    """(source country, CAMEO code, target country or None, mode) of each event."""
    return {(e.source.country, e.cameo, e.target.country if e.target else None, e.mode) for e in doc._.events}


@pytest.mark.parametrize("text", [
    # candidates entering a race do not occupy anything
    "That's why former Massachusetts Gov. Deval Patrick and Bloomberg are moving into the race.",
    # parties fight an election, not a war
    ("All political parties are devoting much of their campaign spending to the digital realm as they "
    "battle to win the U.K.'s Dec. 12 election."),
    "Biden defeated Sanders in the South Carolina primary.",
    # a record that is only a thing: "containing a misleading edit" coerces nobody
    ("The Conservative Party became embroiled in controversy earlier this month when it posted a video "
    "on social media containing a misleading edit of a television interview with Keir Starmer."),
])
def test_words_of_force_for_campaigns_are_no_force(run, text):
    assert not [e for e in run(text)._.events if e.root in ("17", "18", "19", "20")]


@pytest.mark.parametrize("text", [
    ("In their first TV debate of the election on Tuesday, Johnson and Corbyn attacked each other's "
    "policies on Brexit, health care and the economy."),
    ("After the Democrats decided to wage a three-year-long presidential abortion, and attacked Trump's wife, "
    "children, family, businesses, and associates, 24/7, the public has begun finally to wonder."),
])
def test_a_verbal_attack_is_criticism(run, text):
    events = run(text)._.events
    assert events and {e.cameo for e in events} == {"111"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Retaliatory tariffs imposed by China have particularly hurt U.S. farmers.", ("CHN", "163", "USA")),
])
def test_force_done_with_tariffs_is_a_sanction(run, text, expected):
    assert expected in {e[:3] for e in _events(run(text))}


def test_tariffs_slapped_on_goods_are_no_force(run):
    # goods are no party: what a general "when" clause says of tariffs is no assault on anyone
    doc = run("When the United States slaps tariffs on goods, it isn't foreign exporters that make the payment.")
    assert not any(e.root in ("18", "19", "20") for e in doc._.events)


@pytest.mark.parametrize(("text", "expected"), [
    # physical force stays force: armed actors, weapons, places
    ("Russian troops attacked Ukrainian positions near Donetsk on Sunday.", ("RUS", "ASSAULT", "UKR")),
    ("Israeli warplanes attacked Hamas targets in Gaza overnight.", ("ISR", "ASSAULT", "PSE")),
    ("Hong Kong police fired tear gas at protesters on Monday.", ("HKG", "ASSAULT", "HKG")),
    # and an occupation named as a noun is real
    ("He begged lawmakers not to lose sight of the illegal occupation by Russia of Crimea.", ("RUS", "ASSAULT", "UKR")),
])
def test_physical_force_stays_force(run, text, expected):
    doc = run(text)
    found = {(e.source.country, e.plover, e.target.country if e.target else None) for e in doc._.events}
    assert expected in found or (expected[0], "COERCE", expected[2]) in found


@pytest.mark.parametrize("text", [
    # the author's counterfactual
    ("The Bush-era whistleblower would then have claimed that Obama had confirmed his promise to drop "
    "missile defense in Eastern Europe in exchange for Putin's agreement to give Obama some space."),
    "Without the treaty, Russia would have invaded Ukraine.",
    # a claim the article calls false
    ("And their chagrin in the end boils down to their empty charges that Trump is appeasing Russia at the "
    "expense of the Kurds and Ukraine."),
    ("Russian state media falsely claimed that Ukraine attacked a Russian border town."),
    # what a doctored record was made to show
    ("The video had been altered to show Starmer failing to answer a question about Brexit, when, in fact, "
    "he responded quickly."),
    # the author's own guess, in the imperative
    ("Of the two, only Steyer will be on stage, but expect Bloomberg's shadow in particular to generate "
    "passionate arguments about wealth and the role of money in politics."),
    # page furniture
    "SEE MORE: Hong Kong protests: 800 students under siege in university",
    # the author's own question
    ("What would have been the reaction in 2012 had an anonymous Bush holdover at the Obama National Security "
    "Council gone to the IG to claim third-hand knowledge of a confidential Obama phone call to Russia's "
    "President Medvedev?"),
    # an event noun that is only the topic: the background, a fear, a threat talked of
    "Stocks fell amid the trade war between the United States and China.",
    "Residents of Gaza fled their homes amid fears of Israeli airstrikes.",
    "The threat of a US strike on Iran worries oil markets.",
    # asking about something is a question, not an appeal
    "Republican counsel Steve Castor asked Morrison about concerns within the NSC about Alexander Vindman's judgment.",
    # voters voting is an election
    ("Each day closer to the November 2020 election is one day nearer to allowing the American people to "
    "vote on their first-team president."),
    # a match is no fight
    ("Herbert and Mahut rallied to defeat Ben McLachlan and Yasutaka Uchiyama of Japan 6-7 (4), 6-4, 7-5 in "
     "the deciding doubles match in Group A, giving top-ranked France a 2-1 victory."),
    ("The top-ranked Nadal earlier defeated Khachanov to level the series after Rublev had rallied to beat "
    "Roberto Bautista-Agut 3-6, 6-3, 7-6 (0) in the first match."),
    # weighing a person is no act toward them; a trip home is no state visit
    "Democrats are considering Bloomberg as a candidate.",
    "The senator travelled to a rally in Iowa.",
    "The French president visited New Caledonia.",
    # an army on the streets deploys; it does not protest
    "The People's Liberation Army of China took to the streets of Hong Kong to clear barricades this weekend.",
])
def test_acts_the_article_says_did_not_happen_are_no_events(run, text):
    assert not run(text)._.events


def test_leading_a_body_is_no_act_toward_it(run):
    doc = run("Tariffs have also strengthened the United States' leverage, said Scott Paul, who heads the Alliance "
              "for American Manufacturing, a group that has applauded some of Trump's tariff decisions.")
    # only the group's praise of Trump is an act; heading it is not
    assert {(e.cameo, e.target.text if e.target else None) for e in doc._.events} == {("051", "Trump")}


def test_a_guess_about_the_past_is_a_hypothetical_event(run):
    # "may have" guesses what happened; "would have" tells what did not
    events = run("Chinese hackers may have launched cyber attacks on India's power system.")._.events
    assert [(e.source.country, e.root, e.mode) for e in events] == [("CHN", "19", "hypothetical")]


def test_a_quoted_question_and_a_police_strike_stay_events(run):
    events = run('"Why did Russia attack Ukraine?" the Polish president asked.')._.events
    assert [(e.source.country, e.root, e.mode) for e in events] == [("RUS", "19", "question")]
    assert any(e.cameo == "143" for e in run("Police went on strike in Buenos Aires on Monday.")._.events)


def test_an_event_noun_that_acts_stays_an_event(run):
    assert ("RUS", "190", "UKR") in {e[:3] for e in _events(run("Russia's invasion of Ukraine killed thousands."))}


def test_asking_for_something_stays_an_appeal(run):
    assert ("IRN", "020", "RUS") in {e[:3] for e in _events(run("Iran asked Russia for help."))}


def test_a_parliament_vote_stays_its_act(run):
    events = _events(run("The Iraqi parliament voted to expel US troops from Iraq."))
    assert ("IRQ", "166", "USA") in {e[:3] for e in events}


def test_a_visit_abroad_stays_a_visit(run):
    assert ("RUS", "042", "CHN") in {e[:3] for e in _events(run("Putin visited Beijing on Tuesday."))}
    # to a facility abroad too, which itself receives no one
    found = {e[:3] for e in _events(run("Netanyahu visited the Gush Etzion settlement bloc in the West Bank."))}
    assert ("ISR", "042", "PSE") in found and ("PSE", "043", "ISR") not in found


def test_on_a_sports_page_beating_is_play_but_an_attack_is_force(run):
    page = ("Wild 4, Sabres 1: Zach Parise scored twice. Alex Stalock made 30 saves and Minnesota beat Buffalo. "
            "Blue Jackets 5, Canadiens 2: Pierre-Luc Dubois had two goals and an assist. Senators 4, Red Wings 3: "
            "Anthony Duclair had two goals and an assist, and Ottawa held on to beat Detroit. The goaltender "
            "stopped 27 shots. Russia attacked Ukraine on Monday.")
    assert {e[:3] for e in _events(run(page))} == {("RUS", "190", "UKR")}


def test_a_claim_not_called_false_keeps_its_event(run):
    events = run("Russian state media claimed that Ukraine attacked a Russian border town.")._.events
    found = {(e.source.country, e.cameo, e.target.country if e.target else None) for e in events}
    assert ("UKR", "190", "RUS") in found


def test_a_claim_not_called_false_is_still_reported(run):
    # the content of a claim stays the claim's (coded elsewhere); the accusation itself is an event
    doc = run("Grisham accused the Democrats of trying to overturn the election.")
    assert doc._.events


@pytest.mark.parametrize(("text", "cameo", "mode"), [
    ("Russia is likely to attack Ukraine.", None, "hypothetical"),
    # a purpose clause tells what an act is for, not what was done
    ("Russia sent troops to attack the rebels in Syria.", "190", "hypothetical"),
    # a clause with its own tense keeps its own mode: not the "will" of the clause it is joined to
    (("Many in Hong Kong will deplore that decision and were rightly repelled when a man was set on fire "
     "last week, apparently by a protester."), None, "asserted"),
    # nor the negation of the clause it hangs on
    (("The United Nations stressed the decision would not change the reality, while the Arab League "
     "condemned the unilateral move announced on Monday by US Secretary of State Mike Pompeo."), "111", "asserted"),
])
def test_modes_of_likelihood_and_of_clauses_with_their_own_tense(run, text, cameo, mode):
    events = [e for e in run(text)._.events if cameo is None or e.cameo == cameo]
    assert events and all(e.mode == mode for e in events)


def test_the_sense_classes_are_read_from_the_data_file():
    assert "tariff" in word_class("economic") and "race" in word_class("contest")
    assert "policy" in word_class("abstract") and "fire" in word_class("physical")
