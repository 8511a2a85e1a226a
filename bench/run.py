"""Throughput, latency and memory of our pipeline against stock Presidio, in one process.

Run by hand (``python bench/run.py --notes 2000 --json out.json``) and, with a
small ``--notes``, by CI's smoke test. Never a timed test: it prints figures
and writes them as JSON; nothing here asserts a speed.

Sections:
- load: seconds from nothing to a ready analyzer (trimmed model + registry);
- single: stock and ours one note at a time, interleaved note by note so a
  noisy shared machine slows both alike; wall ms per note p50/p95/p99, notes/s,
  chars/s, CPU ms per note (robust to other load), ratio ours/stock;
- batch: both through ``nlp.pipe`` in batches of ``--batch-size``;
- cli: ``redactor analyze`` with 1 and 2 worker processes on the same notes;
- http: ``redactor serve`` on 127.0.0.1 and a free port, a fixed number of
  ``POST /v1/redact`` requests of a 400-character note from 4 concurrent clients.
Peak RSS (``ru_maxrss``) is read after each section.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: the dev notes, vendored in the repository (a copy of ../shared/data/dev-notes.jsonl)
DEV_NOTES = REPO / "tests" / "data" / "dev-notes.jsonl"
sys.path.insert(0, str(REPO))
#: the `redactor` command, run by this interpreter
CLI = (sys.executable, "-c", "from redactor.cli import main; main()")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_notes(n: int, seed: int = 7) -> list[str]:
    """The dev notes, repeated and shuffled to ``n``."""
    with DEV_NOTES.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    out = (texts * (n // len(texts) + 1))[:n]
    random.Random(seed).shuffle(out)
    return out


def pct(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def figures(wall_ms: Sequence[float], cpu_ms: float, notes: Sequence[str]) -> dict[str, float]:
    total_s = sum(wall_ms) / 1000
    return {
        "notes": len(notes),
        "notes_per_s": round(len(notes) / total_s, 2) if total_s else 0.0,
        "chars_per_s": round(sum(map(len, notes)) / total_s, 1) if total_s else 0.0,
        "p50_ms": round(pct(wall_ms, 50), 2),
        "p95_ms": round(pct(wall_ms, 95), 2),
        "p99_ms": round(pct(wall_ms, 99), 2),
        "cpu_ms_per_note": round(cpu_ms / max(1, len(notes)), 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def bench_single(fns: dict[str, Callable[[str], Any]], notes: Sequence[str]) -> dict[str, Any]:
    wall: dict[str, list[float]] = {k: [] for k in fns}
    cpu: dict[str, float] = dict.fromkeys(fns, 0.0)
    for text in notes:
        for name, fn in fns.items():
            w, c = time.perf_counter(), time.thread_time()
            fn(text)
            cpu[name] += (time.thread_time() - c) * 1000
            wall[name].append((time.perf_counter() - w) * 1000)
    return {name: figures(wall[name], cpu[name], notes) for name in fns}


def bench_batch(
    fns: dict[str, Callable[[list[str]], Any]], notes: Sequence[str], size: int
) -> dict[str, Any]:
    wall: dict[str, list[float]] = {k: [] for k in fns}
    cpu: dict[str, float] = dict.fromkeys(fns, 0.0)
    for i in range(0, len(notes), size):
        batch = list(notes[i : i + size])
        for name, fn in fns.items():
            w, c = time.perf_counter(), time.thread_time()
            fn(batch)
            cpu[name] += (time.thread_time() - c) * 1000
            per_note = (time.perf_counter() - w) * 1000 / len(batch)
            wall[name].extend([per_note] * len(batch))
    return {name: figures(wall[name], cpu[name], notes) for name in fns}


def ratios(section: dict[str, Any]) -> dict[str, float]:
    ours, stock = section["ours"], section["stock"]
    return {
        "notes_per_s": round(ours["notes_per_s"] / stock["notes_per_s"], 2),
        "cpu_stock_over_ours": round(stock["cpu_ms_per_note"] / ours["cpu_ms_per_note"], 2),
    }


def bench_cli(notes: Sequence[str], workers: Sequence[int]) -> dict[str, Any]:
    """Wall time of ``redactor analyze`` per worker count, and its start-up cost.

    Start-up (interpreter, imports, one model load per worker, the pool) is
    measured by the same command on a one-note file, and subtracted to give
    the steady throughput, whose ratio is what adding a worker buys.
    """
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="redactor-bench-") as tmp:

        def write(path: Path, texts: Sequence[str]) -> Path:
            path.write_text(
                "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                        for i, t in enumerate(texts)),
                encoding="utf-8",
            )
            return path

        src = write(Path(tmp) / "notes.jsonl", notes)
        one = write(Path(tmp) / "one.jsonl", notes[:1])

        def run(n: int, path: Path) -> tuple[float, int]:
            dst = Path(tmp) / f"out-{n}.jsonl"
            cmd = [*CLI, "analyze", "-i", str(path), "-o", str(dst), "--workers", str(n)]
            t = time.perf_counter()
            proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
            wall = time.perf_counter() - t
            if proc.returncode != 0:
                raise SystemExit(f"batch CLI failed with {n} workers: {proc.stderr[-400:]}")
            return wall, dst.read_text(encoding="utf-8").count("\n")

        for n in workers:
            startup, _ = run(n, one)
            wall, lines = run(n, src)
            work = max(wall - startup, 1e-6)
            out[f"workers_{n}"] = {
                "wall_s": round(wall, 2),
                "startup_s": round(startup, 2),
                "notes_per_s": round(lines / wall, 2),
                "notes_per_s_after_startup": round(lines / work, 2),
            }
    if len(workers) >= 2:
        a, b = out[f"workers_{workers[0]}"], out[f"workers_{workers[1]}"]
        out["speedup"] = round(a["wall_s"] / b["wall_s"], 2)
        out["speedup_after_startup"] = round(
            b["notes_per_s_after_startup"] / a["notes_per_s_after_startup"], 2
        )
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def note_of(notes: Sequence[str], chars: int) -> str:
    text = ""
    for t in notes:
        text += t + "\n"
        if len(text) >= chars:
            break
    cut = text[:chars]
    return cut


def _run_threads(fn: Callable[[], None], n: int) -> None:
    threads = [threading.Thread(target=fn) for _ in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


def _server_workers(pid: int) -> list[Any]:
    """The serving processes: uvicorn's worker children, or the server itself."""
    import psutil  # type: ignore[import-untyped]

    me = psutil.Process(pid)
    kids = [k for k in me.children(recursive=True) if k.name().startswith("python")]
    return kids or [me]


def _cpu_s(process: Any) -> float:
    try:
        t = process.cpu_times()
        return float(t.user + t.system)
    except Exception:  # a worker that died reports no time
        return 0.0


def bench_http(
    notes: Sequence[str], requests: int, clients: int, server_workers: int,
    keepalive: bool = True,
) -> dict[str, Any]:
    """Loopback only, a bounded number of requests, the server stopped at the end."""
    try:
        import httpx

        import redactor.api  # noqa: F401
    except ImportError as exc:
        return {"skipped": f"HTTP API not available ({exc.name})"}
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="redactor-bench-http-") as tmp:
        env = dict(os.environ, REDACTOR_DATA_DIR=tmp, REDACTOR_RATE_PER_SECOND="10000",
                   REDACTOR_WORKERS=str(server_workers),
                   REDACTOR_RATE_BURST="10000", REDACTOR_LOG_LEVEL="warning")
        t0 = time.perf_counter()
        log = Path(tmp) / "server.log"
        with log.open("w") as err:
            proc = subprocess.Popen(
                [*CLI, "serve", "--host", "127.0.0.1",
                 "--port", str(port)],
                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            ready = False
            while time.perf_counter() - t0 < 120 and proc.poll() is None:
                try:
                    if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                        ready = True
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.3)
            ready_s = time.perf_counter() - t0
            key = re.search(r"dev API key\s+desk\s+(\S+)", log.read_text())
            if not ready or key is None:
                return {"skipped": "server did not become ready (see `redactor serve`)"}
            text = note_of(notes, 400)
            headers = {"Authorization": f"Bearer {key.group(1)}"}
            lat: list[float] = []
            codes: dict[int, int] = {}
            lock = threading.Lock()
            per_client = requests // clients

            # Without keep-alive each request is a new connection, which the kernel
            # hands to whichever worker accepts first; kept-alive connections stay
            # with the worker that accepted them, so 4 clients on 2 workers may
            # split 3:1 and one worker queues three requests.
            limits = httpx.Limits(max_keepalive_connections=None if keepalive else 0)

            def client() -> None:
                with httpx.Client(base_url=base, headers=headers, timeout=30,
                                  limits=limits) as c:
                    for _ in range(per_client):
                        t = time.perf_counter()
                        r = c.post("/v1/redact", json={"text": text})
                        ms = (time.perf_counter() - t) * 1000
                        with lock:
                            lat.append(ms)
                            codes[r.status_code] = codes.get(r.status_code, 0) + 1

            def warm() -> None:
                with httpx.Client(base_url=base, headers=headers, timeout=60) as c:
                    for _ in range(3):
                        c.post("/v1/redact", json={"text": text})

            # Warm every worker: concurrent connections land on each of them.
            _run_threads(warm, max(clients, server_workers) * 2)
            workers = _server_workers(proc.pid)
            cpu0 = [_cpu_s(w) for w in workers]
            start = time.perf_counter()
            _run_threads(client, clients)
            wall = time.perf_counter() - start
            busy = [round(_cpu_s(w) - c, 2) for w, c in zip(workers, cpu0, strict=True)]
            return {
                "ready_s": round(ready_s, 2),
                "clients": clients,
                "keepalive": keepalive,
                "server_workers": server_workers,
                "requests": len(lat),
                "note_chars": len(text),
                "status": {str(k): v for k, v in codes.items()},
                "rps": round(len(lat) / wall, 2),
                "p50_ms": round(pct(lat, 50), 1),
                "p95_ms": round(pct(lat, 95), 1),
                "p99_ms": round(pct(lat, 99), 1),
                "worker_cpu_s": busy,
            }
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def print_table(report: dict[str, Any]) -> None:
    print(f"\nload to ready: {report['load']['ours_s']} s (ours), "
          f"{report['load']['stock_s']} s (stock, full pipeline)")
    head = f"{'section':<16}{'notes/s':>9}{'chars/s':>10}{'p50':>8}{'p95':>8}{'p99':>8}" \
           f"{'cpu ms':>8}{'RSS MB':>8}"
    print(head)
    print("-" * len(head))
    for sec in ("single", "batch"):
        for who in ("stock", "ours"):
            f = report[sec][who]
            print(f"{sec + ' ' + who:<16}{f['notes_per_s']:>9}{f['chars_per_s']:>10}"
                  f"{f['p50_ms']:>8}{f['p95_ms']:>8}{f['p99_ms']:>8}"
                  f"{f['cpu_ms_per_note']:>8}{f['peak_rss_mb']:>8}")
        r = report[sec]["ratio"]
        print(f"{sec + ' ratio':<16}{r['notes_per_s']:>9}x  (CPU stock/ours "
              f"{r['cpu_stock_over_ours']}x)")
    print(f"recognizers: {json.dumps(report.get('recognizers'))}")
    print(f"cli: {json.dumps(report.get('cli'))}")
    print(f"http: {json.dumps(report.get('http'))}")


def bench_recognizers(notes: Sequence[str]) -> dict[str, float]:
    """The cost of the pieces that are ours alone: the gazetteer's load and the address
    recognizer per note (no model). Figures, never assertions: speed is not tested."""
    from recognizers.jp_address_recognizer import (
        GAZETTEER_PATH,
        JpAddressRecognizer,
        load_gazetteer,
    )

    load_gazetteer.cache_clear()
    t = time.perf_counter()
    load_gazetteer(GAZETTEER_PATH)
    gazetteer_s = time.perf_counter() - t
    rec = JpAddressRecognizer()
    rec.analyze("住所は大阪市淀川区西中島4-6-24です", ["ADDRESS"], None)  # first-call set-up
    t = time.perf_counter()
    for i, text in enumerate(notes):
        rec.analyze(f"{text}{i}", ["ADDRESS"], None)  # distinct texts: no normalizer cache hit
    per_note = (time.perf_counter() - t) / max(1, len(notes)) * 1000
    return {"gazetteer_load_s": round(gazetteer_s, 3), "address_ms_per_note": round(per_note, 3)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=int, default=600)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-http", action="store_true")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--cli-notes", type=int, default=None,
                    help="notes for the CLI section (default --notes): enough that the "
                         "model load does not hide the scaling from 1 to 2 workers")
    ap.add_argument("--http-requests", type=int, default=200)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--server-workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only-http", action="store_true", help="the HTTP section alone")
    ap.add_argument("--no-keepalive", action="store_true",
                    help="HTTP clients open a new connection per request")
    args = ap.parse_args(argv)
    if args.only_http:
        http = bench_http(load_notes(args.notes), args.http_requests, args.clients,
                          args.server_workers, keepalive=not args.no_keepalive)
        print(f"http: {json.dumps(http)}")
        if args.json:
            args.json.write_text(json.dumps({"http": http}, indent=2), encoding="utf-8")
        return 0

    from redactor.detect.analyze import Analyzer, build_analyzer, load_nlp
    from redactor.detect.stock import build_stock_engine, stock_analyze

    notes = load_notes(args.notes)
    t = time.perf_counter()
    ours: Analyzer = build_analyzer(nlp=load_nlp())
    ours.analyze("準備")
    load_ours = time.perf_counter() - t
    rss_after_load = peak_rss_mb()
    t = time.perf_counter()
    # as shipped: the full pipeline, spaCy's BLIS and spaCy's own NER decoding
    stock = build_stock_engine(load_nlp(exclude=(), numpy_blas=False, greedy_ner=False))
    stock_analyze(stock, "準備")
    load_stock = time.perf_counter() - t
    report: dict[str, Any] = {
        "notes": len(notes),
        "recognizers": sorted(str(getattr(r, "name", "")) for r in ours.engine.registry.recognizers),  # noqa: E501
        "load": {"ours_s": round(load_ours, 2), "stock_s": round(load_stock, 2),
                 "ours_rss_mb": round(rss_after_load, 1)},
    }
    for text in notes[:5]:  # warm both before timing
        ours.analyze(text)
        stock_analyze(stock, text)

    single = bench_single(
        {"stock": lambda x: stock_analyze(stock, x), "ours": ours.analyze}, notes
    )
    single["ratio"] = ratios(single)
    report["single"] = single

    stock_nlp = stock.nlp_engine

    def stock_batch(batch: list[str]) -> None:
        for text, artifacts in stock_nlp.process_batch(batch, "ja", batch_size=args.batch_size):
            stock.analyze(text=text, language="ja", nlp_artifacts=artifacts)

    batch = bench_batch(
        {"stock": stock_batch, "ours": lambda b: ours.analyze_batch(b, args.batch_size)},
        notes, args.batch_size,
    )
    batch["ratio"] = ratios(batch)
    report["batch"] = batch
    report["recognizers"] = bench_recognizers(notes)
    report["peak_rss_mb"] = round(peak_rss_mb(), 1)

    if args.no_cli:
        report["cli"] = {"skipped": "--no-cli"}
    else:
        cli_notes = notes if args.cli_notes is None else load_notes(args.cli_notes)
        report["cli"] = bench_cli(cli_notes, (1, 2))
    if args.no_http:
        report["http"] = {"skipped": "--no-http"}
    else:
        report["http"] = bench_http(notes, args.http_requests, args.clients, args.server_workers,
                                    keepalive=not args.no_keepalive)

    print_table(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
