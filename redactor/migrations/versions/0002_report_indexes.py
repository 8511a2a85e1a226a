"""The auditors' report: indexes for its aggregates, and the counts of refused requests.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_created_at", "records", ["created_at"])
    op.create_index("ix_audit_log_action_at", "audit_log", ["action", "at"])
    op.create_table(
        "refusals",
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("route", sa.String(200), nullable=False),
        sa.Column("role", sa.String(50), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "route", "role", "status", name="pk_refusals"),
    )


def downgrade() -> None:
    op.drop_table("refusals")
    op.drop_index("ix_audit_log_action_at", table_name="audit_log")
    op.drop_index("ix_records_created_at", table_name="records")
