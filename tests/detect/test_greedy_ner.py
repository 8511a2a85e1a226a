"""The numpy decoding of GiNZA's NER: spaCy's rules on made-up scores, spaCy's entities on notes."""

from __future__ import annotations

import importlib.util
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from redactor.detect.greedy_ner import (
    BEGIN,
    IN,
    LAST,
    OUT,
    UNIT,
    DocFacts,
    GreedyEntityRecognizer,
    MoveTable,
    argmax_if_valid,
    choose,
    closed_choice,
    walk,
)

CLASSES = ["B-Person", "B-City", "I-Person", "L-Person", "U-Person", "I-City", "L-City"]
CLASSES += ["U-City", "U-", "O"]
MOVES = MoveTable.from_class_names(CLASSES)
B_PERSON, B_CITY, I_PERSON, L_PERSON, U_PERSON, I_CITY, L_CITY, U_CITY, U_NONE, OUTSIDE = range(10)
PERSON = MOVES.names.index("Person")


def test_when_class_names_are_read_then_each_label_finds_its_i_and_l() -> None:
    assert MOVES.moves.tolist() == [BEGIN, BEGIN, IN, LAST, UNIT, IN, LAST, UNIT, UNIT, OUT]
    assert MOVES.in_class[PERSON] == I_PERSON and MOVES.last_class[PERSON] == L_PERSON
    assert MOVES.begin_classes.tolist() == [B_PERSON, B_CITY]
    # ``U-`` (no label) is valid only over a preset blocked token, which we never decode
    assert MOVES.unit_classes.tolist() == [U_PERSON, U_CITY]
    assert MOVES.out_classes.tolist() == [OUTSIDE]


NAN = math.nan


@pytest.mark.parametrize(
    ("scores", "valid", "best"),
    [
        ([1.0, 3.0, 2.0], [True, True, True], 1),
        ([1.0, 3.0, 2.0], [True, False, True], 2),
        ([3.0, 3.0, 1.0], [True, True, True], 0),  # a tie goes to the first class
        ([1.0, 2.0], [False, False], -1),
        ([-math.inf, 5.0], [True, False], 0),  # the only valid class, however bad
        ([NAN, 5.0, 1.0], [True, True, True], 0),  # a NaN first sticks: nothing beats it
        ([1.0, NAN, 5.0], [True, True, True], 2),
    ],
)
def test_argmax_if_valid_is_spacys(scores: list[float], valid: list[bool], best: int) -> None:
    assert argmax_if_valid(scores, valid) == best


def test_when_rows_hold_ties_nans_and_infinities_then_choose_is_argmax_if_valid() -> None:
    rng = np.random.default_rng(7)
    scores = rng.integers(0, 4, size=(300, 12)).astype(np.float32)  # many ties
    scores[rng.random(scores.shape) < 0.05] = np.nan
    scores[rng.random(scores.shape) < 0.05] = -np.inf
    valid = rng.random(scores.shape) < 0.6
    valid[:, -1] = True  # O: always one valid class, as in a closed state
    picked = choose(scores, valid).tolist()
    assert picked == [
        argmax_if_valid(s.tolist(), v.tolist()) for s, v in zip(scores, valid, strict=True)
    ]


def _facts(is_space: list[bool], starts: list[bool] | None = None) -> DocFacts:
    starts = starts or [False] * len(is_space)
    return DocFacts(np.array(is_space), np.array([*starts[1:], False]))


def _prefer(order: list[int], n: int) -> np.ndarray:
    """Scores for ``n`` tokens that rank the classes in ``order`` first, best first."""
    row = np.zeros(len(CLASSES), dtype=np.float32)
    for rank, cls in enumerate(order):
        row[cls] = len(order) - rank
    return np.tile(row, (n, 1))


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (_facts([False, False, False]), [B_PERSON, B_PERSON, U_PERSON]),  # no B on the last
        (_facts([False, True, False]), [B_PERSON, OUTSIDE, U_PERSON]),  # no B or U on whitespace
        (_facts([False, False, False], [True, True, False]), [U_PERSON, B_PERSON, U_PERSON]),
    ],
)
def test_closed_states_follow_spacys_validity(facts: DocFacts, expected: list[int]) -> None:
    scores = _prefer([B_PERSON, U_PERSON, OUTSIDE], facts.length)
    assert closed_choice(MOVES, scores, facts).tolist() == expected


class ScriptedScorer:
    """Scores an open state by its next token: ``script[b]`` ranks the classes there."""

    def __init__(self, script: dict[int, list[int]], offset: int = 0) -> None:
        self.script, self.offset = script, offset
        self.features: list[tuple[int, int, int]] = []

    def hidden(self, first: Any, second: Any, third: Any) -> Any:
        self.features.append((int(first[0]), int(second[0]), int(third[0])))
        return np.array([int(first[0]) - 1 - self.offset])

    def score(self, hidden: Any) -> Any:
        return _prefer(self.script[int(hidden[0])], 1)


def _actions(*classes: int) -> np.ndarray:
    return np.array(classes, dtype=np.int64)


def test_when_an_entity_opens_then_it_runs_until_l_scores_best() -> None:
    scorer = ScriptedScorer({1: [I_PERSON, L_PERSON], 2: [L_PERSON, I_PERSON]}, offset=10)
    actions = _actions(B_PERSON, OUTSIDE, OUTSIDE, U_CITY, OUTSIDE)
    ents = walk(MOVES, actions, _facts([False] * 5), 10, scorer)
    assert ents == [(0, 3, PERSON), (3, 4, MOVES.names.index("City"))]
    # features [b, entity start, b - 1], each shifted by the batch offset and the pad row
    assert scorer.features == [(12, 11, 11), (13, 11, 12)]


def test_when_the_doc_ends_inside_an_entity_then_l_is_forced() -> None:
    scorer = ScriptedScorer({1: [I_PERSON, L_PERSON], 2: [I_PERSON, L_PERSON]})
    assert walk(MOVES, _actions(B_PERSON, OUTSIDE, OUTSIDE), _facts([False] * 3), 0, scorer) == [
        (0, 3, PERSON)
    ]


def test_when_the_next_token_starts_a_sentence_then_the_entity_closes_before_it() -> None:
    scorer = ScriptedScorer({1: [I_PERSON, L_PERSON]})
    facts = _facts([False] * 4, [True, False, True, False])
    assert walk(MOVES, _actions(B_PERSON, OUTSIDE, OUTSIDE, OUTSIDE), facts, 0, scorer) == [
        (0, 2, PERSON)
    ]


def test_when_i_and_l_tie_then_the_lower_class_wins() -> None:
    class Tie(ScriptedScorer):
        def score(self, hidden: Any) -> Any:
            return np.zeros((1, len(CLASSES)), dtype=np.float32)

    assert walk(MOVES, _actions(B_PERSON, OUTSIDE, OUTSIDE), _facts([False] * 3), 0, Tie({})) == [
        (0, 3, PERSON)  # I-Person (2) before L-Person (3), then L forced at the end
    ]


def test_closed_tokens_inside_a_walked_entity_are_not_reopened() -> None:
    scorer = ScriptedScorer({1: [I_PERSON, L_PERSON], 2: [L_PERSON]})
    # the closed parse would begin at 1 and 2, but the entity opened at 0 covers them
    actions = _actions(B_PERSON, B_CITY, U_CITY, U_PERSON)
    assert walk(MOVES, actions, _facts([False] * 4), 0, scorer) == [
        (0, 3, PERSON),
        (3, 4, PERSON),
    ]


# --- against spaCy's own decoding, on the real model ---------------------------------


def _abuse_kinds() -> dict[str, Callable[[int], str]]:
    path = Path(__file__).resolve().parents[2] / "bench" / "abuse.py"
    spec = importlib.util.spec_from_file_location("abuse_bench_ner", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["abuse_bench_ner"] = module
    spec.loader.exec_module(module)
    kinds: dict[str, Callable[[int], str]] = module.KINDS
    return kinds


def _entities(docs: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (tuple((e.start, e.end, e.label_) for e in d.ents), tuple(t.ent_iob for t in d))
        for d in docs
    ]


@pytest.mark.slow
def test_the_greedy_decoder_finds_spacys_entities(
    nlp: Any, dev_notes: list[dict[str, Any]]
) -> None:
    """Same entities and the same IOB on every token, note by note and in batches."""
    greedy = nlp.get_pipe("ner")
    assert isinstance(greedy, GreedyEntityRecognizer)
    texts = [n["text"] for n in dev_notes]
    texts += [make(1000) for make in _abuse_kinds().values()]
    texts += ["", " ", "\n\n", "山田", "山田 太郎\n\n佐藤"]
    tok2vec = nlp.get_pipe("tok2vec")
    docs = [tok2vec(nlp.make_doc(t)) for t in texts]
    for batch_size in (1, 32):
        ours = [d.copy() for d in docs]
        theirs = [d.copy() for d in docs]
        list(greedy.pipe(ours, batch_size=batch_size))
        list(greedy.ner.pipe(theirs, batch_size=batch_size))
        assert _entities(ours) == _entities(theirs)


@pytest.mark.slow
def test_a_doc_with_preset_entities_is_left_to_spacy(nlp: Any) -> None:
    from spacy.tokens import Span

    greedy = nlp.get_pipe("ner")
    docs = []
    for _ in range(2):
        doc = nlp.get_pipe("tok2vec")(nlp.make_doc("山田太郎さんが来庁した。"))
        doc.set_ents([Span(doc, 0, 1, label="Person")], default="unmodified")
        docs.append(doc)
    greedy(docs[0])
    greedy.ner(docs[1])
    assert _entities(docs[:1]) == _entities(docs[1:])
