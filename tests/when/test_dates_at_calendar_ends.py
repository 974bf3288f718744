"""Dates that would fall outside the calendar (years 1-9999) give no date, never an exception, and a
year before 1000 is still written as four digits (ISO 8601)."""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.when.resolve import resolve_date


@pytest.mark.parametrize(
    ("phrase", "published"),
    [
        ("yesterday", "0001-01-01"),  # --published 0001-01-01: "internal error" (issue 9)
        ("two days ago", "0001-01-01"),
        ("last week", "0001-01-03"),
        ("last month", "0001-01-15"),
        ("last year", "0001-06-01"),
        ("tomorrow", "9999-12-31"),
        ("next year", "9999-06-01"),
        ("next month", "9999-12-02"),
        ("on Saturday", "9999-12-31"),
    ],
)
def test_phrase_that_leaves_the_calendar_gives_no_date(phrase, published):
    assert resolve_date(phrase, published, "future" if phrase.startswith(("next", "tom", "on")) else "past") == (
        None, None)


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("In August", "0400-09-21", ("0400-08-01", "month")),
        ("in December", "0400-09-21", ("0399-12-01", "month")),
        ("last month", "0400-09-21", ("0400-08-01", "month")),
        ("this year", "0400-09-21", ("0400-01-01", "year")),
        ("last week", "0400-09-21", ("0400-09-01", "month")),
    ],
)
def test_year_before_1000_is_written_with_four_digits(phrase, published, expected):
    value, precision = resolve_date(phrase, published, "past")
    assert (value, precision) == expected
    date.fromisoformat(value)


def test_month_named_with_year_zero_gives_no_date():
    assert resolve_date("in June 0000", None) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The talks collapsed on December 31, 9999. A day later, rebels attacked the capital, the army said.",
        "The talks collapsed in December 9999. The next year, rebels attacked the capital, the army said.",
    ],
)
def test_date_counted_past_the_calendar_leaves_the_event_dated_by_publication(run, text):
    doc = run(text)
    (event,) = [e for e in doc._.events if e.trigger.text == "attacked"]
    assert (event.date, event.date_precision) == ("2022-09-21", "published")


def test_date_counted_from_an_earlier_one_still_moves(run):
    doc = run("The talks collapsed in December 2021. The next year, rebels attacked the capital, the army said.")
    (event,) = [e for e in doc._.events if e.trigger.text == "attacked"]
    assert (event.date, event.date_precision) == ("2022-01-01", "year")
