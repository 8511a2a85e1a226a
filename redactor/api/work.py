"""Run blocking service calls off the event loop within a time budget, batching analyses.

The analyzer's regular expressions cannot be interrupted from Python, so the
budget (``REDACTOR_ANALYSIS_TIMEOUT_S``) abandons the thread rather than
killing it: the caller gets 503 ``analysis_timeout`` at once, the worker slot
frees when the thread ends. Text length limits keep that rare.

Concurrent requests of one worker share the model through ``MicroBatcher``:
the model runs one batch at a time, and the notes that arrived while it was
busy go through it together as one ``analyze_batch`` (one ``nlp.pipe``), which
costs less CPU per note than running them one after the other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from redactor.api.context import AppContext
from redactor.api.errors import ApiError
from redactor.entities import Entity

T = TypeVar("T")


async def bounded(ctx: AppContext, fn: Callable[[], T],
                  limiter: anyio.CapacityLimiter | None = None) -> T:
    try:
        with anyio.fail_after(ctx.settings.analysis_timeout_s):
            return await anyio.to_thread.run_sync(
                fn, abandon_on_cancel=True, limiter=limiter or ctx.analysis_slots
            )
    except TimeoutError:
        raise ApiError(503, "analysis_timeout", "the analysis took too long; retry later",
                       {"Retry-After": "1"}) from None


def check_texts(ctx: AppContext, texts: list[str]) -> None:
    """Settings-driven limits: batch size and characters per note (422, never echoing text)."""
    if len(texts) > ctx.settings.max_batch:
        raise ApiError(422, "batch_too_large",
                       f"at most {ctx.settings.max_batch} texts per request")
    if any(len(t) > ctx.settings.max_text_chars for t in texts):
        raise ApiError(422, "text_too_long",
                       f"a text may hold at most {ctx.settings.max_text_chars} characters")
    if sum(len(t) for t in texts) > ctx.settings.max_request_chars:
        raise ApiError(413, "too_many_characters",
                       f"a request may hold at most {ctx.settings.max_request_chars} "
                       "characters in all")


def analyzer_of(ctx: AppContext) -> object:
    """The worker's analyzer, behind a ``MicroBatcher`` when it can analyze batches."""
    if ctx.analyzer is None:
        raise ApiError(503, "not_ready", "the model is not loaded yet", {"Retry-After": "5"})
    if not callable(getattr(ctx.analyzer, "analyze_batch", None)):
        return ctx.analyzer
    if ctx.batcher is None or ctx.batcher.inner is not ctx.analyzer:
        ctx.batcher = MicroBatcher(ctx.analyzer)
    return ctx.batcher


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

