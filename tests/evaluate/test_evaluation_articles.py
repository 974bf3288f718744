"""Whole-article scoring: the product runs on each gold page's HTML, triples are scored per article."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.evaluate import run_eval
from diplograph.evaluate.articles import read_articles, triple_of
from diplograph.pipeline import Pipeline

PAGE_ID = "f" * 64
PUBLISHED = "2019-11-19"
# A short wire story (AFP, 19 November 2019), as an HTML page.
PARAGRAPHS = [
    "Egypt and Jordan sharply criticised the United States on Tuesday over its decision to no longer "
    "consider Israeli settlements in the occupied West Bank illegal.",
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Tuesday "
    "to discuss the situation in northern Syria.",
    "Police arrested 40 protesters in central Baghdad, the Iraqi interior ministry said.",
]


def _gold_event(sentence: str, source: str, s_country: str, target: str | None, t_country: str | None,
                cameo: str, date: str = PUBLISHED, precision: str = "day") -> dict:
    return {"sentence": sentence, "trigger": "", "cameo": cameo, "mode": "asserted",
            "source": {"text": source, "country": s_country, "sector": "GOV"},
            "target": {"text": target, "country": t_country, "sector": "GOV"} if target else None,
            "date": date, "date_precision": precision, "confidence": "high", "note": ""}


def _make_set(root: Path) -> Path:
    html = ("<html><head><title>Arab states criticise US settlement move</title>"
            f'<meta property="article:published_time" content="{PUBLISHED}T10:00:00Z"></head><body>'
            "<article><h1>Arab states criticise US settlement move</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")
    pages = root / "html" / "html"
    pages.mkdir(parents=True)
    (pages / f"{PAGE_ID}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    gold_dir = root / "articles" / "gold"
    gold_dir.mkdir(parents=True)
    events = [
        _gold_event(PARAGRAPHS[0], "Egypt", "EGY", "the United States", "USA", "111"),
        _gold_event(PARAGRAPHS[0], "Jordan", "JOR", "the United States", "USA", "111"),
        _gold_event(PARAGRAPHS[1], "Vladimir Putin", "RUS", "Recep Tayyip Erdogan", "TUR", "042"),
        _gold_event(PARAGRAPHS[1], "Vladimir Putin", "RUS", "Recep Tayyip Erdogan", "TUR", "043"),
        _gold_event(PARAGRAPHS[2], "Police", "IRQ", "40 protesters", "IRQ", "173"),
        # root 01 is out of scope on both sides
        _gold_event(PARAGRAPHS[2], "the Iraqi interior ministry", "IRQ", None, None, "010"),
    ]
    (gold_dir / f"{PAGE_ID[:12]}.json").write_text(
        json.dumps({"id": PAGE_ID, "published": PUBLISHED, "annotator": "T", "events": events}), "utf-8")
    return root / "articles"


def test_triples_fold_hong_kong_and_igos_and_drop_statements_and_unknown_pairs():
    assert triple_of("hkg", "usa", "1121") == ("CHN", "USA", "11")
    assert triple_of("IGOUNO", None, "026") == ("IGO", None, "02")
    assert triple_of("USA", "CHN", "010") is None
    assert triple_of(None, None, "190") is None


def test_a_set_without_gold_pages_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="gold/"):
        read_articles(tmp_path)
    (tmp_path / "gold").mkdir()
    with pytest.raises(InputError, match="no gold pages"):
        read_articles(tmp_path)


def test_the_product_is_scored_on_the_page_as_a_user_runs_it(tmp_path, nlp):
    set_path = _make_set(tmp_path)
    report = tmp_path / "report.json"
    result = run_eval(set_path, "articles", report, pipeline=Pipeline(nlp=nlp))
    figures = result.figures
    # five gold events, four distinct triples in scope: EGY>USA 11, JOR>USA 11, RUS>TUR 04, IRQ>IRQ 17
    assert figures["articles"] == 1 and figures["gold_triples"] == 4 and figures["failed"] == 0
    record = json.loads(report.read_text("utf-8"))
    (item,) = record["items"]
    assert item["published"] == PUBLISHED
    predicted = {tuple(t) for t in item["predicted"]}
    # the criticism by both states is read from the lead sentence, one triple each
    assert {("EGY", "USA", "11"), ("JOR", "USA", "11")} <= predicted
    assert figures["correct_triples"] == len(predicted & {tuple(t) for t in item["gold"]})
    assert figures["precision"] == pytest.approx(figures["correct_triples"] / figures["predicted_triples"])
    assert figures["recall"] == pytest.approx(figures["correct_triples"] / 4)
    # every gold triple not found is listed as missed with its sentence
    missed = [e for e in result.errors if e.kind == "missed"]
    assert len(missed) == 4 - figures["correct_triples"]
    assert all(e.text in PARAGRAPHS for e in missed)


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "articles").is_dir(),
                    reason="needs ../shared/eval/articles beside the project")
def test_the_development_pages_are_all_read():
    set_path = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "articles"
    articles = read_articles(set_path)
    assert len(articles) == 18 and sum(len(a.events) for a in articles) == 207
