"""Records per second of the store audit, which checks every record (run by hand).

``python bench/audit.py [--records 10000] [--json out.json]`` fills a fresh SQLite
store with sealed records (``bench/report.py``'s generator: real AES-GCM data keys,
a metadata MAC each, about half the originals shredded, 3,000 audit entries) and
times ``service.audit`` without the re-scan: the metadata MAC of every record, the
GCM tag of every live ciphertext, deadlines, policies and the log's hash chain.
Two baselines: a bare read of the same records (``Store.scan``: what the checks
cost on top of reading), and, for the first size, the loop the audit ran before
issue 16 (``Store.get`` per record, then decrypt the masked note only). When the
run extrapolates to under ~2 minutes for 100,000 records, that size runs too.
Never a timed test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import report as generator  # noqa: E402  (bench/report.py: the shared record generator)

#: The 100,000-record run is skipped when the 10,000 run extrapolates beyond this.
BIG_RUN_BUDGET_S = 120.0


def _former_loop(store: Any, keys: Any) -> float:
    """The audit's record loop before issue 16: one ``get`` per id, masked note only."""
    from redactor.crypto.record import open_masked

    started = time.perf_counter()
    for record_id in store.record_ids():
        rec = store.get(record_id)
        if rec is not None and rec.masked is not None:
            open_masked(keys, rec.id, rec.masked)
    return time.perf_counter() - started


def measure(n: int, tmp: Path, *, former: bool) -> dict[str, Any]:
    from redactor.crypto.keys import LocalKeyring
    from redactor.service import audit
    from redactor.store import open_store

    url, keyring = f"sqlite:///{tmp / f'audit-{n}.db'}", tmp / f"keyring-{n}.json"
    gen = generator.generate(url, keyring, n)
    store, keys = open_store(url), LocalKeyring(keyring)

    started = time.perf_counter()
    read = sum(1 for _ in store.scan())
    scan_s = time.perf_counter() - started

    started = time.perf_counter()
    report = audit(store=store, keys=keys, analyzer=None, policy_lookup=lambda n, v: object(),
                   policy_check=lambda p: [], now=generator.NOW)
    audit_s = time.perf_counter() - started
    former_s = _former_loop(store, keys) if former else None
    integrity = [f.kind for f in report.findings
                 if f.kind not in ("past_deadline", "view_without_purpose")]
    store.engine.dispose()
    return {
        "records": report.records, "read": read, "generation_s": gen["seal_and_insert_s"],
        "scan_s": round(scan_s, 2), "audit_s": round(audit_s, 2),
        "scan_records_per_s": round(read / scan_s), "audit_records_per_s":
            round(report.records / audit_s),
        "audit_over_scan": round(audit_s / scan_s, 2),
        "former_loop_s": None if former_s is None else round(former_s, 2),
        "audit_over_former": None if former_s is None else round(audit_s / former_s, 2),
        "fields_verified": report.fields_verified, "fields_shredded": report.fields_shredded,
        "integrity_findings": len(integrity),
    }


def _print(r: dict[str, Any]) -> None:
    print(f"{r['records']:>7,} records: audit {r['audit_s']} s = "
          f"{r['audit_records_per_s']:,} records/s ({r['fields_verified']:,} ciphertexts "
          f"verified, {r['fields_shredded']:,} shredded, {r['integrity_findings']} integrity "
          f"findings); bare read {r['scan_s']} s = {r['scan_records_per_s']:,} records/s; "
          f"audit/read {r['audit_over_scan']}x")
    if r["former_loop_s"] is not None:
        print(f"{'':>16}former loop (get per record, masked note only) {r['former_loop_s']} s; "
              f"audit/former {r['audit_over_former']}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        first = measure(args.records, tmp, former=True)
        _print(first)
        results.append(first)
        projected = first["audit_s"] * args.big / max(args.records, 1)
        if args.big > args.records and projected < BIG_RUN_BUDGET_S:
            big = measure(args.big, tmp, former=False)
            _print(big)
            results.append(big)
        elif args.big > args.records:
            print(f"{args.big:,} records skipped: projected {projected:.0f} s "
                  f"> {BIG_RUN_BUDGET_S:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
