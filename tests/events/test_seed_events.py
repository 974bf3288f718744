"""The seed article (CNN en Español, 2022-09-21): the events it states, and none with a wrong actor."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events(run, seed_text):
    return run(seed_text)._.events


def _find(events, source: str, target: str | None, roots: set[str], plover: str | None = None):
    return [e for e in events
            if e.source.code and e.source.code.startswith(source)
            and (target is None or (e.target and e.target.code and e.target.code.startswith(target)))
            and e.root in roots and (plover is None or e.plover == plover)]


def test_putin_praises_colombia(events):
    assert _find(events, "RUS", "COL", {"05"}, "SUPPORT")


def test_colombian_ambassador_and_putin_meet_for_credentials(events):
    found = _find(events, "COLDIP", "RUS", {"03", "04"}) + _find(events, "RUS", "COLDIP", {"03", "04"})
    assert found


def test_us_aid_to_colombia(events):
    assert _find(events, "USA", "COL", {"07"}, "AID")


def test_russia_war_and_invasion_of_ukraine(events):
    assert len(_find(events, "RUS", "UKR", {"19"}, "ASSAULT")) >= 1


def test_petro_calls_on_ukraine_and_russia_to_make_peace(events):
    appeals = _find(events, "COL", None, {"02"}, "REQUEST")
    assert {e.target.code for e in appeals} >= {"UKR", "RUS"}


def test_putin_accuses_the_us(events):
    assert _find(events, "RUS", "USA", {"11"}, "ACCUSE")


def test_putin_congratulates_petro(events):
    assert _find(events, "RUS", "COL", {"05"}, "SUPPORT")


def test_us_will_designate_colombia_an_ally(events):
    assert any(e.mode == "future" for e in _find(events, "USA", "COL", {"03", "05"}))


def test_no_event_has_a_place_or_date_for_an_actor(events):
    for event in events:
        for ref in (event.source, event.target):
            if ref is not None:
                assert ref.code, (event.trigger.text, ref.text)
                assert ref.text.lower() not in {"the region", "tuesday", "this year"}


def test_events_are_numbered_and_deduplicated(events):
    assert [e.id for e in events] == [f"e{n}" for n in range(1, len(events) + 1)]
    praise = _find(events, "RUS", "COL", {"05"})
    assert sum(len(e.mentions) for e in praise) >= 2  # headline and lead say it twice
