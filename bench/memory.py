"""RSS and spaCy's string-store size while analyzing distinct notes (run by hand).

``python bench/memory.py --notes 50000 --checkpoints 1000,5000,10000,50000
--out mem.json`` analyzes synthetic distinct notes (``bench/synth.py``) one at
a time, as the service does, and records at each checkpoint the process's
current RSS and the number of strings in the vocabulary's store. The results file is
rewritten at every checkpoint, so a long run left in the background can be read
while it goes.
Never a timed test: it reports figures; ``tests/test_memory_flat.py`` holds
the count assertion.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def rss_mb() -> float:
    """Current (not peak) resident set size."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    import resource

    return pages * resource.getpagesize() / 2**20


def counts(nlp: Any) -> dict[str, int]:
    """Strings kept for good (transient ones leave with their memory zone)."""
    return {"strings": len(nlp.vocab.strings)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=int, default=10000)
    ap.add_argument("--checkpoints", default="1000,5000,10000")
    ap.add_argument("--batch", type=int, default=1, help="notes per analyze_batch call")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)

    from synth import notes

    from redactor.detect.analyze import build_analyzer, load_nlp

    nlp = load_nlp()
    analyzer = build_analyzer(nlp=nlp)
    marks = sorted({int(x) for x in args.checkpoints.split(",") if x} | {args.notes})
    rows: list[dict[str, Any]] = []
    start = time.perf_counter()
    done = 0
    pending: list[str] = []
    for text in notes(args.notes):
        pending.append(text)
        if len(pending) < args.batch and done + len(pending) not in marks:
            continue
        analyzer.analyze_batch(pending, batch_size=len(pending))
        done += len(pending)
        pending = []
        if done in marks:
            gc.collect()
            row = {
                "notes": done,
                "rss_mb": round(rss_mb(), 1),
                **counts(nlp),
                "elapsed_s": round(time.perf_counter() - start, 1),
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
            if args.out:
                args.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
