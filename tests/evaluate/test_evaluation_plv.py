"""PLV scoring: reading the marked sentences, matching dyads, and the figures on hand-made events."""

from __future__ import annotations

import pytest

from diplograph.errors import InputError
from diplograph.evaluate.plv import plv_label, read_plv, score_plv

KENYA = "Kenya's foreign ministry condemned Somalia on Tuesday over the cross-border raid near Mandera."
NORWAY = "Norway sent 40 million dollars in flood relief to Pakistan last week."
NAVY = "The Philippine navy detained Chinese fishermen and expelled a Vietnamese trawler from the reef."
LAGOS = "Teachers in Lagos went on strike over months of unpaid wages."
CHILE = "Chile recalled its ambassador from Peru after Peru expelled two Chilean diplomats."
BRAZIL = "Brazil's president hosted Argentina's foreign minister in Brasilia for talks on the trade bloc."


def test_read_plv_unmarks_the_spans(eval_fixtures):
    pairs = read_plv(eval_fixtures / "plv_sample.tsv")
    assert len(pairs) == 7
    first = pairs[0]
    assert first.sentence == KENYA and first.label == "ACCUSE" and first.quad_class == 3
    assert [KENYA[a:b] for a, b in first.source] == ["Kenya's foreign ministry"]
    assert [KENYA[a:b] for a, b in first.target] == ["Somalia"]
    lagos = pairs[4]
    assert lagos.target == () and lagos.describe().endswith("(implicit) (quad 4)")
    chile = pairs[5]
    assert [CHILE[a:b] for a, b in chile.target] == ["Peru", "Peru"]


def test_read_plv_names_the_row_of_a_broken_mark(tmp_path, eval_fixtures):
    lines = (eval_fixtures / "plv_sample.tsv").read_text("utf-8").splitlines()
    lines[2] = lines[2].replace("</s>", "", 1)
    broken = tmp_path / "broken.tsv"
    broken.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"broken.tsv:3"):
        read_plv(broken)


def test_read_plv_rejects_a_file_without_its_columns(tmp_path):
    other = tmp_path / "other.tsv"
    other.write_text("sentence\tlabel\nRussia shelled Kharkiv.\tASSAULT\n", "utf-8")
    with pytest.raises(InputError, match="missing column"):
        read_plv(other)


def test_concede_and_retreat_are_plv_yield():
    assert plv_label("CONCEDE") == plv_label("RETREAT") == "YIELD"
    assert plv_label(None) == "(none)"


@pytest.fixture
def scored(eval_fixtures, event, fake_pipeline):
    predictions = {
        # right dyad (a name inside each gold phrase), right type
        KENYA: [event(KENYA, "Kenya's foreign ministry", "Somalia", "ACCUSE", quad=3)],
        # right dyad, wrong type, wrong quad class
        NORWAY: [event(NORWAY, "Norway", "Pakistan", "AGREE", quad=1)],
        # first pair right; second pair's target missed (event has the fishermen)
        NAVY: [event(NAVY, "Philippine navy", "Chinese fishermen", "COERCE", quad=4)],
        # implicit gold target ("a recipient"): any target of ours, or none, will do
        LAGOS: [event(LAGOS, "Teachers", None, "PROTEST", quad=4)],
        # source and target swapped
        CHILE: [event(CHILE, "Peru", "Chile", "SANCTION", quad=4)],
        # no event at all: BRAZIL
    }
    pipeline = fake_pipeline(predictions)
    return score_plv(eval_fixtures / "plv_sample.tsv", pipeline), pipeline


def test_plv_figures_on_hand_made_events(scored):
    result, pipeline = scored
    assert len(pipeline.calls) == 1 and len(pipeline.calls[0][0]) == 6  # one call, each sentence once
    f = result.figures
    assert (f["gold_pairs"], f["sentences"]) == (7, 6)
    assert f["dyad_recall"] == pytest.approx(4 / 7)  # Kenya, Norway, navy #1, Lagos
    assert f["end_to_end_recall"] == pytest.approx(3 / 7)  # Kenya, navy #1, Lagos
    assert f["type_accuracy"] == pytest.approx(3 / 4)
    assert f["quad_class_accuracy"] == pytest.approx(3 / 4)
    # classes with gold support among dyads found: ACCUSE 1.0, AID 0.0, COERCE 1.0, PROTEST 1.0
    assert f["type_macro_f1"] == pytest.approx(3 / 4)
    table = {row.label: row for row in result.table}
    assert table["AGREE"].predicted == 1 and table["AGREE"].precision == 0.0
    assert table["AID"].support == 1 and table["AID"].recall == 0.0


def test_plv_errors_by_kind(scored):
    result, _ = scored
    assert result.error_kinds == {"missed": 1, "actor": 2, "type": 1}  # PLV has no gold mode
    details = {e.item: e.detail for e in result.errors}
    assert details["5"] == "wrong target"  # navy pair 2: our event's target is the fishermen
    assert details["7"] == "source and target swapped"
    assert details["3"] == "AID read as AGREE"
    summary = result.summary()
    assert "end_to_end_recall" in summary and "FAIL" in summary
    assert "actor      2\n         1  wrong target\n         1  source and target swapped\n" in summary
    assert "type       1\n         1  AID read as AGREE\n" in summary
    assert BRAZIL in summary
