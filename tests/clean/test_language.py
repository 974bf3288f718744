"""Offline language detection: English passes, other languages are named."""

from __future__ import annotations

from diplograph.clean.language import detect_language


def test_seed_is_english(seed_text):
    assert detect_language(seed_text).code == "en"


def test_spanish_news_is_spanish():
    text = ("El presidente de Rusia, Vladimir Putin, dijo que Colombia es un socio prometedor de Rusia en "
            "América Latina y aseguró que su país está interesado en mantener relaciones amistosas con los "
            "colombianos, según los medios estatales.")
    guess = detect_language(text)
    assert (guess.code, guess.name) == ("es", "Spanish")


def test_german_french_and_portuguese():
    assert detect_language("Die Bundesregierung hat am Donnerstag mitgeteilt, dass sie die Sanktionen gegen "
                           "Russland verlängern wird, wie ein Sprecher in Berlin sagte.").code == "de"
    assert detect_language("Le président français a annoncé jeudi que la France allait livrer des canons à "
                           "l'Ukraine, selon un communiqué de l'Élysée publié dans la soirée.").code == "fr"
    assert detect_language("O presidente do Brasil disse nesta quarta-feira que o país não vai enviar armas para "
                           "a Ucrânia e que defende uma solução negociada para a guerra.").code == "pt"


def test_cyrillic_scripts():
    assert detect_language("Президент России Владимир Путин заявил во вторник, что Колумбия является "
                           "перспективным партнером.").code == "ru"
    assert detect_language("Президент України заявив, що їхні війська звільнили кілька сіл.").code == "uk"


def test_short_headline_is_not_called_foreign():
    assert detect_language("Putin meets Xi in Samarkand").code == "en"
