"""Attribution cues: the speech, belief, finding and via words of data/cues.txt, by kind.

Read by the quotes stage (to find reported speech) and by the evaluation of quote attribution.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["load_cues"]


@lru_cache(maxsize=8)
def load_cues(extra_files: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """Cue lemmas by kind (verb, noun, via) from data/cues.txt and any user files of its form."""
    lines = resources.files("diplograph.data").joinpath("cues.txt").read_text("utf-8").splitlines()
    for path in extra_files:
        with open(path, encoding="utf-8") as handle:
            lines.extend(handle.read().splitlines())
    kinds: dict[str, set[str]] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        kind, lemma = line.split("\t", 1)
        kinds.setdefault(kind.strip(), set()).add(lemma.strip().lower())
    return {kind: frozenset(lemmas) for kind, lemmas in kinds.items()}
