"""Bounded work per request (issue 16): characters per request capped (413), and the
audit report re-scans only when asked, within a limit, off the desk app's slots."""

from __future__ import annotations

from collections.abc import Callable

from apikit import Api, create_record


def test_when_a_batch_holds_too_many_characters_in_all_then_413(
    build_api: Callable[..., Api],
) -> None:
    api = build_api(max_request_chars=1000, max_text_chars=600)
    resp = api.client.post(
        "/v1/analyze", json={"texts": ["あ" * 600, "い" * 500]}, headers=api.headers("desk")
    )
    assert resp.status_code == 413
    assert resp.json()["error"]["code"] == "too_many_characters"
    assert api.analyzer.calls == 0


def test_audit_report_does_not_rescan_unless_asked_and_then_within_its_limit(api: Api) -> None:
    for _ in range(3):
        create_record(api)
    calls = api.analyzer.calls
    assert api.client.get("/v1/audit", headers=api.headers("auditor")).status_code == 200
    assert api.analyzer.calls == calls
    resp = api.client.get("/v1/audit?rescan=2", headers=api.headers("auditor"))
    assert resp.status_code == 200 and api.analyzer.calls == calls + 2
    assert (
        api.client.get("/v1/audit?rescan=100000", headers=api.headers("auditor")).status_code == 422
    )
