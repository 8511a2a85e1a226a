"""Tables of the feedback database: ciphertext and non-identifying metadata only.

No column ever holds a note, a masked note or an original value in clear:
``masked_*`` and ``vault_parts`` hold AES-GCM blobs and wrapped data keys;
``label_counts`` and ``labels`` hold label names and counts; the audit log
holds labels, never values. The Alembic migration in ``redactor/migrations``
creates exactly these tables.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite forgets the offset; we restore it)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """One stored note. After a shred or an erasure its key and ciphertext columns are NULL."""

    __tablename__ = "records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    record_deadline: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    policy_name: Mapped[str] = mapped_column(String(100))
    policy_version: Mapped[str] = mapped_column(String(50))
    label_counts: Mapped[str] = mapped_column(Text)  # JSON {label: count}
    masked_dek_id: Mapped[str] = mapped_column(String(32))
    masked_kek_id: Mapped[str | None] = mapped_column(String(64), index=True)
    masked_wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    masked_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    masked_shredded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    request_digest: Mapped[str | None] = mapped_column(String(64))
    #: HMAC-SHA256 (hex) of the bound metadata (``redactor.crypto.binding``); NULL on rows
    #: stored before migration 0004 until ``redactor store bind``
    meta_mac: Mapped[str | None] = mapped_column(String(64))
    #: the KEK id the MAC key was derived from (the key itself is never stored)
    meta_mac_key_id: Mapped[str | None] = mapped_column(String(64), index=True)

    vault: Mapped[list[VaultPart]] = relationship(
        back_populates="record", order_by="VaultPart.seq", cascade="all, delete-orphan"
    )


class VaultPart(Base):
    """The originals of one record that share a retention deadline, under one data key."""

    __tablename__ = "vault_parts"

    record_id: Mapped[str] = mapped_column(ForeignKey("records.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    retain_until: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    labels: Mapped[str] = mapped_column(Text)  # JSON [label, ...]
    dek_id: Mapped[str] = mapped_column(String(32))
    kek_id: Mapped[str | None] = mapped_column(String(64), index=True)
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    shredded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    record: Mapped[Record] = relationship(back_populates="vault")


class AuditRow(Base):
    """One entry of the hash-chained audit log (see ``redactor.audit.log``).

    ``prev_hash`` is unique: two writers that raced for the same predecessor
    cannot both commit, so the chain can never fork.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_action_at", "action", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40))  # canonical ISO text: hashed as stored
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(50), index=True)
    record_id: Mapped[str | None] = mapped_column(String(36), index=True)
    labels: Mapped[str] = mapped_column(Text)  # JSON sorted list
    policy: Mapped[str | None] = mapped_column(String(160))
    key_version: Mapped[str | None] = mapped_column(String(200))
    result: Mapped[str] = mapped_column(String(200))
    #: sealed purpose note (JSON of base64 parts): ciphertext, never the note (migration 0002)
    purpose_note: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    entry_hash: Mapped[str] = mapped_column(String(64))


class Refusal(Base):
    """How many requests were refused (401/403/429) on one UTC day, by route, role, status.

    Counts, not rows per request: a flood of refusals cannot grow the table
    beyond days x routes x roles. ``role`` is ``-`` when no key was valid.
    """

    __tablename__ = "refusals"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD (UTC)
    route: Mapped[str] = mapped_column(String(200), primary_key=True)  # the route template
    role: Mapped[str] = mapped_column(String(50), primary_key=True)
    status: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
