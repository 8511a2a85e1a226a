"""Shared helpers for the store, audit and crypto tests: databases, keyrings, redactions.

Store tests run on SQLite (a temporary file) and on PostgreSQL when
``REDACTOR_TEST_PG_URL`` names a server. Each PostgreSQL test gets a fresh
schema (via ``search_path``) dropped afterwards, so parallel workers never meet.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from redactor.crypto.keys import LocalKeyring
from redactor.entities import Entity
from redactor.results import RedactionResult, VaultItem
from redactor.store import Store, make_engine, upgrade_to_head

PG_ENV = "REDACTOR_TEST_PG_URL"
NOW = datetime(2025, 4, 1, 9, 0, tzinfo=UTC)
SHORT = timedelta(days=30)  # phone numbers and e-mail addresses
LONG = timedelta(days=365)  # everything else kept
RECORD = timedelta(days=5 * 365)
SHORT_LABELS = frozenset({"PHONE_NUMBER", "EMAIL_ADDRESS"})

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'redactor.db'}")
        upgrade_to_head(eng)
        yield eng
        eng.dispose()
        return
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} not set")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = make_engine(url)
    with admin.begin() as conn:  # fails (not skips) when the server is unreachable
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade_to_head(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(engine: Engine) -> Store:
    return Store(engine)


@pytest.fixture
def keyring(tmp_path: Path) -> LocalKeyring:
    return LocalKeyring.generate(tmp_path / "keys" / "keyring.json", now=NOW)


def deadline_for(label: str, now: datetime = NOW) -> datetime:
    return now + (SHORT if label in SHORT_LABELS else LONG)


def redaction_from_gold(
    text: str, spans: list[dict[str, Any]], *, now: datetime = NOW, policy: str = "test"
) -> RedactionResult:
    """Mask gold spans with ``<LABEL>`` by hand; vault every original but My Numbers."""
    spans = sorted(spans, key=lambda s: s["start"])
    out, pos = [], 0
    for s in spans:
        out.append(text[pos : s["start"]])
        out.append(f"<{s['label']}>")
        pos = s["end"]
    out.append(text[pos:])
    entities = tuple(Entity(s["start"], s["end"], s["label"], 0.9, "gold") for s in spans)
    originals = tuple(
        VaultItem(
            s["label"],
            s["start"],
            s["end"],
            text[s["start"] : s["end"]],
            deadline_for(s["label"], now),
        )
        for s in spans
        if s["label"] != "MY_NUMBER"
    )
    return RedactionResult(
        text="".join(out),
        entities=entities,
        originals=originals,
        policy_name=policy,
        policy_version="1",
        record_deadline=now + RECORD,
    )


#: A small note with a short-kept phone and a long-kept name.
SAMPLE_TEXT = "氏名：山田太郎\n電話：090-1234-5678\n用件：粗大ごみの回収"
SAMPLE_SPANS = [
    {"start": 3, "end": 7, "label": "PERSON"},
    {"start": 11, "end": 24, "label": "PHONE_NUMBER"},
]


def sample_result(now: datetime = NOW) -> RedactionResult:
    return redaction_from_gold(SAMPLE_TEXT, SAMPLE_SPANS, now=now)
