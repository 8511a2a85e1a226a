"""``Idempotency-Key`` replays as the desk app meets them, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apikit import NOTE, NOW, PII, FakeAnalyzer, make_keyring, make_settings
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from storekit import engine  # noqa: F401  (the SQLite/PostgreSQL fixture)

from redactor.api.app import create_app
from redactor.crypto.keys import LocalKeyring
from redactor.store import Store


class Desk:
    def __init__(self, client: TestClient, tokens: dict[str, str]) -> None:
        self.client, self.tokens = client, tokens

    def post(self, key: str, text: str = NOTE, caller_id: str | None = None) -> Any:
        body: dict[str, Any] = {"text": text}
        if caller_id is not None:
            body["caller_id"] = caller_id
        return self.client.post(
            "/v1/records",
            json=body,
            headers={"Authorization": f"Bearer {self.tokens['desk']}", "Idempotency-Key": key},
        )

    def delete(self, record_id: str) -> Any:
        return self.client.delete(
            f"/v1/records/{record_id}",
            headers={
                "Authorization": f"Bearer {self.tokens['privileged']}",
                "X-Purpose": "erasure",
            },
        )


@pytest.fixture
def desk(engine: Engine, tmp_path: Path) -> Iterator[Desk]:  # noqa: F811
    api_keys, tokens = make_keyring()
    app = create_app(
        make_settings(tmp_path),
        analyzer=FakeAnalyzer(),
        store=Store(engine),
        keys=LocalKeyring.generate(tmp_path / "keyring.json", now=NOW),
        clock=lambda: NOW,
        api_keys=api_keys,
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Desk(client, tokens)


def test_when_the_same_request_is_replayed_then_the_first_record_answers_200(desk: Desk) -> None:
    first = desk.post("k-same", caller_id="c1")
    again = desk.post("k-same", caller_id="c1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"] and again.json()["created"] is False


def test_when_the_caller_id_changes_under_the_same_key_then_409(desk: Desk) -> None:
    assert desk.post("k-caller", caller_id="c1").status_code == 201
    for caller in ("c2", None):
        resp = desk.post("k-caller", caller_id=caller)
        assert resp.status_code == 409, (caller, resp.text)
        assert resp.json()["error"]["code"] == "idempotency_conflict"


def test_when_the_text_changes_under_the_same_key_then_409(desk: Desk) -> None:
    assert desk.post("k-text").status_code == 201
    resp = desk.post("k-text", text=NOTE + "。")
    assert resp.status_code == 409 and resp.json()["error"]["code"] == "idempotency_conflict"


def test_when_the_record_was_erased_then_a_replay_is_410_gone_never_500(desk: Desk) -> None:
    first = desk.post("k-gone")
    assert first.status_code == 201
    assert desk.delete(first.json()["id"]).status_code == 204
    resp = desk.post("k-gone")
    assert resp.status_code == 410, resp.text
    error = resp.json()["error"]
    assert error["code"] == "record_gone" and error["request_id"]
    assert not any(value in resp.text for value in PII)
    assert desk.post("k-gone").status_code == 410  # stays gone: never stored twice
    assert desk.post("k-gone", text="別のメモ").status_code == 409
