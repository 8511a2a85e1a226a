"""One model batch for the concurrent requests of a worker (``MicroBatcher``).

The model runs one batch at a time, and the notes that arrived while it was
busy go through it together as one ``analyze_batch`` (one ``nlp.pipe``), which
costs less CPU per note than running them one after the other. Depends on
nothing of the app, so ``context`` can hold one and ``work`` can make one
without importing each other.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from redactor.entities import Entity


@dataclass(eq=False)
class _Pending:
    text: str
    done: bool = False
    result: list[Entity] = field(default_factory=list)
    error: BaseException | None = None


@dataclass(eq=False)
class MicroBatcher:
    """An analyzer whose concurrent ``analyze`` calls run as one ``analyze_batch``.

    Leader and followers, no extra thread: the first caller to find the model
    idle becomes the leader, takes every note waiting (up to ``max_batch``),
    runs them as one batch and hands each caller its result; callers that
    arrive meanwhile wait and form the next batch. Nothing is delayed to wait
    for company, so a lone request costs what it cost before. A batch that
    fails is retried note by note, so one bad note fails only its own request.
    """

    inner: Any
    max_batch: int = 8
    _cond: threading.Condition = field(default_factory=threading.Condition, repr=False)
    _queue: list[_Pending] = field(default_factory=list, repr=False)
    _busy: bool = field(default=False, repr=False)

    def analyze(self, text: str) -> list[Entity]:
        me = _Pending(text)
        with self._cond:
            self._queue.append(me)
        while True:
            with self._cond:
                while self._busy and not me.done:
                    self._cond.wait()
                if me.done:
                    return self._outcome(me)
                # The model is idle: lead the next batch (ours, unless more than
                # max_batch older notes wait; then we lead again after it).
                self._busy = True
                batch = self._queue[: self.max_batch]
                del self._queue[: self.max_batch]
            try:
                self._run(batch)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def analyze_batch(self, texts: Sequence[str], batch_size: int = 32) -> list[list[Entity]]:
        result: list[list[Entity]] = self.inner.analyze_batch(list(texts), batch_size=batch_size)
        return result

    def __getattr__(self, name: str) -> Any:
        # Anything else (``entities``...) is the analyzer's own.
        if name.startswith("_") or name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def _run(self, batch: list[_Pending]) -> None:
        try:
            if len(batch) == 1:
                found = [self.inner.analyze(batch[0].text)]
            else:
                found = self.inner.analyze_batch([p.text for p in batch], batch_size=len(batch))
        except Exception as exc:
            if len(batch) > 1:
                for p in batch:
                    self._run([p])
            else:
                batch[0].error, batch[0].done = exc, True
            return
        for p, entities in zip(batch, found, strict=True):
            p.result, p.done = list(entities), True

    @staticmethod
    def _outcome(p: _Pending) -> list[Entity]:
        if p.error is not None:
            raise p.error
        return p.result
