"""Run blocking service calls off the event loop within a time budget, batching analyses.

The analyzer's regular expressions cannot be interrupted from Python, so the
budget (``REDACTOR_ANALYSIS_TIMEOUT_S``) abandons the thread rather than
killing it: the caller gets 503 ``analysis_timeout`` at once, the worker slot
frees when the thread ends. Text length limits keep that rare.

Concurrent requests of one worker share the model through
``batching.MicroBatcher`` (kept on the ``AppContext``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from redactor.api.batching import MicroBatcher
from redactor.api.context import AppContext
from redactor.api.errors import ApiError

T = TypeVar("T")


async def bounded(
    ctx: AppContext, fn: Callable[[], T], limiter: anyio.CapacityLimiter | None = None
) -> T:
    try:
        with anyio.fail_after(ctx.settings.analysis_timeout_s):
            return await anyio.to_thread.run_sync(
                fn, abandon_on_cancel=True, limiter=limiter or ctx.analysis_slots
            )
    except TimeoutError:
        raise ApiError(
            503, "analysis_timeout", "the analysis took too long; retry later", {"Retry-After": "1"}
        ) from None


def check_texts(ctx: AppContext, texts: list[str]) -> None:
    """Settings-driven limits: batch size and characters per note (422, never echoing text)."""
    if len(texts) > ctx.settings.max_batch:
        raise ApiError(
            422, "batch_too_large", f"at most {ctx.settings.max_batch} texts per request"
        )
    if any(len(t) > ctx.settings.max_text_chars for t in texts):
        raise ApiError(
            422,
            "text_too_long",
            f"a text may hold at most {ctx.settings.max_text_chars} characters",
        )
    if sum(len(t) for t in texts) > ctx.settings.max_request_chars:
        raise ApiError(
            413,
            "too_many_characters",
            f"a request may hold at most {ctx.settings.max_request_chars} characters in all",
        )


def analyzer_of(ctx: AppContext) -> object:
    """The worker's analyzer, behind a ``MicroBatcher`` when it can analyze batches."""
    if ctx.analyzer is None:
        raise ApiError(503, "not_ready", "the model is not loaded yet", {"Retry-After": "5"})
    if not callable(getattr(ctx.analyzer, "analyze_batch", None)):
        return ctx.analyzer
    if ctx.batcher is None or ctx.batcher.inner is not ctx.analyzer:
        ctx.batcher = MicroBatcher(ctx.analyzer)
    return ctx.batcher
