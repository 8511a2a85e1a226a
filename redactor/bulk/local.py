"""The local engine: one analyzer in this process, or the worker pool of
``redactor.detect.workers`` (spawned processes, each loading the model once).

With a pool, this process reads, prepares and seals while the pool analyzes;
read-ahead is bounded (a few batches a worker), so memory does not grow with the
archive. Outcomes come back in input order.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from redactor.bulk.jobs import JobSpec, Outcome, Prep, Worker
from redactor.bulk.source import Item, batched
from redactor.crypto.keys import KeyProvider
from redactor.detect.workers import analyze_in_workers

AnalyzerFactory = Callable[[], Any]


def run_local(spec: JobSpec, items: Iterable[Item], *, keys: KeyProvider,
              factory: AnalyzerFactory, workers: int = 1) -> Iterator[list[Outcome]]:
    """Outcomes of every batch of ``spec.batch_size`` items, in order."""
    if workers <= 1:
        worker = Worker(spec, keys=keys, analyzer=factory())
        for batch in batched(items, spec.batch_size):
            yield worker.run(batch)
        return
    yield from _pooled(spec, items, keys=keys, factory=factory, workers=workers)


def _pooled(spec: JobSpec, items: Iterable[Item], *, keys: KeyProvider,
            factory: AnalyzerFactory, workers: int) -> Iterator[list[Outcome]]:
    sealer = Worker(spec, keys=keys, analyzer=None)  # prepares and seals; the pool analyzes
    pending: deque[tuple[list[Item], list[Prep]]] = deque()
    room = threading.Semaphore(4 * workers)  # the pool's feeder thread reads ahead this far

    def texts() -> Iterator[list[str]]:
        for batch in batched(items, spec.batch_size):
            room.acquire()
            preps = sealer.texts(batch)
            pending.append((batch, preps))
            yield [p.text or "" for p in preps]

    for found in analyze_in_workers(texts(), factory, workers, spec.batch_size):
        batch, preps = pending.popleft()
        room.release()
        entities = [None if p.text is None else list(f)
                    for p, f in zip(preps, found, strict=True)]
        yield sealer.finish(batch, preps, entities)
