"""Readable tables for a terminal: the events and quotes of a document, with their evidence."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable, Sequence

from .model import ActorRef, Document, Event, Quote

__all__ = ["document_table", "rows_table"]

# Widest a non-final column grows before it is cut; narrowest the wrapped last column gets.
MAX_CELL = 40
# Longest actor name shown before its code, so the code is never the part that is cut.
ACTOR_LABEL = 28
MIN_LAST = 50


def _actor(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    label = ref.name or ref.text
    if len(label) > ACTOR_LABEL:
        label = label[: ACTOR_LABEL - 1] + "…"
    return f"{label} ({ref.code})" if ref.code else label


def _cameo_name(code: str) -> str:
    from .lexicon.cameo import cameo_table

    entry = cameo_table().get(code)
    return entry.name if entry else ""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def rows_table(headers: Sequence[str], rows: Iterable[Sequence[object]],
               notes: Sequence[str] | None = None) -> str:
    """A plain aligned table; the last column wraps to the terminal's width.

    ``notes``, one per row, are printed under their row, indented and wrapped (the evidence).
    """
    table = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in table:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell)) if i == len(row) - 1 else min(max(widths[i], len(cell)), MAX_CELL)
    term = shutil.get_terminal_size((120, 24)).columns
    lead = sum(w + 2 for w in widths[:-1])
    last_width = max(MIN_LAST, term - lead)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in [*widths[:-1], min(last_width, max(widths[-1], 10))]))
    for i, row in enumerate(table):
        cells = [c[:w].ljust(w) for c, w in zip(row[:-1], widths[:-1], strict=False)]
        wrapped = textwrap.wrap(row[-1], last_width) or [""]
        lines.append("  ".join([*cells, wrapped[0]]).rstrip())
        lines.extend(" " * lead + more for more in wrapped[1:])
        if notes:
            lines.extend(textwrap.wrap(notes[i], max(40, term - 6), initial_indent="      ",
                                       subsequent_indent="      "))
    return "\n".join(lines)


def _shown_date(event: Event) -> str:
    """The date at its precision: "2022-09-20", "2022-08" (month), "2022" (year), "~2022-09-21" (the
    publication date of an event the text does not date)."""
    if not event.date:
        return "-"
    width = {"month": 7, "year": 4}.get(event.date_precision or "", 10)
    return ("~" if event.date_precision == "published" else "") + event.date[:width]


def _event_row(event: Event) -> list[object]:
    return [_shown_date(event), _actor(event.source), f"{event.cameo} {_cameo_name(event.cameo)}".strip(),
            _actor(event.target), event.mode]


def _evidence(doc: Document, event: Event) -> str:
    """The sentence the event was read from, with its trigger marked [like this]."""
    if event.evidence:
        start, end = event.evidence.start, event.evidence.end
    else:
        start, end = doc.sentences[event.sentence]
    t0, t1 = event.trigger.start, event.trigger.end
    marked = doc.text[start:t0] + "[" + doc.text[t0:t1] + "]" + doc.text[t1:end]
    return "“" + " ".join(marked.split()) + "”"


def _quote_row(quote: Quote) -> list[object]:
    speaker = quote.speaker.name or quote.speaker.text if quote.speaker else "-"
    return [speaker, ", ".join(quote.via) or "-", quote.kind, quote.attribution, " ".join(quote.text.split())]


def document_table(doc: Document) -> str:
    """The document's heading, its events with their evidence sentence, then its quotes."""
    head = " | ".join(x for x in (doc.title, doc.outlet, doc.published, doc.url) if x) or doc.source or doc.doc_id
    parts = [f"== {head}", f"   doc_id {doc.doc_id}  ·  {len(doc.events)} events  ·  {len(doc.quotes)} quotes"]
    parts += [f"   note: {note}" for note in doc.notes] + [""]
    if doc.events:
        parts.append(rows_table(["date", "source", "event", "target", "mode"],
                                [_event_row(e) for e in doc.events],
                                notes=[_evidence(doc, e) for e in doc.events]))
    else:
        parts.append("(no events)")
    parts.append("")
    if doc.quotes:
        header = ["speaker", "via", "kind", "attribution", "quote"]
        parts.append(rows_table(header, (_quote_row(q) for q in doc.quotes)))
    else:
        parts.append("(no quotes)")
    return "\n".join(parts) + "\n"
