"""Questions asked of a store: which events, which quotes, and how a dyad's relations move in time.

Conventions shared by every function (the CLI and the HTTP API pass their arguments through):

- An actor (``source``, ``target``, each side of a dyad, ``speaker``, ``about``) matches an event
  side whose CAMEO actor code starts with it or whose country equals it, case-insensitively:
  ``RUS`` matches RUSGOV, RUSMIL and plain RUS; ``RUSGOV`` only the government; ``IGOUNO`` the UN.
- A dyad ``"RUS-UKR"`` (or the pair ``("RUS", "UKR")``) is unordered: events either way between
  them. ``"RUS>UKR"`` is directed: RUS as source, UKR as target.
- Dates are ISO strings; ``since``/``until`` are inclusive and may be a year (``"2022"``) or a
  month (``"2022-09"``), meaning all of it. An event is dated by its own date, or by its article's
  publication date when the text gave none (the row's ``date`` is then null and ``day`` is set).
- Bad arguments (unknown mode or frequency, malformed code or date) raise InputError naming them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ..errors import InputError
from ..model import ATTRIBUTIONS, MODES
from .db import Store

__all__ = [
    "EVENT_ORDER",
    "FREQUENCIES",
    "check_min_sources",
    "dyad_series",
    "event_filter",
    "limit_clause",
    "limit_problem",
    "parse_day",
    "parse_dyad",
    "query_events",
    "query_linked_events",
    "query_quotes",
    "require_linked",
]

FREQUENCIES = {"day": "1 DAY", "week": "7 DAYS", "month": "1 MONTH", "quarter": "3 MONTHS", "year": "1 YEAR"}

# The most rows a query may ask for: DuckDB's LIMIT is a BIGINT.
MAX_LIMIT = 2**63 - 1

EVENT_ORDER = "day NULLS LAST, doc_id, sentence, trigger_start, event_id"

_ACTOR = re.compile(r"[A-Za-z0-9]{3,}")
_CAMEO = re.compile(r"\d{1,4}")

Dyad = str | Sequence[str]


def query_events(
    store: Store,
    *,
    source: str | None = None,
    target: str | None = None,
    dyad: Dyad | None = None,
    code: str | None = None,
    root: str | int | None = None,
    quad_class: int | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    mode: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events matching every filter given, oldest first, each with its article's url and title."""
    where, params = event_filter(
        source=source, target=target, dyad=dyad, code=code, root=root, quad_class=quad_class,
        since=since, until=until, mode=mode,
    )
    sql = f"SELECT * EXCLUDE (added) FROM event_rows WHERE {where} ORDER BY {EVENT_ORDER}"
    return _rows(store, sql + limit_clause(limit), params)


def require_linked(store: Store) -> None:
    """Refuse, in one line, a store written before events were linked (opened read-only, it keeps that layout)."""
    if not store.is_linked():
        raise InputError(str(store.path), "this store was written before events were linked; open it for "
                                          "writing once (e.g. `diplograph ingest` into it) to link them")


def check_min_sources(min_sources: int | None) -> int | None:
    """``min_sources`` as given, refused in one line unless None or a whole number of 1 or more."""
    if min_sources is not None and (isinstance(min_sources, bool) or not isinstance(min_sources, int)
                                    or min_sources < 1):
        raise InputError(f"min_sources {min_sources!r}", "not a number of sources (a whole number, 1 or more)")
    return min_sources


def query_linked_events(
    store: Store,
    *,
    min_sources: int | None = None,
    show_mentions: bool = False,
    limit: int | None = None,
    **filters: Any,
) -> list[dict[str, Any]]:
    """Linked events (one row per happening, see :mod:`.linking`) matching the filters of
    :func:`query_events` on their earliest mention, oldest first, each with ``link_id``,
    ``num_mentions``, ``num_sources``, ``num_articles``, ``first_seen``, ``last_seen`` and
    ``linked_confidence``; with ``show_mentions``, a ``mentions`` list (every mention of the
    event in every article that published it: document, outlet, URL, title, sentence, date), earliest
    first, so a syndicated copy's article is listed with its own outlet and URL."""
    require_linked(store)
    where, params = event_filter(**filters)
    if check_min_sources(min_sources) is not None:
        where += " AND num_sources >= ?"
        params.append(min_sources)
    sql = f"SELECT * EXCLUDE (added) FROM linked_events WHERE {where} ORDER BY {EVENT_ORDER}"
    rows = _rows(store, sql + limit_clause(limit), params)
    if show_mentions and rows:
        mentions: dict[int, list[dict[str, Any]]] = {}
        marks = ", ".join("?" * len(rows))
        # each article of the mention's document (a store written before articles: the document's own)
        pages = "articles" if store.has_column("articles", "article_key") else \
            "(SELECT doc_id, '' AS article_key, url, outlet, published, source, added FROM documents)"
        for m in _rows(store, f"""
                SELECT l.link_id, r.doc_id, r.event_id, r.day, r.date, r.date_precision, a.outlet, a.url, r.title,
                       a.source, r.sentence, r.evidence_text, r.trigger_text, r.cameo, r.confidence
                FROM event_links l JOIN event_rows r USING (doc_id, event_id) JOIN {pages} a USING (doc_id)
                WHERE l.link_id IN ({marks})
                ORDER BY l.lo NULLS LAST, a.published NULLS LAST, l.doc_id, l.event_id, a.article_key""",
                       [r["link_id"] for r in rows]):
            mentions.setdefault(m.pop("link_id"), []).append(m)
        for row in rows:
            row["mentions"] = mentions.get(row["link_id"], [])
    return rows


def event_filter(
    *,
    source: str | None = None,
    target: str | None = None,
    dyad: Dyad | None = None,
    code: str | None = None,
    root: str | int | None = None,
    quad_class: int | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    mode: str | None = None,
) -> tuple[str, list[Any]]:
    """The SQL condition on ``event_rows`` (and its parameters) for these filters."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if source is not None:
        add(*_side("source", source))
    if target is not None:
        add(*_side("target", target))
    if dyad is not None:
        a, b, directed = parse_dyad(dyad)
        forward = _both(_side("source", a), _side("target", b))
        if directed:
            add(*forward)
        else:
            backward = _both(_side("source", b), _side("target", a))
            add(f"(({forward[0]}) OR ({backward[0]}))", *forward[1:], *backward[1:])
    if code is not None:
        if not _CAMEO.fullmatch(str(code)):
            raise InputError(str(code), "not a CAMEO event code (1 to 4 digits)")
        add("starts_with(cameo, ?)", str(code))
    if root is not None:
        root_code = str(root).zfill(2)
        if not re.fullmatch(r"\d\d", root_code) or not 1 <= int(root_code) <= 20:
            raise InputError(str(root), "not a CAMEO root code (01 to 20)")
        add("root = ?", root_code)
    if quad_class is not None:
        if quad_class not in (1, 2, 3, 4):
            raise InputError(str(quad_class), "not a quad class (1 to 4)")
        add("quad_class = ?", quad_class)
    if since is not None:
        add("day >= ?", parse_day(since, "since"))
    if until is not None:
        add("day <= ?", parse_day(until, "until", end=True))
    if mode is not None:
        if mode not in MODES:
            raise InputError(mode, f"not an event mode (one of {', '.join(MODES)})")
        add("mode = ?", mode)
    return (" AND ".join(clauses) or "TRUE"), params


def query_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    attribution: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Quotes with their speaker, the outlets they came through, and the article they are in.

    ``speaker`` is the resolved name, or the words naming the speaker when unresolved.

    ``speaker`` matches a part of the speaker's name or the speaker's actor code/country.
    ``about`` is an actor (as for events); a quote is about it when an actor mention inside the
    quoted words is that actor, or an event the quote supports has it as target (not as source:
    that is the speaker's side). So ``about="COL"`` finds Putin's "promising partner of Russia"
    (its event's target is Colombia), and ``about="VEN"`` his "Venezuela is our strategic partner"
    (named in the words).
    ``since``/``until`` filter on the article's publication date (when the words were reported).
    ``attribution`` keeps one kind of attribution: speech, belief, document or poll.
    """
    clauses: list[str] = []
    params: list[Any] = []
    # a store written before quotes had an attribution, opened read-only, holds only speech
    column = "q.attribution" if store.has_column("quotes", "attribution") else "'speech'"
    if attribution is not None:
        if attribution not in ATTRIBUTIONS:
            raise InputError(attribution, f"not an attribution (one of {', '.join(ATTRIBUTIONS)})")
        clauses.append(f"{column} = ?")
        params.append(attribution)
    if speaker is not None:
        if not speaker.strip():
            raise InputError("speaker", "empty")
        clauses.append(
            "(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\'"
            " OR starts_with(upper(q.speaker_code), ?) OR q.speaker_country = ?)"
        )
        pattern = f"%{_like_escape(speaker.strip())}%"
        params += [pattern, pattern, speaker.strip().upper(), speaker.strip().upper()]
    if about is not None:
        value = _actor(about)
        clauses.append(
            "(EXISTS (SELECT 1 FROM actors a WHERE a.doc_id = q.doc_id"
            " AND a.start_char >= q.start_char AND a.end_char <= q.end_char"
            " AND (starts_with(upper(a.code), ?) OR a.country = ?))"
            " OR EXISTS (SELECT 1 FROM events e WHERE e.doc_id = q.doc_id AND e.quote_id = q.quote_id"
            " AND (starts_with(upper(e.target_code), ?) OR e.target_country = ?)))"
        )
        params += [value] * 4
    if since is not None:
        clauses.append("d.published >= ?")
        params.append(parse_day(since, "since"))
    if until is not None:
        clauses.append("d.published <= ?")
        params.append(parse_day(until, "until", end=True))
    sql = f"""
        SELECT q.doc_id, q.quote_id, q.kind, {column} AS attribution,
               coalesce(q.speaker_name, q.speaker_text) AS speaker,
               q.speaker_name, q.speaker_text, q.speaker_code, q.speaker_country, q.via, q.text,
               q.start_char AS start, q.end_char AS "end", q.cue_text AS cue,
               d.published AS date, d.url, d.title, d.outlet
        FROM quotes q JOIN documents d USING (doc_id)
        WHERE {" AND ".join(clauses) or "TRUE"}
        ORDER BY d.published NULLS LAST, q.doc_id, q.start_char
    """
    return _rows(store, sql + limit_clause(limit), params)


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    freq: str = "month",
    directed: bool = False,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    linked: bool = False,
) -> list[dict[str, Any]]:
    """Cooperation and conflict between ``a`` and ``b`` per period, gaps filled with zeros.

    Each row: ``period`` (first day, ISO), ``events``, the four quad-class counts
    (``verbal_cooperation``, ``material_cooperation``, ``verbal_conflict``, ``material_conflict``),
    ``goldstein_sum`` and ``goldstein_mean`` (null for a period without events). Unordered unless
    ``directed`` (then a is the source). Mentions are counted, or with ``linked`` linked events
    (one per happening, dated and filtered by its earliest mention, as :func:`query_linked_events`).
    """
    if freq not in FREQUENCIES:
        raise InputError(freq, f"not a frequency (one of {', '.join(FREQUENCIES)})")
    dyad = (a, b) if not directed else f"{a}>{b}"
    where, params = event_filter(dyad=dyad, since=since, until=until)
    sql = f"""
        WITH ev AS (
            SELECT date_trunc('{freq}', day)::DATE AS period, quad_class, goldstein
            FROM {"linked_events" if linked else "event_rows"} WHERE day IS NOT NULL AND {where}
        ),
        periods AS (
            SELECT unnest(generate_series(min(period), max(period), INTERVAL {FREQUENCIES[freq]}))::DATE
                   AS period
            FROM ev HAVING count(*) > 0
        )
        SELECT p.period,
               count(ev.period) AS events,
               count(*) FILTER (WHERE ev.quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE ev.quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE ev.quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE ev.quad_class = 4) AS material_conflict,
               coalesce(sum(ev.goldstein), 0.0) AS goldstein_sum,
               avg(ev.goldstein) AS goldstein_mean
        FROM periods p LEFT JOIN ev USING (period)
        GROUP BY p.period ORDER BY p.period
    """
    return _rows(store, sql, params)


def parse_dyad(dyad: Dyad) -> tuple[str, str, bool]:
    """``"RUS-UKR"``, ``("RUS", "UKR")`` -> unordered pair; ``"RUS>UKR"`` -> directed."""
    if isinstance(dyad, str):
        directed = ">" in dyad
        parts = re.split(r"[>\-]", dyad)
    else:
        directed, parts = False, list(dyad)
    if len(parts) != 2:
        raise InputError(str(dyad), 'not a dyad (write "RUS-UKR" for either direction, "RUS>UKR" for one)')
    return _actor(parts[0]), _actor(parts[1]), directed


def parse_day(value: str | dt.date, what: str, *, end: bool = False) -> dt.date:
    """An ISO year, month or day -> its first day (or its last, with ``end``)."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = map(int, text.split("-"))
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {value}", "not an ISO date (2022, 2022-09 or 2022-09-20)") from None


def _actor(value: str) -> str:
    text = str(value).strip()
    if not _ACTOR.fullmatch(text):
        raise InputError(str(value), "not an actor code or country (e.g. RUS, RUSGOV, IGOUNO)")
    return text.upper()


def _side(role: str, value: str) -> tuple[str, str, str]:
    actor = _actor(value)
    return f"(starts_with(upper({role}_code), ?) OR {role}_country = ?)", actor, actor


def _both(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...]:
    return (f"{left[0]} AND {right[0]}", *left[1:], *right[1:])


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def limit_clause(limit: int | None) -> str:
    """`` LIMIT n`` for a valid row limit, nothing for None (InputError naming a bad one)."""
    if limit is None:
        return ""
    problem = limit_problem(limit)
    if problem:
        raise InputError(f"limit {limit!r}", problem)
    return f" LIMIT {limit}"


def limit_problem(limit: object) -> str | None:
    """What is wrong with a row limit (a whole number from 1 to ``MAX_LIMIT``), or None."""
    if isinstance(limit, bool) or not isinstance(limit, int):
        return "not a row limit (a whole number, 1 or more)"
    if limit < 1:
        return "not a row limit (a whole number, 1 or more; leave it out for every row)"
    if limit > MAX_LIMIT:
        return f"more rows than a store can hold (at most {MAX_LIMIT}; leave it out for every row)"
    return None


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run a query; rows as dicts with dates in ISO form."""
    with store.cursor() as cur:
        result = cur.execute(sql, params)
        names = [d[0] for d in result.description]
        rows = result.fetchall()
    return [{name: _iso(value) for name, value in zip(names, row, strict=True)} for row in rows]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
