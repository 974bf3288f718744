"""Which date phrase dates which event: its own clause first, offsets and "when" clauses, governing
clauses, quotations, the article's news day, phrases that point back, and "published" when the text
gives no time. Real news sentences, each with the publication date of its article."""

from __future__ import annotations

import pytest

from diplograph.when.component import event_date, last_date, news_day


def _date(run, token_at, text: str, word: str, published: str, after: str = "", *, in_article: bool = False):
    doc = run(text, published=published)
    token = token_at(doc, word, after)
    if not in_article:
        return event_date(token, published)
    sentences = list(doc.sents)
    at = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    return event_date(token, published, news=news_day(doc, published),
                      earlier=last_date(sentences[max(0, at - 3) : at], published))


@pytest.mark.parametrize(
    ("text", "word", "published", "expected"),
    [
        # the event's own clause wins over the bound of a neighbouring clause
        (("Two hostages — an American and an Australian — who had been held by the Taliban in Afghanistan "
         "since 2016 were released Tuesday in a prisoner swap for three high-ranking insurgents."),
         "released", "2019-11-19", ("2019-11-19", "day")),
        # a state that began then and ended before the story is dated by its start; one still going
        # on is the state as of publication
        ("The American University professor had been held by the Taliban since 2016.",
         "held", "2019-11-19", ("2016-01-01", "year")),
        ("The US government has provided more than $10 billion in aid to the country since 2000.",
         "provided", "2022-09-21", ("2022-09-21", "published")),
        # a year inside a name of the clause's time
        (("Israel seized control of the territories, seen as pivotal parts of any future Palestinian state, "
         "in the 1967 Six-Day War."), "seized", "2019-11-20", ("1967-01-01", "year")),
        ("The late Sen. John McCain was held there after he was shot down in his Navy jet over Hanoi in 1967.",
         "shot", "2019-11-20", ("1967-01-01", "year")),
        ("In October, Rep. David McKinley visited the U.S.-Mexico border near McAllen, Texas.",
         "visited", "2019-10-13", ("2019-10-01", "month")),
        ("Carlineo was arrested in April for a March 21 phone call he reportedly made to Omar's office.",
         "arrested", "2019-11-18", ("2019-04-01", "month")),
        # an offset from the governing clause
        ("Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country.",
         "invaded", "2019-11-20", ("2001-01-01", "year")),
        ("The crash comes a day after the Taliban swapped two Western hostages for three of its commanders.",
         "swapped", "2019-11-20", ("2019-11-19", "day")),
        # a "when" clause takes the date before it, even a bound
        (("Since 1989, when it crushed the pro-reform protests that began in Tiananmen Square, Beijing has "
         "calculated that bloody suppression should be avoided if possible."),
         "crushed", "2019-11-18", ("1989-01-01", "year")),
        # a date that modifies a noun is that noun's, not the clause's
        (("In the morning, Democratic lawmakers grilled Lt Col Alexander Vindman on Trump's July 25 phone call "
         "with Ukrainian President Zelensky."), "grilled", "2019-11-20", ("2019-11-20", "published")),
        (("Once Trump released the transcript of his July 25th call with Ukrainian president Zelensky, the "
         "nation learned the truth."), "call", "2019-11-19", ("2019-07-25", "day")),
        # relative phrases against the publication date
        (("Meanwhile, they note that the People's Liberation Army took to the city's streets to clear "
         "barricades this weekend."), "took", "2019-11-18", ("2019-11-16", "day")),
        (("Many in Hong Kong were rightly repelled when a man was set on fire last week, apparently by a "
         "protester."), "set", "2019-11-18", ("2019-11-01", "month")),
        (("The Conservative Party became embroiled in controversy earlier this month when it posted a video "
         "on social media."), "became", "2019-11-20", ("2019-11-01", "month")),
        (("Former President Barack Obama inserted himself into the 2020 primary in recent days by warning "
         "candidates against moving too far to the left."), "warning", "2019-11-20", ("2019-11-01", "month")),
        # a governing clause's date dates what it reports
        (("The United Nations High Commissioner said on Tuesday that the US decision did not modify "
         "existing international law."), "modify", "2019-11-20", ("2019-11-19", "day")),
        # background in the perfect is not dated to a day the text does not give
        (("Pompeo said that after legal consultation Washington had concluded the establishment of "
         "settlements was not inconsistent with international law."),
         "concluded", "2019-11-19", ("2019-11-19", "published")),
    ],
)
def test_the_phrase_that_dates_the_event(run, token_at, text, word, published, expected):
    assert _date(run, token_at, text, word, published) == expected


def test_a_date_in_a_quotation_dates_only_the_quoted_event(run, token_at):
    text = ('"US Chinook helicopter shot down and completely destroyed last night while trying to raid '
            'Mujahideen position," Taliban spokesman Zabihullah Mujahid said in a tweet.')
    assert _date(run, token_at, text, "shot", "2019-11-20") == ("2019-11-19", "day")
    assert _date(run, token_at, text, "said", "2019-11-20") == ("2019-11-20", "published")


def test_past_events_of_the_story_take_the_news_day_of_the_lead(run, token_at):
    text = ("The United States faced stiff international and Palestinian criticism on Tuesday over its "
            "decision to no longer consider Israeli settlements illegal. The Arab League condemned the "
            "unilateral move announced on Monday by US Secretary of State Mike Pompeo. The Democrats are "
            "alleging that the call was irregular.")
    published = "2019-11-20"  # a Wednesday
    assert _date(run, token_at, text, "condemned", published, in_article=True) == ("2019-11-19", "day")
    assert _date(run, token_at, text, "announced", published, in_article=True) == ("2019-11-18", "day")
    # the present tense is the state of things as of publication
    assert _date(run, token_at, text, "alleging", published, in_article=True) == ("2019-11-20", "published")


def test_at_the_time_points_back_to_the_last_date_stated(run, token_at):
    text = ("King and Weeks were abducted by gunmen wearing military uniforms in the heart of Afghan capital "
            "in August 2016. The next year, the Taliban released two videos of them. Both men claimed at the "
            "time that they were being treated well and asked their governments to help in their release.")
    published = "2019-11-19"
    assert _date(run, token_at, text, "abducted", published, in_article=True) == ("2016-08-01", "month")
    assert _date(run, token_at, text, "released", published, in_article=True) == ("2017-01-01", "year")
    assert _date(run, token_at, text, "asked", published, in_article=True) == ("2017-01-01", "year")


def test_without_a_news_day_an_undated_past_event_is_published(run, token_at):
    text = "Grisham urged the American public not to tolerate the pretense of the Democrats."
    assert _date(run, token_at, text, "urged", "2019-11-20", in_article=True) == ("2019-11-20", "published")


def test_a_governing_clause_date_is_read_in_its_own_tense(run, token_at):
    text = "The State Department said on Tuesday that the United States will designate Colombia as an ally."
    assert _date(run, token_at, text, "designate", "2022-09-21") == ("2022-09-20", "day")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # an offset finer than the anchor's precision keeps the anchor's
        ("In March, the army withdrew from the town, a day after the rebels agreed to a truce.",
         "agreed", ("2019-03-01", "month")),
        # a week has no precision of its own
        ("The talks resumed on Tuesday, two weeks after the delegations walked out.",
         "walked", ("2019-11-01", "month")),
    ],
)
def test_offsets_keep_to_the_coarser_precision(run, token_at, text, word, expected):
    assert _date(run, token_at, text, word, "2019-11-20") == expected


def test_a_present_relative_clause_is_not_dated_to_the_news_day(run, token_at):
    text = ("Police arrested the suspect on Monday. Officers arrested Christopher D. Battin, 33, who resides "
            "at 2134 Caldwell Place, Harris said.")
    published = "2019-11-19"
    assert _date(run, token_at, text, "arrested", published, "Officers", in_article=True) == ("2019-11-18", "day")
    assert _date(run, token_at, text, "resides", published, in_article=True) == ("2019-11-19", "published")
