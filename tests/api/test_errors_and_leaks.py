"""Errors are JSON with a stable code and no input; logs and other roles' answers carry no PII.

The leak test sends notes full of PII through every route — successes and
error paths (validation, too long, unknown policy, a crashing analyzer) — and
scans every captured log record and every response that is not the
privileged originals read for any of the values.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from apikit import NOTE, PII, Api, FakeAnalyzer

from redactor.api.logs import JsonFormatter


class Exploding(FakeAnalyzer):
    def analyze(self, text: str) -> list[Any]:
        raise ValueError(f"cannot parse {text!r}")  # a message quoting the note


def _assert_error_shape(resp: Any, status: int, code: str) -> None:
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("application/json")
    err = resp.json()["error"]
    assert err["code"] == code
    assert isinstance(err["message"], str) and err["message"]
    assert err["request_id"] == resp.headers["X-Request-ID"]
    assert "Traceback" not in resp.text


def test_unhandled_exception_is_500_json_without_message(
    build_api: Callable[..., Api], caplog: pytest.LogCaptureFixture
) -> None:
    api = build_api(analyzer=Exploding())
    caplog.set_level(logging.DEBUG)
    resp = api.client.post("/v1/analyze", json={"text": NOTE}, headers=api.headers("desk"))
    _assert_error_shape(resp, 500, "internal_error")
    assert not any(v in resp.text for v in PII)
    assert not any(v in caplog.text for v in PII)
    [error] = [r for r in caplog.records if r.name == "redactor.api" and r.levelname == "ERROR"]
    assert json.loads(JsonFormatter().format(error))["error_type"] == "ValueError"  # for ops


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [
        ("GET", "/nowhere", {}, 404, "not_found"),
        ("PUT", "/v1/analyze", {}, 405, "method_not_allowed"),
        (
            "POST",
            "/v1/analyze",
            {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
            422,
            "invalid_request",
        ),
        ("POST", "/v1/analyze", {"json": {"txt": NOTE}}, 422, "invalid_request"),
        ("POST", "/v1/analyze", {"json": {"text": 12}}, 422, "invalid_request"),
    ],
)
def test_error_shapes(
    api: Api, method: str, path: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    headers = {**api.headers("desk"), **kwargs.pop("headers", {})}
    resp = api.client.request(method, path, headers=headers, **kwargs)
    _assert_error_shape(resp, status, code)
    assert not any(v in resp.text for v in PII)


def test_validation_error_lists_locations_not_input(api: Api) -> None:
    resp = api.client.post(
        "/v1/redact", json={"text": NOTE, "policy": 5, "extra": PII[0]}, headers=api.headers("desk")
    )
    details = resp.json()["error"]["details"]
    # an unknown key is the caller's text: the detail names where and the rule, not the key
    assert {(tuple(d["loc"]), d["type"]) for d in details} == {
        (("body", "policy"), "string_type"),
        (("body",), "extra_forbidden"),
    }
    assert '"extra"' not in resp.text
    assert not any(v in resp.text for v in PII)


def test_request_id_is_echoed_when_sane_and_replaced_otherwise(api: Api) -> None:
    good = api.client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert good.headers["X-Request-ID"] == "abc-123"
    bad = api.client.get("/healthz", headers={"X-Request-ID": "山田"[:0] + "x" * 100})
    assert bad.headers["X-Request-ID"] != "x" * 100


def test_access_log_fields(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="redactor.api.access")
    api.client.get("/v1/records/abc", headers=api.headers("analyst", **{"X-Request-ID": "r1"}))
    [record] = [r for r in caplog.records if r.name == "redactor.api.access"]
    line = json.loads(JsonFormatter().format(record))
    assert (line["method"], line["route"], line["status"]) == (
        "GET",
        "/v1/records/{record_id}",
        404,
    )
    assert (line["request_id"], line["key_id"]) == ("r1", "test-analyst")
    assert isinstance(line["duration_ms"], float) and line["level"] == "info"
    assert "record_id" not in line  # "abc" is no record id: a client's path is not logged
    assert "abc" not in json.dumps(line)  # the route template, not the path


def test_no_pii_in_logs_or_in_other_roles_answers(
    build_api: Callable[..., Api], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    api = build_api(max_text_chars=500)
    desk, priv = api.headers("desk"), api.headers("privileged", **{"X-Purpose": "callback"})
    leaky: list[Any] = []  # responses that must not carry PII
    # success paths
    leaky.append(api.client.post("/v1/analyze", json={"texts": [NOTE, NOTE]}, headers=desk))
    leaky.append(
        api.client.post("/v1/redact", json={"text": NOTE, "caller_id": PII[0]}, headers=desk)
    )
    created = api.client.post(
        "/v1/records",
        json={"text": NOTE, "caller_id": PII[1]},
        headers={**desk, "Idempotency-Key": "k1"},
    )
    leaky.append(created)
    rid = created.json()["id"]
    for role in ("desk", "analyst", "privileged"):
        leaky.append(api.client.get(f"/v1/records/{rid}", headers=api.headers(role)))
    # error paths, each carrying PII in the request
    leaky += [
        api.client.post("/v1/records", json={"text": NOTE + "。" * 500}, headers=desk),
        api.client.post(
            "/v1/records", json={"text": "別" + NOTE}, headers={**desk, "Idempotency-Key": "k1"}
        ),
        api.client.post("/v1/redact", json={"text": NOTE, "policy": PII[0]}, headers=desk),
        api.client.post("/v1/analyze", json={"text": NOTE, "bogus": PII[2]}, headers=desk),
        api.client.post("/v1/analyze", content=NOTE.encode(), headers=desk),
        api.client.post(
            "/v1/analyze", json={"text": NOTE}, headers={"Authorization": f"Bearer {PII[2]}"}
        ),
        api.client.get(f"/v1/records/{rid}/original", headers=api.headers("desk")),
        api.client.get(
            f"/v1/records/{rid}/original",
            headers=api.headers("privileged_other", **{"X-Purpose": "callback"}),
        ),
        api.client.post(
            "/v1/policies/check",
            json={"source": f"name: {PII[0]}\ndeny_list:\n  - term: {PII[1]}\n"},
            headers=api.headers("auditor"),
        ),
        api.client.get("/v1/audit", headers=api.headers("auditor")),
        api.client.get("/v1/audit/log", headers=api.headers("auditor")),
        api.client.get("/metrics"),
        api.client.get("/readyz"),
    ]
    # the one answer that may carry originals: privileged, with a purpose
    originals = api.client.get(f"/v1/records/{rid}/original", headers=priv)
    assert originals.status_code == 200 and PII[0] in originals.text
    leaky.append(api.client.delete(f"/v1/records/{rid}", headers=priv))
    for resp in leaky:
        assert not any(v in resp.text for v in PII), (resp.request.url, resp.status_code)
        assert not any(v in str(resp.headers) for v in PII)
    assert caplog.records, "the access log should have captured the requests"
    assert not any(v in caplog.text for v in PII)
    # the error paths were really exercised
    assert {r.status_code for r in leaky} >= {200, 201, 204, 401, 403, 409, 422}
