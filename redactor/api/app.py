"""The app factory: every dependency injectable, every default read from ``Settings``.

Tests pass a fake or session analyzer, a temporary store, keys and a clock;
``redactor serve`` calls :func:`app_from_env` once per worker (uvicorn
``factory=True``), and the lifespan loads the model *before* the worker
accepts traffic.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import anyio.to_thread
from fastapi import FastAPI

import redactor
from redactor.api import errors
from redactor.api.admission import Admission
from redactor.api.context import AppContext
from redactor.api.limits import RateLimiter
from redactor.api.metrics import Metrics
from redactor.api.middleware import RequestMiddleware
from redactor.api.routes import analyze, audit, audit_report, health, records
from redactor.api.routes import policies as policy_routes
from redactor.api.security import ApiKeyring
from redactor.crypto.keys import KeyProvider
from redactor.policy.registry import PolicyRegistry
from redactor.service import open_keys
from redactor.settings import Settings
from redactor.store import Store, open_store

if TYPE_CHECKING:
    from redactor.detect.analyze import EntityFinder
    from redactor.detect.supervised import AnalyzerFactory


class StartupRefused(Exception):
    """The configuration is unsafe for this environment (message names files, never keys)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _default_analyzer() -> EntityFinder:
    from redactor.detect.analyze import build_analyzer

    return build_analyzer()


def admission_of(settings: Settings) -> Admission:
    """The characters budget of ``settings`` (a reserve at or above the budget is clamped)."""
    budget = settings.analysis_budget_chars
    return Admission(budget, min(settings.analysis_reserve_chars, budget - 1),
                     min(settings.analysis_small_chars, budget))


def create_app(
    settings: Settings,
    *,
    analyzer: EntityFinder | None = None,
    store: Store | None = None,
    keys: KeyProvider | None = None,
    clock: Callable[[], datetime] | None = None,
    api_keys: ApiKeyring | None = None,
    policies: PolicyRegistry | None = None,
    monotonic: Callable[[], float] | None = None,
    load_analyzer: Callable[[], EntityFinder] = _default_analyzer,
    environ: Mapping[str, str] | None = None,
    analyzer_factory: AnalyzerFactory | None = None,
) -> FastAPI:
    """Build the app. Anything not injected is loaded from ``settings`` now, except the
    analyzer, which the lifespan builds (once per worker) when none is given.

    Isolation (``REDACTOR_ANALYSIS_ISOLATION``): with ``process`` and no analyzer object
    injected, the lifespan starts ``analysis_processes`` supervised processes, each calling
    ``analyzer_factory`` (picklable; default: the real analyzer) once. An injected
    ``analyzer`` object runs in this process (``thread``), as tests and ``thread`` do."""
    api_keys = api_keys if api_keys is not None else ApiKeyring.load(settings.api_keys_path)
    if settings.production and api_keys.dev:
        raise StartupRefused("refusing generated dev API keys with REDACTOR_ENV=production")
    ctx = AppContext(
        settings=settings,
        api_keys=api_keys,
        keys=keys if keys is not None else open_keys(settings, environ=environ),
        store=store if store is not None else open_store(settings.database_url),
        policies=policies
        if policies is not None
        else PolicyRegistry.load(settings.policy, settings.policy_dir),
        limiter=RateLimiter(
            settings.rate_per_second, settings.rate_burst, monotonic or time.monotonic
        ),
        metrics=Metrics(),
        auth_failures=RateLimiter(
            settings.auth_fail_per_second, settings.auth_fail_burst, monotonic or time.monotonic
        ),
        clock=clock or _utc_now,
        analyzer=analyzer,
        admission=admission_of(settings),
    )
    use_processes = settings.analysis_isolation == "process" and (
        analyzer is None or analyzer_factory is not None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if use_processes:
            from redactor.detect.supervised import SupervisedPool

            pool = SupervisedPool(analyzer_factory or _default_analyzer,
                                  settings.analysis_processes)
            await anyio.to_thread.run_sync(pool.start)
            ctx.pool = pool
        elif ctx.analyzer is None:
            ctx.analyzer = await anyio.to_thread.run_sync(load_analyzer)
        try:
            yield
        finally:
            if ctx.pool is not None:
                pool, ctx.pool = ctx.pool, None
                await anyio.to_thread.run_sync(pool.close)

    app = FastAPI(
        title="redactor",
        version=redactor.__version__,
        summary="Finds, masks and stores under encryption the PII in call-center notes.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN: no network at run time
        redoc_url=None,
    )
    app.state.ctx = ctx
    errors.install(app)
    app.add_middleware(
        RequestMiddleware,
        metrics=ctx.metrics,
        max_body_bytes=settings.max_body_bytes,
        body_timeout_s=settings.body_timeout_s,
        refusals=lambda route, role, status: ctx.store.count_refusal(
            ctx.clock(), route, role, status
        ),
    )
    for module in (analyze, records, policy_routes, audit, audit_report, health):
        app.include_router(module.router)
    return app


def app_from_env() -> FastAPI:
    """Uvicorn factory (``redactor.api.app:app_from_env``): one app per worker process."""
    return create_app(Settings())
