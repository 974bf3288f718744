"""GDELT layout helpers: stable event ids, FIPS country codes, the lead paragraph, safe fields."""

from __future__ import annotations

import dataclasses

from diplograph.model import Location
from diplograph.store import Store, export_events
from diplograph.store.gdelt import fips_country, global_event_id, lead_paragraph


def test_global_event_id_is_pinned():
    # must never change: users join exports made at different times on it
    assert global_event_id("ba7ef1a52c7eff0481ea90f05d782679e6031cc6", "e1") == 7212389165439585476
    assert 0 < global_event_id("a", "e1") < 2**63
    assert global_event_id("a", "e1") != global_event_id("a", "e2")


def test_fips_codes_differ_from_iso_where_gdelt_needs_it():
    assert [fips_country(c) for c in ("RUS", "UKR", "DEU", "GBR", "CHN", "COL")] == [
        "RS", "UP", "GM", "UK", "CH", "CO",
    ]
    assert fips_country("IGO") is None and fips_country(None) is None


def test_lead_paragraph_skips_the_title(seed_text):
    title = "Putin says that “Colombia is a promising partner of Russia in Latin America”"
    start, end = lead_paragraph(seed_text, title)
    assert seed_text[start:end].startswith("(CNN Spanish) — Russian President Vladimir Putin said")
    assert seed_text[end:end + 2] == "\n\n"
    assert lead_paragraph(seed_text, None)[0] == 0  # without a title the first block leads


def test_tabs_and_line_breaks_never_split_a_row(tmp_path, store_documents):
    doc = store_documents[1]
    event = doc.events[0]
    event.location = Location(name="Kyiv\tOblast", country="UKR", lat=50.45, lon=30.52)
    event.source = dataclasses.replace(event.source, name="Russian\nforces")
    doc.url = "https://news.example.org/a\tb"
    with Store(tmp_path / "d.duckdb") as store:
        store.add(doc)
        out = tmp_path / "e.tsv"
        assert export_events(store, "gdelt", out) == 3
    lines = out.read_text("utf-8").split("\n")
    assert lines[-1] == "" and all(len(line.split("\t")) == 61 for line in lines[:-1])
    assert "RUSSIAN FORCES\tRUS" in lines[0] and "Kyiv Oblast, Ukraine" in lines[0]


def test_country_level_place_uses_gdelt_country_geo(tmp_path, store_documents):
    doc = store_documents[2]
    doc.events[0].location = Location(name="Ukraine", country="UKR", lat=49.0, lon=32.0)
    with Store(tmp_path / "d.duckdb") as store:
        store.add(doc)
        out = tmp_path / "e.tsv"
        export_events(store, "gdelt", out, code="0841", source="RUSGOV")
    fields = out.read_text("utf-8").rstrip("\n").split("\t")
    assert fields[51:59] == ["1", "Ukraine", "UP", "UP", "", "49", "32", "UP"]
