"""The verb pattern dictionary: the longest pattern found around the verb decides the code."""

from __future__ import annotations

from diplograph.events.verbs import load_verb_dictionary


def _forms(text: str) -> list[set[str]]:
    return [{word} for word in text.split()]


def test_particle_pattern_beats_the_verb_default():
    verbs = load_verb_dictionary()
    assert verbs.match("call", [], _forms("on ukraine and russia")).cameo == "020"
    assert verbs.match("call", [], _forms("off the talks")).cameo.startswith("16")


def test_pattern_with_reverse_code_for_the_other_side():
    match = load_verb_dictionary().match("receive", [], _forms("the new ambassador"))
    assert (match.cameo, match.reverse) == ("043", "042")


def test_default_code_is_not_specific():
    match = load_verb_dictionary().match("accuse", [], _forms("the government"))
    assert match.cameo == "112" and not match.specific


def test_blocked_phrase_is_no_event():
    assert load_verb_dictionary().match("quote", [], _forms("rt")) is None


def test_users_file_adds_patterns(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("verb\tpattern\tcameo\treverse\nlambast\t\t111\t\n", "utf-8")
    assert load_verb_dictionary((str(extra),)).match("lambast", [], []).cameo == "111"


def test_dobj_pattern_word_needs_a_direct_object():
    verbs = load_verb_dictionary()
    assert verbs.match("strike", [], [{"hamas"}, {"positions", "@dobj"}]).cameo == "190"
    assert verbs.match("strike", [], _forms("for higher pay")).cameo == "143"


def test_a_phrase_added_to_a_verb_keeps_petrarchs_one_word_phrases(tmp_path):
    # "issue * warrant" is diplograph's; PETRARCH's "issue * ultimatum" must survive it
    verbs = load_verb_dictionary()
    assert verbs.match("issue", [], _forms("a warrant")).cameo == "173"
    assert verbs.match("issue", [], _forms("an ultimatum")) is not None
    extra = tmp_path / "mine.tsv"
    extra.write_text("verb\tpattern\tcameo\treverse\nissue\t* summons\t115\t\n", "utf-8")
    assert load_verb_dictionary((str(extra),)).match("issue", [], _forms("an ultimatum")) is not None


def test_needing_someone_on_a_matter_is_no_attack():
    """PETRARCH-2 gives "push on" (190) to "need" and "want" too: "we need everyone on it"."""
    from diplograph.events.verbs import load_verb_dictionary

    verbs = load_verb_dictionary()
    assert verbs.match("need", [], [{"everyone"}, {"on"}, {"it"}]).cameo[:2] != "19"
    assert verbs.match("push", [], [{"on"}, {"toward"}]).cameo == "190"


def test_arming_someone_is_military_aid(run):
    """CAMEO 072 names arms as military aid; PETRARCH-2 coded "arm" as military cooperation (062)."""
    from event_triples import triples

    found = triples(run("The United States is arming Ukraine."))
    assert ("USA", "AID", "UKR") in found, found


def _best_by_scan(verbs, lemma, before, after):
    """The pattern ``match`` must choose, found by trying every pattern of ``lemma``: the largest
    found, then the one of the later file, then the first in file order."""
    from diplograph.events.verbs import _in_order

    best = None
    for pattern in verbs.patterns.get(lemma, ()):
        if best is not None and (pattern.size, pattern.priority) <= (best.size, best.priority):
            continue
        if _in_order(pattern.after, [frozenset(f) for f in after]) and _in_order(
                pattern.before, [frozenset(f) for f in before]):
            best = pattern
    return best


def test_the_indexed_patterns_choose_what_trying_every_pattern_chooses():
    """``match`` tries only the patterns whose first word is around the trigger, best first; for
    every verb, around words of its own patterns and of a real sentence, it picks the pattern
    that trying them all picks."""
    verbs = load_verb_dictionary()
    news = _forms("the ministry said on tuesday it would not call off talks with the rebels in the north")
    tried = found = 0
    for lemma, patterns in verbs.patterns.items():
        own = [{sorted(w)[0]} for p in patterns[:4] for w in p.after]
        prior = [{sorted(w)[0]} for p in patterns[:4] for w in p.before]
        for before, after in (([], news), (prior, own), (prior + news, news[:3] + own[::-1] + own)):
            expected = _best_by_scan(verbs, lemma, before, after)
            match = verbs.match(lemma, before, after)
            tried += 1
            if expected is None:
                assert match is None or not match.specific, lemma
            else:
                found += 1
                assert (match is None if expected.cameo == "---"
                        else (match.pattern, match.cameo) == (expected.text, expected.cameo)), lemma
    assert found > tried // 3


def test_a_noun_may_name_an_event_only_as_a_word_of_an_event_noun():
    """The coder makes a Token of a noun only when ``may_name_event``: every word that begins or
    ends an event noun's phrase ("hunger strike", "call with") may, a plain noun may not."""
    verbs = load_verb_dictionary()
    for noun in verbs.nouns:
        words = noun.split(" ")
        assert verbs.may_name_event(words[0]) and verbs.may_name_event(words[-1]), noun
    assert verbs.may_name_event("strike") and verbs.may_name_event("invasion")
    assert not verbs.may_name_event("weather") and not verbs.may_name_event("breakfast")
