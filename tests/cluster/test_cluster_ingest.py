"""Ingest on a Dask cluster gives the store a local ingest gives: the same documents and events (ids
included), a failing input recorded as a failure, nothing added by a re-run, Parquet DuckDB reads back,
and no document lost when a worker dies mid-run; a document that kills every worker it is given is a
failure and its batch's other documents are coded.

Clusters run on 127.0.0.1 with ephemeral ports: a LocalCluster (``local:2``), and a ``dask scheduler``
with two ``dask worker`` processes started here; each is shared by the tests of this module (each
worker loads spaCy once) and stopped at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import cloudpickle
import duckdb
import pytest

from diplograph.batch import ingest
from diplograph.cli import main
from diplograph.cluster.address import connect
from diplograph.cluster.runner import KILLED, run_on_cluster
from diplograph.ingest import iter_sources
from diplograph.model import Document, Source
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings
from diplograph.store import Store
from diplograph.store.copies import signature
from diplograph.store.prepared import Prepared, prepare_results, record_json

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
BATCH = 4  # the corpus's 19 inputs make 5 batches: more than the 4 two workers hold at once
START_TIMEOUT = 60.0
STORED = 18  # documents: every input but the page with no article


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The bundled sample, 16 short wire articles (JSONL), an HTML page, and a page with no article."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(ROOT / "diplograph" / "data" / "demo_article.txt", folder / "demo_article.txt")
    lines = (FIXTURES / "resume_corpus.jsonl").read_text("utf-8").splitlines(keepends=True)[:16]
    (folder / "wire.jsonl").write_text("".join(lines), "utf-8")
    for name in ("article.html", "no_article.html"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("config") / "settings.toml"
    path.write_text(f"batch_size = {BATCH}\nworkers = 1\n")
    return path


def _settings(config: Path):
    return load_settings(str(config))


def _snapshot(db: Path) -> dict[str, list]:
    """What must not differ between two ingests of the same inputs: every stored field but the times."""
    with duckdb.connect(str(db), read_only=True) as con:
        def rows(sql: str) -> list:
            return con.execute(sql).fetchall()
        return {
            "documents": rows("SELECT * EXCLUDE (added) FROM documents ORDER BY doc_id"),
            "events": rows("SELECT * FROM events ORDER BY doc_id, event_id"),
            "links": rows("SELECT doc_id, event_id, link_id FROM event_links ORDER BY doc_id, event_id"),
            "failures": rows("SELECT input, problem FROM failures ORDER BY input"),
            "sources": rows("SELECT key, input, doc_id FROM sources ORDER BY key"),
        }


@pytest.fixture(scope="module")
def local_snapshot(corpus, config, nlp, tmp_path_factory) -> dict[str, list]:
    """The store a local ingest (this process) makes of the corpus."""
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    settings = _settings(config)
    with Store(db) as store:
        ingest(iter_sources([str(corpus)], settings), store, Pipeline(settings, nlp=nlp))
    snapshot = _snapshot(db)
    assert len(snapshot["documents"]) == STORED and len(snapshot["events"]) > 40
    assert [f[0] for f in snapshot["failures"]] == [str(corpus / "no_article.html")]
    return snapshot


@pytest.fixture(scope="module")
def local_cluster():
    with connect("local:2") as client:
        yield client


def _ingest_cli(corpus: Path, config: Path, db: Path, cluster: str, *extra: str) -> int:
    return main(["ingest", str(corpus), "--db", str(db), "--config", str(config), "--cluster", cluster,
                 "--quiet", *extra])


def test_local_cluster_stores_what_a_local_ingest_stores(corpus, config, local_snapshot, local_cluster, tmp_path):
    db = tmp_path / "cluster.duckdb"
    with Store(db) as store:
        run = lambda items: run_on_cluster(local_cluster, Pipeline(_settings(config)), items)  # noqa: E731
        summary = ingest(iter_sources([str(corpus)], _settings(config)), store, Pipeline(_settings(config)), run=run)
    assert (summary.stored, len(summary.failures)) == (STORED, 1)
    assert "no article found in the HTML page" in summary.failures[0].problem  # failed on a worker, recorded
    assert _snapshot(db) == local_snapshot


@pytest.fixture(scope="module")
def tcp_ingest(corpus, config, tcp_cluster, tmp_path_factory) -> tuple[Path, Path, int]:
    """(store, Parquet folder, exit code) of `diplograph ingest CORPUS --cluster tcp://... --parquet DIR`."""
    folder = tmp_path_factory.mktemp("tcp")
    db, parquet = folder / "tcp.duckdb", folder / "events"
    return db, parquet, _ingest_cli(corpus, config, db, tcp_cluster, "--parquet", str(parquet))


def test_scheduler_ingest_stores_what_a_local_ingest_stores(tcp_ingest, local_snapshot):
    db, _parquet, code = tcp_ingest
    assert code == 2  # one input failed (and the rest were stored)
    assert _snapshot(db) == local_snapshot


def test_a_rerun_on_the_cluster_adds_nothing(corpus, config, tcp_cluster, tcp_ingest, local_snapshot, capsys):
    db, parquet, _code = tcp_ingest
    before = {p.relative_to(parquet): p.read_bytes() for p in parquet.rglob("*.parquet")}
    assert _ingest_cli(corpus, config, db, tcp_cluster, "--parquet", str(parquet)) == 2
    err = capsys.readouterr().err
    assert f"0 stored, 0 already stored (same text), {STORED} skipped (ingested before), 1 failed" in err
    assert "Traceback" not in err
    assert _snapshot(db) == local_snapshot
    assert {p.relative_to(parquet): p.read_bytes() for p in parquet.rglob("*.parquet")} == before


def test_parquet_reads_back_in_duckdb_as_the_per_mention_export(tcp_ingest, tmp_path):
    db, parquet, _code = tcp_ingest
    flat = tmp_path / "flat.parquet"
    assert main(["export", "--db", str(db), "--format", "parquet", "--per-mention", "--out", str(flat)]) == 0
    dirs = {p.name for p in parquet.iterdir()}
    assert all(d.startswith("published=") for d in dirs) and "published=2023-01-15" in dirs  # a JSONL line's date
    with duckdb.connect() as con:
        hive = con.execute(f"SELECT * FROM read_parquet('{parquet}/**/*.parquet', hive_partitioning=true)")
        columns = [d[0] for d in hive.description]
        got = sorted(hive.fetchall(), key=repr)
        exported = con.execute(f"SELECT {', '.join(columns)} FROM read_parquet('{flat}')")
        assert sorted(exported.fetchall(), key=repr) == got  # the same rows, the date restored from the path
        assert set(columns) == {d[0] for d in con.execute(f"SELECT * FROM '{flat}'").description}
    assert len(got) > 40


class _Poison:
    """A worker plugin: a worker given a batch holding ``poison.txt`` dies, as one killed for memory does.
    What is tested is the client's handling of dead workers, so the batches are coded by name only
    (no model to load again in each restarted worker)."""

    name = "diplograph-test-poison"

    def setup(self, worker) -> None:
        from diplograph.cluster import tasks
        from diplograph.model import Document

        class ByName:
            def process_batch(self, batch):
                if any(getattr(item, "name", "") == "poison.txt" for item in batch):
                    os.kill(os.getpid(), signal.SIGKILL)
                return [Document(doc_id=item.name, text=item.content, source=item.name) for item in batch]

        self.original = tasks.pipeline_for
        tasks.pipeline_for = lambda spec: ByName()

    def teardown(self, worker) -> None:
        from diplograph.cluster import tasks

        tasks.pipeline_for = self.original


def test_workers_prepare_each_document_for_the_clients_store(config, local_cluster):
    items = [Source("ankara.txt", "Turkey closed its airspace to Russian military planes on Sunday."),
             Source("empty.txt", "   ")]
    results = list(run_on_cluster(local_cluster, Pipeline(_settings(config)), items, finish=prepare_results))
    assert isinstance(results[0], Prepared) and results[0].document.source == "ankara.txt"
    assert results[0].record == record_json(results[0].document)  # made on the worker, as the store makes it
    assert results[0].signature == signature(results[0].document.text)
    assert not isinstance(results[1], Prepared) and results[1].input == "empty.txt"  # a failure stays one


def test_a_document_that_kills_its_workers_fails_alone(config, local_cluster):
    from distributed.diagnostics.plugin import WorkerPlugin

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    plugin = type("Poison", (_Poison, WorkerPlugin), {})()
    local_cluster.register_plugin(plugin)
    items = [Source(name, "Turkey closed its airspace to Russian military planes.")
             for name in ("before.txt", "poison.txt", "after.txt")]
    try:
        results = list(run_on_cluster(local_cluster, Pipeline(_settings(config)), items))
    finally:
        local_cluster.unregister_worker_plugin(plugin.name)
    assert [getattr(r, "source", None) or r.input for r in results] == ["before.txt", "poison.txt", "after.txt"]
    assert results[1].problem == KILLED  # killed a worker alone, twice (allowed-failures 1 on local:N)
    assert isinstance(results[0], Document) and isinstance(results[2], Document)  # its batch-mates were coded


# -- a scheduler and two workers, started as a user starts them -----------------------------------------


def _dask(*args: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], env=env, stdout=out, stderr=out,
                                start_new_session=True)


@pytest.fixture(scope="module")
def tcp_workers(tmp_path_factory):
    """(address, worker processes): ``dask scheduler`` and two ``dask worker --no-nanny`` on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("dask")
    info, log = folder / "scheduler.json", folder / "dask.log"
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                   "--scheduler-file", str(info), log=log)]
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not info.is_file() or not info.read_text().strip():
            assert time.monotonic() < deadline and procs[0].poll() is None, log.read_text()
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        for _ in range(2):
            procs.append(_dask("worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                               "--no-dashboard", "--local-directory", str(folder), log=log))
        from distributed import Client

        with Client(address, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address, procs[1:]
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def tcp_cluster(tcp_workers) -> str:
    return tcp_workers[0]


class _Slow:
    """A worker plugin: each batch waits a second before it is coded (coded as ever), so that the
    batches a worker holds are still running when the test kills it."""

    name = "diplograph-test-slow"

    def setup(self, worker) -> None:
        from diplograph.cluster import tasks

        original = tasks.pipeline_for

        class Slow:
            def __init__(self, pipeline) -> None:
                self.pipeline = pipeline

            def process_batch(self, batch):
                time.sleep(1.0)
                return self.pipeline.process_batch(batch)

        self.original = original
        tasks.pipeline_for = lambda spec: Slow(original(spec))

    def teardown(self, worker) -> None:
        from diplograph.cluster import tasks

        tasks.pipeline_for = self.original


def test_killing_a_worker_mid_run_loses_no_document(corpus, config, local_snapshot, tcp_workers, tmp_path):
    from distributed.diagnostics.plugin import WorkerPlugin

    address, _ = tcp_workers
    killed: list[str] = []
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    plugin = type("Slow", (_Slow, WorkerPlugin), {})()
    with connect(address) as client:
        client.register_plugin(plugin)
        pids = client.run(os.getpid)

        def kill_one_busy(results):
            for n, result in enumerate(results):
                if n == 0:  # the first result is in: the next batches are on the workers, for a second at least
                    busy = [w for w, keys in client.processing().items() if keys]
                    assert busy, "no worker holds a batch to lose"
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy[0])
                yield result

        db = tmp_path / "killed.duckdb"
        settings = _settings(config)
        try:
            with Store(db) as store:
                summary = ingest(iter_sources([str(corpus)], settings), store, Pipeline(settings),
                                 run=lambda items: kill_one_busy(run_on_cluster(client, Pipeline(settings), items)))
        finally:
            client.unregister_worker_plugin(plugin.name)
        assert killed and killed[0] not in client.nthreads()  # that worker is gone for good (no nanny)
    assert (summary.stored, len(summary.failures)) == (STORED, 1)
    assert _snapshot(db) == local_snapshot
