"""The feedback database: atomic inserts, reads, erasure, crypto-shredding, re-wrapping.

Sees only ciphertext and non-identifying metadata; the caller seals and opens.
Destroying a wrapped data key (and its ciphertext) is how a field is shredded:
``sweep`` does it when a deadline passes, ``delete`` on erasure. Each
destruction is reported to an injected ``journal`` *inside the same
transaction*, so the audit entry and the destruction commit together.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Row, and_, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from redactor.crypto.binding import MetaBinding, PartMeta, RecordMeta
from redactor.crypto.envelope import SealedField
from redactor.crypto.keys import WrappedKey
from redactor.crypto.record import SealedRecord, masked_field, vault_field
from redactor.store.models import Record, Refusal, VaultPart


class IdempotencyConflict(Exception):
    """The idempotency key was already used for a *different* request."""


@dataclass(frozen=True, slots=True)
class StoredPart:
    seq: int
    retain_until: datetime
    labels: tuple[str, ...]
    sealed: SealedField | None  # None once shredded (or its columns were emptied)
    shredded_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: str
    created_at: datetime
    record_deadline: datetime | None
    policy_name: str
    policy_version: str
    label_counts: dict[str, int]
    masked: SealedField | None  # None once shredded or erased
    masked_shredded_at: datetime | None
    deleted_at: datetime | None
    vault: tuple[StoredPart, ...]
    #: the columns the metadata MAC binds, read back as stored
    meta: RecordMeta | None = None
    #: the stored MAC; None on rows from before migration 0004 (``store bind``)
    binding: MetaBinding | None = None

    @property
    def policy(self) -> str:
        return f"{self.policy_name}@{self.policy_version}"


@dataclass(frozen=True, slots=True)
class DueItem:
    """A field whose deadline has passed and whose key still exists."""

    record_id: str
    part: str  # "vault/<seq>" or "masked"
    deadline: datetime


@dataclass(frozen=True, slots=True)
class KeyEvent:
    """One destroyed data key: what the journal (audit log) records."""

    action: str  # "shred" | "delete"
    record_id: str
    part: str
    labels: tuple[str, ...]
    kek_id: str | None
    policy: str


Journal = Callable[[Session, KeyEvent], None]
Rewrapper = Callable[[str, SealedField], WrappedKey]


def _masked_of(rec: Record | Row[Any]) -> SealedField | None:
    if rec.masked_wrapped_key is None or rec.masked_ciphertext is None or not rec.masked_kek_id:
        return None
    return SealedField(
        masked_field(rec.record_deadline),
        rec.masked_dek_id,
        WrappedKey(rec.masked_kek_id, rec.masked_wrapped_key),
        rec.masked_ciphertext,
    )


def _part_of(part: VaultPart | Row[Any]) -> SealedField | None:
    if part.wrapped_key is None or part.ciphertext is None or not part.kek_id:
        return None
    return SealedField(
        vault_field(part.seq, part.retain_until),
        part.dek_id,
        WrappedKey(part.kek_id, part.wrapped_key),
        part.ciphertext,
    )


def _counts(text: str) -> dict[str, int] | None:
    """``label_counts`` as bound, or None when an edit left it unreadable."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and type(v) is int for k, v in value.items()
    ):
        return None
    return value


def _labels(text: str) -> tuple[str, ...] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(value)


def _stored(rec: Record | Row[Any], parts: Sequence[VaultPart | Row[Any]]) -> StoredRecord:
    """A record as the layers above see it, from ORM objects or plain rows (``scan``).

    The bound columns are read back exactly as the row holds them now (the MAC
    says whether they moved); each JSON column is parsed once.
    """
    counts = _counts(rec.label_counts)
    labels = [_labels(p.labels) for p in parts]
    meta = RecordMeta(
        record_id=rec.id,
        created_at=rec.created_at,
        record_deadline=rec.record_deadline,
        policy_name=rec.policy_name,
        policy_version=rec.policy_version,
        label_counts=counts,
        masked_dek_id=rec.masked_dek_id,
        parts=tuple(
            PartMeta(p.seq, p.retain_until, lab, p.dek_id)
            for p, lab in zip(parts, labels, strict=True)
        ),
    )
    return StoredRecord(
        id=rec.id,
        created_at=rec.created_at,
        record_deadline=rec.record_deadline,
        policy_name=rec.policy_name,
        policy_version=rec.policy_version,
        label_counts=counts or {},
        masked=_masked_of(rec),
        masked_shredded_at=rec.masked_shredded_at,
        deleted_at=rec.deleted_at,
        vault=tuple(
            StoredPart(p.seq, p.retain_until, lab or (), _part_of(p), p.shredded_at)
            for p, lab in zip(parts, labels, strict=True)
        ),
        meta=meta,
        binding=(
            None
            if rec.meta_mac is None or rec.meta_mac_key_id is None
            else MetaBinding(rec.meta_mac_key_id, rec.meta_mac)
        ),
    )


def _due_fields(
    rec: Record, now: datetime, *, force: bool = False
) -> list[tuple[VaultPart | Record, datetime]]:
    """The one rule of when a stored field is due, with the deadline that made it due.

    An original is due at its own ``retain_until`` or at the record's deadline,
    whichever comes first (no original outlives its record); the masked note is due
    at the record's deadline. Only fields whose data key still exists are listed,
    originals first. ``force`` (erasure) makes everything due now. The deadlines
    themselves are set once, by the policy, when the note is masked
    (``Policy.record_deadline`` / ``Policy.original_deadline``).
    """
    record_due = rec.record_deadline is not None and rec.record_deadline <= now
    due: list[tuple[VaultPart | Record, datetime]] = []
    for part in rec.vault:
        if part.wrapped_key is None:
            continue
        deadline = part.retain_until
        if rec.record_deadline is not None:
            deadline = min(deadline, rec.record_deadline)
        if force or deadline <= now:
            due.append((part, now if force else deadline))
    if rec.masked_wrapped_key is not None and (force or record_due):
        due.append((rec, now if force or rec.record_deadline is None else rec.record_deadline))
    return due


class Store:
    """Repository over an injected engine (SQLite or PostgreSQL, already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    # ---- writes --------------------------------------------------------
    def insert(
        self,
        record: SealedRecord,
        *,
        idempotency_key: str | None = None,
        request_digest: str | None = None,
    ) -> tuple[str, bool]:
        """Store a sealed record atomically; return ``(id, created)``.

        With an idempotency key, a retry of the same request (same digest)
        returns the first record's id and ``created=False``; a different
        request under the same key raises :class:`IdempotencyConflict`.
        """
        row = self._row(record, idempotency_key, request_digest)
        try:
            with self.transaction() as s:
                s.add(row)
            return record.id, True
        except IntegrityError:
            if idempotency_key is None:
                raise
            existing = self.find_idempotent(idempotency_key, request_digest)
            if existing is None:
                raise
            return existing, False

    def insert_many(
        self, items: Sequence[tuple[SealedRecord, str | None, str | None]]
    ) -> list[str]:
        """Store many sealed records in one transaction (a bulk writer's batch); per item
        ``created``, ``existing`` (its idempotency key holds the same request already) or
        ``conflict`` (the key holds another request). Keys are looked up in one query, so
        a re-run writes nothing; if another writer inserts one of them meanwhile, the batch
        is retried record by record."""
        keys = [k for _, k, _ in items if k is not None]
        known: dict[str, str | None] = {}
        if keys:
            with self._sessions() as s:
                for key, digest in s.execute(
                    select(Record.idempotency_key, Record.request_digest)
                    .where(Record.idempotency_key.in_(keys))
                ):
                    known[str(key)] = digest
        outcomes: list[str] = []
        rows: list[Record] = []
        for record, key, digest in items:
            if key is not None and key in known:
                outcomes.append("existing" if known[key] == digest else "conflict")
                continue
            if key is not None:
                known[key] = digest
            rows.append(self._row(record, key, digest))
            outcomes.append("created")
        if not rows:
            return outcomes
        try:
            with self.transaction() as s:
                s.add_all(rows)
        except IntegrityError:
            return [self._insert_outcome(*item) for item in items]
        return outcomes

    def _insert_outcome(self, record: SealedRecord, key: str | None, digest: str | None
                        ) -> str:
        try:
            return "created" if self.insert(record, idempotency_key=key,
                                            request_digest=digest)[1] else "existing"
        except IdempotencyConflict:
            return "conflict"

    def live_record_ids(self, *, since: datetime | None = None, batch: int = 500,
                        skip_key_suffix: str | None = None) -> Iterator[list[str]]:
        """Ids of records whose masked note is still stored (created at or after ``since``),
        in id order, ``batch`` at a time; ``skip_key_suffix`` leaves out records whose
        idempotency key ends so (those a re-redaction already wrote)."""
        last = ""
        while True:
            query = (select(Record.id).where(Record.id > last,
                                             Record.masked_wrapped_key.is_not(None),
                                             Record.deleted_at.is_(None))
                     .order_by(Record.id).limit(batch))
            if since is not None:
                query = query.where(Record.created_at >= since)
            if skip_key_suffix is not None:
                query = query.where(or_(Record.idempotency_key.is_(None),
                                        ~Record.idempotency_key.endswith(skip_key_suffix)))
            with self._sessions() as s:
                ids = [str(i) for i in s.scalars(query)]
            if ids:
                yield ids
            if len(ids) < batch:
                return
            last = ids[-1]

    @staticmethod
    def _row(record: SealedRecord, idempotency_key: str | None, request_digest: str | None
             ) -> Record:
        return Record(
            id=record.id,
            created_at=record.created_at,
            record_deadline=record.record_deadline,
            policy_name=record.policy_name,
            policy_version=record.policy_version,
            label_counts=json.dumps(record.label_counts, sort_keys=True),
            masked_dek_id=record.masked.dek_id,
            masked_kek_id=record.masked.wrapped.key_id,
            masked_wrapped_key=record.masked.wrapped.blob,
            masked_ciphertext=record.masked.ciphertext,
            idempotency_key=idempotency_key,
            request_digest=request_digest,
            meta_mac=None if record.binding is None else record.binding.mac,
            meta_mac_key_id=None if record.binding is None else record.binding.key_id,
            vault=[
                VaultPart(
                    seq=p.seq,
                    retain_until=p.retain_until,
                    labels=json.dumps(list(p.labels)),
                    dek_id=p.sealed.dek_id,
                    kek_id=p.sealed.wrapped.key_id,
                    wrapped_key=p.sealed.wrapped.blob,
                    ciphertext=p.sealed.ciphertext,
                )
                for p in record.vault
            ],
        )

    def find_idempotent(self, idempotency_key: str, request_digest: str | None) -> str | None:
        """The record id stored under this key, if the request matches; else a conflict."""
        with self._sessions() as s:
            row = s.execute(
                select(Record.id, Record.request_digest).where(
                    Record.idempotency_key == idempotency_key
                )
            ).first()
        if row is None:
            return None
        if row.request_digest != request_digest:
            raise IdempotencyConflict("idempotency key reused for a different request")
        return str(row.id)

    def delete(self, record_id: str, *, now: datetime, journal: Journal | None = None) -> bool:
        """Erase a record: destroy every data key and ciphertext, keep a tombstone.

        Returns False if there is no such live record.
        """
        with self.transaction() as s:
            rec = s.scalars(
                select(Record).where(Record.id == record_id).with_for_update()
            ).one_or_none()
            if rec is None or rec.deleted_at is not None:
                return False
            self._destroy(s, rec, now, "delete", journal, force=True)
            rec.deleted_at = now
            return True

    def sweep(self, now: datetime, *, journal: Journal | None = None) -> list[KeyEvent]:
        """Shred every field whose deadline is ``<= now``: originals first, then the note.

        Idempotent (a shredded field has no key left to destroy) and safe to run
        concurrently: each record is handled in its own transaction under
        ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL (another sweeper
        holding a record skips it); SQLite serializes writers.
        """
        events: list[KeyEvent] = []
        for record_id in self._due_record_ids(now):
            with self.transaction() as s:
                rec = s.scalars(
                    select(Record).where(Record.id == record_id).with_for_update(skip_locked=True)
                ).one_or_none()
                if rec is None:
                    continue
                events.extend(self._destroy(s, rec, now, "shred", journal, force=False))
        return events

    def _destroy(
        self,
        s: Session,
        rec: Record,
        now: datetime,
        action: str,
        journal: Journal | None,
        *,
        force: bool,
    ) -> list[KeyEvent]:
        policy = f"{rec.policy_name}@{rec.policy_version}"
        events: list[KeyEvent] = []
        for part, _deadline in _due_fields(rec, now, force=force):  # originals first
            if isinstance(part, VaultPart):
                events.append(
                    KeyEvent(
                        action,
                        rec.id,
                        f"vault/{part.seq}",
                        tuple(json.loads(part.labels)),
                        part.kek_id,
                        policy,
                    )
                )
                part.wrapped_key = None
                part.ciphertext = None
                part.shredded_at = now
            else:
                events.append(
                    KeyEvent(
                        action,
                        rec.id,
                        "masked",
                        tuple(sorted(json.loads(rec.label_counts))),
                        rec.masked_kek_id,
                        policy,
                    )
                )
                rec.masked_wrapped_key = None
                rec.masked_ciphertext = None
                rec.masked_shredded_at = now
        s.flush()
        if journal is not None:
            for event in events:
                journal(s, event)
        return events

    def rewrap(self, fn: Rewrapper, *, target_kek: str) -> int:
        """Re-wrap every live data key not under ``target_kek``; ciphertexts are untouched.

        One transaction per record under ``FOR UPDATE`` (waiting, not skipping:
        rotation must reach every key). Returns how many keys were re-wrapped.
        """
        with self._sessions() as s:
            ids = s.scalars(
                select(Record.id)
                .where(
                    or_(
                        and_(
                            Record.masked_wrapped_key.is_not(None),
                            Record.masked_kek_id != target_kek,
                        ),
                        exists().where(
                            VaultPart.record_id == Record.id,
                            VaultPart.wrapped_key.is_not(None),
                            VaultPart.kek_id != target_kek,
                        ),
                    )
                )
                .order_by(Record.id)
            ).all()
        count = 0
        for record_id in ids:
            with self.transaction() as s:
                rec = s.scalars(
                    select(Record).where(Record.id == record_id).with_for_update()
                ).one()
                masked = _masked_of(rec)
                if masked is not None and masked.wrapped.key_id != target_kek:
                    new = fn(rec.id, masked)
                    rec.masked_kek_id, rec.masked_wrapped_key = new.key_id, new.blob
                    count += 1
                for part in rec.vault:
                    sealed = _part_of(part)
                    if sealed is not None and sealed.wrapped.key_id != target_kek:
                        new = fn(rec.id, sealed)
                        part.kek_id, part.wrapped_key = new.key_id, new.blob
                        count += 1
        return count

    # ---- reads ---------------------------------------------------------
    def get(self, record_id: str) -> StoredRecord | None:
        with self._sessions() as s:
            rec = s.get(Record, record_id)
            return None if rec is None else _stored(rec, rec.vault)

    def scan(
        self, *, batch: int = 500, unbound_only: bool = False, mac_key_other_than: str | None = None
    ) -> Iterator[StoredRecord]:
        """Every record with its vault parts, in id order, ``batch`` rows per query
        (only those without a MAC, or with a MAC keyed from another KEK, when asked).

        Keyset pagination (``id > last``), one query for a batch's parts, plain rows
        instead of ORM objects: the audit reads 10^5 records in a few hundred
        queries, not 2·10^5, and builds no identity map it would throw away.
        """
        records, parts = Record.__table__, VaultPart.__table__
        last = ""
        while True:
            query = select(records).where(records.c.id > last).order_by(records.c.id)
            if unbound_only:
                query = query.where(records.c.meta_mac.is_(None))
            if mac_key_other_than is not None:
                query = query.where(records.c.meta_mac_key_id != mac_key_other_than)
            with self.engine.connect() as conn:
                rows = conn.execute(query.limit(batch)).all()
                by_record: dict[str, list[Row[Any]]] = defaultdict(list)
                if rows:
                    for part in conn.execute(
                        select(parts)
                        .where(parts.c.record_id.in_([r.id for r in rows]))
                        .order_by(parts.c.record_id, parts.c.seq)
                    ):
                        by_record[part.record_id].append(part)
            yield from (_stored(r, by_record[r.id]) for r in rows)
            if len(rows) < batch:
                return
            last = rows[-1].id

    def set_binding(
        self,
        record_id: str,
        binding: MetaBinding,
        *,
        replace: str | None = None,
        journal: Callable[[Session], None] | None = None,
    ) -> bool:
        """Store a record's metadata MAC, only over the MAC it had (``replace``; None for
        an unbound row), so two binders never overwrite each other. True if written;
        ``journal`` writes the audit entry in the same transaction."""
        with self.transaction() as s:
            current = Record.meta_mac.is_(None) if replace is None else Record.meta_mac == replace
            result = s.execute(
                update(Record)
                .where(Record.id == record_id, current)
                .values(meta_mac=binding.mac, meta_mac_key_id=binding.key_id)
                .execution_options(synchronize_session=False)
            )
            done = int(getattr(result, "rowcount", 0))
            if done and journal is not None:
                journal(s)
            return bool(done)

    def count_bound_by(self, kek_id: str) -> int:
        """How many records' metadata MACs were keyed from this KEK."""
        with self._sessions() as s:
            return int(s.scalar(select(func.count()).where(Record.meta_mac_key_id == kek_id)) or 0)

    def record_ids(self) -> list[str]:
        with self._sessions() as s:
            return list(s.scalars(select(Record.id).order_by(Record.created_at, Record.id)))

    def _due_record_ids(self, now: datetime) -> list[str]:
        record_due = and_(Record.record_deadline.is_not(None), Record.record_deadline <= now)
        with self._sessions() as s:
            return list(
                s.scalars(
                    select(Record.id)
                    .where(
                        or_(
                            and_(record_due, Record.masked_wrapped_key.is_not(None)),
                            exists().where(
                                VaultPart.record_id == Record.id,
                                VaultPart.wrapped_key.is_not(None),
                                or_(VaultPart.retain_until <= now, record_due),
                            ),
                        )
                    )
                    .order_by(Record.id)
                )
            )

    def due_for_shred(self, now: datetime) -> list[DueItem]:
        """Fields past their deadline whose data key still exists (the sweep's backlog)."""
        due: list[DueItem] = []
        with self._sessions() as s:
            for record_id in self._due_record_ids(now):
                rec = s.get(Record, record_id)
                if rec is None:
                    continue
                for part, deadline in _due_fields(rec, now):
                    name = f"vault/{part.seq}" if isinstance(part, VaultPart) else "masked"
                    due.append(DueItem(rec.id, name, deadline))
        return due

    def policies_in_use(self) -> list[tuple[str, str]]:
        """Distinct (policy name, version) of records whose masked note still exists."""
        with self._sessions() as s:
            rows = s.execute(
                select(Record.policy_name, Record.policy_version)
                .where(Record.masked_wrapped_key.is_not(None))
                .distinct()
                .order_by(Record.policy_name, Record.policy_version)
            ).all()
        return [(str(r[0]), str(r[1])) for r in rows]

    def count_wrapped_by(self, kek_id: str) -> int:
        """How many live data keys a KEK still wraps (must be 0 before retiring it)."""
        with self._sessions() as s:
            masked = s.scalar(
                select(func.count()).where(
                    Record.masked_kek_id == kek_id, Record.masked_wrapped_key.is_not(None)
                )
            )
            parts = s.scalar(
                select(func.count()).where(
                    VaultPart.kek_id == kek_id, VaultPart.wrapped_key.is_not(None)
                )
            )
        return int(masked or 0) + int(parts or 0)

    def count_refusal(self, at: datetime, route: str, role: str, status: int) -> None:
        """Add one refused request (401/403/429) to its day's count: metadata only."""
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        day = at.astimezone(UTC).strftime("%Y-%m-%d")
        stmt = insert(Refusal).values(
            day=day, route=route[:200], role=role[:50], status=status, count=1
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["day", "route", "role", "status"],
            set_={"count": Refusal.count + 1},
        )
        with self.transaction() as s:
            s.execute(stmt)
