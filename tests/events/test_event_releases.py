"""Captives freed in the passive with no agent are freed by whoever the text says held them."""

from __future__ import annotations

from event_triples import triples


def test_holder_named_on_the_captive_frees_them(run):
    found = triples(run("An Australian professor held by the Taliban since 2016 was freed on Tuesday "
                        "in a prisoner swap."))
    assert ("AFG", "RETREAT", "AUS") in found, found


def test_freed_captive_with_no_holder_named_has_no_source(run):
    doc = run("An Australian professor was freed on Tuesday.")
    assert not any(e.cameo.startswith("084") and e.source for e in doc._.events), doc._.events
