"""Outlet names as datelines and bylines write them ("CNN Spanish", "AP") -> the name recorded.

The names come from the actor dictionary's media entries (data/actors/outlets.tsv), so an outlet
added there for quotes' via-chains is known to datelines too.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon.dictionary import match_key, parse_entries
from ..lexicon.tables import shipped_text

__all__ = ["load_outlets", "outlet_name"]

_FILE = "outlets.tsv"


@lru_cache(maxsize=1)
def load_outlets() -> dict[str, str]:
    """match_key(name or alias) -> canonical outlet name, for every media entry."""
    text = shipped_text("actors", _FILE)
    table: dict[str, str] = {}
    for _, (name, _code, kind, aliases, _start, _end) in parse_entries(text, f"diplograph/data/actors/{_FILE}"):
        if kind != "media":
            continue
        for written in (name, *aliases.split("|")):
            if written.strip():
                table.setdefault(match_key(written), name)
    return table


def outlet_name(alias: str) -> str | None:
    """The recorded name of the outlet ``alias`` names, or None when it is not a known outlet."""
    return load_outlets().get(match_key(alias))
