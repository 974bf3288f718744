"""Date agreement by sentence on the article gold set: a broader check than matched triples.

Development measurement, not a test. Runs the product on every gold page (as
``diplograph eval SET --format articles`` does) and, for every gold event, takes our events whose
trigger lies in the gold event's sentence (whatever their actors or code). The gold event's date
agrees when one of them has its date at the gold's precision (``_date_agrees``: a gold date of
precision ``published`` is matched by the page's date). Gold events whose sentence holds none of
our events are counted apart. A second, stricter figure keeps only our events whose trigger shares a
word with the gold trigger ("grilled" / "grilled"). A third repeats the scorer's date agreement on
matched triples, but compares each matched triple with the gold event of that triple in our event's
own sentence where there is one (the scorer takes the triple's first gold event, which may be another
event of the article). With ``-v`` every disagreement is printed.

Usage: python scripts/date_agreement.py ../shared/eval/articles [-v]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from diplograph.evaluate.articles import (
    _date_agrees,
    _gold_triples,
    _html_dir,
    _predicted_triples,
    read_articles,
)
from diplograph.model import Document, Event, Failure, Source
from diplograph.pipeline import Pipeline


def _squash(text: str) -> str:
    return " ".join(text.split())


def _events_in_sentence(document: Document, sentence: str) -> list[Event]:
    """Our events whose trigger lies in the document sentence that holds the gold sentence."""
    wanted = _squash(sentence)[:80]
    found = []
    for event in document.events:
        start, end = document.sentences[event.sentence]
        ours = _squash(document.text[start:end])
        if wanted and (wanted in ours or ours[:80] in _squash(sentence)):
            found.append(event)
    return found


def main(argv: list[str]) -> int:
    set_path = Path(argv[1])
    verbose = "-v" in argv[2:]
    articles = read_articles(set_path)
    html_dir = _html_dir(set_path)
    sources = [Source(name=str(html_dir / f"{a.id}.html.gz"),
                      content=gzip.decompress((html_dir / f"{a.id}.html.gz").read_bytes()), kind="html")
               for a in articles]
    documents = Pipeline().run(sources)
    compared = agreed = without = 0
    by_trigger = [0, 0]
    matched = [0, 0]
    by_precision: dict[str, list[int]] = {}
    for article, document in zip(articles, documents):
        if isinstance(document, Failure):
            print(f"{article.key}: {document.problem}", file=sys.stderr)
            continue
        gold_triples = _gold_triples(article)
        for triple, events in _predicted_triples(document).items():
            if triple not in gold_triples:
                continue
            matched[1] += 1
            golds = gold_triples[triple]
            pairs = [(g, e) for g in golds for e in events
                     if _events_in_sentence(document, g.get("sentence") or "").count(e)]
            pairs = pairs or [(golds[0], e) for e in events]
            matched[0] += any(_date_agrees(g, e, document.published) for g, e in pairs)
        for gold in article.events:
            ours = _events_in_sentence(document, gold.get("sentence") or "")
            if not ours:
                without += 1
                continue
            compared += 1
            ok = any(_date_agrees(gold, e, document.published) for e in ours)
            agreed += ok
            words = set((gold.get("trigger") or "").lower().split())
            same = [e for e in ours if words & set(e.trigger.text.lower().split())]
            if same:
                by_trigger[1] += 1
                by_trigger[0] += any(_date_agrees(gold, e, document.published) for e in same)
            tally = by_precision.setdefault(gold.get("date_precision") or "day", [0, 0])
            tally[0] += ok
            tally[1] += 1
            if verbose and not ok:
                got = ", ".join(f"{e.trigger.text}={e.date} {e.date_precision}" for e in ours)
                print(f"[{article.key} pub {document.published}] gold «{gold.get('trigger')}» "
                      f"{gold.get('date')} {gold.get('date_precision')}; ours {got}\n    {gold.get('sentence')}")
    print(f"date agreement by sentence: {agreed}/{compared} = {agreed / compared:.3f} "
          f"({without} gold events have no event of ours in their sentence)")
    print(f"date agreement on matched triples, gold event of the same sentence: {matched[0]}/{matched[1]}"
          f" = {matched[0] / max(1, matched[1]):.3f}")
    print(f"date agreement by trigger: {by_trigger[0]}/{by_trigger[1]} = {by_trigger[0] / max(1, by_trigger[1]):.3f}")
    for precision, (ok, n) in sorted(by_precision.items()):
        print(f"  gold {precision:<9} {ok}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
