"""Time and memory of one document against its size, for texts shaped to find super-linear code.

For each shape, a document of 1x, 2x, 4x and 8x a base size goes through the whole path (clean,
annotate, record) in this process, one at a time; the time and the peak growth of the resident set
while it runs are printed, then the growth ratio: time per character at 8x over time per character at
1x. Linear code gives about 1 (spaCy's parser a little more); a quadratic spot gives about 8. The
per-document budget is lifted so that the figures are the code's, not the limit's.
Usage: python bench/linearity.py [--chars 10000] [--shapes short_lines,names,...]
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed_article.txt"
SIZES = (1, 2, 4, 8)


def _repeat(pieces: Callable[[int], str], chars: int) -> str:
    out: list[str] = []
    total, n = 0, 0
    while total < chars:
        piece = pieces(n)
        out.append(piece)
        total += len(piece)
        n += 1
    return "".join(out)


def short_lines(chars: int) -> str:
    lines = ["Reuters\n", "Minsk, 12 May\n", "Vladimir Putin\n", "Kyiv\n", "Ministry of Defence\n"]
    return _repeat(lambda n: lines[n % len(lines)], chars)


def names(chars: int) -> str:
    rnd = random.Random(1)
    first = ["John", "Maria", "Ahmed", "Olga", "Li", "Pierre", "Anna", "Juan"]
    last = ["Smith", "Ivanova", "Khan", "Dubois", "Wang", "Garcia", "Petrov", "Muller"]
    return _repeat(lambda n: f"{rnd.choice(first)} {rnd.choice(last)}\n", chars)


def giant_line(chars: int) -> str:
    words = ["the", "minister", "said", "government", "troops", "attacked", "city", "and", "president", "met"]
    return _repeat(lambda n: words[n % len(words)] + " ", chars)


def one_word_sentences(chars: int) -> str:
    words = ["Yes.", "No.", "Russia.", "Attack.", "Peace."]
    return _repeat(lambda n: words[n % len(words)] + " ", chars)


def quotes(chars: int) -> str:
    return _repeat(lambda n: f'"We will not accept this {n}," the minister said. ', chars)


def nested(chars: int) -> str:
    depth = max(1, (chars - 30) // 2)
    return "The president said " + "(" * depth + "peace" + ")" * depth + " today."


def repeated_actors(chars: int) -> str:
    return _repeat(lambda n: "Russia attacked Ukraine. Putin met Zelensky in Moscow. ", chars)


def dates(chars: int) -> str:
    months = ["January", "February", "March", "May", "June"]
    return _repeat(lambda n: f"On {months[n % 5]} {n % 28 + 1}, 2020 Russia attacked Ukraine on Monday. ", chars)


def article(chars: int) -> str:
    seed = SEED.read_text("utf-8")
    return _repeat(lambda n: seed + "\n\n", chars)


SHAPES: dict[str, Callable[[int], str]] = {
    "article": article, "short_lines": short_lines, "names": names, "giant_line": giant_line,
    "one_word_sentences": one_word_sentences, "quotes": quotes, "nested": nested,
    "repeated_actors": repeated_actors, "dates": dates,
}


class _PeakMemory:
    """The highest resident set seen while a document runs, sampled every 5 ms."""

    def __init__(self) -> None:
        from diplograph.budget import _resident_mb

        self.read = _resident_mb
        self.peak = 0.0
        self.running = True
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.read())
            time.sleep(0.005)

    def reset(self) -> float:
        self.peak = now = self.read()
        return now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=10_000, help="characters of the 1x document (default 10000)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes (default: all)")
    args = parser.parse_args()

    from diplograph.model import Document, Source
    from diplograph.pipeline import Pipeline
    from diplograph.settings import load_settings

    settings = load_settings().with_overrides(workers=1, max_seconds=1e9, max_memory_mb=1e9,
                                              max_chars=max(SIZES) * args.chars * 2)
    pipeline = Pipeline(settings)
    pipeline.extract(article(2000), name="warm-up")  # model and word lists loaded before timing
    memory = _PeakMemory()
    print(f"{'shape':<20}" + "".join(f"{f'{s}x: chars s MB':>26}" for s in SIZES) + "   time/char 8x:1x")
    for name in args.shapes.split(","):
        rates: list[float] = []
        cells: list[str] = []
        for size in SIZES:
            text = SHAPES[name](size * args.chars)
            base = memory.reset()
            started = time.perf_counter()
            (result,) = pipeline.run([Source(f"{name}-{size}x.txt", text, kind="text")])
            seconds = time.perf_counter() - started
            grown = memory.peak - base
            rates.append(seconds / len(text))
            mark = "" if isinstance(result, Document) else "!"  # a Failure: the figures are its
            cells.append(f"{len(text):>9} {seconds:7.2f} {grown:6.0f}{mark:1}")
        print(f"{name:<20}" + "".join(f"{c:>26}" for c in cells) + f"   {rates[-1] / rates[0]:6.2f}", flush=True)
    memory.running = False


if __name__ == "__main__":
    main()
