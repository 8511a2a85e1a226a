"""The auditors' report: ten sections from SQL aggregates, as JSON and as a page, no PII."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from apikit import NOW, REPO, Api
from reportkit import RichAnalyzer, fill, scan
from typer.testing import CliRunner

from redactor.api.routes.audit_report import wants_html
from redactor.cli import app as cli_app

SECTIONS = [
    "overview",
    "records",
    "pii",
    "retention",
    "views",
    "refusals",
    "rescan",
    "chain",
    "keys",
    "policies",
]


@pytest.fixture
def filled(build_api: Callable[..., Api]) -> tuple[Api, object]:
    api = build_api(analyzer=RichAnalyzer())
    return api, fill(api)


def _report(api: Api, accept: str = "application/json", **params: object) -> object:
    resp = api.client.get(
        "/v1/audit/report", params=params, headers=api.headers("auditor", Accept=accept)
    )
    assert resp.status_code == 200, resp.text
    return resp


def _cli(api: Api, monkeypatch: pytest.MonkeyPatch, cwd: Path, *args: str) -> tuple[int, str]:
    from redactor.cli import store_cmd

    monkeypatch.setenv("REDACTOR_DB_URL", str(api.settings.database_url))
    monkeypatch.setenv("REDACTOR_KEYRING", str(api.settings.data_dir / "keyring.json"))
    monkeypatch.setenv("REDACTOR_POLICY", str(REPO / "policies" / "default.yaml"))
    monkeypatch.setenv("REDACTOR_POLICY_DIR", str(REPO / "policies"))
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", RichAnalyzer)
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(cli_app, ["audit", "--now", NOW.isoformat(), *args])
    return result.exit_code, result.stdout


def test_when_report_requested_then_ten_sections_each_with_a_verdict(filled: tuple) -> None:
    api, store = filled
    data = _report(api).json()
    assert [s["id"] for s in data["sections"]] == SECTIONS
    assert all(
        s["verdict"]["status"] in ("ok", "warn", "fail", "skipped") and s["verdict"]["summary"]
        for s in data["sections"]
    )
    sec = {s["id"]: s for s in data["sections"]}
    assert sec["records"]["data"]["total"] == 13
    labels = {x["label"]: x for x in sec["pii"]["data"]["by_label"]}
    assert labels["PHONE_NUMBER"]["found"] == 12 and labels["PERSON"]["share"] == round(12 / 13, 4)
    views = sec["views"]["data"]
    assert views["allowed"] == 5 and views["refused"] == 1
    assert [v["record_id"] for v in views["without_purpose"]] == [store.record_ids[1]]
    assert sec["views"]["verdict"]["status"] == "fail"
    refusals = sec["refusals"]["data"]
    assert refusals["by_status"] == {"401": 1, "403": 2}
    assert {(r["route"], r["role"], r["status"]) for r in refusals["by_route_role"]} == {
        ("/v1/audit/report", "-", 401),
        ("/v1/audit/report", "desk", 403),
        ("/v1/records/{record_id}/original", "desk", 403),
    }
    assert sec["rescan"]["verdict"]["status"] == "skipped"
    assert sec["chain"]["data"]["first_broken"] is None and sec["chain"]["data"]["entries"] >= 6
    assert sec["keys"]["data"]["keys"][0]["live_data_keys"] > 0
    assert sec["policies"]["data"]["policies"][0]["known"]
    assert data["verdict"]["status"] == "fail"


def test_when_rescan_then_residual_named_by_id_and_label_never_value(filled: tuple) -> None:
    api, store = filled
    resp = _report(api, accept="text/html", rescan="true")
    assert resp.headers["content-type"].startswith("text/html")
    data = _report(api, rescan="true").json()
    rescan = next(s for s in data["sections"] if s["id"] == "rescan")["data"]
    assert rescan["scanned"] == 13
    assert rescan["residual"] == [
        {"record_id": store.leaky_id, "labels": [{"label": "PHONE_NUMBER", "score": 0.9}]}
    ]
    sample = _report(api, rescan="true", sample=3).json()
    assert next(s for s in sample["sections"] if s["id"] == "rescan")["data"]["scanned"] == 3
    assert store.leaky_id in resp.text


def test_when_report_rendered_over_notes_full_of_pii_then_no_value_in_the_bytes(
    filled: tuple,
) -> None:
    api, store = filled
    blobs = [
        _report(api, accept="text/html", rescan="true").content,
        _report(api, rescan="true").content,
    ]
    hits = [v for blob in blobs for v in scan(blob, store.known_values)]
    assert len(store.known_values) == 61
    assert hits == []


def test_when_cli_and_api_read_one_store_then_same_json(
    filled: tuple, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    api, _ = filled
    from_api = _report(api, since="2026-01-01T00:00:00+00:00").json()
    (tmp_path / "elsewhere").mkdir()
    code, out = _cli(
        api,
        monkeypatch,
        tmp_path / "elsewhere",
        "--format",
        "report-json",
        "--since",
        "2026-01-01T00:00:00+00:00",
    )
    assert code == 1  # the planted purpose-less view fails the report
    assert json.loads(out) == from_api
    assert all(
        p["known"]
        for p in next(s for s in from_api["sections"] if s["id"] == "policies")["data"]["policies"]
    )


def test_when_cli_writes_html_then_self_contained_japanese_page(
    filled: tuple, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    api, store = filled
    out = tmp_path / "report.html"
    code, _ = _cli(
        api,
        monkeypatch,
        tmp_path,
        "--format",
        "html",
        "--output",
        str(out),
        "--rescan",
        "--sample",
        "50",
    )
    page = out.read_text(encoding="utf-8")
    assert code == 1 and page.startswith("<!DOCTYPE html>") and '<html lang="ja">' in page
    assert "Meiryo" in page and "Noto Sans CJK JP" in page and "@media print" in page
    assert (
        "<script" not in page
        and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
        and "https://" not in page
    )
    assert page.count('class="mark"') > 10 and page.count("<svg") >= 5
    for number in range(1, 11):
        assert f'<h2 id="h-{SECTIONS[number - 1]}">{number}. ' in page
    assert scan(out.read_bytes(), store.known_values) == []


def test_when_period_excludes_everything_then_empty_sections(filled: tuple) -> None:
    api, _ = filled
    data = _report(api, until="2020-01-01T00:00:00Z").json()
    sec = {s["id"]: s["data"] for s in data["sections"]}
    assert sec["records"]["total"] == 0 and sec["views"]["allowed"] == 0
    bad = api.client.get(
        "/v1/audit/report",
        params={"since": "2027-01-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"},
        headers=api.headers("auditor"),
    )
    assert bad.status_code == 422


@pytest.mark.parametrize("role", ["desk", "analyst", "privileged"])
def test_when_not_auditor_then_403(api: Api, role: str) -> None:
    assert api.client.get("/v1/audit/report", headers=api.headers(role)).status_code == 403


def test_when_no_key_then_401(api: Api) -> None:
    assert api.client.get("/v1/audit/report").status_code == 401


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        ("text/html", True),
        ("application/json", False),
        (None, False),
        ("*/*", False),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),
        ("application/json, text/html;q=0.5", False),
        ("text/html;q=0.9, application/json;q=0.1", True),
    ],
)
def test_when_accept_header_then_html_only_if_preferred(accept: str | None, html: bool) -> None:
    assert wants_html(accept) is html
