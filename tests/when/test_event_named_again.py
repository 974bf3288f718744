"""An event named again takes the date the article gave it where it names it with a date; a "when"
clause in a present-tense frame is background, not the day of the news; a past narrative sentence
that opens with a "when" clause and names no date is set at the last date stated before it. Real
news sentences, each with the publication date of its article."""

from __future__ import annotations

import pytest

from diplograph.model import Event, Span
from diplograph.when.component import dated_in_own_clause, dated_mentions
from diplograph.when.corefer import refer_back


def _event(doc, word: str, after: str = ""):
    start = doc.text.index(after) if after else 0
    found = [e for e in doc._.events if e.trigger.text == word and e.trigger.start >= start]
    assert found, f"the events stage found no event at {word!r}"
    return found[0]


IMPEACHMENT = (
    "Democratic lawmakers on Tuesday grilled Lt Col Alexander Vindman, a Ukraine specialist on the "
    "National Security Council, on Trump's July 25 phone call with Ukrainian President Zelensky. "
    "The White House called the impeachment process a sham. "
    "The Democrats are alleging that Trump's call with his Ukrainian counterpart was irregular and "
    "inappropriate and abuse of his office for political gain."
)


def test_a_call_named_again_takes_the_date_it_was_named_with(run):
    doc = run(IMPEACHMENT, published="2019-11-20")
    call = _event(doc, "call", "The Democrats")
    assert (call.date, call.date_precision) == ("2019-07-25", "day")
    # the hearing keeps its own day
    grilled = _event(doc, "grilled")
    assert (grilled.date, grilled.date_precision) == ("2019-11-19", "day")


def test_the_dated_mention_may_come_after_the_lead_names_the_event(run):
    text = (
        "The Democrats are alleging that Trump's call with his Ukrainian counterpart was irregular and "
        "inappropriate and abuse of his office for political gain. "
        "Democratic lawmakers on Tuesday grilled Lt Col Alexander Vindman on Trump's July 25 phone call "
        "with Ukrainian President Zelensky."
    )
    doc = run(text, published="2019-11-20")
    call = _event(doc, "call")
    assert (call.date, call.date_precision) == ("2019-07-25", "day")


def test_a_new_event_of_the_same_kind_is_not_the_dated_one(run):
    text = (
        "Democratic lawmakers on Tuesday grilled Lt Col Alexander Vindman on Trump's July 25 phone call "
        "with Ukrainian President Zelensky. "
        "Germany's chancellor held a call with the French president on Tuesday."
    )
    doc = run(text, published="2019-11-20")
    call = _event(doc, "call", "Germany")
    assert call.date != "2019-07-25"


def test_a_when_clause_in_a_present_frame_is_background(run):
    text = (
        "Hong Kong police on Monday laid siege to a university. "
        "They worry China is taking back the freedoms given to Hong Kong when the UK returned the "
        "territory to China."
    )
    doc = run(text, published="2019-11-19")
    returned = _event(doc, "returned")
    # the text gives no year for the 1997 handover: not the news day, and no invented year
    assert (returned.date, returned.date_precision) == ("2019-11-19", "published")


def test_a_narrative_when_clause_is_set_at_the_last_date_stated(run):
    text = (
        "A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar, the U.S. "
        "Attorney's Office announced Monday. "
        "Carlineo was arrested in April for a March 21 phone call he reportedly made to Omar's office. "
        "When Carlineo was approached, he told police he supported Trump."
    )
    doc = run(text, published="2019-11-18")
    supported = _event(doc, "supported")
    assert (supported.date, supported.date_precision) == ("2019-04-01", "month")


def _nominal_event(token) -> Event:
    """An event read from the noun ``token``, as the events stage gives it, with no date yet."""
    trigger = Span(token.text, token.idx, token.idx + len(token.text))
    return Event(id="e1", sentence=0, source=None, target=None, trigger=trigger, cameo="043", root="04",
                 plover="CONSULT", quad_class=1, goldstein=2.8, date="2019-11-20", date_precision="published")


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        # the same summit named again
        ("Trump walked away from last year's summit with Kim Jong Un in Hanoi. "
         "North Korea has since said the summit was a failure.", "has since", "2018-01-01"),
        # a summit somewhere else, or the next one, is not the dated one
        ("Trump walked away from last year's summit with Kim Jong Un in Hanoi. "
         "North Korea has since said the summit in Singapore was a failure.", "has since", "2019-11-20"),
        ("Trump walked away from last year's summit with Kim Jong Un in Hanoi. "
         "North Korea has since said the next summit would be a failure.", "has since", "2019-11-20"),
    ],
)
def test_a_noun_named_again_unless_its_words_set_it_apart(run, text, after, expected):
    doc = run(text, published="2019-11-20")
    noun = next(t for t in doc if t.text == "summit" and t.idx > text.index(after))
    event = _nominal_event(noun)
    refer_back([(event, noun, False)], dated_mentions(doc, "2019-11-20", [], []))
    assert event.date == expected


def test_a_noun_its_own_clause_dates_keeps_that_date(run):
    text = ("Trump walked away from last year's summit with Kim Jong Un in Hanoi. "
            "The summit took place on Friday, officials said. "
            "Officials said on Friday that the summit was a failure.")
    doc = run(text, published="2019-11-20")
    summits = [t for t in doc if t.text == "summit"]
    assert [dated_in_own_clause(t, []) for t in summits] == [True, True, False]
