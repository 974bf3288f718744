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


def test_japanese_mixing_kana_kanji_and_latin_words():
    # No script writes half the letters alone; kana and kanji together do.
    text = ("Kindle for PCをCtrl＋Alt＋Kのショートカットキーで立ち上がらなくする方法。"
            "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、"
            "パソコンで読みたいこともあります。")
    assert detect_language(text).code == "ja"
    assert detect_language("日本の岸田文雄首相は火曜日、ワシントンでバイデン大統領と会談した。").code == "ja"
    assert detect_language("中国外交部发言人周二表示，中方坚决反对美国对台湾出售武器。").code == "zh"
