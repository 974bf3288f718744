"""The read endpoints: events, documents, quotes, actors, and the dyad, relations, graph and places views."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from ..model import MODES
from . import queries
from .gate import StoreGate

__all__ = ["router"]

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=500, description="rows per page (1 to 500)")]
Offset = Annotated[int, Query(ge=0, le=2**62, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(max_length=10, description="ISO year, month or day (inclusive)")]
LinkId = Annotated[int, Path(ge=-(2**63), le=2**63 - 1, description="a linked event's id")]
DocId = Annotated[str, Path(max_length=200)]


def _gate(request: Request) -> StoreGate:
    gate: StoreGate = request.app.state.gate
    return gate


@router.get("/events", summary="Linked events, filtered and paged, oldest first")
def events(request: Request, source: Text = None, target: Text = None, dyad: Text = None, actor: Text = None,
           code: Text = None, root: Text = None,
           quad: Annotated[int | None, Query(ge=1, le=4)] = None,
           mode: Annotated[str | None, Query(max_length=20, description=", ".join(MODES))] = None,
           since: Day = None, until: Day = None,
           min_sources: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
           place: Annotated[str | None, Query(max_length=200, description="a place's name, as /api/places gives it")]
           = None,
           place_country: Annotated[str | None, Query(max_length=3, description="the place's country (ISO alpha-3)")]
           = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with _gate(request).reading() as store:
        return queries.event_page(store, limit=limit, offset=offset, source=source, target=target, dyad=dyad,
                                  actor=actor, code=code, root=root, quad_class=quad, mode=mode, since=since,
                                  until=until, min_sources=min_sources, place=place, place_country=place_country)


@router.get("/events/{link_id}", summary="One linked event with its mentions and reviews")
def event(request: Request, link_id: LinkId) -> dict[str, Any]:
    with _gate(request).reading() as store:
        found = queries.event_detail(store, link_id)
    if found is None:
        raise HTTPException(404, f"no event {link_id}")
    return found


@router.get("/documents", summary="Stored documents, newest first")
def documents(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with _gate(request).reading() as store:
        return queries.document_page(store, limit=limit, offset=offset, q=q)


@router.get("/documents/{doc_id}", summary="A document's record: text, actors, events, quotes, story, related")
def document(request: Request, doc_id: DocId) -> dict[str, Any]:
    with _gate(request).reading() as store:
        found = queries.document_record(store, doc_id)
    if found is None:
        raise HTTPException(404, "no such document")
    return found


@router.get("/documents/{doc_id}/related", summary="Articles related to a document, with why")
def related(request: Request, doc_id: DocId) -> list[dict[str, Any]]:
    with _gate(request).reading() as store:
        if store.get(doc_id) is None:
            raise HTTPException(404, "no such document")
        return store.related(doc_id)


@router.get("/quotes", summary="Quotes, filtered by speaker or document, paged")
def quotes(request: Request, speaker: Text = None, doc_id: Text = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    with _gate(request).reading() as store:
        return queries.quote_page(store, limit=limit, offset=offset, speaker=speaker, doc_id=doc_id)


@router.get("/actors", summary="Coded actors with how many documents and events name them")
def actors(request: Request, country: Text = None, q: Text = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    with _gate(request).reading() as store:
        return queries.actor_page(store, limit=limit, offset=offset, country=country, q=q)


@router.get("/dyad", summary="Events between two countries or actors per period (both directions)")
def dyad(request: Request, a: Annotated[str, Query(max_length=40)], b: Annotated[str, Query(max_length=40)],
         interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
         since: Day = None, until: Day = None) -> dict[str, Any]:
    with _gate(request).reading() as store:
        return queries.dyad(store, a, b, interval=interval, since=since, until=until)


@router.get("/relations", summary="A country's strongest cooperative and conflictual partners")
def relations(request: Request, country: Annotated[str, Query(max_length=3)], since: Day = None,
              until: Day = None, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    with _gate(request).reading() as store:
        return queries.relations(store, country, since=since, until=until, limit=limit)


@router.get("/graph", summary="Countries and the events between each pair")
def graph(request: Request, since: Day = None, until: Day = None,
          min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> dict[str, Any]:
    with _gate(request).reading() as store:
        return queries.graph(store, since=since, until=until, min_events=min_events)


@router.get("/places", summary="Event places with their number of events (and their country's ISO alpha-2 code)")
def places(request: Request, since: Day = None, until: Day = None) -> list[dict[str, Any]]:
    with _gate(request).reading() as store:
        return queries.places(store, since=since, until=until)
