"""JSON logs from every worker process, the same with ``--workers 2`` and one process, and
no PII in them: the server is run for real (uvicorn, sockets) on notes full of known values."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from apikit import NOTE, NOW, PII, free_port

from redactor.api.security import ApiKeyring, hash_key, new_key
from redactor.crypto.keys import LocalKeyring

TESTS = Path(__file__).resolve().parents[1]
SERVE = (
    "from redactor.api.server import serve; from redactor.settings import Settings; "
    "serve(Settings(), factory='logapp:build')"
)


def _start(
    tmp_path: Path, workers: int
) -> tuple[subprocess.Popen[bytes], str, dict[str, str], Path]:
    data = tmp_path / "data"
    tokens = {role: new_key() for role in ("desk", "privileged", "auditor")}
    ApiKeyring.write(
        data / "api-keys.json",
        [
            {
                "id": f"log-{role}",
                "role": role,
                "sha256": hash_key(tok),
                **({"policy_role": "privacy_officer"} if role == "privileged" else {}),
            }
            for role, tok in tokens.items()
        ],
        dev=False,
    )
    LocalKeyring.generate(data / "keyring.json", now=NOW)
    port = free_port()
    env = dict(
        os.environ,
        REDACTOR_DATA_DIR=str(data),
        REDACTOR_PORT=str(port),
        REDACTOR_WORKERS=str(workers),
        REDACTOR_RATE_BURST="1000",
        REDACTOR_RATE_PER_SECOND="1000",
        PYTHONPATH=os.pathsep.join([str(TESTS / "api"), str(TESTS)]),
    )
    log = tmp_path / "server.log"
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return proc, url, tokens, log
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    proc.kill()
    pytest.fail("server did not become ready:\n" + log.read_text(errors="replace")[-2000:])


def _traffic(url: str, tokens: dict[str, str]) -> int:
    """Requests carrying the known PII every way a client can; returns how many were sent."""

    def auth(role: str, **more: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[role]}", **more}

    def one(i: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as c:
            resp = c.post(
                "/v1/records",
                json={"text": NOTE, "caller_id": PII[0]},
                headers=auth("desk", **{"Idempotency-Key": f"log-{i % 5}"}),
            )
            assert resp.status_code in (200, 201), resp.text
            rid = resp.json()["id"]
            assert (
                c.get(
                    f"/v1/records/{rid}/original",
                    headers=auth("privileged", **{"X-Purpose": "callback"}),
                ).status_code
                == 200
            )
            c.post("/v1/records", json={"text": NOTE, "bogus": PII[1]}, headers=auth("desk"))
            c.get(f"/v1/records/{PII[0]}", headers=auth("desk"))
            c.get(f"/v1/records?q={PII[2]}", headers=auth("desk"))

    rounds = 12
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, range(rounds)))
    return rounds * 5


@pytest.mark.parametrize("workers", [1, 2])
def test_every_worker_logs_json_lines_with_request_fields_and_no_pii(
    tmp_path: Path, workers: int
) -> None:
    proc, url, tokens, log = _start(tmp_path, workers)
    try:
        sent = _traffic(url, tokens)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    raw = log.read_text(encoding="utf-8")
    lines: list[dict[str, Any]] = [json.loads(line) for line in raw.splitlines()]
    for line in lines:
        assert {"time", "level", "logger", "pid", "message"} <= set(line), line
    access = [
        line for line in lines if line.get("event") == "request" and line["route"] != "/readyz"
    ]
    assert len(access) == sent, f"{len(access)} access lines for {sent} requests"
    for line in access:
        assert {"request_id", "method", "route", "status", "duration_ms"} <= set(line)
    created = [
        line for line in access if line["route"] == "/v1/records" and line["status"] in (200, 201)
    ]
    assert created and all("record_id" in line for line in created)
    started = {line["pid"] for line in lines if "startup complete" in line["message"]}
    assert len(started) == workers
    for value in (*PII, NOTE):
        assert value not in raw
