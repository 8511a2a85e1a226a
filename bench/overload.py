"""Another client's longest wait while one client overloads the service (issue 16).

Run by hand (it loads the model in each server it starts; a few minutes):
``nice python bench/overload.py``. A benchmark, never a timed test: it prints
figures side by side and writes them with ``--json``; nothing asserts a speed.

Each mode starts ``redactor serve`` (one uvicorn worker, dev keys, a temporary
data directory) on a loopback port, waits until ``/readyz`` answers, then for
each scenario a careless client sends, for ``--duration`` seconds, retrying
after every answer (honouring Retry-After):

- ``batch_1mb``: one batch of 25 notes of 20,000 characters (about 1 MB);
- ``parallel_8``: 8 clients at once, each one note of 20,000 characters.

Meanwhile a probe (the desk app) sends one ordinary note every 0.5 s and
records every answer. *Longest wait* is the longest stretch the probe went
without a 200, from the start of the scenario until its first 200 after the
careless client stopped (``>=``: still none ``--recover`` seconds later). Each
mode and scenario gets a fresh server. Modes: ``main`` (thread isolation, no character
budget: what main did), ``thread`` (thread isolation with the budget) and
``process`` (supervised processes with the budget: the default of ``serve``).
The limits on one request are raised so the batch gets past the door (with
the defaults it is refused with 413 at once).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import notes

PROBE = "山田太郎さん（090-1234-5678）から、自宅前の道路が陥没していると連絡。"
MODES: dict[str, dict[str, str]] = {
    "main": {"REDACTOR_ANALYSIS_ISOLATION": "thread",
             "REDACTOR_ANALYSIS_BUDGET_CHARS": str(10**9),
             "REDACTOR_ANALYSIS_RESERVE_CHARS": "0"},
    "thread": {"REDACTOR_ANALYSIS_ISOLATION": "thread"},
    "process": {"REDACTOR_ANALYSIS_ISOLATION": "process"},
}


def long_note(chars: int, seed: int) -> str:
    out: list[str] = []
    size = 0
    for n in notes(10_000, seed=seed):
        out.append(n)
        size += len(n) + 1
        if size >= chars:
            break
    return "\n".join(out)[:chars]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(mode: str, data_dir: Path) -> Iterator[tuple[str, str]]:
    """``redactor serve`` in ``mode``; yields its URL and the desk key."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}
    env.update({"REDACTOR_DATA_DIR": str(data_dir), "REDACTOR_PORT": str(port),
                "REDACTOR_MAX_REQUEST_CHARS": "1000000", "REDACTOR_MAX_BODY_BYTES": "4000000",
                "REDACTOR_LOG_LEVEL": "warning", **MODES[mode]})
    log = (data_dir / "server.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", "from redactor.cli import main; main()",
                             "serve"], env=env, stderr=log, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the {mode} server did not start (see {log.name})")
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        log.seek(0)
        match = re.search(r"dev API key\s+desk\s+(\S+)", log.read())
        if match is None:
            raise SystemExit("no desk key in the server's output")
        yield url, match.group(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@dataclass
class Outcome:
    longest_wait_s: float = 0.0
    #: False: still no 200 ``--recover`` seconds after the careless client stopped
    recovered: bool = True
    probe_ok: int = 0
    probe_total: int = 0
    probe_statuses: Counter[int] = field(default_factory=Counter)
    heavy_statuses: Counter[int] = field(default_factory=Counter)


def wait(out: Outcome) -> str:
    """The longest wait as printed: ``>=`` when the probe had not recovered by the end."""
    return f"{'>=' if not out.recovered else ''}{out.longest_wait_s:.1f}"


def careless(url: str, key: str, texts: list[str], stop: threading.Event,
             statuses: Counter[int], lock: threading.Lock) -> None:
    body = json.dumps({"texts": texts}, ensure_ascii=False).encode()
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    with httpx.Client(timeout=300) as client:
        while not stop.is_set():
            try:
                resp = client.post(url + "/v1/analyze", content=body, headers=headers)
                status, wait = resp.status_code, float(resp.headers.get("Retry-After", "0"))
            except httpx.HTTPError:
                status, wait = 0, 1.0
            with lock:
                statuses[status] += 1
            stop.wait(wait if status != 200 else 0.0)


def run_scenario(url: str, key: str, heavy: list[list[str]], duration: float,
                 recover: float) -> Outcome:
    out = Outcome()
    stop = threading.Event()
    lock = threading.Lock()
    threads = [threading.Thread(target=careless, args=(url, key, texts, stop,
                                                      out.heavy_statuses, lock), daemon=True)
               for texts in heavy]
    headers = {"Authorization": f"Bearer {key}"}
    start = time.monotonic()
    for t in threads:
        t.start()
    last_ok = start
    with httpx.Client(timeout=120) as client:
        while True:
            sent = time.monotonic()
            try:
                status = client.post(url + "/v1/analyze", json={"texts": [PROBE]},
                                     headers=headers).status_code
            except httpx.HTTPError:
                status = 0
            now = time.monotonic()
            out.probe_total += 1
            out.probe_statuses[status] += 1
            if status == 200:
                out.probe_ok += 1
                out.longest_wait_s = max(out.longest_wait_s, now - last_ok)
                last_ok = now
            if now - start >= duration:
                stop.set()
                if status == 200:
                    break
                if now - start > duration + recover:  # never recovered: the wait so far
                    out.longest_wait_s = max(out.longest_wait_s, now - last_ok)
                    out.recovered = False
                    break
            time.sleep(max(0.0, 0.5 - (time.monotonic() - sent)))
    for t in threads:
        t.join(timeout=300)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default="main,thread,process")
    parser.add_argument("--duration", type=float, default=30.0,
                        help="seconds the careless client keeps sending")
    parser.add_argument("--recover", type=float, default=120.0,
                        help="seconds to wait, after the client stops, for a 200")
    parser.add_argument("--json", default=None, help="write the figures here too")
    args = parser.parse_args()
    note = long_note(20_000, seed=16)
    scenarios = {
        "batch_1mb": [[long_note(20_000, seed=100 + i) for i in range(25)]],
        "parallel_8": [[note] for _ in range(8)],
    }
    size = len(json.dumps({"texts": scenarios["batch_1mb"][0]}, ensure_ascii=False).encode())
    print(f"batch_1mb body: {size / 1e6:.2f} MB; probe note: {len(PROBE)} characters",
          flush=True)
    results: dict[str, dict[str, Outcome]] = {}
    modes = args.modes.split(",")
    for mode in modes:
        for name, heavy in scenarios.items():
            # a fresh server per scenario: what one left running must not weigh on the next
            with tempfile.TemporaryDirectory(prefix=f"overload-{mode}-") as tmp, \
                    server(mode, Path(tmp)) as (url, key):
                out = run_scenario(url, key, heavy, args.duration, args.recover)
            results.setdefault(name, {})[mode] = out
            print(f"{name:<11} {mode:<8} longest wait {wait(out):>9} s  probe "
                  f"{out.probe_ok}/{out.probe_total} ok {dict(out.probe_statuses)}  "
                  f"heavy {dict(out.heavy_statuses)}", flush=True)
    print()
    print(f"{'longest wait of the probe (s)':<32}" + "".join(f"{m:>10}" for m in modes)
          + ("   main/process" if {"main", "process"} <= set(modes) else ""))
    for name, by_mode in results.items():
        row = f"{name:<32}" + "".join(f"{wait(by_mode[m]):>10}" for m in modes)
        if {"main", "process"} <= set(modes):
            ratio = by_mode["main"].longest_wait_s / max(by_mode["process"].longest_wait_s, 0.01)
            row += f"   {'>=' if not by_mode['main'].recovered else '':>2}{ratio:.1f}x"
        print(row)
    if args.json:
        data: dict[str, Any] = {
            name: {m: {"longest_wait_s": round(o.longest_wait_s, 2), "probe_ok": o.probe_ok,
                       "probe_total": o.probe_total, "recovered": o.recovered,
                       "probe_statuses": dict(o.probe_statuses),
                       "heavy_statuses": dict(o.heavy_statuses)}
                   for m, o in by_mode.items()}
            for name, by_mode in results.items()}
        Path(args.json).write_text(json.dumps(data, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
