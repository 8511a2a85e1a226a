"""Fixtures for the policy tests: paths, and a valid policy mapping to break one key at a time."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
POLICIES = REPO / "policies"
FIXTURES = REPO / "tests" / "fixtures" / "policies"


@pytest.fixture
def default_mapping() -> dict[str, Any]:
    """policies/default.yaml as plain data, a fresh copy per test."""
    with (POLICIES / "default.yaml").open(encoding="utf-8") as fh:
        return copy.deepcopy(yaml.safe_load(fh))
