"""spaCy's entity recognizer, deciding the same entities with the same model, faster.

Measured on 100 news articles (one process, CPU time): the model's NER took 5.7 s, more than the
tok2vec, tagger and parser together (4.8 s), and 2.7 s of it inside the compiled loop that picks each
token's move. Of those, 2.2 s go to checking which moves are valid: spaCy 3.8 is compiled with
Cython 3, whose code for the state's buffer lookups takes and releases the GIL on every call, 74
moves times every token (``perf`` shows ``PyGILState_Ensure`` under ``StateC::B_``).

This component runs the model's own layers (its tok2vec, the precomputed lower layer and the output
layer, on the same sub-batches in the same order as ``Parser.pipe``, so every number is the same)
and decodes with numpy instead. Two facts make the decoding cheap:

- Every move of the BILUO system consumes one token, so all states advance in step.
- No entity crosses a sentence start: Begin and In are invalid before one, so each sentence is
  decoded as its own sequence, all sentences of a batch side by side (some 150 steps a batch rather
  than one per token).

The moves valid in a state are the model's rules (``spacy/pipeline/_parser_internals/ner.pyx``) for
a document with no entities set beforehand: Begin needs no open entity, a token after it in the same
sentence, and not a space; In and Last continue the open entity's label (In not on a sentence's last
token); Unit needs no open entity and not a space; Out needs no open entity. Ties go to the move
listed first, as ``arg_max_if_valid`` does. A document that arrives with entities already set (an
entity ruler before the NER) goes through the model's own component, whose rules for them are more
involved. ``tests/test_ner.py`` checks the entities against the model's own on real articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ._transition import TransitionLayers, class_names, greedy_with_output_layer, pieces_of

__all__ = ["FastEntityRecognizer", "can_replace"]

# The index of a move kind in _MOVES: Begin, In, Last, Unit, Out (spaCy's BILUO letters).
_MOVES = "BILUO"
_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)


def can_replace(ner: object) -> bool:
    """Whether ``ner`` is a component this one reproduces: spaCy's greedy EntityRecognizer whose
    model has an output layer and no class marked unseen, and whose moves are B/I/L/U/O ones."""
    if not isinstance(ner, EntityRecognizer) or not greedy_with_output_layer(ner):
        return False
    return all(name == "O" or (name[:1] in "BILU" and name[1:2] == "-") for name in class_names(ner))


class FastEntityRecognizer:
    """``ner``'s model, decoded a sentence at a time in numpy: the same entities."""

    def __init__(self, ner: EntityRecognizer) -> None:
        self.ner = ner
        self.layers = TransitionLayers.of(ner.model)
        names = class_names(ner)
        labels = sorted({name[2:] for name in names if name[2:]}, key=[n[2:] for n in names].index)
        self.label_ids = np.array([ner.vocab.strings.add(label) for label in labels], dtype="uint64")
        n, n_labels = len(names), len(labels)
        self.move = np.array([_MOVES.index(name[0]) for name in names], dtype="int8")
        self.label = np.array([labels.index(name[2:]) if name[2:] else -1 for name in names], dtype="int32")
        labelled = self.label >= 0
        # Valid moves by state (rows): 0 no entity open; 1 no entity open, last token of its sentence;
        # 2 no entity open, a space; then, per label, an entity of it open (3 + l), and open on the
        # sentence's last token (3 + n_labels + l).
        table = np.zeros((3 + 2 * n_labels, n), dtype=bool)
        table[0] = ((self.move == _BEGIN) & labelled) | ((self.move == _UNIT) & labelled) | (self.move == _OUT)
        table[1] = ((self.move == _UNIT) & labelled) | (self.move == _OUT)
        table[2] = self.move == _OUT
        for ix in range(n_labels):
            same = self.label == ix
            table[3 + ix] = same & ((self.move == _IN) | (self.move == _LAST))
            table[3 + n_labels + ix] = same & (self.move == _LAST)
        self.valid = table
        self.n_labels = n_labels

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """As ``Parser.pipe``: batches of ``batch_size``, each sorted by length and run in
        sub-batches of a quarter of it, as the model's own component makes them (a document's
        numbers do not depend on its sub-batch: the tok2vec pads between documents)."""
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                self._annotate(list(sub))
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        if not any(len(doc) for doc in docs):
            return
        if any(doc.to_array(ENT_IOB).any() for doc in docs):
            # entities set beforehand: the model's own component honours them
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return
        found = self._decode(self.layers.precomputed(docs), docs)
        for doc, ents in zip(docs, found, strict=True):
            doc.set_ents([Span(doc, start, end, label=int(self.label_ids[lab])) for start, end, lab in ents],
                         default="outside")

    def _decode(self, cached: np.ndarray, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """The entities of each document, as (start, end, label index), tokens counted in the doc."""
        width = cached.shape[2] * cached.shape[3]
        features = [np.ascontiguousarray(cached[:, f]).reshape(len(cached), width) for f in range(cached.shape[1])]
        starts, lengths, spaces, owners, offsets = [], [], [], [], []
        offset = 0
        for d, doc in enumerate(docs):
            if len(doc):
                rows = doc.to_array([SENT_START, IS_SPACE])
                cuts = pieces_of(rows[:, 0])
                ends = np.append(cuts[1:], len(doc))
                starts.append(cuts + offset)
                lengths.append(ends - cuts)
                spaces.append(rows[:, 1].astype(bool))
                owners.append(np.full(len(cuts), d))
            offsets.append(offset)
            offset += len(doc)
        seq_start = np.concatenate(starts)
        seq_len = np.concatenate(lengths)
        seq_owner = np.concatenate(owners)
        is_space = np.concatenate(spaces)
        order = np.argsort(-seq_len, kind="stable")  # longest first: the live ones are a prefix
        seq_start, seq_len, seq_owner = seq_start[order], seq_len[order], seq_owner[order]
        live_at = np.searchsorted(-seq_len, -np.arange(int(seq_len[0])), side="left")  # longer than t
        n = len(seq_start)
        open_label = np.full(n, -1, dtype=np.int64)  # the label index of the entity open, or -1
        open_start = np.zeros(n, dtype=np.int64)
        found_seq: list[np.ndarray] = []
        found_start: list[np.ndarray] = []
        found_end: list[np.ndarray] = []
        found_label: list[np.ndarray] = []
        f0, f1, f2 = features
        for t, live in enumerate(live_at):
            k = int(live)
            pos = seq_start[:k] + t
            opened = open_label[:k] >= 0
            last = seq_len[:k] == t + 1
            # token ids as spaCy's set_context_tokens gives them for NER, shifted past the pad row:
            # the next token, the open entity's first token, and the token before the next one
            unmaxed = f0[pos + 1] + f1[np.where(opened, open_start[:k] + 1, 0)]
            unmaxed += f2[np.where(opened, pos, 0)]
            scores = self.layers.scores(unmaxed)
            state = np.where(opened, 3 + open_label[:k] + np.where(last, self.n_labels, 0),
                             np.where(is_space[pos], 2, np.where(last, 1, 0)))
            guess = np.where(self.valid[state], scores, -np.inf).argmax(axis=1)
            move, label = self.move[guess], self.label[guess]
            begin = move == _BEGIN
            close = np.flatnonzero(move == _LAST)
            unit = np.flatnonzero(move == _UNIT)
            if close.size:
                found_seq.append(close)
                found_start.append(open_start[close])
                found_end.append(pos[close] + 1)
                found_label.append(open_label[close])
                open_label[close] = -1
            if unit.size:
                found_seq.append(unit)
                found_start.append(pos[unit])
                found_end.append(pos[unit] + 1)
                found_label.append(label[unit])
            if begin.any():
                open_start[:k][begin] = pos[begin]
                open_label[:k][begin] = label[begin]
        results: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        if found_seq:
            owner = seq_owner[np.concatenate(found_seq)]
            start, end = np.concatenate(found_start), np.concatenate(found_end)
            lab = np.concatenate(found_label)
            for i in np.lexsort((start, owner)):
                d = int(owner[i])
                results[d].append((int(start[i]) - offsets[d], int(end[i]) - offsets[d], int(lab[i])))
        return results


@Language.factory("diplograph_fast_ner")
def _fast_ner(nlp: Language, name: str) -> FastEntityRecognizer:
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    return FastEntityRecognizer(ner)
