"""Constants the masking tests share (a module, not conftest, so imports are unambiguous)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redactor.policy import Policy

REPO = Path(__file__).resolve().parents[2]
DEV_NOTES = REPO.parent / "shared" / "data" / "dev-notes.jsonl"
NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
KEY = bytes(range(32))

PolicyFactory = Callable[..., Policy]


def read_dev_notes() -> list[dict[str, Any]]:
    with DEV_NOTES.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
