"""One reader for the word lists and tables: the files shipped in diplograph/data and users' files.

``shipped_text("actors", "countries.tsv")`` is a shipped file's text; ``user_text(path, "actor
file")`` a user's, with an InputError naming the file when it is missing or not UTF-8; ``rows(text,
origin)`` yields each line's (line number, TAB-separated fields), without comment lines ("#" first)
and blank lines, and reports a line with the wrong number of fields as InputError("origin, line N");
``sections(text, origin)`` splits a file of "[name]" sections into their lines, and
``word_sections(text, origin)`` reads such a file of word classes (one word a line) into frozensets.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError

__all__ = ["Section", "rows", "sections", "shipped_text", "user_text", "word_sections"]


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


class Section(NamedTuple):
    """One "[name]" section of a word-list file: its name, the line of its heading, and the (line
    number, stripped TAB-separated fields) of each line under it."""

    name: str
    line: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def sections(text: str, origin: str) -> list[Section]:
    """The sections of a word-list file, in order: a line "[name]" starts one, each other line that
    is not blank or a comment belongs to the one above. A line before the first heading, or a
    heading given twice, is an InputError naming ``origin`` and the line."""
    headings: list[tuple[str, int]] = []
    lines: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for number, fields in rows(text, origin):
        first = fields[0].strip()
        if len(fields) == 1 and first.startswith("[") and first.endswith("]"):
            if first[1:-1] in lines:
                raise InputError(f"{origin}, line {number}", f"section {first} given twice")
            headings.append((first[1:-1], number))
            lines[first[1:-1]] = []
        elif not headings:
            raise InputError(f"{origin}, line {number}", "a word before the first [section]")
        else:
            lines[headings[-1][0]].append((number, tuple(f.strip() for f in fields)))
    return [Section(name, line, tuple(lines[name])) for name, line in headings]


def word_sections(text: str, origin: str = "word list") -> dict[str, frozenset[str]]:
    """The classes of a word-list file (see ``sections``): each line is one word, lower-cased."""
    return {section.name: frozenset("\t".join(fields).lower() for _, fields in section.rows)
            for section in sections(text, origin)}
