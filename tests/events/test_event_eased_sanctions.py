"""A licence extended to deal with a foreign party eases a sanction on that party (CAMEO 085)."""

from __future__ import annotations

from event_triples import triples


def test_licence_extended_to_sell_to_a_foreign_company_eases_its_sanctions(run):
    found = triples(run("The US government on Monday did extend a temporary general license allowing American "
                        "companies to sell to Huawei, the embattled Chinese tech company."))
    assert ("USA", "RETREAT", "CHN") in found, found
    assert ("USA", "RETREAT", "USA") not in found, found
