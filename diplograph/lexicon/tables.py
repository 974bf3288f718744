"""One reader for the word lists and tables: the files shipped in diplograph/data and users' files.

``shipped_text("actors", "countries.tsv")`` is a shipped file's text; ``user_text(path, "actor
file")`` a user's, with an InputError naming the file when it is missing or not UTF-8; ``rows(text,
origin)`` yields each line's (line number, TAB-separated fields), without comment lines ("#" first)
and blank lines, and reports a line with the wrong number of fields as InputError("origin, line N");
``word_sections(text)`` reads a file of word classes ("[name]" then one word a line) into frozensets.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from ..errors import InputError

__all__ = ["rows", "shipped_text", "user_text", "word_sections"]


def shipped_text(*parts: str) -> str:
    """The text of a file shipped in diplograph/data: ``shipped_text("verbs", "nouns.tsv")``."""
    return resources.files("diplograph.data").joinpath(*parts).read_text("utf-8")


def user_text(path: str | Path, what: str) -> str:
    """The text of a user's file; InputError naming it (as ``what``) when missing or not UTF-8."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), f"{what} not found")
    try:
        return p.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"{what} is not UTF-8 ({exc})") from None


def rows(text: str, origin: str, *, width: int | None = None,
         header: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, TAB-separated fields) of each line of ``text`` that is not blank, not a comment
    ("#" first) and not the column names (a line starting with ``header``). With ``width``, a line of
    another number of fields is an InputError naming ``origin`` and the line."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or (header is not None and line.startswith(header)):
            continue
        fields = line.split("\t")
        if width is not None and len(fields) != width:
            raise InputError(f"{origin}, line {number}",
                             f"expected {width} TAB-separated fields, found {len(fields)}")
        yield number, fields


def word_sections(text: str) -> dict[str, frozenset[str]]:
    """The classes of a word-list file: a line "[name]" starts a class, each other line is one word
    of it (lower-cased); blank lines and comment lines ("#" first) are skipped."""
    classes: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = classes.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(line.lower())
    return {name: frozenset(words) for name, words in classes.items()}
