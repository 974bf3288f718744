"""What storing a document computes of the document alone, computed where it was coded.

``ingest`` has one writer, the parent process, and every millisecond of CPU it spends on a document
is taken from the worker processes coding the next batches (on 2 cores, 41 ms a document before).
The parts of storing that read nothing of the store, the document's JSON record, its MinHash
signature (``store/copies.py``, ~5 ms a document) and its salient actors (``store/stories.py``), are
made in the worker instead, right after the document is coded (``Pipeline.run``'s ``finish``), and
travel back with it; ``Store.put_many`` uses them as it would use its own (:func:`prepare` makes what
it makes for a document that comes without).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import Document, Failure
from .copies import Signature, signature
from .stories import document_keys

__all__ = ["Prepared", "load", "prepare", "prepare_results", "record_json"]


@dataclass(frozen=True)
class Prepared:
    """A coded document with its stored record (``documents.record``), its copies signature and its
    stories' salient keys."""

    document: Document
    record: str
    signature: Signature
    story_keys: dict[str, tuple[str, int]]  # stories.document_keys


def record_json(doc: Document) -> str:
    """The document's ``documents.record``: its record without its text (kept once, in its own
    column) nor what the store computes when it is read back (story, related)."""
    record = doc.to_record()
    del record["text"]
    for made_by_the_store in ("story", "related"):
        record.pop(made_by_the_store, None)
    return json.dumps(record, ensure_ascii=False)


def load() -> None:
    """Import what :func:`prepare` uses that is not imported yet (datasketch, which imports scipy: half
    a second and ~30 MB), so that worker processes forked afterwards share it instead of each importing
    its own."""
    import datasketch  # noqa: F401


def prepare(doc: Document) -> Prepared:
    return Prepared(doc, record_json(doc), signature(doc.text), document_keys(doc))


def prepare_results(results: list[Document | Failure]) -> list[Prepared | Failure]:
    """A batch's results with each document prepared (a Failure stays as it is): a worker's ``finish``."""
    return [item if isinstance(item, Failure) else prepare(item) for item in results]
