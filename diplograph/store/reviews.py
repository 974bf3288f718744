"""Reviews of linked events: an analyst confirms, rejects (not an event) or corrects what the coder said.

A review never changes the coder's rows: it is a row of its own in ``reviews``, with who filed it
and when (UTC). It names the linked event it was filed on (``reviewed_link_id``) AND that event's
earliest mention at the time (``doc_id``, ``event_id``: the mention whose global_event_id is the
link_id, see :mod:`.linking`). Linking may later merge or split events (a new report of the
happening arrives, other linking settings): a review then belongs to whichever linked event its
mention belongs to now, so it is never lost nor left on an event that no longer exists.

A "correct" review carries at least one corrected field (source, target, cameo, mode, date); a
field it does not correct is None. "confirm" and "reject" carry none.

Every value is checked before anything is written; a bad one is an :class:`InputError` of one line
naming the field and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import duckdb

from ..errors import InputError, NotFoundError
from ..lexicon.cameo import is_cameo_code
from ..model import MODES

__all__ = [
    "CORRECTABLE",
    "MAX_COMMENT",
    "MAX_REVIEWER",
    "REVIEW_TABLE",
    "VERDICTS",
    "add_review",
    "has_table",
    "list_reviews",
    "validate",
]

VERDICTS = ("confirm", "reject", "correct")

# The fields a "correct" review may set, in the order a review lists them.
CORRECTABLE = ("source", "target", "cameo", "mode", "date")

# Caps on what a reviewer types: a comment is a note, not a document; a reviewer is a name.
MAX_COMMENT = 2000
MAX_REVIEWER = 100

REVIEW_TABLE = """
    CREATE TABLE IF NOT EXISTS reviews (
        id BIGINT PRIMARY KEY,            -- 1, 2, ... in the order reviews were filed
        reviewed_link_id BIGINT NOT NULL, -- the linked event the review was filed on
        doc_id VARCHAR NOT NULL,          -- that event's earliest mention when it was reviewed
        event_id VARCHAR NOT NULL,
        verdict VARCHAR NOT NULL,
        reviewer VARCHAR NOT NULL,
        created TIMESTAMP NOT NULL,       -- UTC
        comment VARCHAR,
        source VARCHAR, target VARCHAR, cameo VARCHAR, mode VARCHAR, date VARCHAR
    )"""

# An actor code as the coder writes them: a country, sector or both (USA, RUSGOV, IGOUNOKFR).
_ACTOR_CODE = re.compile(r"[A-Z]{3,12}")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# The review dict: the stored columns, with ``link_id`` the linked event its mention belongs to now.
_COLUMNS = ("id", "link_id", "reviewed_link_id", "doc_id", "event_id", "verdict", "reviewer", "created",
            "comment", *CORRECTABLE)
_FIELDS = f"""
    SELECT r.id, coalesce(l.link_id, r.reviewed_link_id) AS link_id, r.reviewed_link_id, r.doc_id, r.event_id,
           r.verdict, r.reviewer, r.created, r.comment, {", ".join(f"r.{c}" for c in CORRECTABLE)}"""
_SELECT = f"{_FIELDS} FROM reviews r LEFT JOIN event_links l USING (doc_id, event_id)"
# The reviews of the mentions one linked event has now: its mentions first (event_links' index on
# link_id), so a request reads the few rows of one event, not every link of the store.
_OF_EVENTS = (f"{_FIELDS} FROM (SELECT doc_id, event_id, link_id FROM event_links WHERE link_id IN ({{}})) l"
              " JOIN reviews r USING (doc_id, event_id)")


def validate(verdict: object, reviewer: object, comment: object, fields: Mapping[str, object]) -> dict[str, Any]:
    """The review's values, checked and tidied (strings stripped, empty ones None); an InputError
    of one line for the first bad one."""
    if verdict not in VERDICTS:
        raise InputError(f"verdict {verdict!r}", f"not a verdict (one of {', '.join(VERDICTS)})")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise InputError("reviewer", "who reviews must be named (a non-empty name)")
    if len(reviewer.strip()) > MAX_REVIEWER:
        raise InputError("reviewer", f"a name of at most {MAX_REVIEWER} characters")
    if comment is not None and not isinstance(comment, str):
        raise InputError("comment", "not text")
    if comment is not None and len(comment) > MAX_COMMENT:
        raise InputError("comment", f"{len(comment)} characters; a comment has at most {MAX_COMMENT}")
    checked: dict[str, Any] = {"verdict": verdict, "reviewer": reviewer.strip(),
                               "comment": comment.strip() or None if comment is not None else None}
    for name in CORRECTABLE:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name} {value!r}", "not text")
        value = value.strip() if value else None
        if value is not None:
            _check_field(name, value)
        checked[name] = value or None
    corrected = [name for name in CORRECTABLE if checked[name] is not None]
    if verdict == "correct" and not corrected:
        raise InputError("verdict 'correct'", f"names no correction (give at least one of {', '.join(CORRECTABLE)})")
    if verdict != "correct" and corrected:
        raise InputError(f"verdict {verdict!r}", f"corrects nothing, but {', '.join(corrected)} was given "
                                                 "(a correction is verdict 'correct')")
    return checked


def _check_field(name: str, value: str) -> None:
    if name in ("source", "target") and not _ACTOR_CODE.fullmatch(value):
        raise InputError(f"{name} {value!r}", "not an actor code (3 to 12 capital letters, e.g. USA, RUSGOV)")
    if name == "cameo" and not is_cameo_code(value):
        raise InputError(f"cameo {value!r}", "not a known CAMEO event code (3 or 4 digits, e.g. 042)")
    if name == "mode" and value not in MODES:
        raise InputError(f"mode {value!r}", f"not an event mode (one of {', '.join(MODES)})")
    if name == "date":
        padded = {4: f"{value}-01-01", 7: f"{value}-01"}.get(len(value), value)
        try:
            ok = bool(_DATE.fullmatch(value)) and dt.date.fromisoformat(padded) is not None
        except ValueError:
            ok = False
        if not ok:
            raise InputError(f"date {value!r}", "not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


def add_review(cur: duckdb.DuckDBPyConnection, link_id: object, checked: dict[str, Any],
               created: dt.datetime) -> dict[str, Any]:
    """File a review of linked event ``link_id`` (values from :func:`validate`) in the caller's
    transaction; the review as :func:`list_reviews` gives it."""
    if isinstance(link_id, bool) or not isinstance(link_id, int):
        raise InputError(f"event {link_id!r}", "not an event id (a whole number)")
    mention = cur.execute("SELECT doc_id, event_id FROM event_links WHERE gid = ? AND link_id = ?",
                          [link_id, link_id]).fetchone()
    if mention is None:
        raise NotFoundError(f"event {link_id}", "no such event in this store")
    (next_id,) = cur.execute("SELECT coalesce(max(id), 0) + 1 FROM reviews").fetchone() or (1,)
    cur.execute(
        f"INSERT INTO reviews (id, reviewed_link_id, doc_id, event_id, verdict, reviewer, created, comment, "
        f"{', '.join(CORRECTABLE)}) VALUES ({', '.join('?' * (8 + len(CORRECTABLE)))})",
        [next_id, link_id, *mention, checked["verdict"], checked["reviewer"], created, checked["comment"],
         *(checked[name] for name in CORRECTABLE)],
    )
    return _dicts(cur.execute(f"{_SELECT} WHERE r.id = ?", [next_id]))[0]


def list_reviews(cur: duckdb.DuckDBPyConnection, link_id: int | None = None,
                 doc_id: str | None = None) -> list[dict[str, Any]]:
    """The reviews, in the order they were filed: all; of linked event ``link_id`` (every review whose
    mention belongs to it now); of the linked events that ``doc_id`` mentions. Both: both hold."""
    if link_id is not None and (isinstance(link_id, bool) or not isinstance(link_id, int)):
        raise InputError(f"event {link_id!r}", "not an event id (a whole number)")
    if link_id is None and doc_id is None:
        return _dicts(cur.execute(f"{_SELECT} ORDER BY r.id"))
    if doc_id is None:
        return _dicts(cur.execute(f"{_OF_EVENTS.format('?')} ORDER BY r.id", [link_id]))
    events = "SELECT DISTINCT link_id FROM event_links WHERE doc_id = ?"
    params: list[Any] = [doc_id]
    if link_id is not None:
        events += " AND link_id = ?"
        params.append(link_id)
    return _dicts(cur.execute(f"{_OF_EVENTS.format(events)} ORDER BY r.id", params))


def has_table(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the file has the reviews table (an older store opened read-only has not)."""
    row = cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'reviews'").fetchone()
    return bool(row and row[0])


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    reviews = [dict(zip(_COLUMNS, row, strict=True)) for row in result.fetchall()]
    for review in reviews:
        review["created"] = review["created"].isoformat(timespec="seconds") + "Z"
    return reviews
