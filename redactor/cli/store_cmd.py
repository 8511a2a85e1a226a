"""`redactor ingest | sweep | audit | keys … | store bind`: the store's operator and auditor
commands.

Configuration is the service's own ``Settings`` (``REDACTOR_*``), read here (the
face) and passed down: ``REDACTOR_DB_URL`` (default: a SQLite file in the data
directory), ``REDACTOR_KEYRING`` (default: ``keyring.json`` in the data
directory; created 0600 when missing), ``REDACTOR_POLICY`` and
``REDACTOR_POLICY_DIR`` (default: the policies shipped in the package). No
default depends on the working directory. Nothing printed here contains note
text or original values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from redactor.cli import app
from redactor.cli.common import fail, settings


def _build_analyzer() -> Any:
    from redactor.detect.analyze import build_analyzer

    return build_analyzer()


#: Tests swap this for a fake; the real analyzer loads ja_ginza (seconds, memory).
ANALYZER_FACTORY: Callable[[], Any] = _build_analyzer

keys_app = typer.Typer(
    help="Manage the key-encryption keys of the local keyring.", no_args_is_help=True
)
app.add_typer(keys_app, name="keys")
store_app = typer.Typer(help="Maintain the feedback database.", no_args_is_help=True)
app.add_typer(store_app, name="store")

NowOpt = Annotated[str | None, typer.Option("--now", help="ISO-8601 instant (default: now).")]


def _now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not an ISO-8601 instant: {value}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_fail = fail
_settings = settings


def _keyring_path() -> Path:
    path: Path = _settings().keyring_path
    return path


def _keys(now: datetime, *, create: bool) -> Any:
    """The key provider the server uses too (``service.open_keys``)."""
    from redactor.crypto.errors import KeyringError
    from redactor.service import open_keys

    try:
        return open_keys(_settings(), create=create, now=now)
    except KeyringError as exc:
        _fail(str(exc))


def _local_keyring(now: datetime) -> Any:
    """The provider, which must be a keyring file: only a file can rotate or retire keys."""
    from redactor.crypto.keys import LocalKeyring

    keys = _keys(now, create=False)
    if not isinstance(keys, LocalKeyring):
        _fail("the keys come from REDACTOR_KEYS: rotate by deploying a new first entry")
    return keys


def _store() -> Any:
    from redactor.store import open_store

    return open_store(_settings().database_url)


@app.command()
def ingest(
    input: Annotated[
        Path, typer.Option("--input", help='JSONL: one {"id": …, "text": …} a line; - for stdin.')
    ],
    policy: Annotated[
        Path | None,
        typer.Option(
            "--policy",
            help="Policy YAML file (default: REDACTOR_POLICY, else the shipped default).",
        ),
    ] = None,
    now: NowOpt = None,
) -> None:
    """Redact, encrypt and store every note of a JSONL file (idempotent per note id).

    A malformed line is reported by its number (never its content) and skipped; the
    rest is stored and the command exits 1."""
    from redactor.jsonl import BadLine, open_input, read_notes
    from redactor.policy import PolicyError, load_policy
    from redactor.service import IdempotencyConflict, RecordGone, create_record

    when = _now(now)
    try:
        pol = load_policy(policy if policy is not None else _settings().policy)
    except PolicyError as exc:
        _fail(str(exc))
    keys = _keys(when, create=True)
    store, analyzer = _store(), ANALYZER_FACTORY()
    created = existing = gone = 0
    bad: list[BadLine] = []
    with open_input(str(input)) as src:
        for item in read_notes(src):
            if isinstance(item, BadLine):
                bad.append(item)
                continue
            caller = item.fields.get("caller_id")
            try:
                receipt = create_record(
                    item.text,
                    pol,
                    analyzer=analyzer,
                    store=store,
                    keys=keys,
                    now=when,
                    idempotency_key=f"ingest:{item.id}",
                    caller_id=None if caller is None else str(caller),
                )
            except IdempotencyConflict:
                bad.append(
                    BadLine(
                        item.line, f"id {item.id} was stored before with another text or caller"
                    )
                )
                continue
            except RecordGone:
                gone += 1
                continue
            created, existing = created + receipt.created, existing + (not receipt.created)
    for line in bad:
        typer.echo(f"error: {input}: {line}", err=True)
    typer.echo(
        f"stored {created} record(s); {existing} already present; {gone} erased or "
        f"shredded since (not stored again); {len(bad)} line(s) refused "
        f"(policy {pol.name}@{pol.version}, key {keys.primary_key_id})"
    )
    if bad:
        raise typer.Exit(1)


@app.command("sweep")
def sweep_cmd(now: NowOpt = None) -> None:
    """Crypto-shred everything past its deadline: originals first, then masked notes."""
    from redactor.service import audit_head, sweep

    when = _now(now)
    store = _store()
    events = sweep(store=store, now=when)
    head = audit_head(store=store)
    records = len({e.record_id for e in events})
    typer.echo(
        f"shredded {len(events)} key(s) in {records} record(s) at {when.isoformat()}; "
        f"audit head {head}"
    )


def _policies(files: list[Path] | None) -> Any:
    """The given files, else the configured active policy and policy directory."""
    from redactor.policy import PolicyError
    from redactor.policy.registry import PolicyRegistry

    try:
        if files:
            return PolicyRegistry.of(files)
        settings = _settings()
        return PolicyRegistry.load(settings.policy, settings.policy_dir)
    except PolicyError as exc:
        _fail(str(exc))


@app.command("audit")
def audit_cmd(
    now: NowOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="text or json (the audit), html or report-json (the auditors' report)."
        ),
    ] = "text",
    policies: Annotated[
        list[Path] | None,
        typer.Option(
            "--policy",
            help="Policy files in use (default: REDACTOR_POLICY and every file of "
            "REDACTOR_POLICY_DIR, else the shipped policies).",
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option(help="Write the report here.")] = None,
    since: Annotated[str | None, typer.Option(help="Report period start (ISO-8601).")] = None,
    until: Annotated[str | None, typer.Option(help="Report period end (default: now).")] = None,
    rescan: Annotated[bool, typer.Option(help="Report: decrypt and re-scan masked notes.")] = False,
    sample: Annotated[int | None, typer.Option(min=1, help="Re-scan only N notes.")] = None,
) -> None:
    """Compliance audit of the store; exit 0 when clean, 1 with findings."""
    from redactor.cli.audit_report import REPORT_FORMATS, write_report
    from redactor.service import audit

    if fmt not in ("json", "text", *REPORT_FORMATS):
        raise typer.BadParameter("--format must be json, text, html or report-json")
    when = _now(now)
    known = _policies(policies)
    if fmt in REPORT_FORMATS:
        ok = write_report(
            fmt=fmt,
            output=output,
            store=_store(),
            keys=_keys(when, create=False),
            registry=known,
            now=when,
            since=None if since is None else _now(since),
            until=None if until is None else _now(until),
            rescan=rescan,
            sample=sample,
            analyzer_factory=ANALYZER_FACTORY,
        )
        raise typer.Exit(0 if ok else 1)
    report = audit(
        store=_store(),
        keys=_keys(when, create=False),
        analyzer=ANALYZER_FACTORY(),
        policy_lookup=known.lookup,
        policy_check=known.problems,
        now=when,
    )
    typer.echo(report.dumps(fmt))
    raise typer.Exit(0 if report.clean else 1)


@keys_app.command("init")
def keys_init(now: NowOpt = None) -> None:
    """Create the keyring (mode 0600) with a first primary key."""
    from redactor.crypto.errors import KeyringError
    from redactor.crypto.keys import LocalKeyring

    try:
        ring = LocalKeyring.generate(_keyring_path(), now=_now(now))
    except KeyringError as exc:
        _fail(str(exc))
    typer.echo(f"keyring {ring.path} created; primary key {ring.primary_key_id}")


@keys_app.command("rotate")
def keys_rotate(
    now: NowOpt = None, actor: Annotated[str, typer.Option(help="Who rotates (audit log).")] = "cli"
) -> None:
    """New primary key; re-wrap every live data key under it (ciphertexts untouched)."""
    from redactor.service import rotate_keys

    when = _now(now)
    report = rotate_keys(
        store=_store(), keys=_local_keyring(when), now=when, actor=actor, role="key-admin"
    )
    typer.echo(f"primary key {report.primary_key_id}; re-wrapped {report.rewrapped} data key(s)")


@keys_app.command("retire")
def keys_retire(
    key_id: str,
    now: NowOpt = None,
    force: Annotated[bool, typer.Option(help="Retire even if live data keys use it.")] = False,
    actor: Annotated[str, typer.Option(help="Who retires (audit log).")] = "cli",
) -> None:
    """Erase an old key's material: what it still wraps (e.g. in backups) is unrecoverable."""
    from redactor.crypto.errors import KeyringError
    from redactor.service import KeyStillInUse, retire_key

    when = _now(now)
    try:
        retire_key(
            key_id,
            store=_store(),
            keys=_local_keyring(when),
            now=when,
            actor=actor,
            role="key-admin",
            force=force,
        )
    except (KeyStillInUse, KeyringError) as exc:
        _fail(str(exc))
    typer.echo(f"key {key_id} retired")


@store_app.command("bind")
def store_bind(
    now: NowOpt = None, actor: Annotated[str, typer.Option(help="Who binds (audit log).")] = "cli"
) -> None:
    """MAC the metadata of records stored before migration 0004 (once; idempotent).

    Each record's ciphertexts are checked first: one that fails is refused (its id
    printed, exit 1), never bound. Each binding is an audit-log entry."""
    from redactor.service import bind_records

    when = _now(now)
    report = bind_records(
        store=_store(), keys=_keys(when, create=False), now=when, actor=actor, role="operator"
    )
    for record_id in report.refused:
        typer.echo(
            f"error: record {record_id} fails its integrity check; not bound "
            "(see `redactor audit`)",
            err=True,
        )
    typer.echo(f"bound {report.bound} record(s); {len(report.refused)} refused")
    if report.refused:
        raise typer.Exit(1)
