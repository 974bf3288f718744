"""The path a document walks: ingest -> clean -> annotate (spaCy + diplograph's components) -> record.

A chain of generators with batching around them, as ``Language.pipe`` is: sources stream in, are
cleaned one by one, parsed in batches, and come out as Documents (or Failures) in input order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from typing import Any, BinaryIO, overload

from spacy.language import Language
from spacy.tokens import Doc

from ._workers import Finish, run_parallel, workers_for
from .annotate import COMPONENT_CONFIG, MODEL_LANGUAGE, load_nlp, make_doc
from .budget import BudgetExceeded, Limits, within
from .errors import InputError
from .model import Document, Failure, Source, doc_id_for
from .settings import Settings, load_settings

__all__ = ["Pipeline", "document_from_doc", "extract"]


class Pipeline:
    """Loads spaCy once and streams documents through every stage.

    The CLI, the store's ingest, the evaluation and the Dask tasks all call these methods.
    """

    def __init__(self, settings: Settings | None = None, actor_files: Sequence[str] = (), *,
                 verb_files: Sequence[str] = (), nlp: Language | None = None) -> None:
        """``actor_files``/``verb_files``: users' dictionaries on top of the shipped ones (later
        files win); ``nlp``: an already loaded pipeline from ``annotate.load_nlp`` to share (tests,
        workers), which then keeps its own dictionaries."""
        self.settings = settings or load_settings()
        self.actor_files = tuple(str(p) for p in actor_files)
        self.verb_files = tuple(str(p) for p in verb_files)
        self._nlp = nlp
        self._warm = False

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.actor_files, verb_files=self.verb_files)
        # spaCy refuses texts past its max_length; max_chars is the limit that names the document
        self._nlp.max_length = max(self._nlp.max_length, self.settings.max_chars)
        return self._nlp

    def warm_up(self) -> None:
        """Load what the stages load on first use, by coding the bundled sample article once: the
        model, the actor dictionary (2 s), the gazetteer's cities (1.5 s), the cleaners' lists.
        Workers forked afterwards share them instead of each loading its own."""
        from .lexicon.gazetteer import preload
        from .lexicon.tables import shipped_text

        if self._warm:
            return
        self._warm = True
        sample = Source(name="<warm-up>", content=shipped_text("demo_article.txt"), published="2022-09-21")
        nlp = self.nlp
        for item in self._cleaned([sample]):
            if isinstance(item, Document):
                nlp(make_doc(nlp, item.text, _meta(item)))
        preload()  # the sample names no place the gazetteer is asked for

    @property
    def limits(self) -> Limits:
        """One document's budget of time and memory (settings max_seconds and max_memory_mb)."""
        return Limits(self.settings.max_seconds, self.settings.max_memory_mb)

    # -- entry points -------------------------------------------------------------------------

    def run_inputs(self, inputs: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
        """Paths, directories, URLs, feeds or "-" -> Documents and Failures, in input order."""
        from .ingest import iter_sources

        return self.run(iter_sources(inputs, self.settings, stdin=stdin))

    @overload
    def run(self, items: Iterable[Source | Failure]) -> Iterator[Document | Failure]: ...

    @overload
    def run(self, items: Iterable[Source | Failure], *, finish: Finish) -> Iterator[Any]: ...

    def run(self, items: Iterable[Source | Failure], *, finish: Finish | None = None) -> Iterator[Any]:
        """Raw sources -> Documents; a Failure (from ingest or cleaning) passes through in place.

        Batches go to worker processes (the ``workers`` setting) once there is more than one.
        ``finish``: what to make of each batch's results where it was coded (``_workers.Finish``).
        """
        batches = _batches(items, self.settings.batch_size)
        workers = workers_for(self.settings.workers)
        first = next(batches, None)
        second = next(batches, None) if workers > 1 and first is not None else None
        if first is not None and second is not None:
            yield from run_parallel(self, itertools.chain([first, second], batches), workers, finish)
            return
        for batch in itertools.chain([first] if first is not None else [], batches):
            results = self.process_batch(batch)
            yield from (finish(results) if finish is not None else results)

    def process_batch(self, batch: list[Source | Failure]) -> list[Document | Failure]:
        """Clean and annotate one batch of sources, in this process."""
        return list(self._annotate_batch(list(self._cleaned(batch))))

    def extract(
        self,
        text: str,
        *,
        published: str | None = None,
        url: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        doc_id: str | None = None,
        kind: str | None = None,
        name: str = "<text>",
    ) -> Document:
        """One article (text or HTML) -> its document record; a bad one raises InputError."""
        source = Source(name=name, content=text, kind=kind, url=url, title=title, outlet=outlet,
                        published=published, doc_id=doc_id)
        (result,) = self.run([source])
        if isinstance(result, Failure):
            raise InputError(result.input, result.problem)
        return result

    def annotate_texts(self, texts: Iterable[str], published: str | None = None) -> Iterator[Document]:
        """Texts taken as they are (no cleaning): for gold sets made of single sentences."""
        docs = (Document(doc_id=doc_id_for(t), text=t, published=published, source="<text>") for t in texts)
        for result in self._annotate(docs):
            if isinstance(result, Failure):
                raise InputError(result.input, result.problem)
            yield result

    # -- stages -------------------------------------------------------------------------------

    def _cleaned(self, items: Iterable[Source | Failure]) -> Iterator[Document | Failure]:
        from .clean import prepare

        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                document = within(self.limits, partial(prepare, item, self.settings))
            except InputError as exc:
                yield Failure(exc.input, exc.problem)
                continue
            except BudgetExceeded as exc:
                yield Failure(item.name, exc.problem)
                continue
            yield document

    def _annotate(self, items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        for batch in _batches(items, self.settings.batch_size):
            yield from self._annotate_batch(batch)

    def _annotate_batch(self, batch: list[Document | Failure]) -> Iterator[Document | Failure]:
        batch = [self._within_length(item) for item in batch]
        todo = [item for item in batch if isinstance(item, Document) and _in_model_language(item)]
        parsed: list[Doc | Failure] = []
        if len(todo) == 1:
            parsed = [self._annotate_one(todo[0])]
        elif todo:
            nlp = self.nlp
            try:
                # the whole batch under one document's budget: a normal batch takes a fraction of it
                parsed = within(self.limits, lambda: list(nlp.pipe(
                    [make_doc(nlp, d.text, _meta(d)) for d in todo], batch_size=len(todo),
                    component_cfg=COMPONENT_CONFIG)))
            except Exception:  # noqa: BLE001 - over budget, or a component failed: find which document
                parsed = [self._annotate_one(d) for d in todo]
        done = dict(zip((id(d) for d in todo), parsed, strict=True))
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            if id(item) not in done:
                yield _uncoded(item)
                continue
            result = done[id(item)]
            yield result if isinstance(result, Failure) else document_from_doc(result, item)

    def _within_length(self, item: Document | Failure) -> Document | Failure:
        """A Failure for a document whose text is over max_chars (spaCy's time and memory grow with it)."""
        limit = self.settings.max_chars
        if isinstance(item, Document) and len(item.text) > limit:
            return Failure(item.source or item.doc_id,
                           f"{len(item.text):,} characters of text, over the max_chars limit of {limit:,}")
        return item

    def _annotate_one(self, document: Document) -> Doc | Failure:
        """One document alone, with its own budget: one bad document fails, not its whole batch."""
        nlp = self.nlp
        try:
            return within(self.limits, lambda: nlp(make_doc(nlp, document.text, _meta(document))))
        except BudgetExceeded as exc:
            return Failure(document.source or document.doc_id, exc.problem)
        except Exception as exc:  # noqa: BLE001 - recorded as this document's failure; the batch goes on
            return Failure(document.source or document.doc_id,
                           f"internal error while annotating: {type(exc).__name__}: {exc}")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _in_model_language(document: Document) -> bool:
    return document.language in (None, MODEL_LANGUAGE)


def _uncoded(document: Document) -> Document:
    """A document in another language: its text and metadata, no actors, events or quotes, and a note."""
    note = f"language is {document.language}: no events coded"
    return replace(document, notes=[*document.notes, note])


def _meta(document: Document) -> dict:
    return {"published": document.published, "outlet": document.outlet, "url": document.url,
            "title": document.title}


def document_from_doc(doc: Doc, base: Document) -> Document:
    """Copy what the components assigned on the spaCy Doc into the document record."""
    return replace(
        base,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
        actors=list(doc._.actors or []),
        events=list(doc._.events or []),
        quotes=list(doc._.quotes or []),
    )


_DEFAULT: Pipeline | None = None


def extract(
    text: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    doc_id: str | None = None,
    kind: str | None = None,
    name: str = "<text>",
) -> Document:
    """``diplograph.extract(text, published="2022-09-21")``: one article to its document record.

    Takes ``Pipeline.extract``'s keywords. Uses one Pipeline per process, so spaCy loads once however
    many times this is called.
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(text, published=published, url=url, title=title, outlet=outlet, doc_id=doc_id,
                            kind=kind, name=name)

