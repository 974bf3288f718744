"""Convert the public CAMEO references into diplograph's own event data files.

Writes two files under diplograph/data/:

- ``verbs/petrarch2.tsv``: the PETRARCH-2 verb dictionary (CAMEO.2.0.txt, MIT, (c) 2015 Open Event
  Data Alliance) flattened to one ``verb<TAB>pattern<TAB>cameo<TAB>reverse`` row per verb and pattern,
  synonym sets expanded inline as ``a|b|c``.
- ``cameo.tsv``: one row per CAMEO event code with its name (CAMEO_codefile.txt, MIT, (c) 2014
  Philip Schrodt), its Goldstein value (GDELT's public CAMEO.goldsteinscale.txt), its PLOVER 2021
  type and mode (CAMEO2PLOVER-2021.txt, PLOVER, CC BY-SA 4.0) and its quad class (from the root).

Usage: python scripts/convert_cameo_verbs.py [--reference DIR] [--tables DIR]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from diplograph.events.petrarch_verbs import read_petrarch_verbs, verb_file_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "diplograph" / "data"
SHARED = ROOT.parent / "shared"

VERBS_HEADER = """\
# diplograph event verb patterns, converted from PETRARCH-2 CAMEO.2.0.txt (openeventdata/petrarch2,
# commit 676801c), MIT License, Copyright (c) 2015 Open Event Data Alliance; converted 2026 by
# diplograph with scripts/convert_cameo_verbs.py (do not edit by hand: add rows to diplograph.tsv).
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions: The above copyright notice and this
# permission notice shall be included in all copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
#
# Columns: verb (lemma, lower case; a|b = each of these verbs), pattern (words around the verb "*", &set = any word of that
# synonym set (listed at the end as &set<TAB>word|word), empty =
# the verb's default code), cameo (event code, "---" = not an event), reverse (code for the
# target acting on the source, e.g. "receive an envoy" 043 -> the envoy 042 visits; may be empty).
verb\tpattern\tcameo\treverse
"""

CAMEO_HEADER = """\
# CAMEO event codes for diplograph, built 2026 with scripts/convert_cameo_verbs.py from:
#   name: CAMEO_codefile.txt, CAMEO 0.7b5 (openeventdata/text_to_CAMEO), MIT, (c) 2014 Philip Schrodt
#   goldstein: CAMEO.goldsteinscale.txt, GDELT's public Goldstein lookup (a child code without its
#     own value takes its parent's)
#   plover: CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 (openeventdata/PLOVER), CC BY-SA 4.0,
#     facts restated here with attribution; a child code takes its parent's type; root 02 (appeal)
#     is REQUEST as in PLOVER's merge of appeals and demands; root 01 (public statement) has none
#   mode: the mode column of CAMEO2PLOVER-2021.txt (same source, CC BY-SA 4.0, restated with
#     attribution: (c) Open Event Data Alliance, https://github.com/openeventdata/PLOVER); a code
#     without its own row takes its parent's; empty = PLOVER gives that code no mode
#   quad_class: from the root (01-05 verbal cooperation 1, 06-08 material cooperation 2,
#     09-13 verbal conflict 3, 14-20 material conflict 4)
cameo\tname\tgoldstein\tplover\tquad_class\tmode
"""

def _parent_value(code: str, table: dict[str, str]) -> str | None:
    for cut in range(len(code), 1, -1):
        if code[:cut] in table:
            return table[code[:cut]]
    return None


def build_cameo(tables: Path) -> list[tuple[str, str, str, str, str, str]]:
    names: dict[str, str] = {}
    for line in (tables / "CAMEO_codefile.txt").read_text("utf-8").splitlines():
        match = re.match(r"LABEL: (\d+)= (.+)", line)
        if match and match.group(1) not in names:
            names[match.group(1)] = match.group(2).strip()
    goldstein: dict[str, str] = {}
    for line in (tables / "CAMEO.goldsteinscale.txt").read_text("utf-8").splitlines()[1:]:
        code, _, value = line.partition("\t")
        if code.strip().isdigit():
            goldstein[code.strip()] = value.strip()
    plover: dict[str, str] = {"02": "REQUEST"}
    modes: dict[str, str] = {}
    for line in (tables / "CAMEO2PLOVER-2021.txt").read_text("utf-8").splitlines():
        match = re.match(r"(\d+):\s*([A-Z]+)", line)
        if match:
            plover[match.group(1)] = match.group(2)
            fields = line.split("#", 1)[0].split(",")  # "0841: RETREAT, release, legal # ..."
            modes.setdefault(match.group(1), fields[1].strip() if len(fields) > 1 else "")
    rows = []
    for code in sorted(names):
        if len(code) < 3:
            continue
        root = int(code[:2])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        rows.append((code, names[code], _parent_value(code, goldstein) or "",
                     _parent_value(code, plover) or "", str(quad), _parent_value(code, modes) or ""))
    return rows


def _known(code: str, known: set[str]) -> str:
    """A PETRARCH code missing from CAMEO 0.7b5 (e.g. 176) becomes its nearest listed parent (170)."""
    if not code or code == "---" or code in known:
        return code
    if code[:3] in known:
        return code[:3]
    return code[:2] + "0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=SHARED / "reference" / "petrarch2")
    parser.add_argument("--tables", type=Path, default=SHARED / "eval" / "events" / "reference")
    args = parser.parse_args()
    cameo = build_cameo(args.tables)
    known = {row[0] for row in cameo}
    verbs, synsets = read_petrarch_verbs((args.reference / "CAMEO.2.0.txt").read_text("utf-8"))
    verbs = [(verb, pattern, _known(code, known), _known(reverse, known)) for verb, pattern, code, reverse in verbs]
    (DATA / "verbs" / "petrarch2.tsv").write_text(verb_file_text(VERBS_HEADER, verbs, synsets), "utf-8")
    with (DATA / "cameo.tsv").open("w", encoding="utf-8") as out:
        out.write(CAMEO_HEADER)
        out.writelines("\t".join(row) + "\n" for row in cameo)
    print(f"{len(verbs)} verb patterns, {len(cameo)} CAMEO codes")


if __name__ == "__main__":
    main()
