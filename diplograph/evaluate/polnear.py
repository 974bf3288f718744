"""Scores the quote finder on PolNeAR (brat standoff): content F1, speaker accuracy, direct recall.

Run: ``python -m diplograph.evaluate.polnear ../shared/eval/quotes/polnear/dev``.

PolNeAR annotates every attribution: speech, but also beliefs, knowledge and what documents or polls
"show". Every one counts in the main figures. A predicted quote matches a gold one when their content
tokens have Jaccard >= 0.5 (one-to-one, best first); its speaker is right when the predicted speaker
words overlap the gold Source or name the same entity. One annotator's file is used per article.

The ``speech_`` figures score speech alone, as before quotes had an attribution: a gold attribution
is speech when its cue holds a speech word of data/cues.txt (verb or noun lemma), is "according to"
or a colon or dash introducing speech, or its content opens with a quotation mark; a predicted quote
counts when its cue is such a word (or none). Recall is also given per kind of gold attribution, the
kind read from its cue and source words (``gold_kind``): speech, belief, document, poll, or other
(the acts PolNeAR attributes that no cue list here names: "wants", "attacked", "seems").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .gold import read_gold_text
from .metrics import prf

__all__ = ["GoldQuote", "gold_kind", "read_ann", "score_polnear"]

JACCARD = 0.5
QUOTE_MARKS = "\"“”«»„"
_SPEECH_PUNCT = (":", "―", "—", "–")


@dataclass
class GoldQuote:
    """One PolNeAR attribution: content, cue and source fragments as (start, end) pairs."""

    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)


def _fragments(spec: str) -> list[tuple[int, int]]:
    pairs = []
    for piece in spec.split(";"):
        start, end = piece.split()
        pairs.append((int(start), int(end)))
    return pairs


def read_ann(path: Path) -> list[GoldQuote]:
    """The attributions of one .ann file (every one, speech or not)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in read_gold_text(path).splitlines():
        if "\t" not in line:
            continue  # the rest of a span text that holds a line break, as some train files have
        if line.startswith("T"):
            ident, body = line.split("\t")[:2]
            _label, _, spec = body.partition(" ")
            spans[ident] = _fragments(spec)
        elif line.startswith("E"):
            roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
            events.append(roles)
    quotes = []
    for roles in events:
        if "Content" not in roles:
            continue
        quotes.append(
            GoldQuote(
                spans[roles["Content"]],
                spans.get(roles.get("Cue", ""), []),
                spans.get(roles.get("Source", ""), []),
            )
        )
    return quotes


def _articles(split_dir: Path) -> Iterator[tuple[Path, Path]]:
    seen: set[str] = set()
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        yield split_dir / "text" / f"{name}.txt", ann


def _tokens(doc, fragments: list[tuple[int, int]]) -> set[int]:
    return {
        t.i for t in doc for start, end in fragments
        if t.idx < end and start < t.idx + len(t.text) and not t.is_punct and not t.is_space
    }


def _cue_lemmas(doc, gold: GoldQuote) -> set[str]:
    return {doc[i].lemma_.lower() for i in _tokens(doc, gold.cue)}


def _is_speech(doc, text: str, gold: GoldQuote, lemmas: frozenset[str]) -> bool:
    """Whether an attribution is speech as the speech-only figures count it: its cue holds a speech
    word of data/cues.txt (verb or noun), is "according to" or a colon or dash, or its content
    opens with a quotation mark."""
    content = text[gold.content[0][0] : gold.content[-1][1]].lstrip()
    if content[:1] in QUOTE_MARKS:
        return True
    cue_text = " ".join(text[s:e] for s, e in gold.cue).strip().lower()
    if cue_text in _SPEECH_PUNCT or cue_text.startswith("according to"):
        return True
    return bool(_cue_lemmas(doc, gold) & lemmas)


def gold_kind(doc, text: str, gold: GoldQuote, cues: dict[str, frozenset[str]]) -> str:
    """What a gold attribution attributes, as far as its words tell: poll when its source or cue
    names a poll ("a Quinnipiac poll found", "according to a poll"), document when they name a
    document or the cue is a finding verb ("the report found"), belief for a belief verb ("officials
    believe"), speech for a speech cue ("said", "told", "called for"), else other."""
    source = {doc[i].lemma_.lower() for i in _tokens(doc, gold.source)}
    cue = _cue_lemmas(doc, gold)
    if (source | cue) & cues.get("poll", frozenset()):
        return "poll"
    if (source | cue) & cues.get("document", frozenset()) or cue & cues.get("finding", frozenset()):
        return "document"
    stances = frozenset(e.split()[0] for e in cues.get("stance", frozenset()))
    if cue & (cues.get("belief", frozenset()) | stances):
        return "belief"
    objects = frozenset(e.split()[0] for e in cues.get("object", frozenset()))
    speech = cues.get("verb", frozenset()) | cues.get("noun", frozenset())
    if _is_speech(doc, text, gold, speech) or cue & objects:
        return "speech"
    return "other"


def _in_speech_scope(doc, quote, lemmas: frozenset[str]) -> bool:
    """Whether a predicted quote is one the speech-only figures count: no cue word, a colon or
    dash, "according to", or a speech word of data/cues.txt as its cue."""
    cue = quote.cue
    if cue is None or cue.text.strip() in _SPEECH_PUNCT or cue.text.lower().startswith("according"):
        return True
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in lemmas for t in span)


def _linked(quotes: list, text: str) -> list[list]:
    """Quotes grouped as one content: the pieces of a split direct quote share their cue.

    PolNeAR marks '“A,” he said. “B.”' as one discontinuous content; the pipeline writes the pieces
    as linked quotes (same cue, same speaker), so they are scored together as gold's fragments are;
    a piece with no cue of its own that the finder gave the previous piece's speaker joins it when
    no paragraph break lies between them.
    """
    groups: dict[object, list] = {}
    previous_key: object = None
    for quote in quotes:
        key = (quote.cue.start, quote.cue.end) if quote.kind == "direct" and quote.cue else quote.id
        last = groups[previous_key][-1] if previous_key is not None else None
        if (quote.kind == "direct" and quote.cue is None and last is not None and last.kind == "direct"
                and quote.speaker is not None and quote.speaker == last.speaker
                and "\n" not in text[last.end : quote.start]):
            key = previous_key  # '“A,” Ms. Moore said. “B.”': the piece after the cue's sentence
        groups.setdefault(key, []).append(quote)
        previous_key = key
    return list(groups.values())


def _same_entity(text: str, speaker, source: list[tuple[int, int]]) -> bool:
    if speaker is None or not source:
        return False
    if any(speaker.start < end and start < speaker.end for start, end in source):
        return True
    gold_words = set(re.findall(r"\w+", " ".join(text[s:e] for s, e in source).lower()))
    name = (speaker.name or "").lower().split()
    return bool(name) and name[-1] in gold_words and name[-1] not in ("he", "she", "the")


def _match(gold_tokens: list[set[int]], pred_tokens: list[set[int]]) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one, best Jaccard first, pairs at or over JACCARD."""
    pairs = []
    for gi, gset in enumerate(gold_tokens):
        for pi, pset in enumerate(pred_tokens):
            union = gset | pset
            if union and len(gset & pset) / len(union) >= JACCARD:
                pairs.append((len(gset & pset) / len(union), gi, pi))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _score, gi, pi in sorted(pairs, reverse=True):
        if gi not in matched and pi not in taken:
            matched[gi] = pi
            taken.add(pi)
    return matched


KINDS = ("speech", "belief", "document", "poll", "other")


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


class _Tally:
    """Counts for one scope of attributions (every one, or speech only)."""

    def __init__(self) -> None:
        self.gold = self.predicted = self.matched = 0
        self.speaker_gold = self.speaker_right = self.direct_gold = self.direct_found = 0

    def add(self, doc, text: str, golds: list[GoldQuote], predicted: list[list]) -> dict[int, int]:
        """Score one article's gold and predicted quotes; the gold -> predicted matching."""
        pred_tokens = [set().union(*(_tokens(doc, [(q.start, q.end)]) for q in group)) for group in predicted]
        matched = _match([_tokens(doc, g.content) for g in golds], pred_tokens)
        self.gold += len(golds)
        self.predicted += len(predicted)
        self.matched += len(matched)
        for gi, gold in enumerate(golds):
            direct = text[gold.content[0][0] : gold.content[-1][1]].lstrip()[:1] in QUOTE_MARKS
            self.direct_gold += direct
            if gi not in matched:
                continue
            self.direct_found += direct
            if gold.source:
                self.speaker_gold += 1
                speaker = predicted[matched[gi]][0].speaker
                self.speaker_right += _same_entity(text, speaker, gold.source)
        return matched

    def figures(self, prefix: str = "") -> dict[str, int | float]:
        precision, recall, f1 = prf(self.matched, self.predicted - self.matched, self.gold - self.matched)
        counts = dict(vars(self))
        return {
            **{prefix + k: v for k, v in counts.items()},
            prefix + "precision": round(precision, 3),
            prefix + "recall": round(recall, 3),
            prefix + "f1": round(f1, 3),
            prefix + "speaker_accuracy": _ratio(self.speaker_right, self.speaker_gold),
            prefix + "direct_recall": _ratio(self.direct_found, self.direct_gold),
        }


def score_polnear(split_dir: Path, nlp=None) -> dict:
    """Content P/R/F1, speaker accuracy on matched quotes and direct-quote recall over a split:
    first over every attribution, then (``speech_...``) over speech only, then recall per kind."""
    from ..annotate import load_nlp, make_doc
    from ..lexicon.cues import load_cues

    if nlp is None:
        nlp = load_nlp(components=["diplograph_actors", "diplograph_quotes"])
    cues = load_cues()
    lemmas = cues.get("verb", frozenset()) | cues.get("noun", frozenset())
    every, speech = _Tally(), _Tally()
    by_kind = {kind: [0, 0] for kind in KINDS}  # gold, found
    predicted_by_kind: dict[str, int] = {}
    articles = 0
    for text_path, ann_path in _articles(Path(split_dir)):
        text = read_gold_text(text_path)
        doc = nlp(make_doc(nlp, text, {"published": None}))
        articles += 1
        golds = read_ann(ann_path)
        predicted = _linked(doc._.quotes or [], text)
        matched = every.add(doc, text, golds, predicted)
        speech.add(doc, text, [g for g in golds if _is_speech(doc, text, g, lemmas)],
                   [group for group in predicted if _in_speech_scope(doc, group[0], lemmas)])
        for gi, gold in enumerate(golds):
            counts = by_kind[gold_kind(doc, text, gold, cues)]
            counts[0] += 1
            counts[1] += gi in matched
        for group in predicted:
            kind = group[0].attribution
            predicted_by_kind[kind] = predicted_by_kind.get(kind, 0) + 1
    return {
        "articles": articles,
        **every.figures(),
        **speech.figures("speech_"),
        **{f"gold_{kind}": gold for kind, (gold, _found) in by_kind.items()},
        **{f"recall_{kind}": _ratio(found, gold) for kind, (gold, found) in by_kind.items()},
        **{f"predicted_{kind}": n for kind, n in sorted(predicted_by_kind.items())},
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(score_polnear(Path(sys.argv[1])), indent=2))
