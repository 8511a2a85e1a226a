"""``/v1/policies/check``, ``/v1/audit``, ``/v1/audit/log``, ``/healthz``, ``/readyz``,
``/metrics``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from apikit import NOTE, PII, REPO, Api, create_record

DEFAULT_POLICY = (REPO / "policies" / "default.yaml").read_text(encoding="utf-8")


def _check(api: Api, source: str, name: str = "p.yaml") -> Any:
    return api.client.post(
        "/v1/policies/check", json={"source": source, "name": name}, headers=api.headers("auditor")
    )


def test_policy_check_clean_file(api: Api) -> None:
    resp = _check(api, DEFAULT_POLICY)
    assert resp.status_code == 200
    assert resp.json() == {
        "status": "ok",
        "policy": {"name": "city-default", "version": "1.0.0"},
        "findings": [],
    }


@pytest.mark.parametrize(
    ("source", "status", "rule"),
    [
        (
            DEFAULT_POLICY.replace(
                "retain_original: P0D\n    threshold: 0.4",
                "retain_original: P1Y\n    threshold: 0.4",
            ),
            "findings",
            "MYNUMBER-RETAINED",
        ),
        (DEFAULT_POLICY.replace("pseudonym_scope:", "pseudonym_scop:"), "findings", "UNKNOWN-KEY"),
        ("name: [unclosed\n", "unreadable", "YAML-INVALID"),
        ("- a list\n", "unreadable", "YAML-INVALID"),
    ],
    ids=["my-number-kept", "typo", "bad-yaml", "not-a-mapping"],
)
def test_policy_check_findings(api: Api, source: str, status: str, rule: str) -> None:
    resp = _check(api, source, "mine.yaml")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == status
    assert rule in {f["rule_id"] for f in body["findings"]}
    assert all(f["file"] == "mine.yaml" and f["line"] >= 1 for f in body["findings"])


def test_policy_check_refuses_yaml_aliases(api: Api) -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    resp = _check(api, bomb)
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "policy_alias_refused"


@pytest.mark.parametrize("name", ["../etc/passwd", "a/b.yaml", "", "x" * 200])
def test_policy_check_refuses_path_like_names(api: Api, name: str) -> None:
    assert _check(api, DEFAULT_POLICY, name).status_code == 422


def test_policy_check_never_echoes_deny_list_values(api: Api) -> None:
    source = DEFAULT_POLICY.replace(
        "deny_list: []", f"deny_list:\n  - term: {PII[0]}\n    label: NOT_A_LABEL"
    )
    resp = _check(api, source)
    assert resp.json()["status"] == "findings"
    assert PII[0] not in resp.text


def test_audit_report_clean_after_records(api: Api) -> None:
    create_record(api)
    resp = api.client.get("/v1/audit", headers=api.headers("auditor"))
    assert resp.status_code == 200
    body = resp.json()
    assert body["records"] == 1
    assert body["policies"] == ["city-default@1.0.0"]
    assert body["clean"] is True, body["findings"]


def test_audit_report_names_a_tampered_unread_record_and_column(api: Api) -> None:
    from sqlalchemy import update

    from redactor.store import make_engine
    from redactor.store.models import Record

    rid = create_record(api)["id"]
    engine = make_engine(api.settings.database_url)
    with engine.begin() as conn:  # an edit behind the service's back; nobody reads the record
        conn.execute(update(Record).where(Record.id == rid).values(label_counts="{}"))
    engine.dispose()
    body = api.client.get("/v1/audit", headers=api.headers("auditor")).json()
    assert body["clean"] is False and body["fields_verified"] >= 1
    assert [(f["kind"], f["record_id"], f["column"]) for f in body["findings"]] == [
        ("metadata_mismatch", rid, "metadata")
    ]
    assert body["records_unbound"] == 0 and body["fields_shredded"] == 0


def test_audit_report_flags_residual_pii(build_api: Callable[..., Api]) -> None:
    class Leaky:  # stores the note unmasked (finds nothing), then the audit re-scan does
        def __init__(self) -> None:
            self.armed = False

        def analyze(self, text: str) -> list[Any]:
            from apikit import FakeAnalyzer

            return FakeAnalyzer().analyze(text) if self.armed else []

    leaky = Leaky()
    api = build_api(analyzer=leaky)
    create_record(api, NOTE)
    leaky.armed = True
    body = api.client.get("/v1/audit?rescan=50", headers=api.headers("auditor")).json()
    assert body["clean"] is False
    assert {f["kind"] for f in body["findings"]} == {"residual_pii"}
    assert not any(v in str(body) for v in PII)


def test_audit_log_pages_and_checks_chain(api: Api) -> None:
    for _ in range(3):
        rec = create_record(api)
        api.client.delete(f"/v1/records/{rec['id']}", headers=api.headers("privileged"))
    everything = api.client.get("/v1/audit/log", headers=api.headers("auditor")).json()
    assert everything["chain_intact"] is True
    ids = [e["id"] for e in everything["entries"]]
    assert len(ids) >= 3 and ids == sorted(ids)
    page = api.client.get(
        "/v1/audit/log", params={"after_id": ids[0], "limit": 1}, headers=api.headers("auditor")
    ).json()
    assert [e["id"] for e in page["entries"]] == [ids[1]]
    assert page["head"] == everything["entries"][-1]["entry_hash"]


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 1001}, {"after_id": -1}, {"limit": "x"}]
)
def test_audit_log_bad_paging_is_422(api: Api, params: dict[str, Any]) -> None:
    resp = api.client.get("/v1/audit/log", params=params, headers=api.headers("auditor"))
    assert resp.status_code == 422


def test_healthz(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}


def test_readyz_ready_and_not_ready_without_model(api: Api) -> None:
    ready = api.client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ready",
        "checks": {"analyzer": True, "store": True, "keys": True},
    }
    api.app.state.ctx.analyzer = None
    not_ready = api.client.get("/readyz")
    assert not_ready.status_code == 503
    assert not_ready.json()["checks"]["analyzer"] is False
    resp = api.client.post("/v1/analyze", json={"text": "a"}, headers=api.headers("desk"))
    assert resp.status_code == 503
    assert resp.json()["error"]["code"] == "not_ready"


def test_readyz_store_unreachable(api: Api) -> None:
    api.app.state.ctx.store.engine.dispose()
    from sqlalchemy import create_engine

    api.app.state.ctx.store.engine = create_engine("sqlite:////nonexistent-dir/x.db")
    resp = api.client.get("/readyz")
    assert resp.status_code == 503
    assert resp.json()["checks"]["store"] is False


def test_metrics_count_routes_notes_labels_errors(api: Api) -> None:
    api.client.post("/v1/analyze", json={"text": NOTE}, headers=api.headers("desk"))
    create_record(api)
    api.client.get("/v1/records/nope", headers=api.headers("desk"))
    text = api.client.get("/metrics").text
    assert (
        'redactor_http_requests_total{method="POST",route="/v1/analyze",status="200"} 1.0' in text
    )
    assert 'route="/v1/records/{record_id}",status="404"' in text
    assert 'redactor_notes_processed_total{route="analyze"} 1.0' in text
    assert 'redactor_entities_total{label="PERSON"} 2.0' in text
    assert 'redactor_errors_total{code="record_not_found"} 1.0' in text
    assert "redactor_http_request_duration_seconds_bucket" in text
    assert not any(v in text for v in PII)


@pytest.mark.parametrize("source", ["\x1a", "name: a\x00b\n", "\ufffe"])
def test_policy_check_non_printable_is_unreadable_not_500(api: Api, source: str) -> None:
    resp = _check(api, source)
    assert resp.status_code == 200
    assert resp.json()["status"] == "unreadable"
    assert resp.json()["findings"][0]["rule_id"] == "YAML-INVALID"


@pytest.mark.parametrize(
    ("name", "source", "rule"),
    [
        (".", "name: x\n", "POLICY-NAME-INVALID"),
        ("..", "name: x\n", "POLICY-NAME-INVALID"),
        ("p.yaml", "version: " + "[" * 900 + "]" * 900, "YAML-TOO-DEEP"),
        ("p.yaml", "".join(" " * i + f"k{i}:\n" for i in range(200)), "YAML-TOO-DEEP"),
        ("p.yaml", "[" * 900_000, "YAML-TOO-DEEP"),
    ],
)
def test_policy_check_refuses_odd_names_and_deep_files_with_422_and_a_rule_id(
    api: Api, name: str, source: str, rule: str
) -> None:
    resp = api.client.post(
        "/v1/policies/check", json={"name": name, "source": source}, headers=api.headers("auditor")
    )
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"]["rule_id"] == rule
