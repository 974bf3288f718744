"""What travels to a Dask worker: the settings and the contents of the user's files (a remote worker
cannot read the client's files), and the versions, checked before any model is loaded."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from diplograph.cluster import tasks
from diplograph.cluster.tasks import PipelineSpec, VersionMismatch, code_batch
from diplograph.model import Source
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings

ARTICLE = ("Fighters of the Frente Amplio del Sur attacked a police station in Cauca on Sunday, "
           "local officials said.")


def test_a_users_actor_file_reaches_a_worker_that_cannot_read_it(tmp_path, monkeypatch):
    mine = tmp_path / "mine.tsv"
    mine.write_text("# my actors: name, code, kind, aliases, from, until\n"
                    "Frente Amplio del Sur\tCOLREB\tgroup\tFAS\t\t\n", "utf-8")
    spec = PipelineSpec.of(Pipeline(load_settings().with_overrides(batch_size=3), actor_files=[mine]))
    mine.unlink()  # gone, as on another machine
    monkeypatch.setattr(tasks, "_CACHE", {})
    travelled = pickle.loads(pickle.dumps(spec))
    (document,) = code_batch(travelled, [Source("a.txt", ARTICLE, published="2023-03-05")])
    assert "COLREB" in {a.code for a in document.actors}
    assert tasks.pipeline_for(travelled).settings.batch_size == 3
    assert tasks.pipeline_for(travelled) is tasks.pipeline_for(travelled)  # spaCy loaded once per worker


def test_another_version_on_a_worker_is_refused_before_loading(monkeypatch):
    monkeypatch.setattr(tasks, "_CACHE", {})
    spec = replace(PipelineSpec.of(Pipeline(load_settings())), versions=("0.0.1", "3.7.0"))
    with pytest.raises(VersionMismatch, match=r"the client diplograph 0\.0\.1 with model 3\.7\.0"):
        code_batch(spec, [Source("a.txt", ARTICLE)])
    assert tasks._CACHE == {}
