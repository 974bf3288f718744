"""Scoring the coder against a team's reviews: the gold file ``diplograph export --format reviews``
writes (``store/review_gold.py``), read with ``diplograph eval FILE --format reviews``.

Each reviewed document is coded again from the text the file carries, by the coder being measured
(the next version), and each reviewed mention is looked for among the new events: an event *on the
mention* is one whose trigger overlaps the reviewed trigger (offsets in the document's text; when
the new cleaning moved the text, the reviewed sentence is found in it and the offsets shifted). Of
several, the one agreeing with the most reviewed values is taken. Then, by verdict:

- confirm: the event should still be found. ``confirmed_recall`` = confirmed mentions with an event
  on them; ``confirmed_unchanged`` = those whose event still has the coder's source, target, cameo
  and mode (what the reviewer confirmed).
- reject (not an event): no event should be on the mention any more. ``rejected_fixed`` = rejected
  mentions with no event on them; the rest are counted as still emitted (false positives not fixed).
- correct: the event should now carry the corrected values. For each corrected field,
  ``corrected_<field>`` = the share of the reviews correcting it whose event now has exactly the
  corrected value (no event on the mention disagrees); ``corrected_fixed`` = corrections whose every
  corrected field now agrees. A date agrees when the strings are equal ("2022-09" is not "2022-09-20").

The coder that made the reviewed output scores confirmed_recall 1, rejected_fixed 0 and corrected
0 on every field (its output is what was reviewed): the figures move as a next version fixes what
the reviewers found. Errors are listed by kind: ``missed`` (a confirmed event not found),
``spurious`` (a rejected event still emitted), ``correction`` (a corrected field still wrong).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Document, Event
from ..store.review_gold import coder_values
from ..store.reviews import CORRECTABLE, VERDICTS
from .report import EvalResult, GoldError, describe_events

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["ReviewGold", "read_reviews", "score_review_documents", "score_reviews"]

# What a reviewer confirms of an event: who did what to whom, and how it was said.
_CONFIRMED = ("source", "target", "cameo", "mode")


@dataclass(frozen=True)
class ReviewGold:
    """One reviewed document of the gold file: its line, and the reviews of its mentions."""

    document: dict[str, Any]
    reviews: list[dict[str, Any]]


def read_reviews(path: Path) -> list[ReviewGold]:
    """The reviewed documents of a reviews gold file, in its order; a bad line is an InputError naming it."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the reviews file ({exc})") from None
    docs: dict[str, ReviewGold] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not a JSON line ({exc.msg})") from None
        if not isinstance(line, dict) or line.get("kind") not in ("document", "review"):
            raise InputError(where, "not a line of a reviews file (its kind is document or review)")
        if line["kind"] == "document":
            _require(where, line, {"doc_id": str, "text": str})
            docs[line["doc_id"]] = ReviewGold(line, [])
            continue
        _require(where, line, {"doc_id": str, "event_id": str, "coder": dict, "verdict": str, "corrected": dict})
        if line["verdict"] not in VERDICTS:
            raise InputError(where, f"verdict {line['verdict']!r} is not one of {', '.join(VERDICTS)}")
        if line["doc_id"] not in docs:
            raise InputError(where, f"a review of document {line['doc_id']} before that document's line")
        docs[line["doc_id"]].reviews.append(line)
    if not docs:
        raise InputError(str(path), "no reviewed document in this file (is it `export --format reviews` output?)")
    return list(docs.values())


def _require(where: str, line: dict[str, Any], fields: dict[str, type]) -> None:
    for name, kind in fields.items():
        if not isinstance(line.get(name), kind):
            raise InputError(where, f"{name} is missing or not a {kind.__name__}")


def score_reviews(path: Path, pipeline: Pipeline) -> EvalResult:
    """Code each reviewed document of the file again with ``pipeline`` and score it (see the module)."""
    gold = read_reviews(path)
    recoded = [pipeline.extract(g.document["text"], published=g.document.get("published"),
                                url=g.document.get("url"), title=g.document.get("title"),
                                outlet=g.document.get("outlet"), doc_id=g.document["doc_id"], kind="text",
                                name=f"{path} document {g.document['doc_id']}")
               for g in gold]
    return score_review_documents(str(path), gold, recoded)


def score_review_documents(name: str, gold: list[ReviewGold], recoded: list[Document]) -> EvalResult:
    """The figures of :func:`score_reviews`, from each gold document and its new coding."""
    tally: dict[str, int] = {}
    errors: list[GoldError] = []
    items: list[dict[str, Any]] = []

    def count(key: str, n: int = 1) -> None:
        tally[key] = tally.get(key, 0) + n

    for g, doc in zip(gold, recoded, strict=True):
        for review in g.reviews:
            verdict = review["verdict"]
            wanted = review["corrected"] if verdict == "correct" else \
                {k: review["coder"].get(k) for k in _CONFIRMED}
            on_it = _events_on(review, g.document["text"], doc)
            best = max(on_it, key=lambda e: sum(coder_values(e).get(k) == v for k, v in wanted.items()),
                       default=None)
            now = coder_values(best) if best is not None else None
            item = f"{review['doc_id']}/{review['event_id']}"
            sentence = (review.get("sentence") or "").strip()
            count(verdict)
            outcome: dict[str, Any] = {"item": item, "verdict": verdict, "found": best is not None, "now": now}
            if verdict == "confirm":
                count("confirm_found", best is not None)
                unchanged = now is not None and all(now.get(k) == v for k, v in wanted.items())
                count("confirm_unchanged", unchanged)
                if best is None:
                    errors.append(GoldError("missed", item, sentence, _gold(review), "no event on the mention"))
            elif verdict == "reject":
                count("reject_fixed", best is None)
                if best is not None:
                    errors.append(GoldError("spurious", item, sentence, "not an event", describe_events(on_it)))
            else:
                fixed = True
                for field, value in review["corrected"].items():
                    count(f"correct_{field}")
                    agrees = now is not None and now.get(field) == value
                    count(f"correct_{field}_agrees", agrees)
                    fixed = fixed and agrees
                    if not agrees:
                        ours = "no event on the mention" if now is None else str(now.get(field))
                        errors.append(GoldError("correction", item, sentence, f"{field} {value}", ours,
                                                detail=f"{field}: {review['coder'].get(field)} -> {value}, "
                                                       f"ours {ours}"))
                count("correct_fixed", fixed)
            items.append(outcome)
    figures: dict[str, float | int] = {"reviewed_mentions": sum(len(g.reviews) for g in gold)}

    def share(figure: str, part: str, whole: str) -> None:
        if tally.get(whole):
            figures[figure] = tally.get(part, 0) / tally[whole]

    figures["confirmed"] = tally.get("confirm", 0)
    share("confirmed_recall", "confirm_found", "confirm")
    share("confirmed_unchanged", "confirm_unchanged", "confirm")
    figures["rejected"] = tally.get("reject", 0)
    share("rejected_fixed", "reject_fixed", "reject")
    if tally.get("reject"):
        figures["rejected_still_emitted"] = tally["reject"] - tally.get("reject_fixed", 0)
    figures["corrected"] = tally.get("correct", 0)
    share("corrected_fixed", "correct_fixed", "correct")
    for field in CORRECTABLE:
        share(f"corrected_{field}", f"correct_{field}_agrees", f"correct_{field}")
    return EvalResult(set=name, format="reviews", figures=figures, errors=errors, items=items,
                      kinds=("missed", "spurious", "correction"),
                      notes=["the latest review of each mention counts; figures are shares of the reviewed "
                             "mentions of each verdict (see diplograph/evaluate/reviews.py)"])


def _gold(review: dict[str, Any]) -> str:
    coder = review["coder"]
    return f"{coder.get('source') or '-'} -{coder.get('cameo')}-> {coder.get('target') or '-'} ({coder.get('trigger')})"


def _events_on(review: dict[str, Any], text: str, doc: Document) -> list[Event]:
    """The new events whose trigger overlaps the reviewed trigger, in the new text's offsets."""
    coder = review["coder"]
    start, end = coder.get("trigger_start"), coder.get("trigger_end")
    if not isinstance(start, int) or not isinstance(end, int):
        return []
    if doc.text != text:  # the new cleaning changed the text: find the reviewed sentence in it
        sentence, at = review.get("sentence"), review.get("sentence_start")
        found = doc.text.find(sentence) if isinstance(sentence, str) and sentence else -1
        if found < 0 or not isinstance(at, int):
            return []
        start, end = start + found - at, end + found - at
    return [e for e in doc.events if e.trigger.start < end and start < e.trigger.end]
