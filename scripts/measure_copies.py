"""False copies among different articles: how close the copies threshold comes to pages that are not copies.

Development measurement, not a test. Cleans every page of the folders given (``*.html``,
``*.html.gz`` or ``*.txt``; no events are coded), stores them in a temporary store as ``ingest`` would (so the
copies are found by the store's own bands and threshold, ``diplograph/store/copies.py``), and prints
how many pages were new documents and how many another article of a stored text (``store/articles.py``),
the documents the store linked as copies, then the most similar pairs of all pages by estimated Jaccard
similarity, against the threshold. A folder of different articles should give no copies.

Usage: python scripts/measure_copies.py ../shared/eval/html/html [--top N]
       python scripts/measure_copies.py ../shared/eval/quotes/polnear/{train,dev}/text
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import tempfile
from pathlib import Path

from diplograph.clean import prepare
from diplograph.errors import InputError
from diplograph.model import Document, Source
from diplograph.settings import load_settings
from diplograph.store import Store
from diplograph.store.copies import THRESHOLD, signature, similarity


def _pages(folders: list[Path]) -> list[Document]:
    settings = load_settings()
    docs = []
    paths = sorted(p for folder in folders for p in folder.iterdir() if p.name.endswith((".html", ".html.gz", ".txt")))
    for path in paths:
        raw = path.read_bytes()
        content = gzip.decompress(raw) if path.suffix == ".gz" else raw
        kind = "text" if path.suffix == ".txt" else "html"
        try:
            docs.append(prepare(Source(name=str(path), content=content, kind=kind), settings))
        except InputError as exc:
            print(f"skipped {path.name}: {exc}")
    return docs


def _name(doc: Document) -> str:
    return repr(doc.title) if doc.title else Path(doc.source or doc.doc_id).name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--top", type=int, default=5, help="most similar pairs to print")
    args = parser.parse_args()
    docs = _pages(args.folders)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "copies.duckdb") as store:
        added = [store.put(doc) for doc in docs]
        originals = {d.doc_id: store.original_of(d.doc_id) or d.doc_id for d in docs}
    by_id = {d.doc_id: d for d in docs}
    copies = [d for d in by_id.values() if originals[d.doc_id] != d.doc_id]
    print(f"{len(docs)} pages: {added.count('document')} documents, {added.count('article')} more articles of a"
          f" stored text (same text under another URL or outlet), {added.count('nothing')} the same page again;"
          f" {len(copies)} documents linked as copies of another (threshold {THRESHOLD})")
    for doc in copies:
        print(f"  copy: {_name(doc)} of {_name(by_id[originals[doc.doc_id]])}")
    signatures = {doc_id: signature(d.text) for doc_id, d in by_id.items()}
    pairs = sorted(((similarity(signatures[a.doc_id], signatures[b.doc_id]), a, b)
                    for a, b in itertools.combinations(by_id.values(), 2)), key=lambda p: -p[0])
    print(f"{len(pairs)} pairs; at or over the threshold: {sum(s >= THRESHOLD for s, _, _ in pairs)}; "
          f"most similar:")
    for score, a, b in pairs[:args.top]:
        print(f"  {score:.3f}  {_name(a)} / {_name(b)}")


if __name__ == "__main__":
    main()
