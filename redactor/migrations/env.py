"""Alembic environment: run on the connection handed over by ``upgrade_to_head``.

The service migrates itself at startup (no ``alembic.ini`` to ship); the
connection, and so the PostgreSQL ``search_path``, is the caller's.
"""

from __future__ import annotations

from alembic import context

from redactor.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via upgrade_to_head
    raise RuntimeError("run migrations through redactor.store.migrate.upgrade_to_head")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
