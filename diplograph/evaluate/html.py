"""HTML article extraction scored as the ScrapingHub article-extraction benchmark scores it.

Each page's cleaned text (diplograph.clean.prepare, as the product makes it) is compared with the
human "articleBody" by 4-token shingles: per-page precision and recall, macro-averaged over pages,
F1 of the two averages. Pages in other languages are scored too (extraction does not depend on the
language); a page diplograph refuses (no article) scores as empty text.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..model import Source
from ..settings import Settings, load_settings

__all__ = ["page_scores", "score_html", "shingle_counts"]

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingle_counts(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """How often each run of ``n`` word tokens occurs; a text shorter than ``n`` is one shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_scores(true: str, predicted: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the benchmark leaves the page out of the mean."""
    gold, pred = shingle_counts(true), shingle_counts(predicted)
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    if fp == fn == 0:
        return (1.0 if tp else None), (1.0 if tp else None)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def score_html(html_dir: Path, ground_truth: Path, settings: Settings | None = None) -> dict:
    """Macro precision, recall and F1 of diplograph's article text over the benchmark's pages."""
    from ..clean import prepare

    settings = settings or load_settings()
    truth = json.loads(Path(ground_truth).read_text("utf-8"))
    precisions: list[float] = []
    recalls: list[float] = []
    pages = []
    for item_id, gold in sorted(truth.items()):
        content = gzip.decompress((Path(html_dir) / f"{item_id}.html.gz").read_bytes())
        source = Source(name=item_id, content=content, kind="html", url=gold.get("url"))
        try:
            predicted, problem = prepare(source, settings).text, None
        except InputError as exc:
            predicted, problem = "", exc.problem
        precision, recall = page_scores(gold.get("articleBody", ""), predicted)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
        pages.append({"id": item_id, "precision": precision, "recall": recall, "problem": problem})
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pages": len(pages),
        "refused": sum(1 for p in pages if p["problem"]),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "per_page": pages,
    }


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/eval/html")
    scores = score_html(root / "html", root / "ground-truth.json")
    print(f"pages={scores['pages']} refused={scores['refused']} precision={scores['precision']:.3f} "
          f"recall={scores['recall']:.3f} f1={scores['f1']:.3f}")
