"""The verb and event-noun pattern dictionary: which words around a trigger make which CAMEO code.

Rows come from ``data/verbs/*.tsv`` (PETRARCH-2 patterns converted by scripts/convert_cameo_verbs.py,
then diplograph's own rows, which win) and from users' files in the same format (checked: a bad row
raises InputError naming file and line). A pattern lists the words around the trigger ``*`` in
order (``call * on``, ``&military * to``, ``accuse * of``); the coder gives the words of the
trigger's clause and the longest pattern found in them wins, so a specific phrasing ("call off
talks" -> 164) beats the verb's default ("call" -> 041). The pattern word ``@dobj`` stands for the
verb's direct object, whatever it is ("return * @dobj to").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from ..lexicon.cameo import is_cameo_code
from ..lexicon.tables import rows, shipped_text, user_text

__all__ = ["PatternMatch", "VerbDictionary", "load_verb_dictionary", "read_verb_file"]

SHIPPED = ("verbs/petrarch2.tsv", "verbs/diplograph.tsv")
NOUNS = "verbs/nouns.tsv"
APPRAISALS = "verbs/appraisals.tsv"


@dataclass(frozen=True)
class Pattern:
    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    cameo: str  # "---" = these words make no event
    reverse: str | None
    text: str
    priority: int  # later files win ties

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(frozen=True)
class PatternMatch:
    """The code a trigger gets, and whether a pattern (not just the verb's default) chose it."""

    cameo: str
    reverse: str | None
    pattern: str
    specific: bool


@dataclass(frozen=True)
class _Ranked:
    """One verb's patterns, largest first, then of the highest priority, then in file order (the
    first one found around a trigger is the one ``VerbDictionary.match`` wants), each indexed by
    the forms of its first word after the trigger (or, with none, before it)."""

    patterns: tuple[Pattern, ...]
    after: dict[str, list[int]]  # form -> positions in ``patterns`` of those whose first word after has it
    before: dict[str, list[int]]  # the same for patterns with words before the trigger only
    anywhere: tuple[int, ...]  # patterns of no words ("*"), found around any trigger

    @classmethod
    def of(cls, patterns: Iterable[Pattern]) -> _Ranked:
        ranked = tuple(sorted(patterns, key=lambda p: (p.size, p.priority), reverse=True))
        after: dict[str, list[int]] = {}
        before: dict[str, list[int]] = {}
        anywhere = []
        for n, pattern in enumerate(ranked):
            first, index = ((pattern.after[0], after) if pattern.after else
                            (pattern.before[0], before) if pattern.before else (None, None))
            if first is None or index is None:
                anywhere.append(n)
                continue
            for form in first:
                index.setdefault(form, []).append(n)
        return cls(ranked, after, before, tuple(anywhere))


class VerbDictionary:
    """Verb lemmas and event nouns to their patterns, loaded from TSV text."""

    def __init__(self) -> None:
        self.patterns: dict[str, list[Pattern]] = {}
        self.defaults: dict[str, Pattern] = {}
        self.nouns: dict[str, str] = {}
        self.synsets: dict[str, frozenset[str]] = {}
        self.appraisals: dict[str, str] = {}
        self._ranks: dict[str, _Ranked] = {}  # ``_ranked``'s, made on first use
        self._noun_words: frozenset[str] | None = None  # ``may_name_event``'s

    def add_verb_rows(self, text: str, priority: int, replace: bool = False) -> None:
        """Add a file's rows; with ``replace``, the verbs it names forget the rows read before."""
        self._ranks.clear()
        rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
        raw = []
        for row in rows[1:] if rows and rows[0][0] == "verb" else rows:
            if row[0].startswith("&"):
                self.synsets[row[0]] = frozenset(w for w in row[1].split("|") if "_" not in w)
            else:
                raw.append(row + [""] * (4 - len(row)))
        if replace:
            for verb in {verb for row in raw for verb in row[0].split("|")}:
                self.patterns.pop(verb, None)
                self.defaults.pop(verb, None)
        for verbs, pattern_text, cameo, reverse in (r[:4] for r in raw):
            pattern = self._compile(pattern_text.strip(), cameo.strip(), reverse.strip(), priority)
            for verb in verbs.split("|"):
                if not pattern_text.strip():
                    if verb not in self.defaults or priority > self.defaults[verb].priority:
                        self.defaults[verb] = pattern
                else:
                    self.patterns.setdefault(verb, []).append(pattern)

    def add_noun_rows(self, text: str) -> None:
        self._noun_words = None
        for line in text.splitlines():
            if line and not line.startswith("#") and not line.startswith("noun\t"):
                noun, cameo = line.split("\t")[:2]
                self.nouns[noun.strip()] = cameo.strip()

    def add_appraisal_rows(self, text: str) -> None:
        """Words that judge what they are said of ("called the sanctions illegal"): word, cameo."""
        for line in text.splitlines():
            if line and not line.startswith("#") and not line.startswith("word\t"):
                word, cameo = line.split("\t")[:2]
                self.appraisals[word.strip()] = cameo.strip()

    def appraisal_code(self, lemma: str) -> str | None:
        return self.appraisals.get(lemma)

    def _compile(self, text: str, cameo: str, reverse: str, priority: int) -> Pattern:
        before, _, after = text.partition("*") if "*" in text else ("", "", text)
        return Pattern(self._words(before), self._words(after), cameo, reverse or None, text, priority)

    def _words(self, text: str) -> tuple[frozenset[str], ...]:
        out = []
        for word in text.split():
            if word.startswith("&"):
                out.append(self.synsets.get(word, frozenset({word})))
            else:
                out.append(frozenset(word.split("|")))
        return tuple(out)

    def resolve_synsets(self) -> None:
        """Synset rows come last in a file: point patterns read before them at their words.

        A verb diplograph gives its own default keeps only PETRARCH's phrases of two words or more, so
        "deploy" is 154 unless the words say more ("call off talks"), not PETRARCH's one-word guess;
        a verb diplograph only adds phrases to ("issue * warrant") keeps all of PETRARCH's.
        """
        self._ranks.clear()
        owned = {verb for verb, p in self.defaults.items() if p.priority > 0}
        def fix(words: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
            return tuple(self.synsets.get(next(iter(w)), w) if len(w) == 1 and next(iter(w)).startswith("&")
                         else w for w in words)
        for verb, patterns in self.patterns.items():
            self.patterns[verb] = [Pattern(fix(p.before), fix(p.after), p.cameo, p.reverse, p.text, p.priority)
                                   for p in patterns if p.priority > 0 or verb not in owned or p.size >= 2]

    def is_verb(self, lemma: str) -> bool:
        return lemma in self.defaults or lemma in self.patterns

    def match(self, lemma: str, before: Sequence[Iterable[str]], after: Sequence[Iterable[str]]) -> PatternMatch | None:
        """The best pattern of ``lemma`` found in the word forms before and after the trigger.

        ``before``/``after`` hold, per token in text order, its forms (lower-case text and lemma).
        """
        best: Pattern | None = None
        ranked = self._ranked(lemma)
        if ranked.patterns:
            before_sets = [frozenset(forms) for forms in before]
            after_sets = [frozenset(forms) for forms in after]
            # only patterns whose first word is around the trigger can be found there
            candidates = set(ranked.anywhere)
            for forms in after_sets:
                for form in forms:
                    candidates.update(ranked.after.get(form, ()))
            for forms in before_sets:
                for form in forms:
                    candidates.update(ranked.before.get(form, ()))
            for n in sorted(candidates):  # the first found is the best: ranked by size, then priority
                pattern = ranked.patterns[n]
                if _in_order(pattern.after, after_sets) and _in_order(pattern.before, before_sets):
                    best = pattern
                    break
        if best is not None:
            return None if best.cameo == "---" else PatternMatch(best.cameo, best.reverse, best.text, True)
        default = self.defaults.get(lemma)
        if default is None or default.cameo == "---":
            return None
        return PatternMatch(default.cameo, default.reverse, "*", False)

    def _ranked(self, lemma: str) -> _Ranked:
        """``lemma``'s patterns ranked as ``match`` wants them, with their first words indexed."""
        ranked = self._ranks.get(lemma)
        if ranked is None:
            ranked = self._ranks[lemma] = _Ranked.of(self.patterns.get(lemma, ()))
        return ranked

    def noun_code(self, lemma: str) -> str | None:
        return self.nouns.get(lemma)

    def may_name_event(self, lemma: str) -> bool:
        """Whether a noun of this lemma can be an event noun: one the nouns list names alone, or
        as the first or last word of a phrase ("hunger strike", "call with"). The coder asks it
        of every noun before reading the noun's modifiers."""
        if self._noun_words is None:
            self._noun_words = frozenset(word for noun in self.nouns for word in (noun.split(" ")[0],
                                                                                 noun.split(" ")[-1]))
        return " " in lemma or lemma in self._noun_words

    def rank_patterns(self) -> None:
        """Rank and index every verb's patterns now (``_ranked``), once the files are read: in the
        process that forks the workers, which share them."""
        for lemma in self.patterns:
            self._ranked(lemma)


def _in_order(pattern: tuple[frozenset[str], ...], tokens: list[frozenset[str]]) -> bool:
    position = 0
    for wanted in pattern:
        while position < len(tokens) and not (wanted & tokens[position]):
            position += 1
        if position == len(tokens):
            return False
        position += 1
    return True


def read_verb_file(path: str) -> str:
    """The text of a user's verb file, checked row by row: InputError naming the file (and line)
    when it is missing, not UTF-8, or has a row without a verb or a CAMEO code."""
    text = user_text(path, "verb file")
    for number, fields in rows(text, path, header="verb\t"):
        where = f"{path}, line {number}"
        if fields[0].startswith("&"):
            if len(fields) < 2 or not fields[1].strip():
                raise InputError(where, "a synonym set needs its words: &name<TAB>word|word")
            continue
        if len(fields) < 3 or len(fields) > 4 or not fields[0].strip():
            raise InputError(where, "expected verb<TAB>pattern<TAB>cameo[<TAB>reverse] (TAB-separated)")
        cameo, reverse = fields[2].strip(), fields[3].strip() if len(fields) == 4 else ""
        for code in (cameo, reverse) if reverse else (cameo,):
            if code != "---" and not is_cameo_code(code):
                raise InputError(where, f"{code!r} is not a CAMEO event code (e.g. 042, 1123, or --- for none)")
    return text


@lru_cache(maxsize=8)
def load_verb_dictionary(extra_files: tuple[str, ...] = (), replace: bool = False) -> VerbDictionary:
    """The shipped patterns and nouns, then ``extra_files`` (same TSV format), which win ties.

    With ``replace``, each extra file decides the verbs it names alone: the rows of those verbs
    read before it are dropped (a PETRARCH validation dictionary, whose tests expect its codes).
    """
    dictionary = VerbDictionary()
    for priority, name in enumerate(SHIPPED):
        dictionary.add_verb_rows(shipped_text(name), priority)
    for offset, path in enumerate(extra_files, start=len(SHIPPED)):
        dictionary.add_verb_rows(read_verb_file(path), offset, replace)
    dictionary.resolve_synsets()
    dictionary.add_noun_rows(shipped_text(NOUNS))
    dictionary.add_appraisal_rows(shipped_text(APPRAISALS))
    dictionary.rank_patterns()
    return dictionary
