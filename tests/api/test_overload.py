"""Overload (issue 16): a deadline that frees the CPU, admission that sheds before the queue
fills, a small desk request served beside a big batch, audits kept off the desk app's slots.

The fast tests drive a fake analyzer that burns CPU per character (``slowkit``) in
supervised processes or in threads; one slow test runs the real model in a process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from apikit import NOTE, NOW, Api, FakeAnalyzer, LiveServer, make_keyring, make_settings
from slowkit import HANG, SlowFactory

from redactor.api.admission import Admission, Lane, Overloaded
from redactor.api.app import create_app
from redactor.api.context import AppContext
from redactor.crypto.keys import LocalKeyring
from redactor.detect.analyze import build_analyzer


class ProcessApi:
    """A live server whose analysis runs in supervised processes of ``factory``."""

    def __init__(self, tmp: Path, factory: Callable[[], Any], **overrides: Any) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        settings = make_settings(tmp, analysis_isolation="process", **overrides)
        api_keys, self.tokens = make_keyring()
        keys = LocalKeyring.generate(tmp / "keyring.json", now=NOW)
        self.app = create_app(settings, analyzer_factory=factory, keys=keys, api_keys=api_keys,
                              clock=lambda: NOW)
        self.server = LiveServer(self.app)

    @property
    def ctx(self) -> AppContext:
        ctx: AppContext = self.app.state.ctx
        return ctx

    def post(self, path: str, body: dict[str, Any], role: str = "desk",
             timeout: float = 120) -> httpx.Response:
        return httpx.post(self.server.url + path, json=body, timeout=timeout,
                          headers={"Authorization": f"Bearer {self.tokens[role]}"})


@pytest.fixture
def process_api(tmp_path: Path) -> Iterator[Callable[..., ProcessApi]]:
    started: list[ProcessApi] = []

    def start(factory: Callable[[], Any], **overrides: Any) -> ProcessApi:
        papi = ProcessApi(tmp_path / f"app{len(started)}", factory, **overrides)
        papi.server.__enter__()
        started.append(papi)
        return papi

    yield start
    for papi in started:
        papi.server.__exit__(None, None, None)


def in_background(fn: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    thread.start()
    return thread, out


def wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.02)


# ---- the deadline frees the CPU --------------------------------------------------------------


def test_a_job_past_its_deadline_has_its_process_killed_and_replaced(
    process_api: Callable[..., ProcessApi], tmp_path: Path
) -> None:
    papi = process_api(SlowFactory(), analysis_processes=1, analysis_timeout_s=1)
    pool = papi.ctx.pool
    assert pool is not None
    before = pool.pids()
    resp = papi.post("/v1/analyze", {"texts": [f"電話が{HANG}に続く"]})
    assert resp.status_code == 503
    assert resp.json()["error"]["code"] == "analysis_timeout"
    assert "Retry-After" in resp.headers
    assert "無限" not in resp.text
    wait_for(lambda: pool.stats().replaced == 1 and pool.stats().ready == 1)
    assert pool.pids() != before
    ok = papi.post("/v1/analyze", {"texts": [NOTE]})
    assert ok.status_code == 200
    assert {e["label"] for e in ok.json()["results"][0]["entities"]} >= {"PERSON"}


def test_process_results_equal_the_in_process_fake_analyzer(
    process_api: Callable[..., ProcessApi]
) -> None:
    papi = process_api(SlowFactory(ms_per_char=0.0), analysis_processes=2)
    long_note = "。".join([NOTE] * 40)  # several chunks, cut and joined by the caller
    resp = papi.post("/v1/analyze", {"texts": [NOTE, long_note]})
    assert resp.status_code == 200
    got = [[(e["start"], e["end"], e["label"]) for e in r["entities"]]
           for r in resp.json()["results"]]
    fake = FakeAnalyzer()
    assert got[0] == [(e.start, e.end, e.label) for e in fake.analyze(NOTE)]
    expected_long = {(e.start, e.end, e.label) for e in fake.analyze(long_note)}
    assert set(got[1]) == expected_long


# ---- admission ---------------------------------------------------------------------------------


def test_admission_keeps_the_reserve_for_small_desk_requests() -> None:
    admission = Admission(budget_chars=1000, reserve_chars=300, small_chars=100)
    big = admission.admit(700)
    with pytest.raises(Overloaded) as refused:
        admission.admit(200)  # big: only 700 unreserved, all held
    assert refused.value.retry_after >= 1
    with pytest.raises(Overloaded):
        admission.admit(50, Lane.AUDIT)  # audits never take the reserve
    small = [admission.admit(100) for _ in range(3)]  # the reserve serves the desk
    with pytest.raises(Overloaded):
        admission.admit(1)
    big.release()
    big.release()  # idempotent
    assert admission.state().general == 0
    for permit in small:
        permit.release()
    assert admission.state().in_flight == 0 and admission.state().shed == 3


def test_a_request_larger_than_the_unreserved_share_still_runs_alone() -> None:
    admission = Admission(budget_chars=1000, reserve_chars=300, small_chars=100)
    alone = admission.admit(5000)
    assert admission.state().general == 700
    with pytest.raises(Overloaded):
        admission.admit(150)
    alone.release()


def test_admission_sheds_with_429_before_the_analysis_queue_is_full(
    build_api: Callable[..., Api]
) -> None:
    api = build_api(FakeAnalyzer(delay=1.5), analysis_budget_chars=1000,
                    analysis_reserve_chars=300, analysis_small_chars=100)
    ctx: AppContext = api.app.state.ctx
    assert ctx.admission is not None
    big, out = in_background(lambda: api.client.post(
        "/v1/analyze", json={"texts": ["あ" * 600]}, headers=api.headers("desk")))
    wait_for(lambda: ctx.admission is not None and ctx.admission.state().general > 0)
    calls = api.analyzer.calls
    resp = api.client.post("/v1/analyze", json={"texts": ["い" * 400]},
                           headers=api.headers("desk"))
    assert resp.status_code == 429
    assert resp.json()["error"]["code"] == "overloaded"
    assert int(resp.headers["Retry-After"]) >= 1
    # shed at the door: the analysis slots had room, and nothing of it was analysed
    assert ctx.analysis_slots.borrowed_tokens < ctx.analysis_slots.total_tokens
    assert api.analyzer.calls == calls
    small = api.client.post("/v1/analyze", json={"texts": ["う" * 80]},
                            headers=api.headers("desk"))
    assert small.status_code == 200
    big.join(timeout=30)
    assert out[0].status_code == 200
    assert ctx.admission.state().in_flight == 0


def test_a_timed_out_thread_keeps_its_characters_until_it_ends(
    build_api: Callable[..., Api]
) -> None:
    api = build_api(FakeAnalyzer(delay=2.0), analysis_timeout_s=0.3,
                    analysis_budget_chars=1000, analysis_reserve_chars=300,
                    analysis_small_chars=100)
    ctx: AppContext = api.app.state.ctx
    assert ctx.admission is not None
    resp = api.client.post("/v1/analyze", json={"texts": ["あ" * 600]},
                           headers=api.headers("desk"))
    assert resp.status_code == 503  # the thread runs on (thread isolation) ...
    assert ctx.admission.state().general == 600  # ... and its characters stay held
    wait_for(lambda: ctx.admission is not None and ctx.admission.state().in_flight == 0)


# ---- fairness ------------------------------------------------------------------------------


def test_a_small_request_is_served_while_a_big_batch_is_in_flight(
    process_api: Callable[..., ProcessApi]
) -> None:
    papi = process_api(SlowFactory(ms_per_char=0.5), analysis_processes=2,
                       analysis_timeout_s=60)
    pool = papi.ctx.pool
    assert pool is not None
    batch = ["あ。" * 2500] * 4  # 20,000 characters: about 10 s of CPU in 20 jobs
    big, out = in_background(lambda: papi.post("/v1/analyze", {"texts": batch}))
    wait_for(lambda: pool.stats().queued_jobs > 0)
    small = papi.post("/v1/analyze", {"texts": [NOTE]})
    assert small.status_code == 200
    assert big.is_alive(), "the small request waited for the whole batch"
    big.join(timeout=120)
    assert out[0].status_code == 200
    assert len(out[0].json()["results"]) == 4


# ---- audits --------------------------------------------------------------------------------


def test_audit_rescans_run_on_their_own_slot_and_lane_never_the_desk_apps(
    build_api: Callable[..., Api]
) -> None:
    api = build_api(FakeAnalyzer(), analysis_budget_chars=1000,
                    analysis_reserve_chars=300, analysis_small_chars=100)
    for _ in range(3):
        assert api.client.post("/v1/records", json={"text": NOTE},
                               headers=api.headers("desk")).status_code == 201
    ctx: AppContext = api.app.state.ctx
    assert ctx.admission is not None
    api.analyzer.delay = 0.5
    seen: list[tuple[float, int, int]] = []
    audit, out = in_background(lambda: api.client.get(
        "/v1/audit?rescan=3", headers=api.headers("auditor")))
    wait_for(lambda: ctx.admission is not None and ctx.admission.state().general > 0)
    state = ctx.admission.state()
    seen.append((ctx.analysis_slots.borrowed_tokens, state.reserved_lane, state.general))
    desk = api.client.post("/v1/analyze", json={"texts": [NOTE]}, headers=api.headers("desk"))
    assert desk.status_code == 200
    audit.join(timeout=30)
    report = out[0].json()
    assert out[0].status_code == 200 and report["rescanned"] == 3
    assert seen[0][0] == 0  # no desk analysis slot held by the audit
    assert seen[0][1] == 0  # nor any of the reserve


def test_audit_rescan_skips_what_does_not_fit_and_what_is_over_its_budget(
    build_api: Callable[..., Api]
) -> None:
    api = build_api(FakeAnalyzer(), audit_rescan_budget=2, analysis_budget_chars=1000,
                    analysis_reserve_chars=300, analysis_small_chars=100)
    for _ in range(3):
        assert api.client.post("/v1/records", json={"text": NOTE},
                               headers=api.headers("desk")).status_code == 201
    resp = api.client.get("/v1/audit?rescan=3", headers=api.headers("auditor"))
    assert resp.status_code == 200
    assert (resp.json()["rescanned"], resp.json()["rescan_skipped"]) == (2, 1)
    ctx: AppContext = api.app.state.ctx
    assert ctx.admission is not None
    hold = ctx.admission.admit(700)  # the unreserved share is busy: audits wait their turn
    try:
        resp = api.client.get("/v1/audit?rescan=3", headers=api.headers("auditor"))
        assert (resp.json()["rescanned"], resp.json()["rescan_skipped"]) == (0, 3)
        report = api.client.get("/v1/audit/report?rescan=true",
                                headers=api.headers("auditor", Accept="application/json"))
        section = next(s for s in report.json()["sections"] if s["id"] == "rescan")
        assert section["data"]["skipped"] == 2 and section["data"]["scanned"] == 0
    finally:
        hold.release()


# ---- the real model ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def model_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProcessApi]:
    """One live server whose single analysis process loads ja_ginza (once a session)."""
    papi = ProcessApi(tmp_path_factory.mktemp("overload-model"), build_analyzer,
                      analysis_processes=1, max_request_chars=1_000_000,
                      max_body_bytes=4_000_000)
    with papi.server:
        yield papi


@pytest.mark.slow
@pytest.mark.xdist_group("analysis_processes")
def test_with_the_model_a_small_request_is_answered_while_a_1mb_batch_is_in_flight(
    model_server: ProcessApi
) -> None:
    pool = model_server.ctx.pool
    assert pool is not None
    note = "。".join([NOTE] * 330)[:20_000]
    batch = [note] * 16  # 320,000 characters, 960 KB: the batch of issue 16
    big, out = in_background(lambda: model_server.post("/v1/analyze", {"texts": batch}))
    wait_for(lambda: pool.stats().queued_jobs > 0, timeout=60)
    started = time.monotonic()
    small = model_server.post("/v1/analyze", {"texts": [NOTE]})
    waited = time.monotonic() - started
    assert small.status_code == 200
    assert {e["label"] for e in small.json()["results"][0]["entities"]} >= {
        "PERSON", "PHONE_NUMBER"}
    assert big.is_alive(), "the small request waited for the whole batch"
    assert waited < model_server.ctx.settings.analysis_timeout_s
    big.join(timeout=120)
    assert out[0].status_code in (200, 503)  # the batch alone may pass its deadline


@pytest.mark.slow
@pytest.mark.xdist_group("analysis_processes")
def test_with_the_model_the_pool_finds_what_the_in_process_analyzer_finds(
    model_server: ProcessApi, analyzer: Any, dev_notes: list[dict[str, Any]]
) -> None:
    pool = model_server.ctx.pool
    assert pool is not None
    texts = [n["text"] for n in dev_notes[:6]]
    texts.append("\n".join(texts) * 3)  # a long note: several chunks across jobs
    expected = analyzer.analyze_batch(texts)
    got = pool.analyze_batch(texts, timeout_s=120)
    assert [[(e.start, e.end, e.label) for e in es] for es in got] == [
        [(e.start, e.end, e.label) for e in es] for es in expected]
