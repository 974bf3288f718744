"""Span recall of the actor stage on PLV: how often a gold source/target overlaps one of our actors.

Development measurement, not a test: PLV (snowood1/Zero-Shot-PLOVER) marks the source and target
of one event per sentence; countries are not given, so only span overlap is scored, plus how
often the overlapping actor has a country.

Usage: python scripts/measure_actor_spans.py PATH/TO/PLV_train.tsv [LIMIT]
"""

from __future__ import annotations

import csv
import sys

from diplograph.annotate import load_nlp, make_doc


def overlaps(start: int, end: int, actors) -> list:
    return [a for a in actors if a.start < end and start < a.end]


def main(argv: list[str]) -> int:
    path = argv[1]
    limit = int(argv[2]) if len(argv) > 2 else None
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))[:limit]
    nlp = load_nlp(components=["diplograph_actors"])
    docs = nlp.pipe(make_doc(nlp, r["sentence"], {"published": None}) for r in rows)
    totals = {"source": [0, 0, 0], "target": [0, 0, 0]}  # gold spans, found, with a country
    misses: list[str] = []
    for row, doc in zip(rows, docs):
        for role in ("source", "target"):
            gold = (row.get(role) or "").strip()
            at = row["sentence"].find(gold) if gold else -1
            if at < 0:
                continue
            totals[role][0] += 1
            hit = overlaps(at, at + len(gold), doc._.actors)
            if hit:
                totals[role][1] += 1
                totals[role][2] += any(a.country for a in hit)
            elif len(misses) < 40:
                misses.append(f"{role}: {gold!r}")
    for role, (n, found, country) in totals.items():
        print(f"{role}: {found}/{n} gold spans overlap an actor ({found / n:.1%}); "
              f"{country}/{found} of those have a country ({country / max(found, 1):.1%})")
    n = sum(t[0] for t in totals.values())
    found = sum(t[1] for t in totals.values())
    print(f"all: {found}/{n} ({found / n:.1%})")
    print("some misses:", *misses, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
