"""A store full of notes holding known PII values, for the auditors' report tests.

The same store is served by the API and read by the CLI, so both faces can be
compared on it; every value put into a note is listed in ``known_values`` so a
rendered report can be scanned for each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from apikit import NOW, Api

from redactor.audit import log as audit_log
from redactor.entities import Entity
from redactor.results import RedactionResult
from redactor.service import store_redaction

NAMES = ("山田太郎", "鈴木花子")
PURPOSES = ("callback", "complaint_followup")  # codes of redactor.purposes


class RichAnalyzer:
    """Finds the generated values by pattern (no model): names, phones, e-mails, addresses."""

    PATTERNS = (
        (re.compile("|".join(NAMES)), "PERSON", 0.85),
        (re.compile(r"0\d0-\d{4}-\d{4}"), "PHONE_NUMBER", 0.9),
        (re.compile(r"[a-z]+\.[a-z]+\d*@example\.jp"), "EMAIL_ADDRESS", 0.95),
        (re.compile(r"大阪市北区梅田\d-\d-\d"), "ADDRESS", 0.8),
    )

    def analyze(self, text: str) -> list[Entity]:
        found = [
            Entity(m.start(), m.end(), label, score, "fake")
            for pattern, label, score in self.PATTERNS
            for m in pattern.finditer(text)
        ]
        return sorted(found, key=lambda e: (e.start, e.end))


@dataclass
class FilledStore:
    record_ids: list[str]
    known_values: list[str]
    leaky_id: str


def note(i: int) -> tuple[str, list[str]]:
    name = NAMES[i % 2]
    phone = f"090-{1000 + i:04d}-{2000 + 7 * i:04d}"
    mail = (
        f"{'taro' if i % 2 == 0 else 'hanako'}.{'yamada' if i % 2 == 0 else 'suzuki'}{i}@example.jp"
    )
    address = f"大阪市北区梅田{i % 9 + 1}-{i % 7 + 1}-{i % 5 + 1}"
    text = f"{name}さん（{phone}、{mail}）から、{address}の前の道路が陥没していると連絡。"
    return text, [name, phone, phone.replace("-", ""), mail, address]


def fill(api: Api, notes: int = 12) -> FilledStore:
    """Notes through the API, views with and without purpose, refusals, one leaky record."""
    ids: list[str] = []
    values: list[str] = []
    for i in range(notes):
        text, found = note(i)
        values += found
        resp = api.client.post("/v1/records", json={"text": text}, headers=api.headers("desk"))
        assert resp.status_code == 201, resp.text
        ids.append(resp.json()["id"])
    for i, rid in enumerate(ids[:4]):
        resp = api.client.get(
            f"/v1/records/{rid}/original",
            headers=api.headers("privileged", **{"X-Purpose": quote(PURPOSES[i % 2])}),
        )
        assert resp.status_code == 200, resp.text
    assert (
        api.client.get(f"/v1/records/{ids[0]}/original", headers=api.headers("desk")).status_code
        == 403
    )
    assert api.client.get("/v1/audit/report").status_code == 401
    assert api.client.get("/v1/audit/report", headers=api.headers("desk")).status_code == 403
    store = api.app.state.ctx.store
    with store.transaction() as s:  # a view that slipped through without a purpose
        audit_log.append(
            s,
            audit_log.AuditEntry(
                at=NOW,
                actor="clerk-7",
                role="privacy_officer",
                action="view_original",
                result="allowed",
                record_id=ids[1],
                labels=("PERSON",),
            ),
        )
    # A record whose masked text still holds a phone number: the re-scan must find it
    # and the report must name the record and label, never the number.
    leak = "090-9999-8888"
    values.append(leak)
    policy = api.app.state.ctx.policies.active
    leaky = RedactionResult(
        text=f"電話：{leak}",
        entities=(),
        originals=(),
        policy_name=policy.name,
        policy_version=policy.version,
        record_deadline=None,
    )
    receipt = store_redaction(leaky, store=store, keys=api.app.state.ctx.keys, now=NOW)
    return FilledStore(ids, values, receipt.id)


def scan(blob: bytes, values: list[str]) -> list[str]:
    """The known values found in a rendered report, in any of the forms HTML may take."""
    import html
    import json

    hits = []
    for v in values:
        forms = {v, html.escape(v), json.dumps(v)[1:-1], quote(v)}
        if any(f.encode() in blob for f in forms):
            hits.append(v)
    return hits


def write(path: Path, data: str) -> Path:
    path.write_text(data, encoding="utf-8")
    return path


#: Chromium's own headless flags: no network of its own, a throwaway profile
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--run-all-compositor-stages-before-draw",
)


def chromium_path() -> str | None:
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium(browser: str, profile: Path, url: str, *args: str, timeout: float = 180) -> str:
    """Run headless Chromium once on ``url``; return its stdout (e.g. ``--dump-dom``)."""
    import subprocess

    done = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def pdf_pages(blob: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", blob))
