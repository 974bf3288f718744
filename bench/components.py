"""CPU seconds of each pipeline component over the bench corpus, in one process.

The model and the stages' tables are loaded first (``Pipeline.warm_up``); then the texts are
tokenised (``make_doc``) and each component runs over all of them in turn, in the batches the
pipeline gives it (``annotate.COMPONENT_CONFIG``, else the ``batch_size`` setting), timed with
``time.process_time``. Needs ../shared for the corpus (bench/throughput.py's).

Usage: PYTHONPATH=. python bench/components.py [--n 100]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus

from diplograph.annotate import COMPONENT_CONFIG, make_doc
from diplograph.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100, help="articles (default 100)")
    args = parser.parse_args()
    texts = corpus(args.n)
    pipeline = Pipeline()
    pipeline.warm_up()
    nlp, batch = pipeline.nlp, pipeline.settings.batch_size
    seconds: dict[str, float] = {}
    t0 = time.process_time()
    docs = [make_doc(nlp, text) for text in texts]
    seconds["make_doc"] = time.process_time() - t0
    for name, component in nlp.pipeline:
        t0 = time.process_time()
        if hasattr(component, "pipe"):
            size = COMPONENT_CONFIG.get(name, {}).get("batch_size", batch)
            docs = list(component.pipe(docs, batch_size=size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.process_time() - t0
    total = sum(seconds.values())
    print(f"{len(texts)} articles, {sum(len(d) for d in docs):,} tokens; CPU seconds in one process:")
    for name, spent in seconds.items():
        print(f"  {name:28s} {spent:6.2f}  {spent / total:6.1%}")
    print(f"  {'total':28s} {total:6.2f}")


if __name__ == "__main__":
    main()
