"""What a running app holds: settings, keys, store, policies, limiter, metrics, clock, analyzer.

Built once by ``create_app`` (from injected parts or from settings) and hung
on ``app.state``; routes reach it through ``deps.Ctx``, never through globals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from anyio import CapacityLimiter

from redactor.api.admission import Admission
from redactor.api.batching import MicroBatcher
from redactor.api.limits import RateLimiter
from redactor.api.metrics import Metrics
from redactor.api.security import ApiKeyring
from redactor.crypto.keys import KeyProvider
from redactor.policy.registry import PolicyRegistry
from redactor.settings import Settings
from redactor.store.store import Store

if TYPE_CHECKING:
    from redactor.detect.analyze import EntityFinder
    from redactor.detect.supervised import SupervisedPool

#: threads that may hold request work at once in one worker (the batch the model may take)
ANALYSIS_THREADS = 8


@dataclass
class AppContext:
    settings: Settings
    api_keys: ApiKeyring
    keys: KeyProvider
    store: Store
    policies: PolicyRegistry
    limiter: RateLimiter
    metrics: Metrics
    clock: Callable[[], datetime]
    analyzer: EntityFinder | None = None
    #: failed authentications per client address (401s are rate-limited too)
    auth_failures: RateLimiter | None = None
    #: Request work runs in threads. The model itself runs one batch at a time
    #: (``batching.MicroBatcher``): the threads beyond the first wait there to join
    #: the next batch, so they add no CPU contention, only batching.
    analysis_slots: CapacityLimiter = field(
        default_factory=lambda: CapacityLimiter(ANALYSIS_THREADS)
    )
    #: Auditors' reports run here, never on the desk app's analysis slots: one at a time.
    audit_slots: CapacityLimiter = field(default_factory=lambda: CapacityLimiter(1))
    #: the analyzer behind its micro-batcher, made on first use (``work.analyzer_of``)
    batcher: MicroBatcher | None = None
    #: characters under analysis (``admission``); None: no admission control
    admission: Admission | None = None
    #: the supervised analysis processes (``REDACTOR_ANALYSIS_ISOLATION=process``)
    pool: SupervisedPool | None = None
