"""The per-document budget: a document over max_chars, max_seconds or max_memory_mb is a Failure
naming the limit, and the documents after it are coded, in one process and in worker processes."""

from __future__ import annotations

import threading

import pytest

from diplograph.batch import ingest
from diplograph.budget import BudgetExceeded, Limits, within
from diplograph.model import Document, Failure, Source
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings
from diplograph.store import Store

SHORT = [
    "Israeli troops attacked Hamas positions in Gaza on Monday, the army said.",
    "Iran and Iraq signed a trade agreement in Baghdad on Sunday, officials said.",
]


@pytest.fixture(scope="module")
def warm(nlp):
    """The shared pipeline with its word lists loaded: the first document pays for loading them."""
    Pipeline(load_settings().with_overrides(workers=1), nlp=nlp).extract(SHORT[0], name="warm-up")
    return nlp


def _pipeline(nlp, **settings) -> Pipeline:
    return Pipeline(load_settings().with_overrides(workers=1, **settings), nlp=nlp)


def _batch(seed_text: str, copies: int) -> list[Source]:
    long = "\n\n".join([seed_text] * copies)
    return [Source("long.txt", long, published="2022-09-21"),
            *(Source(f"wire-{n}.txt", text, published="2023-05-02") for n, text in enumerate(SHORT))]


def _outcome(results) -> list[tuple[str, str]]:
    return [(r.input, r.problem) if isinstance(r, Failure) else (r.source, "coded") for r in results]


def test_text_over_max_chars_fails_and_the_batch_goes_on(warm, seed_text):
    results = list(_pipeline(warm, max_chars=5000).run(_batch(seed_text, 2)))
    assert _outcome(results)[1:] == [("wire-0.txt", "coded"), ("wire-1.txt", "coded")]
    assert results[0].input == "long.txt"
    assert results[0].problem.endswith("characters of text, over the max_chars limit of 5,000")
    assert int(results[0].problem.split()[0].replace(",", "")) > 5000
    assert all(isinstance(r, Document) and r.events for r in results[1:])


def test_max_chars_past_spacys_limit_is_honoured(warm):
    pipeline = _pipeline(warm, max_chars=2_000_000)
    assert pipeline.nlp.max_length >= 2_000_000


def test_ingest_stores_the_rest_of_a_batch_with_a_text_over_max_chars(tmp_path, warm, seed_text):
    with Store(tmp_path / "news.duckdb") as store:
        summary = ingest(_batch(seed_text, 2), store, _pipeline(warm, max_chars=5000))
        again = ingest(_batch(seed_text, 2), store, _pipeline(warm, max_chars=5000))
    assert summary.stored == 2 and [f.input for f in summary.failures] == ["long.txt"]
    assert "over the max_chars limit of 5,000" in summary.failures[0].problem
    assert again.skipped == 2 and [f.input for f in again.failures] == ["long.txt"]  # retried, not lost


def test_document_over_max_seconds_fails_and_the_next_are_coded(warm, seed_text):
    results = list(_pipeline(warm, max_seconds=1.0).run(_batch(seed_text, 30)))
    assert _outcome(results) == [("long.txt", "took more than 1 s, over the max_seconds budget"),
                                 ("wire-0.txt", "coded"), ("wire-1.txt", "coded")]


def test_document_over_max_memory_fails_and_the_next_are_coded(warm, seed_text):
    results = list(_pipeline(warm, max_memory_mb=3).run(_batch(seed_text, 30)))
    assert _outcome(results) == [
        ("long.txt", "needed more than 3 MB of memory, over the max_memory_mb budget"),
        ("wire-0.txt", "coded"), ("wire-1.txt", "coded")]


def test_budget_holds_in_worker_processes(warm, seed_text):
    pipeline = Pipeline(load_settings().with_overrides(workers=2, batch_size=1, max_seconds=1.0), nlp=warm)
    results = list(pipeline.run(_batch(seed_text, 30)))
    assert _outcome(results) == [("long.txt", "took more than 1 s, over the max_seconds budget"),
                                 ("wire-0.txt", "coded"), ("wire-1.txt", "coded")]


def _spin(seconds: float) -> int:
    import time

    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        n += 1
    return n


def test_budget_holds_outside_the_main_thread():
    outcome: list[object] = []

    def server_thread() -> None:
        try:
            outcome.append(within(Limits(0.2, 1000), lambda: _spin(5)))
        except BudgetExceeded as exc:
            outcome.append(exc.problem)

    thread = threading.Thread(target=server_thread)
    thread.start()
    thread.join(timeout=3)
    assert outcome == ["took more than 0.2 s, over the max_seconds budget"]


def test_work_inside_its_budget_returns_and_nothing_lands_after_it():
    assert within(Limits(0.15, 1000), lambda: _spin(0.1)) > 0
    assert _spin(0.3) > 0  # the watchdog stopped watching: no interruption arrives later
    with pytest.raises(ValueError, match="not budget"):
        within(Limits(5, 1000), lambda: int("not budget"))


class _SlowToDie:
    """An object whose finaliser runs Python for a while, as a parse's temporary objects can."""

    def __del__(self) -> None:
        _spin(0.05)


def _churn() -> None:
    while True:  # half the time in finalisers: some interruptions land there, where Python drops them
        _SlowToDie()
        _spin(0.05)


def test_an_interruption_dropped_in_a_finaliser_is_raised_again_and_never_printed(capfd):
    # pytest fails a test whose run reaches sys.unraisablehook ("Exception ignored in ..."): the
    # watchdog's own hook drops its interruptions, and the next one unwinds the work
    with pytest.raises(BudgetExceeded, match="max_seconds"):
        within(Limits(0.1, 1000), _churn)
    assert "Exception ignored" not in capfd.readouterr().err
