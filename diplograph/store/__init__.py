"""The store: a DuckDB file of documents, events and quotes, its queries and its exports."""

from __future__ import annotations

from .db import Store, StoreError, source_key
from .export import FORMATS, export_events
from .query import dyad_series, query_events, query_quotes

__all__ = [
    "FORMATS", "Store", "StoreError", "dyad_series", "export_events", "query_events", "query_quotes", "source_key",
]
