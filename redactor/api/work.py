"""Run analysis off the event loop: admitted by characters, within a deadline that holds.

Every analysing route goes through :func:`admitted`: its characters are
admitted first (``admission``: 429 ``overloaded`` with Retry-After when they do
not fit, before any queue), then the work runs in a thread within
``REDACTOR_ANALYSIS_TIMEOUT_S``. With process isolation the analyzer the work
calls is the supervised pool's (``redactor.detect.supervised``): a late job's
process is killed and replaced, so 503 ``analysis_timeout`` really frees the
CPU. With thread isolation the thread is abandoned and runs on; its characters
stay admitted until it ends, so the budget sheds instead of piling up.

Auditors' re-scans go through :class:`AuditFinder`: the audit lane of the
admission (never the desk app's reserve), one record at a time; a record that
does not fit or times out is skipped and reported, the audit goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from redactor.api.admission import Lane, Overloaded, Permit
from redactor.api.batching import MicroBatcher
from redactor.api.context import AppContext
from redactor.api.errors import ApiError
from redactor.audit.report import RescanSkipped
from redactor.entities import Entity

T = TypeVar("T")

#: seconds past the deadline the supervised pool is given to report its own timeout
_POOL_GRACE_S = 2.0


def _timeout() -> ApiError:
    return ApiError(503, "analysis_timeout", "the analysis took too long; retry later",
                    {"Retry-After": "1"})


async def bounded(ctx: AppContext, fn: Callable[[], T],
                  limiter: anyio.CapacityLimiter | None = None) -> T:
    """``fn`` in a thread within the analysis deadline (503 ``analysis_timeout`` after)."""
    from redactor.detect.supervised import AnalysisFailed, AnalysisTimeout, PoolClosed

    grace = _POOL_GRACE_S if ctx.pool is not None else 0.0
    try:
        with anyio.fail_after(ctx.settings.analysis_timeout_s + grace):
            return await anyio.to_thread.run_sync(
                fn, abandon_on_cancel=True, limiter=limiter or ctx.analysis_slots
            )
    except (TimeoutError, AnalysisTimeout):
        raise _timeout() from None
    except AnalysisFailed:
        raise ApiError(503, "analysis_failed", "the analysis failed; retry later",
                       {"Retry-After": "1"}) from None
    except PoolClosed:
        raise ApiError(503, "not_ready", "the model is not loaded yet",
                       {"Retry-After": "5"}) from None


def admit(ctx: AppContext, chars: int, lane: Lane = Lane.DESK) -> Permit | None:
    """Hold ``chars`` of the analysis budget, or 429 ``overloaded`` (nothing queued)."""
    if ctx.admission is None:
        return None
    try:
        return ctx.admission.admit(chars, lane)
    except Overloaded as exc:  # counted by the middleware as error code ``overloaded``
        raise ApiError(429, "overloaded", "the service is busy analysing; retry later",
                       {"Retry-After": str(exc.retry_after)}) from None


async def admitted(ctx: AppContext, chars: int, fn: Callable[[], T]) -> T:
    """``fn`` (which analyses ``chars`` characters) admitted, then :func:`bounded`.

    The characters are released when ``fn`` really ends (in its thread), or at once
    if it never started."""
    permit = admit(ctx, chars)
    if permit is None:
        return await bounded(ctx, fn)

    def run() -> T:
        permit.started = True
        try:
            return fn()
        finally:
            permit.release()

    try:
        return await bounded(ctx, run)
    finally:
        if not permit.started:
            permit.release()


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
    """The analyzer a request's work calls: the supervised pool's (its deadline built in),
    else this worker's analyzer, behind a ``MicroBatcher`` when it can analyze batches."""
    if ctx.pool is not None:
        return ctx.pool.finder(ctx.settings.analysis_timeout_s)
    if ctx.analyzer is None:
        raise ApiError(503, "not_ready", "the model is not loaded yet", {"Retry-After": "5"})
    if not callable(getattr(ctx.analyzer, "analyze_batch", None)):
        return ctx.analyzer
    if ctx.batcher is None or ctx.batcher.inner is not ctx.analyzer:
        ctx.batcher = MicroBatcher(ctx.analyzer)
    return ctx.batcher


def note_analyzer(ctx: AppContext) -> object | None:
    """What redacts a purpose note (at most 3,000 characters): the pool's when analysis
    runs in processes, else this worker's analyzer (None before it is loaded)."""
    if ctx.pool is not None:
        return ctx.pool.finder(ctx.settings.analysis_timeout_s)
    return ctx.analyzer


@dataclass(frozen=True)
class AuditFinder:
    """The analyzer an audit's re-scan calls: each note admitted on the audit lane, and
    skipped (``RescanSkipped``) when it does not fit or passes its deadline."""

    ctx: AppContext
    inner: Any

    def analyze(self, text: str) -> list[Entity]:
        from redactor.detect.supervised import AnalysisFailed, AnalysisTimeout

        admission = self.ctx.admission
        try:
            permit = admission.admit(len(text), Lane.AUDIT) if admission is not None else None
        except Overloaded:
            raise RescanSkipped("overloaded") from None
        try:
            found: list[Entity] = self.inner.analyze(text)
            return found
        except (AnalysisTimeout, AnalysisFailed):
            raise RescanSkipped("timeout") from None
        finally:
            if permit is not None:
                permit.release()


def audit_finder(ctx: AppContext) -> AuditFinder:
    """The re-scan's analyzer (see :class:`AuditFinder`); 503 ``not_ready`` before the model."""
    return AuditFinder(ctx, analyzer_of(ctx))
