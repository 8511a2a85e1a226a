"""Time and peak memory of the auditors' report over 100,000 records (run by hand).

``python bench/report.py [--records 100000] [--json out.json]`` writes sealed
records straight into a fresh store (no analysis: synthetic redactions sealed
under real AES-GCM data keys, bulk-inserted), with an audit log of original
views, rotations and refusal counts, then builds the report (JSON data and the
HTML page, without ``--rescan``) in a *fresh* process and prints its wall time
and peak RSS. SQLite always; PostgreSQL too when ``REDACTOR_TEST_PG_URL`` is set
(in a throwaway schema). Target: under 10 s and under 300 MB. Never a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

NOW = datetime(2026, 12, 1, tzinfo=UTC)
LABELS = ("PERSON", "PHONE_NUMBER", "ADDRESS", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "MY_NUMBER")
POLICIES = (("city-default", "1.0.0"), ("city-default", "1.1.0"), ("city-strict", "2.0.0"))
PURPOSES = ("callback", "complaint_followup", "disclosure_request")  # redactor.purposes codes


Rows = list[dict[str, Any]]


def _rows(n: int, keys: Any, rng: random.Random) -> tuple[Rows, Rows]:
    """Sealed records as table rows: masked note and one vault part each, real ciphertext."""
    from redactor.crypto.record import seal_redaction
    from redactor.entities import Entity
    from redactor.results import RedactionResult, VaultItem

    records, parts = [], []
    for i in range(n):
        created = NOW - timedelta(days=rng.uniform(0, 730))
        labels = rng.sample(LABELS, rng.randint(1, 4))
        name, version = POLICIES[i % len(POLICIES)]
        keep = created + timedelta(days=30 if "PHONE_NUMBER" in labels else 365)
        text = "、".join(f"<{label}>" for label in labels) + "から道路の陥没の連絡。"
        result = RedactionResult(
            text=text,
            entities=tuple(Entity(0, 1, label, 0.9, "bench") for label in labels),
            originals=(VaultItem(labels[0], 0, 4, "合成値", keep),),
            policy_name=name, policy_version=version,
            record_deadline=created + timedelta(days=5 * 365),
        )
        rid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        sealed = seal_redaction(result, keys, record_id=rid, now=created)
        shredded = keep <= NOW and rng.random() > 0.002  # a few overdue on purpose
        late = rng.random() < 0.01
        records.append({
            "id": rid, "created_at": created, "record_deadline": sealed.record_deadline,
            "policy_name": name, "policy_version": version,
            "label_counts": json.dumps(sealed.label_counts, sort_keys=True),
            "masked_dek_id": sealed.masked.dek_id, "masked_kek_id": sealed.masked.wrapped.key_id,
            "masked_wrapped_key": sealed.masked.wrapped.blob,
            "masked_ciphertext": sealed.masked.ciphertext,
            "masked_shredded_at": None, "deleted_at": None,
            "idempotency_key": None, "request_digest": None,
            "meta_mac": sealed.binding.mac if sealed.binding else None,
            "meta_mac_key_id": sealed.binding.key_id if sealed.binding else None,
        })
        for p in sealed.vault:
            parts.append({
                "record_id": rid, "seq": p.seq, "retain_until": p.retain_until,
                "labels": json.dumps(list(p.labels)), "dek_id": p.sealed.dek_id,
                "kek_id": p.sealed.wrapped.key_id,
                "wrapped_key": None if shredded else p.sealed.wrapped.blob,
                "ciphertext": None if shredded else p.sealed.ciphertext,
                "shredded_at": (p.retain_until + timedelta(days=3 if late else 0.5))
                if shredded else None,
            })
    return records, parts


def generate(url: str, keyring: Path, n: int) -> dict[str, float]:
    from sqlalchemy import insert

    from redactor.audit import log as audit_log
    from redactor.crypto.keys import LocalKeyring
    from redactor.store import Store, make_engine, upgrade_to_head
    from redactor.store.models import Record, VaultPart

    rng = random.Random(14)
    keys = LocalKeyring.generate(keyring, now=NOW - timedelta(days=800))
    engine = make_engine(url)
    upgrade_to_head(engine)
    store = Store(engine)
    started = time.perf_counter()
    batch = 5000
    for start in range(0, n, batch):
        records, parts = _rows(min(batch, n - start), keys, rng)
        with store.transaction() as s:
            s.execute(insert(Record), records)
            s.execute(insert(VaultPart), parts)
    sealed_s = time.perf_counter() - started
    with store.transaction() as s:
        for i in range(3000):
            at = NOW - timedelta(days=rng.uniform(0, 700))
            audit_log.append(s, audit_log.AuditEntry(
                at=at, actor=f"staff-{i % 40}", role=rng.choice(
                    ["privacy_officer", "call_center_supervisor"]), action="view_original",
                result="allowed" if i % 50 else "denied: role",
                purpose=None if i == 1234 else PURPOSES[i % 3],
                record_id=str(uuid.uuid4()), labels=("PERSON",), policy="city-default@1.0.0"))
    for day in range(0, 700, 3):
        at = NOW - timedelta(days=day)
        for route, role, status in (("/v1/records", "-", 401), ("/v1/audit", "desk", 403),
                                    ("/v1/redact", "desk", 429)):
            for _ in range(rng.randint(0, 3)):
                store.count_refusal(at, route, role, status)
    engine.dispose()
    return {"seal_and_insert_s": round(sealed_s, 1)}


def measure(url: str, keyring: Path) -> dict[str, float]:
    """Build the report (data + HTML) in this process; what a fresh ``redactor audit`` does."""
    from redactor.audit.report_html import render_html
    from redactor.crypto.keys import LocalKeyring
    from redactor.policy.registry import PolicyRegistry
    from redactor.policy.shipped import default_policy_path, shipped_policy_dir
    from redactor.service import audit_report
    from redactor.store import open_store

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store, keys = open_store(url), LocalKeyring(keyring)
    registry = PolicyRegistry.load(default_policy_path(), shipped_policy_dir())
    started = time.perf_counter()
    data = audit_report(store=store, keys=keys, policy_lookup=registry.lookup,
                        policy_findings=PolicyRegistry.findings, now=NOW)
    data_s = time.perf_counter() - started
    page = render_html(data)
    total_s = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    records = next(s for s in data["sections"] if s["id"] == "records")["data"]["total"]
    return {"records": records, "data_s": round(data_s, 2), "total_s": round(total_s, 2),
            "html_kb": round(len(page.encode()) / 1024, 1), "peak_rss_mb": round(peak, 1),
            "rss_at_start_mb": round(base, 1)}


def run(name: str, url: str, tmp: Path, n: int) -> dict[str, Any]:
    keyring = tmp / f"keyring-{name}.json"
    gen = generate(url, keyring, n)
    out = subprocess.run([sys.executable, __file__, "--measure", url, str(keyring)],
                         capture_output=True, text=True, check=True)
    result = {"backend": name, **gen, **json.loads(out.stdout.strip().splitlines()[-1])}
    print(f"{name:>10}: {result['records']:,} records; report {result['total_s']} s "
          f"(data {result['data_s']} s), peak RSS {result['peak_rss_mb']} MB; "
          f"generation {result['seal_and_insert_s']} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--measure", nargs=2, metavar=("URL", "KEYRING"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return
    results = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results.append(run("sqlite", f"sqlite:///{tmp / 'bench.db'}", tmp, args.records))
        pg = os.environ.get("REDACTOR_TEST_PG_URL")
        if pg:
            from sqlalchemy import text

            from redactor.store import make_engine

            schema = f"bench_{uuid.uuid4().hex[:12]}"
            admin = make_engine(pg)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            sep = "&" if "?" in pg else "?"
            try:
                results.append(run("postgresql", f"{pg}{sep}options=-csearch_path%3D{schema}",
                                   tmp, args.records))
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
