"""Country and sector agreement of the actor stage on the PLOVER gold-standard records (GSR).

Development measurement, not a test: each GSR record names its source and target actors' text with
an ISO3/IGO code and a sector. An actor "agrees" when one of our actors overlapping the gold
text has the same country (and, separately, the same sector).

Usage: python scripts/measure_actor_countries.py PATH/TO/PLOVER_GSR_CAMEO.txt
"""

from __future__ import annotations

import json
import sys

from diplograph.annotate import load_nlp, make_doc


def main(argv: list[str]) -> int:
    records = [r for r in json.load(open(argv[1], encoding="utf-8")) if r.get("text")]
    nlp = load_nlp(components=["diplograph_actors"])
    docs = nlp.pipe(make_doc(nlp, r["text"], {"published": r.get("date")}) for r in records)
    n = found = country = sector = with_sector = 0
    wrong: list[str] = []
    for rec, doc in zip(records, docs):
        for gold in [*(rec.get("source") or []), *(rec.get("target") or [])]:
            if not isinstance(gold, dict):
                continue
            text, code = gold.get("actorText") or "", gold.get("code") or ""
            at = rec["text"].find(text) if text else -1
            if at < 0 or not code or code == "---":
                continue
            n += 1
            hits = [a for a in doc._.actors if a.start < at + len(text) and at < a.end]
            if not hits:
                continue
            found += 1
            if any(a.country == code for a in hits):
                country += 1
            elif len(wrong) < 25:
                wrong.append(f"{text!r} gold {code}, ours {[a.country for a in hits]}")
            if gold.get("sector"):
                with_sector += 1
                sector += any(a.sector == gold["sector"] for a in hits)
    print(f"gold actors located in the text: {n}; overlapping one of ours: {found} ({found / n:.1%})")
    print(f"same country: {country}/{found} ({country / max(found, 1):.1%})")
    print(f"same sector (where gold has one): {sector}/{with_sector} ({sector / max(with_sector, 1):.1%})")
    print("some disagreements:", *wrong, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
