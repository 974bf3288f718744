"""diplograph: who did what to whom, when, where, and who says so — read from world news.

``diplograph.extract(text, published="2022-09-21")`` returns the document record (see
``diplograph.model.Document``); ``diplograph.Pipeline`` streams many documents. Both load spaCy
on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Document
    from .pipeline import Pipeline

__all__ = ["Document", "Pipeline", "__version__", "extract"]
__version__ = "0.1.0"


def extract(text: str, **meta: Any) -> Document:
    """One article (text or HTML) to its document record; see ``Pipeline.extract``."""
    from .pipeline import extract as _extract

    return _extract(text, **meta)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "Document":
        from .model import Document

        return Document
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
