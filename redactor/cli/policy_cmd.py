"""`redactor policy check` (is this policy lawful and well-formed?) and `redactor redact`.

Thin face: parsing, exit codes and formatting only. The rules live in
``redactor.policy``, the masking in ``redactor.service``.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from redactor.cli import app
from redactor.entities import Entity
from redactor.jsonl import (
    BadLine,
    atomic_output,
    dump_line,
    open_input,
    read_notes,
    read_objects,
)
from redactor.policy import Finding, PolicyError, PolicyUnreadable, check_source, load_policy

policy_app = typer.Typer(help="Check retention-and-masking policy files.", no_args_is_help=True)
app.add_typer(policy_app, name="policy")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


@policy_app.command("check")
def check(
    files: Annotated[list[str], typer.Argument(help="policy YAML files")],
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """One line per finding (file, line, rule id, severity, fix); exit 0 clean, 1 findings,
    2 unreadable file."""
    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    findings: list[Finding] = []
    summary: list[dict[str, Any]] = []
    unreadable = False
    for path in files:
        try:
            policy, found = check_source(path)
        except PolicyUnreadable as exc:
            unreadable = True
            findings.extend(exc.findings)
            summary.append({"file": path, "status": "unreadable", "policy": None})
            continue
        findings.extend(found)
        summary.append(
            {
                "file": path,
                "status": "findings" if found else "ok",
                "policy": {"name": policy.name, "version": policy.version} if policy else None,
            }
        )
    if format == "json":
        typer.echo(
            json.dumps(
                {"files": summary, "findings": [f.to_json() for f in findings]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for finding in findings:
            typer.echo(finding.format())
        for item in summary:
            if item["status"] == "ok":
                typer.echo(
                    f"{item['file']}: ok ({item['policy']['name']} {item['policy']['version']})"
                )
    if unreadable:
        raise typer.Exit(EXIT_UNREADABLE)
    if findings:
        raise typer.Exit(EXIT_FINDINGS)


def _pseudonym_key(keyring: str | None, now: datetime) -> bytes:
    """The HMAC key from the configured key provider (``service.open_keys``, as the server
    and the store commands); a per-run random key when none is configured."""
    from redactor.cli.common import fail, settings
    from redactor.crypto.errors import KeyringError
    from redactor.crypto.keys import LocalKeyring, pseudonym_key
    from redactor.service import open_keys

    try:
        if keyring is not None:
            return pseudonym_key(LocalKeyring(Path(keyring)))
        return pseudonym_key(open_keys(settings(), now=now))
    except KeyringError as exc:
        if keyring is not None:
            fail(f"error: {exc}", EXIT_UNREADABLE)
    typer.echo("note: no keyring configured: pseudonyms are stable within this run only", err=True)
    return os.urandom(32)


def _entity(obj: Any) -> Entity:
    if not isinstance(obj, dict):
        raise ValueError("an entity must be a JSON object")
    return Entity(
        int(obj["start"]),
        int(obj["end"]),
        str(obj["label"]),
        float(obj.get("score", 1.0)),
        str(obj.get("recognizer", "input")),
    )


def _read_entities(path: str) -> dict[str, list[Entity]]:
    """``redactor analyze`` output (``entities``) or a gold file (``spans``), by note id.

    Every bad line is reported by its number (never its content); any bad line exits 2,
    after all of them are reported."""
    out: dict[str, list[Entity]] = {}
    bad: list[BadLine] = []
    with open_input(path) as fh:
        for row in read_objects(fh):
            if isinstance(row, BadLine):
                bad.append(row)
                continue
            try:
                items = row.obj.get("entities", row.obj.get("spans"))
                if not isinstance(items, list):
                    raise ValueError("no 'entities' or 'spans' list")
                out[str(row.obj["id"])] = [_entity(item) for item in items]
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                bad.append(BadLine(row.line, f"bad entities ({type(exc).__name__})"))
    for line in bad:
        typer.echo(f"error: {path}: {line}", err=True)
    if bad:
        raise typer.Exit(EXIT_UNREADABLE)
    return out


@app.command()
def redact(
    input: Annotated[str, typer.Option("--input", "-i", help="JSONL of {id, text}; - for stdin")],
    output: Annotated[str, typer.Option("--output", "-o", help="masked JSONL; - for stdout")],
    policy: Annotated[
        str | None,
        typer.Option(
            "--policy",
            "-p",
            help="policy YAML file (default: REDACTOR_POLICY, else the shipped default)",
        ),
    ] = None,
    caller_field: Annotated[
        str | None, typer.Option(help="input field naming the caller (pseudonyms per caller)")
    ] = None,
    entities: Annotated[
        str | None,
        typer.Option(help="JSONL of {id, entities} (or gold spans) to mask instead of analyzing"),
    ] = None,
    keyring: Annotated[
        str | None,
        typer.Option(
            help="keyring file for the pseudonym key (else the configured "
            "key provider: REDACTOR_KEYRING, REDACTOR_KEYS, data dir)"
        ),
    ] = None,
    now: Annotated[
        datetime | None, typer.Option(help="the clock for age bands and deadlines (default: now)")
    ] = None,
) -> None:
    """Mask every note under POLICY: {id, text, entities, policy} a line."""
    from redactor.service import default_analyzer
    from redactor.service import redact as redact_text

    if policy is None:
        from redactor.cli.common import settings

        policy = str(settings().policy)
    try:
        loaded = load_policy(policy)
    except PolicyError as exc:
        for finding in exc.findings:
            typer.echo(f"error: {finding.format()}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    given = _read_entities(entities) if entities is not None else None
    clock = (now.replace(tzinfo=UTC) if now.tzinfo is None else now) if now else datetime.now(UTC)
    key = _pseudonym_key(keyring, clock)
    finder = default_analyzer() if given is None else None
    bad: list[BadLine] = []
    with open_input(input) as src, atomic_output(output) as dst:
        for item in read_notes(src):
            if isinstance(item, BadLine):
                bad.append(item)
                continue
            caller = item.fields.get(caller_field) if caller_field else None
            if given is not None and item.id not in given:
                bad.append(BadLine(item.line, f"no entities given for id {item.id}"))
                continue
            try:
                result = redact_text(
                    item.text,
                    loaded,
                    analyzer=finder,
                    pseudonym_key=key,
                    caller_id=None if caller is None else str(caller),
                    now=clock,
                    record_id=item.id,
                    entities=None if given is None else given[item.id],
                )
            except ValueError as exc:  # messages of mask/entities carry offsets, not text
                bad.append(BadLine(item.line, str(exc)))
                continue
            dst.write(
                dump_line(
                    {
                        "id": item.id,
                        "text": result.text,
                        "entities": [e.to_json() for e in result.entities],
                        "policy": {"name": result.policy_name, "version": result.policy_version},
                    }
                )
            )
    for line in bad:
        typer.echo(f"error: {input}: {line}", err=True)
    if bad:
        raise typer.Exit(EXIT_FINDINGS)
    if output != "-":
        typer.echo(f"masked under {loaded.name} {loaded.version} -> {output}", err=True)


__all__ = ["check", "policy_app", "redact"]
