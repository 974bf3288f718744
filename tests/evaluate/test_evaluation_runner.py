"""run_eval: dispatch by format, errors naming the input, the JSON report, a real pipeline run."""

from __future__ import annotations

import json
import sys
import types

import pytest

from diplograph.errors import InputError
from diplograph.evaluate import FORMATS, run_eval

KENYA = "Kenya's foreign ministry condemned Somalia on Tuesday over the cross-border raid near Mandera."


def test_an_unknown_format_is_an_input_error(eval_fixtures):
    with pytest.raises(InputError, match="unknown evaluation format"):
        run_eval(eval_fixtures / "plv_sample.tsv", "conll")
    assert set(FORMATS) == {"plv", "plover-gsr", "petr", "polnear", "html", "articles", "reviews"}


def test_a_missing_set_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as caught:
        run_eval(tmp_path / "nowhere.tsv", "plv")
    assert caught.value.input.endswith("nowhere.tsv") and "not found" in caught.value.problem


def test_a_set_in_another_format_is_an_input_error(eval_fixtures, fake_pipeline):
    with pytest.raises(InputError, match="not a PLV TSV file"):
        run_eval(eval_fixtures / "gsr_sample.json", "plv", pipeline=fake_pipeline({}))
    with pytest.raises(InputError, match="not JSON"):
        run_eval(eval_fixtures / "plv_sample.tsv", "plover-gsr", pipeline=fake_pipeline({}))


def test_the_report_holds_figures_errors_and_every_item(eval_fixtures, event, fake_pipeline, tmp_path):
    pipeline = fake_pipeline({KENYA: [event(KENYA, "Kenya", "Somalia", "ACCUSE", quad=3,
                                            source_country="KEN", target_country="SOM")]})
    report = tmp_path / "plv.json"
    result = run_eval(eval_fixtures / "plv_sample.tsv", "plv", report, pipeline=pipeline)
    record = json.loads(report.read_text("utf-8"))
    assert record["figures"] == result.figures and record["format"] == "plv"
    assert record["passed"] == {"end_to_end_recall": False, "type_macro_f1": True}
    assert len(record["items"]) == 7 and record["items"][0]["events"][0]["source"]["country"] == "KEN"
    assert sum(record["error_kinds"].values()) == len(record["errors"]) == 6


def test_polnear_and_html_go_to_their_own_scorers(tmp_path, monkeypatch):
    calls = []
    polnear = types.ModuleType("diplograph.evaluate.polnear")
    polnear.score_polnear = lambda split: calls.append(split) or {"f1": 0.5, "cues": ["said"]}
    html = types.ModuleType("diplograph.evaluate.html")
    html.score_html = lambda pages, truth: (calls.append((pages, truth))
                                            or {"f1": 0.9, "per_page": [{"id": "a"}]})
    monkeypatch.setitem(sys.modules, "diplograph.evaluate.polnear", polnear)
    monkeypatch.setitem(sys.modules, "diplograph.evaluate.html", html)
    result = run_eval(tmp_path, "polnear")
    assert result.figures == {"f1": 0.5} and result.items == [{"cues": ["said"]}]
    with pytest.raises(InputError, match=r"ground-truth\.json and html/"):
        run_eval(tmp_path, "html")
    (tmp_path / "html").mkdir()
    (tmp_path / "ground-truth.json").write_text("{}", "utf-8")
    result = run_eval(tmp_path, "html")
    assert result.figures == {"f1": 0.9} and result.items == [{"id": "a"}]
    assert calls == [tmp_path, (tmp_path / "html", tmp_path / "ground-truth.json")]


def test_plv_through_the_real_pipeline(eval_fixtures, nlp):
    from diplograph.pipeline import Pipeline

    pipeline = Pipeline(nlp=nlp)  # the session's loaded spaCy, not a second load
    result = run_eval(eval_fixtures / "plv_sample.tsv", "plv", pipeline=pipeline)
    assert result.figures["gold_pairs"] == 7 and result.figures["sentences"] == 6
    assert len(result.items) == 7
    for item in result.items:  # the events' offsets point into the gold sentence itself
        for e in item["events"]:
            for ref in (e["source"], e["target"]):
                assert ref is None or item["text"][ref["start"]:ref["end"]] == ref["text"]
    kenya = next(item for item in result.items if item["text"] == KENYA)
    assert kenya["dyad_found"] and kenya["predicted_type"] == "ACCUSE"
