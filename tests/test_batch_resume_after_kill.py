"""An ingest killed with SIGKILL at any moment and re-run loses nothing and doubles nothing.

The corpus (tests/fixtures/ingest/resume_corpus.jsonl) is 48 documents of two real news sentences
each, taken from the sentences the other tests check. A real ``diplograph ingest`` process is killed
20 times at varied moments (while the model loads, just after a document is committed, between
two), re-run each time, then left to finish. The store must then hold every document exactly once,
each with the same actors, events and quotes as a clean run stores, and no failure. Each document
is committed on its own (batch_size = 1, one process), so the kills fall between and inside them.
Wall time: 16 starts up to a first document (model, dictionaries, gazetteer: ~4 s of CPU each), so
about a minute on an idle 2-core machine, two or more when it is shared.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from diplograph.batch import ingest
from diplograph.errors import InputError
from diplograph.ingest import iter_sources
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings
from diplograph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "ingest" / "resume_corpus.jsonl"
KILLS = 20


def _per_document(path: Path) -> dict[str, tuple[int, int, int]]:
    """doc_id -> (actors, events, quotes) rows in the store."""
    with Store(path, read_only=True) as store, store.cursor() as cur:
        counts = {doc_id: [0, 0, 0] for doc_id in store.doc_ids()}
        for column, table in enumerate(("actors", "events", "quotes")):
            for doc_id, n in cur.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id").fetchall():
                counts[doc_id][column] = n
    return {doc_id: (a, e, q) for doc_id, (a, e, q) in counts.items()}


def _stored_at_kill(db: Path) -> int:
    """Documents stored when a run was killed: none when the kill came after DuckDB made the file but
    before the store's first commit wrote its tables (an empty database, refused read-only)."""
    try:
        return len(_per_document(db))
    except InputError as error:
        if "empty database" not in str(error):
            raise
        return 0


def _wal_size(db: Path) -> int:
    wal = Path(f"{db}.wal")
    return wal.stat().st_size if wal.exists() else 0


def _run_and_kill(argv: list[str], db: Path, moment: int, loading: float) -> int | None:
    """Start an ingest and SIGKILL it: ``loading`` seconds in, while it starts (moment 0), or
    37 * (moment - 1) ms after its first commit of this run (the journal grows). The exit code if it
    finished first, else None."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    start, committed_at = time.monotonic(), None
    start_wal = _wal_size(db)
    while process.poll() is None:
        now = time.monotonic()
        if moment == 0 and now - start > loading:
            break
        if committed_at is None and _wal_size(db) > start_wal:
            committed_at = now
        if committed_at is not None and now - committed_at >= 0.037 * (moment - 1):
            break
        if now - start > 60:
            raise AssertionError("an ingest of 48 short documents ran for a minute")
        time.sleep(0.005)
    if process.poll() is not None:
        assert process.stderr is not None
        assert process.returncode == 0, process.stderr.read()
        return process.returncode
    process.send_signal(signal.SIGKILL)
    process.wait()
    return None


def test_ingest_killed_20_times_stores_every_document_once_and_whole(tmp_path, nlp):
    config = tmp_path / "one-at-a-time.toml"
    config.write_text("batch_size = 1\nworkers = 1\n")
    ids = [json.loads(line)["id"] for line in CORPUS.read_text("utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 48

    clean = tmp_path / "clean.duckdb"
    with Store(clean) as store:
        pipeline = Pipeline(load_settings(config), nlp=nlp)
        summary = ingest(iter_sources([str(CORPUS)], pipeline.settings), store, pipeline)
    assert (summary.stored, summary.failures) == (48, [])
    expected = _per_document(clean)

    db = tmp_path / "killed.duckdb"
    argv = [sys.executable, "-m", "diplograph.cli", "ingest", str(CORPUS), "--db", str(db), "--config", str(config),
            "--quiet"]
    killed, stored_at_kills = 0, []
    for n in range(KILLS):
        moment = 0 if n % 5 == 0 else n  # every fifth while it starts, the rest after a commit
        if _run_and_kill(argv, db, moment, loading=0.3 + 0.6 * (n // 5)) is None:
            killed += 1
            if db.exists():
                stored_at_kills.append(_stored_at_kill(db))
    finished = subprocess.run(argv, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                              timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert "0 failed" in finished.stderr

    assert killed >= KILLS // 2, killed  # most runs were killed, not left to finish
    assert any(0 < s < 48 for s in stored_at_kills), stored_at_kills  # kills fell in the middle of the corpus
    assert _per_document(db) == expected  # every document once, none partial
    with Store(db, read_only=True) as store, Store(clean, read_only=True) as reference:
        assert store.counts() == reference.counts()
        assert store.failures() == []
        assert sorted(store.doc_ids()) == sorted(ids)
