"""``/v1/records``: create (idempotent), read masked, read originals (role, purpose, audit),
erase; 401/403/404 on each."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from apikit import NOTE, PII, Api, create_record
from sqlalchemy import select

from redactor import service
from redactor.store.models import AuditRow


def _log(api: Api) -> list[dict[str, Any]]:
    resp = api.client.get("/v1/audit/log", headers=api.headers("auditor"))
    assert resp.status_code == 200
    entries: list[dict[str, Any]] = resp.json()["entries"]
    return entries


def test_create_returns_masked_text_counts_and_deadlines(api: Api) -> None:
    body = create_record(api)
    assert body["created"] is True
    assert not any(value in body["masked_text"] for value in PII)
    assert body["label_counts"] == {
        "PERSON": 1,
        "PHONE_NUMBER": 1,
        "EMAIL_ADDRESS": 1,
        "ADDRESS": 1,
    }
    assert body["record_deadline"].startswith("2032-04-01")  # class 5, from next April
    assert len(body["original_deadlines"]) >= 1


def test_idempotency_key_replays_the_first_record(api: Api) -> None:
    first = api.client.post(
        "/v1/records",
        json={"text": NOTE},
        headers=api.headers("desk", **{"Idempotency-Key": "abc-1"}),
    )
    again = api.client.post(
        "/v1/records",
        json={"text": NOTE},
        headers=api.headers("desk", **{"Idempotency-Key": "abc-1"}),
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["created"] is False
    assert api.analyzer.calls == 1  # the retry did not analyze again


def test_idempotency_key_reused_for_another_note_is_409(api: Api) -> None:
    create_record(api, **{"Idempotency-Key": "abc-2"})
    resp = api.client.post(
        "/v1/records",
        json={"text": "別の内容"},
        headers=api.headers("desk", **{"Idempotency-Key": "abc-2"}),
    )
    assert resp.status_code == 409
    assert resp.json()["error"]["code"] == "idempotency_conflict"


def test_without_idempotency_key_each_call_is_a_new_record(api: Api) -> None:
    assert create_record(api)["id"] != create_record(api)["id"]


@pytest.mark.parametrize("role", ["desk", "analyst", "privileged"])
def test_read_masked_by_reader_roles(api: Api, role: str) -> None:
    created = create_record(api)
    resp = api.client.get(f"/v1/records/{created['id']}", headers=api.headers(role))
    assert resp.status_code == 200
    assert resp.json() == {"id": created["id"], "masked_text": created["masked_text"]}


@pytest.mark.parametrize("role", ["desk", "analyst", "privileged"])
def test_unknown_record_is_404_whatever_the_reader(api: Api, role: str) -> None:
    resp = api.client.get("/v1/records/no-such-id", headers=api.headers(role))
    assert resp.status_code == 404
    assert resp.json()["error"]["code"] == "record_not_found"


def test_original_with_role_and_purpose_returns_values_and_is_logged(api: Api) -> None:
    created = create_record(api)
    resp = api.client.get(
        f"/v1/records/{created['id']}/original",
        headers=api.headers("privileged", **{"X-Purpose": "callback"}),
    )
    assert resp.status_code == 200
    values = {o["label"]: o["value"] for o in resp.json()["originals"]}
    assert values["PERSON"] == PII[0]
    assert values["PHONE_NUMBER"] == PII[1]
    views = [e for e in _log(api) if e["action"] == "view_original"]
    assert [(v["result"], v["purpose"], v["actor"]) for v in views] == [
        ("allowed", "callback", "test-privileged")
    ]


def test_purpose_note_is_percent_encoded_and_never_stored_or_returned_in_clear(api: Api) -> None:
    created = create_record(api)
    note = f"{PII[0]}さんへ折返し"
    resp = api.client.get(
        f"/v1/records/{created['id']}/original",
        headers=api.headers(
            "privileged", **{"X-Purpose": "callback", "X-Purpose-Note": quote(note)}
        ),
    )
    assert resp.status_code == 200
    log_resp = api.client.get("/v1/audit/log", headers=api.headers("auditor"))
    views = [e for e in log_resp.json()["entries"] if e["action"] == "view_original"]
    assert [(e["purpose"], e["purpose_note_sealed"]) for e in views] == [("callback", True)]
    assert PII[0] not in log_resp.text and "折返し" not in log_resp.text
    with api.app.state.ctx.store.transaction() as s:
        stored = s.scalars(select(AuditRow.purpose_note)).one()
    assert PII[0] not in stored and "折返し" not in stored
    # the sealed note opens for a key holder, and the name in it was masked before sealing
    opened = service.open_note(stored, keys=api.app.state.ctx.keys)
    assert opened == "<PERSON>さんへ折返し"


@pytest.mark.parametrize(
    "purpose",
    [
        "   ",
        "%E2%80%8B",
        "%E2%80%8B%C2%A0",
        "\x00",
        "something free",
        "callback%00",
        "折返し".encode().hex(),
    ],
)
def test_purpose_outside_the_codes_or_invisible_only_is_422_and_nothing_logged(
    api: Api, purpose: str
) -> None:
    created = create_record(api)
    resp = api.client.get(
        f"/v1/records/{created['id']}/original",
        headers=api.headers("privileged", **{"X-Purpose": purpose}),
    )
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "invalid_purpose"
    assert purpose not in resp.text
    assert [e for e in _log(api) if e["action"] == "view_original"] == []


@pytest.mark.parametrize("note", ["%E2%80%8B%E2%80%8B", "%00", "%FF", "x" * 501])
def test_purpose_note_invisible_control_undecodable_or_long_is_422(api: Api, note: str) -> None:
    created = create_record(api)
    resp = api.client.get(
        f"/v1/records/{created['id']}/original",
        headers=api.headers("privileged", **{"X-Purpose": "callback", "X-Purpose-Note": note}),
    )
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "invalid_purpose_note"


@pytest.mark.parametrize("purpose", [None, ""])
def test_original_without_purpose_is_403_and_logged(api: Api, purpose: str | None) -> None:
    created = create_record(api)
    extra = {} if purpose is None else {"X-Purpose": purpose}
    resp = api.client.get(
        f"/v1/records/{created['id']}/original", headers=api.headers("privileged", **extra)
    )
    assert resp.status_code == 403
    assert resp.json()["error"]["code"] == "access_denied"
    assert PII[0] not in resp.text
    assert [e["result"] for e in _log(api) if e["action"] == "view_original"] == [
        "denied: no purpose"
    ]


def test_original_for_a_policy_role_not_allowed_is_403_and_logged(api: Api) -> None:
    created = create_record(api)
    resp = api.client.get(
        f"/v1/records/{created['id']}/original",
        headers=api.headers("privileged_other", **{"X-Purpose": "callback"}),
    )
    assert resp.status_code == 403
    assert [e["result"] for e in _log(api) if e["action"] == "view_original"] == ["denied: role"]


@pytest.mark.parametrize("role", ["desk", "analyst", "auditor"])
def test_original_for_other_api_roles_is_403_and_logged(api: Api, role: str) -> None:
    created = create_record(api)
    resp = api.client.get(
        f"/v1/records/{created['id']}/original",
        headers=api.headers(role, **{"X-Purpose": "callback"}),
    )
    assert resp.status_code == 403
    assert resp.json()["error"]["code"] == "forbidden"
    views = [e for e in _log(api) if e["action"] == "view_original"]
    assert [(e["result"], e["role"]) for e in views] == [("denied: caller role", role)]


@pytest.mark.parametrize("role", ["desk", "analyst", "auditor"])
def test_original_for_other_api_roles_is_403_whether_or_not_the_record_exists(
    api: Api, role: str
) -> None:
    resp = api.client.get("/v1/records/nope/original", headers=api.headers(role))
    assert resp.status_code == 403
    assert resp.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("purpose", [None, "callback"])
def test_original_of_unknown_record_is_404_with_or_without_purpose(
    api: Api, purpose: str | None
) -> None:
    extra = {} if purpose is None else {"X-Purpose": purpose}
    resp = api.client.get("/v1/records/nope/original", headers=api.headers("privileged", **extra))
    assert resp.status_code == 404


def test_delete_erases_and_logs_then_404(api: Api) -> None:
    created = create_record(api)
    resp = api.client.delete(
        f"/v1/records/{created['id']}",
        headers=api.headers("privileged", **{"X-Purpose": "erasure"}),
    )
    assert resp.status_code == 204
    assert (
        api.client.get(f"/v1/records/{created['id']}", headers=api.headers("desk")).status_code
        == 404
    )
    again = api.client.delete(f"/v1/records/{created['id']}", headers=api.headers("privileged"))
    assert again.status_code == 404
    deletes = [e for e in _log(api) if e["action"] == "delete"]
    assert deletes and all(e["record_id"] == created["id"] for e in deletes)
    assert any(e["purpose"] == "erasure" for e in deletes)


@pytest.mark.parametrize("role", ["desk", "analyst", "auditor"])
def test_delete_by_other_roles_is_403(api: Api, role: str) -> None:
    created = create_record(api)
    resp = api.client.delete(f"/v1/records/{created['id']}", headers=api.headers(role))
    assert resp.status_code == 403


@pytest.mark.parametrize(
    "body", [{}, {"text": ""}, {"text": 5}, {"text": "a", "x": 1}, {"text": "a", "caller_id": ""}]
)
def test_malformed_create_is_422(api: Api, body: dict[str, Any]) -> None:
    resp = api.client.post("/v1/records", json=body, headers=api.headers("desk"))
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "invalid_request"


def test_lone_surrogate_is_422_not_500(api: Api) -> None:
    resp = api.client.post(
        "/v1/records",
        content=b'{"text": "\\ud800"}',
        headers=api.headers("desk", **{"Content-Type": "application/json"}),
    )
    assert resp.status_code == 422
