"""Where the tests' data lives: vendored in ``tests/data/`` (always there), and the full
corpora in ``../shared/data`` (only beside some checkouts; tests that need them skip)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
DATA = TESTS / "data"
DEV_NOTES = DATA / "dev-notes.jsonl"
STOCKMARK_SAMPLE = DATA / "stockmark-ner-wikipedia" / "sample.jsonl"
JIGYOSYO_SAMPLE = DATA / "japanpost-zipcode" / "jigyosyo-sample.csv"
#: the full corpora, beside the checkout on the development machines and in CI
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_dev_notes() -> list[dict[str, Any]]:
    return read_jsonl(DEV_NOTES)


def needs_shared(relative: str) -> Path:
    """A file of ``../shared/data``, or a skip that names it when it is absent."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(
            f"needs the full corpus ../shared/data/{relative} (absent beside this "
            "checkout; tests/data holds the samples a bare clone runs)"
        )
    return path
