"""Audit entries may carry a sealed purpose note (the purpose itself is a code).

Revision ID: 0003
Revises: 0002
Create Date: 2026-05-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("purpose_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("purpose_note")
