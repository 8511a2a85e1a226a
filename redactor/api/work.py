"""Run blocking service calls off the event loop, one at a time, within a time budget.

The analyzer's regular expressions cannot be interrupted from Python, so the
budget (``REDACTOR_ANALYSIS_TIMEOUT_S``) abandons the thread rather than
killing it: the caller gets 503 ``analysis_timeout`` at once, the worker slot
frees when the thread ends. Text length limits keep that rare.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from redactor.api.context import AppContext
from redactor.api.errors import ApiError

T = TypeVar("T")


async def bounded(ctx: AppContext, fn: Callable[[], T]) -> T:
    try:
        with anyio.fail_after(ctx.settings.analysis_timeout_s):
            return await anyio.to_thread.run_sync(
                fn, abandon_on_cancel=True, limiter=ctx.analysis_slots
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


def analyzer_of(ctx: AppContext) -> object:
    if ctx.analyzer is None:
        raise ApiError(503, "not_ready", "the model is not loaded yet", {"Retry-After": "5"})
    return ctx.analyzer
