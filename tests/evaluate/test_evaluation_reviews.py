"""Scoring against a team's reviews of the demo article: the coder that was reviewed recalls what was
confirmed, still emits what was rejected and does not yet carry the corrections; a next version that
fixes them scores so; a bad reviews file is one line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diplograph.cli import main
from diplograph.errors import InputError
from diplograph.evaluate import run_eval
from diplograph.evaluate.reviews import read_reviews, score_review_documents
from diplograph.lexicon.tables import shipped_text
from diplograph.store import Store
from diplograph.store.review_gold import export_reviews


@pytest.fixture(scope="module")
def pipeline():
    from diplograph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="module")
def demo(pipeline):
    return pipeline.extract(shipped_text("demo_article.txt"), published="2022-09-21", outlet="CNN en Español")


def _event(doc, trigger: str, cameo: str):
    return next(e for e in doc.events if e.trigger.text == trigger and e.cameo == cameo)


@pytest.fixture(scope="module")
def gold_file(demo, tmp_path_factory):
    """Reviews of the demo article: Putin's praise confirmed, "willing to supply" rejected, the US
    designation corrected (by its government, a formal agreement)."""
    folder = tmp_path_factory.mktemp("reviews")
    with Store(folder / "demo.duckdb") as store:
        store.add(demo)
        with store.cursor() as cur:
            links = dict(cur.execute("SELECT event_id, link_id FROM event_links WHERE doc_id = ?",
                                     [demo.doc_id]).fetchall())
        store.add_review(links[_event(demo, "said", "051").id], "confirm", reviewer="ana")
        store.add_review(links[_event(demo, "supply", "033").id], "reject", reviewer="ana",
                         comment="a willingness, not an agreement to supply")
        store.add_review(links[_event(demo, "designate", "032").id], "correct", reviewer="ana",
                         source="USAGOV", cameo="057")
        export_reviews(store, folder / "gold.jsonl")
    return folder / "gold.jsonl"


def test_the_reviewed_coder_recalls_the_confirmed_event_and_still_emits_the_rejected_one(gold_file, pipeline):
    result = run_eval(gold_file, "reviews", pipeline=pipeline)
    figures = result.figures
    assert figures["reviewed_mentions"] == 3
    assert figures["confirmed_recall"] == 1.0 and figures["confirmed_unchanged"] == 1.0
    assert figures["rejected_fixed"] == 0.0 and figures["rejected_still_emitted"] == 1
    assert figures["corrected_fixed"] == 0.0
    assert figures["corrected_source"] == 0.0 and figures["corrected_cameo"] == 0.0
    assert "corrected_date" not in figures  # nobody corrected a date
    assert result.error_kinds == {"missed": 0, "spurious": 1, "correction": 2}
    (spurious,) = [e for e in result.errors if e.kind == "spurious"]
    assert "willing to supply military equipment" in spurious.text


def test_a_next_version_that_fixes_the_reviewed_errors_scores_them_fixed(gold_file, demo):
    gold = read_reviews(gold_file)
    supply, designate = _event(demo, "supply", "033"), _event(demo, "designate", "032")
    assert designate.source is not None
    fixed = replace(designate, cameo="057", source=replace(designate.source, code="USAGOV"))
    next_version = replace(demo, events=[fixed if e is designate else e for e in demo.events if e is not supply])
    figures = score_review_documents("next", gold, [next_version]).figures
    assert figures["confirmed_recall"] == 1.0
    assert figures["rejected_fixed"] == 1.0 and figures["rejected_still_emitted"] == 0
    assert figures["corrected_fixed"] == 1.0 and figures["corrected_cameo"] == 1.0
    # and one that lost the confirmed event misses it
    lost = replace(demo, events=[e for e in demo.events if e.trigger.text != "said" or e.cameo != "051"])
    missed = score_review_documents("lost", gold, [lost])
    assert missed.figures["confirmed_recall"] == 0.0 and missed.error_kinds["missed"] == 1


def test_cli_prints_the_reviews_figures(gold_file, capsys):
    assert main(["eval", str(gold_file), "--format", "reviews"]) == 0
    out = capsys.readouterr().out
    assert "reviews evaluation of" in out and "rejected_still_emitted       1" in out


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json\n", "gold.jsonl:1: not a JSON line"),
    ('{"kind": "event"}\n', "gold.jsonl:1: not a line of a reviews file"),
    ('{"kind": "review", "doc_id": "d", "event_id": "e1", "coder": {}, "verdict": "confirm", "corrected": {}}\n',
     "gold.jsonl:1: a review of document d before that document's line"),
    ('{"kind": "document", "doc_id": "d", "text": "x"}\n{"kind": "review", "doc_id": "d"}\n',
     "gold.jsonl:2: event_id is missing or not a str"),
    ("", "gold.jsonl: no reviewed document in this file"),
])
def test_a_bad_reviews_file_is_one_line_naming_the_line(tmp_path, content, problem):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as refused:
        read_reviews(path)
    assert str(refused.value).startswith(str(tmp_path / problem)) and "\n" not in str(refused.value)
