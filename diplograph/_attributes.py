"""spaCy's attribute_ruler and lemmatizer, giving the same POS, morphology and lemmas, faster.

Measured on 60 PolNeAR dev articles (one process, CPU time): the model's attribute_ruler took 1.5 s
and its lemmatizer 1.1 s, more than the parser (1.4 s). Both spend it in Python per token: the ruler
builds a Span and sets attributes through it for each of its ~65,000 matches; the rule lemmatizer
caches every lemma but the commonest, base forms ("is_base_form", e.g. a singular noun), which it
works out again for every token. Here the ruler's own matcher finds the same matches, which are
applied in the same order (a later rule wins) into arrays written once per document; and each
lemma is cached by what decides it (the word, its POS and its morphology). The model's components
stay the source of the rules and tables: these wrap them (``replace_model_components``), and
``tests/test_attributes.py`` checks every token's attributes against theirs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["FastAttributeRuler", "FastLemmatizer", "replace_model_components"]

class FastAttributeRuler:
    """``ruler``'s rules, applied to arrays: the same matches, in the same order.

    A rule of one token whose every condition is a value or an IN/NOT_IN list of TAG, LOWER, DEP or
    IS_SPACE (170 of the model's 179) is decided by those four attributes alone, so the rules that
    hold for a combination are worked out once and kept; the others (spans of two tokens, regular
    expressions) go through a Matcher of their own. A token's rules are applied in the order of
    their ids, as the model's ruler applies them (a later rule wins).
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.simple: list[tuple[int, dict[str, Any]]] = []  # (rule id, conditions of one token)
        self.others = Matcher(ruler.vocab, validate=False)
        self.lowers: set[int] = set()  # the LOWER and DEP values any simple rule names
        self.deps: set[int] = set()
        for attr_id, rule in enumerate(ruler.patterns):
            patterns: list[list[dict[str, Any]]] = rule["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                if rule["index"] in (0, -1) and len(pattern) == 1 and _simple(pattern[0]):
                    self.simple.append((attr_id, pattern[0]))
                    for name, into in (("LOWER", self.lowers), ("DEP", self.deps)):
                        for value in _values(pattern[0].get(name)):
                            into.add(self.vocab.strings.add(value))
                else:
                    self.others.add(str(attr_id), [pattern])
        self.cache: dict[tuple[int, int, int, int], list[int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        spans: dict[int, list[int]] = {}  # token -> ids of the span rules that set it
        for match_id, start, end in self.others(doc, allow_missing=True, as_spans=False):
            attr_id = int(self.vocab.strings[match_id])
            index = indices[attr_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:  # the model's ruler raises here too (its error E1001)
                raise ValueError(f"attribute_ruler: index {index} outside the match {start}-{end}")
            spans.setdefault(i, []).append(attr_id)
        array = doc.to_array([TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA])
        out = array[:, 4:].copy()
        columns = {POS: 0, MORPH: 1, LEMMA: 2}
        others: list[tuple[int, dict]] = []
        lowers, deps, cache = self.lowers, self.deps, self.cache
        for i, (tag, lower, dep, space, *_) in enumerate(array.tolist()):
            key = (tag, lower if lower in lowers else 0, dep if dep in deps else 0, space)
            ids = cache.get(key)
            if ids is None:
                ids = cache[key] = self._rules_for(doc[i])
            if i in spans:
                ids = sorted(ids + spans[i])
            for attr_id in ids:
                for attr, value in attrs[attr_id].items():
                    if attr in columns:
                        out[i, columns[attr]] = value
                    else:  # none in en_core_web_sm
                        others.append((i, {attr: value}))
        doc.from_array([POS, MORPH, LEMMA], out)  # type: ignore[arg-type]  # to_array's ints
        for i, setting in others:
            set_token_attrs(doc[i], setting)
        return doc

    def _rules_for(self, token: Token) -> list[int]:
        """The ids of the one-token rules that hold for ``token``, in order."""
        values = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_, "IS_SPACE": token.is_space}
        return [attr_id for attr_id, conditions in self.simple
                if all(_holds(values[name], wanted) for name, wanted in conditions.items())]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


_SIMPLE_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})


def _simple(conditions: dict) -> bool:
    """Conditions on TAG, LOWER, DEP and IS_SPACE only, each a value or an IN/NOT_IN list."""
    return all(name in _SIMPLE_KEYS and (not isinstance(wanted, dict) or set(wanted) <= {"IN", "NOT_IN"})
               for name, wanted in conditions.items())


def _values(wanted: object) -> list:
    if wanted is None:
        return []
    if isinstance(wanted, dict):
        return [v for values in wanted.values() for v in values]
    return [wanted]


def _holds(value: object, wanted: object) -> bool:
    if isinstance(wanted, dict):
        return (("IN" not in wanted or value in wanted["IN"])
                and ("NOT_IN" not in wanted or value not in wanted["NOT_IN"]))
    return value == wanted


class FastLemmatizer:
    """``lemmatizer``'s lemmas (rule mode), each worked out once per word, POS and morphology.

    The model's rule lemmatizer looks each candidate form up in a list of the known lemmas of its
    POS (57,000 nouns), which took 140 us a word; here the lists are sets, and the lookup is
    otherwise spaCy's ``rule_lemmatize`` as of spaCy 3.8.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        self.index: dict[str, set[str]] = {}  # POS -> its known lemmas (the table's list, as a set)

    def __call__(self, doc: Doc) -> Doc:
        overwrite, cache, strings = self.lemmatizer.overwrite, self.cache, doc.vocab.strings
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(self.lemma(doc[i]))
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]  # to_array's ints
        return doc

    def lemma(self, token: Token) -> str:
        """The first of the forms ``Lemmatizer.rule_lemmatize`` gives."""
        lemmatizer = self.lemmatizer
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or lemmatizer.is_base_form(token):
            return string.lower()
        lookups = lemmatizer.lookups
        index_table = lookups.get_table("lemma_index", {})
        exc_table = lookups.get_table("lemma_exc", {})
        rules_table = lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return string if univ_pos == "propn" else string.lower()
        index = self.index.get(univ_pos)
        if index is None:
            index = self.index[univ_pos] = set(index_table.get(univ_pos, ()))
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules_table.get(univ_pos, {}):
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exc_table.get(univ_pos, {}).get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [orig])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("diplograph_fast_attribute_ruler")
def _fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return FastAttributeRuler(ruler)


@Language.factory("diplograph_fast_lemmatizer")
def _fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return FastLemmatizer(lemmatizer)


def replace_model_components(nlp: Language) -> None:
    """Put the fast equivalents in the places of the model's attribute_ruler, lemmatizer (rule
    mode), entity recognizer (``_ner.py``) and dependency parser (``_parser.py``), under their names;
    they keep the model's components, whose rules, tables and weights they use."""
    from ._ner import can_replace
    from ._parser import can_replace as can_replace_parser

    names = dict(nlp.pipeline)
    if isinstance(names.get("attribute_ruler"), AttributeRuler):
        _swap(nlp, "attribute_ruler", "diplograph_fast_attribute_ruler")
    lemmatizer = names.get("lemmatizer")
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        _swap(nlp, "lemmatizer", "diplograph_fast_lemmatizer")
    if can_replace(names.get("ner")):
        _swap(nlp, "ner", "diplograph_fast_ner")
    if can_replace_parser(names.get("parser")):
        _swap(nlp, "parser", "diplograph_fast_parser")


def _swap(nlp: Language, name: str, factory: str) -> None:
    """The component of ``factory`` (which wraps ``name``'s) in ``name``'s place, under its name."""
    nlp.add_pipe(factory, name=f"_{factory}", after=name)
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"_{factory}", name)
