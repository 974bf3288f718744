"""The fuzz properties of tests/fuzz, run for longer: every input parser and the extractor.

Reuses the tests' strategies (tests/fuzz/fuzz_strategies.py) and checks (tests/fuzz/fuzz_properties.py)
and prints, per parser: inputs tried, clean refusals (a Failure or InputError of one line) against
records, each distinct exception found with the smallest input hypothesis shrank it to, and the
slowest input. An input that runs past --hang seconds counts as an exception (a hang). "Tried"
counts every input run, the ones hypothesis makes while shrinking a failure included; a JSONL dump or
a feed counts once however many documents it holds.

Once an exception is found it is remembered by its type and the line that raised it, and later
inputs that raise it again count as "known" rather than stopping the search, so one common bug does
not hide the others. Nothing here connects to a network: fetches are only of refused addresses.

Usage: python fuzz/run.py [--minutes 5 | --examples 2000] [--only text html ...] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fuzz")]

import fuzz_properties as props  # noqa: E402
import fuzz_strategies as strat  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ROUND = 50  # examples per hypothesis run; rounds repeat with new seeds until the parser's time is up


class Hang(Exception):
    """An input that ran past the --hang limit."""


@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], str]


@dataclass
class Found:
    kind: str
    where: str
    message: str
    example: str
    hits: int = 1


@dataclass
class Stats:
    tried: int = 0
    records: int = 0
    failures: int = 0
    known: int = 0
    slowest: float = 0.0
    slowest_input: str = ""
    found: dict[tuple[str, str], Found] = field(default_factory=dict)


def _targets() -> list[Target]:
    from diplograph.model import Source
    from diplograph.pipeline import Pipeline
    from diplograph.settings import load_settings

    fetch_settings = load_settings().with_overrides(workers=1, timeout=1.0)
    pipeline = Pipeline(fetch_settings)
    pipeline.nlp  # load spaCy before any timing  # noqa: B018
    article = st.lists(st.sampled_from(strat.NEWS_SENTENCES), min_size=3, max_size=12).map(" ".join)
    return [
        Target("text", st.one_of(strat.news_text(), strat.any_text),
               lambda t: props.check_pipeline_source(pipeline, Source(name="article.txt", content=t, kind="text"))),
        Target("html", strat.html_documents(),
               lambda p: props.check_pipeline_source(pipeline, Source(name="page.html", content=p, kind="html"))),
        Target("jsonl", strat.jsonl_documents(), _jsonl_check(pipeline)),
        Target("feed", strat.feed_documents(), lambda c: props.check_feed(c, fetch_settings)),
        Target("sniff", strat.sniff_inputs, props.check_sniff),
        Target("date-phrase", st.tuples(st.one_of(st.none(), strat.date_phrases()), strat.published_dates,
                                        st.sampled_from(("past", "present", "future"))),
               lambda a: props.check_date_phrase(*a)),
        Target("publication-date", strat.publication_values(), props.check_publication_date),
        Target("is-url", strat.url_texts, props.check_is_url),
        Target("fetch-refused", strat.refused_urls(), lambda u: props.check_fetch_refused(u, fetch_settings)),
        Target("settings", strat.settings_files(), props.check_settings_file),
        Target("extractor", st.tuples(st.one_of(strat.news_text(), article), strat.published_dates,
                                      st.sampled_from((None, "text"))),
               lambda a: props.check_extract(pipeline, *a)),
    ]


def _jsonl_check(pipeline: Any) -> Callable[[bytes], str]:
    from diplograph.ingest._jsonl import jsonl_sources
    from diplograph.model import Failure

    def check(content: bytes) -> str:
        outcome = props.check_jsonl(content)
        for item in jsonl_sources("dump.jsonl", content):
            if not isinstance(item, Failure):
                outcome = props.check_pipeline_source(pipeline, item)
        return outcome

    return check


def _where(exc: BaseException) -> str:
    """The innermost frame of diplograph (or of the check) that raised: file:line."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/diplograph/" in f.filename] or [f for f in frames if "fuzz_" in f.filename]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    return f"{Path(frame.filename).parent.name}/{Path(frame.filename).name}:{frame.lineno}"


def _short(value: Any, width: int = 400) -> str:
    text = repr(value)
    return text if len(text) <= width else f"{text[:width - 40]}...{text[-30:]} ({len(text)} chars)"


def _alarm(signum: int, frame: Any) -> None:
    raise Hang("still running at the --hang limit")


def run_target(target: Target, *, examples: int | None, seconds: float | None, hang: float, rng: random.Random,
               stats: Stats) -> None:
    """Rounds of hypothesis runs over one target until its examples or its time are spent."""
    start = time.monotonic()

    def one(value: Any) -> None:
        stats.tried += 1
        began = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, hang)
        try:
            outcome = target.check(value)
        except Exception as exc:
            key = (type(exc).__name__, _where(exc))
            if key in stats.found and stats.found[key].example:
                stats.found[key].hits += 1
                stats.known += 1
                return
            raise
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - began
            if took > stats.slowest:
                stats.slowest, stats.slowest_input = took, _short(value, 100)
        if outcome == "record":
            stats.records += 1
        else:
            stats.failures += 1

    while True:
        left = None if examples is None else examples - stats.tried
        if left is not None and left <= 0:
            break
        if seconds is not None and time.monotonic() - start >= seconds:
            break
        size = ROUND if left is None else min(ROUND, left)
        shrunk: dict[tuple[str, str], str] = {}

        test = settings(max_examples=size, deadline=None, database=None, report_multiple_bugs=True,
                        phases=(Phase.generate, Phase.shrink), suppress_health_check=list(HealthCheck))(
            seed(rng.getrandbits(64))(given(value=target.strategy)(_property(one, stats, shrunk))))
        before = stats.tried
        try:
            test()
        except Exception:
            if stats.tried == before:  # the run itself failed (no input was tried): no use going on
                raise
        for key, example in shrunk.items():
            found = stats.found[key]
            if not found.example or len(example) < len(found.example):
                found.example = example


def _property(one: Callable[[Any], None], stats: Stats,
              shrunk: dict[tuple[str, str], str]) -> Callable[[Any], None]:
    """The hypothesis test body: ``one`` input, noting each exception's last (shrunk) input in ``shrunk``."""

    def prop(value: Any) -> None:
        try:
            one(value)
        except Exception as exc:
            key = (type(exc).__name__, _where(exc))
            shrunk[key] = _short(value)  # hypothesis calls this last with the shrunk example
            if key not in stats.found:
                stats.found[key] = Found(key[0], key[1], " ".join(str(exc).split())[:200], "")
            raise

    return prop


def report(name: str, stats: Stats) -> None:
    print(f"{name:17} tried {stats.tried:6}  records {stats.records:6}  refusals {stats.failures:6}  "
          f"exceptions {len(stats.found):2} (+{stats.known} known re-hits)  slowest {stats.slowest:6.2f} s")
    if stats.slowest_input:
        print(f"{'':17} slowest input: {stats.slowest_input}")
    for found in stats.found.values():
        print(f"{'':17} ! {found.kind} at {found.where}: {found.message}")
        print(f"{'':17}   minimal input: {found.example}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument("--minutes", type=float, help="total time, shared equally by the parsers (default 5)")
    budget.add_argument("--examples", type=int, help="inputs per parser instead of a time budget")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="parsers to run (default: all)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the run (default: random, printed)")
    parser.add_argument("--hang", type=float, default=30.0, help="seconds after which one input is a hang")
    args = parser.parse_args(argv)
    run_seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(run_seed)
    signal.signal(signal.SIGALRM, _alarm)
    began = time.monotonic()
    targets = _targets()
    if args.only:
        unknown = set(args.only) - {t.name for t in targets}
        if unknown:
            parser.error(f"unknown parser(s) {', '.join(sorted(unknown))}; known: {', '.join(t.name for t in targets)}")
        targets = [t for t in targets if t.name in args.only]
    seconds = None
    if args.examples is None:
        total = 60 * (args.minutes if args.minutes is not None else 5.0) - (time.monotonic() - began)
        seconds = max(1.0, total / len(targets))
    print(f"fuzz run: seed {run_seed}, {len(targets)} parsers, "
          f"{f'{args.examples} inputs each' if seconds is None else f'{seconds:.0f} s each'}")
    exceptions = 0
    tried = 0
    for target in targets:
        stats = Stats()
        run_target(target, examples=args.examples, seconds=seconds, hang=args.hang, rng=rng, stats=stats)
        report(target.name, stats)
        exceptions += len(stats.found)
        tried += stats.tried
    print(f"total: {tried} inputs in {time.monotonic() - began:.0f} s, {exceptions} distinct exceptions")
    return 1 if exceptions else 0


if __name__ == "__main__":
    sys.exit(main())
