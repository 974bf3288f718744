"""The outcome of one evaluation run: figures, per-class table, errors by kind, per-item predictions.

Every scorer returns an ``EvalResult`` so the CLI prints one kind of summary and writes one kind of
JSON report, whatever the gold set.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import ActorRef, Event
from .metrics import ClassScore

__all__ = ["ERROR_KINDS", "EvalResult", "GoldError", "describe_event", "describe_events", "event_record"]

# The kinds of error a gold item can show, in the order the summary lists them.
#   missed: the pipeline read no event at all from the item's sentence;
#   actor:  events were read, but none has the gold source and target (wrong, missing or swapped
#           actor, or wrong country);
#   type:   the dyad is right, the event type is wrong;
#   mode:   dyad and type are right, the mode is wrong (PLOVER's mode: visit vs host, ...);
#   spurious: an event was read where the gold set says there is none.
ERROR_KINDS = ("missed", "actor", "type", "mode", "spurious")

EXAMPLES_PER_KIND = 5
DETAILS_PER_KIND = 10


def _kind_order(kind: str) -> tuple[int, str]:
    return (ERROR_KINDS.index(kind) if kind in ERROR_KINDS else len(ERROR_KINDS), kind)


def _describe_ref(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    return f"{ref.text}({ref.code or ref.country or '?'})"


def describe_event(event: Event) -> str:
    """One event on one line, as errors show it: ``Zarif(IRNGOV) -ACCUSE/112-> Court(USAJUD)``."""
    mode = "" if event.mode == "asserted" else f" [{event.mode}]"
    return (f"{_describe_ref(event.source)} -{event.plover or '?'}/{event.cameo}-> "
            f"{_describe_ref(event.target)}{mode}")


def describe_events(events: list[Event]) -> str:
    """Every event read from an item, or "no event"."""
    return "; ".join(describe_event(e) for e in events) if events else "no event"


def event_record(event: Event) -> dict[str, Any]:
    """An event as the JSON report keeps it: the record without its evidence and mentions."""
    return {k: v for k, v in asdict(event).items() if k not in ("evidence", "mentions")}


@dataclass
class GoldError:
    """One gold item the pipeline got wrong: what kind of error, the text, gold and prediction."""

    kind: str
    item: str
    text: str
    gold: str
    predicted: str
    detail: str = ""


@dataclass
class EvalResult:
    """Figures and evidence from scoring the pipeline against one gold set."""

    set: str
    format: str
    figures: dict[str, float | int]
    bars: dict[str, float] = field(default_factory=dict)
    table: list[ClassScore] = field(default_factory=list)
    errors: list[GoldError] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kinds: tuple[str, ...] = ()  # the error kinds this gold set can show (its gold has the facts)

    @property
    def error_kinds(self) -> dict[str, int]:
        """Errors counted by kind: every kind the set can show (0 where none), in ERROR_KINDS order."""
        counts = Counter(error.kind for error in self.errors)
        shown = set(self.kinds) | set(counts)
        return {kind: counts[kind] for kind in sorted(shown, key=_kind_order)}

    def passed(self) -> dict[str, bool]:
        """For each figure that has a bar: does it reach it."""
        return {name: self.figures.get(name, 0.0) >= bar for name, bar in self.bars.items()}

    def summary(self) -> str:
        """A plain-text report: figures (with bars), per-class table, errors by kind, examples."""
        lines = [f"{self.format} evaluation of {self.set}", "", "figures:"]
        passed = self.passed()
        for name, value in self.figures.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            bar = ""
            if name in self.bars:
                bar = f"  (bar {self.bars[name]:.2f}: {'pass' if passed[name] else 'FAIL'})"
            lines.append(f"  {name:<28} {shown}{bar}")
        if self.table:
            lines += ["", "per class (gold vs predicted type on the dyads found):",
                      f"  {'class':<12} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8} {'predicted':>10}"]
            for row in (r for r in self.table if r.support or r.predicted):
                lines.append(
                    f"  {row.label:<12} {row.precision:>6.3f} {row.recall:>6.3f} {row.f1:>6.3f}"
                    f" {row.support:>8} {row.predicted:>10}"
                )
        if self.error_kinds:
            lines += ["", "errors by kind:"]
        for kind, n in self.error_kinds.items():
            lines.append(f"  {kind:<10} {n}")
            if kind in ("actor", "type"):  # what went wrong: which actor, which confusions
                details = Counter(e.detail for e in self.errors if e.kind == kind and e.detail)
                lines += [f"      {k:>4}  {detail}" for detail, k in details.most_common(DETAILS_PER_KIND)]
        for kind in self.error_kinds:
            examples = [e for e in self.errors if e.kind == kind][:EXAMPLES_PER_KIND]
            if not examples:
                continue
            lines += ["", f"{kind} errors (first {len(examples)}):"]
            for e in examples:
                lines.append(f"  [{e.item}] {e.text}")
                lines.append(f"      gold: {e.gold}")
                lines.append(f"      ours: {e.predicted}" + (f"  ({e.detail})" if e.detail else ""))
        if self.notes:
            lines += ["", "notes:"] + [f"  - {note}" for note in self.notes]
        return "\n".join(lines)

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready report: figures, bars, table, error counts, every error and item."""
        return {
            "set": self.set,
            "format": self.format,
            "figures": self.figures,
            "bars": self.bars,
            "passed": self.passed(),
            "per_class": [asdict(row) for row in self.table],
            "error_kinds": self.error_kinds,
            "errors": [asdict(e) for e in self.errors],
            "items": self.items,
            "notes": self.notes,
        }

    def write(self, path: Path) -> None:
        """Write the JSON report to ``path``."""
        try:
            path.write_text(json.dumps(self.to_record(), indent=1, ensure_ascii=False) + "\n", "utf-8")
        except OSError as exc:
            raise InputError(str(path), f"cannot write the report ({exc.strerror})") from None
