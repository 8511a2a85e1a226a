"""Odd record ids and purposes at the door, on SQLite and PostgreSQL (issue 16).

On PostgreSQL a 37-character id was trimmed to fit the audit column, so the stored
row no longer matched its hash and every later audit said ``chain_broken``; a NUL
in an id or a purpose was a 500. Ids are now UUIDs checked before any database call.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from apikit import NOW, FakeAnalyzer, LiveServer, create_record, make_keyring, make_settings
from apikit import Api as _Api
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from storekit import engine  # noqa: F401  (the SQLite/PostgreSQL fixture)

from redactor.api.app import create_app
from redactor.crypto.keys import LocalKeyring
from redactor.store import Store

VALID = str(uuid.uuid4())
ODD_IDS = [
    VALID + " ",
    VALID + "%20",
    VALID + "0",
    VALID.upper() + "x",
    "%00",
    VALID[:-1] + "%00",
    "a" * 37,
    "a" * 64,
    "a" * 128,
    "a" * 129,
    "%E5%B1%B1%E7%94%B0",
    "..",
    "%2e%2e",
    "{" + VALID + "}",
    VALID.replace("-", ""),
    "urn:uuid:" + VALID,
]


@pytest.fixture
def api(engine: Engine, tmp_path: Path) -> Iterator[_Api]:  # noqa: F811
    api_keys, tokens = make_keyring()
    settings = make_settings(tmp_path)
    app = create_app(
        settings,
        analyzer=FakeAnalyzer(),
        store=Store(engine),
        keys=LocalKeyring.generate(tmp_path / "keyring.json", now=NOW),
        clock=lambda: NOW,
        api_keys=api_keys,
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        yield _Api(app, client, tokens, None, None, settings)  # type: ignore[arg-type]


def _requests(odd: str) -> list[tuple[str, str, str]]:
    return [
        ("GET", f"/v1/records/{odd}", "desk"),
        ("GET", f"/v1/records/{odd}/original", "privileged"),
        ("GET", f"/v1/records/{odd}/original", "desk"),
        ("DELETE", f"/v1/records/{odd}", "privileged"),
    ]


def test_when_record_ids_are_odd_then_4xx_and_the_audit_chain_stays_intact(api: _Api) -> None:
    create_record(api)
    for odd in ODD_IDS:
        for method, path, role in _requests(odd):
            resp = api.client.request(
                method, path, headers=api.headers(role, **{"X-Purpose": "callback"})
            )
            assert 400 <= resp.status_code < 500, (method, path, resp.status_code)
            assert resp.json()["error"]["code"] in {
                "record_not_found",
                "forbidden",
                "not_found",
                "method_not_allowed",
            }, path
    log = api.client.get("/v1/audit/log", headers=api.headers("auditor")).json()
    assert log["chain_intact"] is True
    assert all(e["record_id"] is None or uuid.UUID(e["record_id"]) for e in log["entries"])
    report = api.client.get("/v1/audit", headers=api.headers("auditor")).json()
    assert "chain_broken" not in {f["kind"] for f in report["findings"]}


def test_when_a_nul_reaches_an_id_or_a_purpose_on_the_wire_then_4xx_never_500(api: _Api) -> None:
    """Raw bytes through a real server: the NUL is in the request line / header itself."""
    rid = create_record(api)["id"]
    token = api.tokens["privileged"]
    requests = [
        f"GET /v1/records/{rid}%00/original HTTP/1.1\r\nX-Purpose: callback\r\n",
        f"DELETE /v1/records/{VALID}%00 HTTP/1.1\r\nX-Purpose: callback\r\n",
        f"GET /v1/records/{rid}/original HTTP/1.1\r\nX-Purpose: call\x00back\r\n",
        f"GET /v1/records/{rid}/original HTTP/1.1\r\nX-Purpose: callback\r\n"
        "X-Purpose-Note: %00\r\n",
    ]
    with LiveServer(api.app) as server:
        for raw in requests:
            data = (
                raw + f"Host: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
            ).encode()
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                sock.sendall(data)
                status = sock.recv(65536).split(b" ", 2)[1]
            assert status.startswith(b"4"), (raw, status)
        log = api.client.get("/v1/audit/log", headers=api.headers("auditor")).json()
    assert log["chain_intact"] is True
