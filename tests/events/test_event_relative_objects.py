"""The relative pronoun a "ready/willing to" clause acts on names the noun it follows, wherever the
parser hangs it."""

from __future__ import annotations

from event_triples import triples


def test_what_a_party_stands_ready_to_support_is_the_noun_the_relative_clause_follows(run):
    found = triples(run("Secretary of State Mike Pompeo said the release of the hostages gives us hope for the success "
                        "of intra-Afghan peace negotiations, which the United States stands ready to support."))
    assert ("USA", "AGREE", "AFG") in found, found


def test_what_a_party_is_willing_to_fund_is_the_noun_the_relative_clause_follows(run):
    found = triples(run("The EU backs the Afghan government, which Germany is willing to fund."))
    assert ("DEU", "AGREE", "AFG") in found, found
