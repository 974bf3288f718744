"""Scoring against PETRARCH-2's unit-test records, with the fictional actors they were written for.

The records (``PETR.UnitTest.records.xml``) name Middle-earth countries (Arnor ARN, Gondor GON...)
defined in PETRARCH dictionaries beside them; those are converted here into diplograph's user actor
file format (name, code, kind, aliases, from, until) and given to the pipeline for this run only.
The expected event codes come from the set's own verb dictionary (KEDS/WEIS-era codes tweaked for
the tests), so it too is converted (``events.petrarch_verbs``) and loaded over ours, deciding the
verbs it names; its rows whose codes are no CAMEO codes are left out, no event can carry them.
A record passes when every expected (source code, target code, event code) is among ours; the
root-level figure compares only the first two digits of the event code.
"""

from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..events.petrarch_verbs import read_petrarch_verbs, verb_file_text
from ..lexicon.cameo import is_cameo_code
from ..model import ActorRef, Document, Event
from .gold import read_gold_text
from .report import ERROR_KINDS, EvalResult, GoldError, describe_events, event_record

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = [
    "PetrRecord",
    "actor_code",
    "petrarch_actor_lines",
    "read_petr",
    "score_petr",
    "score_petr_documents",
    "write_actor_file",
    "write_verb_file",
]

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_TERM = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"\b(?:\d{8}|\d{6})\b")

Coding = tuple[str, str, str]


@dataclass(frozen=True)
class PetrRecord:
    """One unit-test sentence: id, date (ISO), text, expected codings (empty when no event)."""

    id: str
    date: str | None
    text: str
    codings: tuple[Coding, ...]

    def describe(self) -> str:
        return "; ".join(f"{s} -{c}-> {t}" for s, t, c in self.codings) or "no event"


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTRIBUTE.finditer(text)}


def _iso_date(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def read_petr(path: Path) -> tuple[list[PetrRecord], dict[str, str]]:
    """The records PETRARCH codes (``sentence="true"``) and the dictionary files its header names."""
    text = _COMMENT.sub("", read_gold_text(path))
    environment = {
        key: m.group(1).strip()
        for key in ("Actorfile", "Agentfile", "Verbfile")
        if (m := re.search(rf"<{key}>(.*?)</{key}>", text, re.S))
    }
    records: list[PetrRecord] = []
    for m in _SENTENCE.finditer(text):
        attributes, body = _attributes(m.group(1)), m.group(2)
        record_id = attributes.get("id", f"#{len(records) + 1}")
        if attributes.get("sentence", "true").lower() == "false":
            continue  # PETRARCH's own "not implemented" tests
        words = _TEXT.search(body)
        if words is None:
            raise InputError(f"{path}:{record_id}", "record without <Text>")
        codings = []
        for coding in _CODING.finditer(body):
            a = _attributes(coding.group(1))
            if a.get("noevents", "").lower() == "true" or "error" in a:
                continue  # no event expected (an error record: PETRARCH discards the sentence)
            if not {"sourcecode", "targetcode", "eventcode"} <= a.keys():
                raise InputError(f"{path}:{record_id}", "EventCoding without source, target and event codes")
            codings.append((a["sourcecode"], a["targetcode"], a["eventcode"]))
        records.append(PetrRecord(record_id, _iso_date(attributes.get("date")),
                                  " ".join(words.group(1).split()), tuple(codings)))
    if not records:
        raise InputError(str(path), "no <Sentence> records: not a PETRARCH validation file")
    return records, environment


# -- PETRARCH actor dictionary -> diplograph user actor file -------------------------------------


def _petrarch_date(value: str) -> str:
    """PETRARCH's YYMMDD or YYYYMMDD as ISO; two-digit years 00-29 are 20xx, as in PETRARCH."""
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year < 30 else 1900 + year}{value[2:]}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def _terms(line: str) -> list[tuple[str, str, str]]:
    """The ``[CODE dates]`` terms of a line as (code, from, until); unknown codes (---) dropped."""
    terms = []
    for body in _TERM.findall(line):
        parts = body.split(None, 1)
        if not parts or not re.fullmatch(r"[A-Za-z]{3,}", parts[0]):
            continue  # [---], [+++], [ELR/GAL]: no usable code
        when = parts[1] if len(parts) > 1 else ""
        dates = [_petrarch_date(d) for d in _DATE.findall(when)]
        start = until = ""
        if when.strip().startswith("<") and dates:
            until = dates[0]
        elif when.strip().startswith(">") and dates:
            start = dates[0]
        elif len(dates) == 2:
            start, until = dates
        terms.append((parts[0].upper(), start, until))
    return terms


def _phrase_pattern(name: str) -> re.Pattern[str]:
    """PETRARCH's match of a dictionary phrase: words in order, the last one a stem unless ``_``-ended."""
    exact = name.endswith("_")
    words = [w for w in re.split(r"[_\s]+", name.strip("_ ")) if w]
    body = r"\s+".join(re.escape(w) for w in words)
    tail = r"(?![\w])" if exact else r"[\w-]*"
    return re.compile(rf"(?<![\w]){body}{tail}", re.I)


def _kind(code: str) -> str:
    if len(code) == 3:
        return "country"
    if code.startswith("IGO"):
        return "igo"
    if code[3:6] in {"GOV", "MIL", "LEG", "JUD", "COP"}:
        return "government"
    return "organisation"


def petrarch_actor_lines(dictionary: str, texts: Iterable[str]) -> list[str]:
    """PETRARCH actor entries as lines of diplograph's user actor file.

    A PETRARCH name matches any word starting with its last word (``ERIADOR`` matches "Eriadori")
    unless it ends in ``_``; the user file lists exact names, so each entry is written with the
    forms of it that occur in ``texts`` (the sentences about to be coded) as aliases.
    """
    text = _COMMENT.sub("", dictionary)
    entries: list[tuple[list[str], list[tuple[str, str, str]]]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        if line[0] in " \t":
            if entries:
                entries[-1][1].extend(_terms(line))
            continue
        name = _TERM.sub("", line).strip()
        if name.startswith("+") and entries:
            entries[-1][0].append(name[1:].strip())
            entries[-1][1].extend(_terms(line))
        else:
            entries.append(([name], _terms(line)))
    corpus = "\n".join(texts)
    lines = []
    for names, terms in entries:
        forms: dict[str, None] = {}
        for name in names:
            forms.update(dict.fromkeys(m.group() for m in _phrase_pattern(name).finditer(corpus)))
        # the name as the texts write it, else as the dictionary does
        canonical = next(iter(forms), " ".join(re.split(r"[_\s]+", names[0].strip("_ "))))
        aliases = [f for f in forms if f != canonical]
        for code, start, until in terms:
            lines.append("\t".join([canonical, code, _kind(code), "|".join(aliases), start, until]))
    return lines


def write_actor_file(actors: Path, texts: list[str], directory: Path) -> Path:
    """Convert a PETRARCH actor dictionary into a user actor file under ``directory``."""
    lines = petrarch_actor_lines(read_gold_text(actors), texts)
    out = directory / "petrarch-actors.tsv"
    header = (f"# converted by diplograph.evaluate.petr from {actors.name} (PETRARCH-2, MIT, "
              "(c) Open Event Data Alliance) for one evaluation run\n")
    out.write_text(header + "\n".join(lines) + "\n", "utf-8")
    return out


# -- PETRARCH verb dictionary -> diplograph user verb file ---------------------------------------


def write_verb_file(verbs: Path, directory: Path) -> tuple[Path, int]:
    """Convert a PETRARCH verb dictionary into a user verb file under ``directory``.

    Returns the file and how many rows were left out: the validation dictionary keeps many WEIS
    and test-only codes (223, 903, 075A...) that are no CAMEO codes, which no event can carry.
    """
    rows, synsets = read_petrarch_verbs(read_gold_text(verbs))
    kept = [row for row in rows if all(c in ("", "---") or is_cameo_code(c) for c in row[2:])]
    used = {word for row in kept for word in row[1].split() if word.startswith("&")}
    out = directory / "petrarch-verbs.tsv"
    header = (f"# converted by diplograph.evaluate.petr from {verbs.name} (PETRARCH-2, MIT, "
              "(c) Open Event Data Alliance) for one evaluation run\nverb\tpattern\tcameo\treverse\n")
    # only the sets kept rows use: a set of the same name as a shipped one would replace it
    synsets = {name: words for name, words in synsets.items() if name.lower() in used}
    out.write_text(verb_file_text(header, kept, synsets), "utf-8")
    return out, len(rows) - len(kept)


# -- scoring -------------------------------------------------------------------------------------


def actor_code(ref: ActorRef | None) -> str | None:
    """Our actor as PETRARCH writes it: its code, or ``---`` + role when the country is unknown."""
    if ref is None:
        return None
    if ref.code and not (ref.country is None and ref.code == ref.sector):
        return ref.code
    return f"---{ref.sector}" if ref.sector else None


def _codings(events: list[Event]) -> set[Coding]:
    return {(actor_code(e.source) or "", actor_code(e.target) or "", e.cameo) for e in events}


def _root(codings: Iterable[Coding]) -> set[Coding]:
    return {(s, t, c[:2]) for s, t, c in codings}


def _error(missing: set[Coding], ours: set[Coding]) -> tuple[str, str]:
    """Why expected codings were missed: no event, other event code, or other actors."""
    if not ours:
        return "missed", "no event"
    dyads = {(s, t) for s, t, _ in missing}
    roots = {c[:2] for _, _, c in missing}
    if any((s, t) in dyads for s, t, _ in ours):
        return "type", "right actors, other event code"
    if any(c[:2] in roots for _, _, c in ours):
        return "actor", "right event root, other actors"
    return "actor", "wrong actors and event code"


def score_petr_documents(records: list[PetrRecord], documents: list[Document], origin: str,
                         cameo_codes: frozenset[str] = frozenset()) -> EvalResult:
    """Score records against the documents read from their texts (same order).

    Many records expect test-only event codes from PETRARCH's validation verb dictionary (903,
    345, 1717...); ``cameo_codes`` (the CAMEO table) lets the figures also count the records whose
    codes are all real CAMEO codes, the ones a CAMEO coder can pass.
    """
    passed = passed_root = codings_found = codings_root = expected = 0
    cameo_records = cameo_passed = cameo_passed_root = 0
    quiet = quiet_right = 0
    errors: list[GoldError] = []
    items = []
    for record, document in zip(records, documents, strict=True):
        ours = _codings(document.events)
        gold = set(record.codings)
        found = gold & ours
        found_root = _root(gold) & _root(ours)
        if gold:
            expected += len(gold)
            codings_found += len(found)
            codings_root += len(found_root)
            passed += found == gold
            passed_root += found_root == _root(gold)
            if all(c in cameo_codes for _, _, c in gold):
                cameo_records += 1
                cameo_passed += found == gold
                cameo_passed_root += found_root == _root(gold)
            if found != gold:
                kind, detail = _error(gold - found, ours)
                errors.append(GoldError(kind, record.id, record.text, record.describe(),
                                        describe_events(document.events), detail))
        else:
            quiet += 1
            quiet_right += not document.events
            if document.events:
                errors.append(GoldError("spurious", record.id, record.text, "no event",
                                        describe_events(document.events)))
        items.append({"item": record.id, "text": record.text, "gold": sorted(map(list, gold)),
                      "predicted": sorted(map(list, ours)),
                      "events": [event_record(e) for e in document.events]})
    coded = len(records) - quiet
    figures: dict[str, float | int] = {
        "records": len(records),
        "records_with_codings": coded,
        "records_passed": passed,
        "records_passed_root": passed_root,
        "pass_rate": passed / coded if coded else 0.0,
        "pass_rate_root": passed_root / coded if coded else 0.0,
        "cameo_records": cameo_records,
        "cameo_passed": cameo_passed,
        "cameo_passed_root": cameo_passed_root,
        "codings_expected": expected,
        "codings_found": codings_found,
        "codings_found_root": codings_root,
        "noevents_records": quiet,
        "noevents_correct": quiet_right,
    }
    return EvalResult(
        set=origin, format="petr", figures=figures, kinds=("missed", "actor", "type", "spurious"),
        errors=sorted(errors, key=lambda e: ERROR_KINDS.index(e.kind)),
        items=items,
        notes=[
            "a record passes when every expected (source code, target code, event code) is among "
            "ours; _root compares event codes on their first two digits",
            "cameo_*: the records whose expected event codes are all real CAMEO codes (the others "
            "use test-only codes of PETRARCH's validation verb dictionary)",
            "records PETRARCH marks sentence=\"false\" (its own unimplemented tests) are skipped; "
            "error records (discards, bad parse) count as noevents",
            "actors: the set's PETRARCH actor dictionary converted to a user actor file for this run "
            "(agents dictionary not loaded: diplograph's own role nouns are used)",
        ],
    )


def _annotate(records: list[PetrRecord], pipeline: Pipeline) -> list[Document]:
    """Annotate every record, in batches of records sharing a date, back in record order."""
    by_date: dict[str | None, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        by_date[record.date].append(i)
    documents: dict[int, Document] = {}
    for date, indices in by_date.items():
        texts = [records[i].text for i in indices]
        for i, document in zip(indices, pipeline.annotate_texts(texts, published=date), strict=True):
            documents[i] = document
    return [documents[i] for i in range(len(records))]


def score_petr(path: Path, pipeline: Pipeline | None = None, verb_files: Sequence[str] = ()) -> EvalResult:
    """Code every record with the set's own actors and verbs loaded, and score it.

    With no ``pipeline``, one is built whose dictionaries include the set's PETRARCH actor and verb
    files (named in the records' <Environment>), then the users' ``verb_files``; each verb file
    decides the verbs it names alone. A given pipeline is used as it is.
    """
    from ..lexicon.cameo import cameo_table

    records, environment = read_petr(path)
    cameo_codes = frozenset(cameo_table())
    if pipeline is not None:
        return score_petr_documents(records, _annotate(records, pipeline), str(path), cameo_codes)
    from ..annotate import load_nlp
    from ..pipeline import Pipeline

    actors = path.parent / environment.get("Actorfile", "PETR.Validate.actors.txt")
    with tempfile.TemporaryDirectory(prefix="diplograph-petr-") as tmp:
        actor_file = write_actor_file(actors, [r.text for r in records], Path(tmp))
        set_verbs: list[str] = []
        skipped = 0
        if "Verbfile" in environment:
            verb_file, skipped = write_verb_file(path.parent / environment["Verbfile"], Path(tmp))
            set_verbs.append(str(verb_file))
        # the set's verbs replace ours for the verbs they name: the expected codes assume theirs
        nlp = load_nlp([str(actor_file)], verb_files=[*set_verbs, *verb_files], replace_verbs=True)
        documents = _annotate(records, Pipeline(nlp=nlp))
    result = score_petr_documents(records, documents, str(path), cameo_codes)
    if set_verbs:
        result.notes.append(
            f"verbs: the set's PETRARCH verb dictionary ({environment['Verbfile']}) converted to a user "
            f"verb file for this run; a verb it names is coded by its rows alone, the others by "
            f"diplograph's ({skipped} of its rows have WEIS or test-only codes, no CAMEO code, and "
            f"are left out); verbs it lists inflected (SAID, HELD) never meet our lemmas")
    else:
        result.notes.append("verbs: the records name no <Verbfile>; diplograph's own verb dictionary only")
    return result
