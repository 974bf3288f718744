"""PETRARCH verb dictionaries (CAMEO.2.0.txt, a validation suite's verbs file) as diplograph verb rows.

One reader serves both the build of the shipped ``data/verbs/petrarch2.tsv`` (scripts/
convert_cameo_verbs.py) and the evaluation on PETRARCH's unit tests, which bring their own verbs.
PETRARCH writes a block per verb synset (``--- ACCUSE [112] ---``), the verbs of the block (``ACCUSE``,
``+BREAK_DOWN``, ``WIRE_+TAP`` with the verb marked ``+``) and its patterns (``- * OF &CRIME
[1122]``), plus synonym sets (``&NAME`` then ``+WORD`` lines). The rows keep the words of a pattern
in order around ``*`` and drop PETRARCH's actor slots (``$ + % ^``) and parenthesised groups'
brackets, which the longest-pattern matching of ``verbs.py`` has no use for. Codes are returned as
written: whether they are CAMEO codes is for the caller (or the dictionary loader) to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["VerbRow", "read_petrarch_verbs", "verb_file_text"]

VerbRow = tuple[str, str, str, str]  # verb (a|b), pattern, cameo, reverse

PATTERNS_MARK = "####### VERB PATTERNS"
TRANSFORMATIONS_MARK = "######## TRANSFORMATIONS"
SYNSETS_COMMENT = "# synonym sets: &name<TAB>words (multi-word entries joined by _)\n"

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TOKEN = re.compile(r"[A-Z0-9'\-]+_?|&[A-Z0-9_]+|\*")
_CODE = re.compile(r"\[([^\]]*)\]")


def _word(raw: str) -> str:
    """PETRARCH's WORD_ (no suffix) and MULTI_WORD to our plain lower-case words."""
    return " ".join(part for part in raw.lower().rstrip("_").split("_") if part)


def _codes(field: str) -> tuple[str, str]:
    forward, _, reverse = field.strip("[] ").partition(":")
    return forward.strip(), reverse.strip()


def _synsets(lines: Iterable[str]) -> dict[str, list[str]]:
    """The ``&NAME`` blocks: each a list of ``+WORD`` lines (``+TWO WORDS`` -> ``two words``) until a
    blank line (comment lines inside it are skipped); a ``+&OTHER`` line brings in the words of the set ``&OTHER``."""
    synsets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.split()[0]
            synsets[current] = []
        elif text.startswith("+&") and current:
            synsets[current].append(text[1:].split()[0])  # another set, expanded below
        elif text.startswith("+") and current:
            synsets[current].append(_word("_".join(text[1:].split())))
        elif not line.strip():  # a blank line ends the set; a comment line inside it does not
            current = None
    for name, words in synsets.items():
        synsets[name] = _expanded(words, synsets, {name})
    return synsets


def _expanded(words: list[str], synsets: dict[str, list[str]], seen: set[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if not word.startswith("&"):
            out.append(word)
        elif (inner := _synset_name(word, synsets)) is not None and inner not in seen:
            out.extend(_expanded(synsets[inner], synsets, seen | {inner}))
    return out  # an undefined or circular set inside a set brings nothing


def _synset_name(token: str, synsets: dict[str, list[str]]) -> str | None:
    """The set a pattern's ``&NAME`` means: itself, or the ``&NAME_`` PETRARCH defined."""
    for name in (token, token + "_"):
        if name in synsets:
            return name
    return None


def _pattern(body: str, synsets: dict[str, list[str]]) -> str:
    """``$ TROOP * (TOWARD +)`` -> ``troop * toward``; an undefined synset is left out."""
    words = []
    for token in _TOKEN.findall(body.replace("{", " ").replace("}", " ")):
        if token == "*":
            words.append("*")
        elif token.startswith("&"):
            name = _synset_name(token, synsets)
            if name is not None:
                words.append(name.lower())
        else:
            words.extend(_word(token).split())
    return " ".join(words)


def _verb(head: str) -> tuple[str, str]:
    """A verb line's head -> (lemma, the pattern of its other words around ``*``).

    ``CALL_OFF`` and ``+BREAK_DOWN`` are "break" with "down" after it; ``WIRE_+TAP`` is "tap" with
    "wire" before it.
    """
    parts = [p for p in re.split(r"[_\s]+", head.strip()) if p]
    marked = next((i for i, p in enumerate(parts) if p.startswith("+") and i > 0), 0)
    words = [_word(p.lstrip("+")) for p in parts]
    before, lemma, after = words[:marked], words[marked], words[marked + 1:]
    if not before and not after:
        return lemma, ""
    return lemma, " ".join([*before, "*", *after])


def _around(pattern: str, verb_pattern: str) -> str:
    """A block's pattern for a verb with its own words (``* off``): those words go around ``*``."""
    return pattern.replace("*", verb_pattern)


def read_petrarch_verbs(text: str) -> tuple[list[VerbRow], dict[str, list[str]]]:
    """The verb rows (verb, pattern, cameo, reverse) of a PETRARCH verb dictionary, and the synonym
    sets its patterns use (``&name`` -> words, multi-word ones joined by ``_``).

    The patterns are those between the ``VERB PATTERNS`` and ``TRANSFORMATIONS`` marks of
    CAMEO.2.0.txt, or the whole file when it has none (validation dictionaries, whose synonym sets
    sit between the verb blocks). XML comments are ignored; verbs' irregular forms (``{BROKE
    BROKEN}``) are not needed, the coder matching lemmas.
    """
    lines = _COMMENT.sub("", text).splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(PATTERNS_MARK)), -1)
    end = next((i for i, line in enumerate(lines) if line.startswith(TRANSFORMATIONS_MARK)), len(lines))
    synsets = _synsets(lines[:end])
    rows: list[VerbRow] = []
    verbs: list[tuple[str, str]] = []  # (lemma, pattern of its own words) of the current block
    block_code = ("---", "")
    in_synset = False
    for line in lines[start + 1 : end]:
        text = line.split("#", 1)[0].rstrip()
        if not line.strip():
            in_synset = False
            continue
        if not text.strip():
            continue  # a comment line
        if text.startswith("&"):
            in_synset = True
        if in_synset:
            continue
        if text.startswith("---"):
            match = _CODE.search(text)
            block_code = _codes(match.group(1)) if match else ("---", "")
            verbs = []
            continue
        code_match = _CODE.search(text)
        if text.startswith("- "):
            if not code_match:
                continue
            pattern = _pattern(text[2 : code_match.start()], synsets)
            forward, reverse = _codes(code_match.group(1))
            plain = "|".join(dict.fromkeys(lemma for lemma, own in verbs if not own))
            if plain:
                rows.append((plain, pattern, forward, reverse))
            for lemma, own in verbs:
                if own:
                    rows.append((lemma, _around(pattern, own), forward, reverse))
            continue
        head = text.split("{", 1)[0].split("[", 1)[0].strip()
        if not head.lstrip("+"):
            continue
        lemma, own = _verb(head)
        forward, reverse = _codes(code_match.group(1)) if code_match else block_code
        verbs.append((lemma, own))
        rows.append((lemma, own, forward, reverse))
    seen = set()
    unique = []
    for row in rows:
        if row[2] and row not in seen and not (row[1] == "" and row[2] == "---"):
            seen.add(row)
            unique.append(row)
    used = {word for row in unique for word in row[1].split() if word.startswith("&")}
    kept = {name: sorted({w.replace(" ", "_") for w in words}) for name, words in synsets.items()
            if name.lower() in used and words}
    return unique, kept


def verb_file_text(header: str, rows: Iterable[VerbRow], synsets: dict[str, list[str]]) -> str:
    """A verb file as ``verbs.py`` reads it: ``header`` (comments and the column line), the rows, then
    the synonym sets (which come last: the loader points patterns read before them at their words)."""
    parts = [header, *("\t".join(row) + "\n" for row in rows), SYNSETS_COMMENT]
    parts += [f"{name.lower()}\t{'|'.join(words)}\t\t\n" for name, words in synsets.items()]
    return "".join(parts)
