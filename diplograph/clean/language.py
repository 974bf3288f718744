"""Which language an article is in, offline: the script of its letters, then a function-word profile.

diplograph codes English only. Function words ("the", "of", "que", "der") make up a third to a half of
running text in every language and are unlike across languages, so counting them tells Spanish from
English reliably on a paragraph, with no model to download. Non-Latin scripts are told by script.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.tables import rows, shipped_text, user_text

__all__ = ["LanguageGuess", "detect_language", "load_stopwords"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Unicode script (first word of the character name) -> language code and name. Cyrillic is read as
# Russian unless letters only Ukrainian uses appear.
_SCRIPTS = {
    "ARABIC": ("ar", "Arabic"),
    "CJK": ("zh", "Chinese"),
    "HIRAGANA": ("ja", "Japanese"),
    "KATAKANA": ("ja", "Japanese"),
    "HANGUL": ("ko", "Korean"),
    "GREEK": ("el", "Greek"),
    "HEBREW": ("he", "Hebrew"),
    "DEVANAGARI": ("hi", "Hindi"),
    "THAI": ("th", "Thai"),
    "CYRILLIC": ("ru", "Russian"),
}
_UKRAINIAN = set("іїєґІЇЄҐ")
# Fewer function-word hits than this and the text is too short to call a language other than English.
_MIN_HITS = 5
# Another language must outscore English by this factor to be called.
_MARGIN = 1.5


@dataclass(frozen=True)
class LanguageGuess:
    code: str
    name: str


@lru_cache(maxsize=8)
def load_stopwords(extra_files: tuple[str, ...] = ()) -> dict[str, tuple[str, frozenset[str]]]:
    """code -> (name, function words), from data/stopwords.tsv and any extra files of that format."""
    texts = [("diplograph/data/stopwords.tsv", shipped_text("stopwords.tsv"))]
    texts += [(path, user_text(path, "stopword file")) for path in extra_files]
    table: dict[str, tuple[str, frozenset[str]]] = {}
    for origin, text in texts:
        for _, (code, name, words) in rows(text, origin, width=3, header="code\t"):
            table[code] = (name, frozenset(words.split()))
    return table


def detect_language(text: str) -> LanguageGuess:
    """The language ``text`` is written in; English when there is too little to say otherwise."""
    script = _dominant_script(text)
    if script is not None:
        return script
    table = load_stopwords()
    words = Counter(w.lower() for w in _WORD.findall(text))
    hits = {code: sum(n for w, n in words.items() if w in vocab) for code, (_, vocab) in table.items()}
    best = max(hits, key=hits.__getitem__)
    if best != "en" and hits[best] >= _MIN_HITS and hits[best] > _MARGIN * hits.get("en", 0):
        return LanguageGuess(best, table[best][0])
    return LanguageGuess("en", table["en"][0])


def _dominant_script(text: str) -> LanguageGuess | None:
    """The language whose non-Latin scripts write most of the letters, if one does.

    Japanese mixes kana with Chinese characters, none of them half the letters alone (a page of
    "Kindle for PCをCtrl＋Alt＋Kのショートカットキーで..." is 36% hiragana, 17% katakana, 17% kanji):
    the scripts count together, as one language.
    """
    scripts: Counter[str] = Counter()
    letters = 0
    for char in text[:20000]:
        if not char.isalpha():
            continue
        letters += 1
        if char.isascii():
            continue  # a Latin letter, of no script counted here
        name = unicodedata.name(char, "")
        first = name.split(" ", 1)[0]
        if first in _SCRIPTS:
            scripts[first] += 1
    if not scripts:
        return None
    kana = scripts["HIRAGANA"] + scripts["KATAKANA"]
    languages: Counter[LanguageGuess] = Counter()
    for script, count in scripts.items():
        guess = LanguageGuess(*_SCRIPTS[script])
        if script == "CJK" and kana:
            guess = LanguageGuess("ja", "Japanese")
        elif script == "CYRILLIC" and any(c in _UKRAINIAN for c in text):
            guess = LanguageGuess("uk", "Ukrainian")
        languages[guess] += count
    guess, count = languages.most_common(1)[0]
    return guess if count * 2 >= letters else None
