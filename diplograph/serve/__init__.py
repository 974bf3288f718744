"""``diplograph serve``: the HTTP API over a store, and the explorer page (see app.py)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
