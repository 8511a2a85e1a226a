"""Limits: body size (413), text length and batch size (422), per-key rate (429 with
Retry-After, on an injected clock), analysis time budget (503)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from apikit import Api, FakeAnalyzer

from redactor.api.limits import RateLimiter


def test_body_over_limit_is_413_before_auth(build_api: Callable[..., Api]) -> None:
    api = build_api(max_body_bytes=200)
    resp = api.client.post("/v1/analyze", json={"text": "あ" * 100})
    assert resp.status_code == 413
    assert resp.json()["error"]["code"] == "body_too_large"


def test_chunked_body_over_limit_is_413(build_api: Callable[..., Api]) -> None:
    api = build_api(max_body_bytes=200)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 50
        yield b'"}'

    resp = api.client.post(
        "/v1/analyze",
        content=chunks(),
        headers=api.headers("desk", **{"Content-Type": "application/json"}),
    )
    assert resp.status_code == 413


def test_body_at_limit_is_accepted(build_api: Callable[..., Api]) -> None:
    api = build_api(max_body_bytes=200)
    body = b'{"text": "' + b"a" * 180 + b'"}'
    assert len(body) <= 200
    resp = api.client.post(
        "/v1/analyze",
        content=body,
        headers=api.headers("desk", **{"Content-Type": "application/json"}),
    )
    assert resp.status_code == 200


@pytest.mark.parametrize(
    ("path", "field"), [("/v1/analyze", "text"), ("/v1/redact", "text"), ("/v1/records", "text")]
)
@pytest.mark.parametrize(("length", "status"), [(50, 200), (51, 422)])
def test_text_length_limit(
    build_api: Callable[..., Api], path: str, field: str, length: int, status: int
) -> None:
    api = build_api(max_text_chars=50)
    resp = api.client.post(path, json={field: "あ" * length}, headers=api.headers("desk"))
    assert resp.status_code == (201 if status == 200 and path == "/v1/records" else status)
    if status == 422:
        assert resp.json()["error"]["code"] == "text_too_long"
        assert "あ" not in resp.text


@pytest.mark.parametrize(("count", "status"), [(3, 200), (4, 422)])
def test_batch_size_limit(build_api: Callable[..., Api], count: int, status: int) -> None:
    api = build_api(max_batch=3)
    resp = api.client.post(
        "/v1/analyze", json={"texts": ["a"] * count}, headers=api.headers("desk")
    )
    assert resp.status_code == status
    if status == 422:
        assert resp.json()["error"]["code"] == "batch_too_large"


def test_rate_limit_429_with_retry_after_then_refills(build_api: Callable[..., Api]) -> None:
    api = build_api(rate_per_second=0.5, rate_burst=2)
    get = lambda role: api.client.get("/v1/records/x", headers=api.headers(role))  # noqa: E731
    assert [get("desk").status_code for _ in range(2)] == [404, 404]
    limited = get("desk")
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited"
    assert limited.headers["Retry-After"] == "2"
    assert get("analyst").status_code == 404  # buckets are per key
    api.clock.t += 2.0
    assert get("desk").status_code == 404


@pytest.mark.parametrize(
    ("rate", "burst", "steps", "expected"),
    [
        (1.0, 1, [0.0, 0.0], [None, 1]),
        (1.0, 1, [0.0, 1.0], [None, None]),
        (0.1, 2, [0.0, 0.0, 0.0], [None, None, 10]),
        (2.0, 1, [0.0, 0.0, 0.25], [None, 1, 1]),
        (
            10.0,
            3,
            [0.0, 0.0, 0.0, 0.0, 100.0, 0.0, 0.0, 0.0],
            [None, None, None, 1, None, None, None, 1],
        ),
    ],
)
def test_token_bucket(
    rate: float, burst: int, steps: list[float], expected: list[int | None]
) -> None:
    now = [0.0]
    limiter = RateLimiter(rate, burst, lambda: now[0])
    got = []
    for step in steps:
        now[0] += step
        got.append(limiter.acquire("k"))
    assert got == expected


@pytest.mark.parametrize(("rate", "burst"), [(0.0, 1), (-1.0, 1), (1.0, 0)])
def test_token_bucket_refuses_nonsense(rate: float, burst: int) -> None:
    with pytest.raises(ValueError):
        RateLimiter(rate, burst, lambda: 0.0)


def test_analysis_over_time_budget_is_503(build_api: Callable[..., Api]) -> None:
    api = build_api(analyzer=FakeAnalyzer(delay=1.0), analysis_timeout_s=0.1)
    resp = api.client.post("/v1/analyze", json={"text": "山田太郎"}, headers=api.headers("desk"))
    assert resp.status_code == 503
    assert resp.json()["error"]["code"] == "analysis_timeout"
    assert resp.headers["Retry-After"] == "1"
