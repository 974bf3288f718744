"""Dates from temporal phrases: "on Tuesday", "June 19", "In August", "last week", "two days ago".

Resolved against the publication date. Weekdays and month names are resolved here, by the tense of
the event's verb (dateparser guesses the wrong week or year for news): a past event "on Tuesday" is
the most recent Tuesday on or before publication, a future one ("will speak on Saturday") the next
one after it. Other phrases go to dateparser with the publication date as its relative base.
"""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from functools import lru_cache

__all__ = ["PRECISIONS", "PUBLISHED", "resolve_date"]

PRECISIONS = ("day", "month", "year")
# The precision of an event the text does not date: its date is the article's publication date,
# the best guess and an upper bound, not a day the text states.
PUBLISHED = "published"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
_MONTH_ABBREVIATIONS = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
_LEAD = re.compile(
    r"^(?:(?:on|in|at|during|by|from|of|over|early|late|earlier|later|mid|the|so far)\s+|(?:early|late|mid)-"
    r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)"
)
EARLIEST_YEAR = 1800  # a bare number outside the years news reports on is an address, not a year
LATEST_AHEAD = 10
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = re.compile(r"^(?:(this|last|next|past|coming)\s+)?(" + "|".join(WEEKDAYS) + r")$")
_MONTH_DAY = re.compile(r"^" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?$")
_MONTH_ONLY = re.compile(r"^(?:(this|last|next|past|coming)\s+)?" + _MONTH + r"(?:,?\s+(?:of\s+)?(\d{4}))?$")
_YEAR = re.compile(r"^(\d{4})$")
_RELATIVE_YEAR = re.compile(r"^(this|last|next|past|coming)\s+year$")
_RELATIVE_MONTH = re.compile(r"^(this|last|next|past|coming)\s+month$")
_FIXED = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}
_WEEKEND = re.compile(r"^(this|last|next|past|coming)?\s*weekend$")
# A week is finer than a month but no precision of its own: "a man was set on fire last week" is
# dated to the month that week falls in (the article gold codes it so), never to an invented day.
_RELATIVE_WEEK = re.compile(r"^(this|last|next|past|coming)\s+week$|^recent\s+(?:days|weeks)$")


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTH_ABBREVIATIONS[word[:4] if word.startswith("sept") else word[:3]]


def _weekday(base: date, weekday: int, modifier: str | None, tense: str) -> date:
    if modifier in ("next", "coming") or (tense == "future" and modifier not in ("last", "past")):
        ahead = (weekday - base.weekday()) % 7
        return base + timedelta(days=ahead or 7)
    back = (base.weekday() - weekday) % 7
    if back == 0 and modifier in ("last", "past"):
        back = 7
    return base - timedelta(days=back)


def _weekend(base: date, modifier: str | None, tense: str) -> date:
    """The Saturday of the weekend meant: "this weekend" in a Monday article is the one just gone
    (past tense) or the coming one (future tense or "next")."""
    if modifier in ("next", "coming") or (tense == "future" and modifier not in ("last", "past")):
        return base + timedelta(days=(5 - base.weekday()) % 7)
    return base - timedelta(days=(base.weekday() - 5) % 7)


def _year_for(base: date, month: int, day: int, tense: str) -> int:
    """The year that puts month/day on the right side of the publication date for the tense."""
    if tense == "future":
        return base.year if (month, day) >= (base.month, base.day) else base.year + 1
    return base.year if (month, day) <= (base.month, base.day) else base.year - 1


def _month(year: int, month: int) -> tuple[str | None, str | None]:
    """("YYYY-MM", "month"), or nothing for a year outside the calendar (1-9999): "last month" in an
    article dated 0001-01-01 names no month."""
    return (f"{year:04d}-{month:02d}", "month") if MINYEAR <= year <= MAXYEAR else (None, None)


def _year(year: int) -> tuple[str | None, str | None]:
    return (f"{year:04d}", "year") if MINYEAR <= year <= MAXYEAR else (None, None)


def _dateparser(phrase: str, base: date, tense: str) -> tuple[str | None, str | None] | None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "future" if tense == "future" else "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    data = parser.get_date_data(phrase)
    if data.date_obj is None:
        return None
    period = data.period if data.period in PRECISIONS else "day"
    value = data.date_obj.date()
    if period == "month":
        return _month(value.year, value.month)
    if period == "year":
        return _year(value.year)
    return value.isoformat(), "day"


@lru_cache(maxsize=4096)  # pure; an article resolves the same phrases for many events
def resolve_date(
    phrase: str | None, published: str | None, tense: str = "past"
) -> tuple[str | None, str | None]:
    """(date, precision) for a temporal phrase read against the publication date.

    ``tense`` is "past", "present" or "future" (of the event's verb). No phrase gives the
    publication date at precision ``PUBLISHED`` (the text says nothing of the day); a phrase that
    needs a base when there is none, or that names no date, gives (None, None). The date is always
    a full ISO date, so one column type holds them:
    month precision is the month's first day ("In August" -> "2022-08-01", "month"), year precision
    the year's ("this year" -> "2022-01-01", "year").
    """
    try:
        value, precision = _resolve(phrase, published, tense)
    except OverflowError:  # a day moved past 0001-01-01 or 9999-12-31 ("yesterday" in a 0001-01-01 article)
        return None, None
    if precision == "month":
        value = f"{value}-01"
    elif precision == "year":
        value = f"{value}-01-01"
    return value, precision


def _resolve(phrase: str | None, published: str | None, tense: str) -> tuple[str | None, str | None]:
    base = date.fromisoformat(published[:10]) if published else None
    text = " ".join((phrase or "").lower().replace(",", " ,").split()).replace(" ,", ",").strip(" .,")
    while _LEAD.match(text):
        text = _LEAD.sub("", text, count=1)
    if not text:
        return (base.isoformat(), PUBLISHED) if base else (None, None)
    if base is not None and text in _FIXED:
        return (base + timedelta(days=_FIXED[text])).isoformat(), "day"
    text = _PART_OF_DAY.sub("", text)
    if m := _MONTH_DAY.match(text) or _DAY_MONTH.match(text):
        groups = m.groups()
        month_word, day = (groups[0], groups[1]) if m.re is _MONTH_DAY else (groups[1], groups[0])
        month, day, year = _month_number(month_word), int(day), groups[2]
        if year is not None:
            year = int(year)
        elif base is not None:
            year = _year_for(base, month, day, tense)
        else:
            return None, None
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None, None
    if m := _YEAR.match(text):
        year = int(m.group(1))
        latest = (base.year if base else date.today().year) + LATEST_AHEAD
        return (m.group(1), "year") if EARLIEST_YEAR <= year <= latest else (None, None)
    if base is None:
        if m := _MONTH_ONLY.match(text):
            return _month(int(m.group(3)), _month_number(m.group(2))) if m.group(3) else (None, None)
        return None, None
    if text in _FIXED:
        return (base + timedelta(days=_FIXED[text])).isoformat(), "day"
    if m := _WEEKDAY.match(text):
        return _weekday(base, WEEKDAYS.index(m.group(2)), m.group(1), tense).isoformat(), "day"
    if m := _MONTH_ONLY.match(text):
        modifier, month, year = m.group(1), _month_number(m.group(2)), m.group(3)
        if year:
            return _month(int(year), month)
        if modifier in ("next", "coming"):
            tense = "future"
        year = base.year
        if tense == "future" and month < base.month:
            year += 1
        elif tense != "future" and (
            month > base.month or (modifier in ("last", "past") and month == base.month)
        ):
            year -= 1
        return _month(year, month)
    if m := _WEEKEND.match(text):
        return _weekend(base, m.group(1), tense).isoformat(), "day"
    if m := _RELATIVE_WEEK.match(text):
        shift = {"last": -7, "past": -7, "next": 7, "coming": 7}.get(m.group(1) or "", 0)
        day = base + timedelta(days=shift)
        return _month(day.year, day.month)
    if m := _RELATIVE_YEAR.match(text):
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m.group(1), 0)
        return _year(base.year + shift)
    if m := _RELATIVE_MONTH.match(text):
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m.group(1), 0)
        month_index = base.year * 12 + base.month - 1 + shift
        return _month(month_index // 12, month_index % 12 + 1)
    return _dateparser(text, base, tense) or (None, None)
