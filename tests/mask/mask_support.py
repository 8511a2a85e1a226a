"""Constants the masking tests share (a module, not conftest, so imports are unambiguous)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from datafiles import load_dev_notes

from redactor.policy import Policy

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
KEY = bytes(range(32))

PolicyFactory = Callable[..., Policy]


def read_dev_notes() -> list[dict[str, Any]]:
    return load_dev_notes()
