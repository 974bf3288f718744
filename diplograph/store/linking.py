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
91 pages of ../shared/eval/html, 222 mentions give 215 events as shipped, 5 of them merged across
articles; on the 84 PolNeAR dev articles (with metadata.tsv's outlets and dates), 469 mentions give
465 events, 1 merged across articles (460 with 4 cross-article merges under the first bare-side rule,
all of unrelated stories, e.g. "Charlotte struggles to return to normal after shooting" with Trump's
"We have fought the battle"). Each in turn, html / PolNeAR: no publication-date tolerance 217 / 466
(the Hong Kong siege splits: Express published it the day after the Guardian dated it); 2 days
214 / 465 (joins Taylor Swift's fans criticising Scooter Braun's company with the Democrats' attacks
on Trump two days later); stated dates +-1 day 215 / 465; bare sides linked across articles
215 / 465 (436 on PolNeAR before named actors kept their names: 13 cross-article merges, all of
unrelated stories); territories apart 216 / 465; named actors by their country alone 214 / 465 (Neil
Gaiman's work with Harriet McDougal and with John M. Ford merge as one event); codes linked only when
equal 217 / 468; by root alone, the prefix rows ignored 215 / 464; places ignored 215 / 465; modes
ignored 214 / 461; only a bare country facing itself kept within its article (the first rule)
214 / 460. Merged across articles as shipped: the Hong Kong Polytechnic University siege (the
Guardian, Express), Trump's July 25 call with Zelensky (CBS News, National Review, DH News Service;
both directions), the Taliban prisoner swap of 2019-11-19 (Al Jazeera, New York Post), and two
doubtful pairs the publication-date tolerance makes: the Democrats' attacks on Trump in National
Review (published 2019-11-19) and DH News Service (11-20), and two reports a day apart of Donald
Trump using force (190) with no target, one of them a misreading ("We have fought the battle").

**Blocking.** Two compatible mentions always share ``block`` (root, mode, source key, target key),
so the candidates of a mention are the mentions of its block whose date interval reaches its own:
never all pairs. A lookup reads neither the whole table nor the whole block: ``event_link_keys``
holds one row per linked event and *signature* (what :func:`compatible` reads besides the block:
code, date interval, tolerance, place) under each key "block#month" its date may reach (block#undated
for an undated mention), with an ART index on the key. A new document's mentions look up the keys of
the months their own dates cover (``lookup IN (...)``, an index scan in DuckDB 2.0.1; ``block = ? AND
lo <= ?`` is not, hence the key), so what is read is one month of a few blocks, with thirty reports of
one summit as one row; the Store keeps the rows it has read (:class:`LinkCache`, bounded) for the next
documents. Each mention's link_id is worked out before it is written; rows are updated only when a
document joins stored events or comes before one's earliest mention, through an index on link_id.
:func:`link_all` sweeps each block by date once, testing each mention against one open mention per
signature. Measured with ``PYTHONPATH=. python bench/linking.py --sizes 10000 30000 100000`` (and
``--from-scratch``) on the replicated store test documents, 2 shared cores: a document at a time,
1.35 ms a mention to 10,000 mentions, then 1.41 ms a mention to 30,000 and 1.34 ms to 100,000: 135 s
for all 100,000, 126 s of CPU (before, with a scan of event_links per document: 1138 s of CPU, and
18 ms a mention from 30,000 to 100,000); ``link_all`` from scratch 0.65 s, 1.4 s and 3.1 s (before,
when a block's month- and year-dated mentions stayed open one by one: 4.1 s, 31 s and 190 s).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import duckdb

from ..lexicon.tables import rows as table_rows
from ..lexicon.tables import shipped_text
from ..settings import Settings, load_settings
from . import linked_counts
from ._bulk import insert_rows

__all__ = [
    "LINKED_EVENT_VIEW",
    "LINK_LOOKUP",
    "LINK_TABLE",
    "LinkCache",
    "LinkRules",
    "block_key",
    "codes_compatible",
    "compatible",
    "event_rows",
    "groups",
    "is_state",
    "link_all",
    "link_document",
    "named_key",
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
    places count as their sovereign state's (:func:`sovereign_key`); ``named_actors``: whether a side
    coded only by its country but named by the coder (a person or organisation) is known by that name
    too (:func:`named_key`).
    """

    published_tolerance_days: int
    stated_tolerance_days: int
    bare_domestic: bool
    territories_as_sovereigns: bool
    named_actors: bool = True

    @classmethod
    def of(cls, settings: Settings) -> LinkRules:
        return cls(settings.link_published_tolerance_days, settings.link_stated_tolerance_days,
                   settings.link_bare_domestic, settings.link_territories_as_sovereigns,
                   settings.link_named_actors)

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
                f"{'as their sovereign' if self.territories_as_sovereigns else 'apart'}, named actors "
                f"{'by name' if self.named_actors else 'by country'}, tables {digest}")


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
# The counts are kept in ``linked_event_counts`` (store/linked_counts.py, which aggregates them).
LINKED_EVENT_VIEW = """
    CREATE OR REPLACE VIEW linked_events AS
    SELECT r.*, c.link_id, c.num_mentions, c.num_sources, c.num_articles, c.first_seen, c.last_seen,
           c.linked_confidence
    FROM linked_event_counts c JOIN event_rows r ON r.global_event_id = c.link_id
"""

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


def named_key(key: str, name: str | None, state: bool) -> str:
    """A side coded only by its country but named by the coder, known by that name too: "USA~donald trump".

    The actor code of a person or organisation the dictionary does not list is its country alone, so in
    PolNeAR's 2016 campaign reports Donald Trump, Hillary Clinton and "the Trump campaign" are all USA, and
    "Trump attacks Clinton" could not tell one candidate from the other; the name the coder resolved
    (an antecedent's, for "he") is the identity the issue asks linking to use where it is known. A side
    that is the country itself ("Russia", ``state``), or has a sector, keeps its code.
    """
    if state or not name or not name.strip() or _BARE.fullmatch(key) is None:
        return key
    return f"{key}~{' '.join(name.lower().split())}"


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
           e.date, e.date_precision, e.location_country, e.source_name, e.target_name
    FROM events e
"""


def _link_row(values: Sequence[Any], rules: LinkRules) -> LinkRow:
    (doc_id, event_id, gid, root, mode, cameo, s_code, s_country, s_sector, s_words,
     t_code, t_country, t_sector, t_words, date, precision, place, s_name, t_name) = values
    lo, hi, tol = date_interval(date, precision, rules)
    source, target = side_key(s_code, s_country, s_sector, s_words), side_key(t_code, t_country, t_sector, t_words)
    states = (is_state(source, s_words), is_state(target, t_words))
    if rules.named_actors:
        source = named_key(source, s_name, states[0])
        target = named_key(target, t_name, states[1])
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


# The lookup table: where linking finds the candidates of a new mention without reading its whole
# block. One row per (lookup key, signature, linked event): a signature is what ``compatible`` reads
# of a mention besides its block (code, date interval, tolerance, place), so the mentions of one linked
# event that share a signature need one row, not one each (thirty reports of one summit: one row).
# The lookup key is the block and a month the mention's date may reach ("block#2022-09"; an undated
# mention: "block#undated"), so a lookup reads one block's month, however long the store's history.
# Each row also carries the key of its linked event's earliest mention (whose ``gid`` is the link_id),
# so a new mention knows whether it comes first without reading event_links.
LINK_LOOKUP = (
    """CREATE TABLE IF NOT EXISTS event_link_keys (
        lookup VARCHAR NOT NULL,      -- block # month the mention's date may reach, or block # undated
        cameo VARCHAR NOT NULL,
        lo DATE, hi DATE,
        tol INTEGER NOT NULL,
        place VARCHAR,
        link_id BIGINT NOT NULL,      -- the linked event
        first_lo DATE,                -- its earliest mention: date, doc_id, event_id
        first_doc VARCHAR NOT NULL,
        first_event VARCHAR NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS event_link_keys_lookup ON event_link_keys (lookup)",
    "CREATE INDEX IF NOT EXISTS event_link_keys_link ON event_link_keys (link_id)",
    "CREATE INDEX IF NOT EXISTS event_links_link ON event_links (link_id)",
    # a document's mentions, read back to be linked: the (doc_id, event_id) key serves no lookup by doc_id
    # alone, which scanned events (51 ms a document at a million events with hashed doc ids; 2 ms indexed)
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
)

_COLUMNS = "doc_id, event_id, gid, link_id, block, cameo, lo, hi, tol, place"
_KEY_COLUMNS = "lookup, cameo, lo, hi, tol, place, link_id, first_lo, first_doc, first_event"
_UNDATED = "undated"

# (undated last, date, doc_id, event_id): the order that picks a linked event's earliest mention
_Order = tuple[bool, dt.date, str, str]
# what ``compatible`` reads of a mention besides its block: cameo, lo, hi, tol, place
_Signature = tuple[str, dt.date | None, dt.date | None, int, str | None]


def _order(lo: dt.date | None, doc_id: str, event_id: str) -> _Order:
    return (lo is None, lo or dt.date.min, doc_id, event_id)


def _signature(row: LinkRow) -> _Signature:
    return (row.cameo, row.lo, row.hi, row.tol, row.place)


def _months(lo: dt.date, hi: dt.date) -> list[str]:
    """The months from ``lo``'s to ``hi``'s, as "YYYY-MM"."""
    out: list[str] = []
    year, month = lo.year, lo.month
    while (year, month) <= (hi.year, hi.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return out


def _lookups(block: str, lo: dt.date | None, hi: dt.date | None, reach: dt.timedelta) -> list[str]:
    """The lookup keys of a mention: its block with each month its date reaches, widened by ``reach``.

    A mention is stored under the months of [lo - reach, hi + reach] and looks up the months of
    [lo, hi] (``reach`` zero): when two mentions are compatible, a day of the one's interval lies in the
    other's widened one, so they share that day's month.
    """
    if lo is None or hi is None:
        return [f"{block}#{_UNDATED}"]
    start = lo - reach if lo > dt.date.min + reach else dt.date.min
    end = hi + reach if hi < dt.date.max - reach else dt.date.max
    return [f"{block}#{month}" for month in _months(start, end)]


class _Forest:
    """Union-find over mention and linked-event ids (both global_event_ids)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())


@dataclass(frozen=True)
class _Stored:
    """One row of event_link_keys: a signature of a linked event, as a candidate."""

    row: LinkRow                 # the signature as a mention of the lookup's block (no doc, event, gid)
    link_id: int
    first: _Order                # the linked event's earliest mention


def _values(cur: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows`` into ``table``: one INSERT per 500 rows (DuckDB binds few parameters fast)."""
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        marks = "(" + ", ".join("?" * len(chunk[0])) + ")"
        cur.execute(f"INSERT INTO {table} VALUES {', '.join([marks] * len(chunk))}",
                    [v for r in chunk for v in r])


def _bulk(cur: duckdb.DuckDBPyConnection, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows in one statement, through an Arrow table (``_bulk.insert_rows``: a VALUES
    list binds slowly)."""
    if len(rows) < 500:
        _values(cur, table, rows)
        return
    insert_rows(cur, table, rows, columns)


def _key_rows(row: LinkRow, link_id: int, first: _Order, reach: dt.timedelta) -> list[tuple[Any, ...]]:
    """The event_link_keys rows of one signature of a linked event."""
    first_lo = None if first[0] else first[1]
    return [(key, row.cameo, row.lo, row.hi, row.tol, row.place, link_id, first_lo, first[2], first[3])
            for key in _lookups(row.block, row.lo, row.hi, reach)]


def _read(cur: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, list[_Stored]]:
    """The stored signatures under ``keys``: one indexed lookup (``lookup IN (...)``), which reads
    those months of those blocks and nothing else."""
    out: dict[str, list[_Stored]] = {key: [] for key in keys}
    if not keys:
        return out
    found = cur.execute(f"SELECT DISTINCT {_KEY_COLUMNS} FROM event_link_keys WHERE lookup IN "
                        f"({', '.join('?' * len(keys))})", keys).fetchall()
    for lookup, cameo, lo, hi, tol, place, link_id, first_lo, first_doc, first_event in found:
        block = lookup.rsplit("#", 1)[0]
        row = LinkRow("", "", 0, block, cameo, lo, hi, tol, place)
        out[lookup].append(_Stored(row, link_id, _order(first_lo, first_doc, first_event)))
    return out


class LinkCache:
    """The lookup rows a writer has read, kept from one document to the next (a Store open for writing
    holds one), so a document whose blocks and months were seen before is linked without a lookup.

    A key not held is read from ``event_link_keys`` the first time a document needs it; the rows a
    document adds are added to the keys held; the keys of a block whose events were merged or renamed
    are dropped (read again when next needed). At most ``limit`` rows are held, the least recently
    used keys dropped first, so memory stays bounded however big the store. The cache is right while
    its Store is the file's only writer and its transactions commit: the Store clears it when one rolls
    back, and :func:`link_all` (or a document linked without this cache) clears every cache.
    """

    def __init__(self, path: str, limit: int = 200_000) -> None:
        self.path = path
        self.limit = limit
        self._keys: OrderedDict[str, list[_Stored]] = OrderedDict()
        self._by_block: dict[str, set[str]] = {}
        self._size = 0
        _CACHES.add(self)

    def clear(self) -> None:
        self._keys.clear()
        self._by_block.clear()
        self._size = 0

    def read(self, cur: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> dict[str, list[_Stored]]:
        """The stored signatures under ``keys``, from the cache or, for the keys not held, the store."""
        wanted = sorted(set(keys))
        missing = [key for key in wanted if key not in self._keys]
        for key, stored in _read(cur, missing).items():
            self._keys[key] = stored
            self._by_block.setdefault(key.rsplit("#", 1)[0], set()).add(key)
            self._size += len(stored) + 1
        out = {}
        for key in wanted:
            self._keys.move_to_end(key)
            out[key] = self._keys[key]
        while self._size > self.limit and len(self._keys) > len(wanted):
            self._drop(next(iter(self._keys)))
        return out

    def add(self, key: str, stored: _Stored) -> None:
        """A row written under ``key`` (kept only if the key is held: else it is read when needed)."""
        if key in self._keys:
            self._keys[key].append(stored)
            self._size += 1

    def forget_block(self, block: str) -> None:
        for key in self._by_block.pop(block, set()):
            self._size -= len(self._keys.pop(key, ())) + 1

    def _drop(self, key: str) -> None:
        self._size -= len(self._keys.pop(key)) + 1
        block = key.rsplit("#", 1)[0]
        held = self._by_block.get(block)
        if held is not None:
            held.discard(key)
            if not held:
                del self._by_block[block]


# every LinkCache alive, so that a write made without one can clear them all
_CACHES: weakref.WeakSet[LinkCache] = weakref.WeakSet()


def _forget_others(writer: LinkCache | None) -> None:
    """Clear the caches a write through ``writer`` may have made stale: the others of its file (two
    Stores of one file in one process), or, for a write without a cache, all of them."""
    for other in list(_CACHES):
        if other is not writer and (writer is None or other.path == writer.path):
            other.clear()


def event_rows(cur: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The ``events`` rows of documents as :func:`link_document` reads them, by doc_id, each document's
    in the order they were stored; one indexed query for a batch's documents."""
    out: dict[str, list[tuple[Any, ...]]] = {doc_id: [] for doc_id in doc_ids}
    ids = sorted(out)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        query = _ROW_SQL + f" WHERE e.doc_id IN ({', '.join('?' * len(chunk))}) ORDER BY e.rowid"
        for row in cur.execute(query, chunk).fetchall():
            out[row[0]].append(row)
    return out


def link_document(cur: duckdb.DuckDBPyConnection, doc_id: str, rules: LinkRules | None = None,
                  link_cache: LinkCache | None = None, gone: set[int] | None = None,
                  events: Sequence[tuple[Any, ...]] | None = None) -> int:
    """Link the mentions of a document just stored (its ``events`` rows) into the linked events, by
    ``rules`` (else the settings'); inside the caller's transaction. Returns how many linked events
    its mentions merged away (each new mention counting as one).

    Its mentions are compared with each other and with the stored signatures of their blocks and
    months (one per linked event and signature); each mention's link_id is worked out here and
    written once. Only when the document joins two stored events, or a mention comes before a stored
    event's earliest, are stored rows updated: those of the events concerned, through the link_id index.
    ``link_cache``: the writer's :class:`LinkCache` (else the lookups are read from the store).
    ``gone``: given, it receives the link_ids of the stored events merged away (their counts go).
    ``events``: its rows as :func:`event_rows` reads them, when read already (a batch's at once).
    """
    rules = _rules(rules)
    if events is None:
        events = event_rows(cur, [doc_id])[doc_id]
    rows = [_link_row(r, rules) for r in events]
    if not rows:
        return 0
    reach = rules.reach
    _forget_others(link_cache)
    if link_cache is None:
        link_cache = LinkCache("", limit=0)
    stored = link_cache.read(cur, (key for r in rows for key in _lookups(r.block, r.lo, r.hi, dt.timedelta(0))))
    forest = _Forest()
    first: dict[int, _Order] = {}  # each node's order: a new mention's own, a stored event's earliest
    same: dict[tuple[str, _Signature], int] = {}  # signatures stored already, with their linked event
    for i, row in enumerate(rows):
        first[row.gid] = _order(row.lo, row.doc_id, row.event_id)
        forest.find(row.gid)
        joined: set[int] = set()
        for key in _lookups(row.block, row.lo, row.hi, dt.timedelta(0)):
            for other in stored.get(key, ()):
                first[other.link_id] = other.first
                if other.link_id not in joined and compatible(row, other.row):
                    joined.add(other.link_id)
                    forest.union(row.gid, other.link_id)
                if _signature(other.row) == _signature(row):
                    same[(row.block, _signature(row))] = other.link_id
        for earlier in rows[:i]:
            if earlier.block == row.block and compatible(row, earlier):
                forest.union(row.gid, earlier.gid)
    new = {row.gid for row in rows}
    link_of: dict[int, int] = {}
    merged = 0
    for members in forest.components():
        head = min(members, key=first.__getitem__)
        merged += len(members) - 1
        link_of.update((m, head) for m in members)
        moved = sorted(m for m in members if m not in new and m != head)
        if moved:  # stored events joined, or one now has an earlier mention: their rows take the id
            if gone is not None:
                gone.update(moved)
            link_cache.forget_block(next(r.block for r in rows if r.gid in members))
            marks = ", ".join("?" * len(moved))
            cur.execute(f"UPDATE event_links SET link_id = ? WHERE link_id IN ({marks})", [head, *moved])
            lo = None if first[head][0] else first[head][1]
            cur.execute(f"UPDATE event_link_keys SET link_id = ?, first_lo = ?, first_doc = ?, first_event = ?"
                        f" WHERE link_id IN ({marks})", [head, lo, first[head][2], first[head][3], *moved])
    _values(cur, "event_links", [(r.doc_id, r.event_id, r.gid, link_of[r.gid], r.block, r.cameo, r.lo, r.hi,
                                  r.tol, r.place) for r in rows])
    keys: list[tuple[Any, ...]] = []
    for row in rows:
        link = link_of[row.gid]
        known = same.get((row.block, _signature(row)))
        if known is not None and link_of.get(known, known) == link:
            continue  # the event has this signature already
        same[(row.block, _signature(row))] = link
        written = _key_rows(row, link, first[link], reach)
        keys += written
        for key, *_ in written:
            link_cache.add(key, _Stored(replace(row, doc_id="", event_id="", gid=0), link, first[link]))
    if keys:
        _values(cur, "event_link_keys", keys)
    return merged


def link_all(cur: duckdb.DuckDBPyConnection, rules: LinkRules | None = None) -> int:
    """Link every stored mention from scratch by ``rules`` (else the settings'): a store written
    before linking or with other rules, or a check of the incremental result (both give the same
    components). Returns the number of linked events.

    Per block, the mentions sorted by the start of their dates are swept once: each is compared with
    the earlier ones whose dates still reach it, one per signature: a mention whose signature is open
    already and compatible with it joins that one's event and has the same edges to the others, so it
    needs no further test (a block of thousands of month-dated reports costs one test each).
    """
    _forget_others(None)
    cur.execute("DELETE FROM event_links")
    rules = _rules(rules)
    reach = rules.reach
    cur.execute("DELETE FROM event_link_keys")
    rows = [_link_row(r, rules) for r in cur.execute(_ROW_SQL).fetchall()]
    forest = _Forest()
    by_block: dict[str, list[LinkRow]] = {}
    for row in rows:
        forest.find(row.gid)
        by_block.setdefault(row.block, []).append(row)
    for members in by_block.values():
        undated: dict[_Signature, list[LinkRow]] = {}
        for r in sorted((r for r in members if r.lo is None), key=lambda r: r.gid):
            _sweep_one(forest, r, undated)
        dated = sorted((r for r in members if r.lo is not None), key=lambda r: (r.lo, r.gid))
        open_: dict[_Signature, list[LinkRow]] = {}  # per signature, the earlier mentions that may reach on
        for r in dated:
            if len(open_) > 8 and r.lo is not None:  # close the signatures whose dates end before r's reach
                open_ = {s: o for s, o in open_.items() if s[2] is None or s[2] + reach >= r.lo}
            _sweep_one(forest, r, open_)
    order = {r.gid: _order(r.lo, r.doc_id, r.event_id) for r in rows}
    link_of: dict[int, int] = {}
    for component in forest.components():
        head = min(component, key=order.__getitem__)
        link_of.update((m, head) for m in component)
    _bulk(cur, "event_links", _COLUMNS, [(r.doc_id, r.event_id, r.gid, link_of[r.gid], r.block, r.cameo,
                                          r.lo, r.hi, r.tol, r.place) for r in rows])
    keys: list[tuple[Any, ...]] = []
    done: set[tuple[str, _Signature, int]] = set()
    for row in rows:
        link = link_of[row.gid]
        if (row.block, _signature(row), link) not in done:
            done.add((row.block, _signature(row), link))
            keys += _key_rows(row, link, order[link], reach)
    _bulk(cur, "event_link_keys", _KEY_COLUMNS, keys)
    linked_counts.rebuild(cur)
    return len(set(link_of.values()))


def _sweep_one(forest: _Forest, r: LinkRow, open_: dict[_Signature, list[LinkRow]]) -> None:
    """Join ``r`` to the open mentions it is compatible with, and open it (see ``link_all``).

    A mention compatible with an open one of its own signature is compatible with just what that one
    is, so it takes that one's event and needs no other test; else it is tested against every open
    signature and opened itself.
    """
    twins = open_.setdefault(_signature(r), [])
    for twin in twins:
        if compatible(r, twin):
            forest.union(r.gid, twin.gid)
            return
    for others in open_.values():
        for other in others:
            if compatible(r, other):
                forest.union(r.gid, other.gid)
    twins.append(r)


def groups(cur: duckdb.DuckDBPyConnection) -> Iterable[frozenset[tuple[str, str]]]:
    """The linked events as sets of (doc_id, event_id), for comparing two stores."""
    out: dict[int, set[tuple[str, str]]] = {}
    for link_id, doc_id, event_id in cur.execute("SELECT link_id, doc_id, event_id FROM event_links").fetchall():
        out.setdefault(link_id, set()).add((doc_id, event_id))
    return [frozenset(g) for g in out.values()]
