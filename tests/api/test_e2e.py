"""End to end: the real server (real model, SQLite, keyring) on a loopback port, driven over
HTTP as the desk app and an auditor would. Bounded: a dozen requests, then it stops itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from apikit import LiveServer, make_keyring, make_settings

from redactor.api.app import create_app
from redactor.crypto.keys import LocalKeyring

pytestmark = pytest.mark.slow

NOTE = (
    "山田太郎さん（電話090-1234-5678、メール taro.yamada@example.jp）から、"
    "大阪市淀川区西中島4-6-24の前の道路が陥没しているとの連絡。"
)
VALUES = ("山田太郎", "090-1234-5678", "taro.yamada@example.jp")


@pytest.fixture(scope="module")
def server(
    analyzer: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[httpx.Client, dict[str, str]]]:
    from datetime import UTC, datetime

    tmp: Path = tmp_path_factory.mktemp("e2e")
    api_keys, tokens = make_keyring()
    app = create_app(
        make_settings(tmp),
        analyzer=analyzer,
        api_keys=api_keys,
        keys=LocalKeyring.generate(tmp / "keyring.json", now=datetime.now(UTC)),
    )
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        yield client, tokens


def _auth(tokens: dict[str, str], role: str, **more: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[role]}", **more}


def test_desk_and_auditor_session(server: tuple[httpx.Client, dict[str, str]]) -> None:
    http, tokens = server
    assert http.get("/readyz").json()["status"] == "ready"

    created = http.post(
        "/v1/records",
        json={"text": NOTE},
        headers=_auth(tokens, "desk", **{"Idempotency-Key": "e2e-1"}),
    )
    assert created.status_code == 201, created.text
    record = created.json()
    assert not any(v in record["masked_text"] for v in VALUES)
    assert {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "ADDRESS"} <= set(record["label_counts"])
    rid = record["id"]

    masked = http.get(f"/v1/records/{rid}", headers=_auth(tokens, "analyst"))
    assert masked.json()["masked_text"] == record["masked_text"]

    assert (
        http.get(
            f"/v1/records/{rid}/original",
            headers=_auth(tokens, "desk", **{"X-Purpose": "callback"}),
        ).status_code
        == 403
    )
    assert (
        http.get(f"/v1/records/{rid}/original", headers=_auth(tokens, "privileged")).status_code
        == 403
    )
    original = http.get(
        f"/v1/records/{rid}/original",
        headers=_auth(tokens, "privileged", **{"X-Purpose": "callback"}),
    )
    assert original.status_code == 200
    assert {"山田太郎", "090-1234-5678"} <= {o["value"] for o in original.json()["originals"]}

    log = http.get("/v1/audit/log", headers=_auth(tokens, "auditor")).json()
    views = [(e["result"], e["role"]) for e in log["entries"] if e["action"] == "view_original"]
    assert views == [
        ("denied: caller role", "desk"),
        ("denied: no purpose", "privacy_officer"),
        ("allowed", "privacy_officer"),
    ]
    assert log["chain_intact"] is True

    assert (
        http.delete(
            f"/v1/records/{rid}", headers=_auth(tokens, "privileged", **{"X-Purpose": "erasure"})
        ).status_code
        == 204
    )
    assert http.get(f"/v1/records/{rid}", headers=_auth(tokens, "desk")).status_code == 404

    report = http.get("/v1/audit", headers=_auth(tokens, "auditor"))
    assert report.status_code == 200
    body = report.json()
    assert body["deletions_logged"] >= 1 and body["original_views"] >= 1
    assert not any(v in report.text for v in VALUES)
    metrics = http.get("/metrics").text
    assert 'route="/v1/records",status="201"' in metrics
    assert not any(v in metrics for v in VALUES)
