"""Initial schema: records, vault parts, hash-chained audit log.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

import sqlalchemy as sa
from alembic import op

from redactor.store.models import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "records",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("record_deadline", UtcDateTime(), nullable=True),
        sa.Column("policy_name", sa.String(100), nullable=False),
        sa.Column("policy_version", sa.String(50), nullable=False),
        sa.Column("label_counts", sa.Text(), nullable=False),
        sa.Column("masked_dek_id", sa.String(32), nullable=False),
        sa.Column("masked_kek_id", sa.String(64), nullable=True),
        sa.Column("masked_wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("masked_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("masked_shredded_at", UtcDateTime(), nullable=True),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("idempotency_key", sa.String(200), nullable=True),
        sa.Column("request_digest", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_records"),
        sa.UniqueConstraint("idempotency_key", name="uq_records_idempotency_key"),
    )
    op.create_index("ix_records_record_deadline", "records", ["record_deadline"])
    op.create_index("ix_records_masked_kek_id", "records", ["masked_kek_id"])
    op.create_table(
        "vault_parts",
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("retain_until", UtcDateTime(), nullable=False),
        sa.Column("labels", sa.Text(), nullable=False),
        sa.Column("dek_id", sa.String(32), nullable=False),
        sa.Column("kek_id", sa.String(64), nullable=True),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("shredded_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["record_id"], ["records.id"], name="fk_vault_parts_record_id_records"
        ),
        sa.PrimaryKeyConstraint("record_id", "seq", name="pk_vault_parts"),
    )
    op.create_index("ix_vault_parts_retain_until", "vault_parts", ["retain_until"])
    op.create_index("ix_vault_parts_kek_id", "vault_parts", ["kek_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("role", sa.String(100), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=True),
        sa.Column("labels", sa.Text(), nullable=False),
        sa.Column("policy", sa.String(160), nullable=True),
        sa.Column("key_version", sa.String(200), nullable=True),
        sa.Column("result", sa.String(200), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sa.UniqueConstraint("prev_hash", name="uq_audit_log_prev_hash"),
    )
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    op.create_index("ix_audit_log_record_id", "audit_log", ["record_id"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("vault_parts")
    op.drop_table("records")
