"""`redactor ingest | sweep | audit | keys …`: the store's operator and auditor commands.

Configuration comes from the environment, read here (the face) and passed down:
``REDACTOR_DB_URL`` (default ``sqlite:///var/redactor.db``) and
``REDACTOR_KEYRING`` (default ``./var/keyring.json``; created 0600 when missing).
Nothing printed here contains note text or original values.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from redactor.cli import app

DEFAULT_POLICY_DIR = Path("policies")


def _build_analyzer() -> Any:
    from redactor.analyze import build_analyzer

    return build_analyzer()


#: Tests swap this for a fake; the real analyzer loads ja_ginza (seconds, memory).
ANALYZER_FACTORY: Callable[[], Any] = _build_analyzer

keys_app = typer.Typer(help="Manage the key-encryption keys of the local keyring.",
                       no_args_is_help=True)
app.add_typer(keys_app, name="keys")

NowOpt = Annotated[str | None, typer.Option("--now", help="ISO-8601 instant (default: now).")]


def _now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not an ISO-8601 instant: {value}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(2)


def _settings() -> Any:
    """The service's own configuration (``REDACTOR_*``, ``.env``), so the CLI and the API
    always open the same database and keyring (``REDACTOR_DATA_DIR`` included)."""
    from pydantic import ValidationError

    from redactor.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:  # name the settings, never their values (URLs hold secrets)
        names = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
        _fail(f"invalid configuration: REDACTOR_* setting(s) {names}")


def _keyring_path() -> Path:
    path: Path = _settings().keyring_path
    return path


def _keyring(now: datetime, *, create: bool) -> Any:
    from redactor.crypto.errors import KeyringError
    from redactor.crypto.keys import LocalKeyring

    path = _keyring_path()
    try:
        if not path.exists():
            if not create:
                _fail(f"no keyring at {path}; run `redactor keys init`")
            return LocalKeyring.generate(path, now=now)
        return LocalKeyring(path)
    except KeyringError as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits


def _store() -> Any:
    from redactor.store import Store, make_engine, upgrade_to_head

    engine = make_engine(_settings().database_url)
    upgrade_to_head(engine)
    return Store(engine)


@app.command()
def ingest(
    input: Annotated[Path, typer.Option("--input", help="JSONL: one {\"text\": …} a line.")],
    policy: Annotated[Path, typer.Option("--policy", help="Policy YAML file.")],
    now: NowOpt = None,
) -> None:
    """Redact, encrypt and store every note of a JSONL file (idempotent per note id)."""
    from redactor.crypto.errors import KeyringError
    from redactor.policy import PolicyError, load_policy
    from redactor.service import create_record

    when = _now(now)
    try:
        pol = load_policy(policy)
        keys = _keyring(when, create=True)
    except (PolicyError, KeyringError) as exc:
        _fail(str(exc))
    store, analyzer = _store(), ANALYZER_FACTORY()
    created = existing = 0
    with input.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                note = json.loads(line)
                text = note["text"]
            except (ValueError, KeyError, TypeError):
                _fail(f"{input}:{lineno}: not a JSON object with a text field")
            key = f"ingest:{note['id']}" if note.get("id") else None
            receipt = create_record(text, pol, analyzer=analyzer, store=store, keys=keys,
                                    now=when, idempotency_key=key,
                                    caller_id=note.get("caller_id"))
            created, existing = created + receipt.created, existing + (not receipt.created)
    typer.echo(f"stored {created} record(s); {existing} already present "
               f"(policy {pol.name}@{pol.version}, key {keys.primary_key_id})")


@app.command("sweep")
def sweep_cmd(now: NowOpt = None) -> None:
    """Crypto-shred everything past its deadline: originals first, then masked notes."""
    from redactor.audit import log
    from redactor.service import sweep

    when = _now(now)
    store = _store()
    events = sweep(store=store, now=when)
    with store.transaction() as s:
        head = log.head(s)
    records = len({e.record_id for e in events})
    typer.echo(f"shredded {len(events)} key(s) in {records} record(s) at {when.isoformat()}; "
               f"audit head {head}")


def _policy_lookup(files: list[Path]) -> Callable[[str, str], Any]:
    from redactor.policy import load_policy

    known: dict[tuple[str, str], Any] = {}
    for path in files:
        pol = load_policy(path)
        known[(pol.name, pol.version)] = pol
    return lambda name, version: known.get((name, version))


def _policy_check(policy: Any) -> list[str]:
    from redactor.policy.rules import check_rules

    tag = f"{policy.name}@{policy.version}"
    return [f.format() for f in check_rules(policy, {}, tag) if str(f.severity) == "error"]


@app.command("audit")
def audit_cmd(
    now: NowOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="json or text.")] = "text",
    policies: Annotated[list[Path] | None, typer.Option(
        "--policy", help="Policy files in use (default: policies/*.yaml).")] = None,
) -> None:
    """Compliance audit of the store; exit 0 when clean, 1 with findings."""
    from redactor.service import audit

    if fmt not in ("json", "text"):
        raise typer.BadParameter("--format must be json or text")
    when = _now(now)
    files = list(policies or sorted(DEFAULT_POLICY_DIR.glob("*.yaml")))
    report = audit(store=_store(), keys=_keyring(when, create=False),
                   analyzer=ANALYZER_FACTORY(), policy_lookup=_policy_lookup(files),
                   policy_check=_policy_check, now=when)
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
def keys_rotate(now: NowOpt = None,
                actor: Annotated[str, typer.Option(help="Who rotates (audit log).")] = "cli"
                ) -> None:
    """New primary key; re-wrap every live data key under it (ciphertexts untouched)."""
    from redactor.service import rotate_keys

    when = _now(now)
    report = rotate_keys(store=_store(), keys=_keyring(when, create=False), now=when,
                         actor=actor, role="key-admin")
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
        retire_key(key_id, store=_store(), keys=_keyring(when, create=False), now=when,
                   actor=actor, role="key-admin", force=force)
    except (KeyStillInUse, KeyringError) as exc:
        _fail(str(exc))
    typer.echo(f"key {key_id} retired")
