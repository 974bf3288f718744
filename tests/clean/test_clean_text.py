"""Plain-text cleaning: furniture out, headline/byline/dateline read off, sentences untouched."""

from __future__ import annotations

from diplograph.clean.text import clean_text, normalise_whitespace


def test_seed_loses_trailing_furniture_and_keeps_last_sentence(seed_text):
    cleaned = clean_text(seed_text)
    for furniture in ("Source link", "Related Articles", "Leave a Reply", "will not be published", "Back to top"):
        assert furniture not in cleaned.text
    assert cleaned.text.endswith("and to train foreign fighters.")


def test_seed_byline_becomes_author(seed_text):
    cleaned = clean_text(seed_text)
    assert cleaned.author == "Juan Pablo Elverdin, Richard Roth, Sam Fossum"
    assert "With information from" not in cleaned.text


def test_seed_headline_becomes_title_and_dateline_names_outlet(seed_text):
    cleaned = clean_text(seed_text)
    assert cleaned.title == "Putin says that “Colombia is a promising partner of Russia in Latin America”"
    assert cleaned.text.startswith("(CNN Spanish) — Russian President Vladimir Putin said")
    assert cleaned.outlet == "CNN en Español"


def test_seed_subheading_and_sentences_survive_unchanged(seed_text):
    cleaned = clean_text(seed_text)
    assert "\n\nPutin looks at Latin America in the midst of war\n\n" in cleaned.text
    sentence = "“Venezuela is our strategic partner and reliable ally in Latin America and globally,” Putin said."
    assert sentence in cleaned.text


def test_caller_title_wins_and_first_line_stays_when_different(seed_text):
    cleaned = clean_text(seed_text, title="Putin courts Colombia")
    assert cleaned.title == "Putin courts Colombia"
    assert cleaned.text.startswith("Putin says that “Colombia")


def test_reuters_credit_line_names_reporters_not_editors():
    text = (
        "WASHINGTON, Sept 21 (Reuters) - The United States imposed sanctions on Iran's morality police "
        "on Thursday over the death of a young woman in custody, the Treasury Department said.\n\n"
        "(Reporting by Daphne Psaledakis in Washington and Parisa Hafezi in Dubai; Editing by Howard Goller)\n\n"
        "Our Standards: The Thomson Reuters Trust Principles."
    )
    cleaned = clean_text(text)
    assert cleaned.author == "Daphne Psaledakis, Parisa Hafezi"
    assert cleaned.outlet == "Reuters"
    assert cleaned.text.endswith("the Treasury Department said.")


def test_leading_by_line_and_inline_furniture_leave_the_text():
    text = (
        "Japan protests Chinese ships near disputed islands\n\n"
        "By Kiyoshi Takenaka and Elaine Lies | Reuters\n\n"
        "TOKYO (AP) — Japan lodged a protest with China on Thursday after Chinese coast guard ships entered "
        "waters around the disputed islands.\n\n"
        "Advertisement\n\n"
        "Read more: Japan and China mark 50 years of ties\n\n"
        "A senior diplomat called the Chinese embassy to demand that the ships leave, the ministry said."
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Japan protests Chinese ships near disputed islands"
    assert cleaned.author == "Kiyoshi Takenaka, Elaine Lies"
    assert cleaned.outlet == "Associated Press"
    assert cleaned.text == (
        "TOKYO (AP) — Japan lodged a protest with China on Thursday after Chinese coast guard ships entered "
        "waters around the disputed islands.\n\n"
        "A senior diplomat called the Chinese embassy to demand that the ships leave, the ministry said."
    )


def test_an_early_related_heading_does_not_cut_the_article():
    text = (
        "Related\n\n"
        "Kenya said on Monday it was ready to lead a multinational police force in Haiti after the "
        "Security Council approved the mission.\n\n"
        "The Kenyan foreign minister said officers could deploy within weeks."
    )
    cleaned = clean_text(text)
    assert "multinational police force" in cleaned.text
    assert cleaned.text.endswith("could deploy within weeks.")


def test_a_sentence_that_starts_like_furniture_is_kept():
    text = (
        "Share prices fell in Moscow after the announcement of a partial mobilisation, traders said.\n\n"
        "Comments by Kremlin spokesman Dmitry Peskov did little to calm the markets."
    )
    assert clean_text(text).text == text


def test_whitespace_is_normalised_without_touching_words():
    raw = "  Putin  met\tXi in   Samarkand.  \r\n\r\n\r\n\r\nThey   spoke of “trade”.\u00a0 \n"
    assert normalise_whitespace(raw) == "Putin met Xi in Samarkand.\n\nThey spoke of “trade”."


def test_related_block_after_the_article_goes_with_its_headlines():
    text = (
        "Brazil and Argentina signed an agreement on Wednesday to cooperate on energy, including a gas "
        "pipeline from the Vaca Muerta field, the two foreign ministries said.\n\n"
        "The ministers also discussed trade within the Mercosur bloc.\n\n"
        "Related Articles\n\n"
        "Argentina's inflation tops 70%\n\n"
        "Lula leads Bolsonaro in new poll\n\n"
        "Tags: Brazil, Argentina, energy"
    )
    cleaned = clean_text(text)
    assert cleaned.text.endswith("The ministers also discussed trade within the Mercosur bloc.")
    assert "Lula" not in cleaned.text
