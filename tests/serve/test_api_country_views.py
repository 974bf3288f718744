"""The country-level views (relations, graph, places) read the linked events' own columns when no
period is asked and the documents' dates when one is: a period covering every event gives the same
answer as none."""

from __future__ import annotations

import pytest

WHOLE = {"since": "1900", "until": "2999"}


@pytest.mark.parametrize("path, params", [("/api/relations", {"country": "RUS"}), ("/api/graph", {}),
                                          ("/api/places", {})])
def test_a_period_covering_everything_answers_as_no_period(client, path, params):
    unbounded = client.get(path, params=params).json()
    bounded = client.get(path, params={**params, **WHOLE}).json()
    assert unbounded == bounded
    assert unbounded and unbounded != {"nodes": [], "edges": []}
    assert client.get(path, params={**params, "since": "2999"}).json() != unbounded  # the period is applied
