"""What the fast NER and parser (``_ner.py``, ``_parser.py``) share: the layers of a spaCy transition
model, and the scores they give a set of states, computed as spaCy's ``predict_states`` computes them.

A TransitionBasedParser model is a tok2vec (with a linear layer), a "lower" layer whose output for
every token and feature slot is precomputed once per batch, and an "upper" (output) layer. A state's
scores are the sum of its feature tokens' precomputed rows, in feature order, plus the lower bias,
the largest of each hidden unit's pieces (maxout), times the upper weights (blis, through thinc, as
spaCy's compiled loop calls it: the same numbers), plus the upper bias.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.pipeline import DependencyParser, EntityRecognizer
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

__all__ = ["TransitionLayers", "class_names", "greedy_with_output_layer", "pieces_of"]


def greedy_with_output_layer(component: object) -> bool:
    """Whether ``component``'s model is one these decoders reproduce: greedy (beam width 1), three
    layers with an output layer, and no class marked unseen (spaCy gives those the lowest score)."""
    cfg = getattr(component, "cfg", {})
    model = getattr(component, "model", None)
    if cfg.get("beam_width", 1) != 1 or model is None:
        return False
    attrs = model.attrs
    return bool(attrs.get("has_upper")) and not attrs.get("unseen_classes") and len(model.layers) == 3


def class_names(component: DependencyParser | EntityRecognizer) -> list[str]:
    """The names of ``component``'s moves, in the order of its model's classes ("B-ORG", "L-nsubj")."""
    moves = component.moves
    return [moves.get_class_name(i) for i in range(moves.n_moves)]


def pieces_of(sent_starts: np.ndarray) -> np.ndarray:
    """The first token of each piece of a document cut at the sentence starts set in it
    (``SENT_START`` 1): token 0 and each of those."""
    return np.union1d(np.flatnonzero(sent_starts == 1), [0])


@dataclass(frozen=True)
class TransitionLayers:
    tok2vec: Model
    lower: Model
    lower_b: np.ndarray  # (hidden * pieces,)
    upper_w: np.ndarray  # (classes, hidden)
    upper_b: np.ndarray  # (classes,)
    hidden: int
    ops: NumpyOps

    @classmethod
    def of(cls, model: Model) -> TransitionLayers:
        tok2vec, lower, upper = model.layers
        return cls(tok2vec, lower,
                   lower_b=np.ascontiguousarray(lower.get_param("b"), dtype="f").reshape(-1),
                   upper_w=np.ascontiguousarray(upper.get_param("W"), dtype="f"),
                   upper_b=np.ascontiguousarray(upper.get_param("b"), dtype="f"),
                   hidden=lower.get_dim("nO"), ops=NumpyOps())

    def precomputed(self, docs: list[Doc]) -> np.ndarray:
        """(tokens + 1, feature slots, hidden, pieces) for the documents' tokens in order; row 0 pads
        (the row of a missing feature token)."""
        return self.lower.predict(self.tok2vec.predict(docs))

    def scores(self, summed: np.ndarray) -> np.ndarray:
        """(states, classes) from ``summed``, (states, hidden * pieces): each state's precomputed
        feature rows added up in feature order. ``summed`` is changed in place (the bias added)."""
        summed += self.lower_b
        pieces = summed.reshape(len(summed), self.hidden, -1)
        hidden = pieces[:, :, 0]
        for piece in range(1, pieces.shape[2]):  # the largest piece's value (np.max along an axis of
            hidden = np.maximum(hidden, pieces[:, :, piece])  # 2 is several times slower)
        scores = self.ops.gemm(np.ascontiguousarray(hidden), self.upper_w, trans2=True)
        scores += self.upper_b
        return scores
