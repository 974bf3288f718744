"""Event dates on the seed article: the date phrase attached to the trigger, by its tense."""

from __future__ import annotations

import pytest

from diplograph.when.component import event_date


@pytest.mark.parametrize(
    ("word", "after", "expected"),
    [
        ("came", "", ("2022-09-20", "day")),  # an event on Tuesday at the Kremlin Palace
        ("congratulated", "", ("2022-06-19", "day")),  # after the election on June 19
        ("told", "", ("2022-09-20", "day")),  # told the UN General Assembly on Tuesday
        ("proposed", "", ("2022-08-01", "month")),  # In August he had proposed
        ("received", "This Tuesday", ("2022-09-20", "day")),
        ("speak", "", ("2022-09-24", "day")),  # will speak on Saturday
        # "has provided $10 billion in aid ... since 2000": a state still going on, not dated 2000
        ("provided", "", ("2022-09-21", "published")),
        ("accused", "", ("2022-08-01", "month")),
    ],
)
def test_seed_event_dates(seed_doc, word, after, expected, token_at):
    assert event_date(token_at(seed_doc, word, after), "2022-09-21") == expected


def test_relative_dates_in_news_sentences(run, token_at):
    doc = run("Ukrainian forces shelled the city last week. Two days ago the governor resigned. "
              "The minister will travel to Brussels next Saturday.")
    assert event_date(token_at(doc, "shelled"), "2022-09-21") == ("2022-09-01", "month")
    assert event_date(token_at(doc, "resigned"), "2022-09-21") == ("2022-09-19", "day")
    assert event_date(token_at(doc, "travel"), "2022-09-21") == ("2022-09-24", "day")


def test_pipeline_dates_every_event(seed_doc):
    assert seed_doc._.events, "the events stage found no event in the seed"
    for event in seed_doc._.events:
        assert event.date_precision in ("day", "month", "year", "published")
        assert event.date[:4] == "2022"


def test_no_publication_date_and_no_phrase_leaves_date_empty(run):
    doc = run("Putin said Russia would keep supplying gas to Europe.", published=None)
    for event in doc._.events:
        assert (event.date, event.date_precision) == (None, None)
