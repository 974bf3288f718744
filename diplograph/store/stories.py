"""Stories: the articles of the store that report one happening, grouped, each knowing its related articles.

**A document's actors** (:func:`actor_keys`) are the actors it makes much of: each key named at least
``SALIENT_MENTIONS`` times in the text, or named in the title. Three kinds of key, of three weights:

- ``name``: a named actor other than a country or an outlet ("Taliban", "Kristi Noem", "Beijing");
  a person by surname, and within one document a name and its last words are one actor ("Barack
  Obama" ... "Obama"). Weight ``NAME_WEIGHT``. A name the document also uses for a country ("United
  States" read as a group in one sentence, as the country in another) is that country.
- ``code``: a CAMEO actor code of a country and a role ("HKGCOP", "AFGREB"). Weight ``CODE_WEIGHT``.
- ``country``: a country. Weight ``COUNTRY_WEIGHT``: a country both articles mention relates nothing
  on its own.

**Two documents are related** (:func:`relate`) when their score reaches ``MIN_SCORE``: ``EVENT_WEIGHT``
for each linked event (``store/linking.py``) both report, plus the weights of the actors both make
much of, counted only when their dates (publication, else their earliest event) lie within
``STORY_DAYS`` of each other. An actor that more than ``COMMON_SHARE`` of the articles of those days
make much of (and more than ``COMMON_MIN_DOCS`` of them) tells nothing about which happening an article
reports ("Trump" and "Clinton" in the 2016 campaign pages) and is not counted for that pair. The
two must share a linked event or a named actor: roles and countries alone relate nothing.

**A story** is a connected component of the related documents; its id is the doc_id of its earliest
document by (date, doc_id). The relation is a function of the corpus alone, so the same corpus gives
the same stories, with the same ids, whatever the order of ingestion. Adding a document recomputes
the relations among the documents within ``STORY_DAYS`` of it and those sharing a linked event with it
(the only pairs its arrival can change) and the stories that hold them (:func:`add_documents`).

**Measured** with ``python scripts/measure_stories.py STORE [SETTING=VALUE ...]`` on a store of the
91 pages of ../shared/eval/html and one of the 84 PolNeAR dev articles (2016 campaign; 7 outlets):

- as shipped: html 10 stories of two articles or more (4, 3, 3, 2 x 7): the Taliban prisoner swap
  (New York Post, Al Jazeera), the Hong Kong Polytechnic University siege (The Guardian, Express),
  the impeachment hearing of Nov 19 (CBS News, National Review, DH News Service), South Dakota's meth
  campaign, the Doobie Brothers' tour (3), Google Stadia, NASA's lunar landers, Prince Andrew's
  interview, WeWork, and Black Friday gadget deals (4: Apple, Amazon; the loosest). PolNeAR: 7 (3,
  3, 2 x 5), among them the House vote on Clinton's aide Pagliano and the Crutcher shooting; others
  join campaign pages through "Democrats", "Obama" in a sparse week.
- no common-actor rule (``COMMON_SHARE=1.0``): PolNeAR chains into one story of 61 articles.
- ``COMMON_MIN_DOCS=5``: PolNeAR's largest story 9. ``MIN_SCORE=2.5``: html 6 stories (the Hong Kong
  siege, the Doobie Brothers, Stadia, WeWork lost), PolNeAR 3. ``CODE_WEIGHT=0.5``: html's impeachment story takes
  PolitiFact's guide to tariffs (Trump, USACOP, USACVL). ``STORY_DAYS`` 2 or 5: html unchanged.

**Cost**: adding a document reads the documents within ``STORY_DAYS`` of it and scores their pairs
that share a named actor: on the PolNeAR dev articles replicated six times 40 days apart (504
documents), 50 to 70 ms a document on a shared 2-core machine, as much as the rest of ``Store.add``;
a rebuild of the 504 takes 1.1 s. Every read goes through an index (:data:`INDEXES`), so the cost
does not grow with the store (``bench/linking.py --put``); it grows with the articles of those days:
a week of a busy feed where one name is everywhere costs the square of that week's articles naming
it, and a linked event reported by thousands of articles brings them all into the recomputation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from ..model import Document
from ._bulk import insert_rows

__all__ = [
    "CODE_WEIGHT",
    "COMMON_MIN_DOCS",
    "COMMON_SHARE",
    "COUNTRY_WEIGHT",
    "EVENT_WEIGHT",
    "INDEXES",
    "MIN_SCORE",
    "NAME_WEIGHT",
    "RULE",
    "SALIENT_MENTIONS",
    "STORY_DAYS",
    "TABLES",
    "actor_keys",
    "add_documents",
    "document_keys",
    "is_current",
    "linked_to",
    "rebuild",
    "related",
    "stories",
    "story_of",
]

# Reports of one happening are published within days of it: the html dev pages' two reports of the
# Taliban's prisoner swap are a day apart, the PolNeAR reports of the Crutcher shooting two. Three
# days keeps a story's follow-ups; on the html dev pages 2 and 3 give the same stories.
STORY_DAYS = 3

# How much each shared piece of evidence weighs, and the score that relates two documents: two named
# actors both articles make much of, or one named actor and a linked event, or a named actor with a
# country and two of its roles ("Beijing", CHN, HKG, CHNGOV, CHNMIL: the two Hong Kong siege reports).
NAME_WEIGHT = 1.0
CODE_WEIGHT = 0.25
COUNTRY_WEIGHT = 0.25
# A shared linked event weighs as a named actor, not more: in the PolNeAR dev articles 3 of 4 linked
# events shared by two articles are general mentions ("USA 190" with no target) of unrelated pages.
EVENT_WEIGHT = 1.0
MIN_SCORE = 2.0

# An actor is one a document makes much of when named this often, or named in its title.
SALIENT_MENTIONS = 2

# An actor made much of by more than this share of the articles within STORY_DAYS of both documents,
# and by more than COMMON_MIN_DOCS of them, does not relate them. On the PolNeAR dev articles: 63
# articles in one story with no such rule, 9 at a share of 0.25 and 5 documents, 4 at 0.25 and 3.
COMMON_SHARE = 0.25
COMMON_MIN_DOCS = 3

# The rule's settings as stored in ``meta``: a store whose stories were made otherwise is rebuilt.
RULE = (f"days={STORY_DAYS} name={NAME_WEIGHT} code={CODE_WEIGHT} country={COUNTRY_WEIGHT} "
        f"event={EVENT_WEIGHT} min={MIN_SCORE} salient={SALIENT_MENTIONS} "
        f"common={COMMON_SHARE}/{COMMON_MIN_DOCS} v1")

# What adding a document looks up (:func:`add_documents`), each through an index, so that its cost
# follows the documents of its days and events, not the store's size: the documents of a list of days
# (DuckDB 2.0.1 scans an index for ``IN`` lists, not for ranges: the days are listed), a story's
# members, a document's keys, the links of a document (as ``doc_a``). A condition on a second column
# makes DuckDB scan the table instead, so each lookup filters on its indexed column alone. Created
# with the tables, and by ``Store`` in a store written before them when opened for writing.
INDEXES = (
    "CREATE INDEX IF NOT EXISTS story_docs_day ON story_docs (day)",
    "CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs (story_id)",
    "CREATE INDEX IF NOT EXISTS story_keys_doc ON story_keys (doc_id)",
    "CREATE INDEX IF NOT EXISTS story_links_a ON story_links (doc_a)",
)

TABLES = (
    """
    CREATE TABLE IF NOT EXISTS story_keys (
        doc_id VARCHAR NOT NULL,
        key VARCHAR NOT NULL,         -- name:taliban | code:AFGREB | country:AFG
        label VARCHAR NOT NULL,       -- the words or code as the article has them most often
        mentions INTEGER NOT NULL,
        PRIMARY KEY (doc_id, key)
    )""",
    """
    CREATE TABLE IF NOT EXISTS story_docs (
        doc_id VARCHAR PRIMARY KEY,
        day DATE,                     -- publication date, else the earliest event date
        story_id VARCHAR NOT NULL     -- doc_id of the story's earliest document
    )""",
    """
    CREATE TABLE IF NOT EXISTS story_links (
        doc_a VARCHAR NOT NULL,       -- doc_a < doc_b
        doc_b VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        events BIGINT[] NOT NULL,     -- the linked events (link_id) both report
        actors VARCHAR[] NOT NULL,    -- the keys both make much of, counted for this pair
        PRIMARY KEY (doc_a, doc_b)
    )""",
    *INDEXES,
)

_WEIGHTS = {"name": NAME_WEIGHT, "code": CODE_WEIGHT, "country": COUNTRY_WEIGHT}

# Closed classes: words that open a description rather than a name ("the hostages", "his doctor"),
# and the small words a name may hold ("Bank of England", "Chapter & Verse").
_DETERMINERS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "most", "all", "both", "another", "such", "each", "every", "any", "no",
})
_NAME_LINKS = frozenset({"of", "for", "and", "the", "de", "on", "in", "to", "&", "at"})
_POSSESSIVE = re.compile(r"['’]s\b")
_UNNAMED_KINDS = frozenset({"country", "media"})


@dataclass
class _Doc:
    doc_id: str
    day: dt.date | None
    keys: dict[str, int] = field(default_factory=dict)  # salient key -> mentions


def _name_key(kind: str, name: str | None, countries: set[str]) -> str | None:
    """The ``name:`` key of an actor mention, or None when it is no proper name, or the name of a
    country (``countries``: the names the document uses for countries)."""
    if kind in _UNNAMED_KINDS or not name or name.lower() in countries:
        return None
    words = _POSSESSIVE.sub("", name).split()
    if not words or words[0].lower() in _DETERMINERS or not words[0][:1].isupper():
        return None
    if not all(w[:1].isupper() or w.lower() in _NAME_LINKS or not w[:1].isalpha() for w in words):
        return None
    if kind == "person" and not any(w.lower() in _NAME_LINKS for w in words[1:]):
        return "name:" + words[-1].lower()  # "American University of Kabul" read as a person is no Mr Kabul
    return "name:" + " ".join(w.lower() for w in words if w.lower() != "the")


def actor_keys(actors: Iterable[Sequence[Any]], title: str | None) -> dict[str, tuple[str, int]]:
    """The salient keys of one document, with a label and their mentions, from its actor mentions
    (kind, name, code, country, sector)."""
    actors = list(actors)
    countries = {name.lower() for kind, name, *_ in actors if kind == "country" and name}
    counts: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, name, code, country, sector in actors:
        found: list[tuple[str, str]] = []
        key = _name_key(kind, name, countries)
        if key:
            found.append((key, name))
        if code and country and sector and code != country and country != "IGO":
            found.append(("code:" + code, code))
        if country and country != "IGO":
            found.append(("country:" + country, country))
        for k, label in found:
            counts[k] += 1
            labels[k][label] += 1
    _merge_names(counts, labels)
    heading = " " + " ".join(re.findall(r"\w+", (title or "").lower())) + " "
    out: dict[str, tuple[str, int]] = {}
    for key, n in counts.items():
        in_title = key.startswith("name:") and f" {key[5:]} " in heading
        if n >= SALIENT_MENTIONS or in_title:
            label = min(labels[key].items(), key=lambda item: (-item[1], item[0]))[0]
            out[key] = (label, n)
    return out


def document_keys(doc: Document) -> dict[str, tuple[str, int]]:
    """:func:`actor_keys` of a document record, as :func:`add_documents` reads its stored rows (its
    actors in the order of their ids), without reading them: made by the worker that coded it
    (``store/prepared.py``)."""
    actors = sorted(doc.actors, key=lambda a: a.id)
    return actor_keys([(a.kind, a.name, a.code, a.country, a.sector) for a in actors], doc.title)


def _merge_names(counts: Counter[str], labels: dict[str, Counter[str]]) -> None:
    """Within one document a name and its last words are one actor: "Kurt Volker" counts as "Volker"."""
    for key in sorted((k for k in counts if k.startswith("name:")), key=len, reverse=True):
        words = key[5:].split()
        if any(w in _NAME_LINKS for w in words):  # "American University of Kabul" is not "Kabul"
            continue
        for i in range(1, len(words)):
            shorter = "name:" + " ".join(words[i:])
            if shorter in counts:
                counts[shorter] += counts.pop(key)
                labels[shorter].update(labels.pop(key))
                break


# -- the relation ---------------------------------------------------------------------------------


def _days(days: Iterable[dt.date]) -> list[dt.date]:
    """Every day within ``STORY_DAYS`` of one of ``days``, in order."""
    return sorted({day + dt.timedelta(days=shift) for day in days for shift in range(-STORY_DAYS, STORY_DAYS + 1)})


def _load_days(cur: duckdb.DuckDBPyConnection, days: Sequence[dt.date]) -> dict[str, _Doc]:
    """The documents of these days with their keys, read through the index on ``day``."""
    docs: dict[str, _Doc] = {}
    for start in range(0, len(days), 500):
        chunk = list(days[start:start + 500])
        docs.update(_load(cur, f"day IN ({', '.join('?' * len(chunk))})", chunk))
    return docs


def _load(cur: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> dict[str, _Doc]:
    """The story_docs rows matching ``where`` with their keys."""
    docs = {doc_id: _Doc(doc_id, day) for doc_id, day in
            cur.execute(f"SELECT doc_id, day FROM story_docs WHERE {where}", params).fetchall()}
    if docs and where == "true":  # every document: their keys at once
        for doc_id, key, n in cur.execute("SELECT doc_id, key, mentions FROM story_keys").fetchall():
            docs[doc_id].keys[key] = n
    elif docs:
        ids = sorted(docs)
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            marks = ", ".join("?" * len(chunk))
            for doc_id, key, n in cur.execute(
                    f"SELECT doc_id, key, mentions FROM story_keys WHERE doc_id IN ({marks})", chunk).fetchall():
                docs[doc_id].keys[key] = n
    return docs


def _shared_events(cur: duckdb.DuckDBPyConnection, ids: Sequence[str] | None) -> dict[tuple[str, str], list[int]]:
    """(doc_a, doc_b) -> the linked events both report, for pairs among ``ids`` (None: all documents)."""
    if ids is not None and len(ids) < 2:
        return {}
    out: dict[tuple[str, str], set[int]] = defaultdict(set)
    if ids is None:
        rows = cur.execute("SELECT DISTINCT a.doc_id, b.doc_id, a.link_id FROM event_links a JOIN event_links b"
                           " ON a.link_id = b.link_id AND a.doc_id < b.doc_id").fetchall()
        for a, b, link in rows:
            out[(a, b)].add(link)
    else:  # their mentions, through the index on doc_id (a self-join would scan every link), paired here
        by_link: dict[int, set[str]] = defaultdict(set)
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            for doc_id, link in cur.execute(f"SELECT doc_id, link_id FROM event_links WHERE doc_id IN "
                                            f"({', '.join('?' * len(chunk))})", chunk).fetchall():
                by_link[link].add(doc_id)
        for link, docs in by_link.items():
            ordered = sorted(docs)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    out[(a, b)].add(link)
    return {pair: sorted(links) for pair, links in out.items()}


class _Window:
    """How many documents of the days around a pair make much of each key (the common-actor rule)."""

    def __init__(self, context: dict[str, _Doc]) -> None:
        self._dated = sorted((d.day, d.doc_id) for d in context.values() if d.day is not None)
        self._docs = context
        self._cache: dict[tuple[dt.date, dt.date], tuple[int, Counter[str]]] = {}

    def counts(self, a: dt.date, b: dt.date) -> tuple[int, Counter[str]]:
        """(documents, documents per key) of the days within STORY_DAYS of both a and b."""
        reach = dt.timedelta(days=STORY_DAYS)
        lo, hi = max(a, b) - reach, min(a, b) + reach
        if (lo, hi) not in self._cache:
            members = [doc_id for day, doc_id in self._dated if lo <= day <= hi]
            per_key: Counter[str] = Counter(k for doc_id in members for k in self._docs[doc_id].keys)
            self._cache[(lo, hi)] = (len(members), per_key)
        return self._cache[(lo, hi)]


def relate(a: _Doc, b: _Doc, events: list[int], window: _Window) -> tuple[float, list[str]]:
    """The score of a pair and the actor keys counted for it (the rule in the module's docstring)."""
    actors: list[str] = []
    if a.day is not None and b.day is not None and abs((a.day - b.day).days) <= STORY_DAYS:
        shared = sorted(set(a.keys) & set(b.keys))
        if shared:
            n, per_key = window.counts(a.day, b.day)
            limit = max(COMMON_MIN_DOCS, COMMON_SHARE * n)
            actors = sorted((k for k in shared if per_key[k] <= limit),
                            key=lambda k: (-_WEIGHTS[k.split(":", 1)[0]], k))  # names first
    score = EVENT_WEIGHT * len(events) + sum(_WEIGHTS[k.split(":", 1)[0]] for k in actors)
    return score, actors


def _links(cur: duckdb.DuckDBPyConnection, among: dict[str, _Doc], focus: set[str], context: dict[str, _Doc],
           *, everything: bool = False) -> list[tuple[str, str, float, list[int], list[str]]]:
    """The related pairs among ``among`` with at least one document in ``focus``.

    Candidates are the pairs that report a linked event both, or make much of one named actor both
    with dates within ``STORY_DAYS``: roles and countries alone never reach ``MIN_SCORE`` together
    with nothing named, and are not looked up (a country's articles would be all pairs)."""
    events = _shared_events(cur, None if everything else sorted(among))
    by_name: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for doc in among.values():
        if doc.day is not None:
            for key in doc.keys:
                if key.startswith("name:"):
                    by_name[key].append((doc.day, doc.doc_id))
    pairs: set[tuple[str, str]] = {pair for pair in events if pair[0] in focus or pair[1] in focus}
    reach = dt.timedelta(days=STORY_DAYS)
    for members in by_name.values():
        members.sort()
        for i, (day, x) in enumerate(members):
            for later, y in members[i + 1:]:
                if later - day > reach:
                    break
                if x in focus or y in focus:
                    pairs.add((min(x, y), max(x, y)))
    window = _Window(context)
    out = []
    for x, y in sorted(pairs):
        shared = events.get((x, y), [])
        score, actors = relate(among[x], among[y], shared, window)
        if score >= MIN_SCORE and (shared or any(k.startswith("name:") for k in actors)):
            out.append((x, y, score, shared, actors))
    return out


# -- writes ---------------------------------------------------------------------------------------


def _insert_docs(cur: duckdb.DuckDBPyConnection, doc_ids: Sequence[str] | None = None,
                 keys: Mapping[str, dict[str, tuple[str, int]]] | None = None) -> dict[str, dt.date | None]:
    """The rows and salient keys of these documents (None: every stored document), each alone in a story
    of its own; returns their dates (publication, else the earliest event date). ``keys``: each
    document's salient keys (:func:`document_keys`), when made already."""
    if doc_ids is None:
        only, params = "", []
    else:
        only, params = f"WHERE doc_id IN ({', '.join('?' * len(doc_ids))})", list(doc_ids)
    docs = cur.execute(
        f"""SELECT d.doc_id, d.title, coalesce(d.published, e.first) FROM (SELECT * FROM documents {only}) d
            LEFT JOIN (SELECT doc_id, min(date) AS first FROM events {only} GROUP BY doc_id) e USING (doc_id)
            ORDER BY d.doc_id""", params * 2).fetchall()
    if keys is None:
        actors: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in cur.execute(f"SELECT doc_id, kind, name, code, country, sector FROM actors {only}"
                               " ORDER BY doc_id, actor_id", params).fetchall():
            actors[row[0]].append(row[1:])
        keys = {d: actor_keys(actors.get(d, []), title) for d, title, _day in docs}
    days = {d: day for d, _title, day in docs}
    doc_rows = [(d, day, d) for d, day in days.items()]
    key_rows = [(d, key, label, n) for d, _title, _day in docs for key, (label, n) in sorted(keys[d].items())]
    insert_rows(cur, "story_docs", doc_rows)
    insert_rows(cur, "story_keys", key_rows)
    return days


def _write_links(cur: duckdb.DuckDBPyConnection, links: list[tuple[str, str, float, list[int], list[str]]]) -> None:
    insert_rows(cur, "story_links", links)


def _regroup(cur: duckdb.DuckDBPyConnection, members: set[str]) -> None:
    """Give every document of ``members`` (a union of whole stories) the id of its story: the
    connected components of ``story_links`` among them, each named by its earliest document."""
    if not members:
        return
    ids = sorted(members)
    parent = {doc_id: doc_id for doc_id in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    days: dict[str, dt.date | None] = {}
    now: dict[str, str] = {}  # each document's story before
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        marks = ", ".join("?" * len(chunk))
        for doc_id, day, story in cur.execute(f"SELECT doc_id, day, story_id FROM story_docs WHERE doc_id IN ({marks})",
                                              chunk).fetchall():
            days[doc_id], now[doc_id] = day, story
        for a, b in cur.execute(f"SELECT doc_a, doc_b FROM story_links WHERE doc_a IN ({marks})", chunk).fetchall():
            if a in parent and b in parent:
                parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id in ids:
        groups[find(doc_id)].append(doc_id)
    moves = []
    for group in groups.values():
        first = min(group, key=lambda d: (days.get(d) is None, days.get(d) or dt.date.min, d))
        moves += [(doc_id, first) for doc_id in group if now.get(doc_id) != first]  # the others stay
    for start in range(0, len(moves), 1000):
        batch = moves[start:start + 1000]
        cur.execute("UPDATE story_docs SET story_id = m.story FROM (VALUES "
                    + ", ".join(["(?, ?)"] * len(batch)) + ") AS m(doc, story) WHERE story_docs.doc_id = m.doc",
                    [v for move in batch for v in move])


def linked_to(cur: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> set[str]:
    """The documents that share a linked event with one of ``doc_ids`` (these included), now."""
    out = set(doc_ids)
    if not doc_ids:
        return out
    marks = ", ".join("?" * len(doc_ids))
    links = sorted({link for (link,) in cur.execute(f"SELECT link_id FROM event_links WHERE doc_id IN ({marks})",
                                                    list(doc_ids)).fetchall()})
    if links:  # two lookups, not a join DuckDB would plan as a scan of every link
        marks = ", ".join("?" * len(links))
        out |= {d for (d,) in cur.execute(f"SELECT doc_id FROM event_links WHERE link_id IN ({marks})",
                                          links).fetchall()}
    return out


def add_documents(cur: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], linked: Iterable[str] = (),
                  keys: Mapping[str, dict[str, tuple[str, int]]] | None = None) -> None:
    """Place documents just stored (their actors, events and event links written) in the stories, at
    once; inside the caller's transaction. Only the pairs their arrival can change are recomputed: those
    among the documents within ``STORY_DAYS`` of one of them (the common-actor counts of their days moved)
    and those sharing a linked event with one of them (their mentions may have merged other articles'
    events), with ``linked``: more documents to recompute the pairs of. ``Store.put_many`` links a
    batch's documents one after another, then places them here without ``linked``: a document that
    shared a linked event with one of them when it was linked shares one with it still (linked events
    only merge), so the lookup here finds it. ``keys``: each document's :func:`document_keys`, when
    made already (by the worker that coded it), else read from its stored actors.

    The same result as adding them one by one: the relation is a function of the corpus alone, and the
    pairs recomputed here hold every pair each one's arrival recomputes (``tests/store/test_store_incremental.py``).
    Every read goes through an index (:data:`INDEXES`) and reads only those documents, the documents
    of their days (the common-actor counts) and the stories they are in, whatever the store's size."""
    if not doc_ids:
        return
    days = _insert_docs(cur, doc_ids, keys)
    linked = sorted(linked_to(cur, doc_ids) | set(linked))
    near = _load_days(cur, _days([day for day in days.values() if day is not None]))
    among = dict(near)
    for start in range(0, len(linked), 1000):
        chunk = linked[start:start + 1000]
        among.update(_load(cur, f"doc_id IN ({', '.join('?' * len(chunk))})", chunk))
    # the documents of every day within STORY_DAYS of one of theirs: every window a pair among them is
    # scored in (_Window.counts) lies within STORY_DAYS of the pair's days
    context = _load_days(cur, _days({d.day for d in among.values() if d.day is not None}))
    focus = set(among)
    ids = sorted(focus)
    old_stories: set[str] = set()
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        old_stories |= {s for (s,) in cur.execute(
            f"SELECT DISTINCT story_id FROM story_docs WHERE doc_id IN ({', '.join('?' * len(chunk))})",
            chunk).fetchall()}
    _delete_links_among(cur, ids)
    _write_links(cur, _links(cur, among, focus, context))
    smarks = ", ".join("?" * len(old_stories))
    members = {d for (d,) in cur.execute(f"SELECT doc_id FROM story_docs WHERE story_id IN ({smarks})",
                                         sorted(old_stories)).fetchall()}
    _regroup(cur, members | focus)


def _delete_links_among(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Delete the links between two documents of ``ids``: the links of those documents (as doc_a) are read
    through the index and deleted, and those to documents outside ``ids`` written back (a delete on two
    columns would scan the table)."""
    marks = ", ".join("?" * len(ids))
    rows = cur.execute(f"SELECT doc_a, doc_b, score, events, actors FROM story_links WHERE doc_a IN ({marks})",
                       ids).fetchall()
    among = set(ids)
    if not any(b in among for _, b, *_ in rows):
        return
    firsts = {a for a, b, *_ in rows if b in among}
    cur.execute(f"DELETE FROM story_links WHERE doc_a IN ({', '.join('?' * len(firsts))})", sorted(firsts))
    _write_links(cur, [(a, b, score, events, actors) for a, b, score, events, actors in rows
                       if a in firsts and b not in among])


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Make the stories of every stored document from scratch (a store written before stories, or
    with another rule); records the rule in ``meta``. The same result as adding them one by one."""
    for ddl in TABLES:
        cur.execute(ddl)
    for table in ("story_links", "story_keys", "story_docs"):
        cur.execute(f"DELETE FROM {table}")
    _insert_docs(cur)
    everything = _load(cur, "true", [])
    _write_links(cur, _links(cur, everything, set(everything), everything, everything=True))
    _regroup(cur, set(everything))
    cur.execute("INSERT OR REPLACE INTO meta VALUES ('stories_rule', ?)", [RULE])


def is_current(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the file's stories were made by this rule (False: none yet, or another rule)."""
    if not _has_table(cur, "story_docs"):
        return False
    row = cur.execute("SELECT value FROM meta WHERE key = 'stories_rule'").fetchone()
    return row is not None and row[0] == RULE


def _has_table(cur: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
    return bool(row and row[0])


# -- reads ----------------------------------------------------------------------------------------


def story_of(cur: duckdb.DuckDBPyConnection, doc_id: str) -> str | None:
    """The story id of a stored document (None: not stored, or a store without stories)."""
    if not _has_table(cur, "story_docs"):
        return None
    row = cur.execute("SELECT story_id FROM story_docs WHERE doc_id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def related(cur: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict[str, Any]]:
    """The documents related to ``doc_id``, best first: each with its title, outlet, date, the score,
    the linked events both report and the actors both make much of (why they are related)."""
    if not _has_table(cur, "story_links"):
        return []
    rows = cur.execute(
        """SELECT CASE WHEN l.doc_a = ? THEN l.doc_b ELSE l.doc_a END AS other, l.score, l.events, l.actors
           FROM story_links l WHERE l.doc_a = ? OR l.doc_b = ?""", [doc_id, doc_id, doc_id]).fetchall()
    labels = dict(cur.execute("SELECT key, label FROM story_keys WHERE doc_id = ?", [doc_id]).fetchall())
    out = []
    for other, score, events, actors in rows:
        meta = cur.execute("SELECT d.title, d.outlet, d.published, s.story_id FROM documents d"
                           " JOIN story_docs s USING (doc_id) WHERE d.doc_id = ?", [other]).fetchone()
        title, outlet, published, story = meta if meta else (None, None, None, None)
        out.append({
            "doc_id": other, "title": title, "outlet": outlet,
            "published": published.isoformat() if published else None, "story": story,
            "score": round(float(score), 3), "events": [str(e) for e in events],
            "actors": [labels.get(k, k.split(":", 1)[1]) for k in actors],
        })
    out.sort(key=lambda r: (-r["score"], r["published"] or "", r["doc_id"]))
    return out


def stories(cur: duckdb.DuckDBPyConnection, *, min_articles: int = 2, top_actors: int = 5) -> list[dict[str, Any]]:
    """The stories of at least ``min_articles`` documents, largest first: id, number of articles,
    outlets, first and last date, the actors most of its articles make much of, and its articles."""
    rows = cur.execute(
        """SELECT s.story_id, s.doc_id, s.day, d.title, d.outlet, d.url
           FROM story_docs s JOIN documents d USING (doc_id)
           WHERE s.story_id IN (SELECT story_id FROM story_docs GROUP BY story_id HAVING count(*) >= ?)
           ORDER BY s.story_id, s.day NULLS LAST, s.doc_id""", [min_articles]).fetchall()
    by_story: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        by_story[row[0]].append(row)
    out: list[dict[str, Any]] = []
    for story_id, members in by_story.items():
        ids = [m[1] for m in members]
        marks = ", ".join("?" * len(ids))
        per_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for key, label, n in cur.execute(f"SELECT key, label, mentions FROM story_keys WHERE doc_id IN ({marks})"
                                         " AND key LIKE 'name:%'", ids).fetchall():
            per_key[key].append((n, label))
        # the actors most of its articles make much of; each by the words its articles use most
        ranked = sorted(per_key.items(), key=lambda kv: (-len(kv[1]), -sum(n for n, _ in kv[1]), kv[0]))
        actors = [max(uses, key=lambda use: (use[0], use[1]))[1] for _key, uses in ranked[:top_actors]]
        days = [m[2] for m in members if m[2] is not None]
        out.append({
            "story": story_id, "articles": len(members),
            "outlets": sorted({m[4] for m in members if m[4]}),
            "first": min(days).isoformat() if days else None, "last": max(days).isoformat() if days else None,
            "actors": actors,
            "documents": [{"doc_id": m[1], "date": m[2].isoformat() if m[2] else None, "outlet": m[4],
                           "title": m[3], "url": m[5]} for m in members],
        })
    out.sort(key=lambda s: (-int(s["articles"]), str(s["first"] or ""), str(s["story"])))
    return out
