"""The writes: post a document (coded by the shared pipeline, stored as ingest stores it) and post a
review of an event. Each needs the server's token (security.check_token)."""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..clean import publication_date
from ..store import source_key
from ..store.reviews import MAX_COMMENT, MAX_REVIEWER
from .gate import StoreGate
from .queries import review_json
from .security import check_token

__all__ = ["router"]

router = APIRouter(prefix="/api")


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, description="the article's text")
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=10, description="YYYY-MM-DD")


class ReviewIn(BaseModel):
    verdict: Literal["confirm", "reject", "correct"]
    reviewer: str = Field(min_length=1, max_length=MAX_REVIEWER)
    comment: str | None = Field(None, max_length=MAX_COMMENT)
    source: str | None = Field(None, max_length=40)
    target: str | None = Field(None, max_length=40)
    cameo: str | None = Field(None, max_length=4)
    mode: str | None = Field(None, max_length=20)
    date: str | None = Field(None, max_length=10)


@router.post("/documents", status_code=201, summary="Code a document and store it (token required)")
def post_document(request: Request, body: DocumentIn) -> JSONResponse:
    check_token(request, request.app.state.token)
    published = publication_date("published", body.published)
    # named by its URL, else by its text's hash, as an ingested input is named by its file
    name = body.url or f"api:{hashlib.sha1(body.text.encode('utf-8')).hexdigest()[:12]}"
    doc = request.app.state.pipeline().extract(body.text, published=published, url=body.url, title=body.title,
                                               outlet=body.outlet, kind="text", name=name)
    gate: StoreGate = request.app.state.gate
    with gate.writing() as store:
        added = store.put(doc, key=source_key(name, body.text))
    return JSONResponse({"doc_id": doc.doc_id, "added": added, "events": len(doc.events)}, status_code=201)


@router.post("/events/{link_id}/reviews", status_code=201, summary="Review an event (token required)")
def post_review(request: Request, link_id: Annotated[int, Path(ge=-(2**63), le=2**63 - 1)],
                body: ReviewIn) -> JSONResponse:
    check_token(request, request.app.state.token)
    gate: StoreGate = request.app.state.gate
    with gate.writing() as store:
        review = store.add_review(link_id, body.verdict, reviewer=body.reviewer, comment=body.comment,
                                  source=body.source, target=body.target, cameo=body.cameo, mode=body.mode,
                                  date=body.date)
    return JSONResponse(review_json(review), status_code=201)
