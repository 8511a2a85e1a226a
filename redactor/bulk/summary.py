"""The run's counts, its progress bar (done, notes/s, ETA) and its closing summary.

Only counts, ids, file names, line numbers and labels are ever shown: a malformed
line is named by its number and reason, never its content.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """A line or record that was not done: where, and why (no content)."""

    source: str
    line: int
    ref: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.source}: line {self.line}" if self.source != "store" else "store"
        return f"{where}{'' if self.ref is None else f' (id {self.ref})'}: {self.reason}"


@dataclass
class Summary:
    command: str
    engine: str
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    replaced: int = 0
    clean: int = 0
    resumed_from: int = 0
    malformed: list[Problem] = field(default_factory=list)
    failures: list[Problem] = field(default_factory=list)
    residual: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    workers: set[str] = field(default_factory=set)
    seconds: float = 0.0
    #: until the first batch came back: engine start and model loads
    startup: float = 0.0
    #: items in that first batch (left out of the rate with its time)
    first_batch: int = 0
    #: time inside the writer's transactions (what one writer can take: stored / this)
    write_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.malformed or self.failures or self.residual)

    @property
    def rate(self) -> float:
        """Items a second once running (after the first batch: startup excluded)."""
        steady = self.seconds - self.startup
        if self.read > self.first_batch and steady > 0:
            return (self.read - self.first_batch) / steady
        return self.read / self.seconds if self.seconds > 0 else 0.0  # one batch in all

    def lines(self) -> list[str]:
        """The summary as the CLI prints it (problems first, then the counts)."""
        out = [f"error: {p}" for p in self.malformed]
        out += [f"failed: {p}" for p in self.failures]
        out += [f"residual PII: record {rid} [{', '.join(labels)}]"
                for rid, labels in self.residual]
        counts = [f"read {self.read}", f"stored {self.stored}",
                  f"skipped {self.duplicates} duplicate(s)",
                  f"malformed {len(self.malformed)}", f"failures {len(self.failures)}"]
        if self.command == "reredact":
            counts.append(f"replaced {self.replaced}")
        if self.command == "rescan":
            counts += [f"clean {self.clean}", f"residual {len(self.residual)}"]
        if self.resumed_from:
            counts.append(f"resumed past {self.resumed_from} item(s) done before")
        out.append(f"bulk {self.command} ({self.engine}): " + "; ".join(counts)
                   + f"; {self.seconds:.1f} s ({self.startup:.1f} s to start), "
                   f"{self.rate:.1f} notes/s, {len(self.workers)} analyzer(s) loaded")
        return out


Advance = Callable[[int], None]


@contextmanager
def progress_bar(total: int | None, *, enabled: bool, label: str) -> Iterator[Advance]:
    """A Rich bar on stderr: items done of the total, notes/s, time left."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns: list[Any] = [TextColumn(label), BarColumn(), MofNCompleteColumn(),
                          TaskProgressColumn(), TextColumn("{task.fields[rate]} notes/s"),
                          TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    start = time.monotonic()
    with Progress(*columns, console=Console(stderr=True), disable=not enabled) as bar:
        task = bar.add_task(label, total=total, rate="-")
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            elapsed = time.monotonic() - start
            bar.update(task, advance=n, rate=f"{done / elapsed:.1f}" if elapsed > 0 else "-")

        yield advance
