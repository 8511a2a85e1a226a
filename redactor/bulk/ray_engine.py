"""The Ray engine: Ray Data reads the input in blocks, an actor pool redacts and seals.

Each actor loads the analyzer once (in its constructor, never per batch) and opens
the key provider itself, as the service does (``service.open_keys``): what travels
in task arguments is the :class:`~redactor.bulk.jobs.JobSpec` (policies, clock),
never a key. Only where the keys are (``REDACTOR_KEYRING``, the data directory) is
passed on to the workers, never ``REDACTOR_KEYS`` or the database URL. Actors take
a fraction of a CPU (``num_cpus``, default 0.5): on a 2-CPU machine two
whole-CPU actors leave the read task no CPU and the dataset never finishes.
Actors that die are restarted and their batch retried (Ray Data's defaults for
actor pools: ``max_restarts=-1``, ``max_task_retries=-1``); the driver is the one
writer, so a retried batch is still stored once.

``ray`` is imported here only, when this engine runs (``pip install redactor[ray]``).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from redactor.bulk.jobs import JobSpec, Outcome, Worker
from redactor.bulk.source import Item, batched, items_of_stream, read_chunks

#: settings that say where the keys and policies are (never the keys themselves)
FORWARDED = ("REDACTOR_KEYRING", "REDACTOR_DATA_DIR", "REDACTOR_POLICY", "REDACTOR_POLICY_DIR",
             "XDG_DATA_HOME")
#: test hook: "N:MARKER" makes one actor exit hard after N batches, once (MARKER is created)
CRASH_ENV = "REDACTOR_BULK_TEST_CRASH"
#: small blocks: results come back (and the bar moves) a few batches at a time
ROWS_PER_BLOCK = 64
BLOCK_BYTES = 64 * 1024


class RayUnavailable(Exception):
    """The ``ray`` extra is not installed."""


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise RayUnavailable("--engine ray needs the ray extra: pip install 'redactor[ray]'"
                             ) from exc
    return ray


def ensure_ray(num_cpus: int | None = None) -> Any:
    """Join ``RAY_ADDRESS``'s cluster, else start a local Ray (``num_cpus`` of this
    machine); an already started Ray (tests, notebooks) is used as it is."""
    ray = _ray()
    if not ray.is_initialized():
        address = os.environ.get("RAY_ADDRESS") or None
        if address is None:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False,
                     logging_level="warning")
        else:
            ray.init(address=address, log_to_driver=False, logging_level="warning")
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # the writer's resume marks need order
    ctx.enable_progress_bars = False  # ours is the one bar
    # Small blocks (~100 notes): Ray Data merges what a read task yields up to this size,
    # and an actor's results come back a block at a time; at the default (128 MiB) a
    # whole file is one block, so nothing is stored, and no resume mark moves, until the end.
    ctx.target_max_block_size = BLOCK_BYTES
    return ray


def _default_factory() -> Any:
    from redactor.detect.analyze import build_analyzer

    return build_analyzer()


class RayWorker:
    """An actor of the pool: one analyzer and one key provider for its life."""

    def __init__(self, spec: JobSpec, factory: Callable[[], Any] | None = None) -> None:
        from redactor.service import open_keys
        from redactor.settings import Settings

        keys = open_keys(Settings())
        self.worker = Worker(spec, keys=keys, analyzer=(factory or _default_factory)())
        self.batches = 0
        hook = os.environ.get(CRASH_ENV, "")
        after, _, marker = hook.partition(":")
        self.crash = (int(after), Path(marker)) if after.isdigit() and marker else None

    def __call__(self, batch: Any) -> dict[str, Any]:
        import numpy as np

        self.batches += 1
        if self.crash is not None and self.batches > self.crash[0]:
            try:  # O_EXCL: of all the actors, only the one that makes the marker exits
                os.close(os.open(self.crash[1], os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                self.crash = None
            else:
                os._exit(1)
        outcomes = self.worker.run(batch.to_pylist())
        return {"outcome": np.array([pickle.dumps(o) for o in outcomes], dtype=object)}


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([("source", pa.string()), ("line", pa.int64()), ("id", pa.string()),
                      ("text", pa.string()), ("caller", pa.string()), ("bad", pa.string()),
                      ("record", pa.binary())])


def _file_dataset(ray: Any, paths: Sequence[Path], marks: Mapping[str, Any]) -> Any:
    """The input files as a dataset: one read task a file, a block every 64 lines."""
    from ray.data.datasource import FileBasedDatasource

    class NotesDatasource(FileBasedDatasource):
        """JSONL notes (gzip by extension) as numbered items, past each file's mark."""

        def __init__(self, files: list[str], after: dict[str, int]) -> None:
            super().__init__(files)
            self._after = after

        def _read_stream(self, f: Any, path: str) -> Iterator[Any]:
            import pyarrow as pa

            source = str(Path(path))
            items = items_of_stream(source, read_chunks(f), self._after.get(source, 0))
            for block in batched(items, ROWS_PER_BLOCK):
                yield pa.Table.from_pylist(block, schema=_schema())

    files = [str(p) for p in paths]
    after = {f: int(marks.get(f, 0)) for f in files}
    return ray.data.read_datasource(NotesDatasource(files, after))


def run_ray(spec: JobSpec, *, paths: Sequence[Path] = (), items: Sequence[Item] | None = None,
            marks: Mapping[str, Any] | None = None, actors: int = 2, num_cpus: float = 0.5,
            factory: Callable[[], Any] | None = None, local_cpus: int | None = None
            ) -> Iterator[list[Outcome]]:
    """Outcomes in input order, in the blocks Ray hands back. ``paths`` (import) are read
    by Ray; ``items`` (the store's records, as ciphertext) are handed to it."""
    ray = ensure_ray(local_cpus)
    if items is not None:
        import pyarrow as pa

        ds = ray.data.from_arrow([pa.Table.from_pylist(block, schema=_schema())
                                  for block in batched(items, ROWS_PER_BLOCK)] or
                                 [pa.Table.from_pylist([], schema=_schema())])
    else:
        ds = _file_dataset(ray, paths, marks or {})
    env = {name: os.environ[name] for name in (*FORWARDED, CRASH_ENV) if name in os.environ}
    out = ds.map_batches(
        RayWorker,
        fn_constructor_kwargs={"spec": spec, "factory": factory},
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=num_cpus,
        batch_size=spec.batch_size,
        batch_format="pyarrow",
        runtime_env={"env_vars": env},
    )
    for batch in out.iter_batches(batch_size=None, batch_format="numpy"):
        yield [pickle.loads(b) for b in batch["outcome"]]
