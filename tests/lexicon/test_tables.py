"""The one reader of word lists and tables: shipped files, users' files, and their rows."""

from __future__ import annotations

import pytest

from diplograph.errors import InputError
from diplograph.lexicon.cues import load_cues
from diplograph.lexicon.gazetteer import load_landmarks
from diplograph.lexicon.tables import rows, shipped_text, user_text, word_sections


def test_rows_skip_comments_blank_lines_and_column_names():
    text = "# CAMEO codes\n\ncameo\tname\n042\tMake a visit\n"
    assert list(rows(text, "codes.tsv", width=2, header="cameo\t")) == [(4, ["042", "Make a visit"])]


def test_a_row_of_the_wrong_width_names_file_and_line():
    with pytest.raises(InputError) as caught:
        list(rows("verb\tsay\nverb say\n", "mine.txt", width=2))
    assert caught.value.input == "mine.txt, line 2"
    assert "expected 2 TAB-separated fields, found 1" in caught.value.problem


def test_shipped_tables_read_by_their_subfolder():
    assert "\tcountry\t" in shipped_text("actors", "countries.tsv")
    assert any(fields[0] == "042" for _, fields in rows(shipped_text("cameo.tsv"), "cameo.tsv"))


def test_missing_user_file_is_named(tmp_path):
    with pytest.raises(InputError, match="landmark file not found") as caught:
        load_landmarks((str(tmp_path / "none.tsv"),))
    assert caught.value.input.endswith("none.tsv")


def test_user_file_not_utf8_is_named(tmp_path):
    path = tmp_path / "cues.txt"
    path.write_bytes("verb\tdéclarer\n".encode("latin-1"))
    with pytest.raises(InputError, match="cue file is not UTF-8"):
        user_text(path, "cue file")


def test_user_cue_file_adds_its_words(tmp_path):
    path = tmp_path / "cues.txt"
    path.write_text("# our cues\nverb\tvouchsafe\n", "utf-8")
    assert "vouchsafe" in load_cues((str(path),))["verb"]
    assert "vouchsafe" not in load_cues()["verb"]
    bad = tmp_path / "bad.txt"
    bad.write_text("verb vouchsafe\n", "utf-8")
    with pytest.raises(InputError, match=r"bad.txt, line 1"):
        load_cues((str(bad),))


def test_word_sections_read_classes_of_lower_case_words_without_comments():
    text = "# header\n[speech_verbs]\n# a comment\nSay\ntell\n\n[law_nouns]\nact\n"
    assert word_sections(text) == {"speech_verbs": frozenset({"say", "tell"}), "law_nouns": frozenset({"act"})}


def test_a_heading_given_twice_in_a_word_list_names_the_file_and_line():
    with pytest.raises(InputError, match=r"senses\.txt, line 4"):
        word_sections("[economic]\ntariff\n\n[economic]\nduty\n", "senses.txt")
