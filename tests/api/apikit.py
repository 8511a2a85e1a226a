"""Helpers for the HTTP API tests: an app over a temporary store, keys for every role, a fake
analyzer (fast; the real one is used by the end-to-end test), a fixed clock."""

from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from redactor.api.security import ApiKeyring, Role, hash_key, new_key
from redactor.entities import Entity
from redactor.settings import Settings

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)

#: PII the fake analyzer finds; tests scan logs and other roles' responses for each.
PII = ("山田太郎", "090-1234-5678", "taro.yamada@example.jp", "大阪市北区梅田1-2-3")
NOTE = f"{PII[0]}さん（{PII[1]}、{PII[2]}）から、{PII[3]}の前の道路が陥没していると連絡。"


class FakeAnalyzer:
    """Finds the fixed PII above by pattern: enough to drive every route in milliseconds."""

    PATTERNS = (
        (re.compile(r"山田太郎|鈴木花子"), "PERSON", 0.85),
        (re.compile(r"0\d{1,3}-\d{2,4}-\d{4}"), "PHONE_NUMBER", 0.9),
        (re.compile(r"[A-Za-z0-9._]+@[A-Za-z0-9.]+\.[a-z]{2,}"), "EMAIL_ADDRESS", 0.95),
        (re.compile(r"大阪市北区梅田\d-\d-\d"), "ADDRESS", 0.8),
    )

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.calls = 0

    def analyze(self, text: str) -> list[Entity]:
        self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        found = [
            Entity(m.start(), m.end(), label, score, "fake")
            for pattern, label, score in self.PATTERNS
            for m in pattern.finditer(text)
        ]
        return sorted(found, key=lambda e: (e.start, e.end))


class ManualClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@dataclass
class Api:
    app: FastAPI
    client: TestClient
    tokens: dict[str, str]
    clock: ManualClock
    analyzer: Any
    settings: Settings
    extra: dict[str, Any] = field(default_factory=dict)

    def headers(self, role: str | None, **more: str) -> dict[str, str]:
        out = dict(more)
        if role is not None:
            out["Authorization"] = f"Bearer {self.tokens[role]}"
        return out


def make_keyring() -> tuple[ApiKeyring, dict[str, str]]:
    tokens = {role.value: new_key() for role in Role}
    entries: list[dict[str, str]] = [
        {"id": f"test-{role}", "role": role, "sha256": hash_key(tok)}
        for role, tok in tokens.items()
    ]
    entries[-1]["policy_role"] = "privacy_officer"  # Role order: privileged last
    # A privileged key whose policy role the policy does not allow.
    tokens["privileged_other"] = new_key()
    entries.append(
        {
            "id": "test-priv-other",
            "role": "privileged",
            "policy_role": "clerk",
            "sha256": hash_key(tokens["privileged_other"]),
        }
    )
    return ApiKeyring(entries), tokens


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "test",
        "data_dir": tmp_path,
        "db_url": f"sqlite:///{tmp_path / 'api.db'}",
        "policy": REPO / "policies" / "default.yaml",
        "policy_dir": REPO / "policies",
        # in-process analysis keeps these tests fast; test_overload.py tests processes
        "analysis_isolation": "thread",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def create_record(api: Api, text: str = NOTE, **headers: str) -> dict[str, Any]:
    resp = api.client.post(
        "/v1/records", json={"text": text}, headers=api.headers("desk", **headers)
    )
    assert resp.status_code in (200, 201), resp.text
    body: dict[str, Any] = resp.json()
    return body


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """A real uvicorn server on a loopback port, in a thread; stops itself on exit."""

    def __init__(self, app: FastAPI, **options: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            access_log=False,
            lifespan="on",
            **options,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
