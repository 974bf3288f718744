"""PETRARCH unit-test scoring: reading records, converting PETRARCH actors, passing records."""

from __future__ import annotations

import pytest

from diplograph.errors import InputError
from diplograph.evaluate.petr import (
    actor_code,
    petrarch_actor_lines,
    read_petr,
    score_petr,
    write_actor_file,
    write_verb_file,
)
from diplograph.events.verbs import load_verb_dictionary
from diplograph.model import ActorRef

ACCUSE = "Valdoria accused Norvania of shelling its border villages."
MET = "Mara Toll met the Norvanian prime minister in the capital."
FOOTBALL = "The Kestrian football team won the regional cup on Saturday."
CUP = "Kestri beat Valdoria three goals to one in the cup final."


def test_read_petr(eval_fixtures):
    records, environment = read_petr(eval_fixtures / "petr_sample.xml")
    assert environment == {"Actorfile": "petr_actors.txt", "Verbfile": "petr_verbs.txt"}
    # the commented-out record and the sentence="false" one are not read
    assert [r.id for r in records] == ["TEST-01", "TEST-02", "TEST-03", "TEST-04"]
    assert records[0].text == ACCUSE and records[0].date == "2003-01-05"
    assert records[1].codings == (("VLDGOV", "NRVGOV", "040"), ("NRVGOV", "VLDGOV", "040"))
    assert records[2].codings == () and records[3].codings == ()  # noevents, and a discard


def test_read_petr_rejects_other_files(tmp_path):
    other = tmp_path / "records.xml"
    other.write_text("<Validation><Sentences></Sentences></Validation>", "utf-8")
    with pytest.raises(InputError, match="no <Sentence> records"):
        read_petr(other)


def test_petrarch_actors_become_user_actor_lines(eval_fixtures):
    dictionary = (eval_fixtures / "petr_actors.txt").read_text("utf-8")
    lines = [line.split("\t") for line in petrarch_actor_lines(dictionary, [ACCUSE, MET, FOOTBALL])]
    by_code = {fields[1]: fields for fields in lines}
    # a stem entry takes the forms the texts use; an exact (_-ended) one only its own name
    assert by_code["NRV"][0] == "Norvania" and by_code["NRV"][3] == "Norvanian"
    assert by_code["KST"][0] == "Kestrian"
    assert ["Valdoria", "VLD", "country", "", "", ""] in lines  # "Valdorian" is not in the texts
    # a dated office and the undated default
    assert ["Mara Toll", "VLDGOV", "government", "", "2000-01-01", "2005-12-31"] in lines
    assert ["Mara Toll", "VLD", "country", "", "", ""] in lines
    assert "---" not in by_code  # an unknown-country code gives no entry


def test_the_converted_file_is_one_the_actor_dictionary_reads(eval_fixtures, tmp_path):
    from diplograph.lexicon.dictionary import parse_entries

    out = write_actor_file(eval_fixtures / "petr_actors.txt", [ACCUSE, MET], tmp_path)
    rows = parse_entries(out.read_text("utf-8"), str(out))
    assert {fields[1] for _, fields in rows} == {"VLD", "NRV", "KST", "VLDGOV"}


def test_the_sets_verbs_become_a_replacing_verb_file(eval_fixtures, tmp_path):
    out, skipped = write_verb_file(eval_fixtures / "petr_verbs.txt", tmp_path)
    assert skipped == 2  # the rows coded 345 and 903, no CAMEO codes
    rows = [line.split("\t") for line in out.read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    assert rows == [["verb", "pattern", "cameo", "reverse"], ["accuse", "", "112", ""],
                    ["accuse", "* of shelling", "1123", ""], ["meet", "", "040", "040"]]
    verbs = load_verb_dictionary((str(out),), replace=True)
    assert verbs.match("accuse", [], [{"norvania"}, {"of"}, {"shelling"}]).cameo == "1123"
    assert verbs.match("accuse", [], [{"norvania"}, {"of"}, {"treason"}]).cameo == "112"


def test_petr_scores_with_the_sets_own_verbs(shared_dir):
    # with diplograph's verbs alone 4 records passed (13 at root level, 4 codings found); with the
    # set's verb dictionary 66, 70 and 101 (2026-11-27)
    result = score_petr(shared_dir / "eval" / "events" / "petrarch2" / "PETR.UnitTest.records.xml")
    f = result.figures
    assert f["records_passed"] >= 58 and f["records_passed_root"] >= 62 and f["codings_found"] >= 90
    assert any(note.startswith("verbs: the set's PETRARCH verb dictionary") for note in result.notes)


def test_actor_code_writes_an_unknown_country_as_dashes():
    assert actor_code(ActorRef("the government", 0, 14, None, "GOV", "GOV")) == "---GOV"
    assert actor_code(ActorRef("Valdoria", 0, 8, None, None, "VLD")) == "VLD"
    assert actor_code(ActorRef("Red Cross", 0, 9, None, "NGO", "NGOIRC")) == "NGOIRC"
    assert actor_code(None) is None


def test_petr_figures_on_hand_made_events(eval_fixtures, event, fake_pipeline):
    predictions = {
        ACCUSE: [event(ACCUSE, "Valdoria", "Norvania", "ACCUSE", cameo="111",
                       source_code="VLD", target_code="NRV")],
        MET: [event(MET, "Mara Toll", "Norvanian prime minister", "CONSULT", cameo="040",
                    source_code="VLDGOV", target_code="NRVGOV")],
        CUP: [event(CUP, "Kestri", "Valdoria", "ASSAULT", cameo="190", source_code="KST", target_code="VLD")],
    }
    pipeline = fake_pipeline(predictions)
    result = score_petr(eval_fixtures / "petr_sample.xml", pipeline)
    # texts go in batches by date, each with its date as the publication date
    assert sorted(published for _, published in pipeline.calls) == ["2003-01-05", "2003-01-06", "2003-01-07"]
    f = result.figures
    assert (f["records"], f["records_with_codings"]) == (4, 2)
    assert (f["records_passed"], f["records_passed_root"]) == (0, 1)  # 111 vs 112 passes at root 11
    assert (f["codings_expected"], f["codings_found"], f["codings_found_root"]) == (3, 1, 2)
    assert (f["noevents_records"], f["noevents_correct"]) == (2, 1)
    assert (f["cameo_records"], f["cameo_passed"], f["cameo_passed_root"]) == (2, 0, 1)
    assert result.error_kinds["spurious"] == 1
    assert {e.item: e.kind for e in result.errors} == {"TEST-01": "type", "TEST-02": "actor",
                                                     "TEST-04": "spurious"}
