"""Reading PETRARCH verb dictionaries into diplograph's verb rows (hand-written snippets)."""

from __future__ import annotations

from diplograph.events.petrarch_verbs import read_petrarch_verbs, verb_file_text
from diplograph.events.verbs import load_verb_dictionary

# A validation-style dictionary: no section marks, synonym sets between the blocks, XML comments.
SNIPPET = """\
<!-- verbs written for diplograph's tests
     in PETRARCH syntax -->
&EMBARGO_WORDS
+SANCTIONS
+TRADE_BAN
+ARMS EMBARGO   # two words written with a space

--- SCOLD  [123] ---
SCOLD    # takes the block's code
LAMBAST [111]
+TELL_OFF {+TOLD_OFF +TELLING_OFF}
- * FOR &PRESSURE  [112]
- $ * + OVER SPENDING  [1121:111]   # actor slots go, the reverse code stays

&PRESSURE
+&EMBARGO_WORDS
+THREATS

--- FORGIVE  [---] ---
FORGIVE
DEBT_+RELIEVE
- * LOANS  [0331]
"""

# CAMEO.2.0.txt's layout: synonym sets before the VERB PATTERNS mark, nothing read after TRANSFORMATIONS.
CAMEO_STYLE = """\
####### SYNONYM SETS #######
&TROOPS
+SOLDIERS
+TROOPS

####### VERB PATTERNS #######
--- DEPLOY  [154] ---
DEPLOY
- * &TROOPS TO  [1541]
######## TRANSFORMATIONS ##########
- $ SAY * [010]
"""


def _forms(text: str) -> list[set[str]]:
    return [{word} for word in text.split()]


def test_blocks_verbs_and_patterns_become_rows():
    rows, synsets = read_petrarch_verbs(SNIPPET)
    assert rows == [
        ("scold", "", "123", ""),
        ("lambast", "", "111", ""),
        ("tell", "* off", "123", ""),
        ("scold|lambast", "* for &pressure", "112", ""),
        ("tell", "* off for &pressure", "112", ""),
        ("scold|lambast", "* over spending", "1121", "111"),
        ("tell", "* off over spending", "1121", "111"),
        ("relieve", "debt *", "---", ""),  # a verb of a block with no code: "debt relief" is no event
        ("forgive", "* loans", "0331", ""),
        ("relieve", "debt * loans", "0331", ""),
    ]
    # only the sets the patterns use; a set inside a set brings its words, multi-word ones joined by _
    assert synsets == {"&PRESSURE": ["arms_embargo", "sanctions", "threats", "trade_ban"]}


def test_cameo_layout_reads_only_the_verb_patterns():
    rows, synsets = read_petrarch_verbs(CAMEO_STYLE)
    assert rows == [("deploy", "", "154", ""), ("deploy", "* &troops to", "1541", "")]
    assert synsets == {"&TROOPS": ["soldiers", "troops"]}


def test_the_written_file_is_one_the_verb_dictionary_reads(tmp_path):
    rows, synsets = read_petrarch_verbs(SNIPPET)
    path = tmp_path / "scold.tsv"
    path.write_text(verb_file_text("# test verbs\nverb\tpattern\tcameo\treverse\n", rows, synsets), "utf-8")
    verbs = load_verb_dictionary((str(path),))
    assert verbs.match("scold", [], _forms("the ministry for new sanctions")).cameo == "112"
    assert verbs.match("scold", [], _forms("the ministry")).cameo == "123"
    match = verbs.match("lambast", [], _forms("the cabinet over spending"))
    assert (match.cameo, match.reverse) == ("1121", "111")
    assert verbs.match("tell", [], _forms("off the mayor for threats")).cameo == "112"


def test_a_comment_line_inside_a_synonym_set_does_not_end_it():
    text = "&MONEY\n+DOLLAR\n# the old European ones\n+GUILDER\n\n--- PAY  [070] ---\nPAY\n- * &MONEY  [071]\n"
    rows, synsets = read_petrarch_verbs(text)
    assert synsets["&MONEY"] == ["dollar", "guilder"]
    assert ("pay", "* &money", "071", "") in rows
