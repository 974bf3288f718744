"""Mentions linked to events: the coder's events of every article, grouped into the happenings they report.

Each row of ``events`` is a *mention* (one coded event in one document). ``event_links`` gives
every mention the *linked event* it belongs to (``link_id``), and the ``linked_events`` view has one
row per linked event: its earliest mention's fields plus NumMentions, NumSources, NumArticles,
first/last seen and a confidence, counted over the articles (publications) behind its mentions
(``LINKED_EVENT_VIEW``; ``articles.py``, ``copies.py``).

**When two mentions link** (:func:`compatible`). The tolerances and switches are settings
(``link_*`` in data/settings.toml, read into :class:`LinkRules`), which codes are compatible and
which territories belong to which state are data files; a store records the rules it was linked by
in ``meta`` and is relinked from scratch, once, when opened for writing with others:

- the same source and the same target: the actor code where known, else country + sector, else
  the words naming the actor (:func:`side_key`); a territory counts as its sovereign state
  (HKGEDU as CHNEDU: data/actors/territories.tsv, setting ``link_territories_as_sovereigns``;
  :func:`sovereign_key`);
- a side known only as a bare country or sector (USA, GOV) links across articles only when it is
  the country itself ("Russia", :func:`is_state`) or faces an actor of another country; else, and
  for a bare country facing itself (USA -> USA), the mention links only within its article
  (setting ``link_bare_domestic``; :func:`block_key`);
- the same mode (a denial does not confirm the act it denies);
- compatible CAMEO codes: the same root and, for the roots listed in
  ``data/events/linking_codes.tsv`` as "prefix", one code the other or its parent;
- compatible dates: each mention's date is an interval of its precision (a day, a month, a year);
  the two intervals overlap, or lie within ``link_stated_tolerance_days`` (0), or within
  ``link_published_tolerance_days`` (1) when either mention is dated only by its article's
  publication; an undated mention links only with undated ones;
- compatible places: either unknown, or the same country (a territory as its sovereign).

**Linked events are the connected components** of the graph whose edges join compatible mentions.
A component does not depend on the order its mentions arrived in, and its id (``link_id``) is the
``global_event_id`` of its earliest mention by (date, doc_id, event_id) — so the same corpus gives
the same linked events, with the same ids, in any ingestion order. Adding a document adds its
mentions and the edges that touch them, merging the components they join (``link_document``);
nothing is recoded. Compatibility is not transitive, so a component may hold two mentions that are
not compatible with each other but are both compatible with a third (e.g. a month-dated mention
bridging two days): the cost of order independence, and visible with ``--show-mentions``.

**Measured effect** (``scripts/measure_linking.py``: code the pages, store them, relink with each
setting changed and each rule replaced in turn; events after linking, fewer = more merged). On the
91 pages of ../shared/eval/html, 222 mentions give 214 events as shipped, 5 of them merged across
articles (215 before territories counted as their state); on the 84 PolNeAR dev articles (with
metadata.tsv's outlets and dates), 469 mentions give 465 events, none merged across articles (460
before the wider bare-side rule: its four cross-article merges were all of unrelated stories, e.g.
"Charlotte struggles to return to normal after shooting" with Trump's "We have fought the battle").
Each in turn, html / PolNeAR: no publication-date tolerance 216 / 465 (the Hong Kong siege splits:
Express published it the day after the Guardian dated it); 2 days 213 / 465 (joins Taylor Swift's
fans criticising Scooter Braun's company with the Democrats' attacks on Trump two days later);
stated dates +-1 day 214 / 465; bare sides linked across articles 209 / 436 (3 and 13 more
cross-article merges, all of unrelated stories: a cat flown to Portland with a Steelers captain's
plea); territories apart 215 / 465; codes linked only when equal 217 / 469; by root alone, the
prefix rows ignored 214 / 464; places ignored 214 / 465; modes ignored 213 / 456 (within
articles); only a bare country facing itself kept within its article (the rule before) 214 / 460.
Merged across articles as shipped: the Hong Kong Polytechnic University siege (the Guardian,
Express), Trump's July 25 call with Zelensky (CBS News, National Review, DH News Service; both
directions), the Taliban prisoner swap of 2019-11-19 (Al Jazeera, New York Post), and one doubtful
pair the publication-date tolerance makes: the Democrats' attacks on Trump in National Review
(published 2019-11-19) and DH News Service (11-20).

**Blocking.** Two compatible mentions always share ``block`` (root, mode, source key, target key),
so the candidates of a mention are the mentions of its block whose date interval reaches its own:
never all pairs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb

from ..lexicon.tables import rows as table_rows
from ..lexicon.tables import shipped_text
from ..settings import Settings, load_settings

__all__ = [
    "LINKED_EVENT_VIEW",
    "LINK_TABLE",
    "LinkRules",
    "block_key",
    "codes_compatible",
    "compatible",
    "groups",
    "is_state",
    "link_all",
    "link_document",
    "side_key",
    "sovereign_key",
]


@dataclass(frozen=True)
class LinkRules:
    """The linking settings (``link_*`` in data/settings.toml, where each is explained and measured).

    ``published_tolerance_days``: days either way a mention dated only by its article's publication
    ("published" precision) may lie from another's date; ``stated_tolerance_days``: the same for
    dates the text states (a day, a month, a year); ``bare_domestic``: whether a mention with a side
    known only as a bare country or sector links across articles when it faces no actor of another
    country (:func:`block_key`); ``territories_as_sovereigns``: whether a territory's actors and
    places count as their sovereign state's (:func:`sovereign_key`).
    """

    published_tolerance_days: int
    stated_tolerance_days: int
    bare_domestic: bool
    territories_as_sovereigns: bool

    @classmethod
    def of(cls, settings: Settings) -> LinkRules:
        return cls(settings.link_published_tolerance_days, settings.link_stated_tolerance_days,
                   settings.link_bare_domestic, settings.link_territories_as_sovereigns)

    @property
    def reach(self) -> dt.timedelta:
        """The furthest two compatible mentions' date intervals may lie apart."""
        return dt.timedelta(days=max(self.published_tolerance_days, self.stated_tolerance_days))

    def describe(self) -> str:
        """The rules on one line, as the store's ``meta`` records them (the data tables by digest)."""
        tables = "".join(shipped_text(*f) for f in (_CODES_FILE, _TERRITORIES_FILE, *_COUNTRY_FILES))
        digest = hashlib.sha1(tables.encode("utf-8")).hexdigest()[:12]
        return (f"published dates +-{self.published_tolerance_days} days, stated dates "
                f"+-{self.stated_tolerance_days} days, bare domestic "
                f"{'across articles' if self.bare_domestic else 'within its article'}, territories "
                f"{'as their sovereign' if self.territories_as_sovereigns else 'apart'}, tables {digest}")


def _rules(rules: LinkRules | None) -> LinkRules:
    """The rules given, else those of the settings (shipped, or $DIPLOGRAPH_CONFIG's)."""
    return rules if rules is not None else _settings_rules(os.environ.get("DIPLOGRAPH_CONFIG"))


@cache
def _settings_rules(config: str | None) -> LinkRules:
    """The rules of the settings with this user file, read once: reading settings takes milliseconds,
    and a caller that gives no rules (a bench, a test) links document after document."""
    return LinkRules.of(load_settings(config))

LINK_TABLE = """
    CREATE TABLE IF NOT EXISTS event_links (
        doc_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        gid BIGINT NOT NULL,          -- the mention's own global_event_id
        link_id BIGINT NOT NULL,      -- the global_event_id of the linked event's earliest mention
        block VARCHAR NOT NULL,       -- root | mode | source key | target key
        cameo VARCHAR NOT NULL,
        lo DATE, hi DATE,             -- the interval the mention's date stands for (NULL: undated)
        tol INTEGER NOT NULL,         -- days of tolerance this mention's date allows
        place VARCHAR,                -- the location's country, when known
        PRIMARY KEY (doc_id, event_id)
    )"""

# A URL's host without "www.": the source of a document that names no outlet.
_HOST = r"^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?(?:www\.)?([^/:?#]+)"

# One row per linked event: the fields of its earliest mention (as ``event_rows`` has them, so the
# event filters work unchanged), with the counts. A mention is counted once per *article* that
# published its document (``articles``, store/articles.py): a syndicated copy (the same text under
# another URL or outlet) is one document with several articles; a lightly edited copy is another
# document, coded on its own, whose mentions link here like any report's, and which ``doc_copies``
# (store/copies.py) ties to its original.
# - NumArticles: the distinct articles (document, page) behind the event's mentions, syndicated and
#   recognised copies included; the same page ingested twice is one article.
# - NumSources: the distinct sources over those articles: an article's outlet, else its URL's host
#   (without "www."), else its document (an article of unknown provenance is a source of its own).
# - NumMentions: as GDELT's, the mentions over all articles: each mention's ``n_mentions`` (the
#   times its document states the event) once per article that published the document.
# - first_seen / last_seen: the earliest and latest publication (else storing) day of those articles.
# - linked_confidence: a noisy-or over INDEPENDENT reports, 1 - prod(1 - c_o), where c_o is the best
#   mention's confidence of each original text (``doc_copies.copy_of``, the document itself when it
#   has no copy): each independently written report is a further chance the event happened, while a
#   copy of one report, under the same outlet or another, adds nothing. Two reports written
#   separately by one outlet count as two.
LINKED_EVENT_VIEW = """
    CREATE OR REPLACE VIEW linked_events AS
    WITH m AS (
        SELECT l.link_id, e.doc_id, e.n_mentions, e.confidence,
               coalesce(c.copy_of, e.doc_id) AS original,
               e.doc_id || chr(10) || a.article_key AS article,
               coalesce(nullif(lower(trim(a.outlet)), ''),
                        nullif(regexp_extract(lower(a.url), '{_HOST}', 1), ''),
                        'doc:' || e.doc_id) AS source_key,
               coalesce(a.published, CAST(a.added AS DATE)) AS seen
        FROM event_links l JOIN events e USING (doc_id, event_id) JOIN articles a USING (doc_id)
             LEFT JOIN doc_copies c USING (doc_id)
    ),
    per_original AS (
        SELECT link_id, max(coalesce(confidence, 0.0)) AS best FROM m GROUP BY link_id, original
    ),
    counts AS (
        SELECT link_id, sum(n_mentions)::INTEGER AS num_mentions,
               count(DISTINCT source_key)::INTEGER AS num_sources,
               count(DISTINCT article)::INTEGER AS num_articles,
               min(seen) AS first_seen, max(seen) AS last_seen
        FROM m GROUP BY link_id
    ),
    belief AS (
        SELECT link_id, 1 - product(1 - least(greatest(best, 0.0), 1.0)) AS linked_confidence
        FROM per_original GROUP BY link_id
    )
    SELECT r.*, c.link_id, c.num_mentions, c.num_sources, c.num_articles, c.first_seen, c.last_seen,
           b.linked_confidence
    FROM counts c JOIN belief b USING (link_id) JOIN event_rows r ON r.global_event_id = c.link_id
""".replace("{_HOST}", _HOST)

_BARE = re.compile(r"[A-Z]{3}")  # a side known only as a country (USA) or a sector (GOV)
_CODES_FILE = ("events", "linking_codes.tsv")
_TERRITORIES_FILE = ("actors", "territories.tsv")
_COUNTRY_FILES = (("actors", "countries.tsv"), ("actors", "nationalities.tsv"))


@dataclass(frozen=True)
class LinkRow:
    """What linking needs of one mention."""

    doc_id: str
    event_id: str
    gid: int
    block: str
    cameo: str
    lo: dt.date | None
    hi: dt.date | None
    tol: int
    place: str | None


@cache
def _code_rules() -> dict[str, str]:
    """root -> "root" or "prefix", from data/events/linking_codes.tsv (a root not listed: "root")."""
    origin = "diplograph/data/events/linking_codes.tsv"
    rules: dict[str, str] = {}
    for number, (root, rule) in table_rows(shipped_text(*_CODES_FILE), origin,
                                           width=2, header="root\t"):
        if rule not in ("root", "prefix"):
            raise ValueError(f"{origin}, line {number}: rule {rule!r} is not root or prefix")
        rules[root.strip()] = rule
    return rules


@cache
def _sovereigns() -> dict[str, str]:
    """Territory -> its sovereign state (HKG -> CHN), from data/actors/territories.tsv."""
    origin = "diplograph/data/actors/territories.tsv"
    return {territory.strip(): state.strip()
            for _, (territory, state) in table_rows(shipped_text(*_TERRITORIES_FILE), origin, width=2)}


@cache
def _countries() -> tuple[frozenset[str], frozenset[str]]:
    """The names the actor dictionary gives countries ("united states", "russia"), lower-cased, and
    their codes ("USA"): its "country" entries (data/actors/countries.tsv, nationalities.tsv)."""
    names: set[str] = set()
    codes: set[str] = set()
    for folder, name in _COUNTRY_FILES:
        for _, fields in table_rows(shipped_text(folder, name), f"diplograph/data/{folder}/{name}"):
            if len(fields) > 2 and fields[2].strip() == "country":
                names.add(fields[0].strip().lower())
                codes.add(fields[1].strip()[:3])
    return frozenset(names), frozenset(codes)


def is_state(key: str, words: str | None) -> bool:
    """Whether a side with a bare country key ("RUS") is that country itself, named as a country
    ("Russia", "the United States": the actor's name is a country's), not someone the coder placed
    only by its country ("Donald Trump", "Charlotte", both USA)."""
    name = " ".join((words or "").lower().split())
    return _BARE.fullmatch(key) is not None and name in _countries()[0]


def sovereign_key(key: str) -> str:
    """A side key or place with a territory's country (HKG, HKGEDU) made its sovereign's (CHN, CHNEDU).

    Outlets name a territory and its state in turn, and so does the coder, which gives an actor named
    by no country the country of the article's setting: the Guardian's "Hong Kong Polytechnic University
    was besieged by police" is HKGCOP -> 191 -> HKGEDU, and Express's "Hong Kong police have laid siege
    to a university, pinning 800 students inside" (an article set in China: "China deploys troops")
    HKGCOP -> 191 -> CHNEDU, one siege. The articles gold set scores HKG as CHN for the same reason.
    """
    state = _sovereigns().get(key[:3]) if not key.startswith("~") else None
    return state + key[3:] if state else key


def codes_compatible(a: str, b: str) -> bool:
    """Whether CAMEO codes ``a`` and ``b`` may name one happening (same root, and the root's rule)."""
    if a[:2] != b[:2]:
        return False
    if _code_rules().get(a[:2], "root") == "root":
        return True
    return a.startswith(b) or b.startswith(a)


def side_key(code: str | None, country: str | None, sector: str | None, words: str | None) -> str:
    """Who an event side is, for linking: the actor code; else country + sector (the shape of a code,
    so "RUS" + "GOV" meets a mention coded RUSGOV); else the words naming it, lower-cased; else ""."""
    if code:
        return code.upper()
    if country or sector:
        return f"{country or ''}{sector or ''}".upper()
    if words and words.strip():
        return "~" + re.sub(r"\s+", " ", words.strip().lower())
    return ""


def date_interval(date: dt.date | None, precision: str | None,
                  rules: LinkRules | None = None) -> tuple[dt.date | None, dt.date | None, int]:
    """(first day, last day, tolerance in days) that a mention's date stands for."""
    if date is None:
        return None, None, 0
    rules = _rules(rules)
    stated = rules.stated_tolerance_days
    if precision == "year":
        return date.replace(month=1, day=1), date.replace(month=12, day=31), stated
    if precision == "month":
        first = date.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1), stated
    if precision == "published":
        return date, date, rules.published_tolerance_days
    return date, date, stated  # "day", or a precision not given: the date as written


def compatible(a: LinkRow, b: LinkRow) -> bool:
    """Whether two mentions may report one happening (the rules in the module's docstring)."""
    if a.block != b.block or not codes_compatible(a.cameo, b.cameo):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return a.lo is None and b.lo is None
    tol = dt.timedelta(days=max(a.tol, b.tol))
    return a.lo <= b.hi + tol and b.lo <= a.hi + tol


_ROW_SQL = """
    SELECT e.doc_id, e.event_id, e.global_event_id, e.root, e.mode, e.cameo,
           e.source_code, e.source_country, e.source_sector, coalesce(e.source_name, e.source_text),
           e.target_code, e.target_country, e.target_sector, coalesce(e.target_name, e.target_text),
           e.date, e.date_precision, e.location_country
    FROM events e
"""


def _link_row(values: Sequence[Any], rules: LinkRules) -> LinkRow:
    (doc_id, event_id, gid, root, mode, cameo, s_code, s_country, s_sector, s_words,
     t_code, t_country, t_sector, t_words, date, precision, place) = values
    lo, hi, tol = date_interval(date, precision, rules)
    source, target = side_key(s_code, s_country, s_sector, s_words), side_key(t_code, t_country, t_sector, t_words)
    states = (is_state(source, s_words), is_state(target, t_words))
    if rules.territories_as_sovereigns:
        source, target = sovereign_key(source), sovereign_key(target)
        place = sovereign_key(place) if place else place
    block = block_key(doc_id, root, mode, source, target, rules, states=states)
    return LinkRow(doc_id, event_id, gid, block, cameo, lo, hi, tol, place)


def block_key(doc_id: str, root: str, mode: str, source: str, target: str, rules: LinkRules | None = None, *,
              states: tuple[bool, bool] = (False, False)) -> str:
    """The block of a mention: mentions of one block may link, of two blocks never.

    A side known only as a bare country ("USA") or a bare sector ("GOV") names nobody in particular
    unless it is the country itself (``states``: :func:`is_state`, "Russia has put the credibility
    of the UN at risk") or faces an actor of another country (Trump, USA, -> CHN): facing its own
    country, an actor known only by words, or nobody, it is someone the coder could not place.
    "American Airlines offered to fly the cat to Portland" and a Steelers captain's plea are both
    USA -> 030 -> USA on 2019-11-19 in the html dev pages; in the PolNeAR dev articles "Charlotte
    struggles to return to normal after shooting" (Washington Post) and "We have fought the battle
    and he was a tough and brilliant opponent" (Trump, Washington Post) are both USA -> 190, and
    "The Trump campaign has previously addressed the plight of many single mothers" (Washington
    Post) and "Obama and Clinton's gut reaction is to tell the American people..." (USA Today) both
    USA -> 010 -> USACVL. Such a mention links only within its own article (setting
    ``link_bare_domestic`` false), where the coder already knows who is meant; so does a mention
    between a bare country and itself (USA -> USA), whoever its sides are.
    """

    def placeless(key: str, state: bool, other: str) -> bool:
        return _BARE.fullmatch(key) is not None and not state and not _foreign(other, key)

    bare = (source == target and _BARE.fullmatch(source) is not None) or \
        placeless(source, states[0], target) or placeless(target, states[1], source)
    own = f"|{doc_id}" if bare and not _rules(rules).bare_domestic else ""
    return "|".join((root, mode, source, target)) + own


def _foreign(other: str, key: str) -> bool:
    """Whether side key ``other`` is a coded actor of another country (or an IGO) than side key
    ``key``'s: a bare sector ("MED": reporters) is of no country."""
    return other[:3] != key[:3] and (other[:3] in _countries()[1] or other.startswith("IGO"))


def _insert(cur: duckdb.DuckDBPyConnection, rows: list[LinkRow]) -> None:
    """Each mention in ``event_links`` as an event of its own (merged after)."""
    for start in range(0, len(rows), 500):  # one INSERT per 500 rows: DuckDB binds few parameters fast
        chunk = rows[start:start + 500]
        marks = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(chunk))
        cur.execute(f"INSERT INTO event_links VALUES {marks}",
                    [v for r in chunk for v in (r.doc_id, r.event_id, r.gid, r.gid, r.block, r.cameo,
                                                r.lo, r.hi, r.tol, r.place)])


_COLUMNS = "doc_id, event_id, gid, block, cameo, lo, hi, tol, place"


def _union(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The sets of linked events (``link_id``) that the pairs join, each of two or more."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent.setdefault(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    sets: dict[int, list[int]] = {}
    for link in parent:
        sets.setdefault(find(link), []).append(link)
    return [members for members in sets.values() if len(members) > 1]


def _merge(cur: duckdb.DuckDBPyConnection, pairs: Iterable[tuple[int, int]]) -> int:
    """Merge the linked events each pair joins, in one UPDATE; returns how many were merged away.

    The merged event takes the id of its earliest mention by (date, doc_id, event_id): each linked
    event's id is its own earliest mention's ``gid``, so that mention is the earliest of the ids.
    """
    sets = _union(pairs)
    if not sets:
        return 0
    links = sorted({link for members in sets for link in members})
    key: dict[int, tuple[bool, dt.date, str, str]] = {}
    for start in range(0, len(links), 1000):
        chunk = links[start:start + 1000]
        marks = ", ".join("?" * len(chunk))
        found = cur.execute(f"SELECT gid, lo, doc_id, event_id FROM event_links WHERE gid IN ({marks})", chunk)
        key.update({gid: (lo is None, lo or dt.date.min, doc_id, event_id)
                    for gid, lo, doc_id, event_id in found.fetchall()})
    moves: list[tuple[int, int]] = []
    for members in sets:
        first = min(members, key=lambda link: key[link])
        moves += [(link, first) for link in members if link != first]
    for start in range(0, len(moves), 1000):
        batch = moves[start:start + 1000]
        cur.execute(
            "UPDATE event_links SET link_id = m.new FROM (VALUES "
            + ", ".join(["(?::BIGINT, ?::BIGINT)"] * len(batch))
            + ") AS m(old, new) WHERE event_links.link_id = m.old",
            [v for move in batch for v in move],
        )
    return len(moves)


def _candidates(cur: duckdb.DuckDBPyConnection, rows: list[LinkRow], reach: dt.timedelta) -> list[tuple[LinkRow, int]]:
    """The stored mentions (with their link_id) in the blocks of ``rows`` whose dates may reach theirs
    (``reach``: ``LinkRules.reach``): the blocking that keeps linking from comparing all pairs."""
    by_block: dict[str, list[LinkRow]] = {}
    for row in rows:
        by_block.setdefault(row.block, []).append(row)
    clauses: list[str] = []
    params: list[Any] = []
    for block, members in sorted(by_block.items()):
        los = [r.lo for r in members if r.lo is not None]
        his = [r.hi for r in members if r.hi is not None]
        if len(los) < len(members) or len(his) < len(members):  # an undated mention: the block's undated ones
            dated = "lo IS NULL OR (lo <= ? AND hi >= ?)" if los else "lo IS NULL"
            clauses.append(f"(block = ? AND ({dated}))")
        else:
            clauses.append("(block = ? AND lo <= ? AND hi >= ?)")
        params.append(block)
        if los:
            params += [max(his) + reach, min(los) - reach]
    found = cur.execute(f"SELECT {_COLUMNS}, link_id FROM event_links WHERE {' OR '.join(clauses)}",
                        params).fetchall()
    return [(LinkRow(*row[:-1]), row[-1]) for row in found]


def link_document(cur: duckdb.DuckDBPyConnection, doc_id: str, rules: LinkRules | None = None) -> int:
    """Link the mentions of a document just stored (its ``events`` rows) into the linked events, by
    ``rules`` (else the settings'); inside the caller's transaction. Returns how many linked events
    its mentions merged away."""
    rules = _rules(rules)
    rows = [_link_row(r, rules) for r in cur.execute(_ROW_SQL + " WHERE e.doc_id = ?", [doc_id]).fetchall()]
    if not rows:
        return 0
    _insert(cur, rows)
    # the candidates by block and linked event: one compatible mention joins a mention to an event,
    # so the rest of that event's mentions need no look (an event of many reports costs one test)
    by_block: dict[str, dict[int, list[LinkRow]]] = {}
    for other, link in _candidates(cur, rows, rules.reach):
        by_block.setdefault(other.block, {}).setdefault(link, []).append(other)
    pairs = [(new.gid, link) for new in rows for link, others in by_block.get(new.block, {}).items()
             if any(other.gid != new.gid and compatible(new, other) for other in others)]
    return _merge(cur, pairs)


def link_all(cur: duckdb.DuckDBPyConnection, rules: LinkRules | None = None) -> int:
    """Link every stored mention from scratch by ``rules`` (else the settings'): a store written
    before linking or with other rules, or a check of the incremental result (both give the same
    components). Returns the number of linked events.

    Per block, the mentions sorted by the start of their dates are swept once: each is compared
    with the earlier ones whose dates still reach it.
    """
    cur.execute("DELETE FROM event_links")
    rules = _rules(rules)
    rows = [_link_row(r, rules) for r in cur.execute(_ROW_SQL).fetchall()]
    _insert(cur, rows)
    by_block: dict[str, list[LinkRow]] = {}
    for row in rows:
        by_block.setdefault(row.block, []).append(row)
    reach = rules.reach
    pairs: list[tuple[int, int]] = []
    for members in by_block.values():
        undated = [r for r in members if r.lo is None]
        pairs += [(r.gid, o.gid) for i, r in enumerate(undated) for o in undated[:i] if compatible(r, o)]
        dated = sorted(((r.lo, r) for r in members if r.lo is not None), key=lambda x: (x[0], x[1].gid))
        open_: list[LinkRow] = []  # earlier mentions whose interval may still reach the next ones
        for lo, r in dated:
            open_ = [o for o in open_ if o.hi is not None and o.hi + reach >= lo]
            pairs += [(r.gid, o.gid) for o in open_ if compatible(r, o)]
            open_.append(r)
    _merge(cur, pairs)
    count = cur.execute("SELECT count(DISTINCT link_id) FROM event_links").fetchone()
    return int(count[0]) if count else 0


def groups(cur: duckdb.DuckDBPyConnection) -> Iterable[frozenset[tuple[str, str]]]:
    """The linked events as sets of (doc_id, event_id), for comparing two stores."""
    out: dict[int, set[tuple[str, str]]] = {}
    for link_id, doc_id, event_id in cur.execute("SELECT link_id, doc_id, event_id FROM event_links").fetchall():
        out.setdefault(link_id, set()).add((doc_id, event_id))
    return [frozenset(g) for g in out.values()]
