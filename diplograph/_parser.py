"""spaCy's dependency parser, deciding the same heads, labels and sentence starts with the same
model, faster.

Measured on 100 news articles (one process, CPU time): the model's parser took 1.7 s, 1.5 s of it in
the compiled loop that picks each state's move (``Parser._parseC``), and mostly in checking which
moves are valid: spaCy 3.8 is compiled with Cython 3, whose code for the state's stack and buffer
lookups takes and releases the GIL on every call (``perf`` shows ``PyGILState_Ensure`` under
``TransitionSystem.set_valid``). The model's own numbers (the gemm) took 0.2 s. This component took
0.75 s for the same parses (0.15 s of it the model's precomputed lower layer, 0.25 s gathering the
states' features, 0.1 s the output layer), on the same loaded machine.

This component runs the model's own layers (its tok2vec listener, the precomputed lower layer and
the output layer, on the same sub-batches in the same order as ``Parser.pipe``, so every number is
the same) and decodes with numpy instead, every live state of a batch's sub-batches making its move
in one step. The arc-eager system (``spacy/pipeline/_parser_internals/arc_eager.pyx``, ``_state.pxd``) is
kept as numbers: the stack and the "rebuffer" (words a Reduce put back) as linked lists through the
tokens, the arcs as each word's head and label, each head's last left child and each right child's
predecessor among its head's right children (what ``L(head, 1)`` and ``R(head, 1)`` read, also after
a Left-Arc takes a word from the head its Right-Arc gave it, which drops that arc).

A sentence start set beforehand (``diplograph_paragraphs`` sets one at every line break) cuts a
document into pieces decoded side by side: nothing but Reduce and Break is valid until the stack is
empty at such a start, and from there the state is the one a document starting there begins with.
The one move that reaches across is a Break while the next piece's first word is the buffer's
first: it marks that piece's second word as a sentence start (``''This ...`` after a paragraph: the
opening quotes a sentence of their own), and the next piece is decoded again with it marked.

The moves' validity, the features (``set_context_tokens`` for 8: B0, B1, S0, S1, S2, L(B0, 1),
L(S0, 1), R(S0, 1)) and ties (the first move listed wins, as ``arg_max_if_valid``) are the model's.
The arcs found are written through the model's own ``set_annotations`` (root labels, projective
labels undone by ``nonproj.deprojectivize``, sentence starts from the tree). What is not reproduced
goes to the model's own component: documents arriving with heads or labels set, and any state
outside what the system's rules allow (a Left-Arc on a word whose right arc is not its head's last;
no valid move), which ``_Inexact`` flags. ``tests/test_parser.py`` checks the parses against the
model's own on real articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.pipeline import DependencyParser
from spacy.pipeline._parser_internals.stateclass import StateClass
from spacy.tokens import Doc
from spacy.util import minibatch

from ._transition import TransitionLayers, class_names, greedy_with_output_layer, pieces_of

__all__ = ["FastDependencyParser", "can_replace"]

# The arc-eager moves, by the letter of their class names (arc_eager.pyx's MOVE_NAMES).
_KINDS = "SDLRB"
_SHIFT, _REDUCE, _LEFT, _RIGHT, _BREAK = range(5)


# The most tokens whose features are kept for one decode: 4 KB each for en_core_web_sm (8 features
# of 64 hidden units of 2 pieces), some 50 MB (a worker peaks near 0.9 GiB; spaCy's parser keeps a
# sub-batch's, some 27 MB for 8 articles). Decoding more sub-batches at once saves steps: 30,000
# tokens took 0.72 s per 100 articles against 0.77 s for 12,000.
_DECODE_TOKENS = 12_000


class _Inexact(Exception):
    """A state this decoder does not reproduce: the sub-batch goes to the model's own parser."""


def can_replace(parser: object) -> bool:
    """Whether ``parser`` is a component this one reproduces: spaCy's greedy arc-eager
    DependencyParser with 8 state features, an output layer, no class marked unseen, no learned
    tokens (no "subtok" moves, no merge_subtokens) and no other postprocess than deprojectivizing."""
    if not isinstance(parser, DependencyParser) or not greedy_with_output_layer(parser):
        return False
    if parser.cfg.get("learn_tokens"):
        return False
    lower = parser.model.layers[1]
    if not lower.has_dim("nF") or lower.get_dim("nF") != 8:
        return False
    return all(name[:1] in _KINDS and (len(name) == 1 or name[1:2] == "-") and name[2:] != "subtok"
               for name in class_names(parser))


class FastDependencyParser:
    """``parser``'s model, decoded in numpy, all states of a sub-batch at once: the same parses."""

    def __init__(self, parser: DependencyParser) -> None:
        self.parser = parser
        self.layers = TransitionLayers.of(parser.model)
        names = class_names(parser)
        self.kind = np.array([_KINDS.index(name[0]) for name in names], dtype=np.int64)
        strings = parser.vocab.strings
        self.label = np.array([strings.add(name[2:]) if name[2:] else 0 for name in names], dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([[doc]])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """As ``Parser.pipe``: batches of ``batch_size``, each sorted by length and run in
        sub-batches of a quarter of it (the model's numbers are those of its sub-batches). The
        sub-batches of a batch are decoded together, up to ``_DECODE_TOKENS`` tokens."""
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            group: list[list[Doc]] = []
            tokens = 0
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                size = sum(len(doc) for doc in sub)
                if group and tokens + size > _DECODE_TOKENS:
                    self._annotate(group)
                    group, tokens = [], 0
                group.append(list(sub))
                tokens += size
            if group:
                self._annotate(group)
            yield from batch

    def _annotate(self, subs: list[list[Doc]]) -> None:
        parser = self.parser
        todo: list[tuple[list[Doc], np.ndarray]] = []
        for docs in subs:
            if not any(len(doc) for doc in docs) or any(doc.to_array([HEAD, DEP]).any() for doc in docs):
                # nothing to parse, or a parse set beforehand: the model's own component
                parser.set_annotations(docs, parser.predict(docs))
            else:
                todo.append((docs, self.layers.precomputed(docs)))
        if not todo:
            return
        try:
            heads, labels = self._parse(todo)
        except _Inexact:
            for docs, _ in todo:
                parser.set_annotations(docs, parser.predict(docs))
            return
        offset = 0
        for docs, _ in todo:
            states = []
            for doc in docs:
                state = StateClass(doc)
                end = offset + len(doc)
                children = np.flatnonzero(heads[offset:end] >= 0)
                for child, head, label in zip(children.tolist(), (heads[offset:end][children] - offset).tolist(),
                                              labels[offset:end][children].tolist(), strict=True):
                    state.add_arc(head, child, label)
                states.append(state)
                offset = end
            parser.set_annotations(docs, states)

    def _parse(self, subs: list[tuple[list[Doc], np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        """Each token's head (a token of the sub-batches, or -1) and label, as the model's greedy
        parse leaves them; tokens counted across the sub-batches' documents."""
        tables, bases = [], []
        docs = []
        total = 0
        for sub, cached in subs:
            # each token's features as rows of one table: token t of the sub-batch, feature f at
            # row (t + 1) * nF + f
            tables.append(cached.reshape(-1, cached.shape[2] * cached.shape[3]))
            bases.append(total)
            docs += sub
            total += len(cached) - 1
        # per token, with one more slot at the end that index -1 (no token) reads: its "nothing"
        preset = np.zeros(total + 1, dtype=bool)
        cannot = np.zeros(total + 1, dtype=bool)
        doc_ends, cuts = [], []
        offset = 0
        for doc in docs:
            starts = doc.to_array(SENT_START).astype(np.int64)
            preset[offset:offset + len(doc)] = starts == 1
            cannot[offset:offset + len(doc)] = starts == -1
            if len(doc):
                cuts.append(pieces_of(starts) + offset)
                doc_ends.append(offset + len(doc))
            offset += len(doc)
        starts_of = np.array([*bases, total], dtype=np.int64)  # each sub-batch's first token
        arrays = _Arcs(total, preset, cannot, np.array(doc_ends, dtype=np.int64))
        # the pieces between the starts set beforehand, all decoded side by side
        seg_start = np.concatenate(cuts)
        doc_of = np.repeat(np.arange(len(cuts)), [len(c) for c in cuts])
        first = np.ones(len(seg_start), dtype=bool)
        first[1:] = doc_of[1:] != doc_of[:-1]
        seg_end = np.append(seg_start[1:], -1)
        seg_end[np.append(first[1:], True)] = -1  # a document's last piece ends with its buffer
        # A piece is decoded again, its second word marked, when the piece before it ends with a
        # Break marking that word (``crossed``), which it did not expect (``marked``). The pieces
        # after one decoded again are decoded again at once for what it did the last time: in a
        # run of pieces each marking the next, that is what it does again.
        marked = np.zeros(len(seg_start), dtype=bool)
        crossed = np.zeros(len(seg_start), dtype=bool)
        todo = np.arange(len(seg_start))
        before = np.append(-1, np.arange(len(seg_start) - 1))
        while True:
            crossed[todo] = False
            crossed[self._decode(arrays, tables, starts_of, todo, seg_start, seg_end)] = True
            wrong = ~first & (crossed[before] != marked)
            if not wrong.any():
                break
            todo = np.flatnonzero(wrong)
            marked[todo] = crossed[before[todo]]
            ends = np.where(seg_end[todo] >= 0, seg_end[todo], arrays.doc_end_of(seg_start[todo]))
            arrays.clear(seg_start[todo], ends)
            arrays.starts[seg_start[todo][marked[todo]] + 1] = True
        return arrays.heads[:total], arrays.labels[:total]

    def _decode(self, a: _Arcs, tables: list[np.ndarray], bases: np.ndarray, pieces: np.ndarray,
                seg_start: np.ndarray, seg_end: np.ndarray) -> np.ndarray:
        """Decode ``pieces``, [seg_start, seg_end) (to the document's end where seg_end is -1),
        into ``a``, with the features of ``tables`` (sub-batch j's tokens from ``bases[j]``);
        return the pieces that made a Break marking the following piece's second word."""
        n_tables = len(tables)
        n_feats = 8
        feature_no = np.arange(n_feats)[:, None]
        width = tables[0].shape[1]
        below, rbelow, heads, labels, after = a.below, a.rbelow, a.heads, a.labels, a.after
        last_left, last_right, prev_right = a.last_left, a.last_right, a.prev_right
        unshiftable, starts, preset, cannot = a.unshiftable, a.starts, a.preset, a.cannot
        any_cannot = bool(cannot.any())
        n = len(pieces)
        owner = pieces.astype(np.int64)
        top = np.full(n, -1, dtype=np.int64)   # S0, -1 when the stack is empty
        rtop = np.full(n, -1, dtype=np.int64)  # the rebuffer's top, B0 when there is one
        bbuf = seg_start[owner].astype(np.int64)  # the buffer's next word, -1 past the document
        stop = seg_end[owner].astype(np.int64)  # bbuf when the piece is done
        cut = np.where(stop >= 0, stop, -3)     # B0 at the end of a piece that has a next one
        cut_broken = np.zeros(n, dtype=bool)  # whether the piece's Break marked the next one's second word
        # the sub-batch a piece's features come from (pieces come in the order of the sub-batches)
        table = np.searchsorted(bases, bbuf, side="right") - 1
        base = bases[table]
        crossed: list[np.ndarray] = []
        kind_of, label_of = self.kind, self.label
        layers = self.layers
        valid = np.empty((n, 5), dtype=bool)
        while n:
            s0 = top
            s1 = below[s0]
            s2 = below[s1]
            rb1 = rbelow[rtop]
            from_rebuffer = rtop >= 0
            b0 = np.where(from_rebuffer, rtop, bbuf)
            b1 = np.where(from_rebuffer, np.where(rb1 >= 0, rb1, bbuf), after[bbuf])
            ids = np.stack((b0, b1, s0, s1, s2, last_left[b0], last_left[s0], last_right[s0]))
            rows = np.where(ids >= 0, (ids + 1 - base) * n_feats + feature_no, feature_no)
            if n_tables == 1:
                gathered = tables[0][rows]
            else:
                gathered = np.empty((n_feats, n, width), dtype="f")
                edges = np.searchsorted(table, np.arange(n_tables + 1))
                for t in range(n_tables):
                    if edges[t] < edges[t + 1]:
                        gathered[:, edges[t]:edges[t + 1]] = tables[t][rows[:, edges[t]:edges[t + 1]]]
            # summed in feature order, as spaCy's sum_state_features does, then the bias
            scores = layers.scores(np.add.reduce(gathered, axis=0))
            # which kinds of move are valid (arc_eager.pyx's is_valid), per state
            empty = s0 < 0
            has_b1 = b1 >= 0
            b0_starts = starts[b0]
            # at the end of a piece (the next one's first word is B0), a Break there would mark
            # its second word before that piece is decoded: its own marks must not count yet
            at_cut = b0 == cut
            b1_starts = np.where(at_cut, preset[b1] | cut_broken, starts[b1])
            valid = valid[:n]
            valid[:, _SHIFT] = empty | (has_b1 & ~b0_starts & ~unshiftable[b0])
            valid[:, _LEFT] = ~empty & (b0 >= 0) & ~b0_starts
            valid[:, _RIGHT] = valid[:, _LEFT]
            valid[:, _BREAK] = has_b1 & (b1 == b0 + 1) & ~b1_starts
            if any_cannot:
                valid[:, _REDUCE] = ~empty & ~((s1 < 0) & cannot[b0])
                valid[:, _BREAK] &= ~cannot[b1]
            else:
                valid[:, _REDUCE] = ~empty
            if not valid.any(axis=1).all():
                raise _Inexact("a state with no valid move")
            guess = np.where(valid[:, kind_of], scores, -np.inf).argmax(axis=1)
            kind = kind_of[guess]
            shift, reduce, left = kind == _SHIFT, kind == _REDUCE, kind == _LEFT
            right, brk = kind == _RIGHT, kind == _BREAK
            if brk.any():
                cross = brk & at_cut
                if cross.any():  # the mark goes to the next piece when it is decoded again
                    crossed.append(owner[cross])
                    cut_broken |= cross
                    brk &= ~cross
                starts[b1[brk]] = True
            if left.any():
                child, head = s0[left], b0[left]
                old = heads[child]
                had = old >= 0
                if had.any():
                    # the Right-Arc that gave the child its old head is dropped: spaCy pops it off
                    # the head's right arcs, where it is the last one (a child above its head on
                    # the stack); any other case goes to the model
                    if (old[had] > child[had]).any() or (last_right[old[had]] != child[had]).any():
                        raise _Inexact("a Left-Arc on a word whose right arc is not its head's last")
                    last_right[old[had]] = prev_right[child[had]]
                heads[child] = head
                labels[child] = label_of[guess[left]]
                last_left[head] = child
                unshiftable[head] = False
            if right.any():
                child, head = b0[right], s0[right]
                if (heads[child] >= 0).any():
                    raise _Inexact("a Right-Arc on a word with a head")
                prev_right[child] = last_right[head]
                last_right[head] = child
                heads[child] = head
                labels[child] = label_of[guess[right]]
            push = shift | right
            new_rtop = np.where(push & from_rebuffer, rb1, rtop)
            if reduce.any():
                # Reduce puts a word without a head back on the buffer, but not the stack's last
                back = reduce & (heads[s0] < 0) & (s1 >= 0)
                if back.any():
                    word = s0[back]
                    unshiftable[word] = True
                    rbelow[word] = rtop[back]
                    new_rtop[back] = word
            rtop = new_rtop
            bbuf = np.where(push & ~from_rebuffer, after[bbuf], bbuf)
            below[b0[push]] = top[push]
            top = np.where(push, b0, np.where(left | reduce, s1, top))
            live = (top >= 0) | (rtop >= 0) | (bbuf != stop)
            if not live.all():
                top, rtop, bbuf, stop, cut = top[live], rtop[live], bbuf[live], stop[live], cut[live]
                owner, cut_broken, table, base = owner[live], cut_broken[live], table[live], base[live]
                n = len(top)
        return np.unique(np.concatenate(crossed)) if crossed else np.zeros(0, dtype=np.int64)


class _Arcs:
    """The per-token arrays of a decode, each with one more slot at the end that index -1 (no
    token) reads: its "nothing"."""

    def __init__(self, total: int, preset: np.ndarray, cannot: np.ndarray, doc_ends: np.ndarray) -> None:
        size = total + 1
        self.below = np.full(size, -1, dtype=np.int64)       # the word under it on the stack
        self.rbelow = np.full(size, -1, dtype=np.int64)      # the word under it on the rebuffer
        self.heads = np.full(size, -1, dtype=np.int64)
        self.labels = np.zeros(size, dtype=np.uint64)
        self.last_left = np.full(size, -1, dtype=np.int64)   # L(word, 1)
        self.last_right = np.full(size, -1, dtype=np.int64)  # R(word, 1)
        self.prev_right = np.full(size, -1, dtype=np.int64)  # the right child before it of its head
        self.unshiftable = np.zeros(size, dtype=bool)
        self.preset = preset                                 # a sentence start set beforehand
        self.cannot = cannot                                 # set beforehand as no sentence start
        self.starts = preset.copy()                          # set beforehand or by a Break
        self.doc_ends = doc_ends
        # the word after it in its document (B1 when it is B0 and the rebuffer is empty)
        self.after = np.arange(1, size + 1, dtype=np.int64)
        self.after[doc_ends - 1] = -1
        self.after[-1] = -1

    def doc_end_of(self, words: np.ndarray) -> np.ndarray:
        return self.doc_ends[np.searchsorted(self.doc_ends, words, side="right")]

    def clear(self, starts: np.ndarray, ends: np.ndarray) -> None:
        """Forget what a decode did to the words [starts, ends)."""
        for begin, end in zip(starts.tolist(), ends.tolist(), strict=True):
            for values, empty in ((self.below, -1), (self.rbelow, -1), (self.heads, -1), (self.labels, 0),
                                  (self.last_left, -1), (self.last_right, -1), (self.prev_right, -1),
                                  (self.unshiftable, False)):
                values[begin:end] = empty
            self.starts[begin:end] = self.preset[begin:end]


@Language.factory("diplograph_fast_parser")
def _fast_parser(nlp: Language, name: str) -> FastDependencyParser:
    parser = nlp.get_pipe("parser")
    assert isinstance(parser, DependencyParser)
    return FastDependencyParser(parser)
