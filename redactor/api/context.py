"""What a running app holds: settings, keys, store, policies, limiter, metrics, clock, analyzer.

Built once by ``create_app`` (from injected parts or from settings) and hung
on ``app.state``; routes reach it through ``deps.Ctx``, never through globals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from anyio import CapacityLimiter

from redactor.api.limits import RateLimiter
from redactor.api.metrics import Metrics
from redactor.api.security import ApiKeyring
from redactor.crypto.keys import KeyProvider
from redactor.policy import Policy, PolicyError, Severity, load_policy
from redactor.policy.rules import check_rules
from redactor.settings import Settings
from redactor.store.store import Store

if TYPE_CHECKING:
    from redactor.analyze import EntityFinder
    from redactor.api.work import MicroBatcher

#: threads that may hold request work at once in one worker (the batch the model may take)
ANALYSIS_THREADS = 8

log = logging.getLogger("redactor.api")


@dataclass(frozen=True)
class PolicyRegistry:
    """The active policy and every other version found in the policy directory."""

    active: Policy
    versions: dict[tuple[str, str], Policy]

    @classmethod
    def load(cls, active_path: Path, policy_dir: Path | None) -> PolicyRegistry:
        """The active policy must load; a broken file elsewhere is skipped with a warning."""
        active = load_policy(active_path)
        versions: dict[tuple[str, str], Policy] = {}
        if policy_dir is not None and policy_dir.is_dir():
            for path in sorted(policy_dir.glob("*.y*ml")):
                try:
                    policy = load_policy(path)
                except PolicyError:
                    log.warning("policy file %s refused; not offered", path.name)
                    continue
                versions[(policy.name, policy.version)] = policy
        versions[(active.name, active.version)] = active
        return cls(active, versions)

    def by_name(self, name: str) -> Policy | None:
        """The active policy for its own name; otherwise the newest effective version."""
        if name == self.active.name:
            return self.active
        same = [p for (n, _), p in self.versions.items() if n == name]
        return max(same, key=lambda p: (p.effective, p.version)) if same else None

    def lookup(self, name: str, version: str) -> Policy | None:
        return self.versions.get((name, version))

    @staticmethod
    def problems(policy: Policy) -> list[str]:
        """The error-level rules a policy now breaks (for the audit's re-check)."""
        tag = f"{policy.name}@{policy.version}"
        return [f"{f.rule_id}: {f.message}" for f in check_rules(policy, {}, tag)
                if f.severity is Severity.ERROR]


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
    #: Request work runs in threads. The model itself runs one batch at a time
    #: (``work.MicroBatcher``): the threads beyond the first wait there to join
    #: the next batch, so they add no CPU contention, only batching.
    analysis_slots: CapacityLimiter = field(
        default_factory=lambda: CapacityLimiter(ANALYSIS_THREADS)
    )
    #: the analyzer behind its micro-batcher, made on first use (``work.analyzer_of``)
    batcher: MicroBatcher | None = None
