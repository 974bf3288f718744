"""Mentions linked into events: how many events a folder of articles gives before and after linking.

Development measurement, not a test. Codes every page or text of the folders given (``*.html``,
``*.html.gz``, ``*.txt``) and stores the documents in a temporary store, which links their mentions
with the shipped settings (``link_*`` in diplograph/data/settings.toml, or a user's file with
``--config``). Prints the mentions (events before linking), the linked events, the linked events
with each linking setting changed in turn and with each rule of the code and data files replaced
in turn (the store relinked from scratch, ``link_all``), and every event merged across articles
with its mentions (document, outlet, date, sentence).

A text file carries no outlet nor date: ``--metadata`` names a TSV with a header holding
``filename``, ``publisher`` and ``publication_date`` columns (PolNeAR's metadata.tsv), read for the
texts it names. The coded documents can be kept in a JSONL file (``--cache``) and read back by a
later run, so that measuring other settings does not code the articles again.

Usage:
    python scripts/measure_linking.py ../shared/eval/html/html --cache /tmp/html.jsonl
    python scripts/measure_linking.py ../shared/eval/quotes/polnear/dev/text \\
        --metadata ../shared/eval/quotes/polnear/metadata.tsv --cache /tmp/polnear-dev.jsonl
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gzip
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from diplograph.model import Document, Failure, Source
from diplograph.pipeline import Pipeline
from diplograph.settings import Settings, load_settings
from diplograph.store import Store, linking
from diplograph.store.linking import LinkRules, link_all

# Each linking setting changed in turn: (setting, the value it is measured at).
VARIANTS: tuple[tuple[str, object], ...] = (
    ("link_published_tolerance_days", 0),
    ("link_published_tolerance_days", 2),
    ("link_stated_tolerance_days", 1),
    ("link_bare_domestic", True),
    ("link_territories_as_sovereigns", False),
    ("link_named_actors", False),
)

_compatible, _block_key = linking.compatible, linking.block_key

# Each rule of the code and the data files replaced in turn, for the run only: (what, attribute of
# diplograph.store.linking, its replacement).
REPLACED = (
    ("codes linked only when equal (no linking_codes.tsv, no root rule)", "codes_compatible",
     lambda a, b: a == b),
    ("codes linked by root alone (linking_codes.tsv's prefix rows ignored)", "codes_compatible",
     lambda a, b: a[:2] == b[:2]),
    ("places ignored", "compatible",
     lambda a, b: _compatible(dataclasses.replace(a, place=None), dataclasses.replace(b, place=None))),
    ("modes ignored", "block_key",
     lambda doc_id, root, mode, *rest, **named: _block_key(doc_id, root, "", *rest, **named)),
    ("every bare side taken as the state (only X -> X within its article, as before)", "is_state",
     lambda key, words: True),
)


def _metadata(path: Path | None) -> dict[str, dict[str, str]]:
    if path is None:
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _sources(folders: list[Path], metadata: dict[str, dict[str, str]]) -> Iterator[Source]:
    paths = sorted(p for folder in folders for p in folder.iterdir()
                   if p.name.endswith((".html", ".html.gz", ".txt")))
    for path in paths:
        raw = path.read_bytes()
        content = gzip.decompress(raw) if path.suffix == ".gz" else raw
        meta = metadata.get(path.name.removesuffix(".txt"), {})
        yield Source(name=str(path), content=content, kind="text" if path.suffix == ".txt" else "html",
                     outlet=meta.get("publisher") or None, published=meta.get("publication_date") or None)


def _coded(args: argparse.Namespace, settings: Settings) -> list[Document]:
    if args.cache and args.cache.is_file():
        return [Document.from_record(json.loads(line)) for line in args.cache.read_text("utf-8").splitlines()]
    docs = []
    for result in Pipeline(settings.with_overrides(workers=1)).run(_sources(args.folders, _metadata(args.metadata))):
        if isinstance(result, Failure):
            print(f"skipped {result.message()}")
        else:
            docs.append(result)
    if args.cache:
        args.cache.write_text("".join(json.dumps(d.to_record(), ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return docs


def _events(store: Store) -> int:
    with store.cursor() as cur:
        row = cur.execute("SELECT count(DISTINCT link_id) FROM event_links").fetchone()
    return int(row[0]) if row else 0


def _figures(store: Store, shipped: int) -> str:
    """The events, their difference from ``shipped``, and how many are merged across articles."""
    with store.cursor() as cur:
        row = cur.execute("SELECT count(*) FROM (SELECT link_id FROM event_links GROUP BY link_id"
                          " HAVING count(DISTINCT doc_id) > 1)").fetchone()
    events = _events(store)
    return f"{events} events ({events - shipped:+d}), {int(row[0]) if row else 0} merged across articles"


_MERGED = """
    SELECT l.link_id, e.doc_id, e.event_id, e.cameo, e.mode, e.date, e.date_precision,
           coalesce(e.source_code, e.source_country, e.source_text), coalesce(e.target_code, e.target_country,
           e.target_text), e.location_country, coalesce(d.outlet, d.url, d.doc_id),
           coalesce(d.title, d.source, d.doc_id), e.evidence_text
    FROM event_links l JOIN events e USING (doc_id, event_id) JOIN documents d USING (doc_id)
    WHERE l.link_id IN (SELECT link_id FROM event_links GROUP BY link_id HAVING count(DISTINCT doc_id) > 1)
    ORDER BY l.link_id, e.date, e.doc_id, e.event_id
"""


def _print_merged(store: Store, width: int) -> None:
    with store.cursor() as cur:
        rows = cur.execute(_MERGED).fetchall()
    by_event: dict[int, list[tuple]] = {}
    for row in rows:
        by_event.setdefault(row[0], []).append(row)
    print(f"\n{len(by_event)} events merged across articles:")
    for mentions in by_event.values():
        docs = {m[1] for m in mentions}
        print(f"\n  {len(mentions)} mentions in {len(docs)} articles:")
        for (_, _doc, _event, cameo, mode, date, precision, source, target, place, outlet, title,
             sentence) in mentions:
            head = f"{source} -> {cameo} -> {target} ({mode}, {date} {precision}, place {place})"
            text = " ".join((sentence or "").split())
            print(f"    - {head} | {outlet} | {title!r}\n      {text[:width]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--metadata", type=Path, help="TSV: filename, publisher, publication_date of each text")
    parser.add_argument("--cache", type=Path, help="JSONL of the coded documents: written once, read after")
    parser.add_argument("--config", help="a settings TOML file overriding the shipped settings")
    parser.add_argument("--width", type=int, default=160, help="characters of each sentence printed")
    args = parser.parse_args()
    settings = load_settings(args.config)
    docs = _coded(args, settings)
    mentions = sum(len(d.events) for d in docs)
    print(f"{len(docs)} documents, {mentions} mentions (events before linking)")
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "linking.duckdb", settings=settings) as store:
        for doc in docs:
            store.add(doc)
        shipped = _events(store)
        print(f"{_figures(store, shipped)} with {LinkRules.of(settings).describe()}")
        for key, value in VARIANTS:
            if getattr(settings, key) == value:
                continue
            with store._transaction() as cur:
                link_all(cur, LinkRules.of(settings.with_overrides(**{key: value})))
            print(f"  {key} = {json.dumps(value)}: {_figures(store, shipped)}")
        for what, name, replacement in REPLACED:
            original = getattr(linking, name)
            setattr(linking, name, replacement)
            try:
                with store._transaction() as cur:
                    link_all(cur, LinkRules.of(settings))
            finally:
                setattr(linking, name, original)
            print(f"  {what}: {_figures(store, shipped)}")
        with store._transaction() as cur:
            link_all(cur, LinkRules.of(settings))
        _print_merged(store, args.width)


if __name__ == "__main__":
    main()
