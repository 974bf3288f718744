"""resolve_date on its own: weekdays and months by tense, relative phrases, no phrase, no base."""

from __future__ import annotations

import pytest

from diplograph.when.resolve import resolve_date

PUBLISHED = "2022-09-21"  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("on Tuesday", "past", ("2022-09-20", "day")),
        ("This Tuesday", "past", ("2022-09-20", "day")),
        ("on Wednesday", "past", ("2022-09-21", "day")),
        ("on Saturday", "future", ("2022-09-24", "day")),
        ("next Saturday", "present", ("2022-09-24", "day")),
        ("last Wednesday", "past", ("2022-09-14", "day")),
        ("June 19", "past", ("2022-06-19", "day")),
        ("on June 19", "past", ("2022-06-19", "day")),
        ("Sept. 30", "past", ("2021-09-30", "day")),
        ("Sept. 30", "future", ("2022-09-30", "day")),
        ("19 June 2021", "past", ("2021-06-19", "day")),
        ("In August", "past", ("2022-08-01", "month")),
        ("in December", "past", ("2021-12-01", "month")),
        ("in December", "future", ("2022-12-01", "month")),
        ("this year", "past", ("2022-01-01", "year")),
        ("last year", "past", ("2021-01-01", "year")),
        ("2014", "past", ("2014-01-01", "year")),
        ("yesterday", "past", ("2022-09-20", "day")),
        ("last week", "past", ("2022-09-01", "month")),  # a week has no precision of its own
        ("this weekend", "past", ("2022-09-17", "day")),  # the Saturday just gone
        ("this weekend", "future", ("2022-09-24", "day")),
        ("over the weekend", "past", ("2022-09-17", "day")),
        ("in recent days", "past", ("2022-09-01", "month")),
        ("earlier this month", "past", ("2022-09-01", "month")),
        ("last night", "past", ("2022-09-20", "day")),
        ("at the end of August", "past", ("2022-08-01", "month")),
        ("late-September", "past", ("2022-09-01", "month")),
        ("so far this year", "past", ("2022-01-01", "year")),
        ("two days ago", "past", ("2022-09-19", "day")),
        ("last month", "past", ("2022-08-01", "month")),
    ],
)
def test_phrases_against_publication_date(phrase, tense, expected):
    assert resolve_date(phrase, PUBLISHED, tense) == expected


def test_no_phrase_is_the_publication_date_at_precision_published():
    assert resolve_date(None, PUBLISHED) == (PUBLISHED, "published")
    assert resolve_date("", "2022-09-21T10:00:00") == (PUBLISHED, "published")


def test_without_publication_date_only_absolute_dates_resolve():
    assert resolve_date(None, None) == (None, None)
    assert resolve_date("on Tuesday", None) == (None, None)
    assert resolve_date("June 19, 2021", None) == ("2021-06-19", "day")


def test_earlier_this_year_and_implausible_years():
    assert resolve_date("Earlier this year", "2019-05-01") == ("2019-01-01", "year")
    assert resolve_date("2134", "2019-05-01") == (None, None)  # "resides at 2134 Caldwell Place"
    assert resolve_date("1492", "2019-05-01") == (None, None)
    assert resolve_date("1848", "2019-05-01") == ("1848-01-01", "year")
