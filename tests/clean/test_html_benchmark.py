"""The ScrapingHub article-extraction metric, by hand and on the shared benchmark pages."""

from __future__ import annotations

import pytest

from diplograph.evaluate.html import page_scores, score_html


def test_shingle_scores_by_hand():
    gold = "Putin said Colombia is a promising partner"  # 7 tokens -> 4 shingles
    assert page_scores(gold, gold) == (1.0, 1.0)
    # prediction adds one word at the end: one extra shingle, all four gold shingles found
    precision, recall = page_scores(gold, gold + " today")
    assert (precision, recall) == (pytest.approx(4 / 5), 1.0)
    # nothing predicted: no precision to average, recall zero
    assert page_scores(gold, "") == (None, 0.0)


def test_benchmark_pages(shared_dir):
    root = shared_dir / "eval" / "html"
    scores = score_html(root / "html", root / "ground-truth.json")
    assert scores["pages"] == 91
    # measured 0.970 / 0.984 / 0.977 with trafilatura 2.3.1 (see diplograph/clean/html.py); 0.978 / 0.984 / 0.981
    # once the furniture trafilatura keeps (hover cards, teasers, prompts) left the text
    assert scores["precision"] > 0.95 and scores["recall"] > 0.95 and scores["f1"] > 0.96
