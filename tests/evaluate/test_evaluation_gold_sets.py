"""The development gold sets in ../shared read whole, in their native formats (no pipeline run)."""

from __future__ import annotations

from diplograph.evaluate.petr import petrarch_actor_lines, read_petr, write_verb_file
from diplograph.evaluate.plover_gsr import read_gsr
from diplograph.evaluate.plv import read_plv


def test_plv_train_reads_whole(shared_dir):
    pairs = read_plv(shared_dir / "eval" / "events" / "PLV_train.tsv")
    assert len(pairs) == 1050 and len({p.sentence for p in pairs}) == 1044
    assert all(p.source or p.target for p in pairs)


def test_plover_gsr_reads_whole(shared_dir):
    records = read_gsr(shared_dir / "eval" / "events" / "PLOVER_GSR_CAMEO.txt")
    assert len(records) == 322
    assert {"DEMAND", "FIGHT", "DISAPPROVE", "INVESTIGATE"}.isdisjoint(r.label for r in records)


def test_petrarch_unit_tests_and_their_actors_read_whole(shared_dir):
    folder = shared_dir / "eval" / "events" / "petrarch2"
    records, environment = read_petr(folder / "PETR.UnitTest.records.xml")
    assert len(records) == 279 and sum(not r.codings for r in records) == 27
    lines = petrarch_actor_lines((folder / environment["Actorfile"]).read_text("utf-8"),
                                 [r.text for r in records])
    gondor = [line.split("\t") for line in lines if line.startswith("Gondor\t")]
    assert gondor and gondor[0][1] == "GON" and "Minas Tirith" in gondor[0][3].split("|")


def test_petrarch_validation_verbs_convert_whole(shared_dir, tmp_path):
    from diplograph.events.verbs import load_verb_dictionary

    folder = shared_dir / "eval" / "events" / "petrarch2"
    _, environment = read_petr(folder / "PETR.UnitTest.records.xml")
    out, skipped = write_verb_file(folder / environment["Verbfile"], tmp_path)
    assert 100 < skipped < 200  # WEIS and test-only codes (223, 903, 075A...) left out
    verbs = load_verb_dictionary((str(out),), replace=True)
    ties = [{"full"}, {"diplomatic"}, {"ties"}, {"with"}, {"gondor"}]
    assert verbs.match("restore", [], ties).cameo == "064"  # theirs, not our "restore * diplomatic ties" 050
    assert verbs.match("contribute", [], [{"a"}, {"million"}, {"rupees"}]).cameo == "071"
