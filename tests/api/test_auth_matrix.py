"""Every route: 401 without a key or with a wrong one, 403 for each role it does not
admit, and not 401/403 for each role it does."""

from __future__ import annotations

from typing import Any

import pytest
from apikit import Api

ROLES = ("desk", "analyst", "auditor", "privileged")

#: (method, path, json body, roles admitted)
ROUTES: list[tuple[str, str, dict[str, Any] | None, set[str]]] = [
    ("POST", "/v1/analyze", {"text": "テスト"}, {"desk"}),
    ("POST", "/v1/redact", {"text": "テスト"}, {"desk"}),
    ("POST", "/v1/records", {"text": "テスト"}, {"desk"}),
    ("GET", "/v1/records/some-id", None, {"desk", "analyst", "privileged"}),
    ("GET", "/v1/records/some-id/original", None, {"privileged"}),
    ("DELETE", "/v1/records/some-id", None, {"privileged"}),
    ("POST", "/v1/policies/check", {"source": "name: x\n"}, {"auditor"}),
    ("GET", "/v1/audit", None, {"auditor"}),
    ("GET", "/v1/audit/log", None, {"auditor"}),
]
IDS = [f"{m} {p}" for m, p, _, _ in ROUTES]


def _call(api: Api, method: str, path: str, body: Any, headers: dict[str, str]) -> Any:
    return api.client.request(method, path, json=body, headers=headers)


@pytest.mark.parametrize(("method", "path", "body", "roles"), ROUTES, ids=IDS)
@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer rk_not-a-key", "Basic dXNlcjpwYXNz", "Bearer", "rk_no_scheme"],
    ids=["none", "unknown-key", "basic", "empty-bearer", "no-scheme"],
)
def test_without_a_valid_key_then_401(
    api: Api, method: str, path: str, body: Any, roles: set[str], authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    resp = _call(api, method, path, body, headers)
    assert resp.status_code == 401
    assert resp.json()["error"]["code"] == "unauthorized"
    assert resp.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path", "body", "roles"), ROUTES, ids=IDS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_admitted_or_403(
    api: Api, method: str, path: str, body: Any, roles: set[str], role: str
) -> None:
    resp = _call(api, method, path, body, api.headers(role, **{"X-Purpose": "callback"}))
    if role in roles:
        assert resp.status_code not in (401, 403), resp.text
    else:
        assert resp.status_code == 403
        assert resp.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("path", ["/healthz", "/metrics"])
def test_probes_need_no_key(api: Api, path: str) -> None:
    assert api.client.get(path).status_code == 200
