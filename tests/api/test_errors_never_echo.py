"""Errors name the field and the rule, never the value or an unknown key; authentication
comes before body validation; failed authentications are counted and rate-limited
(issue 16)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from apikit import PII, Api


@pytest.mark.parametrize("key", [PII[0], PII[1], "taro.yamada@example.jp", "x" * 300])
def test_when_a_body_has_an_unknown_key_then_422_names_the_rule_not_the_key(
    api: Api, key: str
) -> None:
    resp = api.client.post(
        "/v1/records", json={"text": "連絡", key: PII[1]}, headers=api.headers("desk")
    )
    assert resp.status_code == 422
    assert key not in resp.text and PII[1] not in resp.text
    details = resp.json()["error"]["details"]
    assert {"loc": ["body"], "type": "extra_forbidden"} in details


def test_when_a_field_has_the_wrong_type_then_the_value_is_not_echoed(api: Api) -> None:
    resp = api.client.post(
        "/v1/analyze", json={"texts": [PII[0], {PII[3]: 1}]}, headers=api.headers("desk")
    )
    assert resp.status_code == 422
    assert PII[0] not in resp.text and PII[3] not in resp.text
    assert resp.json()["error"]["details"][0]["loc"][:2] == ["body", "texts"]


@pytest.mark.parametrize("body", [b"{not json", b'{"text": 5}', b'{"nope": "x"}', b""])
@pytest.mark.parametrize("auth", [None, "Bearer rk_wrong", "Basic abc"])
def test_when_the_key_is_missing_or_wrong_then_401_before_any_body_validation(
    api: Api, body: bytes, auth: str | None
) -> None:
    headers = {"Content-Type": "application/json"}
    if auth is not None:
        headers["Authorization"] = auth
    for path in ("/v1/records", "/v1/analyze", "/v1/policies/check"):
        resp = api.client.post(path, content=body, headers=headers)
        assert resp.status_code == 401, (path, body, resp.text)
        assert resp.json()["error"]["code"] == "unauthorized"


def test_when_bad_keys_keep_coming_then_401s_are_counted_and_then_rate_limited(
    build_api: Callable[..., Api],
) -> None:
    api = build_api(auth_fail_per_second=1.0, auth_fail_burst=3)
    statuses = [
        api.client.get("/v1/audit/log", headers={"Authorization": "Bearer rk_x"}).status_code
        for _ in range(5)
    ]
    assert statuses == [401, 401, 401, 429, 429]
    limited = api.client.get("/v1/audit/log", headers={"Authorization": "Bearer rk_x"})
    assert int(limited.headers["Retry-After"]) >= 1
    # a valid key from the same address is not locked out
    assert api.client.get("/v1/audit/log", headers=api.headers("auditor")).status_code == 200
    api.clock.t += 10  # the bucket refills on the injected clock
    assert api.client.get("/v1/audit/log").status_code == 401
    metrics = api.client.get("/metrics").text
    assert 'redactor_auth_failures_total{outcome="unauthorized"} 4.0' in metrics
    assert 'redactor_auth_failures_total{outcome="rate_limited"} 3.0' in metrics
