"""Article-level deduplication: an event stated several times is one event with several mentions.

Headlines repeat the lead and quotes repeat the reported speech; counting each as a new event would
inflate every dyad. Two events are the same when source, CAMEO code, target and mode agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple

from ..model import ActorRef, Event

__all__ = ["dedup_events", "event_key"]


def _actor_key(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    return ref.code or (ref.name or ref.text).lower()


def event_key(event: Event) -> tuple[str | None, str, str | None, str]:
    """What makes two events the same event: (source, CAMEO code, target, mode)."""
    return (_actor_key(event.source), event.cameo, _actor_key(event.target), event.mode)


def dedup_events(events: Iterable[Event]) -> list[Event]:
    """One event per key, first statement first, carrying every mention; ids e1, e2, ... in order."""
    merged: dict[tuple, Event] = {}
    seen: dict[tuple, set[tuple]] = {}  # the mentions each kept event has: a set, not a list scan
    for event in events:
        key = event_key(event)
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
            seen[key] = {astuple(m) for m in event.mentions}
            continue
        for mention in event.mentions:
            if astuple(mention) not in seen[key]:
                kept.mentions.append(mention)
                seen[key].add(astuple(mention))
        kept.confidence = max(kept.confidence, event.confidence)
        kept.quote = kept.quote or event.quote
    result = list(merged.values())
    for number, event in enumerate(result, 1):
        event.id = f"e{number}"
    return result
