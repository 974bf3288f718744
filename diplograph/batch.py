"""Ingest into the store: idempotent, resumable, and keeping a record of every failure.

An input is keyed by its name and a hash of its raw content. A key already stored is skipped, so a
re-run finishes what an interrupted run left and never stores a document twice; a document whose
text is already stored under another input is recorded against that input, not duplicated.

The duplicate-id rule (a JSONL line's "id", else the sha1 of the cleaned text): the same id with
the same text is a re-ingest, counted as "already stored (same text)", unless it comes under a
URL or outlet the stored text has not been published under (a syndicated copy): that is recorded
as another article of the stored document (``store/articles.py``), counted as "syndicated", and
nothing is coded twice. The same id with OTHER text is refused, never dropped: a Failure naming
the id and the input that holds the stored text (e.g. "docs.jsonl:2: id 'a1' is already stored
with other text (from docs.jsonl:1); give this version its own id"), recorded in the store's
failures and not marked done, so the run exits 2 and a re-run tries it again. It holds within one
file, one batch and across runs alike.

A fault of the store itself (damaged, locked, read-only, a full disk) stops the run with a
StoreError: the document being written is rolled back and stays not done, so a re-run stores it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from .errors import InputError
from .model import Document, Failure, Source
from .pipeline import Pipeline
from .progress import Progress
from .store import source_key
from .store.prepared import Prepared, prepare_results
from .store.prepared import load as load_prepare

if TYPE_CHECKING:
    from .store.db import Added

__all__ = ["IngestSummary", "StoreWrites", "ingest"]


class StoreWrites(Protocol):
    """The calls ingest makes on a store: a Store, a ReleasingStore, or a wrapper of one (``watch``)."""

    def source_done(self, key: str, *, include_failed: bool = False) -> bool: ...

    def put(self, doc: Document, *, key: str | None = None) -> Added: ...

    def put_many(self, docs: Sequence[Document], *, keys: Sequence[str | None] | None = None,
                 prepared: Sequence[Prepared | None] | None = None) -> list[Added]: ...

    def add_failure(self, failure: Failure, *, key: str | None = None) -> None: ...

    def mark_source(self, key: str, doc_id: str | None) -> None: ...

    def held(self) -> AbstractContextManager[object]: ...


@dataclass
class IngestSummary:
    stored: int = 0
    articles: int = 0  # a stored text under another URL or outlet: another article, not another document
    duplicates: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)

    def line(self) -> str:
        articles = f"{self.articles} syndicated (a stored text under another URL or outlet), " if self.articles else ""
        return (f"{self.stored} stored, {articles}{self.duplicates} already stored (same text), "
                f"{self.skipped} skipped (ingested before), {len(self.failures)} failed")


def ingest(items: Iterable[Source | Failure], store: StoreWrites, pipeline: Pipeline, *,
           progress: Progress | None = None,
           run: Callable[[Iterable[Source | Failure]], Iterable[Document | Prepared | Failure]] | None = None,
           ) -> IngestSummary:
    """Read every source (from ``diplograph.ingest.iter_sources``) into ``store`` and say what happened.

    ``run`` codes the sources not yet stored, results in input order: ``pipeline.run`` (this process
    and its worker processes) unless given, e.g. ``cluster.runner.run_on_cluster`` on a Dask cluster;
    the results are written here either way, this process being the store's one writer. A result may
    come prepared for storing (``store/prepared.py``): ``pipeline.run`` has its workers prepare each
    document, so that this process spends on it little more than the store's lookups."""
    summary = IngestSummary()
    keys: dict[str, str] = {}

    def fresh() -> Iterator[Source | Failure]:
        for item in items:
            if isinstance(item, Source):
                key = source_key(item.name, item.content)
                if store.source_done(key):
                    summary.skipped += 1
                    if progress:
                        progress.update(skipped=True)
                    continue
                keys[item.name] = key
            yield item

    if run is None:
        load_prepare()  # before the workers fork, so that they share it
    results = (run or partial(pipeline.run, finish=prepare_results))(fresh())
    # a batch's results come together (a worker returns them at once): each batch is stored with
    # the store held open throughout, and let go of while the next one is coded; its documents go in
    # one transaction (Store.put_many), so a batch is stored whole or not at all, its inputs marked done
    # with it, and a kill mid-batch leaves its inputs not done for a re-run
    while batch := list(islice(results, pipeline.settings.batch_size)):
        with store.held():
            docs: list[Document] = []
            made: list[Prepared | None] = []
            for result in batch:
                if isinstance(result, Failure):
                    _store_documents(store, docs, made, keys, summary, progress)
                    docs, made = [], []
                    store.add_failure(result, key=keys.get(result.input))
                    summary.failures.append(result)
                    if progress:
                        progress.update(failed=True)
                elif isinstance(result, Prepared):
                    docs.append(result.document)
                    made.append(result)
                else:
                    docs.append(result)
                    made.append(None)
            _store_documents(store, docs, made, keys, summary, progress)
    return summary


def _store_documents(store: StoreWrites, docs: list[Document], made: list[Prepared | None], keys: dict[str, str],
                     summary: IngestSummary, progress: Progress | None) -> None:
    """Store documents in one transaction; when the store refuses one of them (an InputError: the whole
    transaction rolled back), store them one by one instead, so that one is recorded as its input's
    failure and the others stored."""
    if not docs:
        return
    doc_keys = [keys.get(doc.source or "", "") or None for doc in docs]
    try:
        added = store.put_many(docs, keys=doc_keys, prepared=made)
    except InputError:
        for doc, key in zip(docs, doc_keys, strict=True):
            failed = not _store_document(store, doc, key or "", summary)
            if progress:
                progress.update(failed=failed)
        return
    for doc, key, what in zip(docs, doc_keys, added, strict=True):
        _count(store, doc, key, what, summary)
        if progress:
            progress.update(failed=False)


def _store_document(store: StoreWrites, doc: Document, key: str, summary: IngestSummary) -> bool:
    """Store one document; False when the store refuses it (an id stored with other text, a bad
    date), which is then recorded as the input's failure and left not done."""
    try:
        added = store.put(doc, key=key or None)
    except InputError as exc:
        failure = Failure(exc.input, exc.problem)
        store.add_failure(failure, key=key or None)
        summary.failures.append(failure)
        return False
    _count(store, doc, key or None, added, summary)
    return True


def _count(store: StoreWrites, doc: Document, key: str | None, added: Added, summary: IngestSummary) -> None:
    """Count what storing ``doc`` added; a page stored before is marked done under its input's key too."""
    if added == "document":
        summary.stored += 1
    elif added == "article":
        summary.articles += 1
    else:
        summary.duplicates += 1
        if key:
            store.mark_source(key, doc.doc_id)
