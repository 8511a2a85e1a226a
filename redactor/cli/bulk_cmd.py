"""`redactor bulk import | reredact | rescan`: the archive commands, a thin face over
``redactor.bulk``.

Configuration is the service's (``REDACTOR_*``), as for ``ingest``; ``--engine ray``
joins ``RAY_ADDRESS``'s cluster, else starts a local Ray. Nothing printed holds
note text or original values: malformed lines by number and reason, records by id.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from redactor.cli import app
from redactor.cli import store_cmd as _store_cmd
from redactor.cli.common import fail, settings

bulk_app = typer.Typer(help="Import, re-redact or re-scan a whole archive (local or Ray).",
                       no_args_is_help=True)
app.add_typer(bulk_app, name="bulk")

EngineOpt = Annotated[str, typer.Option("--engine", help="local (worker pool) or ray.")]
WorkersOpt = Annotated[int, typer.Option(
    "--workers", min=1, help="local: processes, each loading the model (1 = this one); "
    "ray: actors in the pool.")]
CpusOpt = Annotated[float, typer.Option(
    "--num-cpus", min=0.05, help="ray: CPUs each actor reserves (a fraction leaves the "
    "read task room).")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="notes per batch.")]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="continue a stopped run past what "
                                         "it wrote.")]
ProgressOpt = Annotated[bool | None, typer.Option(
    "--progress/--no-progress", help="progress bar on stderr (default: when a terminal).")]
PolicyOpt = Annotated[Path | None, typer.Option(
    "--policy", help="Policy YAML (default: REDACTOR_POLICY, else the shipped default).")]


def _options(engine: str, workers: int | None, num_cpus: float, progress: bool | None) -> Any:
    from redactor.bulk.run import ENGINES, EngineOptions

    if engine not in ENGINES:
        raise typer.BadParameter("--engine must be local or ray")
    return EngineOptions(engine=engine, workers=workers or (2 if engine == "ray" else 1),
                         num_cpus=num_cpus,
                         progress=sys.stderr.isatty() if progress is None else progress)


def _policy(path: Path | None) -> Any:
    from redactor.policy import PolicyError, load_policy

    try:
        return load_policy(path if path is not None else settings().policy)
    except PolicyError as exc:
        fail(str(exc))


def _finish(summary: Any) -> None:
    for line in summary.lines()[:-1]:
        typer.echo(line, err=True)
    typer.echo(summary.lines()[-1])
    if not summary.ok:
        raise typer.Exit(1)


def _run(fn: Any, /, **kw: Any) -> Any:
    from redactor.bulk.ray_engine import RayUnavailable
    from redactor.bulk.source import SourceError

    try:
        return fn(**kw)
    except (SourceError, RayUnavailable) as exc:
        fail(str(exc))


@bulk_app.command("import")
def import_cmd(
    input: Annotated[Path | None, typer.Option(
        "--input", help="JSONL (or .jsonl.gz): one {\"id\", \"text\"[, \"caller_id\"]} a line."
    )] = None,
    input_dir: Annotated[Path | None, typer.Option(
        "--input-dir", help="Every *.jsonl and *.jsonl.gz of a directory.")] = None,
    policy: PolicyOpt = None,
    engine: EngineOpt = "local",
    workers: Annotated[int | None, typer.Option("--workers", min=1, help=(
        "local: processes (1 = this one); ray: actors (default 2)."))] = None,
    num_cpus: CpusOpt = 0.5,
    batch_size: BatchOpt = 32,
    resume: ResumeOpt = False,
    progress: ProgressOpt = None,
    now: _store_cmd.NowOpt = None,
) -> None:
    """Redact, encrypt and store every note (what `ingest` stores; idempotent per id)."""
    from redactor.bulk.jobs import IMPORT, JobSpec
    from redactor.bulk.run import run_import
    from redactor.bulk.source import SourceError, input_files

    try:
        files = input_files(input, input_dir)
    except SourceError as exc:
        fail(str(exc))
    when = _store_cmd._now(now)
    spec = JobSpec(IMPORT, when, policy=_policy(policy), batch_size=batch_size)
    keys = _store_cmd._keys(when, create=True)
    summary = _run(run_import, files=files, spec=spec, store=_store_cmd._store(), keys=keys,
                   factory=_store_cmd.ANALYZER_FACTORY,
                   options=_options(engine, workers, num_cpus, progress),
                   marks_dir=settings().data_dir / "bulk", resume=resume)
    _finish(summary)


def _store_job(command: str, *, policy: Path | None, since: str | None, engine: str,
               workers: int | None, num_cpus: float, batch_size: int, resume: bool,
               progress: bool | None, now: str | None) -> None:
    from redactor.bulk.jobs import REREDACT, JobSpec
    from redactor.bulk.run import run_store_job

    when = _store_cmd._now(now)
    store = _store_cmd._store()
    if command == REREDACT:
        spec = JobSpec(command, when, policy=_policy(policy), batch_size=batch_size)
    else:
        known = _store_cmd._policies(None)
        spec = JobSpec(command, when, batch_size=batch_size,
                       policies={k: known.lookup(*k) for k in store.policies_in_use()})
    summary = _run(run_store_job, spec=spec, store=store, keys=_store_cmd._keys(when,
                                                                                 create=False),
                   factory=_store_cmd.ANALYZER_FACTORY,
                   options=_options(engine, workers, num_cpus, progress),
                   marks_dir=settings().data_dir / "bulk",
                   since=None if since is None else _store_cmd._now(since), resume=resume)
    _finish(summary)


SinceOpt = Annotated[str | None, typer.Option(
    "--since", help="Only records stored at or after this ISO-8601 instant.")]


@bulk_app.command("reredact")
def reredact_cmd(
    policy: Annotated[Path, typer.Option("--policy", help="The policy to re-redact under.")],
    since: SinceOpt = None,
    engine: EngineOpt = "local",
    workers: Annotated[int | None, typer.Option("--workers", min=1)] = None,
    num_cpus: CpusOpt = 0.5,
    batch_size: BatchOpt = 32,
    resume: ResumeOpt = False,
    progress: ProgressOpt = None,
    now: _store_cmd.NowOpt = None,
) -> None:
    """Re-analyze every live masked note with today's recognizers and store it under
    POLICY; the vaulted originals it still keeps carry over; the old record is erased."""
    _store_job("reredact", policy=policy, since=since, engine=engine, workers=workers,
               num_cpus=num_cpus, batch_size=batch_size, resume=resume, progress=progress,
               now=now)


@bulk_app.command("rescan")
def rescan_cmd(
    since: SinceOpt = None,
    engine: EngineOpt = "local",
    workers: Annotated[int | None, typer.Option("--workers", min=1)] = None,
    num_cpus: CpusOpt = 0.5,
    batch_size: BatchOpt = 32,
    resume: ResumeOpt = False,
    progress: ProgressOpt = None,
    now: _store_cmd.NowOpt = None,
) -> None:
    """The audit's residual-PII scan over every live masked note (ids and labels shown)."""
    _store_job("rescan", policy=None, since=since, engine=engine, workers=workers,
               num_cpus=num_cpus, batch_size=batch_size, resume=resume, progress=progress,
               now=now)
