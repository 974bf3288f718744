"""The open-class word lists of the actors stage, read from data/actors/groups.txt and names.txt.

``word_set("org_heads")`` is one "[section]" of those files as a set of words,
``word_pairs("idioms")`` one of TAB-separated pairs; the files are read once, on first use, through
lexicon/tables.py. A section's name is unique across the files.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..errors import InputError
from ..lexicon.tables import sections, shipped_text

__all__ = ["WORD_FILES", "word_pairs", "word_set"]

# groups.txt: the nouns and verbs of the groups pass (actors/_groups.py); names.txt: those by which
# names, persons, references and the story's setting are read.
WORD_FILES = ("groups.txt", "names.txt")

Line = tuple[str, int, tuple[str, ...]]  # origin, line number, fields


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[Line, ...]]:
    """Section name -> (origin, line number, fields) of its lines, in the order of the files."""
    found: dict[str, tuple[Line, ...]] = {}
    for file in WORD_FILES:
        origin = f"diplograph/data/actors/{file}"
        for section in sections(shipped_text("actors", file), origin):
            if section.name in found:
                raise InputError(f"{origin}, line {section.line}", f"section [{section.name}] given twice")
            found[section.name] = tuple((origin, number, fields) for number, fields in section.rows)
    return found


def _lines(section: str, width: int) -> list[tuple[str, ...]]:
    """The fields of each line of ``section``; InputError naming a line of another width."""
    out = []
    for origin, number, fields in _sections()[section]:
        if len(fields) != width:
            raise InputError(f"{origin}, line {number}",
                             f"[{section}] expects {width} TAB-separated fields, found {len(fields)}")
        out.append(fields)
    return out


@cache
def word_set(section: str) -> frozenset[str]:
    """The words of one section of the word files (one word a line)."""
    return frozenset(fields[0] for fields in _lines(section, 1))


@cache
def word_pairs(section: str) -> frozenset[tuple[str, str]]:
    """The TAB-separated pairs of one section of the word files ("join<TAB>forces")."""
    return frozenset((fields[0], fields[1]) for fields in _lines(section, 2))
