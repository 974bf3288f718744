"""The event coder's open-class word lists are sections of the shipped data/events/words.txt."""

import pytest

from diplograph.events._words import role_kinds, word_list
from diplograph.lexicon.tables import shipped_text


def test_the_open_class_word_lists_are_read_from_the_shipped_data_file():
    assert "say" in word_list("speech_verbs") and "launch" in word_list("light_verbs")
    assert "statement" in word_list("document_nouns") and "stag" in word_list("light_verbs")
    assert "communiqué" in word_list("document_nouns")  # UTF-8, not only ASCII


def test_the_word_file_names_its_source_in_a_header():
    assert shipped_text("events", "words.txt").startswith("# diplograph open-class word lists")


def test_an_unknown_word_list_is_a_key_error():
    with pytest.raises(KeyError):
        word_list("no_such_list")


def test_a_role_noun_refers_to_the_kinds_of_actor_its_sections_name():
    assert set(role_kinds()["government"]) == {"government", "country", "person"}
    assert role_kinds()["president-elect"] == ("person",)
