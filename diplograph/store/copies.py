"""Copies of one article: syndicated, re-scraped, lightly edited or mirrored versions of one text.

Each stored document gets a MinHash signature of its word shingles (datasketch's MinHash), cut
into bands; two documents that share a band are candidates, and a candidate whose signatures agree
on at least :data:`THRESHOLD` of their hash values (the estimated Jaccard similarity of the two
shingle sets) is a copy. Documents linked by copies form one group; every member's ``copy_of`` is
the group's *original*: its earliest member by (published, doc_id), a document without a date
coming after every dated one; a document's date is its earliest article's (the same text published
again under another URL or outlet is one document with several articles, ``store/articles.py``;
:func:`republished`). The original is a function of the stored documents and articles, not of the
order they came in: when an earlier copy arrives later, the whole group is re-pointed to it.

The bands are kept in a table (``doc_bands``: band key -> doc_id, indexed) rather than in
datasketch's in-memory ``MinHashLSH``: that index lives in one process and would have to be rebuilt
from every stored signature each time the store is opened, while a table lookup is one indexed SQL
query inside the transaction that adds the document, so recognition is incremental across runs and
costs the same whether the store holds ten documents or a million.

Pure functions (:func:`words`, :func:`signature`, :func:`band_keys`, :func:`similarity`) come
first; :func:`link_copy` and the readers work on a cursor of the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import struct
from collections.abc import Iterable, Sequence

import duckdb

from ._bulk import insert_rows

__all__ = [
    "BANDS",
    "INDEXES",
    "NUM_PERM",
    "ROWS",
    "SHINGLE",
    "TABLES",
    "THRESHOLD",
    "Bands",
    "Signature",
    "band_keys",
    "copies_of",
    "is_current",
    "link_copy",
    "original_of",
    "originals",
    "refresh",
    "republished",
    "signature",
    "similarity",
    "words",
]

# Words per shingle. Five words are rarely shared by two independent reports ("said on Tuesday
# that the" is, but it is one shingle among hundreds), while an edit touches only the shingles that
# overlap it: dropping a 30-word sentence changes ~34 of a 600-word article's shingles, swapping two
# paragraphs only the ~4 shingles across each seam. Shorter shingles make two stories on the same
# topic look alike; longer ones make every small edit cost more of the similarity.
SHINGLE = 5

# Hash functions per signature. The similarity estimate has a standard error of sqrt(s(1-s)/NUM_PERM):
# 0.044 at s = 0.5 with 128, small beside the gap between versions of one article and different
# articles (THRESHOLD below); 128 x 8 bytes is 1 KB per document.
NUM_PERM = 128

# LSH banding: BANDS bands of ROWS hash values (the first 126 of the 128). Two documents are compared
# when one band is identical, which happens with probability 1 - (1 - s^ROWS)^BANDS for similarity
# s: 0.94 at s = 0.4, 0.996 at 0.5, 1.0 from 0.6; 0.29 at 0.2; 0.0003 at 0.02 (most pairs of
# unrelated articles), so a copy is almost never missed and a new document is compared with a few
# hundred of a million stored ones at most.
BANDS = 42
ROWS = 3

# The estimated Jaccard similarity of two documents' shingle sets from which they are copies of one
# article, in the gap measured between versions of one article and different articles
# (``scripts/measure_copies.py``; the sample article in tests/store/test_copies.py):
# - copies: the sample article lightly edited (two paragraphs swapped, a sentence dropped) 0.94;
#   among PolNeAR's 924 train+dev articles (426,426 pairs) 7 pairs reach 0.15 and all 7 are versions
#   of one article (print and web editions, retitled, updated): 1.0, 0.93, 0.91, 0.66, 0.57, 0.55
#   and 0.445 (USA Today, "Sanders says he's riding momentum" and "Sanders' winning streak
#   continues", a rewritten lede on the same body; true shingle Jaccard 0.52);
# - different articles: none of PolNeAR's other pairs reaches 0.15; among the 91 pages of
#   ../shared/eval/html (4,095 pairs) the closest are 0.195 (two press releases of one company with
#   its boilerplate) and 0.10; reports of one happening by different outlets at most 0.016.
# 0.4 sits in the gap (0.195 .. 0.445) about two standard errors below the updated version, so
# versions sharing half their shingles are caught whatever the hash noise.
THRESHOLD = 0.4

# datasketch's hashing scheme and seed, fixed by name: stored signatures are only comparable with
# signatures made the same way, and the library's default scheme changed in its 2.0.
_SCHEME = "affine32"
_SEED = 1

_WORD = re.compile(r"[^\W_]+")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")

# A copy group's members by its original (``copy_of``): read when a group is merged or re-pointed
# (:func:`link_copy`, :func:`republished`) and when a write recounts a group's linked events
# (linked_counts.touched); without it each of these scanned every stored document. Created with the
# tables, and by ``Store`` in a store written before it when opened for writing.
INDEXES = ("CREATE INDEX IF NOT EXISTS doc_copies_group ON doc_copies (copy_of)",)

TABLES = (
    """
    CREATE TABLE IF NOT EXISTS doc_copies (
        doc_id VARCHAR PRIMARY KEY,
        copy_of VARCHAR NOT NULL,
        published DATE,
        signature BLOB NOT NULL
    )""",
    """
    CREATE TABLE IF NOT EXISTS doc_bands (
        band_key BIGINT NOT NULL,
        doc_id VARCHAR NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS doc_bands_key ON doc_bands (band_key)",
    *INDEXES,
)


# -- pure functions -----------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """The text as a reader compares it: lowercase words, without punctuation or spacing.

    "Putin’s  statement," and "putins statement" give the same words, so a re-scrape that changed
    the quotes, dashes or line breaks is the same text.
    """
    return _WORD.findall(_APOSTROPHE.sub("", text.lower()))


def _shingles(tokens: Sequence[str]) -> list[bytes]:
    """Every run of SHINGLE consecutive words (a text shorter than that is one shingle)."""
    if len(tokens) <= SHINGLE:
        return [" ".join(tokens).encode("utf-8")]
    return [" ".join(tokens[i:i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)]


Signature = tuple[int, ...]


def signature(text: str) -> Signature:
    """The MinHash signature (NUM_PERM hash values) of the text's word shingles."""
    # datasketch imports scipy (half a second): only the commands that store documents pay for it.
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(_shingles(words(text)))
    return tuple(int(value) for value in minhash.hashvalues)


def band_keys(sig: Signature) -> list[int]:
    """One key per band: a signed 64-bit hash of the band's number and its values."""
    keys = []
    for band in range(BANDS):
        values = struct.pack(f"<{ROWS}Q", *sig[band * ROWS:(band + 1) * ROWS])
        digest = hashlib.blake2b(band.to_bytes(2, "little") + values, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets: the share of equal values."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def _to_bytes(sig: Signature) -> bytes:
    return struct.pack(f"<{len(sig)}Q", *sig)


def _from_bytes(blob: bytes) -> Signature:
    return struct.unpack(f"<{len(blob) // 8}Q", blob)


# -- the store's tables -----------------------------------------------------------------------


class Bands:
    """The bands of a batch's documents (``Store.put_many``): the stored documents under their keys
    read at once, each document's own added as it is linked, and their rows written at once
    (:meth:`write`) rather than a lookup and an insert a document. Nothing else reads ``doc_bands``."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, keys: Iterable[int]) -> None:
        self._docs: dict[int, set[str]] = {}
        wanted = sorted(set(keys))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for key, doc_id in cur.execute(
                    f"SELECT band_key, doc_id FROM doc_bands WHERE band_key IN ({', '.join('?' * len(chunk))})",
                    chunk).fetchall():
                self._docs.setdefault(key, set()).add(doc_id)
        self._rows: list[tuple[int, str]] = []

    def docs(self, keys: Sequence[int]) -> set[str]:
        """The documents with a band under one of ``keys``, stored or linked before in the batch."""
        return set().union(*(self._docs.get(key, ()) for key in keys))

    def add(self, doc_id: str, keys: Sequence[int]) -> None:
        for key in keys:
            self._docs.setdefault(key, set()).add(doc_id)
        self._rows += [(key, doc_id) for key in keys]

    def write(self, cur: duckdb.DuckDBPyConnection) -> None:
        insert_rows(cur, "doc_bands", self._rows)
        self._rows = []


def link_copy(cur: duckdb.DuckDBPyConnection, doc_id: str, text: str, published: dt.date | None,
              sig: Signature | None = None, bands: Bands | None = None) -> str:
    """Record a new document's signature and bands and link it to its copies; its original's doc_id.

    Runs inside the transaction of ``Store.add``. Every group the document is a copy of is merged
    with it, and all their members point to the earliest of them (by published, then doc_id).
    ``sig``: the text's :func:`signature`, when the process that coded the document made it
    (``store/prepared.py``); ``bands``: its batch's :class:`Bands` (its bands are then written with
    the batch's, by ``Bands.write``).
    """
    if sig is None:
        sig = signature(text)
    keys = band_keys(sig)
    if bands is not None:
        found = bands.docs(keys)
    else:
        # Two lookups, not one join: DuckDB plans the join as a scan of every stored signature (60 ms at
        # 100,000 documents; linking a document, lookups and inserts, takes ~10 ms there this way).
        marks = ", ".join("?" * len(keys))
        found = {other for (other,) in cur.execute(
            f"SELECT DISTINCT doc_id FROM doc_bands WHERE band_key IN ({marks})", keys).fetchall()}
    candidates = sorted(other for other in found if other != doc_id)
    groups: list[str] = []
    if candidates:
        marks = ", ".join("?" * len(candidates))
        rows = cur.execute(
            f"SELECT copy_of, signature FROM doc_copies WHERE doc_id IN ({marks})", candidates
        ).fetchall()
        groups = sorted({copy_of for copy_of, blob in rows if similarity(sig, _from_bytes(blob)) >= THRESHOLD})
    original = doc_id
    if groups:
        marks = ", ".join("?" * len(groups))
        firsts = cur.execute(
            f"SELECT doc_id, published FROM doc_copies WHERE doc_id IN ({marks})", groups
        ).fetchall()
        original = min([*firsts, (doc_id, published)], key=_age)[0]
        moved = [group for group in groups if group != original]  # a group keeping its original stays as it is
        if moved:
            marks = ", ".join("?" * len(moved))
            cur.execute(f"UPDATE doc_copies SET copy_of = ? WHERE copy_of IN ({marks})", [original, *moved])
    cur.execute(
        "INSERT INTO doc_copies VALUES (?, ?, ?, ?)", [doc_id, original, published, _to_bytes(sig)]
    )
    if bands is not None:
        bands.add(doc_id, keys)
    else:
        cur.execute(
            f"INSERT INTO doc_bands VALUES {', '.join(['(?, ?)'] * len(keys))}",
            [value for key in keys for value in (key, doc_id)],
        )
    return original


def republished(cur: duckdb.DuckDBPyConnection, doc_id: str, published: dt.date | None) -> None:
    """Another article of a stored document (a syndicated copy, ``store/articles.py``): a date earlier
    than the document's makes it the document's, and its group's original is chosen again, so the
    original stays the earliest publication whatever the order the articles came in."""
    row = cur.execute("SELECT copy_of, published FROM doc_copies WHERE doc_id = ?", [doc_id]).fetchone()
    if published is None or row is None or (row[1] is not None and row[1] <= published):
        return
    group = row[0]
    cur.execute("UPDATE doc_copies SET published = ? WHERE doc_id = ?", [published, doc_id])
    members = cur.execute("SELECT doc_id, published FROM doc_copies WHERE copy_of = ?", [group]).fetchall()
    original = min(members, key=_age)[0]
    if original != group:
        cur.execute("UPDATE doc_copies SET copy_of = ? WHERE copy_of = ?", [original, group])


def _age(row: tuple[str, dt.date | None]) -> tuple[bool, dt.date, str]:
    """Sort key of the original: dated before undated, earlier before later, then by doc_id."""
    doc_id, published = row
    return (published is None, published or dt.date.min, doc_id)


def original_of(cur: duckdb.DuckDBPyConnection, doc_id: str) -> str | None:
    """The doc_id of the first stored copy of this document (itself when it has no earlier copy);
    None when the document is not stored."""
    row = cur.execute("SELECT copy_of FROM doc_copies WHERE doc_id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def originals(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every stored doc_id with the doc_id of its original (itself when it is one)."""
    return dict(cur.execute("SELECT doc_id, copy_of FROM doc_copies ORDER BY doc_id").fetchall())


def copies_of(cur: duckdb.DuckDBPyConnection, doc_id: str) -> list[str]:
    """Every stored copy of this document's article, the original first, then by (published, doc_id);
    empty when the document is not stored."""
    rows = cur.execute(
        "SELECT doc_id, published FROM doc_copies WHERE copy_of ="
        " (SELECT copy_of FROM doc_copies WHERE doc_id = ?)",
        [doc_id],
    ).fetchall()
    return [doc_id for doc_id, _ in sorted(rows, key=_age)]


# What the stored signatures, bands and links were made with: a store whose ``meta`` names other
# settings has them remade from its documents when next opened for writing (``refresh``).
_MADE_WITH = (f"minhash {_SCHEME} seed {_SEED}, {NUM_PERM} values of {SHINGLE}-word shingles, "
              f"{BANDS} bands of {ROWS}, copies from {THRESHOLD}")


def is_current(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store's copies were made as this module makes them (False for a store written
    before copies were recognised, or with other shingles, signatures, bands or threshold)."""
    row = cur.execute("SELECT value FROM meta WHERE key = 'copies'").fetchone()
    return row is not None and row[0] == _MADE_WITH


def refresh(cur: duckdb.DuckDBPyConnection) -> None:
    """(Re)make the copies tables from the stored documents and record how they were made."""
    for ddl in TABLES:
        cur.execute(ddl)
    cur.execute("DELETE FROM doc_bands")
    cur.execute("DELETE FROM doc_copies")
    # a document's date is its earliest article's (store/articles.py), when the store records them
    has_articles = cur.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'").fetchone()
    if has_articles and has_articles[0]:
        rows = cur.execute(
            "SELECT d.doc_id, d.text, coalesce(a.first, d.published) FROM documents d LEFT JOIN"
            " (SELECT doc_id, min(published) AS first FROM articles GROUP BY doc_id) a USING (doc_id)"
            " ORDER BY d.added, d.doc_id").fetchall()
    else:
        rows = cur.execute("SELECT doc_id, text, published FROM documents ORDER BY added, doc_id").fetchall()
    for doc_id, text, published in rows:
        link_copy(cur, doc_id, text, published)
    cur.execute("INSERT OR REPLACE INTO meta VALUES ('copies', ?)", [_MADE_WITH])
