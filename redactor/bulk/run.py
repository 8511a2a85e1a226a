"""The pipeline of a bulk command: source → engine → writer → summary.

The engine is chosen here and nowhere else; both hand the one writer batches
of outcomes in input order, so counts, stored records and resume marks are the
same whichever ran.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from redactor.bulk.jobs import IMPORT, REREDACT, RESCAN, JobSpec, Outcome
from redactor.bulk.local import run_local
from redactor.bulk.source import count_lines, file_items, store_items
from redactor.bulk.summary import Summary, progress_bar
from redactor.bulk.writer import Marks, Writer
from redactor.crypto.keys import KeyProvider
from redactor.store import Store

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class EngineOptions:
    engine: str = "local"
    #: local: processes (1 = this process); ray: actors in the pool
    workers: int = 1
    #: ray: CPUs each actor reserves (a fraction leaves room for the read task)
    num_cpus: float = 0.5
    #: ray: the analyzer factory of each actor (None: the service's analyzer)
    ray_factory: Callable[[], Any] | None = None
    progress: bool = False

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"--engine must be one of {', '.join(ENGINES)}")


def _drive(batches: Iterable[list[Outcome]], writer: Writer, total: int | None,
           options: EngineOptions) -> Summary:
    summary = writer.summary
    start = time.monotonic()
    with progress_bar(total, enabled=options.progress, label=f"bulk {summary.command}") as bar:
        for outcomes in batches:
            if not summary.startup:
                summary.startup, summary.first_batch = time.monotonic() - start, len(outcomes)
            writer.write(outcomes)
            bar(len(outcomes))
    summary.seconds = time.monotonic() - start
    if options.engine == "local" and options.workers > 1:  # the pool's analyzers
        summary.workers = {f"local-{i}" for i in range(options.workers)}
    return summary


def run_import(files: Sequence[Path], spec: JobSpec, *, store: Store, keys: KeyProvider,
               factory: Callable[[], Any], options: EngineOptions, marks_dir: Path,
               resume: bool = False) -> Summary:
    """Redact, seal and store every note of ``files`` (``ingest``'s records, batched)."""
    assert spec.command == IMPORT and spec.policy is not None
    sources = [str(f) for f in files]
    marks = Marks.for_run(marks_dir, IMPORT, sources,
                          f"{spec.policy.name}@{spec.policy.version}", resume=resume)
    summary = Summary(IMPORT, options.engine)
    summary.resumed_from = sum(int(v) for v in marks.done.values())
    total = max(count_lines(files) - summary.resumed_from, 0)
    if options.engine == "ray":
        from redactor.bulk.ray_engine import run_ray

        batches: Iterable[list[Outcome]] = run_ray(
            spec, paths=files, marks=dict(marks.done), actors=options.workers,
            num_cpus=options.num_cpus, factory=options.ray_factory)
    else:
        batches = run_local(spec, file_items(files, dict(marks.done)), keys=keys,
                            factory=factory, workers=options.workers)
    return _drive(batches, Writer(store, summary, marks, now=spec.now, actor="bulk-import"),
                  total, options)


def run_store_job(spec: JobSpec, *, store: Store, keys: KeyProvider,
                  factory: Callable[[], Any], options: EngineOptions, marks_dir: Path,
                  since: datetime | None = None, resume: bool = False) -> Summary:
    """Re-redact (new records replace the old, which are erased) or re-scan every live
    record created since ``since``."""
    assert spec.command in (REREDACT, RESCAN)
    suffix = spec.reredact_suffix if spec.command == REREDACT else None
    tag = "" if spec.policy is None else f"{spec.policy.name}@{spec.policy.version}"
    marks = Marks.for_run(marks_dir, spec.command, ["store", str(since)], tag, resume=resume)
    after = str(marks.done.get("store", "")) if spec.command == RESCAN else ""
    ids = [batch for batch in store.live_record_ids(since=since, skip_key_suffix=suffix)]
    total = sum(len(b) for b in ids)
    summary = Summary(spec.command, options.engine)
    summary.resumed_from = sum(1 for b in ids for i in b if i <= after) if after else 0
    items = store_items(store, ids, after)
    if options.engine == "ray":
        from redactor.bulk.ray_engine import run_ray

        batches: Iterable[list[Outcome]] = run_ray(
            spec, items=list(items), actors=options.workers, num_cpus=options.num_cpus,
            factory=options.ray_factory)
    else:
        batches = run_local(spec, items, keys=keys, factory=factory, workers=options.workers)
    writer = Writer(store, summary, marks, now=spec.now, actor=f"bulk-{spec.command}")
    return _drive(batches, writer, total - summary.resumed_from, options)
