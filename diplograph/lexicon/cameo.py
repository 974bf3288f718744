"""The CAMEO event code table: each code's name, Goldstein value, PLOVER type and mode, quad class.

Read once from ``data/cameo.tsv`` (built by scripts/convert_cameo_verbs.py; the header there names
the source of each column), so the coder only ever picks a code and looks its facts up here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tables import rows, shipped_text

__all__ = ["CameoCode", "cameo_code", "cameo_table", "is_cameo_code", "plover_mode"]


@dataclass(frozen=True)
class CameoCode:
    """The facts one CAMEO code carries into an Event."""

    code: str
    name: str
    goldstein: float | None
    plover: str | None
    quad_class: int
    mode: str | None = None  # PLOVER 2021 mode ("visit", "release", "demo"), when PLOVER gives one

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code in ``data/cameo.tsv``, by code."""
    text = shipped_text("cameo.tsv")
    table: dict[str, CameoCode] = {}
    for _, (code, name, goldstein, plover, quad, mode) in rows(text, "diplograph/data/cameo.tsv", width=6,
                                                               header="cameo\t"):
        table[code] = CameoCode(code, name, float(goldstein) if goldstein else None,
                                plover or None, int(quad), mode or None)
    return table


def cameo_code(code: str) -> CameoCode:
    """The facts of ``code``; a 4-digit code unknown to the table falls back to its 3-digit parent."""
    table = cameo_table()
    if code in table:
        return table[code]
    if code[:3] in table:
        parent = table[code[:3]]
        return CameoCode(code, parent.name, parent.goldstein, parent.plover, parent.quad_class, parent.mode)
    raise KeyError(f"unknown CAMEO event code {code!r}")


def is_cameo_code(code: str) -> bool:
    """Whether an event can carry ``code``: 3 or 4 digits, in the table or under a 3-digit parent
    there (the WEIS-era codes of old dictionaries, 223 or 903, are not)."""
    if not re.fullmatch(r"\d{3,4}", code):
        return False
    try:
        cameo_code(code)
    except KeyError:
        return False
    return True


def plover_mode(code: str) -> str | None:
    """The PLOVER 2021 mode of CAMEO ``code`` ("0841" -> "release", "042" -> "visit"), or None
    when PLOVER's CAMEO2PLOVER table gives the code no mode."""
    return cameo_code(code).mode
