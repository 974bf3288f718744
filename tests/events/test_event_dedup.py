"""Article-level deduplication: the same source, code, target and mode make one event."""

from __future__ import annotations

from diplograph.events.dedup import dedup_events, event_key
from diplograph.model import ActorRef, Event, Mention, Span


def _event(start: int, mode: str = "asserted") -> Event:
    trigger = Span("attacked", start, start + 8)
    return Event("", 0, ActorRef("Russia", 0, 6, "RUS", None, "RUS"), ActorRef("Ukraine", 16, 23, "UKR", None, "UKR"),
                 trigger, "190", "19", "ASSAULT", 4, -10.0, mode=mode, confidence=0.6,
                 mentions=[Mention(0, 0, 30, trigger)])


def test_repeated_event_keeps_every_mention():
    events = dedup_events([_event(7), _event(40), _event(80, mode="negated")])
    assert [e.id for e in events] == ["e1", "e2"]
    assert len(events[0].mentions) == 2
    assert event_key(events[1])[3] == "negated"


def test_repeated_event_in_a_real_article(run):
    doc = run("Russia attacked Ukraine on Thursday. Officials in Kyiv said Russia attacked Ukraine again.")
    attacks = [e for e in doc._.events
               if e.root == "19" and e.source.code == "RUS" and e.target and e.target.code == "UKR"]
    assert len(attacks) == 1
    assert len(attacks[0].mentions) == 2
