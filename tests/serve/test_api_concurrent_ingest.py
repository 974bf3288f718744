"""One store, two users: the app keeps answering while `diplograph ingest` adds documents to the same
file in another process, and what the ingest stored shows within seconds (see store/shared.py and
serve/gate.py for how they take turns at the file)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = [
    ("ankara.txt", "Russia's foreign minister Sergei Lavrov met Turkish foreign minister Mevlut Cavusoglu in "
                   "Ankara on Monday. Turkey urged Russia to extend the grain deal."),
    ("kyiv.txt", "Ukraine accused Russia of shelling the city of Kharkiv on Tuesday. The European Union "
                 "condemned the attack."),
]


def test_the_app_answers_while_an_ingest_writes_the_same_store(own_store, make_client, tmp_path):
    client = make_client(own_store)
    before = client.get("/api/documents").json()["total"]
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, text in ARTICLES:
        (folder / name).write_text(text, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "diplograph.cli", "ingest", "--db", str(own_store), "--published", "2023-05-02",
         "--quiet", "--workers", "1", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    statuses: list[int] = []
    seen_at = exited_at = None
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            for path in ("/api/events?limit=5", "/api/documents"):
                answer = client.get(path)
                statuses.append(answer.status_code)
            total = answer.json().get("total", 0) if answer.status_code == 200 else 0
            if total == before + len(ARTICLES) and seen_at is None:
                seen_at = time.monotonic()
            if ingest.poll() is not None and exited_at is None:
                exited_at = time.monotonic()
            if exited_at is not None and seen_at is not None:
                break
            time.sleep(0.05)
        _, err = ingest.communicate(timeout=30)
    finally:
        if ingest.poll() is None:
            ingest.kill()
    assert ingest.returncode == 0, err
    assert seen_at is not None and exited_at is not None, "the ingested documents never showed"
    assert seen_at - exited_at < 5  # within seconds of the ingest's end (or before it)
    assert set(statuses) == {200}, statuses
    assert len(statuses) > 10  # the app answered while the ingest ran, not only after
