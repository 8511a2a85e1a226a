"""Notes per second of `redactor bulk import`: local 1 and 2 workers, Ray 1 and 2 actors.

``python bench/bulk.py [--notes 5000] [--batch-size 32] [--json out.json]`` writes N
notes (the dev notes cycled, each its own id and one of a few callers), then imports
them four times, each into a fresh SQLite store under one keyring: the local engine
in this process and with a pool of two, then Ray (started once, locally, on this
machine's CPUs) with one and two actors of 0.5 CPU. Each engine also imports one
batch alone first: that run's time is its start-up overhead (pool or actors
started, models loaded), and the steady rate is (N - one batch) / (time of N - time
of one batch). Printed: total time, overhead, steady rate, its ratio to local-1,
Ray's own start, and the load average (the machine is shared: figures move with it).
Never a timed test: figures are printed, nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

DEV_NOTES = BENCH.parent / "tests" / "data" / "dev-notes.jsonl"
POLICY = BENCH.parent / "policies" / "default.yaml"


def write_notes(path: Path, count: int) -> None:
    dev = [json.loads(line) for line in DEV_NOTES.read_text(encoding="utf-8").splitlines()
           if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            fh.write(json.dumps({"id": f"b{i:07d}", "text": dev[i % len(dev)]["text"],
                                 "caller_id": f"caller-{i % 50}"}, ensure_ascii=False) + "\n")


def one_run(engine: str, workers: int, notes: Path, root: Path, batch_size: int,
            tag: str = "") -> dict[str, Any]:
    from redactor.bulk.jobs import IMPORT, JobSpec
    from redactor.bulk.run import EngineOptions, run_import
    from redactor.detect.analyze import build_analyzer
    from redactor.policy import load_policy
    from redactor.service import open_keys
    from redactor.settings import Settings
    from redactor.store import open_store

    run_dir = root / f"{engine}-{workers}{tag}"
    run_dir.mkdir()
    os.environ["REDACTOR_DB_URL"] = f"sqlite:///{run_dir / 'db.sqlite'}"
    now = datetime.now(UTC)
    settings = Settings()
    spec = JobSpec(IMPORT, now, policy=load_policy(POLICY), batch_size=batch_size)
    summary = run_import([notes], spec, store=open_store(settings.database_url),
                         keys=open_keys(settings, create=True, now=now), factory=build_analyzer,
                         options=EngineOptions(engine=engine, workers=workers, num_cpus=0.5),
                         marks_dir=run_dir / "marks")
    assert summary.stored == summary.read, summary.lines()
    return {"engine": engine, "workers": workers, "notes": summary.read,
            "seconds": round(summary.seconds, 1), "startup": round(summary.startup, 1),
            "rate": round(summary.rate, 1), "overall": round(summary.read / summary.seconds, 1),
            "analyzers": len(summary.workers),
            "writer_per_s": round(summary.stored / summary.write_seconds, 0)
            if summary.write_seconds else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp:
        root = Path(tmp)
        os.environ["REDACTOR_KEYRING"] = str(root / "keyring.json")
        os.environ["REDACTOR_DATA_DIR"] = str(root / "data")
        notes, small = root / "notes.jsonl", root / "one-batch.jsonl"
        write_notes(notes, args.notes)
        write_notes(small, args.batch_size)

        def measured(engine: str, workers: int) -> dict[str, Any]:
            alone = one_run(engine, workers, small, root, args.batch_size, "-small")
            row = one_run(engine, workers, notes, root, args.batch_size)
            row["overhead"] = alone["seconds"]
            steady = row["seconds"] - alone["seconds"]
            row["steady"] = round((args.notes - args.batch_size) / steady, 1) if steady > 0 else 0
            return row

        load = [round(x, 1) for x in os.getloadavg()]
        rows = [measured("local", 1), measured("local", 2)]
        ray_start = None
        if not args.skip_ray:
            from redactor.bulk.ray_engine import ensure_ray

            started = time.perf_counter()
            ray = ensure_ray(os.cpu_count())
            ray_start = round(time.perf_counter() - started, 1)
            rows += [measured("ray", 1), measured("ray", 2)]
            ray.shutdown()
        load += [round(x, 1) for x in os.getloadavg()]
    base = rows[0]["steady"] or 1.0
    print(f"bulk import of {args.notes} notes, batch {args.batch_size}, {os.cpu_count()} "
          f"CPU(s), load average {load[0]} before, {load[3]} after; ratio: steady vs local-1")
    print(f"{'engine':<8}{'workers':>8}{'total s':>9}{'overhead s':>12}{'steady/s':>10}"
          f"{'overall/s':>11}{'ratio':>7}")
    for r in rows:
        print(f"{r['engine']:<8}{r['workers']:>8}{r['seconds']:>9}{r['overhead']:>12}"
              f"{r['steady']:>10}{r['overall']:>11}{r['steady'] / base:>7.2f}")
    if ray_start is not None:
        print(f"Ray start (local, ray.init): {ray_start} s")
    writer = [r["writer_per_s"] for r in rows if r["writer_per_s"]]
    if writer:
        print(f"writer (SQLite, batches of {args.batch_size}): {min(writer):.0f}-{max(writer):.0f}"
              " records/s inside its transactions")
    if args.json:
        args.json.write_text(json.dumps({"runs": rows, "ray_start_s": ray_start,
                                         "load_average": load}, indent=2))


if __name__ == "__main__":
    main()
