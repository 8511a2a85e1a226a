"""Build the example auditors' report from synthetic notes (run by hand; needs ja_ginza).

``python examples/make_audit_report.py`` stores 40 synthetic notes
(``bench/synth.py``: random name parts and numbers, no real person) over six
months through the real pipeline (GiNZA recognizers, the shipped default
policy, AES-GCM sealing) in a throwaway SQLite store, adds original views with
and without a purpose, refusals, a key rotation and two sweeps (one late), re-scans the
masked notes, and writes ``examples/audit-report.html`` and, when Chromium is
installed, ``examples/audit-report.png``. It prints how many of the notes'
original values appear in the page (0).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

START = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
#: late enough for the first deadlines (a year after intake): some shredded, one batch late
NOW = datetime(2027, 8, 10, 9, 0, tzinfo=UTC)
OUT = REPO / "examples"


def main() -> None:
    from synth import notes

    from redactor.detect.analyze import build_analyzer
    from redactor.audit import log as audit_log
    from redactor.audit.report_html import render_html
    from redactor.crypto.keys import LocalKeyring, pseudonym_key
    from redactor.policy.registry import PolicyRegistry
    from redactor.policy.shipped import default_policy_path, shipped_policy_dir
    from redactor.service import (
        audit_report,
        read_original,
        redact,
        rotate_keys,
        store_redaction,
        sweep,
    )
    from redactor.store import open_store

    rng = random.Random(14)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(f"sqlite:///{tmp / 'example.db'}")
    keys = LocalKeyring.generate(tmp / "keyring.json", now=START)
    registry = PolicyRegistry.load(default_policy_path(), shipped_policy_dir())
    policy = registry.active
    analyzer = build_analyzer()
    values: set[str] = set()
    ids = []
    for i, text in enumerate(notes(40, seed=14)):
        when = START + timedelta(days=i * 4, hours=rng.randint(0, 8))
        result = redact(text, policy, analyzer=analyzer, pseudonym_key=pseudonym_key(keys),
                        now=when)
        values |= {o.value for o in result.originals} | {text[e.start:e.end]
                                                         for e in result.entities}
        ids.append(store_redaction(result, store=store, keys=keys, now=when).id)
    purposes = ("callback", "complaint_followup", "disclosure_request")  # redactor.purposes
    for i, rid in enumerate(ids[:12]):
        read_original(rid, store=store, keys=keys, actor=f"staff-{i % 3}",
                      role="privacy_officer", purpose=purposes[i % 3], policy=policy,
                      now=START + timedelta(days=4 * i + 2))
    with store.transaction() as s:  # one view that slipped through without a purpose
        audit_log.append(s, audit_log.AuditEntry(
            at=START + timedelta(days=50), actor="staff-9", role="call_center_supervisor",
            action="view_original", result="allowed", record_id=ids[5], labels=("PERSON",)))
    rotate_keys(store=store, keys=keys, now=START + timedelta(days=90), actor="key-admin",
                role="key-admin")
    for day in range(0, 180, 2):
        at = START + timedelta(days=day)
        for route, role, status, p in (("/v1/records", "-", 401, 0.5),
                                       ("/v1/records/{record_id}/original", "desk", 403, 0.2),
                                       ("/v1/redact", "desk", 429, 0.1)):
            if rng.random() < p:
                store.count_refusal(at, route, role, status)
    for swept in (datetime(2027, 6, 2, 12, tzinfo=UTC), datetime(2027, 7, 20, 3, tzinfo=UTC)):
        sweep(store=store, now=swept)  # then no sweep since: the August deadlines are overdue
    data = audit_report(store=store, keys=keys, policy_lookup=registry.lookup,
                        policy_findings=PolicyRegistry.findings, now=NOW, rescan=True,
                        analyzer=analyzer)
    page = render_html(data)
    html = OUT / "audit-report.html"
    html.write_text(page, encoding="utf-8")
    found = sorted(v for v in values if len(v) >= 2 and v in page)
    print(f"wrote {html}; {len(values)} original values checked, {len(found)} found in it")  # noqa: T201
    browser = shutil.which("chromium")
    if browser:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
                        "--hide-scrollbars", "--window-size=1000,2600",
                        f"--screenshot={OUT / 'audit-report.png'}", html.as_uri()],
                       check=True, capture_output=True)
        print(f"wrote {OUT / 'audit-report.png'}")  # noqa: T201
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
