"""Actors: the open-class word lists of data/actors/groups.txt and names.txt are read once,
section by section, and a malformed line is one clear error naming the file and the line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplograph.actors import _words
from diplograph.errors import InputError

SOURCES = Path(_words.__file__).parent


def _clear() -> None:
    _words._sections.cache_clear()
    _words.word_set.cache_clear()
    _words.word_pairs.cache_clear()


def _only(text: str):
    """A stand-in for the shipped files: ``text`` as groups.txt, the other files empty."""
    return lambda _folder, name: text if name == "groups.txt" else ""


def test_a_section_given_in_two_files_is_an_error(monkeypatch):
    monkeypatch.setattr(_words, "shipped_text", lambda _folder, name: "[weapons]\nmortar\n")
    _clear()
    try:
        with pytest.raises(InputError, match=r"names\.txt, line 1"):
            _words.word_set("weapons")
    finally:
        monkeypatch.undo()
        _clear()


def test_every_section_the_actors_stage_names_is_shipped():
    named = set()
    for path in SOURCES.glob("*.py"):
        named |= set(re.findall(r'\bword_set\("(\w+)"\)', path.read_text("utf-8")))
    assert {"org_heads", "weapons", "sites", "attack_heads"} <= named
    for section in named:
        assert _words.word_set(section), section  # present, one word a line, not empty
    assert ("join", "forces") in _words.word_pairs("idioms")


def test_words_are_lower_case_as_the_tokens_they_are_matched_with():
    for section in _words._sections():
        for _origin, _number, fields in _words._sections()[section]:
            assert all(f == f.lower() for f in fields), (section, fields)


def test_a_line_of_the_wrong_width_names_the_file_and_line(monkeypatch):
    monkeypatch.setattr(_words, "shipped_text", _only("# header\n[weapons]\nartillery\tfire\n"))
    _clear()
    try:
        with pytest.raises(InputError, match=r"groups\.txt, line 3"):
            _words.word_set("weapons")
    finally:
        monkeypatch.undo()
        _clear()


def test_a_word_before_any_section_is_an_error(monkeypatch):
    monkeypatch.setattr(_words, "shipped_text", _only("artillery\n[weapons]\nmortar\n"))
    _clear()
    try:
        with pytest.raises(InputError, match=r"groups\.txt, line 1"):
            _words.word_set("weapons")
    finally:
        monkeypatch.undo()
        _clear()
