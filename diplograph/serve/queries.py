"""What the API asks of a store beyond store/query.py: pages with totals, one event with its
mentions, documents, actors, and the country-level views (relations, graph, places).

Every filter is ``store.query.event_filter`` (the CLI's), every value a parameter; the rows are
linked events (one per happening, see store/linking.py), so a count here is the length of the list
``/api/events`` gives for the same filters.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import InputError
from ..store import Store
from ..store.query import EVENT_ORDER, _rows, dyad_series, event_filter

__all__ = [
    "actor_page",
    "document_page",
    "document_record",
    "dyad",
    "event_detail",
    "event_page",
    "graph",
    "places",
    "quote_page",
    "relations",
    "review_json",
]

QUAD_NAMES = {"1": "verbal_cooperation", "2": "material_cooperation", "3": "verbal_conflict", "4": "material_conflict"}


def _linked_filter(actor: str | None = None, min_sources: int | None = None, place: str | None = None,
                   place_country: str | None = None, **filters: Any) -> tuple[str, list[Any]]:
    where, params = event_filter(**filters)
    if place is not None:  # a place as /api/places names it
        if not place.strip():
            raise InputError("place", "empty")
        where += " AND location_name = ?"
        params.append(place.strip())
    if place_country is not None:
        where += " AND location_country = ?"
        params.append(_country_code(place_country))
    if actor is not None:
        as_source, source_params = event_filter(source=actor)
        as_target, target_params = event_filter(target=actor)
        where += f" AND (({as_source}) OR ({as_target}))"
        params += source_params + target_params
    if min_sources is not None:
        where += " AND num_sources >= ?"
        params.append(min_sources)
    return where, params


def _event(row: dict[str, Any]) -> dict[str, Any]:
    row["link_id"] = str(row["link_id"])  # a 63-bit id loses digits as a JavaScript number
    return row


def event_page(store: Store, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
    where, params = _linked_filter(**filters)
    # the page's ids and the total in one pass that sorts the ordering columns alone, then the page's
    # rows: sorting whole rows to keep 50 took 60-120 ms of CPU over 100,000 events, this 30-50
    with store.cursor() as cur:
        page = cur.execute(f"SELECT link_id, count(*) OVER () FROM linked_events WHERE {where} "
                           f"ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        if page:
            total = page[0][1]
        else:  # a page past the end: count alone
            (total,) = cur.execute(f"SELECT count(*) FROM linked_events WHERE {where}", params).fetchone() or (0,)
    if not page:
        return {"total": total, "items": []}
    ids = [link_id for link_id, _ in page]
    rows = _rows(store, f"SELECT * EXCLUDE (added) FROM linked_events WHERE link_id IN ({', '.join('?' * len(ids))}) "
                        f"ORDER BY {EVENT_ORDER}", ids)
    return {"total": total, "items": [_event(r) for r in rows]}


def event_detail(store: Store, link_id: int) -> dict[str, Any] | None:
    rows = _rows(store, "SELECT * EXCLUDE (added) FROM linked_events WHERE link_id = ?", [link_id])
    if not rows:
        return None
    event = _event(rows[0])
    event["mentions"] = _rows(store, """
        SELECT r.doc_id, r.event_id, r.title, r.outlet, r.url, r.published,
               r.evidence_text AS sentence, r.evidence_start, r.evidence_end,
               r.trigger_start, r.trigger_end, r.source_start, r.source_end, r.target_start, r.target_end
        FROM event_links l JOIN event_rows r USING (doc_id, event_id)
        WHERE l.link_id = ?
        ORDER BY l.lo NULLS LAST, r.published NULLS LAST, r.doc_id, r.event_id""", [link_id])
    event["reviews"] = _reviews(store, link_id=link_id)
    return event


def _reviews(store: Store, *, link_id: int | None = None, doc_id: str | None = None) -> list[dict[str, Any]]:
    """The reviews of an event or of a document's events (store/reviews.py), ids as strings."""
    return [review_json(r) for r in store.reviews(link_id=link_id, doc_id=doc_id)]


def review_json(review: dict[str, Any]) -> dict[str, Any]:
    """A review as the API gives it: its event ids as strings (63-bit ids lose digits in JavaScript)."""
    for key in ("link_id", "reviewed_link_id"):
        if review.get(key) is not None:
            review[key] = str(review[key])
    return review


def document_page(store: Store, *, limit: int, offset: int, q: str | None = None) -> dict[str, Any]:
    where, params = "TRUE", []
    if q is not None:
        if not q.strip():
            raise InputError("q", "empty")
        pattern = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where = "(d.title ILIKE ? ESCAPE '\\' OR d.outlet ILIKE ? ESCAPE '\\' OR d.text ILIKE ? ESCAPE '\\')"
        params = [pattern] * 3
    # the page and the total in one pass (a search reads every text once, not twice), then the page's
    # documents' events counted through events_doc (not every document's, as a join had it)
    order = "published DESC NULLS LAST, added DESC, doc_id"
    items = _rows(store, f"""
        SELECT d.doc_id, d.title, d.outlet, d.url, d.published, d.added, count(*) OVER () AS total_rows
        FROM documents d WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?""", [*params, limit, offset])
    counts: dict[str, int] = {}
    with store.cursor() as cur:
        if items:
            total = items[0]["total_rows"]
            ids = [item["doc_id"] for item in items]
            marks = ", ".join("?" * len(ids))
            counts = dict(cur.execute(f"SELECT doc_id, count(*) FROM events WHERE doc_id IN ({marks}) GROUP BY doc_id",
                                      ids).fetchall())
        else:  # a page past the end: count alone
            (total,) = cur.execute(f"SELECT count(*) FROM documents d WHERE {where}", params).fetchone() or (0,)
    for item in items:
        del item["total_rows"], item["added"]
        item["events"] = counts.get(item["doc_id"], 0)
    return {"total": total, "items": items}


def document_record(store: Store, doc_id: str) -> dict[str, Any] | None:
    doc = store.get(doc_id)
    if doc is None:
        return None
    record = doc.to_record()
    with store.cursor() as cur:
        links = dict(cur.execute("SELECT event_id, link_id FROM event_links WHERE doc_id = ?", [doc_id]).fetchall())
    for event in record.get("events", []):
        link = links.get(event.get("id"))
        event["link_id"] = str(link) if link is not None else None
    record["reviews"] = _reviews(store, doc_id=doc_id)
    return record


def quote_page(store: Store, *, limit: int, offset: int, speaker: str | None = None,
               doc_id: str | None = None) -> dict[str, Any]:
    clauses, params = [], []
    if speaker is not None:
        if not speaker.strip():
            raise InputError("speaker", "empty")
        pattern = "%" + speaker.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\'"
                       " OR starts_with(upper(q.speaker_code), ?) OR q.speaker_country = ?)")
        params += [pattern, pattern, speaker.strip().upper(), speaker.strip().upper()]
    if doc_id is not None:
        clauses.append("q.doc_id = ?")
        params.append(doc_id)
    where = " AND ".join(clauses) or "TRUE"
    with store.cursor() as cur:
        (total,) = cur.execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone() or (0,)
    items = _rows(store, f"""
        SELECT q.doc_id, q.quote_id, q.kind, q.attribution, coalesce(q.speaker_name, q.speaker_text) AS speaker,
               q.speaker_code, q.speaker_country, q.text, q.start_char AS start, q.end_char AS "end",
               d.published AS date, d.url, d.title, d.outlet
        FROM quotes q JOIN documents d USING (doc_id)
        WHERE {where}
        ORDER BY d.published NULLS LAST, q.doc_id, q.start_char LIMIT ? OFFSET ?""", [*params, limit, offset])
    return {"total": total, "items": items}


def actor_page(store: Store, *, limit: int, offset: int, country: str | None = None,
               q: str | None = None) -> dict[str, Any]:
    clauses, params = ["a.code IS NOT NULL"], []
    if country is not None:
        if not country.strip().isalpha() or len(country.strip()) != 3:
            raise InputError(f"country {country}", "not a country code (three letters, e.g. RUS)")
        clauses.append("a.country = ?")
        params.append(country.strip().upper())
    if q is not None:
        if not q.strip():
            raise InputError("q", "empty")
        pattern = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(coalesce(a.name, a.text) ILIKE ? ESCAPE '\\' OR a.code ILIKE ? ESCAPE '\\')")
        params += [pattern, pattern]
    where = " AND ".join(clauses)
    grouped = f"""
        SELECT coalesce(a.name, a.code) AS name, a.code, a.country, a.sector,
               count(DISTINCT a.doc_id) AS documents
        FROM actors a WHERE {where} GROUP BY ALL"""
    with store.cursor() as cur:
        (total,) = cur.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone() or (0,)
    items = _rows(store, f"""
        WITH g AS ({grouped}),
        sides AS (SELECT source_code AS code FROM events UNION ALL SELECT target_code FROM events),
        n AS (SELECT code, count(*) AS events FROM sides WHERE code IS NOT NULL GROUP BY code)
        SELECT g.*, coalesce(n.events, 0) AS events FROM g LEFT JOIN n USING (code)
        ORDER BY g.documents DESC, events DESC, g.name, g.code LIMIT ? OFFSET ?""", [*params, limit, offset])
    return {"total": total, "items": items}


def dyad(store: Store, a: str, b: str, *, interval: str, since: str | None, until: str | None) -> dict[str, Any]:
    rows = dyad_series(store, a, b, freq=interval, since=since, until=until, linked=True)
    series = [{
        "period": r["period"], "events": r["events"],
        "quad": {quad: r[name] for quad, name in QUAD_NAMES.items()},
        "goldstein_sum": r["goldstein_sum"], "goldstein_mean": r["goldstein_mean"],
    } for r in rows]
    return {"a": a.strip().upper(), "b": b.strip().upper(), "interval": interval, "series": series}


# The linked events for a country-level view: without a period, its events' own columns suffice and the
# documents are not joined (half the CPU of the view over 100,000 events: 14 ms against 28 for the graph).
_LINKED_CODED = "(SELECT e.* FROM linked_event_counts c JOIN events e ON e.global_event_id = c.link_id)"


def _linked(since: str | None, until: str | None) -> str:
    return "linked_events" if since is not None or until is not None else _LINKED_CODED


def _partners(store: Store, country: str, quads: tuple[int, int], where: str, params: list[Any],
              limit: int, source: str) -> list[dict[str, Any]]:
    return _rows(store, f"""
        WITH e AS (
            SELECT CASE WHEN source_country = ? THEN target_country ELSE source_country END AS partner, goldstein
            FROM {source}
            WHERE {where} AND (source_country = ? OR target_country = ?) AND quad_class IN (?, ?)
        )
        SELECT partner, count(*) AS events, sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM e WHERE partner IS NOT NULL AND partner <> ?
        GROUP BY partner ORDER BY events DESC, abs(goldstein_sum) DESC, partner LIMIT ?""",
                 [country, *params, country, country, *quads, country, limit])


def _country_code(country: str) -> str:
    code = country.strip().upper()
    if not code.isalpha() or len(code) != 3:
        raise InputError(f"country {country}", "not a country code (three letters, e.g. RUS)")
    return code


@lru_cache(maxsize=1)
def _alpha2() -> dict[str, str]:
    """ISO 3166 alpha-3 -> alpha-2 (the map's outlines are keyed by alpha-2); Kosovo as the gazetteer codes it."""
    import pycountry

    return {**{c.alpha_3: c.alpha_2 for c in pycountry.countries}, "XKX": "XK"}


def relations(store: Store, country: str, *, since: str | None, until: str | None, limit: int) -> dict[str, Any]:
    code = _country_code(country)
    where, params = event_filter(since=since, until=until)
    return {"country": code,
            "cooperative": _partners(store, code, (1, 2), where, params, limit, _linked(since, until)),
            "conflictual": _partners(store, code, (3, 4), where, params, limit, _linked(since, until))}


def graph(store: Store, *, since: str | None, until: str | None, min_events: int) -> dict[str, Any]:
    where, params = event_filter(since=since, until=until)
    edges = _rows(store, f"""
        WITH e AS (
            SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                   quad_class, goldstein
            FROM {_linked(since, until)}
            WHERE {where} AND source_country IS NOT NULL AND target_country IS NOT NULL
              AND source_country <> target_country
        )
        SELECT a, b, count(*) AS events, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
        FROM e GROUP BY a, b HAVING count(*) >= ? ORDER BY events DESC, a, b""", [*params, min_events])
    nodes: dict[str, int] = {}
    for edge in edges:
        edge["quad"] = {str(q): edge.pop(f"q{q}") for q in (1, 2, 3, 4)}
        for side in (edge["a"], edge["b"]):
            nodes[side] = nodes.get(side, 0) + edge["events"]
    return {"nodes": [{"id": n, "events": c} for n, c in sorted(nodes.items())], "edges": edges}


def places(store: Store, *, since: str | None, until: str | None) -> list[dict[str, Any]]:
    where, params = event_filter(since=since, until=until)
    rows = _rows(store, f"""
        SELECT location_name AS name, location_country AS country, location_lat AS lat, location_lon AS lon,
               count(*) AS events
        FROM {_linked(since, until)}
        WHERE {where} AND location_lat IS NOT NULL AND location_lon IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, name""", params)
    alpha2 = _alpha2()
    for row in rows:  # the map shades a country's outline (keyed by its alpha-2 code) by its events
        row["country_iso2"] = alpha2.get(row["country"] or "")
    return rows
