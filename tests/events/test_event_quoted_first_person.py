""""I" and "we" in a direct quote act as the speaker the quote is attributed to."""

from __future__ import annotations

from event_triples import triples


def test_we_in_a_quote_is_its_speaker(run):
    found = triples(run("“We thank the Afghan government for its actions,” White House Press Secretary "
                        "Stephanie Grisham said."))
    assert ("USA", "SUPPORT", "AFG") in found, found


def test_we_outside_a_quote_is_not_the_next_speaker(run):
    doc = run("We thank the Afghan government for its actions. White House Press Secretary Stephanie Grisham "
              "spoke on Tuesday.")
    assert not any(e.source and e.source.text == "We" and e.source.country for e in doc._.events), doc._.events
