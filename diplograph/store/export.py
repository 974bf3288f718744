"""Events out of the store as files other tools read: GDELT 2.0 TSV, Parquet, CSV, JSON Lines.

**One row per linked event** (see :mod:`.linking`): "gdelt" writes GDELT 2.0's 61-column event
layout (see :mod:`.gdelt`); Parquet, CSV (with a header) and JSONL (one event per line) carry the
columns of the ``linked_events`` view, as ``diplograph events`` lists them: the fields of the
event's earliest mention, then ``link_id``, ``num_mentions``, ``num_sources``, ``num_articles``,
``first_seen``, ``last_seen`` and ``linked_confidence``.

**One row per mention** with ``per_mention``: each coded event of each article, as every export
was before events were linked (the columns of ``query_events``, then the ``link_id`` of the linked
event it belongs to); "gdelt" then writes each mention as an event of its own (its own
GLOBALEVENTID, NumSources and NumArticles 1). "gdelt-mentions" writes GDELT 2.0's Mentions table:
one row per sentence stating an event in each article (a syndicated copy's too), with its linked
event's GLOBALEVENTID.

Filters: every format takes those of :func:`~diplograph.store.query.query_events`, applied to the
row exported (a linked event is matched on its earliest mention, as ``diplograph events`` does;
"gdelt-mentions" keeps the mentions of the linked events matched), and ``min_sources``: only the
events reported by at least that many sources (a mention: of its linked event).

``one_a_day`` is the Phoenix data set's filter: one row per (date, source actor, target actor,
CAMEO code), the actor being its code (else country and sector, else the words naming it). The row
kept is, per linked event, the one with the most sources, then the most mentions, then the first in
the export's order (date, document id, sentence, position); per mention, the first in that order.
The order is total, so the same store gives the same file. Rows without any date are all kept.
The mode is not in the key, as in Phoenix: "X denied meeting Y" and "X met Y" on one day are one row.
The filters and ``min_sources`` apply first, then this filter, then ``limit`` (for "gdelt-mentions",
a limit on the events whose mentions are listed).

A file is written beside its destination and moved into place when complete, so a failed export
leaves no half file.

``export_partitioned`` writes the per-mention rows as a folder of Parquet files partitioned by the
article's publication date, hive-style (``published=2022-09-21/part-0.parquet``; no date:
``published=__HIVE_DEFAULT_PARTITION__``), which DuckDB (``read_parquet('DIR/**/*.parquet',
hive_partitioning=true)``), Spark and BigQuery read back with the ``published`` column restored. The
partition key is ``published``, not ``date``: ``date`` is a column already, the event's own date. The
folder is the store's snapshot: written whole beside it and swapped in, so a re-run replaces it and
never duplicates a row, and a failed write leaves the last complete one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import InputError
from .db import Store, single_row
from .gdelt import Article, Counts, gdelt_row, in_span, lead_paragraph, mention_row
from .query import EVENT_ORDER, check_min_sources, event_filter, limit_clause, require_linked

__all__ = ["EVENT_FORMATS", "FORMATS", "check_partition_folder", "export_events", "export_partitioned"]

EVENT_FORMATS = ("csv", "gdelt", "jsonl", "parquet")
FORMATS = (*EVENT_FORMATS, "gdelt-mentions")

_COPY_OPTIONS = {
    "csv": "FORMAT csv, HEADER true",
    "jsonl": "FORMAT json",
    "parquet": "FORMAT parquet",
}

# Each mention (a coded event of one article) with the linked event it belongs to.
_MENTIONS = "(SELECT r.*, l.link_id FROM event_rows r JOIN event_links l USING (doc_id, event_id))"

# Who a side of an event is, for the one-a-day filter: its code, else country + sector, else its words.
_SIDE = ("coalesce(upper({r}_code), nullif(upper(concat(coalesce({r}_country, ''), coalesce({r}_sector, ''))), ''),"
         " '~' || lower(coalesce({r}_name, {r}_text)), '')")


def _one_a_day(order: str) -> str:
    """Phoenix's filter as a QUALIFY clause: per (day, source, target, code), the first row by ``order``."""
    key = f"day, {_SIDE.format(r='source')}, {_SIDE.format(r='target')}, cameo"
    return f"QUALIFY day IS NULL OR row_number() OVER (PARTITION BY {key} ORDER BY {order}) = 1"


_BEST_FIRST = "num_sources DESC, num_mentions DESC, "


def export_events(
    store: Store,
    format: str,
    out: str | Path,
    *,
    limit: int | None = None,
    min_sources: int | None = None,
    one_a_day: bool = False,
    per_mention: bool = False,
    **filters: Any,
) -> int:
    """Write the events matching ``filters`` to ``out`` in ``format``; the number of rows written."""
    if format not in FORMATS:
        raise InputError(str(format), f"unknown export format (one of {', '.join(FORMATS)})")
    if format == "gdelt-mentions" and (one_a_day or per_mention):
        option = "one_a_day (--one-a-day)" if one_a_day else "per_mention (--per-mention)"
        raise InputError(option, "applies to the event exports, not to gdelt-mentions (one row per mention already)")
    out = Path(out)
    _check_writable(out)
    require_linked(store)
    select = _selection(per_mention, limit, min_sources, one_a_day, filters)
    partial = out.with_name(f".{out.name}.partial")
    try:
        if format == "gdelt":
            count = _write_gdelt(store, select, per_mention, partial)
        elif format == "gdelt-mentions":
            count = _write_mentions(store, select, partial)
        else:
            sql, params = select("* EXCLUDE (added)")
            with store.cursor() as cur:
                copy = f"COPY ({sql}) TO '{_sql_string(partial)}' ({_COPY_OPTIONS[format]})"
                (count,) = single_row(cur, copy, params)
        os.replace(partial, out)
    except (OSError, duckdb.IOException) as exc:
        raise InputError(str(out), f"cannot write the export ({exc})") from None
    finally:
        partial.unlink(missing_ok=True)
    return count


# The partition folders of a folder ``export_partitioned`` wrote: what it may replace.
_PARTITION = "published="


def export_partitioned(store: Store, directory: str | Path) -> int:
    """Every mention (the rows of ``export --format parquet --per-mention``) as Parquet under
    ``directory``, partitioned by publication date; the number of rows written. ``directory`` must be
    new, empty, or a folder this function wrote (only ``published=...`` folders in it)."""
    directory = Path(directory)
    check_partition_folder(directory)
    require_linked(store)
    sql, params = _selection(True, None, None, False, {})("* EXCLUDE (added)")
    fresh = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".partial", dir=directory.parent))
    old = fresh.with_suffix(".old")  # the folder replaced, removed once the new one is in place
    try:
        with store.cursor() as cur:
            copy = (f"COPY ({sql}) TO '{_sql_string(fresh)}' (FORMAT parquet, PARTITION_BY (published), "
                    "OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'part-{i}')")
            (count,) = single_row(cur, copy, params)
        if directory.exists():
            os.replace(directory, old)
        os.replace(fresh, directory)
    except (OSError, duckdb.IOException) as exc:
        raise InputError(str(directory), f"cannot write the Parquet folder ({exc})") from None
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return count


def check_partition_folder(directory: Path) -> None:
    """Refuse, before any work, a folder this export would wrongly replace, or one it cannot write."""
    if directory.exists() and not directory.is_dir():
        raise InputError(str(directory), "is a file; give a folder for the Parquet files")
    if directory.is_dir():
        others = [p.name for p in directory.iterdir() if not (p.is_dir() and p.name.startswith(_PARTITION))]
        if others:
            raise InputError(str(directory), f"holds other files than a Parquet export ({others[0]}); "
                                             "give a new or empty folder")
    parent = directory.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise InputError(str(directory), f"cannot write here: {parent} is not a writable folder")


@dataclass(frozen=True)
class _Select:
    """The SELECT of the exported rows, for a projection: ``select("*")`` -> (sql, params). ``key`` is
    the column naming an exported row: ``link_id``, or per mention ``global_event_id``."""

    relation: str
    where: str
    params: list[Any]
    tail: str
    key: str

    def __call__(self, projection: str) -> tuple[str, list[Any]]:
        return f"SELECT {projection} FROM {self.relation} WHERE {self.where} {self.tail}", list(self.params)


def _selection(
    per_mention: bool, limit: int | None, min_sources: int | None, one_a_day: bool, filters: dict[str, Any],
) -> _Select:
    """Which rows an export writes (checks every argument before any file is opened)."""
    where, params = event_filter(**filters)
    if check_min_sources(min_sources) is not None:
        clause = "link_id IN (SELECT link_id FROM linked_events WHERE num_sources >= ?)" if per_mention \
            else "num_sources >= ?"
        where += f" AND {clause}"
        params.append(min_sources)
    tail = ""
    if one_a_day:
        tail = _one_a_day(EVENT_ORDER if per_mention else _BEST_FIRST + EVENT_ORDER) + " "
    tail += f"ORDER BY {EVENT_ORDER}{limit_clause(limit)}"
    if per_mention:
        return _Select(_MENTIONS, where, params, tail, key="global_event_id")
    return _Select("linked_events", where, params, tail, key="link_id")


def _write_gdelt(store: Store, select: _Select, per_mention: bool, path: Path) -> int:
    """GDELT's own file form: tab-separated, no header, no quoting, one event per line."""
    sql, params = select("*")
    roots = _in_lead(store, select)
    if not per_mention:
        # when each linked event first entered the store, and the first of its articles' URLs
        sql = f"""
            WITH picked AS ({sql}),
            stored AS (
                SELECT m.link_id, min(m.added) AS first_added,
                       first(m.url ORDER BY m.day NULLS LAST, m.doc_id, m.event_id)
                           FILTER (WHERE m.url IS NOT NULL) AS first_url
                FROM {_MENTIONS} m WHERE m.link_id IN (SELECT link_id FROM picked) GROUP BY m.link_id
            )
            SELECT picked.*, stored.first_added, stored.first_url FROM picked JOIN stored USING (link_id)
            ORDER BY {EVENT_ORDER}"""
    count = 0
    with store.cursor() as cur, path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in _dicts(cur.execute(sql, params)):
            if per_mention:
                event_id, counts = row["global_event_id"], Counts(row["n_mentions"], 1, 1)
                added, url = row["added"], row["url"]
            else:
                event_id = row["link_id"]
                counts = Counts(row["num_mentions"], row["num_sources"], row["num_articles"])
                added, url = row["first_added"], row["url"] or row["first_url"]
            fields = gdelt_row(row, event_id=event_id, is_root=event_id in roots, counts=counts, added=added, url=url)
            handle.write("\t".join(fields) + "\n")
            count += 1
    return count


def _write_mentions(store: Store, select: _Select, path: Path) -> int:
    """GDELT's Mentions table: one line per sentence stating an event, in the order of the articles;
    a document published more than once (a syndicated copy, ``articles.py``) states it in each of its
    articles, each with its own source, URL and time, as the events' NumMentions counts them."""
    count = 0
    elsewhere = _syndicated(store, select)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row, article, _lead, mentions in _mentions_of(store, select):
            for published in (article, *elsewhere.get(article.doc_id, ())):
                for mention in mentions:
                    fields = mention_row(row, mention, event_id=row["link_id"], event_added=row["event_added"],
                                         article=published)
                    handle.write("\t".join(fields) + "\n")
                    count += 1
    return count


def _syndicated(store: Store, select: _Select) -> dict[str, list[Article]]:
    """The exported documents' other articles: each publication but the one the document was stored
    from (``documents``' own URL and outlet), as the Mentions table names them (doc_id -> articles)."""
    if not store.has_column("articles", "article_key"):  # an older store, read-only: one article each
        return {}
    picked, params = select(select.key)
    sql = f"""
        SELECT a.doc_id, a.url, a.outlet, d.title, a.published, a.added, length(d.text) AS length
        FROM articles a JOIN documents d USING (doc_id)
        WHERE a.doc_id IN (SELECT doc_id FROM {_MENTIONS} WHERE {select.key} IN ({picked}))
          AND (a.url IS DISTINCT FROM d.url OR a.outlet IS DISTINCT FROM d.outlet)
        ORDER BY a.doc_id, a.published NULLS LAST, a.added, a.article_key"""
    out: dict[str, list[Article]] = {}
    with store.cursor() as cur:
        for row in _dicts(cur.execute(sql, params)):
            out.setdefault(row["doc_id"], []).append(Article(**row))
    return out


def _in_lead(store: Store, select: _Select) -> set[int]:
    """The ids (``select.key``) of the exported events with a mention in its article's lead paragraph."""
    return {row[select.key] for row, _article, lead, mentions in _mentions_of(store, select)
            if any(in_span(m["trigger"]["start"], lead) for m in mentions)}


_Mention = tuple[dict[str, Any], Article, "tuple[int, int] | None", list[dict[str, Any]]]


def _mentions_of(store: Store, select: _Select) -> Iterator[_Mention]:
    """Every mention of the exported events, article by article (oldest first, then by position):
    its event row (with ``link_id`` and its linked event's first time stored, ``event_added``), its
    article, the article's lead paragraph, and the places in the text that state it (the record's
    ``mentions``: sentence, sentence span, trigger).

    The mentions and their articles are read as two streams in one order (publication, doc_id),
    walked side by side: one pass over the store, whatever its size."""
    picked, params = select(select.key)
    chosen = f"SELECT * FROM {_MENTIONS} WHERE {select.key} IN ({picked})"
    mentions_sql = f"""
        WITH chosen AS ({chosen}),
        linked AS (
            SELECT link_id, min(added) AS event_added FROM {_MENTIONS}
            WHERE link_id IN (SELECT link_id FROM chosen) GROUP BY link_id
        )
        SELECT chosen.*, linked.event_added FROM chosen JOIN linked USING (link_id)
        ORDER BY published NULLS LAST, doc_id, sentence, trigger_start, event_id"""
    articles_sql = f"""
        SELECT doc_id, text, title, url, outlet, published, added, record FROM documents
        WHERE doc_id IN (SELECT doc_id FROM ({chosen})) ORDER BY published NULLS LAST, doc_id"""
    with store.cursor() as cur, store.cursor() as docs:
        articles = _dicts(docs.execute(articles_sql, params))
        current: _Read | None = None
        for row in _dicts(cur.execute(mentions_sql, params)):
            while current is None or current.article.doc_id != row["doc_id"]:
                current = _read(next(articles))
            yield row, current.article, current.lead, current.stated.get(row["event_id"]) or [_own_mention(row)]


@dataclass(frozen=True)
class _Read:
    """What the exports read of one stored article: its facts, its lead paragraph, and the places in
    its text that state each of its events (event id -> the record's mentions, in text order)."""

    article: Article
    lead: tuple[int, int] | None
    stated: dict[str, list[dict[str, Any]]]


def _read(row: dict[str, Any]) -> _Read:
    events = json.loads(row["record"]).get("events") or []
    stated = {e["id"]: sorted(e.get("mentions") or [], key=lambda m: (m["sentence"], m["trigger"]["start"]))
              for e in events}
    article = Article(doc_id=row["doc_id"], url=row["url"], outlet=row["outlet"], title=row["title"],
                      published=row["published"], added=row["added"], length=len(row["text"]))
    return _Read(article, lead_paragraph(row["text"], row["title"]), stated)


def _own_mention(row: dict[str, Any]) -> dict[str, Any]:
    """A record without mentions (written by hand, or by an older version): the event's own sentence."""
    start = row["evidence_start"] if row["evidence_start"] is not None else row["trigger_start"]
    end = row["evidence_end"] if row["evidence_end"] is not None else row["trigger_end"]
    return {"sentence": row["sentence"] or 0, "start": start, "end": end,
            "trigger": {"start": row["trigger_start"], "end": row["trigger_end"]}}


def _dicts(result: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in result.description]
    while batch := result.fetchmany(1000):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def _check_writable(out: Path) -> None:
    """Name the problem before any work: a directory given, or a folder that is not there."""
    if out.is_dir():
        raise InputError(str(out), "is a directory; give a file name to export to")
    parent = out.parent
    if not parent.is_dir():
        raise InputError(str(out), f"cannot write here: no directory {parent}")
    if not os.access(parent, os.W_OK):
        raise InputError(str(out), f"cannot write here: {parent} is not writable")


def _sql_string(path: Path) -> str:
    return str(path).replace("'", "''")

