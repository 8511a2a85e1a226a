"""Records carry a MAC of their metadata (policy, label counts, deadlines, created_at).

Existing rows get NULL: the audit reports them as ``unbound`` until
``redactor store bind`` computes their MAC once (the key is derived from the KEK,
which a migration does not hold).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("meta_mac", sa.String(64), nullable=True))
        batch.add_column(sa.Column("meta_mac_key_id", sa.String(64), nullable=True))
    op.create_index("ix_records_meta_mac_key_id", "records", ["meta_mac_key_id"])


def downgrade() -> None:
    op.drop_index("ix_records_meta_mac_key_id", table_name="records")
    # ALTER TABLE … DROP COLUMN (SQLite >= 3.35): a batch "recreate" would drop and copy
    # ``records``, which the vault parts' foreign key forbids
    with op.batch_alter_table("records", recreate="never") as batch:
        batch.drop_column("meta_mac_key_id")
        batch.drop_column("meta_mac")
