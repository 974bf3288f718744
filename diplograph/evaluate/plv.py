"""Scoring against PLV (Hu et al. 2024): news sentences with a gold source, target and PLOVER type.

Each row of the TSV is one (source span, target span) pair of a sentence with its gold PLOVER type
(15 classes: ``YIELD`` stands for CONCEDE or RETREAT) and quad class. A sentence is annotated once
however many rows it has. A gold pair counts as found when some event read from its sentence has a
source sharing a content word with the gold source span and a target sharing one with the gold
target span (``metrics.spans_match``: PLV marks whole noun phrases, the pipeline marks names).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import ActorRef, Document, Event
from .gold import read_gold_text
from .metrics import accuracy, macro_f1, per_class_table, spans_match
from .report import EvalResult, GoldError, describe_event, describe_events, event_record

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["PLV_LABELS", "PlvPair", "plv_label", "read_plv", "score_plv", "score_plv_documents"]

PLV_LABELS = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NO_TYPE = "(none)"
BARS = {"end_to_end_recall": 0.60, "type_macro_f1": 0.85}
REQUIRED_COLUMNS = ("sentence", "marked_sentence", "gold_root", "gold_penta")
_MARK = re.compile(r"</?[st]>")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class PlvPair:
    """One gold row: a sentence, its source and target spans (offsets into it), type, quad class."""

    row: int
    sentence: str
    source: Spans
    target: Spans
    label: str
    quad_class: int

    def describe(self) -> str:
        s, t = (" / ".join(self.sentence[a:b] for a, b in side) or "(implicit)"
                for side in (self.source, self.target))
        return f"{s} -{self.label}-> {t} (quad {self.quad_class})"


def plv_label(plover: str | None) -> str:
    """Our PLOVER 2021 type in PLV's 15 classes: CONCEDE and RETREAT are PLV's YIELD."""
    if plover in ("CONCEDE", "RETREAT"):
        return "YIELD"
    return plover or NO_TYPE


def _unmark(marked: str, origin: str) -> tuple[str, Spans, Spans]:
    """The sentence without its <s>/<t> marks, and the source and target spans they enclosed.

    A side may be marked more than once (the same actor named twice) or not at all (PLV's implicit
    "An actor" / "a recipient").
    """
    opened: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int]]] = {"s": [], "t": []}
    plain, last = [], 0
    for m in _MARK.finditer(marked):
        plain.append(marked[last:m.start()])
        last = m.end()
        offset = sum(map(len, plain))
        tag = m.group()
        if tag.startswith("</"):
            if tag[2] not in opened:
                raise InputError(origin, f"{tag} without its opening mark")
            spans[tag[2]].append((opened.pop(tag[2]), offset))
        elif tag[1] in opened:
            raise InputError(origin, f"{tag} opened twice")
        else:
            opened[tag[1]] = offset
    if opened:
        raise InputError(origin, f"<{next(iter(opened))}> never closed")
    plain.append(marked[last:])
    if not spans["s"] and not spans["t"]:
        raise InputError(origin, "marked_sentence marks neither a <s> source nor a <t> target")
    return "".join(plain), tuple(spans["s"]), tuple(spans["t"])


def read_plv(path: Path) -> list[PlvPair]:
    """The gold pairs of a PLV TSV file, in file order."""
    text = read_gold_text(path)
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(str(path), f"not a PLV TSV file: missing column(s) {', '.join(missing)}")
    pairs = []
    for number, row in enumerate(reader, 2):
        origin = f"{path}:{number}"
        sentence, source, target = _unmark(row["marked_sentence"] or "", origin)
        if sentence != row["sentence"]:
            raise InputError(origin, "marked_sentence without its marks differs from sentence")
        label = (row["gold_root"] or "").strip()
        if label not in PLV_LABELS:
            raise InputError(origin, f"unknown gold_root {label!r}")
        try:
            quad = int(row["gold_penta"])
        except (TypeError, ValueError):
            raise InputError(origin, f"gold_penta is not a quad class: {row['gold_penta']!r}") from None
        pairs.append(PlvPair(number, sentence, source, target, label, quad))
    if not pairs:
        raise InputError(str(path), "no gold rows")
    return pairs


def _side_matches(sentence: str, gold: Spans, ref: ActorRef | None) -> bool:
    """Does our actor match a gold side: any of its spans; an implicit side takes any actor or none."""
    if not gold:
        return True
    return ref is not None and any(spans_match(sentence, span, (ref.start, ref.end)) for span in gold)


def _dyad_events(pair: PlvPair, events: list[Event]) -> list[Event]:
    """The events whose source and target both match the pair's gold sides."""
    return [e for e in events
            if _side_matches(pair.sentence, pair.source, e.source)
            and _side_matches(pair.sentence, pair.target, e.target)]


def _actor_problem(pair: PlvPair, events: list[Event]) -> str:
    """Why no event has the gold dyad: the nearest miss among the events read."""
    def hits(ref: ActorRef | None, gold: Spans) -> bool:
        return bool(gold) and _side_matches(pair.sentence, gold, ref)

    if any(hits(e.source, pair.target) and hits(e.target, pair.source) for e in events):
        return "source and target swapped"
    if any(hits(e.source, pair.source) and e.target is None for e in events):
        return "no target"
    if any(hits(e.source, pair.source) for e in events):
        return "wrong target"
    if any(hits(e.target, pair.target) and e.source is None for e in events):
        return "no source"
    if any(hits(e.target, pair.target) for e in events):
        return "wrong source"
    return "neither actor"


def score_plv_documents(pairs: list[PlvPair], documents: dict[str, Document], origin: str) -> EvalResult:
    """Score gold pairs against the documents read from their sentences (keyed by sentence)."""
    found = hits = 0
    type_pairs: list[tuple[str, str]] = []
    quad_pairs: list[tuple[int, int | None]] = []
    errors: list[tuple[int, GoldError]] = []
    items = []
    for pair in pairs:
        events = documents[pair.sentence].events
        matched = _dyad_events(pair, events)
        chosen = next((e for e in matched if plv_label(e.plover) == pair.label), None)
        chosen = chosen or max(matched, key=lambda e: e.confidence, default=None)
        predicted: str | None = None
        if chosen is not None:
            predicted = plv_label(chosen.plover)
            found += 1
            hits += predicted == pair.label
            type_pairs.append((pair.label, predicted))
            quad_pairs.append((pair.quad_class, chosen.quad_class))
        item = str(pair.row)
        if chosen is None and not events:
            errors.append((0, GoldError("missed", item, pair.sentence, pair.describe(), "no event")))
        elif chosen is None:
            errors.append((0, GoldError("actor", item, pair.sentence, pair.describe(),
                                        describe_events(events), _actor_problem(pair, events))))
        elif predicted != pair.label:
            # A type in the wrong quad class (cooperation read as conflict) is the worst kind.
            severity = -abs((chosen.quad_class or 0) - pair.quad_class)
            errors.append((severity, GoldError("type", item, pair.sentence, pair.describe(),
                                               describe_event(chosen), f"{pair.label} read as {predicted}")))
        items.append({
            "item": item, "text": pair.sentence, "gold": pair.describe(),
            "dyad_found": chosen is not None, "predicted_type": predicted,
            "events": [event_record(e) for e in events],
        })
    errors.sort(key=lambda pair_error: pair_error[0])
    total = len(pairs)
    figures: dict[str, float | int] = {
        "gold_pairs": total,
        "sentences": len({p.sentence for p in pairs}),
        "end_to_end_recall": hits / total,
        "dyad_recall": found / total,
        "type_macro_f1": macro_f1(type_pairs, PLV_LABELS),
        "type_accuracy": accuracy(type_pairs),
        "quad_class_accuracy": accuracy(quad_pairs),
        "events_predicted": sum(len(d.events) for d in documents.values()),
    }
    return EvalResult(
        set=origin, format="plv", figures=figures, bars=dict(BARS), kinds=("missed", "actor", "type"),
        table=per_class_table(type_pairs, PLV_LABELS),
        errors=[error for _, error in errors], items=items,
        notes=[
            "a gold pair is found when one event's source and target each share a content word "
            "(not the/of/a...) with the gold spans; PLV marks noun phrases, we mark names; an "
            "implicit side (PLV's 'An actor' / 'a recipient', no mark) accepts any actor or none",
            "type macro-F1, type and quad-class accuracy are measured on the dyads found (of "
            "several events with the dyad, one with the gold type counts); CONCEDE and RETREAT "
            "count as PLV's YIELD; macro-F1 averages the classes with gold support there",
        ],
    )


def score_plv(path: Path, pipeline: Pipeline) -> EvalResult:
    """Annotate each distinct sentence of the PLV file once and score every gold pair."""
    pairs = read_plv(path)
    sentences = list(dict.fromkeys(p.sentence for p in pairs))
    documents = dict(zip(sentences, pipeline.annotate_texts(sentences), strict=True))
    for sentence, document in documents.items():
        if document.text != sentence:
            raise RuntimeError(f"annotate_texts changed the text of {sentence!r}; offsets would not match")
    return score_plv_documents(pairs, documents, str(path))
