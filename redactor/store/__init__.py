"""The feedback database: SQLAlchemy models, migrations, atomic writes, sweep."""

from redactor.store.engine import make_engine, url_from_env
from redactor.store.migrate import upgrade_to_head
from redactor.store.store import (
    DueItem,
    IdempotencyConflict,
    KeyEvent,
    Store,
    StoredPart,
    StoredRecord,
)

__all__ = [
    "DueItem",
    "IdempotencyConflict",
    "KeyEvent",
    "Store",
    "StoredPart",
    "StoredRecord",
    "make_engine",
    "upgrade_to_head",
    "url_from_env",
]
