"""The policies a process knows: the active one and every version records may be under.

The service, the API and the CLI all build their view of the policies here, so
``POST /v1/records``, ``/v1/audit`` and ``redactor audit`` agree on what is known.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from redactor.policy.findings import PolicyError, Severity
from redactor.policy.load import load_policy
from redactor.policy.model import Policy
from redactor.policy.rules import check_rules

log = logging.getLogger("redactor.policy")


@dataclass(frozen=True)
class PolicyRegistry:
    """The active policy and every other version found in the policy directory."""

    active: Policy
    versions: dict[tuple[str, str], Policy]

    @classmethod
    def load(cls, active_path: Path, policy_dir: Path | None) -> PolicyRegistry:
        """The active policy must load; a broken file elsewhere is skipped with a warning."""
        active = load_policy(active_path)
        files = (
            sorted(policy_dir.glob("*.y*ml"))
            if policy_dir is not None and policy_dir.is_dir()
            else []
        )
        return cls._with(active, files, strict=False)

    @classmethod
    def of(cls, paths: Iterable[Path]) -> PolicyRegistry:
        """Exactly these files (the first is active); any that fails to load is an error."""
        files = list(paths)
        if not files:
            raise ValueError("at least one policy file is needed")
        return cls._with(load_policy(files[0]), files[1:], strict=True)

    @classmethod
    def _with(cls, active: Policy, files: Iterable[Path], *, strict: bool) -> PolicyRegistry:
        versions: dict[tuple[str, str], Policy] = {}
        for path in files:
            try:
                policy = load_policy(path)
            except PolicyError:
                if strict:
                    raise
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
        return [
            f"{f.rule_id}: {f.message}"
            for f in check_rules(policy, {}, tag)
            if f.severity is Severity.ERROR
        ]

    @staticmethod
    def findings(policy: Policy) -> list[tuple[str, str, str]]:
        """Every finding of the policy check: (rule id, severity, message), for the report."""
        tag = f"{policy.name}@{policy.version}"
        return [(f.rule_id, str(f.severity), f.message) for f in check_rules(policy, {}, tag)]
