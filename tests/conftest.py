"""Session-wide fixtures: the ja_ginza model is loaded once per test process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEV_NOTES = SHARED / "data" / "dev-notes.jsonl"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from redactor.analyze import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyzer(nlp: Any) -> Any:
    from redactor.analyze import build_analyzer

    return build_analyzer(nlp=nlp)


@pytest.fixture(scope="session")
def dev_notes() -> list[dict[str, Any]]:
    with DEV_NOTES.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def full_nlp() -> Any:
    """The whole ja_ginza pipeline, as stock Presidio users load it."""
    from redactor.analyze import load_nlp

    return load_nlp(exclude=())
