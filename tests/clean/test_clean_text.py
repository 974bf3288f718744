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


def test_hover_cards_leave_the_sentence_they_were_set_in():
    # The Hill sets a hidden card after each politician's name: the name again, the person's latest
    # headlines separated by " | ", and a "MORE" link; trafilatura keeps it inside the sentence.
    text = (
        "A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan OmarIlhan OmarHillicon "
        "Valley: Progressives oppose funding bill over surveillance authority | Senators call for 5G security "
        "coordinator | Facebook gets questions over location tracking | Louisiana hit by ransomware attack "
        "Progressives oppose spending stopgap measure over surveillance authority extension Omar asks court to "
        "apply 'system of compassion' in sentencing man convicted of threatening her MORE (D-Minn.), the U.S. "
        "Attorney’s Office for the Western District of New York announced Monday.\n\n"
        "Rep. Alexandria Ocasio-CortezAlexandria Ocasio-CortezSanders doubles down on Bolivia 'coup,' few "
        "follow suit Hillicon Valley: Progressives oppose funding bill over surveillance authority | Senators "
        "call for 5G security coordinator MORE (D-N.Y.) shortly after the arrest linked the incident to Fox "
        "News host Jeanine Pirro’s comments on Omar’s hijab.\n\n"
        "South Dakota Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down on 'meth, we're on "
        "it' anti-drug campaign South Dakota drops pipeline protest laws after lawsuit MORE (R) is defending "
        "the state’s launch of an anti-drug campaign with the slogan “Meth, we’re on it.”"
    )
    assert clean_text(text).text == (
        "A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar (D-Minn.), the U.S. "
        "Attorney’s Office for the Western District of New York announced Monday.\n\n"
        "Rep. Alexandria Ocasio-Cortez (D-N.Y.) shortly after the arrest linked the incident to Fox News host "
        "Jeanine Pirro’s comments on Omar’s hijab.\n\n"
        "South Dakota Gov. Kristi Noem (R) is defending the state’s launch of an anti-drug campaign with the "
        "slogan “Meth, we’re on it.”"
    )


def test_a_name_said_twice_in_prose_is_no_hover_card():
    text = ("Omar said Omar would ask for MORE aid, and Rep. Ilhan Omar told reporters that Omar Ilhan, "
            "her aide, had written the letter.")
    assert clean_text(text).text == text


def test_related_teasers_prompts_and_credits_leave_the_text():
    article = ("Chinese authorities warned on Monday that Beijing would not sit idly by if the unrest in Hong "
               "Kong spread, state media reported.")
    second = "More than 2,500 Afghan civilians have been killed in the fighting so far this year, the UN said."
    furniture = [
        "SEE MORE: Hong Kong protests: 800 students under siege in university",
        "DON'T MISS",
        "China furious at Macron for Hong Kong protest jibe [INSIGHT]|",
        "Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]",
        "More:",
        "More: Trump says he will meet Kim Jong Un again",
        "Newsletter: sign up here for the daily briefing",
        "Most read in world news",
        "Subscribe to the Morning Review newsletter",
        "Get the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.",
        "If you enjoyed this article, we have a proposition for you: Join NRPLUS. Members get all of our "
        "content (including the magazine), no paywalls or content meters, complete access to the "
        "commenting section, and our new podcast.",
        "5:45 AM PST 11/19/2019 by Patrick Shanley",
    ]
    footer = [
        "SOURCE: News agencies",
        "Follow AP's full coverage of Brexit and British politics at https://www.apnews.com/Brexit",
        "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
        "Copyright 2019 The Associated Press. All rights reserved.",
    ]
    text = "\n\n".join([article, *furniture, second, *footer])
    assert clean_text(text).text == article + "\n\n" + second


def test_sentences_that_look_like_prompts_are_kept():
    text = (
        "The ministry said it would stop publishing its weekly newsletter on sanctions.\n\n"
        "“We will not back down,” the president told the crowd. [APPLAUSE]\n\n"
        "Follow-up talks are planned in Geneva, officials said."
    )
    assert clean_text(text).text == text


def test_share_button_run_into_a_sentence_is_cut_off():
    text = ("I believe the #1 enemy of online progress is the flood of information about online business "
            "tactics that bombards us every day.Click To Tweet")
    assert clean_text(text).text == text.removesuffix("Click To Tweet")


def test_dateline_run_into_the_lead_gets_its_space_back():
    text = ("Hong Kong (CNN Business)A muddled view of US-China trade talks once again seems to be weighing "
            "on investors.\n\nThe major Asian market indexes were mixed in early trading Tuesday.")
    assert clean_text(text).text.startswith("Hong Kong (CNN Business) A muddled view of US-China trade talks")
