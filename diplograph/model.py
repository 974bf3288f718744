"""The document record every stage of diplograph reads and writes.

One module so that ingest, the spaCy components, the store, the CLI and the API all speak the same
record: the contract in ``shared/spec/output.md``. Offsets are Python ``str`` indices into
``Document.text`` (end exclusive), so every actor, event and quote can be checked against the text.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field, is_dataclass
from typing import Any

from .errors import one_line

__all__ = [
    "ATTRIBUTIONS",
    "Actor",
    "ActorRef",
    "Document",
    "Event",
    "Failure",
    "Location",
    "Mention",
    "Quote",
    "Source",
    "Span",
    "Speaker",
    "doc_id_for",
]

MODES = ("asserted", "negated", "hypothetical", "future", "question")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def doc_id_for(text: str) -> str:
    """The default document id: sha1 of the cleaned text, so the same article stores once."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Span:
    """A piece of the text: what it says and where."""

    text: str
    start: int
    end: int


@dataclass
class Actor:
    """One mention of an actor, resolved to a country and a role.

    ``kind`` is one of person, country, government, organisation, igo, media, group.
    ``sentence`` is the index into ``Document.sentences``.
    """

    id: str
    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    sentence: int | None = None


@dataclass
class ActorRef:
    """An event's source or target: the words in this sentence and the actor they resolve to."""

    text: str
    start: int
    end: int
    country: str | None
    sector: str | None
    code: str | None
    name: str | None = None
    actor: str | None = None  # id of the Actor mention this refers to


@dataclass
class Location:
    """Where an event happened, geocoded from the offline gazetteer."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Mention:
    """One place in the text that states an event; a deduplicated event keeps all of them."""

    sentence: int
    start: int
    end: int
    trigger: Span


@dataclass
class Event:
    """source -> action -> target, coded in CAMEO and PLOVER, with the evidence that supports it."""

    id: str
    sentence: int
    source: ActorRef | None
    target: ActorRef | None
    trigger: Span
    cameo: str
    root: str
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    mode: str = "asserted"
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    quote: str | None = None
    confidence: float = 0.5
    evidence: Span | None = None  # the sentence the event was read from
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Speaker:
    """Who said a quote, resolved to a named actor where the text allows."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    code: str | None = None
    actor: str | None = None


@dataclass
class Quote:
    """An attribution: words, a belief or a finding with its cue, its source and the outlets it came
    through. ``kind`` says how the words are given (direct: in quotation marks; indirect: reported);
    ``attribution`` what is attributed: speech ("said"), belief ("officials believe", "X fears"),
    document ("the report found") or poll ("according to a Quinnipiac poll")."""

    id: str
    kind: str  # direct | indirect
    text: str
    start: int
    end: int
    cue: Span | None
    speaker: Speaker | None
    via: list[str] = field(default_factory=list)
    sentence: int | None = None
    attribution: str = "speech"  # speech | belief | document | poll; records before it are speech


ATTRIBUTIONS = ("speech", "belief", "document", "poll")


@dataclass
class Document:
    """The document record: cleaned text, metadata, and what was read from it."""

    doc_id: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = "en"
    author: str | None = None
    source: str | None = None  # the input it came from (path, URL, "path:line")
    sentences: list[tuple[int, int]] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # What the reader should know about how the document was read, e.g. "language is es: no events coded".
    notes: list[str] = field(default_factory=list)
    # Set only when read back from a store (store/stories.py): the id of the document's story and its
    # related articles with why; a record made without a store has neither field.
    story: str | None = None
    related: list[dict[str, Any]] | None = None

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready record of the output contract."""
        record = _plain(self)
        record["sentences"] = [list(pair) for pair in self.sentences]
        for made_by_the_store in ("story", "related"):
            if record[made_by_the_store] is None:
                del record[made_by_the_store]
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Document:
        """Rebuild a Document from its record (as stored or printed)."""
        data = dict(record)
        data["sentences"] = [tuple(pair) for pair in data.get("sentences") or []]
        data["actors"] = [Actor(**a) for a in data.get("actors") or []]
        data["events"] = [_event_from_record(e) for e in data.get("events") or []]
        data["quotes"] = [_quote_from_record(q) for q in data.get("quotes") or []]
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})


_IMMUTABLE = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` of a record at less than half its cost (asdict took 12 ms a document
    in the process that stores them all): dataclasses become dicts, containers are copied, and only
    a value that is not a str, number, bool or None is deep-copied, as asdict copies every value."""
    if isinstance(value, _IMMUTABLE):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        items = [_plain(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)  # a namedtuple stays one
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return copy.deepcopy(value)


def _event_from_record(rec: dict[str, Any]) -> Event:
    rec = dict(rec)
    for key in ("source", "target"):
        if rec.get(key):
            rec[key] = ActorRef(**rec[key])
    rec["trigger"] = Span(**rec["trigger"])
    if rec.get("location"):
        rec["location"] = Location(**rec["location"])
    if rec.get("evidence"):
        rec["evidence"] = Span(**rec["evidence"])
    rec["mentions"] = [
        Mention(**{**m, "trigger": Span(**m["trigger"])}) for m in rec.get("mentions") or []
    ]
    return Event(**rec)


def _quote_from_record(rec: dict[str, Any]) -> Quote:
    rec = dict(rec)
    if rec.get("cue"):
        rec["cue"] = Span(**rec["cue"])
    if rec.get("speaker"):
        rec["speaker"] = Speaker(**rec["speaker"])
    return Quote(**rec)


@dataclass
class Source:
    """One raw input document before cleaning: where it came from and its bytes or text."""

    name: str  # path, URL, "path:LINE" for a JSONL line, "-" for stdin
    content: bytes | str
    kind: str | None = None  # "html", "text", or None to sniff
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    doc_id: str | None = None


@dataclass
class Failure:
    """A document that could not be processed, and why; a batch records it and goes on."""

    input: str
    problem: str

    def message(self) -> str:
        """"input: problem" on one line: control characters in either (a file name with a newline, a
        server's redirect chain) are escaped as Python writes them (\\n, \\x1b); ``input`` is kept as is."""
        return f"{one_line(self.input)}: {one_line(self.problem)}"
