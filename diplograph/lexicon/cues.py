"""Attribution cues: the speech, belief, finding and via words of data/cues.txt, by kind.

Read by the quotes stage (to find reported speech) and by the evaluation of quote attribution.
"""

from __future__ import annotations

from functools import lru_cache

from .tables import rows, shipped_text, user_text

__all__ = ["load_cues"]


@lru_cache(maxsize=8)
def load_cues(extra_files: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """Cue lemmas by kind (verb, noun, via) from data/cues.txt and any user files of its form."""
    texts = [("diplograph/data/cues.txt", shipped_text("cues.txt"))]
    texts += [(path, user_text(path, "cue file")) for path in extra_files]
    kinds: dict[str, set[str]] = {}
    for origin, text in texts:
        for _, (kind, lemma) in rows(text, origin, width=2):
            kinds.setdefault(kind.strip(), set()).add(lemma.strip().lower())
    return {kind: frozenset(lemmas) for kind, lemmas in kinds.items()}
