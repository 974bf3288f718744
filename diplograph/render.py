"""Readable tables for a terminal: the events and quotes of a document, with their evidence."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable, Sequence

from .model import ActorRef, Document, Event, Quote

__all__ = ["document_table", "rows_table"]


def _actor(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    label = ref.name or ref.text
    return f"{label} ({ref.code})" if ref.code else label


def _cameo_name(code: str) -> str:
    from .events.cameo import cameo_name

    return cameo_name(code) or ""


def rows_table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, wrap_last: bool = True) -> str:
    """A plain aligned table; the last column wraps to the terminal's width."""
    rows = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row[:-1] if wrap_last else row):
            widths[i] = min(max(widths[i], len(cell)), 40)
    term = shutil.get_terminal_size((160, 24)).columns
    lead = sum(w + 2 for w in widths[:-1])
    last_width = max(30, term - lead) if wrap_last else widths[-1]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths[:-1]) + "  " + "-" * min(last_width, 40))
    for row in rows:
        cells = [c[:w].ljust(w) for c, w in zip(row[:-1], widths[:-1])]
        wrapped = textwrap.wrap(row[-1], last_width) or [""] if wrap_last else [row[-1]]
        lines.append("  ".join(cells + [wrapped[0]]).rstrip())
        lines.extend(" " * lead + more for more in wrapped[1:])
    return "\n".join(lines)


def _event_row(doc: Document, event: Event) -> list[object]:
    evidence = event.evidence.text if event.evidence else doc.text[event.trigger.start:event.trigger.end]
    return [
        event.date or "-",
        _actor(event.source),
        f"{event.cameo} {_cameo_name(event.cameo)}".strip(),
        _actor(event.target),
        event.mode,
        " ".join(evidence.split()),
    ]


def _quote_row(quote: Quote) -> list[object]:
    speaker = quote.speaker.name or quote.speaker.text if quote.speaker else "-"
    return [speaker, ", ".join(quote.via) or "-", quote.kind, " ".join(quote.text.split())]


def document_table(doc: Document) -> str:
    """The document's heading, its events with their evidence sentence, then its quotes."""
    head = " | ".join(x for x in (doc.title, doc.outlet, doc.published, doc.url) if x) or doc.source or doc.doc_id
    parts = [f"== {head}", f"   doc_id {doc.doc_id}  ·  {len(doc.events)} events  ·  {len(doc.quotes)} quotes", ""]
    if doc.events:
        parts.append(rows_table(["date", "source", "event", "target", "mode", "evidence"],
                                (_event_row(doc, e) for e in doc.events)))
    else:
        parts.append("(no events)")
    parts.append("")
    if doc.quotes:
        parts.append(rows_table(["speaker", "via", "kind", "quote"], (_quote_row(q) for q in doc.quotes)))
    else:
        parts.append("(no quotes)")
    return "\n".join(parts) + "\n"
