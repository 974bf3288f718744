"""Plain article text: scraper furniture out; headline, byline and dateline outlet read off as metadata.

Scraped text carries the site around the article (share buttons, "Related Articles", comment
forms) and the article's own furniture (headline, "By ..." and "Reporting by ..." credits). The
events and quotes must be read from the article alone, and offsets point into what is left. Mostly
whole lines are removed; inside a line only furniture the page set into the sentence is cut out
(a hover card's name and headlines, a "Click To Tweet" button), and a dateline run into the first
word gets its space back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from ..lexicon.tables import rows, shipped_text, user_text
from ._outlets import outlet_name

__all__ = ["CleanText", "Furniture", "clean_text", "load_furniture", "normalise_whitespace"]

_HSPACE = re.compile(r"[^\S\n]+")
_BLANKS = re.compile(r"\n{3,}")
_KEY_STRIP = " \t•·*▪►▶-–—|>»›:.!"
_PREFIX_MAX_WORDS = 25
_CLOSERS = "”’\"')]»"
_SPACES = re.compile(r" {2,}")
# A parenthesised dateline run into the lead's first word, as trafilatura joins CNN's
# "Hong Kong (CNN Business)A muddled view of US-China trade talks...": the space comes back.
_GLUED_DATELINE = re.compile(r"^([A-Z][^()\n]{0,60}\([A-Z][^()\n]{0,40}\))(?=[A-Z“\"])")

# Trailing credit lines: "With information from A, B and C", "(Reporting by A in Kyiv; Editing by B)".
_CREDIT_ROLE = re.compile(
    r"(?i)^(with information from|with reporting (?:from|by)|(?:additional )?reporting by|reported by"
    r"|writing by|written by|compiled by|story by|text by|(?:editing|edited) by)\s+(.+)$"
)
_EDITING = ("editing by", "edited by")
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z].*$")
# "By Jane Doe", "By Jane Doe and John Roe | Reuters": capitalised words and name particles only.
_BY = re.compile(r"^By\s+(.+)$")
_BY_SUFFIX = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w.'’-]*|[A-Z]\.|and|&|de|da|del|della|di|do|dos|van|von|der|den|la|le|du|bin|al|el|y)$")
# Leading dateline naming its outlet: "(CNN Spanish) —", "MOSCOW (Reuters) -", "KYIV, Ukraine (AP) —".
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]*[A-ZÀ-ÖØ-Þ.](?:,\s*[A-Z][\w.]*(?:\s+[A-Z0-9][\w.]*){0,3})?\s+)?"
    r"\((?P<outlet>[A-Z][^()\n]{0,40})\)\s*(?:—|–|-{1,2}|:)\s"
)


@dataclass(frozen=True)
class CleanText:
    """The article text and the metadata read off it (None where the text said nothing)."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Furniture:
    """Furniture phrases by kind (see data/boilerplate.txt), casefolded."""

    lines: frozenset[str]
    line_prefixes: tuple[str, ...]
    line_patterns: tuple[re.Pattern[str], ...]
    cuts: frozenset[str]
    cut_prefixes: tuple[str, ...]
    spans: tuple[re.Pattern[str], ...] = ()


@lru_cache(maxsize=8)
def load_furniture(extra_files: tuple[str, ...] = ()) -> Furniture:
    """The furniture phrases of data/boilerplate.txt and any extra files of that format."""
    texts = [("diplograph/data/boilerplate.txt", shipped_text("boilerplate.txt"))]
    texts += [(path, user_text(path, "boilerplate file")) for path in extra_files]
    kinds: dict[str, list[str]] = {"line": [], "line-prefix": [], "line-regex": [], "cut": [], "cut-prefix": [],
                                   "span-regex": []}
    for origin, text in texts:
        for number, fields in rows(text, origin, header="kind\t"):
            kind, phrase = fields[0], "\t".join(fields[1:])
            if kind not in kinds or not phrase:
                line = "\t".join(fields)
                raise InputError(f"{origin}, line {number}", f"expected KIND<TAB>PHRASE, got {line!r}")
            kinds[kind].append(phrase if kind.endswith("-regex") else phrase.casefold())
    return Furniture(
        lines=frozenset(_key(p) for p in kinds["line"]),
        line_prefixes=tuple(kinds["line-prefix"]),
        line_patterns=tuple(re.compile(p) for p in kinds["line-regex"]),
        cuts=frozenset(_key(p) for p in kinds["cut"]),
        cut_prefixes=tuple(kinds["cut-prefix"]),
        spans=tuple(re.compile(p) for p in kinds["span-regex"]),
    )


def normalise_whitespace(text: str) -> str:
    """One space between words, no trailing spaces, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def clean_text(text: str, *, title: str | None = None, headlines: tuple[str, ...] = ()) -> CleanText:
    """Article text without furniture, with its headline, byline and dateline outlet as metadata.

    A given ``title`` wins over a headline found in the text; the text's first line is still
    dropped when it repeats that title or one of ``headlines`` (e.g. the page's own title).
    """
    furniture = load_furniture()
    lines = [_without_spans(line, furniture) for line in normalise_whitespace(text).split("\n")]
    lines = _cut_trailing_block(lines, furniture)
    lines = [line for line in lines if not _is_furniture(line, furniture)]
    lines = _tidy(lines)
    headline, lines = _take_headline(lines, title, headlines)
    authors, lines = _take_credits(lines)
    body = _GLUED_DATELINE.sub(r"\1 ", "\n".join(_tidy(lines)).strip())
    dateline = _DATELINE.match(body)
    outlet = _outlet_from_dateline(dateline.group("outlet")) if dateline else None
    return CleanText(text=body, title=headline, author=", ".join(authors) or None, outlet=outlet)


def _without_spans(line: str, furniture: Furniture) -> str:
    """The line with furniture set inside it cut out; a pattern's group "keep", if it matched, stays."""
    before = line
    for pattern in furniture.spans:
        line = pattern.sub(_kept, line)
    return line if line == before else _SPACES.sub(" ", line).strip()


def _kept(match: re.Match[str]) -> str:
    return (match.group("keep") or "") if "keep" in match.re.groupindex else ""


def _key(line: str) -> str:
    return line.strip(_KEY_STRIP).casefold()


def _is_furniture(line: str, furniture: Furniture) -> bool:
    key = _key(line)
    if not key:
        return False
    if key in furniture.lines:
        return True
    if len(key.split()) <= _PREFIX_MAX_WORDS and any(
        key.startswith(p) or key == p.rstrip(":") for p in furniture.line_prefixes
    ):
        return True
    return any(p.fullmatch(line) for p in furniture.line_patterns)


def _is_cut(line: str, furniture: Furniture) -> bool:
    key = _key(line)
    if key in furniture.cuts:
        return True
    return len(key.split()) <= _PREFIX_MAX_WORDS and any(
        key.startswith(p) or key == p.rstrip(":") for p in furniture.cut_prefixes
    )


def _cut_trailing_block(lines: list[str], furniture: Furniture) -> list[str]:
    """Drop everything from the first cut marker that has more article above it than below."""
    sizes = [len(line) for line in lines]
    total = sum(sizes)
    above = 0
    for index, line in enumerate(lines):
        if above and _is_cut(line, furniture) and above >= total - above - sizes[index]:
            return lines[:index]
        above += sizes[index]
    return lines


def _tidy(lines: list[str]) -> list[str]:
    """Collapse the blank lines left where lines were removed; none at either end."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _take_headline(lines: list[str], title: str | None, headlines: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """A short first paragraph with no final period is the headline: it leaves the text."""
    if len(lines) < 3 or lines[1]:
        return title, lines
    first = lines[0]
    if title is not None or headlines:
        same = _key(first) in {_key(t) for t in (title, *headlines) if t}
        return title, lines[2:] if same else lines
    if len(first) > 200 or len(first.split()) > 30 or first.rstrip(_CLOSERS).endswith("."):
        return None, lines
    if _DATELINE.match(first) or _BY.match(first) or _CREDIT_ROLE.match(first.strip("()")):
        return None, lines
    return first, lines[2:]


def _take_credits(lines: list[str]) -> tuple[list[str], list[str]]:
    """Authors from a leading "By ..." line and trailing "Reporting by ..." lines, which leave the text."""
    authors: list[str] = []
    content = [i for i, line in enumerate(lines) if line]
    drop: set[int] = set()
    for index in content[:3]:
        names = _by_line_names(lines[index])
        if names:
            authors += names
            drop.add(index)
            break
    for index in content[-3:]:
        credited = _credit_line_names(lines[index])
        if credited is not None:
            authors += [n for n in credited if n not in authors]
            drop.add(index)
    return authors, [line for i, line in enumerate(lines) if i not in drop]


def _by_line_names(line: str) -> list[str]:
    match = _BY.match(line)
    if not match:
        return []
    names = _BY_SUFFIX.split(match.group(1))[0].strip(" ,")
    words = names.replace(",", " ").split()
    if not words or len(words) > 12 or not all(_NAME_WORD.match(w) for w in words):
        return []
    parts = [p for p in _NAME_SPLIT.split(names) if p]
    return [p for p in parts if outlet_name(p) is None]


def _credit_line_names(line: str) -> list[str] | None:
    """Names credited for reporting or writing; None when the line is no credit line."""
    inner = line.strip().removeprefix("(").removesuffix(")").strip().rstrip(".")
    segments = [s.strip() for s in inner.split(";") if s.strip()]
    matches = [m for s in segments if (m := _CREDIT_ROLE.match(s))]
    if not segments or len(matches) < len(segments):
        return None
    names: list[str] = []
    for match in matches:
        if match.group(1).lower() in _EDITING:
            continue
        for name in _NAME_SPLIT.split(match.group(2)):
            name = _IN_PLACE.sub("", name).strip(" .")
            if _is_name(name) and name not in names:
                names.append(name)
    return names


def _is_name(text: str) -> bool:
    """Two to five capitalised words (and particles): "Sam Fossum", "Luis Jaime Acosta", not "Florida"."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) and words[0][0].isupper()


def _outlet_from_dateline(written: str) -> str | None:
    """The outlet a dateline names: the known name for an alias, else as written if it looks like one."""
    known = outlet_name(written)
    if known:
        return known
    words = written.split()
    return written if len(words) <= 4 and all(w[0].isupper() for w in words) else None
