"""The open-class word lists of the actors stage, read from data/actors/groups.txt.

``words("org_heads")`` is one "[section]" of the file as a set of words, ``pairs("idioms")`` one of
TAB-separated pairs; the file is read once, on first use, through lexicon/tables.py.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..errors import InputError
from ..lexicon.tables import rows, shipped_text

__all__ = ["pairs", "words"]

GROUPS_FILE = "groups.txt"
_ORIGIN = f"diplograph/data/actors/{GROUPS_FILE}"


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Section name -> (line number, fields) of its lines, in the order of the file."""
    sections: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    current: list[tuple[int, tuple[str, ...]]] | None = None
    for number, fields in rows(shipped_text("actors", GROUPS_FILE), _ORIGIN):
        line = fields[0].strip()
        if len(fields) == 1 and line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise InputError(f"{_ORIGIN}, line {number}", "a word before the first [section]")
        else:
            current.append((number, tuple(f.strip() for f in fields)))
    return {name: tuple(lines) for name, lines in sections.items()}


def _lines(section: str, width: int) -> list[tuple[str, ...]]:
    """The fields of each line of ``section``; InputError naming a line of another width."""
    out = []
    for number, fields in _sections()[section]:
        if len(fields) != width:
            raise InputError(f"{_ORIGIN}, line {number}",
                             f"[{section}] expects {width} TAB-separated fields, found {len(fields)}")
        out.append(fields)
    return out


@cache
def words(section: str) -> frozenset[str]:
    """The words of one section of data/actors/groups.txt (one word a line)."""
    return frozenset(fields[0] for fields in _lines(section, 1))


@cache
def pairs(section: str) -> frozenset[tuple[str, str]]:
    """The TAB-separated pairs of one section of data/actors/groups.txt ("join<TAB>forces")."""
    return frozenset((fields[0], fields[1]) for fields in _lines(section, 2))
