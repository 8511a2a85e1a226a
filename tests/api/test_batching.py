"""MicroBatcher: concurrent analyses share one batch, each caller gets its own answer."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from redactor.api.batching import MicroBatcher
from redactor.entities import Entity


def _entity(text: str) -> Entity:
    return Entity(start=0, end=len(text), label="PERSON", score=0.9, recognizer="fake")


class GatedFinder:
    """Answers one entity spanning each text; the first call waits for ``gate``."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[list[str]] = []
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.fail_on = fail_on

    def _answer(self, texts: list[str]) -> list[list[Entity]]:
        self.calls.append(list(texts))
        if len(self.calls) == 1:
            self.entered.set()
            self.gate.wait(timeout=10)
        if self.fail_on in texts:
            raise ValueError("refused")
        return [[_entity(t)] for t in texts]

    def analyze(self, text: str) -> list[Entity]:
        return self._answer([text])[0]

    def analyze_batch(self, texts: list[str], batch_size: int = 32) -> list[list[Entity]]:
        return self._answer(texts)


def _concurrently(batcher: MicroBatcher, finder: GatedFinder, texts: list[str]) -> dict[str, Any]:
    """The first text holds the model; the others arrive while it is busy."""
    out: dict[str, Any] = {}

    def call(text: str) -> None:
        try:
            out[text] = batcher.analyze(text)
        except ValueError as exc:
            out[text] = exc

    first = threading.Thread(target=call, args=(texts[0],))
    first.start()
    assert finder.entered.wait(timeout=10)
    rest = [threading.Thread(target=call, args=(t,)) for t in texts[1:]]
    for th in rest:
        th.start()
    # Every follower is queued before the model is released.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with batcher._cond:
            if len(batcher._queue) == len(rest):
                break
        time.sleep(0.001)
    finder.gate.set()
    for th in [first, *rest]:
        th.join(timeout=10)
    return out


@pytest.mark.parametrize(
    ("n", "max_batch", "expected_calls"),
    [
        (1, 8, [1]),  # a lone request runs alone, undelayed
        (4, 8, [1, 3]),  # three arriving during the first run share the next batch
        (6, 2, [1, 2, 2, 1]),  # the batch never exceeds max_batch
    ],
)
def test_when_requests_arrive_while_busy_then_they_share_a_batch(
    n: int, max_batch: int, expected_calls: list[int]
) -> None:
    finder = GatedFinder()
    batcher = MicroBatcher(finder, max_batch=max_batch)
    texts = [f"note-{i}" for i in range(n)]
    out = _concurrently(batcher, finder, texts)
    assert [len(c) for c in finder.calls] == expected_calls
    for t in texts:
        assert out[t] == [_entity(t)]


def test_when_one_note_of_a_batch_fails_then_only_its_caller_fails() -> None:
    finder = GatedFinder(fail_on="bad")
    batcher = MicroBatcher(finder)
    out = _concurrently(batcher, finder, ["first", "good", "bad", "fine"])
    assert isinstance(out["bad"], ValueError)
    for t in ("first", "good", "fine"):
        assert out[t] == [_entity(t)]


def test_other_attributes_are_the_analyzers() -> None:
    finder = GatedFinder()
    finder.gate.set()
    batcher = MicroBatcher(finder)
    assert batcher.calls is finder.calls
    assert batcher.analyze_batch(["a", "b"]) == [[_entity("a")], [_entity("b")]]
    with pytest.raises(AttributeError):
        _ = batcher.no_such_thing
