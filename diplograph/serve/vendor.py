"""Third-party files the explorer serves from the registry packages that ship them (pinned in
pyproject.toml), so the browser fetches nothing from another host and the page works offline:

- ``/vendor/swagger-ui/``: Swagger UI 5 (it reads OpenAPI 3.1, which FastAPI writes) as shipped by
  ``fastapi-offline`` (MIT; Swagger UI is Apache-2.0), behind ``/docs``, whose one inline script is
  allowed by its hash (security.py's docs policy);
- ``/vendor/worldmap.svg``: the country outlines of ``pygal_maps_world`` (LGPL-3.0+), one ``<g>`` per
  country classed by its ISO 3166 alpha-2 code, in a Robinson projection centred on 10°E
  (static/app.js projects the event places the same way).

ReDoc (``/redoc``) is left out: one API viewer is enough.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["SWAGGER_UI", "WORLD_MAP", "add_vendor_routes", "inline_script_hashes"]

SWAGGER_UI = "/vendor/swagger-ui"
WORLD_MAP = "/vendor/worldmap.svg"


def _swagger_ui_dir() -> Path:
    # the package's files alone (swagger-ui-bundle.js, swagger-ui.css, favicon.png): its FastAPIOffline
    # factory would make the app itself, and mount /redoc too
    return Path(str(files("fastapi_offline") / "static"))


def _world_map_file() -> Path:
    # the file alone: importing pygal_maps_world.maps would import pygal, which the app does not need
    return Path(str(files("pygal_maps_world") / "worldmap.svg"))


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources (``'sha256-…'``) for each inline ``<script>`` of ``html``."""
    return ["'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
            for body in re.findall(r"<script>(.*?)</script>", html, flags=re.S)]


def add_vendor_routes(app: FastAPI) -> list[str]:
    """Mount Swagger UI and the world map on ``app`` and add ``/docs``; the inline-script hashes /docs needs."""
    docs = get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} API",
                               swagger_js_url=f"{SWAGGER_UI}/swagger-ui-bundle.js",
                               swagger_css_url=f"{SWAGGER_UI}/swagger-ui.css",
                               swagger_favicon_url=f"{SWAGGER_UI}/favicon.png")
    page = bytes(docs.body).decode("utf-8")
    world_map = _world_map_file()

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(WORLD_MAP, include_in_schema=False)
    def world_outlines() -> FileResponse:
        return FileResponse(world_map, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    app.mount(SWAGGER_UI, StaticFiles(directory=_swagger_ui_dir()), name="swagger-ui")
    return inline_script_hashes(page)
