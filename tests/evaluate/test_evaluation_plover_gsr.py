"""PLOVER GSR scoring: reading the records (PLOVER 0.5 names, legacy codes) and tuple F1."""

from __future__ import annotations

import pytest

from diplograph.errors import InputError
from diplograph.evaluate.plover_gsr import gold_country, read_gsr, score_gsr

GHANA = "Ghana demanded that Togo hand over the suspects in the bank robbery."
MALI = "Troops from Mali and Niger clashed near the border on Sunday."
JAPAN = "Japan criticised the IMF over the terms of its loan to Sri Lanka."
INDONESIA = "Indonesia's foreign minister visited Australia on Monday."
RIGHTS = "A human rights group accused Egypt of mistreating detainees."


def test_read_gsr_maps_plover_05_names_and_codes(eval_fixtures):
    records = {r.id: r for r in read_gsr(eval_fixtures / "gsr_sample.json")}
    assert len(records) == 5  # the DOCUMENT header is not a record
    assert records["TEST-GSR-DEMAND-0001"].label == "REQUEST"
    assert records["TEST-GSR-FIGHT-0001"].label == "ASSAULT"
    assert records["TEST-GSR-FIGHT-0001"].tuples() == {("MLI", None, "ASSAULT"), ("NER", None, "ASSAULT")}
    assert records["TEST-GSR-DISAPPROVE-0001"].tuples() == {("JPN", "IGO", "ACCUSE")}
    assert records["TEST-GSR-DISAPPROVE-0002"].sources == (None,)  # NGO: no country
    assert records["TEST-GSR-CONSULT-0001"].mode == "visit"


def test_gold_country():
    assert gold_country("ITL") == "ITA" and gold_country("IGO") == "IGO"
    assert gold_country("IMG") is None and gold_country(None) is None


def test_read_gsr_rejects_what_is_not_a_record_array(tmp_path):
    bad = tmp_path / "gsr.json"
    bad.write_text('{"text": "x"}', "utf-8")
    with pytest.raises(InputError, match="JSON array"):
        read_gsr(bad)
    bad.write_text('[{"event": "GLOAT", "text": "x"}]', "utf-8")
    with pytest.raises(InputError, match=r"gsr.json\[0\]: unknown PLOVER event type 'GLOAT'"):
        read_gsr(bad)


def test_gsr_tuple_f1_on_hand_made_events(eval_fixtures, event, fake_pipeline):
    predictions = {
        GHANA: [event(GHANA, "Ghana", "Togo", "REQUEST", source_country="GHA", target_country="TGO")],
        # one of two sources; the target we read is ignored for a record without one
        MALI: [event(MALI, "Mali", "the border", "ASSAULT", source_country="MLI", target_country="MLI")],
        # right countries, wrong type
        JAPAN: [event(JAPAN, "Japan", "IMF", "REJECT", source_country="JPN", target_country="IGO")],
        # right tuple; no PLOVER-mode table given, so mode is not scored
        INDONESIA: [event(INDONESIA, "Indonesia's foreign minister", "Australia", "CONSULT",
                          source_country="IDN", target_country="AUS")],
        # RIGHTS: no event
    }
    result = score_gsr(eval_fixtures / "gsr_sample.json", fake_pipeline(predictions))
    f = result.figures
    assert (f["gold_tuples"], f["predicted_tuples"]) == (6, 4)
    # hits: Ghana, Mali, Indonesia = 3; precision 3/4, recall 3/6
    assert (f["tuple_precision"], f["tuple_recall"]) == pytest.approx((0.75, 0.5))
    assert f["tuple_f1"] == pytest.approx(0.6)
    assert f["records_exact"] == 2
    assert "mode_accuracy" not in f
    assert result.error_kinds["missed"] == 1 and result.error_kinds["type"] == 1
    assert result.error_kinds["actor"] == 1  # Niger's tuple: right type, other source
    details = {e.item: e.detail for e in result.errors}
    assert details["TEST-GSR-DISAPPROVE-0001"] == "ACCUSE read as REJECT"
    assert details["TEST-GSR-FIGHT-0001"] == "wrong source country"


def test_gsr_mode_is_scored_when_a_mode_table_is_given(eval_fixtures, event, fake_pipeline):
    predictions = {INDONESIA: [event(INDONESIA, "Indonesia's foreign minister", "Australia", "CONSULT",
                                     cameo="041", source_country="IDN", target_country="AUS")]}
    modes = {"041": "phone", "042": "visit", "043": "visit"}
    result = score_gsr(eval_fixtures / "gsr_sample.json", fake_pipeline(predictions), modes.get)
    assert result.figures["mode_scored"] == 1 and result.figures["mode_accuracy"] == 0.0
    assert [e.detail for e in result.errors if e.kind == "mode"] == ["mode phone"]
