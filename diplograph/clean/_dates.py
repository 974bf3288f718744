"""Publication dates as given (feeds' RFC 822, ISO datetimes, "September 21, 2022") to "YYYY-MM-DD".

Events are dated relative to the publication date, so it must be a real calendar day: a string
that names no full date is refused rather than guessed.
"""

from __future__ import annotations

from datetime import datetime

import dateparser

__all__ = ["iso_date"]

# Absolute dates only ("yesterday" is no publication date) with day, month and year all present.
_PARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def iso_date(value: str) -> str:
    """The calendar day ``value`` names, as written (no time-zone shift); ValueError if none."""
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass  # not ISO 8601: the general parser below reads the other forms
    parsed = dateparser.parse(text, languages=["en"], settings=_PARSER_SETTINGS)
    if not isinstance(parsed, datetime):
        raise ValueError(f"not a date: {value!r}")
    return parsed.date().isoformat()
