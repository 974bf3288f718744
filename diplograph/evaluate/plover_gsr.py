"""Scoring against the PLOVER gold-standard records: CAMEO-manual sentences with ideal codings.

Each record codes one event: source actor(s), target actor(s) (ISO3 or IGO codes) and a PLOVER 0.5
type. The figure is F1 over (source country, target country, PLOVER type) tuples: a record with
several sources or targets stands for every source x target tuple; a record without a target
stands for (source, -, type) tuples and then a predicted event's target is not held against it.
Tuples are compared as sets per record, summed over records (micro F1).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import ActorRef, Document, Event
from .gold import read_gold_text
from .metrics import accuracy, per_class_table, prf
from .report import ERROR_KINDS, EvalResult, GoldError, describe_events, event_record

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["GsrRecord", "gold_country", "predicted_tuples", "read_gsr", "score_gsr", "score_gsr_documents"]

BARS = {"tuple_f1": 0.75}

# PLOVER 0.5 names in the GSR -> PLOVER 2021 (the output contract); YIELD split in two in 2021.
PLOVER_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
YIELD_TYPES = ("CONCEDE", "RETREAT")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "YIELD",
)
# PLOVER 0.5 mode names in the GSR that PLOVER 2021 (CAMEO2PLOVER-2021) writes otherwise.
MODE_2021 = {"strike-hun": "hunger", "riot-spon": "riot", "demo-org": "demo", "demo-spon": "demo",
             "host": "visit"}
# Old CAMEO country codes the GSR still uses, with their ISO 3166 codes.
LEGACY_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

Tuple = tuple[str | None, str | None, str]
ModeLookup = Callable[[str], str | None]  # CAMEO code -> PLOVER mode


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def gold_country(code: str | None) -> str | None:
    """A GSR actor code as a country: ISO3 or IGO; non-state codes (NGO, IMG, ISM) are no country."""
    code = LEGACY_COUNTRY.get(code or "", code or "")
    return code if code == "IGO" or code in _iso3() else None


@dataclass(frozen=True)
class GsrRecord:
    """One gold record: its id, text, sources and targets (as countries), type and PLOVER mode."""

    id: str
    text: str
    sources: tuple[str | None, ...]
    targets: tuple[str | None, ...]
    label: str
    mode: str | None

    def tuples(self) -> set[Tuple]:
        return {(s, t, self.label) for s in self.sources for t in (self.targets or (None,))}

    def describe(self) -> str:
        targets = ",".join(t or "?" for t in self.targets) or "-"
        mode = f" mode {self.mode}" if self.mode else ""
        return f"{','.join(s or '?' for s in self.sources)} -{self.label}-> {targets}{mode}"


def _actors(value: object, origin: str, key: str) -> tuple[str | None, ...]:
    if not isinstance(value, list):  # the file writes "" (and once "diplomatic") for no target
        return ()
    if not all(isinstance(a, dict) for a in value):
        raise InputError(origin, f"{key} is not a list of actors")
    return tuple(gold_country(a.get("code")) for a in value)


def read_gsr(path: Path) -> list[GsrRecord]:
    """The coded records of a PLOVER GSR JSON file (its DOCUMENT header skipped)."""
    try:
        data = json.loads(read_gold_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, list):
        raise InputError(str(path), "not a PLOVER GSR file: expected a JSON array of records")
    records = []
    for n, rec in enumerate(data):
        origin = f"{path}[{n}]"
        if not isinstance(rec, dict) or "event" not in rec:
            raise InputError(origin, "not a PLOVER record (no event)")
        if rec["event"] == "DOCUMENT":
            continue
        label = PLOVER_2021.get(rec["event"], rec["event"])
        if label not in PLOVER_TYPES:
            raise InputError(origin, f"unknown PLOVER event type {rec['event']!r}")
        if not isinstance(rec.get("text"), str) or not rec["text"].strip():
            raise InputError(origin, "record without text")
        sources = _actors(rec.get("source"), origin, "source")
        if not sources:
            sources = (None,)
        records.append(GsrRecord(
            str(rec.get("id") or n), rec["text"], sources, _actors(rec.get("target"), origin, "target"),
            label, MODE_2021.get(rec.get("mode") or "", rec.get("mode") or None),
        ))
    if not records:
        raise InputError(str(path), "no coded records")
    return records


def _country(ref: ActorRef | None) -> str | None:
    return ref.country if ref is not None else None


def predicted_tuples(record: GsrRecord, events: list[Event]) -> set[Tuple]:
    """Our events as the record's tuples: target dropped if the record has none, YIELD if asked."""
    tuples = set()
    for e in events:
        label = e.plover or "(none)"
        if record.label == "YIELD" and label in YIELD_TYPES:
            label = "YIELD"
        target = _country(e.target) if record.targets else None
        tuples.add((_country(e.source), target, label))
    return tuples


def _error_kind(record: GsrRecord, missing: set[Tuple], predicted: set[Tuple]) -> tuple[str, str]:
    """Why gold tuples were missed: no event, wrong actors on the right type, or wrong type."""
    if not predicted:
        return "missed", "no event"
    right_type = {(s, t) for s, t, label in predicted if label == record.label}
    if right_type:
        sources = {s for s, _, _ in missing}
        targets = {t for _, t, _ in missing}
        if any(s in sources for s, _ in right_type):
            no_target = all(t is None for s, t in right_type if s in sources)
            return "actor", "no target country" if no_target else "wrong target country"
        if any(t in targets for _, t in right_type):
            no_source = all(s is None for s, t in right_type if t in targets)
            return "actor", "no source country" if no_source else "wrong source country"
        return "actor", "wrong source and target countries"
    dyads = {(s, t) for s, t, _ in missing}
    read_as = sorted({label for s, t, label in predicted if (s, t) in dyads})
    if read_as:
        return "type", f"{record.label} read as {', '.join(read_as)}"
    return "actor", "wrong actors and type"


def score_gsr_documents(records: list[GsrRecord], documents: list[Document], origin: str,
                        plover_mode: ModeLookup | None = None) -> EvalResult:
    """Score records against the documents read from their texts (same order).

    ``plover_mode`` maps a CAMEO code to its PLOVER mode; without it, mode is not scored.
    """
    tp = fp = fn = 0
    exact = 0
    errors: list[GoldError] = []
    items = []
    type_pairs: list[tuple[str, str]] = []
    mode_pairs: list[tuple[str, str | None]] = []
    for record, document in zip(records, documents, strict=True):
        gold = record.tuples()
        predicted = predicted_tuples(record, document.events)
        hits = gold & predicted
        tp, fp, fn = tp + len(hits), fp + len(predicted - gold), fn + len(gold - hits)
        exact += gold == predicted
        # type on the record: what the event(s) carrying a gold source were read as
        source_labels = {p for s, _, p in predicted if s in record.sources}
        type_pairs.append((record.label, record.label if record.label in source_labels
                           else next(iter(sorted(source_labels)), "(none)")))
        text = record.text.strip()
        if gold - hits:
            kind, detail = _error_kind(record, gold - hits, predicted)
            errors.append(GoldError(kind, record.id, text, record.describe(),
                                    describe_events(document.events), detail))
        elif record.mode and plover_mode is not None:
            modes = {plover_mode(e.cameo) for e in document.events if e.plover == record.label}
            got = record.mode if record.mode in modes else next(iter(sorted(m or "" for m in modes)), None)
            mode_pairs.append((record.mode, got))
            if got != record.mode:
                errors.append(GoldError("mode", record.id, text, record.describe(),
                                        describe_events(document.events), f"mode {got or '-'}"))
        items.append({"item": record.id, "text": text, "gold": sorted(map(list, gold), key=str),
                      "predicted": sorted(map(list, predicted), key=str),
                      "events": [event_record(e) for e in document.events]})
    precision, recall, f1 = prf(tp, fp, fn)
    figures: dict[str, float | int] = {
        "records": len(records),
        "gold_tuples": tp + fn,
        "predicted_tuples": tp + fp,
        "tuple_precision": precision,
        "tuple_recall": recall,
        "tuple_f1": f1,
        "records_exact": exact,
        "type_accuracy": accuracy(type_pairs),
    }
    notes = [
        "tuples are (source country, target country, PLOVER type); a record with several "
        "sources/targets stands for every pair; with no target, our event's target is ignored",
        "GSR names mapped to PLOVER 2021: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, "
        "FIGHT->ASSAULT; modes strike-hun->hunger, riot-spon->riot, demo-*->demo, host->visit; "
        "non-state codes (NGO, IMG, ISM) are 'no country'",
        "type_accuracy: per record, gold type vs the type we gave events from a gold source country "
        "(the first alphabetically when several, none of them right)",
    ]
    if plover_mode is not None:
        figures["mode_accuracy"] = accuracy(mode_pairs)
        figures["mode_scored"] = len(mode_pairs)
        notes.append("mode_accuracy: PLOVER mode of our event (from its CAMEO code) on records "
                     "with a gold mode whose tuples we all found")
    else:
        notes.append("mode not scored: the CAMEO table gives no PLOVER mode for a code")
    counts = Counter(label for label, _ in type_pairs)
    return EvalResult(
        set=origin, format="plover-gsr", figures=figures, bars=dict(BARS),
        kinds=("missed", "actor", "type", "mode"),
        table=per_class_table(type_pairs, [t for t in PLOVER_TYPES if counts[t]]),
        errors=sorted(errors, key=lambda e: ERROR_KINDS.index(e.kind)),
        items=items, notes=notes,
    )


def score_gsr(path: Path, pipeline: Pipeline, plover_mode: ModeLookup | None = None) -> EvalResult:
    """Annotate every record's text (in batches) and score its tuples."""
    records = read_gsr(path)
    documents = list(pipeline.annotate_texts([r.text for r in records]))
    return score_gsr_documents(records, documents, str(path), plover_mode)
