"""``POST /v1/analyze`` and ``POST /v1/redact``: entities on original offsets, nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from apikit import NOTE, PII, Api


def test_analyze_one_text_gives_offsets_labels_scores_recognizer(api: Api) -> None:
    resp = api.client.post("/v1/analyze", json={"text": NOTE}, headers=api.headers("desk"))
    assert resp.status_code == 200
    [result] = resp.json()["results"]
    spans = {(NOTE[e["start"] : e["end"]], e["label"]) for e in result["entities"]}
    assert spans == {
        (PII[0], "PERSON"),
        (PII[1], "PHONE_NUMBER"),
        (PII[2], "EMAIL_ADDRESS"),
        (PII[3], "ADDRESS"),
    }
    assert all(0 < e["score"] <= 1 and e["recognizer"] == "fake" for e in result["entities"])


def test_analyze_offsets_are_code_points_after_astral_characters(api: Api) -> None:
    text = "𠮷野家で山田太郎"
    resp = api.client.post("/v1/analyze", json={"text": text}, headers=api.headers("desk"))
    [entity] = resp.json()["results"][0]["entities"]
    assert text[entity["start"] : entity["end"]] == "山田太郎"


def test_analyze_batch_keeps_order(api: Api) -> None:
    texts = ["なし", NOTE, "090-1234-5678"]
    resp = api.client.post("/v1/analyze", json={"texts": texts}, headers=api.headers("desk"))
    counts = [len(r["entities"]) for r in resp.json()["results"]]
    assert counts == [0, 4, 1]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "texts": ["b"]},
        {"texts": []},
        {"text": None},
        {"texts": "abc"},
        {"text": ["a"]},
        [],
    ],
)
def test_analyze_malformed_is_422(api: Api, body: Any) -> None:
    resp = api.client.post("/v1/analyze", json=body, headers=api.headers("desk"))
    assert resp.status_code == 422


def test_analyze_stores_nothing(api: Api) -> None:
    api.client.post("/v1/analyze", json={"text": NOTE}, headers=api.headers("desk"))
    api.client.post("/v1/redact", json={"text": NOTE}, headers=api.headers("desk"))
    ctx = api.app.state.ctx
    assert ctx.store.record_ids() == []


def test_redact_under_active_policy(api: Api) -> None:
    resp = api.client.post("/v1/redact", json={"text": NOTE}, headers=api.headers("desk"))
    assert resp.status_code == 200
    body = resp.json()
    assert body["policy"] == {"name": "city-default", "version": "1.0.0"}
    assert not any(v in body["text"] for v in PII)
    assert body["label_counts"]["PERSON"] == 1
    assert "大阪市北区" in body["text"]  # ADDRESS generalized to the ward


def test_redact_under_named_policy(api: Api) -> None:
    name = api.app.state.ctx.policies.by_name("city-strict")
    if name is None:
        pytest.fail("policies/strict.yaml should load as city-strict")
    resp = api.client.post(
        "/v1/redact", json={"text": NOTE, "policy": "city-strict"}, headers=api.headers("desk")
    )
    assert resp.status_code == 200
    assert resp.json()["policy"]["name"] == "city-strict"


def test_redact_unknown_policy_is_422(api: Api) -> None:
    resp = api.client.post(
        "/v1/redact", json={"text": NOTE, "policy": "nope"}, headers=api.headers("desk")
    )
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "unknown_policy"


def test_redact_pseudonyms_follow_the_caller(api: Api) -> None:
    def masked(caller: str) -> str:
        resp = api.client.post(
            "/v1/redact",
            json={"text": "山田太郎", "caller_id": caller},
            headers=api.headers("desk"),
        )
        text: str = resp.json()["text"]
        return text

    assert masked("c-1") == masked("c-1")
    assert masked("c-1") != masked("c-2")
