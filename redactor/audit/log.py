"""Append-only, hash-chained audit log.

Each entry's hash is ``sha256(prev_hash || canonical JSON of the entry)``, so
editing, inserting or deleting an entry in the middle breaks every later link
and :func:`verify_chain` names the first broken entry. Entries carry labels,
never values. Appends serialize on a PostgreSQL advisory lock (SQLite already
serializes writers); the unique ``prev_hash`` column is the backstop against a
fork. Truncating the *tail* is not detectable from the table alone: compare
:func:`head` with a copy kept elsewhere (e.g. printed by each ``sweep``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from redactor.store.models import AuditRow

GENESIS = "0" * 64
_PG_AUDIT_LOCK = 0x4155_4449  # "AUDI"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who did what to which record, under which policy and key, with what result."""

    at: datetime
    actor: str
    role: str
    action: str
    result: str
    purpose: str | None = None
    record_id: str | None = None
    labels: tuple[str, ...] = field(default=())
    policy: str | None = None
    key_version: str | None = None
    #: the free-text note of a purpose, redacted and sealed (``service.seal_note``), never clear
    purpose_note: str | None = None

    def canonical(self) -> dict[str, object]:
        return _with_note(
            {
                "at": _iso(self.at),
                "actor": self.actor,
                "role": self.role,
                "purpose": self.purpose,
                "action": self.action,
                "record_id": self.record_id,
                "labels": sorted(set(self.labels)),
                "policy": self.policy,
                "key_version": self.key_version,
                "result": self.result,
            },
            self.purpose_note,
        )


def _with_note(fields: dict[str, object], note: str | None) -> dict[str, object]:
    """Entries without a note hash as they did before notes existed (old chains verify)."""
    if note is not None:
        fields["purpose_note"] = note
    return fields


@dataclass(frozen=True, slots=True)
class LoggedEntry:
    id: int
    entry: AuditEntry
    entry_hash: str


def _iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


def _canonical_bytes(fields: dict[str, object]) -> bytes:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def chain_hash(prev_hash: str, fields: dict[str, object]) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + _canonical_bytes(fields)).hexdigest()


def _row_fields(row: AuditRow) -> dict[str, object]:
    return _with_note(
        {
            "at": row.at,
            "actor": row.actor,
            "role": row.role,
            "purpose": row.purpose,
            "action": row.action,
            "record_id": row.record_id,
            "labels": json.loads(row.labels),
            "policy": row.policy,
            "key_version": row.key_version,
            "result": row.result,
        },
        row.purpose_note,
    )


def append(session: Session, entry: AuditEntry) -> str:
    """Add an entry inside the caller's transaction; return its hash."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    prev = session.scalar(select(AuditRow.entry_hash).order_by(AuditRow.id.desc()).limit(1))
    prev = prev or GENESIS
    fields = entry.canonical()
    digest = chain_hash(prev, fields)
    session.add(
        AuditRow(
            at=fields["at"],
            actor=entry.actor,
            role=entry.role,
            purpose=entry.purpose,
            action=entry.action,
            record_id=entry.record_id,
            labels=json.dumps(fields["labels"], ensure_ascii=False),
            policy=entry.policy,
            key_version=entry.key_version,
            result=entry.result,
            purpose_note=entry.purpose_note,
            prev_hash=prev,
            entry_hash=digest,
        )
    )
    session.flush()
    return digest


def verify_chain(session: Session) -> int | None:
    """Return the id of the first entry whose link or hash is wrong, or None if intact."""
    prev = GENESIS
    for row in session.scalars(select(AuditRow).order_by(AuditRow.id)).yield_per(500):
        try:
            ok = row.prev_hash == prev and chain_hash(prev, _row_fields(row)) == row.entry_hash
        except ValueError:  # labels no longer JSON
            ok = False
        if not ok:
            return row.id
        prev = row.entry_hash
    return None


def head(session: Session) -> str:
    """Hash of the newest entry (GENESIS when empty): keep a copy to detect truncation."""
    return session.scalar(select(AuditRow.entry_hash).order_by(AuditRow.id.desc()).limit(1)) or (
        GENESIS
    )


def entries(session: Session, actions: Iterable[str] | None = None) -> Sequence[LoggedEntry]:
    """Entries in chain order, optionally only some actions."""
    query = select(AuditRow).order_by(AuditRow.id)
    if actions is not None:
        query = query.where(AuditRow.action.in_(list(actions)))
    out = []
    for row in session.scalars(query):
        out.append(
            LoggedEntry(
                row.id,
                AuditEntry(
                    at=datetime.fromisoformat(row.at),
                    actor=row.actor,
                    role=row.role,
                    action=row.action,
                    result=row.result,
                    purpose=row.purpose,
                    record_id=row.record_id,
                    labels=tuple(json.loads(row.labels)),
                    policy=row.policy,
                    key_version=row.key_version,
                    purpose_note=row.purpose_note,
                ),
                row.entry_hash,
            )
        )
    return out
