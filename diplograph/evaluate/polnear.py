"""Scores the quote finder on PolNeAR (brat standoff): content F1, speaker accuracy, direct recall.

Run: ``python -m diplograph.evaluate.polnear ../shared/eval/quotes/polnear/dev``.

PolNeAR annotates every attribution: speech, but also beliefs, knowledge and what documents or polls
"show". Only speech counts here: an attribution is a quote when its cue contains a speech word of
data/cues.txt (verb or noun lemma, or "according to"), is a colon or dash introducing speech, or its
content opens with a quotation mark. A predicted quote matches a gold one when their content tokens
have Jaccard >= 0.5 (one-to-one, best first); its speaker is right when the predicted speaker words
overlap the gold Source or name the same entity. One annotator's file is used per article.
Because which attributions count as speech leans on the cue list, recall against every attribution
is reported beside the figures, so a longer cue list cannot flatter them unseen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .gold import read_gold_text
from .metrics import prf

__all__ = ["GoldQuote", "read_ann", "score_polnear"]

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


def _is_speech(doc, text: str, gold: GoldQuote, lemmas: frozenset[str]) -> bool:
    content = text[gold.content[0][0] : gold.content[-1][1]].lstrip()
    if content[:1] in QUOTE_MARKS:
        return True
    cue_text = " ".join(text[s:e] for s, e in gold.cue).strip().lower()
    if cue_text in _SPEECH_PUNCT or cue_text.startswith("according to"):
        return True
    return any(doc[i].lemma_.lower() in lemmas for i in _tokens(doc, gold.cue))


def _linked(quotes: list) -> list[list]:
    """Quotes grouped as one content: the pieces of a split direct quote share their cue.

    PolNeAR marks '“A,” he said. “B.”' as one discontinuous content; the pipeline writes the pieces
    as linked quotes (same cue, same speaker), so they are scored together as gold's fragments are.
    """
    groups: dict[object, list] = {}
    for quote in quotes:
        key = (quote.cue.start, quote.cue.end) if quote.kind == "direct" and quote.cue else quote.id
        groups.setdefault(key, []).append(quote)
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


def score_polnear(split_dir: Path, nlp=None) -> dict:
    """Content P/R/F1, speaker accuracy on matched quotes and direct-quote recall over a split."""
    from ..annotate import load_nlp, make_doc
    from ..quotes.indirect import load_cues

    if nlp is None:
        nlp = load_nlp(components=["diplograph_actors", "diplograph_quotes"])
    cues = load_cues()
    lemmas = cues.get("verb", frozenset()) | cues.get("noun", frozenset())
    counts = dict(gold=0, gold_other=0, predicted=0, matched=0, speaker_gold=0, speaker_right=0,
                  direct_gold=0, direct_found=0, articles=0, gold_all=0, matched_all=0)
    for text_path, ann_path in _articles(Path(split_dir)):
        text = read_gold_text(text_path)
        doc = nlp(make_doc(nlp, text, {"published": None}))
        counts["articles"] += 1
        golds = []
        for gold in read_ann(ann_path):
            if _is_speech(doc, text, gold, lemmas):
                golds.append(gold)
            else:
                counts["gold_other"] += 1
        predicted = _linked(doc._.quotes or [])
        counts["gold"] += len(golds)
        counts["predicted"] += len(predicted)
        pred_tokens = [set().union(*(_tokens(doc, [(q.start, q.end)]) for q in group)) for group in predicted]
        predicted = [group[0] for group in predicted]
        matched_gold = _match([_tokens(doc, g.content) for g in golds], pred_tokens)
        every = read_ann(ann_path)
        counts["gold_all"] += len(every)
        counts["matched_all"] += len(_match([_tokens(doc, g.content) for g in every], pred_tokens))
        counts["matched"] += len(matched_gold)
        for gi, gold in enumerate(golds):
            direct = text[gold.content[0][0] : gold.content[-1][1]].lstrip()[:1] in QUOTE_MARKS
            counts["direct_gold"] += direct
            if gi not in matched_gold:
                continue
            counts["direct_found"] += direct
            if gold.source:
                counts["speaker_gold"] += 1
                speaker = predicted[matched_gold[gi]].speaker
                counts["speaker_right"] += _same_entity(text, speaker, gold.source)
    precision, recall, f1 = prf(
        counts["matched"], counts["predicted"] - counts["matched"], counts["gold"] - counts["matched"]
    )
    return {
        **counts,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "speaker_accuracy": round(counts["speaker_right"] / counts["speaker_gold"], 3)
        if counts["speaker_gold"] else 0.0,
        "direct_recall": round(counts["direct_found"] / counts["direct_gold"], 3)
        if counts["direct_gold"] else 0.0,
        # For context: recall against every attribution, beliefs and "shows" included, which no
        # quote finder is meant to find; it does not depend on the cue list above.
        "recall_all_attributions": round(counts["matched_all"] / counts["gold_all"], 3)
        if counts["gold_all"] else 0.0,
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(score_polnear(Path(sys.argv[1])), indent=2))
