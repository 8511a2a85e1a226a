"""Engines for the two supported databases (``Settings.database_url`` picks the URL).

SQLite (a file, nothing to install) for development; PostgreSQL via psycopg 3
for production. SQLite transactions start with ``BEGIN IMMEDIATE`` so that
writers serialize *before* they read (the audit chain reads its head, then
appends); PostgreSQL uses row locks and an advisory lock instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine with the locking behaviour the store relies on."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        database = url.split("///", 1)[1] if "///" in url else ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        connect_args = dict(kwargs.pop("connect_args", {}))
        connect_args.setdefault("timeout", 30)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        _sqlite_immediate(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _sqlite_immediate(engine: Engine) -> None:
    """SQLAlchemy's documented pysqlite recipe: we issue BEGIN ourselves."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        # Overwrite freed pages: a shredded key must not linger in the file.
        dbapi_connection.execute("PRAGMA secure_delete=ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
