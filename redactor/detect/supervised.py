"""Analysis in supervised worker processes whose deadline is real: a stuck job's process dies.

Why: the analyzer's regular expressions and the model cannot be interrupted from
Python, so a thread that passes its deadline keeps running and keeps the
analyzer; one 20,000-character note held every slot for a minute (issue 16).
Here each of a few ``spawn`` processes loads the analyzer once; a job that
outlives its request's deadline (by more than a short grace) has its process
killed and a fresh one started in its place, so the deadline frees the CPU.
Jobs are small (a few chunks), so a job still running at the deadline is given
that grace to end on its own (the caller already has its 503); only a stuck
one costs a process reload.

Fairness: every request is cut into jobs of a few chunks (``plan_notes``: the
chunking ``Analyzer.analyze_batch`` does anyway), and the workers take the next
job from the requests in turn (round robin), so a small request waits for one
chunk of a big batch, never for the batch. The model-free steps before and
after the model (invisible characters, chunking, merging, repeats) run in the
caller, so the results are those of ``Analyzer.analyze_batch``. What crosses
the process boundary is piece texts out and ``Entity`` tuples back, never a
spaCy object; nothing is logged about a job but counts.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from redactor.detect.analyze import plan_notes
from redactor.detect.chunking import ChunkConfig
from redactor.entities import Entity

AnalyzerFactory = Callable[[], Any]


class AnalysisTimeout(Exception):
    """The request's deadline passed; the process that held its job was replaced."""


class AnalysisFailed(Exception):
    """The analyzer raised, or its process died (the message names the kind, no text)."""


class PoolClosed(Exception):
    """The pool is shut down or never started."""


# ---- inside a worker process -------------------------------------------------------------


def _analyze_job(analyzer: Any, texts: list[str]) -> list[list[Entity]]:
    pieces = getattr(analyzer, "analyze_pieces", None)
    if callable(pieces):
        return [list(es) for es in pieces(texts, batch_size=max(1, len(texts)))]
    return [list(analyzer.analyze(t)) for t in texts]


def _worker_main(factory: AnalyzerFactory, conn: multiprocessing.connection.Connection) -> None:
    """Load once, then answer one job at a time until the pipe closes or says ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server's Ctrl-C is the parent's to handle
    analyzer = factory()
    chunking = getattr(analyzer, "chunking", None)
    conn.send(("ready", chunking if isinstance(chunking, ChunkConfig) else None))
    while True:
        try:
            texts = conn.recv()
        except (EOFError, OSError):
            return
        if texts is None:
            return
        try:
            conn.send((True, _analyze_job(analyzer, texts)))
        except Exception as exc:  # the kind only: an exception message may quote the note
            conn.send((False, type(exc).__name__))


# ---- in the server -------------------------------------------------------------------------


@dataclass(eq=False)
class _Request:
    deadline: float
    jobs: deque[tuple[int, list[str]]]
    results: list[list[Entity] | None]
    waiting: int
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def fail(self, error: BaseException) -> None:
        if self.error is None and not self.done.is_set():
            self.error = error
            self.jobs.clear()
            self.done.set()

    def deliver(self, first: int, found: Sequence[list[Entity]]) -> None:
        for i, entities in enumerate(found):
            self.results[first + i] = entities
        self.waiting -= 1
        if self.waiting == 0 and self.error is None:
            self.done.set()


@dataclass(eq=False)
class _Worker:
    process: Any  # multiprocessing.context.SpawnProcess
    conn: multiprocessing.connection.Connection

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


@dataclass(frozen=True)
class PoolStats:
    processes: int
    ready: int
    replaced: int
    queued_jobs: int


class SupervisedPool:
    """``processes`` analyzer processes fed in turn from the requests in flight.

    ``factory`` must be picklable (a module-level function or class such as
    ``redactor.detect.analyze.build_analyzer``); each process calls it once.
    ``job_chars``: how many characters of chunks one job may carry (a job is the
    unit a small request may have to wait for). A request past its deadline fails at
    once; its job in flight may finish within ``late_grace_s`` (the process is kept),
    else the process is killed and replaced. ``clock`` is monotonic seconds.
    """

    def __init__(self, factory: AnalyzerFactory, processes: int = 2, *,
                 job_chars: int = 2000, late_grace_s: float = 2.0,
                 start_timeout_s: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if processes < 1:
            raise ValueError("at least one process")
        self.factory = factory
        self.processes = processes
        self.job_chars = job_chars
        self.late_grace_s = late_grace_s
        self.start_timeout_s = start_timeout_s
        self.clock = clock
        self.chunking = ChunkConfig()
        self.replaced = 0
        self._mp = multiprocessing.get_context("spawn")
        self._cond = threading.Condition()
        self._turns: deque[_Request] = deque()
        self._ready = 0
        self._closed = False
        self._started = False
        self._running = False
        self._feeders: list[threading.Thread] = []
        self._workers: list[_Worker | None] = [None] * processes
        self._start_error: BaseException | None = None

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start every process and wait until each has loaded its analyzer."""
        with self._cond:
            if self._started:
                return
            self._started = True
        for slot in range(self.processes):
            thread = threading.Thread(target=self._feed, args=(slot,), daemon=True,
                                      name=f"analysis-feeder-{slot}")
            self._feeders.append(thread)
            thread.start()
        deadline = time.monotonic() + self.start_timeout_s
        with self._cond:
            while self._ready < self.processes and self._start_error is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            error, ready = self._start_error, self._ready
        if error is not None or ready < self.processes:
            self.close()
            raise PoolClosed("the analysis processes did not start") from error
        with self._cond:
            self._running = True

    def close(self) -> None:
        """Stop feeding, ask every process to exit, kill those that do not."""
        with self._cond:
            self._closed = True
            self._running = False
            for request in self._turns:
                request.fail(PoolClosed("the analysis pool is shutting down"))
            self._turns.clear()
            self._cond.notify_all()
        for thread in self._feeders:
            thread.join(timeout=10)
        for slot, worker in enumerate(self._workers):
            if worker is None:
                continue
            try:
                worker.conn.send(None)
                worker.process.join(timeout=5)
            except (OSError, ValueError):
                pass
            if worker.process.is_alive():
                worker.kill()
            self._workers[slot] = None

    @property
    def ready(self) -> bool:
        with self._cond:
            return self._ready > 0 and not self._closed

    def stats(self) -> PoolStats:
        with self._cond:
            return PoolStats(self.processes, self._ready, self.replaced,
                             sum(len(r.jobs) for r in self._turns))

    def pids(self) -> list[int]:
        """The live processes' ids (tests watch a late job's process being replaced)."""
        return [w.process.pid for w in self._workers if w is not None]

    # -- the callers' face ------------------------------------------------------------------

    def analyze_batch(self, texts: Sequence[str], *, timeout_s: float) -> list[list[Entity]]:
        """Entities of every note, as ``Analyzer.analyze_batch`` returns them, or
        ``AnalysisTimeout`` once ``timeout_s`` has passed (the late job's process killed)."""
        plan = plan_notes(texts, self.chunking)
        pieces = plan.piece_texts
        jobs: deque[tuple[int, list[str]]] = deque()
        first, size = 0, 0
        current: list[str] = []
        for i, piece in enumerate(pieces):
            if current and size + len(piece) > self.job_chars:
                jobs.append((first, current))
                first, size = i, 0
                current = []
            current.append(piece)
            size += len(piece)
        if current:
            jobs.append((first, current))
        request = _Request(deadline=self.clock() + timeout_s, jobs=jobs,
                           results=[None] * len(pieces), waiting=len(jobs))
        if not jobs:
            return plan.finish([])
        with self._cond:
            if self._closed or not self._started:
                raise PoolClosed("the analysis pool is not running")
            self._turns.append(request)
            self._cond.notify_all()
        if not request.done.wait(max(0.0, timeout_s) + 1.0):
            # The feeders fail a late request themselves; this is the backstop.
            with self._cond:
                request.fail(AnalysisTimeout())
                self._cond.notify_all()
        if request.error is not None:
            raise request.error
        found = [r if r is not None else [] for r in request.results]
        return plan.finish(found)

    def finder(self, timeout_s: float) -> PoolFinder:
        """An ``EntityFinder`` over this pool whose every call has ``timeout_s``."""
        return PoolFinder(self, timeout_s)

    # -- feeding ----------------------------------------------------------------------------

    def _next_job(self) -> tuple[_Request, int, list[str]] | None:
        """The next job, taking the requests in turn; None once closed."""
        with self._cond:
            while True:
                if self._closed:
                    return None
                while self._turns:
                    request = self._turns.popleft()
                    if request.error is not None or not request.jobs:
                        continue
                    first, texts = request.jobs.popleft()
                    if request.jobs:
                        self._turns.append(request)
                    return request, first, texts
                self._cond.wait()

    def _spawn(self) -> _Worker:
        parent, child = self._mp.Pipe(duplex=True)
        process = self._mp.Process(target=_worker_main, args=(self.factory, child),
                                   daemon=True, name="redactor-analysis")
        process.start()
        child.close()
        if not parent.poll(self.start_timeout_s):
            process.kill()
            raise PoolClosed("an analysis process did not load its analyzer in time")
        try:
            hello, chunking = parent.recv()
        except (EOFError, OSError):
            process.join(timeout=5)
            raise PoolClosed("an analysis process died while loading its analyzer") from None
        if hello != "ready":
            process.kill()
            raise PoolClosed("an analysis process sent an unexpected greeting")
        if isinstance(chunking, ChunkConfig):
            self.chunking = chunking
        return _Worker(process, parent)

    def _ensure(self, slot: int) -> _Worker | None:
        worker = self._workers[slot]
        if worker is not None:
            return worker
        try:
            worker = self._spawn()
        except (PoolClosed, OSError) as exc:
            with self._cond:
                if not self._running:  # during start: start() reports it
                    self._start_error = self._start_error or exc
                self._cond.notify_all()
            return None
        with self._cond:
            self._workers[slot] = worker
            self._ready += 1
            self._cond.notify_all()
        return worker

    def _retire(self, slot: int, worker: _Worker, *, replaced: bool) -> None:
        worker.kill()
        with self._cond:
            self._workers[slot] = None
            self._ready -= 1
            self.replaced += replaced

    def _feed(self, slot: int) -> None:
        """One feeder thread per process: start it, hand it jobs, replace it when late."""
        while True:
            with self._cond:
                if self._closed:
                    return
            worker = self._ensure(slot)
            if worker is None:
                with self._cond:
                    if not self._running:
                        return
                    self._cond.wait(1.0)  # a failed replacement is retried until closed
                continue
            job = self._next_job()
            if job is None:
                return
            request, first, texts = job
            left = request.deadline - self.clock()
            if left <= 0:
                with self._cond:
                    request.fail(AnalysisTimeout())
                continue
            try:
                worker.conn.send(texts)
                answered = worker.conn.poll(left)
                if not answered:
                    # The caller hears of its deadline now; the job (a few chunks) gets a
                    # short grace to end on its own, so an ordinary late job costs no
                    # process reload. One that runs on past it is stuck: it dies.
                    with self._cond:
                        request.fail(AnalysisTimeout())
                        self._cond.notify_all()
                    answered = worker.conn.poll(self.late_grace_s)
                reply = worker.conn.recv() if answered else None
            except (EOFError, OSError):
                self._retire(slot, worker, replaced=True)
                with self._cond:
                    request.fail(AnalysisFailed("the analysis process died"))
                continue
            if reply is None:  # stuck: the only way to stop it is to end its process
                self._retire(slot, worker, replaced=True)
                continue
            ok, payload = reply
            with self._cond:
                if ok:
                    request.deliver(first, payload)
                else:
                    request.fail(AnalysisFailed(str(payload)))

@dataclass(frozen=True)
class PoolFinder:
    """The ``EntityFinder`` face of a pool for one request: every call gets ``timeout_s``."""

    pool: SupervisedPool
    timeout_s: float

    def analyze(self, text: str) -> list[Entity]:
        return self.pool.analyze_batch([text], timeout_s=self.timeout_s)[0]

    def analyze_batch(self, texts: Sequence[str], batch_size: int = 32) -> list[list[Entity]]:
        del batch_size  # the pool cuts its own jobs
        return self.pool.analyze_batch(texts, timeout_s=self.timeout_s)
