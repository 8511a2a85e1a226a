"""The one writer: batches of outcomes into the store, then the resume marks.

Every engine hands its outcomes here, in input order, so the store has one
writer (SQLite allows no other) and each batch is one transaction
(``service.store_prepared``); a note id already stored is skipped, never stored
twice. After a batch commits, each source's mark moves to the last line it
covered: ``--resume`` starts past it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from redactor.bulk.jobs import REREDACT, Outcome
from redactor.bulk.summary import Problem, Summary
from redactor.service import delete_record, store_prepared
from redactor.store import Store


class Marks:
    """How far each source was written: a JSON file per run, replaced atomically.

    A file's mark is a line number; the store's (re-scan) is the last record id."""

    def __init__(self, path: Path, done: dict[str, Any] | None = None) -> None:
        self.path, self.done = path, dict(done or {})

    @classmethod
    def for_run(cls, directory: Path, command: str, sources: Sequence[str], policy: str,
                *, resume: bool) -> Marks:
        """The marks of this command over these sources (a fresh start unless ``resume``)."""
        key = json.dumps([command, list(sources), policy])
        path = directory / f"{command}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"
        done: dict[str, Any] = {}
        if resume and path.exists():
            done = dict(json.loads(path.read_text(encoding="utf-8")).get("done", {}))
        return cls(path, done)

    def advance(self, outcomes: Sequence[Outcome]) -> None:
        for o in outcomes:
            mark: Any = o.ref if o.source == "store" else o.line
            current = self.done.get(o.source)
            if current is None or mark > current:
                self.done[o.source] = mark
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"done": self.done}, fh)
        os.replace(tmp, self.path)


class Writer:
    """Writes each batch of outcomes and counts it in the summary."""

    def __init__(self, store: Store, summary: Summary, marks: Marks | None, *,
                 now: datetime, actor: str = "bulk") -> None:
        self.store, self.summary, self.marks = store, summary, marks
        self.now, self.actor = now, actor

    def write(self, outcomes: Sequence[Outcome]) -> None:
        s = self.summary
        prepared = [o for o in outcomes if o.kind == "prepared" and o.prepared is not None]
        started = time.perf_counter()
        statuses = (store_prepared([o.prepared for o in prepared if o.prepared], store=self.store)
                    if prepared else [])
        s.write_seconds += time.perf_counter() - started
        for o, status in zip(prepared, statuses, strict=True):
            if status == "conflict":
                s.failures.append(Problem(o.source, o.line, o.ref,
                                          "stored before with another text or caller"))
                continue
            s.stored += status == "created"
            s.duplicates += status == "existing"
            if o.replaces is not None and s.command == REREDACT and delete_record(
                    o.replaces, store=self.store, actor=self.actor, role="operator",
                    purpose=None, now=self.now):
                s.replaced += 1
        for o in outcomes:
            s.read += 1
            if o.worker:
                s.workers.add(o.worker)
            if o.kind == "malformed":
                s.malformed.append(Problem(o.source, o.line, None, o.detail))
            elif o.kind == "failed":
                s.failures.append(Problem(o.source, o.line, o.ref, o.detail))
            elif o.kind == "clean":
                s.clean += 1
            elif o.kind == "residual" and o.ref is not None:
                s.residual.append((o.ref, o.labels))
        if self.marks is not None and outcomes:
            self.marks.advance(outcomes)
