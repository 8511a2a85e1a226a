"""GiNZA's entity recognizer, decoded in numpy: the same greedy BILUO parse, without its cost.

Why: spaCy's transition-based NER picks each token's action by testing all
758 of ja_ginza's moves (B/I/L/U for 189 labels, and O) for validity, and in
the spaCy wheel installed here every one of those tests takes and drops the
GIL (the state's inline helpers, compiled with Cython 3.3, acquire it).
That is ~400 µs of mutex traffic a token, four times the whole tok2vec: on
10,000 characters where every token is near a name (the focus window keeps
them all) the NER alone took ~2.8 s (issue 16; ``perf`` puts 45 % of it in
``pthread_mutex_lock``/``unlock`` under ``PyGILState_Ensure``).

The parse itself is simple. A state is the next token ``b`` and the entity
open, if any. Its features are ``[b, entity start, b - 1]`` (-1, the
padding row, for the last two when no entity is open), each looked up in
the table the model precomputes for every token (``precomputable_affine``),
summed, biased, max-pooled and scored by the output layer. The best-scoring
valid action wins. So a state with no entity open depends on ``b`` alone:
its action is computed for all tokens at once, in one matrix product, and
the sequential loop only walks the tokens inside entities, where the only
valid moves are ``I`` and ``L`` of the open label. Validity follows
``spacy/pipeline/_parser_internals/ner.pyx`` for documents without preset
entities (the only kind this pipeline makes); a document with any, a
beam-search configuration, or a model of another shape goes to spaCy's own
``predict``. The arithmetic is spaCy's, in its order (features summed
left to right from zero, then the bias); only the output layer's matrix
product is numpy's instead of BLIS's, and the entities are the same on
every note we measure (tests/detect/test_greedy_ner.py compares them with
spaCy's on the dev notes and on the adversarial kinds of ``bench/abuse.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

#: spaCy's BILUO move codes (``spacy/pipeline/_parser_internals/ner.pyx``)
MISSING, BEGIN, IN, LAST, UNIT, OUT = range(6)
_MOVE_CODES = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT}
#: the feature layout this decoder knows: next token, entity start, previous token
N_FEATURES = 3
NO_LABEL = 0

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class MoveTable:
    """ja_ginza's moves as arrays: each class's move code and label number (0: none)."""

    moves: IntArray
    labels: IntArray
    names: tuple[str, ...]  # label number → label string; names[0] == ""
    #: the class of ``I-<label>`` and ``L-<label>`` for each label number (-1: none)
    in_class: IntArray
    last_class: IntArray
    #: the classes a state with no entity open may take, by kind
    begin_classes: IntArray
    unit_classes: IntArray
    out_classes: IntArray

    @classmethod
    def from_class_names(cls, class_names: Sequence[str]) -> MoveTable:
        """Read spaCy's class names (``B-Person``, ``U-``, ``O``...) in class order."""
        names: list[str] = [""]
        number: dict[str, int] = {"": NO_LABEL}
        moves: list[int] = []
        labels: list[int] = []
        for name in class_names:
            if name == "O":
                move, label = OUT, ""
            elif name in ("M", "-", ""):
                move, label = MISSING, ""
            else:
                code, _, label = name.partition("-")
                move = _MOVE_CODES[code]
            if label not in number:
                number[label] = len(names)
                names.append(label)
            moves.append(move)
            labels.append(number[label])
        move_arr = np.array(moves, dtype=np.int64)
        label_arr = np.array(labels, dtype=np.int64)
        in_class = np.full(len(names), -1, dtype=np.int64)
        last_class = np.full(len(names), -1, dtype=np.int64)
        for i, (move, num) in enumerate(zip(moves, labels, strict=True)):
            # the first class of a (move, label) pair, as spaCy's lookup finds it
            if move == IN and num != NO_LABEL and in_class[num] < 0:
                in_class[num] = i
            if move == LAST and num != NO_LABEL and last_class[num] < 0:
                last_class[num] = i
        labelled = label_arr != NO_LABEL
        return cls(
            moves=move_arr,
            labels=label_arr,
            names=tuple(names),
            in_class=in_class,
            last_class=last_class,
            begin_classes=np.flatnonzero((move_arr == BEGIN) & labelled),
            unit_classes=np.flatnonzero((move_arr == UNIT) & labelled),
            out_classes=np.flatnonzero(move_arr == OUT),
        )


def argmax_if_valid(scores: Sequence[float], valid: Sequence[bool]) -> int:
    """spaCy's ``arg_max_if_valid``: the first valid class of the highest score (-1: none).

    The reference the vectorized choice falls back to when a row holds NaN
    or nothing valid above minus infinity, where numpy's argmax would differ.
    """
    best = -1
    for i, (score, ok) in enumerate(zip(scores, valid, strict=True)):
        if ok and (best == -1 or score > scores[best]):
            best = i
    return best


def choose(scores: FloatArray, valid: BoolArray) -> IntArray:
    """Row by row, the class ``argmax_if_valid`` picks (numpy's argmax where they agree)."""
    masked = np.where(valid, scores, -np.inf)
    best: IntArray = masked.argmax(axis=1).astype(np.int64)
    rows = np.arange(len(best))
    doubtful = ~valid[rows, best] | np.isnan(scores).any(axis=1)
    for r in np.flatnonzero(doubtful):
        best[r] = argmax_if_valid(scores[r].tolist(), valid[r].tolist())
    return best


@dataclass(frozen=True)
class DocFacts:
    """What validity reads of a document's tokens: whitespace and sentence starts."""

    is_space: BoolArray
    #: the token after this one starts a sentence (False for the last token)
    next_starts: BoolArray

    @property
    def length(self) -> int:
        return len(self.is_space)


class GreedyEntityRecognizer:
    """A pipeline component that decodes a loaded spaCy ``EntityRecognizer``'s model.

    It keeps the wrapped component (spaCy's own decoding, for what this
    decoder does not handle) and reads its model's layers; it trains nothing
    and changes no weights.
    """

    def __init__(self, ner: Any) -> None:
        self.ner = ner
        model = ner.model
        self.moves = MoveTable.from_class_names(
            [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        )
        self.tok2vec = model.get_ref("tok2vec")
        self.lower = model.get_ref("lower")
        self.upper = model.get_ref("upper")
        self.supported = (
            ner.cfg.get("beam_width", 1) == 1
            and model.attrs.get("has_upper", False)
            and not model.attrs.get("unseen_classes")
            and self.lower.get_dim("nF") == N_FEATURES
            and self.upper.get_dim("nO") == len(self.moves.moves)
            and not getattr(ner, "postprocesses", None)
        )

    # --- the component's face: what spaCy's Language calls ---

    def __call__(self, doc: Any) -> Any:
        self.annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], *, batch_size: int = 256) -> Iterator[Any]:
        """Batches as spaCy's ``Parser.pipe`` makes them: sorted by length, in quarters."""
        for in_order in _batches(docs, batch_size):
            by_length = sorted(in_order, key=len)
            for sub in _batches(by_length, max(batch_size // 4, 2)):
                self.annotate(sub)
            yield from in_order

    def annotate(self, docs: list[Any]) -> None:
        """Set ``doc.ents`` on each document, as the wrapped recognizer would."""
        if not self.supported or any(_has_preset_entities(d) for d in docs):
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return
        from spacy.tokens import Span

        for doc, ents in zip(docs, self.parse(docs), strict=True):
            spans = [Span(doc, s, e, label=self.moves.names[lab]) for s, e, lab in ents]
            # spaCy sets the entities, then every token left unset to O: the same, without presets
            doc.set_ents(spans, default="outside")

    # --- the parse ---

    def parse(self, docs: Sequence[Any]) -> list[list[tuple[int, int, int]]]:
        """Each document's entities as (start token, end token, label number)."""
        found: list[list[tuple[int, int, int]]] = []
        if not any(len(d) for d in docs):
            return [[] for _ in docs]
        layers = _Layers.of(self, docs)
        offset = 0
        for doc in docs:
            fact = _doc_facts(doc)
            n = fact.length
            # With no entity open, a state is its next token alone: features [b, -1, -1].
            rows = np.arange(offset + 1, offset + n + 1)
            pad = np.zeros(n, dtype=np.int64)
            closed = layers.score(layers.hidden(rows, pad, pad))
            actions = closed_choice(self.moves, closed, fact)
            found.append(walk(self.moves, actions, fact, offset, layers))
            offset += n
        return found


class StateScorer(Protocol):
    """The model's two steps from a state's features to its classes' scores."""

    def hidden(self, first: IntArray, second: IntArray, third: IntArray) -> FloatArray: ...

    def score(self, hidden: FloatArray) -> FloatArray: ...


def closed_choice(moves: MoveTable, scores: FloatArray, fact: DocFacts) -> IntArray:
    """Each token's class when no entity is open there (O, B-x or U-x).

    ``ner.pyx`` without presets: O is always valid; U needs a token that is
    not whitespace; B also needs a next token that does not start a sentence.
    """
    n = fact.length
    remaining = n - np.arange(n)
    can_begin = (remaining >= 2) & ~fact.next_starts & ~fact.is_space
    can_unit = ~fact.is_space
    valid = np.zeros(scores.shape, dtype=bool)
    valid[:, moves.out_classes] = True
    valid[np.ix_(can_begin, moves.begin_classes)] = True
    valid[np.ix_(can_unit, moves.unit_classes)] = True
    return choose(scores, valid)


def walk(
    moves: MoveTable, actions: IntArray, fact: DocFacts, offset: int, layers: StateScorer
) -> list[tuple[int, int, int]]:
    """The greedy parse of one document, skipping the tokens whose closed action is O.

    ``actions`` are ``closed_choice``'s; ``offset`` is the document's first
    token in the batch's feature table. Inside an entity only I and L of its
    label are valid (I not on the last token, nor before a sentence start),
    and each step is scored afresh from the features [b, entity start, b - 1].
    """
    codes, labels = moves.moves, moves.labels
    n = fact.length
    ents: list[tuple[int, int, int]] = []
    b = 0
    for at in np.flatnonzero(codes[actions] != OUT).tolist():
        if at < b:  # inside an entity the walk has already closed
            continue
        action = int(actions[at])
        label = int(labels[action])
        if codes[action] == UNIT:
            ents.append((at, at + 1, label))
            b = at + 1
            continue
        start, b = at, at + 1  # BEGIN
        in_cls, last_cls = int(moves.in_class[label]), int(moves.last_class[label])
        while True:
            valid = [c for c in (in_cls, last_cls) if c >= 0]
            if in_cls >= 0 and (n - b < 2 or fact.next_starts[b]):
                valid.remove(in_cls)
            if not valid:  # spaCy forces such a state final, leaving the entity open
                return ents
            # the table's row of token t is t + 1 (row 0 pads)
            feats = [np.array([offset + t + 1]) for t in (b, start, b - 1)]
            row = layers.score(layers.hidden(*feats))[0]
            cls = _first_best(row, sorted(valid))
            b += 1
            if cls == last_cls:
                ents.append((start, b, label))
                break
    return ents


@dataclass(frozen=True)
class _Layers:
    """One batch's precomputed feature table and the two layers that read it."""

    table: FloatArray  # (tokens + 1, nF, nO, nP); row 0 is the padding
    bias: FloatArray
    weights: FloatArray
    out_bias: FloatArray

    @classmethod
    def of(cls, rec: GreedyEntityRecognizer, docs: Sequence[Any]) -> _Layers:
        tokvecs = rec.tok2vec.predict(list(docs))
        table, _ = rec.lower(tokvecs, is_train=False)
        return cls(
            table=table,
            bias=rec.lower.get_param("b"),
            weights=rec.upper.get_param("W"),
            out_bias=rec.upper.get_param("b"),
        )

    def hidden(self, first: IntArray, second: IntArray, third: IntArray) -> FloatArray:
        """spaCy's ``sum_state_features``: from zero, feature by feature, then bias, maxout."""
        summed = (self.table[first, 0] + self.table[second, 1]) + self.table[third, 2]
        summed += self.bias
        maxed: FloatArray = summed.max(axis=-1)
        return maxed

    def score(self, hidden: FloatArray) -> FloatArray:
        scores: FloatArray = hidden @ self.weights.T
        scores += self.out_bias
        return scores


def _first_best(row: FloatArray, classes: Sequence[int]) -> int:
    """Of ``classes`` (ascending, all valid), the one ``argmax_if_valid`` picks."""
    best = classes[0]
    for c in classes[1:]:
        if row[c] > row[best]:
            best = c
    return best


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last shorter), as ``spacy.util.minibatch``."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _doc_facts(doc: Any) -> DocFacts:
    from spacy.attrs import IS_SPACE, SENT_START

    arr = doc.to_array([IS_SPACE, SENT_START])
    is_space = arr[:, 0].astype(bool)
    starts = arr[:, 1].astype(np.int64) == 1
    next_starts = np.zeros(len(doc), dtype=bool)
    next_starts[:-1] = starts[1:]
    return DocFacts(is_space=is_space, next_starts=next_starts)


def _has_preset_entities(doc: Any) -> bool:
    from spacy.attrs import ENT_IOB

    return bool(len(doc)) and bool(doc.to_array([ENT_IOB]).any())


def use_greedy_ner(nlp: Any, name: str = "ner") -> None:
    """Decode the pipeline's ``name`` component with ``GreedyEntityRecognizer``, in place.

    The component keeps its name and its place; spaCy's own recognizer stays
    inside it for what the greedy decoder does not handle.
    """
    index = nlp.component_names.index(name)
    original = nlp.get_pipe(name)
    if isinstance(original, GreedyEntityRecognizer):
        return
    # spaCy has no public call to swap a component object under the same name
    nlp._components[index] = (name, GreedyEntityRecognizer(original))
