"""Fixtures for the masking tests: shipped policies, a policy builder, a fixed clock and key."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from datafiles import REPO
from mask_support import PolicyFactory

from redactor.policy import Policy, load_policy
from redactor.policy.load import policy_from_mapping


@pytest.fixture(scope="session")
def default_policy() -> Policy:
    return load_policy(REPO / "policies" / "default.yaml")


@pytest.fixture(scope="session")
def strict_policy() -> Policy:
    return load_policy(REPO / "policies" / "strict.yaml")


@pytest.fixture
def make_policy() -> PolicyFactory:
    """The default policy with some label rules or top-level keys replaced (still checked)."""
    with (REPO / "policies" / "default.yaml").open(encoding="utf-8") as fh:
        base: dict[str, Any] = yaml.safe_load(fh)

    def build(labels: dict[str, dict[str, Any]] | None = None, **top: Any) -> Policy:
        doc = copy.deepcopy(base)
        doc["labels"].update(labels or {})
        doc.update(top)
        return policy_from_mapping(doc)

    return build
