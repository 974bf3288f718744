"""Exports: each format reads back with the right rows; GDELT's layout as GDELT's own files."""

from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from diplograph.errors import InputError
from diplograph.store import export_events, query_events
from diplograph.store.gdelt import EVENT_COLUMNS, global_event_id


def read_gdelt(path):
    """Read an export as one reads GDELT's files: tab-separated, no header, GDELT's names."""
    columns = dict.fromkeys(EVENT_COLUMNS, "VARCHAR")
    sql = "SELECT * FROM read_csv(?, delim = '\t', header = false, quote = '', columns = ?)"
    con = duckdb.connect()
    result = con.execute(sql, [str(path), columns])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def test_parquet_reads_with_pyarrow(filled_store, tmp_path):
    out = tmp_path / "events.parquet"
    assert export_events(filled_store, "parquet", out) == 16
    table = pq.read_table(out)
    assert table.num_rows == 16
    assert "0841" in table.column("cameo").to_pylist()
    assert table.column("global_event_id").to_pylist() == [
        r["global_event_id"] for r in query_events(filled_store)
    ]


def test_csv_has_a_header_and_filters_apply(filled_store, tmp_path):
    out = tmp_path / "rus-ukr.csv"
    assert export_events(filled_store, "csv", tmp_path / "two.csv", dyad="RUS-UKR", limit=2) == 2
    assert export_events(filled_store, "csv", out, dyad="RUS-UKR") == 6
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    assert list(rows[0])[:4] == ["doc_id", "event_id", "global_event_id", "day"]
    assert {(r["source_code"][:3], r["target_code"][:3]) for r in rows} == {("RUS", "UKR"), ("UKR", "RUS")}
    assert [r["cameo"] for r in rows if r["mode"] == "negated"] == ["036"]


def test_jsonl_has_one_event_per_line(filled_store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export_events(filled_store, "jsonl", out, source="RUSGOV", code="051") == 1
    (line,) = out.read_text("utf-8").splitlines()
    event = json.loads(line)
    assert (event["source_name"], event["cameo"], event["target_code"]) == ("Vladimir Putin", "051", "COL")
    assert event["date"] == "2022-09-20" and event["quote_id"] == "q1"


def test_gdelt_rows_have_61_fields_in_gdelt_order(filled_store, tmp_path):
    out = tmp_path / "events.export.CSV"
    assert export_events(filled_store, "gdelt", out) == 16
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 16
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert EVENT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert EVENT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )
    geo = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    assert EVENT_COLUMNS[35:59] == tuple(
        f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in geo
    )
    assert EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and len(EVENT_COLUMNS) == 61


def test_gdelt_values_read_back_under_gdelt_names(filled_store, store_documents, tmp_path):
    out = tmp_path / "events.export.CSV"
    export_events(filled_store, "gdelt", out)
    rows = read_gdelt(out)
    seed = store_documents[0]
    by_id = {r["GLOBALEVENTID"]: r for r in rows}

    praise = by_id[str(global_event_id(seed.doc_id, "e1"))]  # Putin -> Colombia, 051, lead paragraph
    assert (praise["SQLDATE"], praise["MonthYear"], praise["Year"], praise["FractionDate"]) == (
        "20220920", "202209", "2022", "2022.7205",
    )
    actor1 = ("Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code")
    assert [praise[c] for c in actor1] == ["RUSGOV", "VLADIMIR PUTIN", "RUS", "GOV"]
    assert (praise["Actor2Code"], praise["Actor2CountryCode"]) == ("COL", "COL")
    assert (praise["EventCode"], praise["EventBaseCode"], praise["EventRootCode"]) == ("051", "051", "05")
    assert (praise["QuadClass"], praise["GoldsteinScale"], praise["IsRootEvent"]) == ("1", "3.4", "1")
    assert (praise["ActionGeo_Type"], praise["ActionGeo_FullName"], praise["ActionGeo_CountryCode"]) == (
        "4", "Moscow, Russia", "RS",  # FIPS 10-4, as GDELT
    )
    assert praise["Actor1Geo_Type"] == "0" and praise["Actor1Geo_FullName"] is None
    assert praise["SOURCEURL"] == seed.url
    assert len(praise["DATEADDED"]) == 14 and praise["DATEADDED"].startswith("20")

    swap = [r for r in rows if r["EventCode"] == "0841"]
    assert len(swap) == 2 and {r["EventBaseCode"] for r in swap} == {"084"}  # leading zeros kept
    assert {r["EventRootCode"] for r in swap} == {"08"}

    un = by_id[str(global_event_id(seed.doc_id, "e5"))]  # Petro told the UN General Assembly
    assert (un["Actor2Code"], un["Actor2CountryCode"], un["Actor2KnownGroupCode"]) == ("IGOUNO", None, "UNO")
    assert un["IsRootEvent"] == "0" and un["ActionGeo_CountryCode"] == "US" and un["ActionGeo_Type"] == "3"

    lavrov = by_id[str(global_event_id(seed.doc_id, "e7"))]  # no target
    assert lavrov["Actor2Code"] is None and lavrov["SQLDATE"] == "20220924"

    aid = by_id[str(global_event_id(seed.doc_id, "e3"))]  # undated: the article's date
    assert aid["SQLDATE"] == "20220921"


def test_reexport_is_identical(filled_store, tmp_path):
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    export_events(filled_store, "gdelt", first)
    export_events(filled_store, "gdelt", second)
    assert first.read_bytes() == second.read_bytes()


def test_unknown_format_names_it(filled_store, tmp_path):
    with pytest.raises(InputError, match="xlsx: unknown export format"):
        export_events(filled_store, "xlsx", tmp_path / "e.xlsx")


def test_unwritable_destination_names_it(filled_store, tmp_path):
    missing = tmp_path / "no" / "such" / "dir" / "e.csv"
    with pytest.raises(InputError, match="cannot write here") as info:
        export_events(filled_store, "csv", missing)
    assert str(missing) in str(info.value)
    with pytest.raises(InputError, match="is a directory"):
        export_events(filled_store, "parquet", tmp_path)


def test_bad_filter_writes_no_file(filled_store, tmp_path):
    out = tmp_path / "e.jsonl"
    with pytest.raises(InputError, match="mode"):
        export_events(filled_store, "jsonl", out, mode="perhaps")
    assert list(tmp_path.iterdir()) == []
