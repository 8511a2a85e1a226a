"""Analyzing batches of notes in worker processes, each loading the model once.

Why processes: the model is CPU-bound Python/Cython that holds the GIL for
much of its work, so threads do not add cores; each process pays the model's
load (~2 s, ~400 MB) once, in the pool's initializer. ``spawn`` rather than
``fork``: a forked copy of a process that already runs a thread pool or an
open database connection is unsafe, and spawn behaves the same on every OS.
Order is kept by ``imap``; what crosses the process boundary is the notes'
texts and plain entity tuples, never a spaCy object.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from redactor.entities import Entity

AnalyzerFactory = Callable[[], Any]

# The one analyzer of a worker process, set by its initializer. A module global
# is the only place a multiprocessing initializer can leave state for its tasks.
_worker_analyzer: Any = None


def _init(factory: AnalyzerFactory) -> None:
    global _worker_analyzer
    _worker_analyzer = factory()


def _analyze(job: tuple[list[str], int]) -> list[list[Entity]]:
    texts, batch_size = job
    result: list[list[Entity]] = _worker_analyzer.analyze_batch(texts, batch_size=batch_size)
    return result


def analyze_in_workers(
    batches: Iterable[list[str]],
    factory: AnalyzerFactory,
    workers: int,
    batch_size: int = 32,
) -> Iterator[list[list[Entity]]]:
    """Entities of every batch, in input order, computed by ``workers`` processes.

    ``factory`` must be picklable (a module-level function such as
    ``redactor.detect.analyze.build_analyzer``); each worker calls it once.
    """
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes=workers, initializer=_init, initargs=(factory,)) as pool:
        yield from pool.imap(_analyze, ((b, batch_size) for b in batches))
