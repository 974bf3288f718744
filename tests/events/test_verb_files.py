"""Users' verb files: checked when read, layered over the shipped patterns, given with ``--verbs``."""

from __future__ import annotations

import json

import pytest

from diplograph.cli import main
from diplograph.errors import InputError
from diplograph.events.verbs import load_verb_dictionary

HEADER = "verb\tpattern\tcameo\treverse\n"
LAMBAST = ("Turkey's foreign minister lambasted Sweden on Saturday for allowing a protest outside the "
           "Turkish embassy in Stockholm.")


def _forms(text: str) -> list[set[str]]:
    return [{word} for word in text.split()]


@pytest.mark.parametrize(("rows", "problem"), [
    ("lambast\t\t903\t\n", "line 2: '903' is not a CAMEO event code"),
    ("receive\t* envoy\t043\t04x\n", "line 2: '04x' is not a CAMEO event code"),
    ("lambast 111\n", "line 2: expected verb<TAB>pattern<TAB>cameo"),
    ("&envoys\t\t\t\n", "line 2: a synonym set needs its words"),
])
def test_a_malformed_verb_file_is_named_with_its_line(tmp_path, rows, problem):
    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + rows, "utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        load_verb_dictionary((str(path),))
    assert caught.value.input == f"{path}, line 2"


def test_a_missing_verb_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="verb file not found"):
        load_verb_dictionary((str(tmp_path / "none.tsv"),))


def test_replacing_files_decide_the_verbs_they_name(tmp_path):
    path = tmp_path / "theirs.tsv"
    path.write_text(HEADER + "restore\t\t064\t\n", "utf-8")
    ties = _forms("full diplomatic ties with gondor")
    # layered, a longer shipped phrase still wins; replacing, the file's default is all there is
    assert load_verb_dictionary((str(path),)).match("restore", [], ties).cameo == "050"
    assert load_verb_dictionary((str(path),), replace=True).match("restore", [], ties).cameo == "064"
    assert load_verb_dictionary((str(path),), replace=True).match("accuse", [], []).cameo == "112"


def test_verbs_option_codes_a_users_verb(run, tmp_path, capsys):
    assert not any(e.cameo.startswith("11") for e in run(LAMBAST, "2023-01-21")._.events)
    article = tmp_path / "article.txt"
    article.write_text(LAMBAST, "utf-8")
    mine = tmp_path / "mine.tsv"
    mine.write_text("# my verbs\n" + HEADER + "lambast\t\t111\t\n", "utf-8")
    args = ["extract", str(article), "--published", "2023-01-21", "--format", "jsonl", "--quiet"]
    assert main([*args, "--verbs", str(mine)]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events] == [("TURGOV", "111", "SWE")]
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + "lambast\t\t903\t\n", "utf-8")
    assert main([*args, "--verbs", str(bad)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"diplograph: {bad}, line 2: '903' is not a CAMEO event code (e.g. 042, 1123, or --- for none)")
