"""The explorer's ASGI app: ``create_app(db_path, token=None)``.

The API is under ``/api`` (routes_read.py, routes_write.py; OpenAPI at ``/docs``), the page's
files (``static/``) at ``/``. The store is opened through a :class:`~.gate.StoreGate`, so an ingest
into the same file can run while the app answers. Errors are ``{"detail": "one line"}``: a bad
parameter 422 (FastAPI's checks) or 400 (diplograph's), an unknown id 404, a store another process
holds too long 503.
CORS is closed (no CORS headers: a page of another origin cannot read the answers), request bodies
are capped (security.BodyCap), and every answer says ``nosniff`` with a Content-Security-Policy
that lets the page fetch from this app alone. Swagger UI (``/docs``) and the map's outlines are
served from their registry packages (vendor.py), so nothing comes from another host.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, NotFoundError, StoreError, one_line
from ..settings import Settings, load_settings
from ..store.shared import open_store
from . import routes_read, routes_write
from .gate import StoreGate
from .security import MAX_BODY, BodyCap, SecurityHeaders
from .vendor import add_vendor_routes

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["STATIC", "create_app"]

STATIC = Path(__file__).parent / "static"


def create_app(db_path: str | os.PathLike[str], token: str | None = None, *, settings: Settings | None = None,
               max_body: int = MAX_BODY, wait: float = 10.0) -> FastAPI:
    """The app over the store at ``db_path``; writes need ``token`` (none: writes are refused)."""
    path = Path(db_path)
    if not path.is_file():
        raise InputError(str(db_path), "no such store (run `diplograph ingest` first)")
    settings = settings or load_settings()
    open_store(path, read_only=True, wait=wait).close()  # a file that is no store fails now, in one line
    gate = StoreGate(path, settings=settings, wait=wait)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        gate.close()

    app = FastAPI(title="diplograph", summary="Who did what to whom, when, where, and who says so.",
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.gate = gate
    app.state.token = token or None
    app.state.pipeline = _lazy_pipeline(settings)
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    _add_error_handlers(app)
    docs_scripts = add_vendor_routes(app)
    app.mount("/", StaticFiles(directory=STATIC, html=True), name="static")
    app.add_middleware(SecurityHeaders, docs_scripts=tuple(docs_scripts))
    app.add_middleware(BodyCap, limit=max_body)
    return app


def _lazy_pipeline(settings: Settings) -> Callable[[], Pipeline]:
    """The app's one Pipeline, loaded by the first posted document (loading spaCy takes seconds)."""
    lock = threading.Lock()
    loaded: list[Pipeline] = []

    def pipeline() -> Pipeline:
        from ..pipeline import Pipeline

        with lock:
            if not loaded:
                loaded.append(Pipeline(settings))
            return loaded[0]

    return pipeline


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body"))
        message = f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg", "invalid request"))
        return JSONResponse({"detail": one_line(message)}, status_code=422)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": one_line(str(exc))}, status_code=404 if isinstance(exc, NotFoundError) else 400)

    @app.exception_handler(StoreError)
    async def store_fault(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": one_line(exc.problem)}, status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": one_line(str(exc.detail))}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))
