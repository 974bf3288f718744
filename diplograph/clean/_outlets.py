"""Outlet names as datelines and bylines write them ("CNN Spanish", "AP") -> the name recorded."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["load_outlets", "outlet_name"]


@lru_cache(maxsize=8)
def load_outlets(extra_files: tuple[str, ...] = ()) -> dict[str, str]:
    """casefolded alias -> outlet, from data/outlets.tsv and any extra files of that format."""
    texts = [resources.files("diplograph.data").joinpath("outlets.tsv").read_text("utf-8")]
    texts += [open(path, encoding="utf-8").read() for path in extra_files]
    table: dict[str, str] = {}
    for text in texts:
        for line in text.splitlines():
            if not line.strip() or line.startswith("#") or line.startswith("alias\t"):
                continue
            alias, outlet = line.split("\t")
            table[alias.strip().casefold()] = outlet.strip()
    return table


def outlet_name(alias: str) -> str | None:
    """The recorded name of the outlet ``alias`` names, or None when it is not a known outlet."""
    return load_outlets().get(alias.strip().casefold())
