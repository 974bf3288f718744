"""The store's reviews as a gold file (``diplograph export --format reviews``) that ``diplograph eval``
reads (``--format reviews``, ``evaluate/reviews.py``), so a team's corrections measure the next
version of the coder.

JSON Lines, two kinds of line, told apart by ``kind``:

- ``{"kind": "document", "doc_id", "title", "outlet", "url", "published", "text"}``: each reviewed
  document once, before its reviews, with the whole text, so the file alone is enough to code the
  document again;
- ``{"kind": "review", "doc_id", "event_id", "sentence", "sentence_start", "sentence_end", "coder":
  {...}, "verdict", "corrected": {...}, "reviewer", "created", "comment", "review_id", "reviews"}``:
  one line per reviewed mention. ``coder`` is what the coder said (source, target, cameo, mode, date,
  trigger with its offsets); ``corrected`` the fields the review corrects (empty unless the verdict
  is "correct"); ``sentence`` the evidence sentence with its offsets in the text.

**The latest review of each mention counts**: a later review replaces an earlier one, whoever filed
it (a team settles a disagreement by reviewing again); ``reviews`` says how many reviews the mention
had. Documents and mentions come in the order they were first reviewed. The mention is the one a
review was filed on (its event's earliest mention then, ``store/reviews.py``); the file is written
beside its destination and moved into place when complete.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import ActorRef, Event
from .db import Store
from .export import _check_writable
from .reviews import CORRECTABLE

__all__ = ["coder_values", "export_reviews", "gold_lines"]


def gold_lines(store: Store) -> list[dict[str, Any]]:
    """The gold file's lines: each reviewed document, then the latest review of each of its mentions."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}  # in the order each mention was first reviewed
    counts: dict[tuple[str, str], int] = {}
    for review in store.reviews():  # in the order filed: a later one replaces an earlier one
        mention = (review["doc_id"], review["event_id"])
        latest[mention] = review
        counts[mention] = counts.get(mention, 0) + 1
    mentions = list(latest)
    lines: list[dict[str, Any]] = []
    for doc_id in dict.fromkeys(doc_id for doc_id, _ in mentions):
        doc = store.get(doc_id)
        if doc is None:  # reviews only name stored mentions, and documents are never deleted
            raise InputError(str(store.path), f"a review names document {doc_id}, which the store does not hold")
        lines.append({"kind": "document", "doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet,
                      "url": doc.url, "published": doc.published, "text": doc.text})
        events = {e.id: e for e in doc.events}
        for mention in (m for m in mentions if m[0] == doc_id):
            lines.append(_review_line(latest[mention], events[mention[1]], counts[mention]))
    return lines


def export_reviews(store: Store, out: Path) -> int:
    """Write the gold file of the store's reviews to ``out``; the number of reviewed mentions."""
    out = Path(out)
    _check_writable(out)
    lines = gold_lines(store)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as file:
            for line in lines:
                file.write(json.dumps(line, ensure_ascii=False) + "\n")
        os.replace(partial, out)
    except OSError as exc:
        raise InputError(str(out), f"cannot write the export ({exc.strerror or exc})") from None
    finally:
        partial.unlink(missing_ok=True)
    return sum(line["kind"] == "review" for line in lines)


def coder_values(event: Event) -> dict[str, Any]:
    """What the coder said of an event, as a review line and the evaluation compare it."""
    return {"source": _code(event.source), "target": _code(event.target), "cameo": event.cameo,
            "mode": event.mode, "date": event.date, "trigger": event.trigger.text,
            "trigger_start": event.trigger.start, "trigger_end": event.trigger.end}


def _code(ref: ActorRef | None) -> str | None:
    return None if ref is None else ref.code


def _review_line(review: dict[str, Any], event: Event, reviews: int) -> dict[str, Any]:
    evidence = event.evidence
    return {
        "kind": "review", "doc_id": review["doc_id"], "event_id": review["event_id"],
        "sentence": evidence.text if evidence else None,
        "sentence_start": evidence.start if evidence else None,
        "sentence_end": evidence.end if evidence else None,
        "coder": coder_values(event),
        "verdict": review["verdict"],
        "corrected": {name: review[name] for name in CORRECTABLE if review[name] is not None},
        "reviewer": review["reviewer"], "created": review["created"], "comment": review["comment"],
        "review_id": review["id"], "reviews": reviews,
    }
